/**
 * The contract between the story's two forms: one catalogue built as GeoJSON (places.geojson, story.json)
 * and as tiles (shards, the marks' archive) says the same of every place: how many events happened or were
 * said there and how many are about it, the categories of what happened there and, apart, of what is only
 * listed there as a seat of government, and every figure of its events in the article's words.
 *
 * Each form is read by its own files, as the app reads it; `differences` compares what they say. The last
 * tests break one form on purpose (a seat-listed event counted among the categories, as the exported
 * places.geojson once did; an event's second figure dropped, as the build once did) and show the
 * comparison names the place and what differs.
 */
import path from 'node:path';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogueEvent, Place } from '../../../src/catalogue/schema';
import { listedAsSeat } from '../../../src/catalogue/vocabulary';
import { buildLayers, type BuildInput } from '../../../src/layers/build';
import {
  decodeShard,
  decodeStory,
  shardFile,
  type PlaceProperties,
  type StoryEvent,
  type TiledStoryFile,
} from '../../../src/layers/format';
import { FULL_DETAIL_ZOOM } from '../../../src/layers/tiled';
import { archiveReader } from '../../support/helpers';
import { realBasemap, syntheticCatalogue } from '../../support/synthetic';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/**
 * A synthetic story with what the contract is about: events listed at a city as its seat of government,
 * events about a country, and events with two figures (the second the sentence's "report N").
 */
function catalogue(n: number): { input: BuildInput; events: CatalogueEvent[] } {
  const basemap = realBasemap(ROOT);
  const c = syntheticCatalogue(n, basemap);
  const kinds = new Map(c.places.map((p: Place) => [p.id, p.kind]));
  c.events.forEach((e, i) => {
    if (i % 7 === 3 && kinds.get(e.places[0]) === 'city') e.site = 'seat';
    if (i % 11 === 5 && !e.places.includes('country-ua')) e.about = ['country-ua'];
    if (e.quantities) e.quantities.push({ value: i, unit: 'report', text: `report ${i}` });
  });
  const input: BuildInput = {
    sources: [{ file: 'synthetic/synthetic.json', record: c.source, text: c.text }],
    places: { file: 'synthetic/places.json', json: { places: c.places } },
    events: [{ file: 'synthetic/synthetic.events.json', json: { events: c.events } }],
    basemap,
  };
  return { input, events: c.events };
}

/** What a form says of one place. */
interface PlaceFacts {
  here: number;
  about: number;
  categories: string;
  seat_categories: string;
  /** Every figure of the events there (not seat-listed), in the article's words, sorted. */
  figures: string[];
}

function factsOf(places: PlaceProperties[], events: StoryEvent[]): Map<string, PlaceFacts> {
  const figures = new Map<string, string[]>();
  for (const e of events)
    if (!listedAsSeat(e))
      for (const id of e.places) figures.set(id, [...(figures.get(id) ?? []), ...e.quantities.map((q) => q.text)]);
  return new Map(
    places.map((p) => [
      p.place_id,
      {
        here: p.events_here,
        about: p.events_about,
        categories: p.categories ?? '(none given)',
        seat_categories: p.seat_categories ?? '(none given)',
        figures: (figures.get(p.place_id) ?? []).sort(),
      },
    ]),
  );
}

/** "place: field: a ≠ b" for every difference, and the places only one form has. */
function differences(a: Map<string, PlaceFacts>, b: Map<string, PlaceFacts>): string[] {
  const out: string[] = [];
  for (const id of new Set([...a.keys(), ...b.keys()])) {
    const [x, y] = [a.get(id), b.get(id)];
    if (!x || !y) {
      out.push(`${id}: only in the ${x ? 'GeoJSON' : 'tiled'} form`);
      continue;
    }
    for (const k of Object.keys(x) as (keyof PlaceFacts)[])
      if (JSON.stringify(x[k]) !== JSON.stringify(y[k]))
        out.push(`${id}: ${k}: ${JSON.stringify(x[k])} ≠ ${JSON.stringify(y[k])}`);
  }
  return out;
}

