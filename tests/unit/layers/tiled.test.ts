/**
 * The tiled story (src/layers/tiled.ts): thinning keeps every combo of every cell at every zoom; the
 * build writes the archives, summary and shards the app reads, and the shards' excerpts are the
 * article's words at their offsets. Small catalogues, seconds.
 */
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { CATEGORIES, type Category } from '../../../src/catalogue/vocabulary';
import { buildLayers, type BuildResult } from '../../../src/layers/build';
import {
  decodeShard,
  shardFile,
  shardOf,
  StoryShapeError,
  type StoryShard,
  type TiledStoryFile,
} from '../../../src/layers/format';
import { CELLS, FULL_DETAIL_ZOOM, TILE_THRESHOLD, combosOf, thinMarks, type MarkInput } from '../../../src/layers/tiled';
import { realBasemap, syntheticCatalogue } from '../../support/synthetic';
import { mulberry32 } from '../../support/prng';
import { archiveReader } from '../../support/helpers';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/** The cell of a point at zoom z, computed here on its own (Web Mercator, CELLS per tile side). */
function cell([lng, lat]: number[], z: number): string {
  const n = 2 ** z * CELLS;
  const y = Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
  return `${Math.floor(((lng + 180) / 360) * n)},${Math.floor(((1 - y / Math.PI) / 2) * n)}`;
}

function randomMarks(seed: number, count: number): MarkInput[] {
  const rand = mulberry32(seed);
  const places = Array.from({ length: count / 4 }, (_, i) => ({ id: `p${i}`, at: [22 + rand() * 28, 44.5 + rand() * 15.5] }));
  const marks: MarkInput[] = [];
  for (let i = 0; i < count; i++) {
    const p = places[Math.floor(rand() * places.length)];
    const k = Math.floor(rand() * 40);
    marks.push({ place: p.id, at: p.at, k, category: CATEGORIES[k % CATEGORIES.length] });
  }
  return marks;
}

describe('thinMarks', () => {
  const marks = randomMarks(7, 4000);

  it('keeps every combo of every cell, once, at every zoom below full detail', () => {
    for (let z = 0; z < FULL_DETAIL_ZOOM; z++) {
      const want = new Map<string, Set<number>>();
      for (const m of marks) {
        const c = cell(m.at, z);
        if (!want.has(c)) want.set(c, new Set());
        want.get(c)!.add(m.k);
      }
      const got = new Map<string, number[]>();
      for (const f of thinMarks(marks, z)) {
        const c = cell(f.geometry.coordinates, z);
        if (!got.has(c)) got.set(c, []);
        got.get(c)!.push(f.properties!.k as number);
      }
      // A category or a date interval dropped from a cell would be a combo missing here.
      expect(new Map([...got].map(([c, ks]) => [c, new Set(ks)]))).toEqual(want);
      for (const ks of got.values()) expect(ks.length).toBe(new Set(ks).size);
    }
  });

  it('thins: fewer features at lower zooms, and a place named only where a cell holds one place', () => {
    const counts = Array.from({ length: FULL_DETAIL_ZOOM }, (_, z) => thinMarks(marks, z).length);
    for (let z = 1; z < FULL_DETAIL_ZOOM; z++) expect(counts[z - 1]).toBeLessThanOrEqual(counts[z]);
    expect(counts[2]).toBeLessThan(marks.length / 4);
    const z = 5;
    const placesIn = new Map<string, Set<string>>();
    for (const m of marks) {
      const c = cell(m.at, z);
      if (!placesIn.has(c)) placesIn.set(c, new Set());
      placesIn.get(c)!.add(m.place);
    }
    for (const f of thinMarks(marks, z)) {
      const here = placesIn.get(cell(f.geometry.coordinates, z))!;
      expect(f.properties!.p).toBe(here.size === 1 ? [...here][0] : undefined);
    }
  });

  it('gives each category of a cell its own slot in the row, in legend order', () => {
    for (const f of thinMarks(marks, 4)) expect(Math.abs(f.properties!.s as number)).toBeLessThan(CATEGORIES.length);
    const row = thinMarks(
      [
        { place: 'a', at: [30, 50], k: 2, category: 'naval' },
        { place: 'a', at: [30, 50], k: 0, category: 'troops' },
        { place: 'b', at: [30.001, 50.001], k: 1, category: 'troops' },
      ],
      3,
    );
    expect(row.map((f) => [f.properties!.k, f.properties!.s])).toEqual([
      [0, -1],
      [1, -1],
      [2, 1],
    ]);
  });
});

/** Every feature of a vector layer in an archive's tiles at zoom z. */
async function featuresAt(archive: Uint8Array, layer: string, z: number): Promise<Record<string, unknown>[]> {
  const p = archiveReader(archive);
  const out: Record<string, unknown>[] = [];
  const n = 2 ** z;
  // The synthetic region's tiles only: [22, 44.5, 50, 60].
  const x0 = Math.floor(((22 + 180) / 360) * n);
  const x1 = Math.floor(((50 + 180) / 360) * n);
  const ty = (lat: number) => Math.floor(((1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) / 2) * n);
  for (let x = x0; x <= x1; x++)
    for (let y = ty(60); y <= ty(44.5); y++) {
      const r = await p.getZxy(z, x, y);
      if (!r) continue;
      const l = new VectorTile(new PbfReader(new Uint8Array(r.data))).layers[layer];
      for (let i = 0; i < (l?.length ?? 0); i++) out.push(l!.feature(i).properties);
    }
  return out;
}

