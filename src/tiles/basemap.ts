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

/** The files the tiles are cut from, in geodata/basemap/. */
const TILE_INPUTS = ['region.topo.json', 'world.topo.json', 'physical.topo.json', 'places.geojson'] as const;

/**
 * The tiles' input files in `dir`, parsed; a file missing or not JSON is an error naming it, with every
 * such file in the one error, so that a broken basemap build is seen whole.
 */
function readInputs(dir: string): Record<(typeof TILE_INPUTS)[number], unknown> {
  const problems: string[] = [];
  const read = (name: string): [string, unknown] => {
    const file = path.join(dir, name);
    try {
      return [name, JSON.parse(readFileSync(file, 'utf8'))];
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      problems.push(`${file}: ${code === 'ENOENT' ? 'file not found' : `not readable as JSON (${(err as Error).message})`}`);
      return [name, undefined];
    }
  };
  const inputs = Object.fromEntries(TILE_INPUTS.map(read));
  if (problems.length)
    throw new Error(
      `the basemap's tiles cannot be cut (npm run geodata:basemap writes these files):\n${problems.map((p) => `  ${p}`).join('\n')}`,
    );
  return inputs as Record<(typeof TILE_INPUTS)[number], unknown>;
}

/** The basemap's layers, from the TopoJSON files in `dir`, as the style reads them. */
export function basemapLayers(dir: string): Record<BasemapSource, TileLayer[]> {
  const input = readInputs(dir);
  const region = regionLayers(input['region.topo.json']);
  const world = worldLayers(input['world.topo.json']);
  const physical = physicalLayers(input['physical.topo.json']);
  const places = placesLayer(input['places.geojson']);
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
