/**
 * The catalogue's events as the story gives them: their sources in reading order, each event's claimant
 * side, dates, figure and change, and its excerpts as the source's own words at the offsets the validator
 * checked. The GeoJSON form takes every flat property (eventProperties), the tiled form the story file's
 * fields only (storyEvent).
 */
import type { Geometry } from 'geojson';
import { resolveEventDate } from '../catalogue/dates';
import type { CatalogueEvent, Place, Side, Source } from '../catalogue/schema';
import type { CatalogueInput } from '../catalogue/validate';
import type { Basemap } from './basemap';
import type { StoryEvent, StoryMeasure, StorySource } from './format';

/** A source's record and text. */
export interface SourceText {
  record: Source;
  text: string;
}

/** The validated catalogue as both forms are written from it (build.ts resolves it). */
export interface ResolvedCatalogue {
  /** In reading order (orderedSources). */
  sources: Map<string, SourceText>;
  places: Place[];
  /** In catalogue order. */
  events: CatalogueEvent[];
  sides: Map<CatalogueEvent, Side | null>;
  /** Sources published unreviewed (draftSources). */
  drafts: Set<string>;
  /** Each place's shape (shapes.ts drawPlaces). */
  shapes: Map<string, Geometry>;
  measures: (StoryMeasure | null)[];
  basemap: Basemap;
}

/** The sources by id, in order of publication (then id): the order the reader and the header list the articles in. */
export function orderedSources(input: CatalogueInput): Map<string, SourceText> {
  return new Map(
    input.sources
      .map((s) => ({ record: s.record as Source, text: s.text }))
      .sort((a, b) => a.record.published.localeCompare(b.record.published) || a.record.id.localeCompare(b.record.id))
      .map((s) => [s.record.id, s]),
  );
}

/** Sources published from their drafts unreviewed: their events file says `"review": "draft"`. */
export function draftSources(input: CatalogueInput): Set<string> {
  return new Set(
    input.events
      .filter((f) => (f.json as { review?: string }).review === 'draft')
      .flatMap((f) => (f.json as { events: CatalogueEvent[] }).events.map((e) => e.source)),
  );
}

/** A source as the story file gives it: its record, its text (or none), and whether it is a draft not reviewed. */
export const storySource = (record: Source, text: string, drafts: Set<string>): StorySource => ({
  ...record,
  text_content: text,
  ...(drafts.has(record.id) ? { review: 'draft' as const } : {}),
});

/**
 * Each event's claimant side, from its file's `claimants` map (validated: every claimant but the article's
 * own voice has an entry when the map is there). The outlet's own reporting is 'media'; a file without
 * the map gives no side (null), never a guessed one.
 */
export function sidesOf(files: CatalogueInput['events']): Map<CatalogueEvent, Side | null> {
  const sides = new Map<CatalogueEvent, Side | null>();
  for (const f of files) {
    const { events, claimants } = f.json as { events: CatalogueEvent[]; claimants?: Record<string, Side> };
    for (const e of events)
      sides.set(
        e,
        e.claim.kind === 'article' ? 'media' : claimants && Object.hasOwn(claimants, e.claim.by) ? claimants[e.claim.by] : null,
      );
  }
  return sides;
}

/** The block holding an offset: blocks are validated to be in order and not to overlap, so a binary search. */
function blockAt<B extends { start: number; end: number }>(blocks: B[], offset: number): B | undefined {
  let [lo, hi] = [0, blocks.length - 1];
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const b = blocks[mid];
    if (offset < b.start) hi = mid - 1;
    else if (offset >= b.end) lo = mid + 1;
    else return b;
  }
  return undefined;
}

/**
 * What both forms of the story derive from an event: its dates, the properties they open with, the change
 * its first quantity records, and its excerpts as the source's own words at the offsets the validator
 * checked. `dateOf` may be a cache of resolveEventDate.
 */
