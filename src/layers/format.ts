/**
 * The story file (geodata/layers/story.json): the one format the layers build writes (build.ts) and the
 * app reads (src/story/load.ts), typed once here for both. Two forms: the full one, every event with all
 * its flat properties and excerpts with their text, for other tools; and the compact one for large
 * stories, with only APP_EVENT_FIELDS and excerpts by offsets, which decodeStory restores.
 */
import type { BlockKind, Category, Claim, DatePrecision, Precision, Side, Site, Source } from '../catalogue/schema';

export interface StoryExcerpt {
  start: number;
  end: number;
  text: string;
  block: BlockKind;
}

export interface StoryEvent {
  event_id: string;
  title: string;
  category: Category;
  site: Site;
  date_expr: string;
  date: string | null;
  date_precision: DatePrecision;
  date_start: string | null;
  date_end: string | null;
  /** Its figure in the article's words ("62 Russian battalion tactical groups"): what the map's label prints. */
  quantity: string | null;
  /** The earlier value it is compared with, in the article's words ("up from 59 at this time last week"). */
  quantity_previous: string | null;
  /**
   * Every figure the event carries, in catalogue order and the article's words: `quantity` and
   * `quantity_previous` are the first's, the one a place's label prints. None is dropped (a draft can give
   * one sentence several figures, the editor can add more).
   */
  quantities: StoryQuantity[];
  claim_by: string;
  claim_kind: Claim['kind'];
  stance: Claim['stance'];
  /**
   * Whose side the claimant speaks for, from its events file's `claimants` map (schema.ts SIDES); 'media'
   * for the outlet's own reporting; null where the file gives no sides (shown as "side not given").
   */
  side: Side | null;
  source_id: string;
  /** A figure the article reports as changed ("62, up from 59 at this time last week"): the earlier one and its date. */
  change: StoryChange | null;
  excerpts: StoryExcerpt[];
  places: string[];
  about: string[];
}

/** A figure in the article's words, and the earlier value it is compared with, if any. */
export interface StoryQuantity {
  text: string;
  previous: string | null;
}

interface StoryChange {
  from: number;
  to: number;
  unit: string;
  /** The earlier figure's date, as resolved from the article's phrase (an interval when it is not a day). */
  date: string;
  date_precision: DatePrecision;
  date_start: string;
  date_end: string;
}

/** A source as the story file carries it: its record, less where it was captured from, and its text. */
export type StorySource = Pick<
  Source,
  'id' | 'title' | 'publisher' | 'published' | 'url' | 'dateline' | 'blocks' | 'fictional' | 'carries'
> & {
  text_content: string;
  /** Published from its draft before anyone reviewed it: every event of it is shown as "draft, not reviewed". */
  review?: 'draft';
};

export interface PlaceProperties {
  place_id: string;
  name: string;
  /** Its names in Ukrainian and Russian, where the catalogue gives them. */
  name_uk?: string | null;
  name_ru?: string | null;
  kind: string;
  location_precision: Precision;
  precision_rank: number;
  /** How much ink the map gives it (src/layers/shapes.ts inkOf); absent in layers built before it. */
  ink?: 'point' | 'region' | 'zone' | 'country';
  place_basis: 'article' | 'context';
  place_note: string | null;
  /** The basemap place ("geonames:703448") a city or building is drawn at; null for areas. */
  gazetteer?: string | null;
  events_here: number;
  events_about: number;
  /**
   * The categories of what happened or was said there, comma-separated in order of first appearance; and
   * apart, those of events only listed there as a seat of government standing in (places.ts tallyPlaces).
   */
  categories?: string;
  seat_categories?: string;
  label_lng: number;
  label_lat: number;
  /**
   * The story's places it lies within (catalogue/within.ts placesWithin), comma-separated like
   * `categories` (a feature's properties stay flat for GIS tools): reports here and there can be of one
   * thing (story/across.ts groupReports). Absent where it is within none.
   */
  within?: string;
  /**
   * Where an area's label hangs from its label point (geometry.ts labelAnchor); "under-name" for a
   * country whose label point is where the basemap writes its name: its marks and figures go under that.
   * Absent for points.
   */
  label_anchor?: LabelAnchor | 'under-name';
}

/**
 * Where an area's label goes from its label point, as MapLibre's text-anchor names it ("top": the text's
 * top at the point, so the text below it). The first is the default; the others are tried when the
 * label's box would lie partly outside the area it names (geometry.ts labelAnchor). "left" and "right" hang a
 * tall label beside its point, centred on it: a thin band's label that would cover a city above or below it.
 */
export const LABEL_ANCHORS = ['top', 'bottom', 'top-left', 'top-right', 'bottom-left', 'bottom-right', 'left', 'right'] as const;
export type LabelAnchor = (typeof LABEL_ANCHORS)[number];

/** Kinds of place the basemap already names: their story label gives only their figures. */
const NAMED_BY_BASEMAP: ReadonlySet<string> = new Set(['city', 'building', 'country']);

