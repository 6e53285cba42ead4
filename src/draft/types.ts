/**
 * The draft format: proposals for an editor, each anchored to the source text by offsets
 * (`text.slice(start, end) === text`) and marked as a draft with a confidence and its alternatives.
 * Checked by check.ts; the events and places in it are catalogue records (src/catalogue/schema.ts) with one
 * extra field, `draft`, which the editor removes on accepting them.
 */
import type { CatalogueEvent, Place } from '../catalogue/schema';
import type { ResolvedDate } from '../catalogue/dates';

export type DraftNote = string;

export interface Alternative {
  /** A gazetteer id, a category, a stance, a date value…, whatever the proposal is a choice of. */
  id?: string;
  label: string;
}

/** What marks a record as a draft: how sure the drafting is, what else it could be, what to check. */
export interface DraftInfo {
  confidence: number;
  alternatives: Alternative[];
  notes: DraftNote[];
}

export interface Anchored {
  text: string;
  start: number;
  end: number;
}

export interface PlaceMention extends Anchored {
  /** A name ("Kyiv", "Rostov region") or a demonym adjective before a head noun ("Ukrainian border"). */
  form: 'name' | 'adjective';
  /** Gazetteer id; null: unresolved, for the editor to place by hand or drop. */
  entry: string | null;
  /** For an unresolved mention: what it names, if the words say ("training ground", "sea", "unknown"). */
  feature?: string;
  /** A direction the article gives with the name ("eastern"). */
  qualifier?: string;
  /** The administrative word after the name ("region", "Oblast"). */
  suffix?: string;
  /** For an adjective: the noun it qualifies. */
  head?: string;
  /** "near the Ukrainian border", "its border with Ukraine": the land along the named country's border. */
  relation?: 'border';
  draft: DraftInfo;
}

export interface DurationResolved {
  value: string;
  precision: 'duration';
  days: number;
}

export interface DateMention extends Anchored {
  /** The phrase as the catalogue's date.expr would take it, when src/catalogue/dates.ts knows it. */
  expr?: string;
  /**
   * Resolved against the publication date, at the phrase's own precision; null when it cannot be. A
   * duration ("two-day", "ten days") is no date: ISO 8601 (P2D, P2W), precision "duration".
   */
  resolved: ResolvedDate | DurationResolved | null;
  /** A weekday the sentence speaks of as to come ("starts on Wednesday"): resolved forward (date.ahead). */
  ahead?: true;
  /** "the telling": the date follows a verb of saying ("told NBC News Wednesday"). */
  telling: boolean;
  draft: DraftInfo;
}

export interface QuantityMention extends Anchored {
  /** The number the text gives, or null where the words give none ("tens of thousands"). */
  value: number | null;
  /** Bounds the words allow where they give no number ("tens of thousands": 20,000 to 99,999). */
  range?: [number, number];
  unit: string;
  qualifier?: string;
  previous?: { value: number; text: string; start: number; end: number; date?: string };
  draft: DraftInfo;
}

export type DraftPlace = Place & { draft: DraftInfo & { entry: string; mentions: number[] } };

export type DraftEvent = CatalogueEvent & {
  draft: DraftInfo & {
    /** Indexes into the file's `mentions`, `dates`, `quantities` that the event was drafted from. */
    mentions: number[];
    dates: number[];
    quantities: number[];
    /** Unresolved mentions in the event's sentence: places the editor must add by hand. */
    unresolved: string[];
  };
};

export interface DraftFile {
  draft: {
    generator: string;
    source: string;
    published: string;
    gazetteer: { sources: { package: string; version: string }[] };
    /** Countries the article is about, with their share of the country-level mentions. */
    focus: Record<string, number>;
    milliseconds: number;
  };
  places: DraftPlace[];
  /** Events with at least one place drawable from the gazetteer: they pass the catalogue validator. */
  events: DraftEvent[];
  /**
   * Events whose only places are unresolved or cannot be drawn from the basemap (a facility, a sea, a
   * country outside it): `places` is empty until the editor adds one. Validated like `events` except for that.
   */
  pending: DraftEvent[];
  mentions: PlaceMention[];
  dates: DateMention[];
  quantities: QuantityMention[];
}
