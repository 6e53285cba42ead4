/**
 * The basemap as vector tiles: the TopoJSON files geodata/build/basemap.ts writes (geodata/basemap/) are
 * turned into the layers the map draws (topology.ts, which the browser used to run at every load) and cut
 * into the PMTiles archives basemap/archives.ts lists, under geodata/tiles/:
 *
 * - world.pmtiles: every country at the world's scale (Natural Earth 50m), and the region's places
 *   (archives.ts says why there);
 * - region.pmtiles: the countries of the region with their first-level units, borders, lakes, rivers, and
 *   their label points.
 *
 * Each feature keeps only the properties the style reads (map/style.ts), so no name in another script, and
 * nothing the map does not draw, reaches the browser.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Feature, FeatureCollection } from 'geojson';
import { physicalLayers, placesLayer, regionLayers, worldLayers } from '../basemap/topology';
import { THEATRE } from '../basemap/theatre';
import { BASEMAP_SOURCES, BASEMAP_TILE_LAYERS, BASEMAP_ZOOMS, type BasemapSource } from '../basemap/archives';
import { tileArchive, type TileLayer } from './tiler';

function keep(fc: FeatureCollection, fields: readonly string[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: fc.features.map((f): Feature => ({
      type: 'Feature',
      geometry: f.geometry,
      properties: Object.fromEntries(fields.filter((k) => f.properties?.[k] != null).map((k) => [k, f.properties![k]])),
    })),
  };
}

/** The basemap's layers, from the TopoJSON files in `dir`, as the style reads them. */
export function basemapLayers(dir: string): Record<BasemapSource, TileLayer[]> {
  const read = (name: string): unknown => JSON.parse(readFileSync(path.join(dir, name), 'utf8'));
  const region = regionLayers(read('region.topo.json'));
  const world = worldLayers(read('world.topo.json'));
  const physical = physicalLayers(read('physical.topo.json'));
  const places = placesLayer(read('places.geojson'));
  const data: Record<string, FeatureCollection> = {
    world: world.world,
    'world-borders': world.worldBorders,
    units: region.units,
    borders: region.borders,
    lakes: physical.lakes,
    rivers: physical.rivers,
    'unit-labels': region.unitLabels,
    'country-labels': region.countryLabels,
    places,
  };
  return Object.fromEntries(
    BASEMAP_SOURCES.map((archive) => [
      archive,
      Object.entries(BASEMAP_TILE_LAYERS[archive]).map(([name, fields]) => ({ name, data: keep(data[name], fields) })),
    ]),
  ) as Record<BasemapSource, TileLayer[]>;
}

const center = (): [number, number, number] => {
  const [[w, s], [e, n]] = THEATRE;
  return [(w + e) / 2, (s + n) / 2, 4];
};

/** The credit in the archives' metadata, as plain text (the map's control shows map/attribution.ts). */
const ATTRIBUTION = 'Natural Earth (public domain); GeoNames (CC BY 4.0)';

/** Both archives' bytes, built from the TopoJSON files in `dir`. */
export function basemapArchives(
  dir: string,
  attribution = ATTRIBUTION,
): Record<BasemapSource, { archive: Buffer; tiles: number; tileBytes: number }> {
  const layers = basemapLayers(dir);
  return Object.fromEntries(
    BASEMAP_SOURCES.map((s) => [s, tileArchive(layers[s], BASEMAP_ZOOMS[s], { center: center(), attribution })]),
  ) as Record<BasemapSource, ReturnType<typeof tileArchive>>;
}