/**
 * A place's name as its story label sets it: none where the basemap names it; an area's in capitals, as
 * maps name regions, so that "ROSTOV REGION" is not read as the name of the Rostov-on-Don dot beside it.
 */
export function labelName(name: string, kind: string, area: boolean): string {
  if (NAMED_BY_BASEMAP.has(kind)) return '';
  return area ? name.toUpperCase() : name;
}

export interface StoryMeasure {
  id: string;
  from: string;
  km: number;
}

/** What story.json holds. */
export interface StoryFile {
  sources: StorySource[];
  events: StoryEvent[];
  measures: StoryMeasure[];
}

/** The event fields the app reads, each a field of StoryEvent; decodeStory restores what the compact form leaves out. */
export const APP_EVENT_FIELDS = [
  'event_id',
  'title',
  'category',
  'site',
  'date_expr',
  'date',
  'date_precision',
  'date_start',
  'date_end',
  'quantity',
  'quantity_previous',
  'quantities',
  'claim_by',
  'claim_kind',
  'stance',
  'side',
  'source_id',
  'change',
] as const satisfies readonly (keyof StoryEvent)[];

/**
 * An event for the compact story.json: only the fields the app reads, nulls and empty lists left out (and
 * `quantities` when it holds only the first figure, which `quantity` and `quantity_previous` give), and
 * excerpts by offsets alone (their text is the source's, which story.json carries once: the app slices
 * it back out, so what it shows is the article's own words by construction). "paragraph" is the default
 * block.
 */
export function compactEvent(e: StoryEvent & Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of APP_EVENT_FIELDS) if (e[k] !== null && e[k] !== undefined) out[k] = e[k];
  if ((e.quantities as StoryQuantity[]).length <= 1) delete out.quantities;
  out.excerpts = (e.excerpts as { start: number; end: number; block: string }[]).map(({ start, end, block }) =>
    block === 'paragraph' ? { start, end } : { start, end, block },
  );
  out.places = e.places;
  if ((e.about as string[]).length) out.about = e.about;
  return out;
}

export class StoryShapeError extends Error {}

/** Reads a story file, full or compact, into the events and sources the app uses; throws StoryShapeError. */
export function decodeStory(json: unknown): StoryFile {
  const s = json as Partial<StoryFile> | null;
  if (!s || !Array.isArray(s.sources) || !Array.isArray(s.events))
    throw new StoryShapeError('not a story file: "sources" and "events" expected');
  const texts = new Map<unknown, string>();
  for (const [i, src] of (s.sources as StorySource[]).entries()) {
    if (typeof src?.text_content !== 'string' || !Array.isArray(src.blocks))
      throw new StoryShapeError(`sources[${i}] has no text`);
    texts.set(src.id, src.text_content);
  }
  for (const [i, e] of (s.events as StoryEvent[]).entries()) {
    if (typeof e?.event_id !== 'string' || !Array.isArray(e.places) || !Array.isArray(e.excerpts))
      throw new StoryShapeError(`events[${i}] is malformed`);
    completeEvent(e, i, texts.get(e.source_id));
  }
  return { sources: s.sources, events: s.events, measures: Array.isArray(s.measures) ? s.measures : [] };
}

/**
 * Restores what the compact story.json leaves out (BuildOptions.compactStory in src/layers/build.ts):
 * absent fields are null, an absent "about" is empty, an absent block is a paragraph, and an excerpt
 * without its text gets it from the source at its offsets. The full form passes through unchanged.
 */
function completeEvent(e: StoryEvent, i: number, text: string | undefined): void {
  e.about ??= [];
  if (!Array.isArray(e.about)) throw new StoryShapeError(`events[${i}].about is malformed`);
  e.date ??= null;
  e.date_start ??= null;
  e.date_end ??= null;
  e.quantity ??= null;
  e.quantity_previous ??= null;
  e.quantities ??= e.quantity ? [{ text: e.quantity, previous: e.quantity_previous }] : [];
  if (!Array.isArray(e.quantities)) throw new StoryShapeError(`events[${i}].quantities is malformed`);
  e.change ??= null;
  e.side ??= null;
  for (const [j, x] of e.excerpts.entries()) {
    x.block ??= 'paragraph';
    if (typeof x.text === 'string') continue;
    const inText = text !== undefined && Number.isInteger(x.start) && Number.isInteger(x.end) && x.start >= 0;
    if (!inText || x.start >= x.end || x.end > text.length)
      throw new StoryShapeError(`events[${i}].excerpts[${j}] has no text and no offsets into its source's text`);
    x.text = text.slice(x.start, x.end);
  }
}

/**
 * A tiled story (built above TILE_THRESHOLD events, src/layers/tiled.ts): story.json is this summary,
 * the map's layers are PMTiles archives beside it, and each place's events and excerpts are in a shard
 * fetched when the place is opened. Nothing here grows with the number of events but `combos`, which
 * grows with the distinct (category, source, side, date interval) the story has.
 */
