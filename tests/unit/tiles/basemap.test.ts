/**
 * The basemap's tile archives (geodata/tiles/): rebuilt from geodata/basemap/ to the same bytes, holding
 * every layer the style draws with every property it reads, and a first view that costs little to fetch.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import type { LayerSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { BASEMAP_SOURCES, BASEMAP_TILE_LAYERS, archiveFile } from '../../../src/basemap/archives';
import { THEATRE } from '../../../src/basemap/theatre';
import { buildStyle } from '../../../src/map/style';
import { defaultTheme } from '../../../src/map/theme';
import { basemapArchives, basemapLayers } from '../../../src/tiles/basemap';
import { cutTiles } from '../../../src/tiles/tiler';
import { BASEMAP_ZOOMS } from '../../../src/basemap/archives';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const built = basemapArchives(path.join(ROOT, 'geodata/basemap'));

/** Every feature property an expression reads with ["get", name]. */
function gets(v: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(v)) {
    if (v[0] === 'get' && typeof v[1] === 'string' && v.length === 2) out.add(v[1]);
    for (const x of v) gets(x, out);
  } else if (v && typeof v === 'object') for (const x of Object.values(v)) gets(x, out);
  return out;
}

describe('the basemap archives', () => {
  it('rebuild from geodata/basemap to the committed bytes (npm run geodata:tiles)', () => {
    for (const id of BASEMAP_SOURCES) {
      const committed = readFileSync(path.join(ROOT, 'geodata/tiles', archiveFile(id)));
      expect(built[id].archive.equals(committed), `${archiveFile(id)} is stale: run npm run geodata:tiles`).toBe(true);
    }
  });

  it('hold every vector layer the style draws, with every property it reads', () => {
    const layers = buildStyle(defaultTheme).layers.filter(
      (l): l is LayerSpecification & { source: string; 'source-layer': string } =>
        'source' in l && (BASEMAP_SOURCES as string[]).includes(l.source as string),
    );
    expect(layers.length).toBeGreaterThan(10);
    for (const l of layers) {
      const kept = (BASEMAP_TILE_LAYERS as Record<string, Record<string, readonly string[]>>)[l.source][l['source-layer']];
      expect(kept, `${l.id}: ${l.source}/${l['source-layer']}`).toBeDefined();
      for (const p of gets(['filter' in l ? l.filter : null, 'layout' in l ? l.layout : null, 'paint' in l ? l.paint : null]))
        expect(kept, `${l.id} reads ${p}`).toContain(p);
    }
  });

  it('keep only those properties: no name in another script reaches the browser', () => {
    const layers = basemapLayers(path.join(ROOT, 'geodata/basemap'));
    const places = layers.world.find((l) => l.name === 'places')!;
    expect(places.data.features.length).toBeGreaterThan(100);
    for (const f of places.data.features)
      expect(Object.keys(f.properties!).every((k) => ['id', 'name', 'rank', 'population', 'capital'].includes(k))).toBe(true);
    expect(JSON.stringify(layers)).not.toMatch(/[\u0400-\u04ff]/);
  });

  it("cut the theatre's first view into a few small tiles", () => {
    // Zoom 4, the laptop's first view (a phone's is 3.6, drawn from zoom 3's tiles).
    const z = 4;
    const x = (lng: number) => Math.floor(((lng + 180) / 360) * 2 ** z);
    const y = (lat: number) => {
      const r = (lat * Math.PI) / 180;
      return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z);
    };
    const [[w, s], [e, n]] = THEATRE;
    const layers = basemapLayers(path.join(ROOT, 'geodata/basemap'));
    let bytes = 0;
    for (const id of BASEMAP_SOURCES) {
      const tiles = cutTiles(layers[id], BASEMAP_ZOOMS[id]).tiles.filter(
        (t) => t.z === z && t.x >= x(w) && t.x <= x(e) && t.y >= y(n) && t.y <= y(s),
      );
      bytes += tiles.reduce((sum, t) => sum + t.data.length, 0);
      // Kyiv's tile: the region's units and borders in one archive, its places in the world's (archives.ts).
      const vt = new VectorTile(new PbfReader(gunzipSync(tiles.find((t) => t.x === x(30.5) && t.y === y(50.45))!.data)));
      expect(Object.keys(vt.layers)).toEqual(
        expect.arrayContaining(id === 'region' ? ['units', 'borders', 'country-labels'] : ['places']),
      );
      if (id === 'region') expect(Object.keys(vt.layers)).not.toContain('places');
    }
    // The basemap's four files were 213 kB gzip, all of them fetched at every load.
    expect(bytes).toBeLessThan(100_000);
  });
});

describe('the basemap files the tiles are cut from', () => {
  it('refuses, naming every file that is missing or not JSON, in one error', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tiles-input-'));
    try {
      copyFileSync(path.join(ROOT, 'geodata/basemap/world.topo.json'), path.join(dir, 'world.topo.json'));
      copyFileSync(path.join(ROOT, 'geodata/basemap/places.geojson'), path.join(dir, 'places.geojson'));
      writeFileSync(path.join(dir, 'region.topo.json'), '{"type": "Topology", ');
      let message = '';
      try {
        basemapLayers(dir);
      } catch (err) {
        message = (err as Error).message;
      }
      expect(message).toMatch(/npm run geodata:basemap/);
      expect(message).toContain(`${path.join(dir, 'region.topo.json')}: not readable as JSON`);
      expect(message).toContain(`${path.join(dir, 'physical.topo.json')}: file not found`);
      expect(message).not.toContain('world.topo.json');
      expect(message).not.toContain('places.geojson');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