/** The places' marks at full detail, by place: the categories the tiled map shows there. */
async function markedCategories(archive: Uint8Array): Promise<Map<string, Set<string>>> {
  const reader = archiveReader(archive);
  const n = 2 ** FULL_DETAIL_ZOOM;
  const tile = (lng: number, lat: number) => [
    Math.floor(((lng + 180) / 360) * n),
    Math.floor(((1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) / 2) * n),
  ];
  // The synthetic region (tests/support/synthetic.ts REGION_BBOX), and a little around it for country label points.
  const [x0, y0] = tile(18, 62);
  const [x1, y1] = tile(52, 42);
  const out = new Map<string, Set<string>>();
  for (let x = x0; x <= x1; x++)
    for (let y = y0; y <= y1; y++) {
      const r = await reader.getZxy(FULL_DETAIL_ZOOM, x, y);
      const layer = r && new VectorTile(new PbfReader(new Uint8Array(r.data))).layers.marks;
      for (let i = 0; i < (layer?.length ?? 0); i++) {
        const { p, c } = layer!.feature(i).properties as { p: string; c: string };
        out.set(p, (out.get(p) ?? new Set()).add(c));
      }
    }
  return out;
}

describe('one catalogue in both forms', () => {
  const { input } = catalogue(700);
  let geojson: Map<string, PlaceFacts>;
  let tiled: Map<string, PlaceFacts>;
  let shardPlaces: PlaceProperties[];
  let shardEvents: StoryEvent[];
  let marks: Map<string, Set<string>>;
  beforeAll(async () => {
    const flat = buildLayers(input, { appOnly: true, tiled: false });
    const tiles = buildLayers(input, { appOnly: true, tiled: true });
    if (!flat.ok || !tiles.ok) throw new Error('the synthetic catalogue does not build');
    const places = (JSON.parse(flat.files.get('places.geojson')!) as { features: { properties: PlaceProperties }[] }).features;
    geojson = factsOf(
      places.map((f) => f.properties),
      decodeStory(JSON.parse(flat.files.get('story.json')!)).events,
    );
    const summary = JSON.parse(tiles.files.get('story.json')!) as TiledStoryFile;
    const shards = Array.from({ length: summary.tiled.shards }, (_, i) =>
      decodeShard(JSON.parse(tiles.files.get(shardFile(i))!), shardFile(i)),
    );
    shardPlaces = shards.flatMap((s) => s.places);
    // An event about or at places in several shards is in each: once here.
    shardEvents = [...new Map(shards.flatMap((s) => s.events).map((e) => [e.event_id, e])).values()];
    tiled = factsOf(shardPlaces, shardEvents);
    marks = await markedCategories(tiles.archives!.get(summary.tiled.archives.marks.file)!);
  });

  it('has what the contract is about: seat-listed events, events about a place, events with two figures', () => {
    expect([...geojson.values()].filter((p) => p.seat_categories !== '').length).toBeGreaterThan(5);
    expect([...geojson.values()].filter((p) => p.about > 0).length).toBeGreaterThan(0);
    expect(shardEvents.filter((e) => e.quantities.length === 2).length).toBeGreaterThan(20);
    expect(geojson.size).toBeGreaterThan(200);
  });

  it('says the same of every place: counts, categories, seat-listed categories apart, figures', () => {
    expect(differences(geojson, tiled)).toEqual([]);
  });

  it('marks on the tiled map exactly the categories places.geojson gives, never a seat-listed one alone', () => {
    const want = new Map(
      [...geojson].filter(([, p]) => p.categories).map(([id, p]) => [id, new Set(p.categories.split(','))] as const),
    );
    expect(marks).toEqual(want);
  });

  it('finds a seat-listed event counted among the categories, naming the place', () => {
    // The old places.geojson's fault: a place's categories counting what is only listed there as a seat.
    const seat = shardEvents.find(
      (e) => listedAsSeat(e) && !shardPlaces.find((p) => p.place_id === e.places[0])!.categories!.includes(e.category),
    )!;
    expect(seat).toBeDefined();
    const broken = shardPlaces.map((p) =>
      p.place_id === seat.places[0] ? { ...p, categories: [p.categories, seat.category].filter(Boolean).join(',') } : p,
    );
    expect(differences(geojson, factsOf(broken, shardEvents))).toEqual([
      expect.stringMatching(new RegExp(`^${seat.places[0]}: categories: `)),
    ]);
  });

  it('finds an event whose second figure one form dropped, naming the place', () => {
    const two = shardEvents.find((e) => e.quantities.length === 2 && !listedAsSeat(e))!;
    const broken = shardEvents.map((e) => (e === two ? { ...e, quantities: e.quantities.slice(0, 1) } : e));
    expect(differences(geojson, factsOf(shardPlaces, broken))).toEqual(
      two.places.map((id) => expect.stringMatching(new RegExp(`^${id}: figures: .*report`))),
    );
  });
});
