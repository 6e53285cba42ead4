/**
 * Pure functions over the story: what is at a place, what the map draws, where excerpts sit in the text.
 */
import type { Feature, FeatureCollection, Geometry, Point } from 'geojson';
import { CATEGORIES, type Category } from '../map/theme';
import type { PlaceProperties, Story, StoryEvent, StorySource } from './types';

/**
 * Per-place properties the map's expressions read, by category:
 * - `c_<category>`: events listed at the place, a seat's included: whether the place is shown and hit;
 * - `m_<category>`: events that happened or were said there: the place's colour. An event listed at a
 *   seat of government because the article gives no place never colours it (8,500 U.S. troops on alert
 *   are not troops in Washington);
 * - `q_<category>`: the quantities of events of that place alone, one per line. A figure of an event
 *   with several places ("over 100,000 troops near the border and in Belarus") belongs to none of them
 *   alone, and a seat's is not the seat's: those are shown, with their scope, in the Excerpts panel only.
 */
export type CategoryCounts = Partial<Record<`c_${Category}` | `m_${Category}`, number>>;
export type CategoryQuantities = Partial<Record<`q_${Category}`, string>>;
export type MapPlaceProperties = PlaceProperties & CategoryCounts & CategoryQuantities;

/** Whether an event marks its place with its category and figures: it happened or was said there. */
export const marksPlace = (e: StoryEvent) => e.site !== 'seat';
/** Whether an event's figures are its place's own: drawn there, and the only place it has. */
export const figuresOwnPlace = (e: StoryEvent) => marksPlace(e) && e.places.length === 1;

/**
 * Lookups over a story, built once per story object in one pass over its events (a catalogue of 100,000
 * events must never be scanned once per place or once per click).
 */
export interface StoryIndex {
  /** Events that happened or were said at each place, in catalogue order. */
  here: Map<string, StoryEvent[]>;
  /** Events about each place that happened elsewhere, in catalogue order. */
  about: Map<string, StoryEvent[]>;
  places: Map<string, PlaceProperties>;
  events: Map<string, StoryEvent>;
  /** Where in the text each event is first quoted: the smallest start of its excerpts. */
  firstMention: Map<StoryEvent, number>;
}

const indexes = new WeakMap<Story, StoryIndex>();

export function storyIndex(story: Story): StoryIndex {
  const known = indexes.get(story);
  if (known) return known;
  const add = (m: Map<string, StoryEvent[]>, key: string, e: StoryEvent) => {
    const list = m.get(key);
    if (list) list.push(e);
    else m.set(key, [e]);
  };
  const index: StoryIndex = {
    here: new Map(),
    about: new Map(),
    places: new Map(story.places.features.map((f) => [f.properties.place_id, f.properties])),
    events: new Map(),
    firstMention: new Map(),
  };
  for (const e of story.events) {
    index.events.set(e.event_id, e);
    for (const p of e.places) add(index.here, p, e);
    for (const p of e.about) add(index.about, p, e);
    let first = Infinity;
    for (const x of e.excerpts) first = Math.min(first, x.start);
    index.firstMention.set(e, first);
  }
  indexes.set(story, index);
  return index;
}

export function mapPlaces(story: Story): FeatureCollection<Geometry, MapPlaceProperties> {
  const byPlace = storyIndex(story).here;
  return {
    type: 'FeatureCollection',
    features: story.places.features.map((f) => {
      const here = byPlace.get(f.properties.place_id) ?? [];
      const counts: CategoryCounts = {};
      const quantities: CategoryQuantities = {};
      for (const e of here) {
        counts[`c_${e.category}`] = (counts[`c_${e.category}`] ?? 0) + 1;
        if (!marksPlace(e)) continue;
        counts[`m_${e.category}`] = (counts[`m_${e.category}`] ?? 0) + 1;
        if (e.quantity && figuresOwnPlace(e)) {
          const q = quantities[`q_${e.category}`];
          quantities[`q_${e.category}`] = q ? `${q}\n${e.quantity}` : e.quantity;
        }
      }
      return { ...f, properties: { ...f.properties, ...counts, ...quantities } };
    }),
  };
}

