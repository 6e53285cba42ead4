/**
 * Pure functions over the story: what is at a place, what the map draws, where excerpts sit in the text.
 */
import type { Feature, FeatureCollection, Geometry, Point } from 'geojson';
import { CATEGORIES, type Category } from '../map/theme';
import type { PlaceProperties, Story, StoryEvent, StorySource } from './types';

/** Per-place properties the map's expressions read: event counts by category, a quantity label. */
export type MapPlaceProperties = PlaceProperties &
  Partial<Record<`c_${Category}`, number>> & { q_label: string | null; q_category: string | null };

export function mapPlaces(story: Story): FeatureCollection<Geometry, MapPlaceProperties> {
  const byPlace = new Map<string, StoryEvent[]>();
  for (const e of story.events) for (const p of e.places) byPlace.set(p, [...(byPlace.get(p) ?? []), e]);
  return {
    type: 'FeatureCollection',
    features: story.places.features.map((f) => {
      const here = byPlace.get(f.properties.place_id) ?? [];
      const counts: Partial<Record<`c_${Category}`, number>> = {};
      for (const e of here) counts[`c_${e.category}`] = (counts[`c_${e.category}`] ?? 0) + 1;
      const withQuantity = here.find((e) => e.quantity);
      return {
        ...f,
        properties: {
          ...f.properties,
          ...counts,
          q_label: withQuantity?.quantity ?? null,
          q_category: withQuantity?.category ?? null,
        },
      };
    }),
  };
}

/** Label points: one per place, at the point the build computed inside it. */
export function labelPoints(
  places: FeatureCollection<Geometry, MapPlaceProperties>,
): FeatureCollection<Point, MapPlaceProperties> {
  return {
    type: 'FeatureCollection',
    features: places.features.map((f): Feature<Point, MapPlaceProperties> => ({
      type: 'Feature',
      id: f.id,
      properties: f.properties,
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
  const props = new Map(story.places.features.map((f) => [f.properties.place_id, f.properties]));
  const visible = story.events.filter((e) => !hidden.has(e.category));
  return placeIds
    .map((id) => props.get(id))
    .filter((p): p is PlaceProperties => !!p)
    .sort((a, b) => a.precision_rank - b.precision_rank || a.name.localeCompare(b.name))
    .map((place) => ({
      place,
      here: visible.filter((e) => e.places.includes(place.place_id)),
      about: visible.filter((e) => e.about.includes(place.place_id)),
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
  const spans = events.flatMap((e) =>
    e.excerpts.filter(() => e.source_id === source.id).map((x) => ({ start: x.start, end: x.end, id: e.event_id })),
  );
  return source.blocks.map((b) => {
    const cuts = new Set([b.start, b.end]);
    for (const s of spans) {
      if (s.start > b.start && s.start < b.end) cuts.add(s.start);
      if (s.end > b.start && s.end < b.end) cuts.add(s.end);
    }
    const points = [...cuts].sort((x, y) => x - y);
    const segments: Segment[] = [];
    for (let i = 0; i < points.length - 1; i++) {
      const [start, end] = [points[i], points[i + 1]];
      const ids = [...new Set(spans.filter((s) => s.start <= start && s.end >= end).map((s) => s.id))];
      segments.push({ start, end, text: source.text_content.slice(start, end), events: ids });
    }
    return { kind: b.kind, start: b.start, segments };
  });
}
