/**
 * The review's state and the pure rules around it: proposals as items to accept, reject or edit, the
 * article cut into highlighted runs of text, a selection as offsets, and what a save sends.
 */
import { DateError, durationDays, resolveEventDate } from '../catalogue/dates';
import type {
  CatalogueEvent,
  Place,
  PlaceBasis,
  PlaceGeometry,
  PlaceKind,
  Quantity,
  Source,
  ValidationError,
} from '../catalogue/schema';
import { listedAsSeat, type Category, type Precision } from '../catalogue/vocabulary';
import { slug } from '../draft/draft';
import { categoryOf, claimOf } from '../draft/claims';
import { findDates } from '../draft/dates';
import { findQuantities } from '../draft/quantities';
import { titleOf, withClaimant } from '../draft/title';
import type { PlaceView } from '../story/visibility';
import type { OpenedDraft, SaveRequest } from './protocol';

export type Status = 'proposed' | 'accepted' | 'rejected';

export interface PlaceItem {
  place: Place;
  status: Status;
  /** draft: proposed by the drafting; added: by the editor. */
  origin: 'draft' | 'added';
  confidence: number | null;
  notes: string[];
  /** Indexes of the draft's mentions that name it. */
  mentions: number[];
  /** Accepted only because a kept event names it (acceptEvent): let go again when none does. */
  cameWithEvent?: true;
}

export interface EventItem {
  event: CatalogueEvent;
  status: Status;
  origin: 'draft' | 'pending' | 'added';
  confidence: number | null;
  notes: string[];
  unresolved: string[];
}

export interface Review {
  places: PlaceItem[];
  events: EventItem[];
  /** Paragraphs marked as photo captions in this review (their blocks' starts), saved with the source record. */
  captions?: number[];
}

const strip = <T extends { draft: unknown }>({ draft: _draft, ...rest }: T) => rest;
/** A plain copy: JSON, since the review's state is Svelte's proxies, which structuredClone refuses. */
const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/**
 * The draft's proposals as review items. Opened again after a save, it comes with every decision as saved:
 * the saved events accepted as saved (the draft's others rejected: they were not kept); each proposed place
 * the catalogue holds under its id is shown as the catalogue draws it now (an edit saved before is kept,
 * and saving it again is not a duplicate), accepted when a saved event names it; the draft's places the
 * catalogue lacks rejected; places the saved events name that the draft never proposed (added by the
 * editor) accepted as the catalogue has them.
 */
export function reviewOf(opened: OpenedDraft): Review {
  const saved = opened.saved;
  const savedIds = new Set((saved ?? []).map((e) => e.id));
  const catalogue = new Map(opened.catalogue.map((p) => [p.id, p]));
  // Named where or about: "about" places are saved with their event as much as its own.
  const named = new Set((saved ?? []).flatMap((e) => [...e.places, ...(e.about ?? [])]));
  const places: PlaceItem[] = opened.draft.places.map((p) => {
    const kept = saved ? catalogue.get(p.id) : undefined;
    return {
      place: copy(kept ?? strip(p)),
      // In the catalogue but named by no saved event: the catalogue's before this article, or kept unused.
      status: !saved ? 'proposed' : !kept ? 'rejected' : named.has(p.id) ? 'accepted' : 'proposed',
      origin: 'draft',
      confidence: p.draft.confidence,
      notes: p.draft.notes,
      mentions: p.draft.mentions,
    };
  });
  const events: EventItem[] = [
    ...opened.draft.events.map((e) => [e, 'draft'] as const),
    ...opened.draft.pending.map((e) => [e, 'pending'] as const),
  ].map(([e, origin]) => ({
    event: copy(strip(e)),
    status: !saved ? 'proposed' : savedIds.has(e.id) ? 'accepted' : 'rejected',
    origin,
    confidence: e.draft.confidence,
    notes: e.draft.notes,
    unresolved: e.draft.unresolved,
  }));
  for (const s of saved ?? []) {
    const item = events.find((x) => x.event.id === s.id);
    if (item) item.event = copy(s);
    else events.push({ event: copy(s), status: 'accepted', origin: 'added', confidence: null, notes: [], unresolved: [] });
    for (const id of [...s.places, ...(s.about ?? [])]) {
      const place = catalogue.get(id);
      if (!place || places.some((x) => x.place.id === id)) continue;
      places.push({ place: copy(place), status: 'accepted', origin: 'added', confidence: null, notes: [], mentions: [] });
    }
  }
  return { places, events };
}

