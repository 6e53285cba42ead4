/**
 * A large story as vector tiles. Above TILE_THRESHOLD events the layer build writes no per-event file the
 * app must read whole: the map's layers are cut into one PMTiles archive (src/tiles), read with HTTP Range
 * requests a tile at a time; story.json is a summary (format.ts TiledStoryFile: the sources, the legend's
 * and the timeline's combos, the areas); each place's events and excerpts are in a shard fetched when it
 * is opened.
 *
 * The archive's layers:
 *   areas  one feature per place drawn as an area (regions, countries: a few hundred at most), at every zoom;
 *   marks  a place's categories as a row of marks at its point (an area's: its label point), one feature per
 *          (place, combo) at FULL_DETAIL_ZOOM; below it, thinned (thinMarks): per grid cell one feature per
 *          combo, so a cell shows a category's mark exactly when some event of that category in the cell
 *          passes the view's filter, at every zoom.
 * A combo is a distinct (category, source, claimant side, date interval, plan or not); a mark's `k` is its combo's index in
 * story.json, and the app turns the view into feature-state per combo (map/tiledStory.ts): a toggle or a
 * step of the timeline sets a few dozen states and lays out no tile again.
 */
import type { Feature, Point, Position } from 'geojson';
import { CATEGORIES, listedAsSeat, type Category } from '../catalogue/vocabulary';
import { tileArchive, type TileLayer } from '../tiles/tiler';
import { markRow } from './markRow';
import { cachedDates, storyEvent, storySource, type ResolvedCatalogue } from './events';
import {
  compactEvent,
  isPlan,
  shardFile,
  shardOf,
  type PlaceProperties,
  type StoryEvent,
  type StoryMeasure,
  type StorySource,
  type TiledArea,
  type TiledCombo,
  type TiledStoryFile,
} from './format';
import { placeProperties, storyWithin, tallyPlaces } from './places';

/**
 * Stories of this many events or more are tiled. Measured (README, Performance): a GeoJSON story opens
 * in 1.2× the seed's first idle at 1,000 events, 1.37× at 10,000 and 2.35× at 100,000, where the goal is
 * 1.3×: between 1,000 and 10,000 the whole files start to cost more than the tiles' few requests.
 */
export const TILE_THRESHOLD = 5000;

/** The zoom at and beyond which every place has its own marks (about 4 km cells in the region: a town). */
export const FULL_DETAIL_ZOOM = 8;
const MARK_TILE_ZOOMS = { minZoom: 0, maxZoom: FULL_DETAIL_ZOOM };
/** The areas' zooms: a region's simplified edge at z6 is within a pixel or two at z8 (drawn larger beyond). */
const AREA_TILE_ZOOMS = { minZoom: 0, maxZoom: 6 };
/** Cells per tile side below full detail: 64 px cells at 512 px tiles, room for a row of marks. */
export const CELLS = 8;
/** About this many places per shard: a click fetches one file of some 100 kB (more for a place with thousands of events). */
const SHARD_PLACES = 64;

/** A place as the tiled build needs it: its properties and where its marks go. */
export interface TiledPlace {
  props: PlaceProperties;
  /** Drawn as an area (else as its marks at a point). */
  area: Feature | null;
  /** Where its row of marks goes: its point, or its area's label point. */
  at: Position;
}

/** An event resolved as the story file has it (format.ts StoryEvent), excerpts with their words. */
interface TiledInput {
  sources: StorySource[];
  places: TiledPlace[];
  events: StoryEvent[];
  measures: StoryMeasure[];
}

/** One mark before tiling: a combo at a place's point. */
export interface MarkInput {
  place: string;
  at: Position;
  k: number;
  category: Category;
}

const ORDER = new Map(CATEGORIES.map((c, i) => [c, i]));

/** Web Mercator, 0..1 on both axes: what tiles and their cells are cut in. */
function mercator([lng, lat]: Position): [number, number] {
  const s = Math.sin((Math.max(-85.0511, Math.min(85.0511, lat)) * Math.PI) / 180);
  return [(lng + 180) / 360, 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)];
}

/** A row's slot for each category (markRow.ts): what the style reads as the mark's offset (map/tiledStory.ts). */
function slots(categories: Iterable<Category>): Map<Category, number> {
  return new Map(markRow(categories).map(({ category, slot }) => [category, slot]));
}

/**
 * The marks kept at zoom `z` (< FULL_DETAIL_ZOOM): per cell of a grid of CELLS per tile side, one feature
 * per combo present in the cell, at the first of its places' points (marks in place order), named with
 * its place when the cell holds one place only (a click then opens it; else the map zooms in). Every
 * combo of a cell is kept: thinning drops places, never a category or a date.
 */