/** What the story's area, point and outline layers read of a place (see storyLayers.ts). */
export type ShapeProperties = Pick<MapPlaceProperties, 'place_id' | 'location_precision' | 'ink'> & CategoryCounts;
/** What the story's label layer reads of a place; `label_minzoom` only where the label waits for a zoom. */
export type LabelProperties = Pick<MapPlaceProperties, 'name' | 'kind' | 'precision_rank'> &
  CategoryCounts &
  CategoryQuantities & { label_minzoom?: number; area?: true };

/**
 * A story with more point places than this labels its points (names and quantities) only from
 * DENSE_LABEL_MINZOOM on; areas are labelled at every zoom. At the first view of a 100,000-event
 * catalogue some 30,000 labels would be laid out and uploaded for a few dozen to win the collisions:
 * seconds of work at load and for every toggle (npm run bench). The lists still name every place.
 */
export const DENSE_POINTS = 1000;
export const DENSE_LABEL_MINZOOM = 7;

const COUNT_KEYS = CATEGORIES.flatMap((c) => [`c_${c}`, `m_${c}`] as const);
const QUANTITY_KEYS = CATEGORIES.map((c) => `q_${c}` as const);
function counts(p: MapPlaceProperties): CategoryCounts {
  const out: CategoryCounts = {};
  for (const k of COUNT_KEYS) if (p[k] !== undefined) out[k] = p[k];
  return out;
}
function quantities(p: MapPlaceProperties): CategoryQuantities {
  const out: CategoryQuantities = {};
  for (const k of QUANTITY_KEYS) if (p[k] !== undefined) out[k] = p[k];
  return out;
}

/**
 * The places as the map's sources get them: only the properties the style reads. MapLibre copies every
 * property of every feature to its worker on the main thread; with tens of thousands of places the
 * place's notes, names in other languages and label points would cost seconds (npm run bench).
 */
export function placeShapes(
  places: FeatureCollection<Geometry, MapPlaceProperties>,
): FeatureCollection<Geometry, ShapeProperties> {
  return {
    type: 'FeatureCollection',
    features: places.features.map((f) => ({
      type: 'Feature',
      id: f.id,
      properties: {
        place_id: f.properties.place_id,
        location_precision: f.properties.location_precision,
        ...(f.properties.ink ? { ink: f.properties.ink } : {}),
        ...counts(f.properties),
      },
      geometry: f.geometry,
    })),
  };
}

/**
 * The basemap places the article itself names: those its places of basis "article" are drawn at (Kyiv,
 * Moscow for "the Russian Foreign Ministry building in Moscow"). A place drawn from general knowledge
 * (London, standing in for "Britain") is not one of them.
 */
export function namedByArticle(places: FeatureCollection<Geometry, PlaceProperties>): string[] {
  const ids = new Set<string>();
  for (const f of places.features)
    if (f.properties.place_basis === 'article' && f.properties.gazetteer) ids.add(f.properties.gazetteer);
  return [...ids].sort();
}

/** Label points: one per place, at the point the build computed inside it. */
export function labelPoints(places: FeatureCollection<Geometry, MapPlaceProperties>): FeatureCollection<Point, LabelProperties> {
  let points = 0;
  for (const f of places.features) if (f.geometry?.type === 'Point') points++;
  const dense = points > DENSE_POINTS;
  return {
    type: 'FeatureCollection',
    features: places.features.map((f): Feature<Point, LabelProperties> => ({
      type: 'Feature',
      id: f.id,
      properties: {
        name: f.properties.name,
        kind: f.properties.kind,
        precision_rank: f.properties.precision_rank,
        ...counts(f.properties),
        ...quantities(f.properties),
        ...(dense && f.geometry?.type === 'Point' ? { label_minzoom: DENSE_LABEL_MINZOOM } : {}),
        // An area's label is centred on its label point; a point's hangs below its dot (storyLayers.ts).
        ...(f.geometry && f.geometry.type !== 'Point' ? { area: true as const } : {}),
      },
      geometry: { type: 'Point', coordinates: [f.properties.label_lng, f.properties.label_lat] },
    })),
  };
}