/** An id from a name not yet taken by any of `taken`. */
export function freshId(name: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const base = slug(name);
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** What a save sends: the accepted places and events, as catalogue records. */
/**
 * Keep an event, and with it the places it names (where or about) that are still only proposed: an event
 * is saved with its places, so keeping one keeps them. A place the editor rejected stays rejected (Check
 * then says the event names an unknown place). Returns the places it accepted.
 */
export function acceptEvent(review: Review, item: EventItem): PlaceItem[] {
  item.status = 'accepted';
  const named = new Set([...item.event.places, ...(item.event.about ?? [])]);
  const brought = review.places.filter((p) => p.status === 'proposed' && named.has(p.place.id));
  for (const p of brought) {
    p.status = 'accepted';
    p.cameWithEvent = true;
  }
  return brought;
}

/** Reject an event; the places it alone brought go back to proposed (releasePlaces). */
export function rejectEvent(review: Review, item: EventItem): void {
  item.status = 'rejected';
  releasePlaces(review);
}

/**
 * A place accepted only because a kept event named it goes back to proposed once no kept event names it
 * (the event rejected, or the place unticked on it): it is not saved unused. A place the editor accepted
 * itself stays accepted. Returns the places let go.
 */
export function releasePlaces(review: Review): PlaceItem[] {
  const named = new Set(
    review.events.filter((e) => e.status === 'accepted').flatMap((e) => [...e.event.places, ...(e.event.about ?? [])]),
  );
  const released = review.places.filter((p) => p.cameWithEvent && p.status === 'accepted' && !named.has(p.place.id));
  for (const p of released) {
    p.status = 'proposed';
    delete p.cameWithEvent;
  }
  return released;
}

/** The editor's own decision on a place: no longer one that merely came with an event. */
export function decidePlace(item: PlaceItem, status: Status): void {
  item.status = status;
  delete item.cameWithEvent;
}

/**
 * "Accept the rest": every event still proposed is kept, with its places (acceptEvent). What was decided
 * stays as decided; an event without a place yet (pending) is left for the editor. Returns how many events.
 */
export function acceptRest(review: Review): number {
  const rest = review.events.filter((e) => e.status === 'proposed' && e.event.places.length > 0);
  for (const e of rest) acceptEvent(review, e);
  return rest.length;
}

export function saveRequest(id: string, review: Review): SaveRequest {
  return {
    id,
    places: review.places.filter((p) => p.status === 'accepted').map((p) => copy(p.place)),
    events: review.events.filter((e) => e.status === 'accepted').map((e) => tidy(copy(e.event))),
    ...(review.captions?.length ? { captions: [...review.captions] } : {}),
  };
}

/**
 * The paragraph a selection lies in, to be marked a photo caption (a caption the page did not mark as
 * one: a pasted text has no figcaption), or why it cannot be: a headline is no caption, a selection
 * across two blocks names no one paragraph.
 */
export function captionBlock(source: Source, sel: { start: number; end: number }): { start: number } | { error: string } {
  const block = source.blocks.find((b) => b.start <= sel.start && sel.end <= b.end);
  if (!block) return { error: 'The selection runs across two blocks of the article: select words within one paragraph.' };
  if (block.kind === 'caption') return { error: 'That paragraph is a photo caption already.' };
  if (block.kind === 'headline') return { error: 'A headline is not a photo caption.' };
  return { start: block.start };
}

/**
 * The source record with the blocks starting at `starts` made photo captions and their first words
 * listed in `captions`, as the capture lists them; an error for a start that is no paragraph's or dek's.
 */
export function withCaptions(source: Source, text: string, starts: number[]): { source: Source } | { error: string } {
  const blocks = source.blocks.map((b) => ({ ...b }));
  const captions = [...source.captions];
  for (const start of starts) {
    const block = blocks.find((b) => b.start === start);
    if (!block || (block.kind !== 'paragraph' && block.kind !== 'dek' && block.kind !== 'caption'))
      return { error: `captions: ${JSON.stringify(start)} is not the start of a paragraph of ${source.id}'s text` };
    if (block.kind === 'caption') continue;
    block.kind = 'caption';
    captions.push(text.slice(block.start, block.end).split(/\s+/).slice(0, 6).join(' '));
  }
  return { source: { ...source, blocks, captions } };
}

/** What the card's inputs leave behind that a catalogue record does not hold: an emptied qualifier, no figures. */
function tidy(e: CatalogueEvent): CatalogueEvent {
  for (const q of e.quantities ?? []) if (!q.qualifier?.trim()) delete q.qualifier;
  if (e.quantities?.length === 0) delete e.quantities;
  return e;
}

/** The validator's errors by the record they are about: which card shows them, and those no card does. */
export function errorsByRecord(
  errors: ValidationError[],
  files: { events: string; places: string },
  review: Review,
): { events: Map<string, ValidationError[]>; places: Map<string, ValidationError[]>; other: ValidationError[] } {
  const events = new Map<string, ValidationError[]>();
  const places = new Map<string, ValidationError[]>();
  const other: ValidationError[] = [];
  const eventIds = new Set(review.events.map((e) => e.event.id));
  const placeIds = new Set(review.places.map((p) => p.place.id));
  for (const e of errors) {
    const target =
      e.file === files.events && eventIds.has(e.id) ? events : e.file === files.places && placeIds.has(e.id) ? places : null;
    if (!target) other.push(e);
    else target.set(e.id, [...(target.get(e.id) ?? []), e]);
  }
  return { events, places, other };
}

/** What each accepted place shows on the map: coloured by the first accepted event's category there. */
export function placeViews(review: Review): Map<string, PlaceView> {
  const views = new Map<string, PlaceView>();
  for (const p of review.places) {
    if (p.status !== 'accepted') continue;
    const categories = [
      ...new Set(
        review.events
          .filter((e) => e.status === 'accepted' && !listedAsSeat(e.event) && e.event.places.includes(p.place.id))
          .map((e) => e.event.category),
      ),
    ] as Category[];
    views.set(p.place.id, { visible: true, category: categories[0] ?? null, categories, quantities: [] });
  }
  return views;
}

/** A marked stretch of the article: what kind of proposal it is, and which. */
export interface Mark {
  kind: 'place' | 'unresolved' | 'date' | 'quantity' | 'excerpt';
  start: number;
  end: number;
  label: string;
}

/** A run of the article's text under the same marks: rendered as one text node in one element. */
export interface Run {
  start: number;
  end: number;
  text: string;
  kinds: Mark['kind'][];
  labels: string[];
}

/** Cuts the text at every mark's ends, each run listing the marks over it. */
export function runsOf(text: string, marks: Mark[]): Run[] {
  const cuts = new Set([0, text.length]);
  for (const m of marks) if (m.start >= 0 && m.end <= text.length && m.start < m.end) cuts.add(m.start).add(m.end);
  const points = [...cuts].sort((a, b) => a - b);
  const runs: Run[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i], points[i + 1]];
    const over = marks.filter((m) => m.start <= start && m.end >= end);
    runs.push({
      start,
      end,
      text: text.slice(start, end),
      kinds: [...new Set(over.map((m) => m.kind))],
      labels: over.map((m) => m.label),
    });
  }
  return runs;
}

