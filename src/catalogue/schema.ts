/**
 * The catalogue format: sources (articles), places, and events (claims) anchored to a source's text by
 * character offsets. Documented for editors in geodata/catalogue/README.md; checked by validate.ts.
 *
 * Offsets count UTF-16 code units (JavaScript string indices) into the source's text file, `end`
 * exclusive: `text.slice(start, end) === excerpt.text` must hold exactly.
 */
import type { Category, Precision } from './vocabulary';

export type { Category, Precision };

export { BLOCK_KINDS, type BlockKind, type Source, type SourceBlock } from '../sources/record';

export const PLACE_KINDS = ['country', 'region', 'city', 'sea-area', 'zone', 'building'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

/** Where a place's geometry comes from. */
export type PlaceGeometry =
  /**
   * Basemap units by ISO 3166-2 code, or whole countries by ISO 3166-1 alpha-2 code; `clip`, a
   * [west, south, east, north] box, keeps only the parts of the countries inside it (the EU in Europe,
   * without French Guiana and Réunion).
   */
  | { units: string[] }
  | { countries: string[]; clip?: [number, number, number, number] }
  /** A gazetteer point from the basemap's places, by id ("geonames:703448"). */
  | { gazetteer: string }
  /** A point given outright, [lng, lat]. */
  | { point: [number, number] }
  /**
   * An area given outright, as one closed ring of [lng, lat] (first and last the same): a stand-in for a
   * place the article names only loosely ("in the Arctic"). Its bounds are a drawing convention, which the
   * place's note must say. `except` takes the land of these basemap countries out of it: Russia's Arctic,
   * not Norway's or Finland's.
   */
  | { polygon: [number, number][]; except?: string[] }
  /** Territory of `within` countries no farther than `km` from their shared land border with `along`. */
  | { recipe: 'border-band'; along: string; within: string[]; km: number };

/**
 * Whose knowledge puts the place on the map: the article itself, or general knowledge used to draw
 * something the article leaves vague (marked context, never shown as the article's claim).
 */
export const PLACE_BASES = ['article', 'context'] as const;
export type PlaceBasis = (typeof PLACE_BASES)[number];

export interface Place {
  id: string;
  names: { en: string; uk?: string; ru?: string };
  kind: PlaceKind;
  geometry: PlaceGeometry;
  precision: Precision;
  basis: PlaceBasis;
  /** Why the place is drawn this way, in a sentence a reader sees. */
  note?: string;
}

/**
 * How precisely an event's date is known: a day, an ISO week, a month, a window the article gives only in
 * words ("in the coming days": its bounds are a stated convention), or not at all.
 */
export type DatePrecision = 'day' | 'week' | 'month' | 'window' | 'unknown';

/**
 * A date as the article gives it. `expr` is the article's own phrase ("Tuesday", "next month",
 * "this week"); the build resolves it against the source's publication date (dates.ts).
 */
interface EventDate {
  expr: string;
  /**
   * A weekday the article speaks of as to come ("starts on Wednesday"): the first such day after publication,
   * a week on for the publication's own weekday (for later that same day, leave it out).
   */
  ahead?: true;
  /** A duration the article gives ("a two-day exercise"): the event covers that many days from its day. */
  lasting?: { days: number; text: string };
}

export interface Quantity {
  value: number;
  unit: string;
  /** "over", "about", "at least", "up to"…, as the article qualifies the number. */
  qualifier?: string;
  /** The words in the excerpt that give the number, verbatim. */
  text: string;
  /** An earlier value the article compares with ("up from 59 at this time last week"). */
  previous?: { value: number; date: EventDate; text: string };
}

/**
 * The verb's stance, kept as the article gives it (truth.md): "signaled" is not "said", "was due to" is
 * planned, a forecast ("see an increasing likelihood") is assessed.
 */
export const STANCES = ['reported', 'asserted', 'announced', 'signaled', 'assessed', 'denied', 'planned', 'warned'] as const;
export type Stance = (typeof STANCES)[number];

/**
 * Who a claimant is: the article's own reporting; unnamed officials or spokespeople; a named person; a
 * government, or an alliance of governments, speaking as a whole ("Russia", "the Kremlin", "NATO"); a
 * ministry or department of one ("Ukraine's defence ministry", "the Pentagon"); armed forces or a
 * command ("the Southern Military District", "the General Staff"); another public body or international
 * agency ("the border guard service", "the OSCE mission"); or a news organisation reporting what it
 * learnt ("TASS reported").
 */
export const CLAIM_KINDS = ['article', 'official', 'person', 'government', 'ministry', 'military', 'agency', 'media'] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

/**
 * Whose side a claimant speaks for. An events file names each claimant's side in its `claimants` map
 * (`{ "<claim.by>": "<side>" }`), read from the article and never guessed; a claim of kind 'article' is
 * the outlet's own reporting, side 'media', and needs no entry.
 */
export const SIDES = ['russia', 'ukraine', 'us', 'nato', 'other-government', 'media'] as const;
export type Side = (typeof SIDES)[number];

export interface Claim {
  /** Who says it, in the article's words ("a U.S. defense official and a Western intelligence official"). */
  by: string;
  /** What kind of claimant (CLAIM_KINDS). */
  kind: ClaimKind;
  stance: Stance;
}

export interface Excerpt {
  start: number;
  end: number;
  text: string;
}

/**
 * How the event's places relate to it. Where a thing happens is kept apart from where it was said.
 * 'seat' means the article does not say where: the event is listed at the capital of the government that acted or spoke,
 * a capital city, which the map never colours with the event's category nor labels with its figures.
 */
export const SITES = ['happened', 'said', 'seat'] as const;
export type Site = (typeof SITES)[number];

export interface CatalogueEvent {
  id: string;
  source: string;
  /**
   * Where it happened or was said (see `site`), most specific place first. Empty when the article gives
   * no place and no seat stands in: then `about` must name what it concerns.
   */
  places: string[];
  site: Site;
  /** Places the event is about but did not happen at (Ukraine, for "no intention of moving U.S. forces into Ukraine"). */
  about?: string[];
  category: Category;
  /** A few words for a map label or list entry; the excerpt carries the article's words. */
  title: string;
  date: EventDate;
  quantities?: Quantity[];
  claim: Claim;
  excerpts: Excerpt[];
}

export interface Catalogue {
  places: Place[];
  events: CatalogueEvent[];
  /** Distances the UI can quote, computed by the build. */
  measures?: Measure[];
}

export interface Measure {
  id: string;
  /** A point place. */
  from: string;
  /** A border between two countries (ISO alpha-2). */
  to: { border: [string, string] };
}

/** One problem found in the catalogue: where (file, id, field) and what. */
export interface ValidationError {
  file: string;
  id: string;
  field: string;
  message: string;
}

export const formatError = (e: ValidationError) => `${e.file}: ${e.id}: ${e.field}: ${e.message}`;