export function thinMarks(marks: readonly MarkInput[], z: number): Feature<Point>[] {
  const n = 2 ** z * CELLS;
  // A number, not a string, per cell: a million events' marks are millions of keys over the zooms.
  const cells = new Map<number, { at: Position; places: Set<string>; combos: Map<number, Category> }>();
  for (const m of marks) {
    const [x, y] = mercator(m.at);
    const key = Math.floor(x * n) * n + Math.floor(y * n);
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = { at: m.at, places: new Set(), combos: new Map() }));
    cell.places.add(m.place);
    cell.combos.set(m.k, m.category);
  }
  const out: Feature<Point>[] = [];
  for (const cell of cells.values()) {
    const slot = slots(cell.combos.values());
    const only = cell.places.size === 1 ? [...cell.places][0] : null;
    for (const [k, c] of [...cell.combos].sort(([a], [b]) => a - b))
      out.push({
        type: 'Feature',
        properties: { k, c, s: slot.get(c)!, ...(only ? { p: only } : {}) },
        geometry: { type: 'Point', coordinates: cell.at },
      });
  }
  return out;
}

/** Every place's own marks, for FULL_DETAIL_ZOOM and beyond. */
function placeMarkFeatures(marks: readonly MarkInput[]): Feature<Point>[] {
  const byPlace = new Map<string, MarkInput[]>();
  for (const m of marks) {
    const list = byPlace.get(m.place);
    if (list) list.push(m);
    else byPlace.set(m.place, [m]);
  }
  const out: Feature<Point>[] = [];
  for (const [place, list] of byPlace) {
    const slot = slots(list.map((m) => m.category));
    for (const m of list)
      out.push({
        type: 'Feature',
        properties: { k: m.k, c: m.category, s: slot.get(m.category)!, p: place },
        geometry: { type: 'Point', coordinates: m.at },
      });
  }
  return out;
}

const comboKey = (e: StoryEvent) =>
  `${e.category}\t${e.source_id}\t${e.side ?? ''}\t${e.date_start ?? ''}\t${e.date_end ?? ''}\t${isPlan(e) ? 'plan' : ''}`;

/**
 * The combos of the events, in legend order, then source, side, dates, done before planned; and each
 * event's combo index. A combo of plans (format.ts isPlan) says so: the map draws its marks outlined.
 */
export function combosOf(events: readonly StoryEvent[]): { combos: TiledCombo[]; of: Map<StoryEvent, number> } {
  const byKey = new Map<string, TiledCombo>();
  for (const e of events) {
    const key = comboKey(e);
    const c = byKey.get(key);
    if (c) c.events++;
    else
      byKey.set(key, {
        category: e.category,
        source_id: e.source_id,
        side: e.side,
        date_start: e.date_start,
        date_end: e.date_end,
        ...(isPlan(e) ? { plan: true as const } : {}),
        events: 1,
      });
  }
  const cmp = (a: string | null, b: string | null) => (a ?? '').localeCompare(b ?? '');
  const sorted = [...byKey.entries()].sort(
    ([, a], [, b]) =>
      ORDER.get(a.category)! - ORDER.get(b.category)! ||
      a.source_id.localeCompare(b.source_id) ||
      cmp(a.side ?? null, b.side ?? null) ||
      cmp(a.date_start, b.date_start) ||
      cmp(a.date_end, b.date_end) ||
      Number(!!a.plan) - Number(!!b.plan),
  );
  const index = new Map(sorted.map(([key], i) => [key, i]));
  const of = new Map<StoryEvent, number>();
  for (const e of events) of.set(e, index.get(comboKey(e))!);
  return { combos: sorted.map(([, c]) => c), of };
}