/** The draft's marks and the excerpts of the events not rejected. */
export function marksOf(opened: OpenedDraft, review: Review): Mark[] {
  const d = opened.draft;
  return [
    ...review.events
      .filter((e) => e.status !== 'rejected')
      .flatMap((e) =>
        e.event.excerpts.map((x) => ({ kind: 'excerpt' as const, start: x.start, end: x.end, label: `event ${e.event.id}` })),
      ),
    ...d.mentions.map((m) => ({
      kind: m.entry ? ('place' as const) : ('unresolved' as const),
      start: m.start,
      end: m.end,
      label: m.entry ? `place: ${m.entry}` : `place not found: ${m.feature ?? 'unknown'}`,
    })),
    ...d.dates.map((x) => ({
      kind: 'date' as const,
      start: x.start,
      end: x.end,
      label: `date: ${x.resolved ? `${x.resolved.value} (${x.resolved.precision})` : 'unresolved'}`,
    })),
    ...d.quantities.map((q) => ({
      kind: 'quantity' as const,
      start: q.start,
      end: q.end,
      label: `quantity: ${q.value ?? q.range?.join('–') ?? '?'} ${q.unit}`,
    })),
  ];
}

/**
 * A selection inside the article as offsets into its text: each run's element carries its start offset,
 * and a selection's ends are text nodes inside those elements (or the elements themselves).
 */