export interface TiledStoryFile {
  tiled: {
    /**
     * The archives beside story.json: the areas' (few shapes, but Russia's alone covers thousands of
     * tiles at a town's zoom, so cut to a lower zoom and drawn larger beyond) and the marks'.
     */
    archives: Record<'areas' | 'marks', { file: string; minZoom: number; maxZoom: number }>;
    /** How many shards the places are spread over (shardOf). */
    shards: number;
    places: number;
    events: number;
  };
  /** The sources, without their text: a place's shard carries the words its excerpts quote. */
  sources: Omit<StorySource, 'text_content' | 'blocks'>[];
  /**
   * Every distinct (category, source, claimant side, date interval) of the story's events, with how many events have
   * it: the map's marks are feature-state keyed by a combo's index (its `k` in the tiles), so the one
   * visibility rule decides each combo once and every mark of it follows.
   */
  combos: TiledCombo[];
  /** The places drawn as areas (few, whatever the story's size): what their colour and state are read from. */
  areas: TiledArea[];
  measures: StoryMeasure[];
}

export interface TiledCombo {
  category: Category;
  source_id: string;
  /** Its events' claimant side (StoryEvent.side); absent in stories tiled before sides, read as null. */
  side?: Side | null;
  date_start: string | null;
  date_end: string | null;
  /** Its events are plans, not yet done (isPlan); absent for events done, and in stories tiled before plans. */
  plan?: true;
  events: number;
}

export interface TiledArea {
  place_id: string;
  /** What the Places panel lists it by and flies to (the areas are few: the list names them all). */
  name: string;
  location_precision: Precision;
  label_lng: number;
  label_lat: number;
  /** Combos (indexes into `combos`) of the events at the place. */
  here: number[];
  /** Those of them that mark the place with their category (visibility.ts marksPlace). */
  marks: number[];
}

/** A shard: some places, and every event at or about them with its excerpts' words. */
export interface StoryShard {
  places: PlaceProperties[];
  events: StoryEvent[];
}

/**
 * The stances whose event has not happened yet when the article says it: "planned" (joint drills "next
 * month", talks that "were due to" take place, Blinken "will brief Congress") and "announced" (NATO
 * "announced it would place forces on standby"): what an announcement makes known is an intention, and the
 * map draws the act announced, its category, not the announcing. The other stances report, assert,
 * assess, signal, warn of or deny something that is, or was, so (catalogue/schema.ts STANCES).
 */
const PLAN_STANCES: ReadonlySet<Claim['stance']> = new Set(['planned', 'announced']);

/**
 * Whether an event is a plan, not yet done: the map draws it as one (outlined, not filled), the legend
 * says so and the Excerpts panel marks it. The one rule for both forms of a story: the GeoJSON story's place
 * views (story/visibility.ts), and a tiled story's combos, each of which the build marks `plan` by it.
 */
export const isPlan = (e: { stance: Claim['stance'] }): boolean => PLAN_STANCES.has(e.stance);

export const isTiledStory = (json: unknown): json is TiledStoryFile =>
  !!json && typeof json === 'object' && 'tiled' in json && typeof (json as TiledStoryFile).tiled === 'object';

/** The file of shard `i`, beside story.json. */
export const shardFile = (i: number): string => `shard-${String(i).padStart(4, '0')}.json`;

/** The shard a place is in: FNV-1a of its id, so the app finds it from the id alone. */
export function shardOf(placeId: string, shards: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < placeId.length; i++) h = Math.imul(h ^ placeId.charCodeAt(i), 0x01000193);
  return (h >>> 0) % shards;
}

/**
 * Reads a shard; throws StoryShapeError. Its excerpts carry their words (the build cut them out of the
 * source at their offsets, where story.json carries the whole text): each must be as long as its span.
 */
export function decodeShard(json: unknown, file: string): StoryShard {
  const s = json as Partial<StoryShard> | null;
  if (!s || !Array.isArray(s.places) || !Array.isArray(s.events))
    throw new StoryShapeError(`${file}: not a story shard: "places" and "events" expected`);
  for (const [i, p] of s.places.entries())
    if (typeof p?.place_id !== 'string' || typeof p.name !== 'string')
      throw new StoryShapeError(`${file}: places[${i}] is malformed`);
  for (const [i, e] of s.events.entries()) {
    if (typeof e?.event_id !== 'string' || !Array.isArray(e.places) || !Array.isArray(e.excerpts))
      throw new StoryShapeError(`${file}: events[${i}] is malformed`);
    for (const [j, x] of e.excerpts.entries())
      if (typeof x?.text !== 'string' || !Number.isInteger(x.start) || x.text.length !== x.end - x.start)
        throw new StoryShapeError(`${file}: events[${i}].excerpts[${j}] is not the text of its offsets`);
    completeEvent(e, i, undefined);
  }
  return { places: s.places, events: s.events };
}
