/**
 * Pure functions over the story: what is at a place, what each place shows in a view, the legend's
 * counts, where excerpts sit in the text. What is visible is visibility.ts's to say.
 */
import type { Category } from '../catalogue/vocabulary';
import type { PlaceProperties, Story, StoryEvent, StorySource } from './types';
import {
  countByCategoryOf,
  countBySourceOf,
  draftSources,
  isVisible,
  marksPlace,
  placeView,
  undatedApart,
  type PlaceView,
  type ViewFilter,
} from './visibility';

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
  sources: Map<string, StorySource>;
  /** The sources published unreviewed (visibility.ts draftSources): their events are drafts. */
  drafts: ReadonlySet<string>;
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
    sources: new Map(story.sources.map((s) => [s.id, s])),
    drafts: draftSources(story.sources),
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

/**
 * The visible events the map draws nothing for, and where the panels list them: those listed at a seat
 * of government standing in for a place the article does not give (drawn grey, no mark), and those only
 * about a place (`about`: the article does not say where those were). A window whose map looks empty then
 * still says where its events are.
 */
export function notDrawn(story: Story, view: ViewFilter): { count: number; places: string[]; about: string[] } {
  const index = storyIndex(story);
  let count = 0;
  const places = new Set<string>();
  /** Places events with no place of their own are about: not where they are listed, nor where they were. */
  const about = new Set<string>();
  for (const e of story.events) {
    if (!isVisible(e, view) || (e.places.length && marksPlace(e))) continue;
    count++;
    if (e.places.length) for (const p of e.places) places.add(index.places.get(p)?.name ?? p);
    else for (const p of e.about) about.add(index.places.get(p)?.name ?? p);
  }
  return { count, places: [...places], about: [...about] };
}

/** What each place shows in a view (visibility.ts), by place id: what the map draws and labels. */
export function placeViews(story: Story, view: ViewFilter): Map<string, PlaceView> {
  const { here, drafts } = storyIndex(story);
  return new Map(
    story.places.features.map((f) => [f.properties.place_id, placeView(here.get(f.properties.place_id) ?? [], view, drafts)]),
  );
}

export interface PlaceEntry {
  place: PlaceProperties;
  /** Events that happened or were said here, in catalogue order. */
  here: StoryEvent[];
  /** Events about this place that happened elsewhere. */
  about: StoryEvent[];
  /** With a time window set: events here or about here that the article gives no date for (undatedApart). */
  undated: StoryEvent[];
}

/** Everything visible at the given places, most specific place first. */
export function eventsAt(story: Story, placeIds: string[], view: ViewFilter = { hidden: new Set() }): PlaceEntry[] {
  const index = storyIndex(story);
  const visible = (list: StoryEvent[] | undefined) => (list ?? []).filter((e) => isVisible(e, view));
  return placeIds
    .map((id) => index.places.get(id))
    .filter((p): p is PlaceProperties => !!p)
    .sort((a, b) => a.precision_rank - b.precision_rank || a.name.localeCompare(b.name))
    .map((place) => ({
      place,
      here: visible(index.here.get(place.place_id)),
      about: visible(index.about.get(place.place_id)),
      undated: view.window
        ? [...(index.here.get(place.place_id) ?? []), ...(index.about.get(place.place_id) ?? [])].filter((e) =>
            undatedApart(e, view),
          )
        : [],
    }));
}

/** Events per category in the view, whether the category itself is shown or not (the legend's counts). */
export const countByCategory = (events: StoryEvent[], view: ViewFilter = { hidden: new Set() }): Record<Category, number> =>
  countByCategoryOf(events, view);

/** Events per source in the view, whether the source itself is shown or not (the sources panel's counts). */
export const countBySource = (story: Story, view: ViewFilter): Map<string, number> =>
  countBySourceOf(story.sources, story.events, view);

export interface Segment {
  start: number;
  end: number;
  text: string;
  /** Events whose excerpts cover this stretch of text; empty for plain text. */
  events: string[];
}

interface ReaderBlock {
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