export function offsetsOf(
  range: { startContainer: Node; startOffset: number; endContainer: Node; endOffset: number },
  article: Element,
): { start: number; end: number } | null {
  const at = (node: Node, offset: number): number | null => {
    if (!article.contains(node)) return null;
    const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
    const run = element?.closest('[data-start]');
    if (!run || !article.contains(run)) return null;
    const base = Number(run.getAttribute('data-start'));
    if (node.nodeType === Node.TEXT_NODE) return base + offset;
    // An element boundary: before its first child is its start, after its children its end.
    return offset === 0 ? base : Number(run.getAttribute('data-end'));
  };
  const start = at(range.startContainer, range.startOffset);
  const end = at(range.endContainer, range.endOffset);
  if (start === null || end === null || start >= end) return null;
  return { start, end };
}

/** The claimants of the events quoted before offset `at`, in the article's order: "the ministry" resolves to one. */
export function claimantsBefore(events: CatalogueEvent[], at: number): string[] {
  return events
    .filter((e) => e.claim.kind !== 'article' && e.excerpts.some((x) => x.start < at))
    .sort((a, b) => Math.min(...a.excerpts.map((x) => x.start)) - Math.min(...b.excerpts.map((x) => x.start)))
    .map((e) => e.claim.by);
}

/**
 * A new event quoting the selected words, for the editor to complete, with what the draft's own rules read
 * from them: the claimant from the sentence round them (`claimants`, those named before, for "the
 * ministry said"), the stance from the words (else the sentence), the category, a date the words give
 * (against `published`), and a title. Nothing read is the article's voice, a statement, undated.
 */
