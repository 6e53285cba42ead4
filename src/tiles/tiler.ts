/**
 * Cuts GeoJSON layers into vector tiles at build time with MapLibre's own tiler (@maplibre/geojson-vt,
 * the code a GeoJSON source runs in the browser's worker) and encodes them with @maplibre/vt-pbf: what
 * the browser would otherwise do at every load is done once, and the page fetches only the tiles it shows.
 * The tiles go into a PMTiles archive (pmtiles.ts).
 */
import { gzipSync } from 'node:zlib';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { FeatureCollection } from 'geojson';
import { writePmtiles, type Tile } from './pmtiles';

export interface TileLayer {
  /** The vector layer's name in the tiles (a style layer's `source-layer`). */
  name: string;
  data: FeatureCollection;
  /**
   * The zooms this layer's data is cut at, within the archive's: a layer thinned per zoom is given as
   * one TileLayer per zoom under the same name, each with the features it keeps at that zoom.
   */
  zooms?: ZoomRange;
}

/**
 * The zooms an archive is cut at. One range for all its layers: MapLibre draws a source's last level
 * larger beyond its maxzoom (overzoom), but a layer missing from a tile inside the range is not drawn there.
 */
interface ZoomRange {
  minZoom: number;
  maxZoom: number;
}

/** MapLibre's tile extent and the GeoJSON source's defaults, so a tile draws as the same data did. */
const EXTENT = 4096;
const TOLERANCE = 3;
/** In tile units: 64 of 4096 is MapLibre's GeoJSON default (128 px at 512 px tiles is more than marks and labels need). */
const BUFFER = 64;

interface TileSet {
  tiles: Tile[];
  minZoom: number;
  maxZoom: number;
  /** Bytes of all tiles, gzip-compressed as stored. */
  bytes: number;
}

/** Every tile of the layers at the zooms; a tile holds each layer that has features in it. */
export function cutTiles(layers: TileLayer[], { minZoom, maxZoom }: ZoomRange): TileSet {
  const byTile = new Map<string, { z: number; x: number; y: number; layers: Record<string, unknown> }>();
  for (const layer of layers) {
    const from = Math.max(minZoom, layer.zooms?.minZoom ?? minZoom);
    const to = Math.min(maxZoom, layer.zooms?.maxZoom ?? maxZoom);
    if (from > to) continue;
    const index = new GeoJSONVT(layer.data, { maxZoom: to, tolerance: TOLERANCE, extent: EXTENT, buffer: BUFFER });
    // Down the quadtree from 0/0/0, through the public getTile only: a tile without features has no
    // children worth visiting.
    const visit = (z: number, x: number, y: number): void => {
      const tile = index.getTile(z, x, y);
      if (!tile || tile.features.length === 0) return;
      if (z >= from) {
        const key = `${z}/${x}/${y}`;
        const entry = byTile.get(key) ?? { z, x, y, layers: {} };
        entry.layers[layer.name] = tile;
        byTile.set(key, entry);
      }
      if (z < to)
        for (const [dx, dy] of [
          [0, 0],
          [1, 0],
          [0, 1],
          [1, 1],
        ])
          visit(z + 1, 2 * x + dx, 2 * y + dy);
    };
    visit(0, 0, 0);
  }
  const tiles: Tile[] = [];
  let bytes = 0;
  for (const { z, x, y, layers: tileLayers } of byTile.values()) {
    const pbf = fromGeojsonVt(tileLayers as Parameters<typeof fromGeojsonVt>[0], { version: 2, extent: EXTENT });
    // mtime-free gzip: the same layers give the same bytes on every build.
    const data = gzipSync(pbf, { level: 9 });
    bytes += data.length;
    tiles.push({ z, x, y, data });
  }
  return { tiles, minZoom, maxZoom, bytes };
}

/** The bounds of every feature of the layers, [west, south, east, north]. */
function layerBounds(layers: TileLayer[]): [number, number, number, number] {
  const b: [number, number, number, number] = [180, 90, -180, -90];
  const visit = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number') {
      const [lng, lat] = c as number[];
      b[0] = Math.min(b[0], lng);
      b[1] = Math.min(b[1], lat);
      b[2] = Math.max(b[2], lng);
      b[3] = Math.max(b[3], lat);
      return;
    }
    for (const inner of c) visit(inner);
  };
  for (const l of layers)
    for (const f of l.data.features) if (f.geometry && 'coordinates' in f.geometry) visit(f.geometry.coordinates);
  return b;
}

/** The properties a layer's features carry, with their types, as TileJSON's `vector_layers` lists them. */
function fieldsOf(parts: TileLayer[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const f of parts.flatMap((l) => l.data.features)) {
    for (const [k, v] of Object.entries(f.properties ?? {})) {
      fields[k] ??= typeof v === 'number' ? 'Number' : typeof v === 'boolean' ? 'Boolean' : 'String';
    }
  }
  return Object.fromEntries(Object.entries(fields).sort(([a], [b]) => a.localeCompare(b)));
}

/** The layers cut into tiles and written as one PMTiles archive, with the `vector_layers` MapLibre reads. */
export function tileArchive(
  layers: TileLayer[],
  zooms: ZoomRange,
  { center, attribution }: { center: [number, number, number]; attribution?: string },
): { archive: Buffer; tiles: number; tileBytes: number } {
  const set = cutTiles(layers, zooms);
  // One entry per name: a layer thinned per zoom is several TileLayers of one name (TileLayer.zooms).
  const names = [...new Set(layers.map((l) => l.name))];
  const vectorLayers = names.map((name) => ({
    id: name,
    minzoom: zooms.minZoom,
    maxzoom: zooms.maxZoom,
    fields: fieldsOf(layers.filter((l) => l.name === name)),
  }));
  const archive = writePmtiles(set.tiles, {
    minZoom: set.minZoom,
    maxZoom: set.maxZoom,
    bounds: layerBounds(layers),
    center,
    metadata: { vector_layers: vectorLayers, ...(attribution ? { attribution } : {}) },
  });
  return { archive, tiles: set.tiles.length, tileBytes: set.bytes };
}