describe('a tiled build', () => {
  const basemap = realBasemap(ROOT);
  const c = syntheticCatalogue(400, basemap);
  const input = {
    sources: [{ file: 'synthetic/synthetic.json', record: c.source, text: c.text }],
    places: { file: 'synthetic/places.json', json: { places: c.places } },
    events: [{ file: 'synthetic/synthetic.events.json', json: { events: c.events } }],
    basemap,
  };
  let built: Extract<BuildResult, { ok: true }>;
  let summary: TiledStoryFile;
  beforeAll(() => {
    const r = buildLayers(input, { appOnly: true, tiled: true });
    if (!r.ok) throw new Error(JSON.stringify(r.errors.slice(0, 3)));
    built = r;
    summary = JSON.parse(r.files.get('story.json')!) as TiledStoryFile;
  });

  it('is what a catalogue of TILE_THRESHOLD events or more gets, and a smaller one does not', () => {
    expect(TILE_THRESHOLD).toBeGreaterThan(1000);
    const small = buildLayers(input, { appOnly: true });
    expect(small.ok && JSON.parse(small.files.get('story.json')!)).toHaveProperty('events');
    expect(small.ok && small.archives).toBeFalsy();
  });

  it('writes a summary whose combos count every event once, by the events’ own categories and dates', () => {
    expect(summary.tiled.events).toBe(400);
    expect(summary.combos.reduce((n, x) => n + x.events, 0)).toBe(400);
    const perCategory = new Map<Category, number>();
    for (const e of c.events) perCategory.set(e.category, (perCategory.get(e.category) ?? 0) + 1);
    const fromCombos = new Map<Category, number>();
    for (const x of summary.combos) fromCombos.set(x.category, (fromCombos.get(x.category) ?? 0) + x.events);
    expect(fromCombos).toEqual(perCategory);
    expect(new Set(summary.combos.map((x) => `${x.date_start}/${x.date_end}`)).size).toBeGreaterThan(3);
    // Nothing per event in the summary: its size does not grow with the events.
    expect(built.files.get('story.json')!.length).toBeLessThan(20_000);
  });

  it('has every place’s own marks at full detail, and every combo of the story at a low zoom', async () => {
    const marks = built.archives!.get(summary.tiled.archives.marks.file)!;
    const full = await featuresAt(marks, 'marks', FULL_DETAIL_ZOOM);
    const got = new Set(full.map((p) => `${p.p} ${p.k}`));
    // From the shards: each event at a place, by its combo.
    const { of } = combosOf(
      shards()
        .flatMap((s) => s.events)
        .filter((e, i, all) => all.findIndex((x) => x.event_id === e.event_id) === i),
    );
    const want = new Set<string>();
    for (const [e, k] of of) if (e.site !== 'seat') for (const p of e.places) want.add(`${p} ${k}`);
    expect(got).toEqual(want);
    const low = await featuresAt(marks, 'marks', 3);
    expect(new Set(low.map((p) => p.k))).toEqual(new Set(summary.combos.map((_, k) => k)));
    const areas = await featuresAt(built.archives!.get(summary.tiled.archives.areas.file)!, 'areas', 4);
    expect(new Set(areas.map((p) => p.place_id))).toEqual(new Set(summary.areas.map((a) => a.place_id)));
  });

  const shards = (): StoryShard[] =>
    Array.from({ length: summary.tiled.shards }, (_, i) => decodeShard(JSON.parse(built.files.get(shardFile(i))!), shardFile(i)));

  it('puts each place in the shard its id names, with its events and their excerpts in the article’s words', () => {
    const all = shards();
    const seen = new Set<string>();
    all.forEach((s, i) => {
      for (const p of s.places) {
        expect(shardOf(p.place_id, summary.tiled.shards)).toBe(i);
        seen.add(p.place_id);
      }
      const here = new Set(s.places.map((p) => p.place_id));
      for (const e of s.events) {
        expect([...e.places, ...e.about].some((p) => here.has(p))).toBe(true);
        for (const x of e.excerpts) expect(x.text).toBe(c.text.slice(x.start, x.end));
      }
    });
    expect(seen.size).toBe(summary.tiled.places);
    const kyiv = all[shardOf('bench-kyiv', summary.tiled.shards)];
    expect(kyiv.events.find((e) => e.places.includes('bench-kyiv'))!.excerpts[0].text).toBe(
      'The benchmark anchor event took place in Kyiv on Tuesday.',
    );
  });

  it('refuses a shard whose excerpt is not as long as its offsets, naming the file', () => {
    const file = shardFile(0);
    const json = JSON.parse(built.files.get(file)!) as { events: { excerpts: { text: string }[] }[] };
    json.events[0].excerpts[0].text += ' <b>and more</b>';
    expect(() => decodeShard(json, file)).toThrow(StoryShapeError);
    expect(() => decodeShard(json, file)).toThrow(`${file}: events[0].excerpts[0] is not the text of its offsets`);
  });
});

describe('a tiled build, twice', () => {
  it('gives the same bytes from the same catalogue', () => {
    const basemap = realBasemap(ROOT);
    const c = syntheticCatalogue(300, basemap);
    const build = () =>
      buildLayers(
        {
          sources: [{ file: 'synthetic/synthetic.json', record: c.source, text: c.text }],
          places: { file: 'synthetic/places.json', json: { places: c.places } },
          events: [{ file: 'synthetic/synthetic.events.json', json: { events: c.events } }],
          basemap,
        },
        { appOnly: true, tiled: true },
      );
    const [a, b] = [build(), build()];
    if (!a.ok || !b.ok) throw new Error('the synthetic catalogue did not build');
    expect(b.files).toEqual(a.files);
    expect([...b.archives!].map(([n, x]) => [n, Buffer.from(x).toString('base64')])).toEqual(
      [...a.archives!].map(([n, x]) => [n, Buffer.from(x).toString('base64')]),
    );
  });
});