function resolveEvent(e: CatalogueEvent, src: SourceText, side: Side | null, dateOf: typeof resolveEventDate = resolveEventDate) {
  const date = dateOf(e.date, src.record.published);
  const q = e.quantities?.[0];
  const previousDate = q?.previous ? dateOf(q.previous.date, src.record.published) : undefined;
  const head = {
    event_id: e.id,
    title: e.title,
    category: e.category,
    site: e.site,
    date_expr: e.date.expr,
    date: date.value || null,
    date_precision: date.precision,
    date_start: date.start || null,
    date_end: date.end || null,
    // A figure in the article's own words (truth.md: a figure keeps its words), the catalogue's `text`, which
    // the validator finds verbatim in the excerpts: "62 Russian battalion tactical groups"; and the earlier
    // value's, "up from 59 at this time last week". The number and unit stay for sorting and comparing.
    quantity: q?.text ?? null,
    quantity_previous: q?.previous?.text ?? null,
    // Every figure, the first included: one sentence can give several ("62 groups … 100,000 troops").
    quantities: (e.quantities ?? []).map((x) => ({ text: x.text, previous: x.previous?.text ?? null })),
    side,
  };
  const change =
    q?.previous && previousDate?.start && previousDate.end
      ? {
          from: q.previous.value,
          to: q.value,
          unit: q.unit,
          date: previousDate.value,
          date_precision: previousDate.precision,
          date_start: previousDate.start,
          date_end: previousDate.end,
        }
      : null;
  const excerpts = e.excerpts.map((x) => ({
    start: x.start,
    end: x.end,
    text: src.text.slice(x.start, x.end),
    block: blockAt(src.record.blocks, x.start)?.kind ?? 'paragraph',
  }));
  return { q, previousDate, head, change, excerpts };
}

/** An event's flat properties as the GeoJSON form's features and story.json carry them, and its change. */
export function eventProperties(e: CatalogueEvent, src: SourceText, side: Side | null) {
  const { q, previousDate, head, change, excerpts } = resolveEvent(e, src, side);
  const props = {
    ...head,
    quantity_value: q?.value ?? null,
    quantity_unit: q?.unit ?? null,
    quantity_qualifier: q?.qualifier ?? null,
    quantity_text: q?.text ?? null,
    previous_value: q?.previous?.value ?? null,
    previous_date: previousDate?.value ?? null,
    previous_date_precision: previousDate?.precision ?? null,
    claim_by: e.claim.by,
    claim_kind: e.claim.kind,
    stance: e.claim.stance,
    source_id: src.record.id,
    source_title: src.record.title,
    source_publisher: src.record.publisher,
    source_published: src.record.published,
    excerpt_text: excerpts[0].text,
    excerpt_start: excerpts[0].start,
    excerpt_end: excerpts[0].end,
    excerpt_block: excerpts[0].block,
    excerpt_count: excerpts.length,
    excerpts,
  };
  return { props, change };
}

/** An event as the tiled form's story carries it: the story file's fields and no more. */
export function storyEvent(e: CatalogueEvent, src: SourceText, side: Side | null, dateOf: typeof resolveEventDate): StoryEvent {
  const { head, change, excerpts } = resolveEvent(e, src, side, dateOf);
  // Written out, not spread from `head`: a million spread copies, whose shapes vary with the nulls,
  // left V8 slow objects that cost the build of 1,000,000 events 80 s → 142 s (npm run bench).
  return {
    event_id: head.event_id,
    title: head.title,
    category: head.category,
    site: head.site,
    date_expr: head.date_expr,
    date: head.date,
    date_precision: head.date_precision,
    date_start: head.date_start,
    date_end: head.date_end,
    quantity: head.quantity,
    quantity_previous: head.quantity_previous,
    quantities: head.quantities,
    claim_by: e.claim.by,
    claim_kind: e.claim.kind,
    stance: e.claim.stance,
    side: head.side,
    source_id: src.record.id,
    change,
    excerpts,
    places: e.places,
    about: e.about ?? [],
  };
}

/** resolveEventDate with a cache: a large story's events share a few hundred date phrases. */
export function cachedDates(): typeof resolveEventDate {
  const dates = new Map<string, ReturnType<typeof resolveEventDate>>();
  return (date, published) => {
    const key = `${published} ${JSON.stringify(date)}`;
    let d = dates.get(key);
    if (!d) dates.set(key, (d = resolveEventDate(date, published)));
    return d;
  };
}