export function eventFromSelection(
  text: string,
  sel: { start: number; end: number },
  sourceId: string,
  taken: Iterable<string>,
  context: { published?: string; claimants?: string[] } = {},
): CatalogueEvent {
  const quoted = text.slice(sel.start, sel.end);
  const words = quoted.replace(/\s+/g, ' ').trim();
  // The sentence round the selection: from the last sentence end before it to the first after it.
  const from = Math.max(0, ...[...text.slice(0, sel.start).matchAll(/[.!?]["”’]?\s+|\n/g)].map((m) => m.index + m[0].length));
  const next = /[.!?](?=["”’]?(?:\s|$))|\n/.exec(text.slice(sel.end));
  const sentence = text.slice(from, next ? sel.end + next.index + 1 : text.length);
  const { claim } = claimOf(sentence, undefined, new Set(), undefined, context.claimants ?? []);
  const own = claimOf(words, undefined, new Set()).claim.stance;
  const stance = own !== 'reported' && own !== 'asserted' ? own : claim.stance;
  const dated = context.published ? findDates(words, context.published).find((d) => d.expr && !d.telling) : undefined;
  return {
    id: freshId(words.split(' ').slice(0, 6).join(' '), taken),
    source: sourceId,
    places: [],
    site: 'happened',
    category: categoryOf(words, claim.kind !== 'article').category,
    title: withClaimant(titleOf(words), claim.by, claim.kind),
    date: { expr: dated?.expr ?? 'undated' },
    claim: { ...claim, stance },
    excerpts: [{ start: sel.start, end: sel.end, text: quoted }],
  };
}

/**
 * Renames a place and every reference to it (the events' `places` and `about`). Returns why not, or null:
 * the new id must read as an id and be taken by no other place, of this review or the catalogue.
 */
export function renamePlace(review: Review, from: string, to: string, catalogue: Iterable<string> = []): string | null {
  if (from === to) return null;
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(to)) return `"${to}" is not an id: lower-case letters and digits, joined by hyphens`;
  const taken = new Set([...catalogue, ...review.places.map((p) => p.place.id)]);
  if (taken.has(to)) return `"${to}" is taken by another place`;
  const item = review.places.find((p) => p.place.id === from);
  if (!item) return `no place "${from}" in this review`;
  item.place.id = to;
  const follow = (ids: string[] | undefined) => ids?.map((id) => (id === from ? to : id));
  for (const e of review.events) {
    e.event.places = follow(e.event.places)!;
    if (e.event.about) e.event.about = follow(e.event.about);
  }
  return null;
}

/**
 * A figure from words selected in the article, read as the drafting reads figures (value, unit,
 * qualifier); the words are kept verbatim. Null when the words give no number.
 */
export function figureFromSelection(text: string, sel: { start: number; end: number }): Quantity | null {
  const words = text.slice(sel.start, sel.end);
  const found = findQuantities(words, []).find((q) => q.value !== null);
  if (!found || found.value === null) return null;
  return { value: found.value, unit: found.unit, ...(found.qualifier ? { qualifier: found.qualifier } : {}), text: words };
}

/** A place the gazetteer lacks, as the editor's form gives it: every field as typed. */
export interface OutsideForm {
  name: string;
  kind: PlaceKind;
  precision: Precision;
  basis: PlaceBasis;
  note: string;
  shape: 'point' | 'polygon' | 'border-band';
  /** point: "lng, lat"; polygon: "lng lat; lng lat; …" (three corners or more, closed for you). */
  coordinates: string;
  /** border-band: the country whose border it runs along, the countries it lies in (ISO 3166-1 alpha-2), its width. */
  along: string;
  within: string;
  km: string;
}

/**
 * A catalogue place from the form for a place outside the gazetteer, or every reason it cannot be one.
 * The note is required: a place drawn by hand says why it is drawn so. The validator and the preview
 * check the rest (a band's countries against the basemap) as for any place.
 */
export function placeFromForm(f: OutsideForm, taken: Iterable<string>): { place: Place } | { errors: string[] } {
  const errors: string[] = [];
  const name = f.name.trim();
  const note = f.note.trim();
  if (!name) errors.push('name: a name is needed');
  if (!note) errors.push('note: say why the place is drawn this way (what the article gives, what is a convention)');
  const pair = (text: string, where: string): [number, number] | null => {
    const m = /^\s*(-?\d+(?:\.\d+)?)\s*[,\s]\s*(-?\d+(?:\.\d+)?)\s*$/.exec(text);
    const [lng, lat] = m ? [Number(m[1]), Number(m[2])] : [NaN, NaN];
    if (!m || Math.abs(lng) > 180 || Math.abs(lat) > 90) {
      errors.push(`${where}: "longitude, latitude" in degrees expected, "${text.trim()}" found`);
      return null;
    }
    return [lng, lat];
  };
  let geometry: PlaceGeometry | null = null;
  if (f.shape === 'point') {
    const p = pair(f.coordinates, 'coordinates');
    if (p) geometry = { point: p };
  } else if (f.shape === 'polygon') {
    const corners = f.coordinates
      .split(';')
      .filter((c) => c.trim())
      .map((c, i) => pair(c, `coordinates, corner ${i + 1}`));
    const ring = corners.filter((c): c is [number, number] => c !== null);
    const distinct = new Set(ring.map((c) => c.join(','))).size;
    if (corners.length === ring.length && distinct < 3) errors.push('coordinates: three corners or more expected');
    if (corners.length === ring.length && distinct >= 3) {
      const [first, last] = [ring[0], ring[ring.length - 1]];
      geometry = { polygon: first[0] === last[0] && first[1] === last[1] ? ring : [...ring, first] };
    }
  } else {
    const code = (s: string) => s.trim().toUpperCase();
    const along = code(f.along);
    const within = f.within
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(code);
    const km = Number(f.km);
    if (!/^[A-Z]{2}$/.test(along)) errors.push(`along: a country code expected (RU, UA…), "${f.along.trim()}" found`);
    if (!within.length || within.some((c) => !/^[A-Z]{2}$/.test(c)))
      errors.push(`within: country codes expected (RU, BY…), "${f.within.trim()}" found`);
    if (!(km > 0 && km <= 500)) errors.push(`km: a width from 1 to 500 expected, "${f.km.trim()}" found`);
    geometry = { recipe: 'border-band', along, within, km };
  }
  if (errors.length || !geometry) return { errors };
  return {
    place: {
      id: freshId(name, taken),
      names: { en: name },
      kind: f.kind,
      geometry,
      precision: f.precision,
      basis: f.basis,
      note,
    },
  };
}

/**
 * One event made two: a copy with a fresh id beside it, accepted, for the editor to narrow. With several
 * excerpts the last moves to the copy (each keeps at least one); with one, both quote it.
 */
export function splitEvent(review: Review, item: EventItem): EventItem {
  const event = copy(item.event);
  const copyItem: EventItem = {
    event: {
      ...event,
      id: freshId(
        item.event.id,
        review.events.map((e) => e.event.id),
      ),
    },
    status: 'accepted',
    origin: 'added',
    confidence: null,
    notes: [`split from ${item.event.id}`],
    unresolved: [...item.unresolved],
  };
  if (item.event.excerpts.length > 1) {
    copyItem.event.excerpts = [event.excerpts.at(-1)!];
    item.event.excerpts = item.event.excerpts.slice(0, -1);
  }
  review.events.splice(review.events.indexOf(item) + 1, 0, copyItem);
  return copyItem;
}

/**
 * Two events that report one fact made one: `from`'s excerpts, places, `about` and figures join `into`'s
 * (each once, excerpts in the article's order), and `from` is rejected, not removed, so the card still
 * shows what it was. Title, date, claim and category stay `into`'s: the editor reads them again.
 */
export function mergeEvents(into: EventItem, from: EventItem): void {
  const a = into.event;
  const b = copy(from.event);
  const once = <T>(list: T[], key: (x: T) => string) => list.filter((x, i) => list.findIndex((y) => key(y) === key(x)) === i);
  a.excerpts = once([...a.excerpts, ...b.excerpts], (x) => `${x.start}:${x.end}`).sort((x, y) => x.start - y.start);
  a.places = once([...a.places, ...b.places], String);
  const about = once([...(a.about ?? []), ...(b.about ?? [])], String);
  if (about.length) a.about = about;
  const quantities = once([...(a.quantities ?? []), ...(b.quantities ?? [])], (q) => `${q.text}|${q.value}|${q.unit}`);
  if (quantities.length) a.quantities = quantities;
  into.notes = [...into.notes, `merged with ${b.id}`];
  into.unresolved = once([...into.unresolved, ...from.unresolved], String);
  from.status = 'rejected';
  from.notes = [...from.notes, `merged into ${a.id}`];
}

/**
 * The card's two additions to a date phrase: "to come" (a weekday ahead of publication) and a duration in
 * the article's words ("two-day"), whose days are read from the words; empty words take it off. A duration
 * whose words give no days keeps them, so the reading under the field says what is wrong.
 */
export function withDateAdditions(
  date: CatalogueEvent['date'],
  change: { ahead?: boolean; lasting?: string },
): CatalogueEvent['date'] {
  const next: CatalogueEvent['date'] = { expr: date.expr };
  const ahead = change.ahead ?? date.ahead ?? false;
  if (ahead) next.ahead = true;
  const words = (change.lasting ?? date.lasting?.text ?? '').trim();
  if (words) next.lasting = { days: durationDays(words) ?? 0, text: words };
  return next;
}

/**
 * What a date expression on the card comes to, as the build will read it (catalogue/dates.ts): its
 * precision and the days it covers, or why it cannot be read. The card shows it under the field.
 */
export function dateReading(date: CatalogueEvent['date'], published: string): { text: string; ok: boolean } {
  try {
    const d = resolveEventDate(date, published);
    if (d.precision === 'unknown') return { text: 'undated: no time on the map', ok: true };
    const days = d.start === d.end ? d.start : `${d.start} to ${d.end}`;
    // A duration's days and a weekend's two are the article's; other windows' bounds are the project's convention.
    const exact = date.lasting || /weekend$/i.test(date.expr.trim());
    const convention = d.precision === 'window' && !exact ? ', its bounds a stated convention' : '';
    return { text: `${d.precision === 'day' ? 'a day' : `a ${d.precision}`}: ${days}${convention}`, ok: true };
  } catch (err) {
    if (err instanceof DateError) return { text: err.message, ok: false };
    throw err;
  }
}