/** The tiled story's files: story.json (the summary), the shards; and the archive. */
export function buildTiled(input: TiledInput): {
  files: Map<string, string>;
  archives: Map<string, Uint8Array>;
  summary: string;
} {
  const { combos, of } = combosOf(input.events);
  const here = new Map<string, StoryEvent[]>();
  const about = new Map<string, StoryEvent[]>();
  const add = (m: Map<string, StoryEvent[]>, id: string, e: StoryEvent) => {
    const list = m.get(id);
    if (list) list.push(e);
    else m.set(id, [e]);
  };
  for (const e of input.events) {
    for (const p of e.places) add(here, p, e);
    for (const p of e.about) add(about, p, e);
  }
  const places = input.places.filter((p) => here.has(p.props.place_id) || about.has(p.props.place_id));

  const marks: MarkInput[] = [];
  const areas: TiledArea[] = [];
  const areaFeatures: Feature[] = [];
  for (const p of places) {
    const id = p.props.place_id;
    const events = here.get(id) ?? [];
    const marked = [...new Set(events.filter((e) => !listedAsSeat(e)).map((e) => of.get(e)!))].sort((a, b) => a - b);
    for (const k of marked) marks.push({ place: id, at: p.at, k, category: combos[k].category });
    if (p.area && events.length) {
      const { name, location_precision, label_lng, label_lat } = p.props;
      areas.push({
        place_id: id,
        name,
        location_precision,
        label_lng,
        label_lat,
        here: [...new Set(events.map((e) => of.get(e)!))].sort((a, b) => a - b),
        marks: marked,
      });
      areaFeatures.push({
        type: 'Feature',
        properties: { place_id: id, ink: p.props.ink, location_precision: p.props.location_precision },
        geometry: p.area.geometry,
      });
    }
  }

  const markLayers: TileLayer[] = [
    ...Array.from({ length: FULL_DETAIL_ZOOM }, (_, z) => ({
      name: 'marks',
      data: { type: 'FeatureCollection' as const, features: thinMarks(marks, z) },
      zooms: { minZoom: z, maxZoom: z },
    })),
    {
      name: 'marks',
      data: { type: 'FeatureCollection', features: placeMarkFeatures(marks) },
      zooms: { minZoom: FULL_DETAIL_ZOOM, maxZoom: FULL_DETAIL_ZOOM },
    },
  ];
  const center: [number, number, number] = [30.5, 50.5, 4];
  const built = {
    areas: tileArchive([{ name: 'areas', data: { type: 'FeatureCollection', features: areaFeatures } }], AREA_TILE_ZOOMS, {
      center,
    }),
    marks: tileArchive(markLayers, MARK_TILE_ZOOMS, { center }),
  };
  const file = { areas: 'story-areas.pmtiles', marks: 'story-marks.pmtiles' };

  const shards = Math.max(1, Math.ceil(places.length / SHARD_PLACES));
  const shardPlaces: PlaceProperties[][] = Array.from({ length: shards }, () => []);
  const shardEvents: Set<StoryEvent>[] = Array.from({ length: shards }, () => new Set());
  for (const p of places) {
    const i = shardOf(p.props.place_id, shards);
    shardPlaces[i].push(p.props);
    for (const e of here.get(p.props.place_id) ?? []) shardEvents[i].add(e);
    for (const e of about.get(p.props.place_id) ?? []) shardEvents[i].add(e);
  }
  const files = new Map<string, string>();
  const summary: TiledStoryFile = {
    tiled: {
      archives: {
        areas: { file: file.areas, ...AREA_TILE_ZOOMS },
        marks: { file: file.marks, ...MARK_TILE_ZOOMS },
      },
      shards,
      places: places.length,
      events: input.events.length,
    },
    sources: input.sources.map((s) => ({
      id: s.id,
      title: s.title,
      publisher: s.publisher,
      published: s.published,
      url: s.url,
      dateline: s.dateline,
      // A source published unreviewed: the app marks its events as drafts (story/visibility.ts draftSources).
      ...(s.review ? { review: s.review } : {}),
      // The agency story it carries: the map counts outlets carrying one story as one source (story/across.ts).
      ...(s.carries ? { carries: s.carries } : {}),
    })),
    combos,
    areas,
    measures: input.measures,
  };
  files.set('story.json', `${JSON.stringify(summary)}\n`);
  // The app reads places.geojson beside every story.json; a tiled story's places are in its archive.
  files.set('places.geojson', '{"type":"FeatureCollection","features":[]}\n');
  for (let i = 0; i < shards; i++) {
    const events = [...shardEvents[i]].map((e) => {
      // The compact form, but each excerpt with its words: the shard does not carry the whole article.
      const c = compactEvent(e as StoryEvent & Record<string, unknown>);
      c.excerpts = e.excerpts.map(({ start, end, text, block }) =>
        block === 'paragraph' ? { start, end, text } : { start, end, text, block },
      );
      return c;
    });
    files.set(shardFile(i), `${JSON.stringify({ places: shardPlaces[i], events })}\n`);
  }
  return {
    files,
    archives: new Map([
      [file.areas, built.areas.archive],
      [file.marks, built.marks.archive],
    ]),
    summary:
      `${input.events.length} events, ${places.length} places, ${combos.length} combos, tiled: ` +
      `${built.areas.tiles + built.marks.tiles} tiles (${((built.areas.archive.length + built.marks.archive.length) / 1e6).toFixed(1)} MB), ${shards} shards`,
  };
}

/**
 * The tiled form of a resolved catalogue (build.ts): each event as the story file has it (its excerpts'
 * words cut out of the source at their offsets), each place with the properties both forms give it
 * (places.ts). Nothing per event but that: at a million events the GeoJSON form's feature per event and
 * place is most of its time and memory.
 */
export function writeTiled(story: ResolvedCatalogue): ReturnType<typeof buildTiled> {
  const dateOf = cachedDates();
  const events = story.events.map((e) => storyEvent(e, story.sources.get(e.source)!, story.sides.get(e) ?? null, dateOf));
  const tallies = tallyPlaces(events);
  const within = storyWithin(story.places, (id) => tallies.has(id));
  const places: TiledPlace[] = story.places
    .filter((p) => tallies.has(p.id))
    .map((p) => {
      const shape = story.shapes.get(p.id)!;
      const props = placeProperties(p, shape, tallies.get(p.id)!, story.basemap, null, within.get(p.id));
      return {
        props,
        area: shape.type === 'Point' ? null : { type: 'Feature', properties: {}, geometry: shape },
        at: [props.label_lng, props.label_lat],
      };
    });
  return buildTiled({
    sources: [...story.sources.values()].map((s) => storySource(s.record, '', story.drafts)),
    places,
    events,
    measures: story.measures.filter((m) => m !== null),
  });
}
