/**
 * The PMTiles writer (src/tiles/pmtiles.ts), read back with the `pmtiles` package the app reads archives
 * with, and the tiler (src/tiles/tiler.ts), decoded with the vector tile parser MapLibre uses.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { describe, expect, it } from 'vitest';
import { archiveReader } from '../../support/helpers';
import { writePmtiles, type Tile } from '../../../src/tiles/pmtiles';
import { cutTiles, tileArchive } from '../../../src/tiles/tiler';

const info = {
  minZoom: 0,
  maxZoom: 14,
  bounds: [20, 40, 50, 60] as [number, number, number, number],
  center: [30, 50, 4] as [number, number, number],
  metadata: { vector_layers: [] },
};
const bytesOf = async (p: ReturnType<typeof archiveReader>, z: number, x: number, y: number) => {
  const r = await p.getZxy(z, x, y);
  return r ? Buffer.from(r.data) : null;
};

describe('writePmtiles', () => {
  it('writes a header and tiles the pmtiles reader finds, identical tiles once', async () => {
    const tiles: Tile[] = [
      { z: 0, x: 0, y: 0, data: gzipSync('root') },
      { z: 3, x: 4, y: 2, data: gzipSync('a') },
      { z: 3, x: 5, y: 2, data: gzipSync('a') },
      { z: 3, x: 1, y: 7, data: gzipSync('b') },
    ];
    const archive = writePmtiles(tiles, info);
    const p = archiveReader(archive);
    const h = await p.getHeader();
    expect(h.specVersion).toBe(3);
    expect([h.minZoom, h.maxZoom, h.minLon, h.maxLat, h.centerZoom]).toEqual([0, 14, 20, 60, 4]);
    expect([h.numAddressedTiles, h.numTileContents]).toEqual([4, 3]);
    // The reader undoes the tiles' gzip (the header says tiles are gzip-compressed).
    for (const t of tiles) expect(await bytesOf(p, t.z, t.x, t.y)).toEqual(gunzipSync(t.data));
    expect(await bytesOf(p, 3, 0, 0)).toBeNull();
    expect(await p.getMetadata()).toEqual({ vector_layers: [] });
  });

  it('moves the directory into leaves when the root would pass 16 kB, and writes tile ids past 2^32', async () => {
    const tiles: Tile[] = [];
    // 97 contents spread over 40,000 tiles by a seeded generator: stored once each, so the directory's
    // offsets jump about and it cannot compress below 16 kB.
    const contents = Array.from({ length: 97 }, (_, i) => `content ${i};`.repeat(i + 1));
    const packed = contents.map((c) => gzipSync(c));
    let seed = 1;
    const want = new Map<string, string>();
    for (let x = 0; x < 200; x++) {
      for (let y = 0; y < 200; y++) {
        seed = (seed * 48271) % 2147483647;
        want.set(`${x}/${y}`, contents[seed % 97]);
        tiles.push({ z: 10, x, y, data: packed[seed % 97] });
      }
    }
    tiles.push({ z: 17, x: 70000, y: 50000, data: gzipSync('deep') });
    const archive = writePmtiles(tiles, { ...info, maxZoom: 17 });
    expect(() => writePmtiles(tiles, info)).toThrow('tile 17/70000/50000 is outside zooms 0-14');
    const h = await archiveReader(archive).getHeader();
    expect(h.leafDirectoryLength).toBeGreaterThan(0);
    expect(h.rootDirectoryOffset + h.rootDirectoryLength).toBeLessThanOrEqual(16_384);
    const p = archiveReader(archive);
    for (const [x, y] of [
      [0, 0],
      [199, 199],
      [57, 3],
      [3, 188],
    ])
      expect((await bytesOf(p, 10, x, y))!.toString()).toBe(want.get(`${x}/${y}`));
    expect((await bytesOf(p, 17, 70000, 50000))!.toString()).toBe('deep');
  });

  it('refuses one tile given twice', () => {
    expect(() =>
      writePmtiles(
        [
          { z: 1, x: 0, y: 0, data: gzipSync('a') },
          { z: 1, x: 0, y: 0, data: gzipSync('b') },
        ],
        info,
      ),
    ).toThrow('tile 1/0/0 given twice');
  });
});

describe('cutTiles and tileArchive', () => {
  const points = {
    type: 'FeatureCollection' as const,
    features: [
      {
        type: 'Feature' as const,
        properties: { id: 'kyiv', n: 3, on: true },
        geometry: { type: 'Point' as const, coordinates: [30.52, 50.45] },
      },
      {
        type: 'Feature' as const,
        properties: { id: 'minsk', n: 1, on: false },
        geometry: { type: 'Point' as const, coordinates: [27.56, 53.9] },
      },
    ],
  };
  const area = {
    type: 'FeatureCollection' as const,
    features: [
      {
        type: 'Feature' as const,
        properties: { kind: 'zone' },
        geometry: {
          type: 'Polygon' as const,
          coordinates: [
            [
              [30, 50],
              [31, 50],
              [31, 51],
              [30, 51],
              [30, 50],
            ],
          ],
        },
      },
    ],
  };

  it('cuts each layer into the tiles its features touch, from minZoom to maxZoom, with their properties', () => {
    const set = cutTiles(
      [
        { name: 'points', data: points },
        { name: 'area', data: area },
      ],
      { minZoom: 2, maxZoom: 6 },
    );
    expect(Math.min(...set.tiles.map((t) => t.z))).toBe(2);
    expect(Math.max(...set.tiles.map((t) => t.z))).toBe(6);
    // Kyiv at z6 is tile 6/37/21, inside the area's tile.
    const t = set.tiles.find((t) => t.z === 6 && t.x === 37 && t.y === 21)!;
    const vt = new VectorTile(new PbfReader(gunzipSync(t.data)));
    expect(Object.keys(vt.layers).sort()).toEqual(['area', 'points']);
    const kyiv = vt.layers.points.feature(0);
    expect(kyiv.properties).toEqual({ id: 'kyiv', n: 3, on: true });
    expect(vt.layers.area.feature(0).properties).toEqual({ kind: 'zone' });
  });

  it('writes an archive whose metadata lists the layers and their fields', async () => {
    const { archive, tiles } = tileArchive(
      [{ name: 'points', data: points }],
      { minZoom: 0, maxZoom: 5 },
      { center: [30, 50, 4] },
    );
    expect(tiles).toBeGreaterThan(5);
    const p = archiveReader(archive);
    const h = await p.getHeader();
    expect([h.minLon, h.minLat, h.maxLon, h.maxLat]).toEqual([27.56, 50.45, 30.52, 53.9]);
    expect(await p.getMetadata()).toEqual({
      vector_layers: [{ id: 'points', minzoom: 0, maxzoom: 5, fields: { id: 'String', n: 'Number', on: 'Boolean' } }],
    });
  });
});