export interface PlaceEntry {
  place: PlaceProperties;
  /** Events that happened or were said here, in catalogue order. */
  here: StoryEvent[];
  /** Events about this place that happened elsewhere. */
  about: StoryEvent[];
}

/** Everything at the given places, most specific place first; hidden categories left out. */
export function eventsAt(story: Story, placeIds: string[], hidden: ReadonlySet<Category> = new Set()): PlaceEntry[] {
  const index = storyIndex(story);
  const off = new Set(hidden);
  const visible = (list: StoryEvent[] | undefined) => (list ?? []).filter((e) => !off.has(e.category));
  return placeIds
    .map((id) => index.places.get(id))
    .filter((p): p is PlaceProperties => !!p)
    .sort((a, b) => a.precision_rank - b.precision_rank || a.name.localeCompare(b.name))
    .map((place) => ({
      place,
      here: visible(index.here.get(place.place_id)),
      about: visible(index.about.get(place.place_id)),
    }));
}

export function countByCategory(events: StoryEvent[]): Record<Category, number> {
  const counts = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  for (const e of events) counts[e.category] += 1;
  return counts;
}

export interface Segment {
  start: number;
  end: number;
  text: string;
  /** Events whose excerpts cover this stretch of text; empty for plain text. */
  events: string[];
}

export interface ReaderBlock {
  kind: StorySource['blocks'][number]['kind'];
  start: number;
  segments: Segment[];
}

/**
 * The source text cut at every excerpt boundary, block by block, so each stretch knows which events quote
 * it. Overlapping excerpts of different events give stretches quoted by several.
 */
export function readerBlocks(source: StorySource, events: StoryEvent[]): ReaderBlock[] {
  // Worked out once per source and events: the reader is mounted again each time its tab is opened.
  const known = readerCache.get(source);
  if (known?.events === events) return known.blocks;
  const blocks = cutBlocks(source, events);
  readerCache.set(source, { events, blocks });
  return blocks;
}

const readerCache = new WeakMap<StorySource, { events: StoryEvent[]; blocks: ReaderBlock[] }>();

function cutBlocks(source: StorySource, events: StoryEvent[]): ReaderBlock[] {
  const spans = events
    .filter((e) => e.source_id === source.id)
    .flatMap((e) => e.excerpts.map((x) => ({ start: x.start, end: x.end, id: e.event_id })));
  // One sweep over the spans in order of their start: each block looks only at the spans that overlap
  // it (blocks are in text order and do not overlap), never at every excerpt of the story.
  const byStart = spans.map((_, i) => i).sort((a, b) => spans[a].start - spans[b].start || a - b);
  let next = 0;
  let open: number[] = [];
  return source.blocks.map((b) => {
    while (next < byStart.length && spans[byStart[next]].start < b.end) open.push(byStart[next++]);
    open = open.filter((i) => spans[i].end > b.start);
    const here = [...open].sort((x, y) => x - y);
    const cuts = new Set([b.start, b.end]);
    for (const i of here) {
      const s = spans[i];
      if (s.start > b.start && s.start < b.end) cuts.add(s.start);
      if (s.end > b.start && s.end < b.end) cuts.add(s.end);
    }
    const points = [...cuts].sort((x, y) => x - y);
    const segments: Segment[] = [];
    for (let k = 0; k < points.length - 1; k++) {
      const [start, end] = [points[k], points[k + 1]];
      const ids = [...new Set(here.filter((i) => spans[i].start <= start && spans[i].end >= end).map((i) => spans[i].id))];
      segments.push({ start, end, text: source.text_content.slice(start, end), events: ids });
    }
    return { kind: b.kind, start: b.start, segments };
  });
}
