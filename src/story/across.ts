/**
 * Reports of the same thing across sources: the one rule that says which events, from different articles,
 * tell of one thing, which of them are one agency's story carried twice, which deny it, and which of their
 * figures cannot both be true. Pure: the story's events and sources in, groups out; nothing is picked.
 *
 * Events are reports of the same thing when they are in the same category, at the same place or one
 * place within the other, and their time windows overlap; joined pairs chain into one group. An event the
 * article gives no date for stands for the span from the story's first publication to its own source's
 * (it was reported by then, and nothing says since when). A group has reports from two sources at least.
 */
import { listedAsSeat, type Category } from '../catalogue/vocabulary';
import type { Stance } from '../catalogue/schema';
import type { StoryEvent, StorySource } from './types';

export interface Figure {
  value: number;
  unit: string;
  /** "over", "about", "up to"…, as the article qualifies the number; null when it gives it bare. */
  qualifier: string | null;
}

/** What the rule reads of an event. */
export interface Report {
  event_id: string;
  source_id: string;
  category: Category;
  /** Where it happened or was said. */
  places: string[];
  /** What it concerns elsewhere: where a denial's denied thing is. */
  about: string[];
  stance: Stance;
  date_start: string | null;
  date_end: string | null;
  figure: Figure | null;
}

export type ReportSource = Pick<StorySource, 'id' | 'published' | 'carries'>;

export interface ReportGroup {
  /** The places its reports are at, sorted. */
  places: string[];
  category: Category;
  /** Its events, dated ones by their start, then those the articles give no date for; then source, id. */
  events: string[];
  /** The sources reporting it, in the order of their first event. */
  sources: string[];
  /** How many sources, counting one agency story carried by several outlets once. */
  independent: number;
  /** Agency stories carried by more than one of its sources. */
  copies: { carries: string; sources: string[] }[];
  /** Events that deny something at its places in its window (stance "denied", at or about the place). */
  denials: string[];
  /** Pairs of its events whose figures, same unit and overlapping windows, cannot both be true. */
  differing: [string, string][];
}

/** A story event as the rule reads it; the full story file carries its first figure's parts. */
export function reportOf(
  e: StoryEvent & { quantity_value?: number | null; quantity_unit?: string | null; quantity_qualifier?: string | null },
): Report {
  const figure =
    typeof e.quantity_value === 'number' && e.quantity_unit
      ? { value: e.quantity_value, unit: e.quantity_unit, qualifier: e.quantity_qualifier ?? null }
      : null;
  return {
    event_id: e.event_id,
    source_id: e.source_id,
    category: e.category,
    places: e.places,
    about: e.about,
    stance: e.stance,
    date_start: e.date_start,
    date_end: e.date_end,
    figure,
  };
}

/** Fraction either side of a figure an approximate qualifier allows ("about 100,000": 90,000 to 110,000). */
const ABOUT = 0.1;
const BELOW = new Set(['up to', 'at most', 'fewer than', 'less than', 'under', 'no more than', 'below']);
const ABOVE = new Set(['over', 'more than', 'at least', 'above', 'no fewer than', 'upwards of']);
const NEAR = new Set(['about', 'around', 'roughly', 'approximately', 'some', 'an estimated', 'estimated']);
const JUST_UNDER = new Set(['nearly', 'almost', 'close to', 'just under']);

/**
 * The values a figure allows, as its qualifier reads. A qualifier the rule does not know allows any value:
 * a difference is never claimed on words it cannot read.
 */
export function figureRange(f: Figure): [number, number] {
  const q = f.qualifier?.trim().toLowerCase() ?? '';
  if (!q) return [f.value, f.value];
  if (ABOVE.has(q)) return [f.value, Infinity];
  if (BELOW.has(q)) return [0, f.value];
  // The margin added and taken away, not a product with 1.1: 100,000 × 1.1 is 110,000.00000000001.
  const margin = f.value * ABOUT;
  if (NEAR.has(q)) return [f.value - margin, f.value + margin];
  if (JUST_UNDER.has(q)) return [f.value - margin, f.value];
  return [0, Infinity];
}

/** A unit as figures are compared by it: "Troops " is "troops". */
export const unitKey = (unit: string) => unit.trim().toLowerCase();
/** Whether two ranges of values (figureRange) do not meet. */
const apart = ([lo1, hi1]: readonly [number, number], [lo2, hi2]: readonly [number, number]) => hi1 < lo2 || hi2 < lo1;

/**
 * The time window a report stands for, to compare it with others: its own dates, or, where the article
 * gives none, the span from the story's first publication to its own source's (it was reported by then,
 * and nothing says since when).
 */
export function reportWindow(
  sources: readonly Pick<ReportSource, 'id' | 'published'>[],
): (r: Pick<Report, 'source_id' | 'date_start' | 'date_end'>) => { start: string; end: string } {
  const published = new Map(sources.map((s) => [s.id, s.published]));
  let first = '';
  for (const s of sources) if (!first || s.published < first) first = s.published;
  return (r) => {
    if (r.date_start && r.date_end) return { start: r.date_start, end: r.date_end };
    const own = published.get(r.source_id) ?? first;
    return { start: first || own, end: own };
  };
}

interface Windowed {
  r: Report;
  start: string;
  end: string;
}

const overlap = (a: Windowed, b: Windowed) => a.start <= b.end && b.start <= a.end;

/**
 * Which of these sources (in order) carry one agency story: each story carried by more than one, and, for
 * every carrier after its first, that first one, whose reports speak for the story.
 */
export function agencyCopies(
  order: readonly string[],
  carries: ReadonlyMap<string, string | undefined>,
): { copies: { carries: string; sources: string[] }[]; copyOf: Map<string, string> } {
  const stories = new Map<string, string[]>();
  for (const s of order) {
    const story = carries.get(s);
    if (story) push(stories, story, s);
  }
  const copies = [...stories].filter(([, s]) => s.length > 1).map(([story, s]) => ({ carries: story, sources: s }));
  const copyOf = new Map(copies.flatMap(({ sources: [first, ...rest] }) => rest.map((s) => [s, first] as const)));
  return { copies, copyOf };
}

/**
 * A view's counts of independent sources by place (`now`), beside the most each place has with nothing
 * hidden (`most`, the same object from view to view): a view's events are some of all, so no count of
 * `now` is above its place's in `most`. The map lays out every count from 2 to `most` once and shows the
 * one of `now` (map/data.ts badgeChoices).
 */
export interface SourceCounts {
  now: ReadonlyMap<string, number>;
  most: ReadonlyMap<string, number>;
}

/**
 * How many independent sources each place's events come from, by place id: the sources of the events
 * listed at it, an agency story carried by several outlets counted once (agencyCopies). The events are
 * those the view shows (the caller asks visibility.ts isVisible, as for every mark); an event listed at a
 * place only as a seat of government standing in is not a report of that place (truth.md) and is left
 * out. A place none of whose events is given is absent. The map draws the count on a place's mark from 2.
 */
export function independentSources(
  events: Iterable<Pick<StoryEvent, 'source_id' | 'places' | 'site'>>,
  sources: readonly Pick<ReportSource, 'id' | 'carries'>[],
): Map<string, number> {
  const byPlace = new Map<string, Set<string>>();
  for (const e of events) {
    if (listedAsSeat(e)) continue;
    for (const p of e.places) {
      const set = byPlace.get(p);
      if (set) set.add(e.source_id);
      else byPlace.set(p, new Set([e.source_id]));
    }
  }
  return independentCounts(byPlace, sources);
}

/**
 * How many independent sources each place has, from the ids of the sources reporting at it: an agency
 * story carried by several outlets counted once (agencyCopies). The one count both forms of a story draw:
 * a whole story's from its events (independentSources), a tiled story's from the combos its marks carry
 * (map/tiledStory.ts tiledSourceCounts), whose seat-listed events the build has already left off.
 */
export function independentCounts(
  byPlace: ReadonlyMap<string, ReadonlySet<string>>,
  sources: readonly Pick<ReportSource, 'id' | 'carries'>[],
): Map<string, number> {
  const carries = new Map(sources.map((s) => [s.id, s.carries]));
  const counts = new Map<string, number>();
  for (const [place, ids] of byPlace) {
    const order = [...ids];
    counts.set(place, order.length - agencyCopies(order, carries).copyOf.size);
  }
  return counts;
}

/**
 * The pairs of these figures, in their order, that cannot both be true: from different sources, neither a
 * copy of an agency story another carrier speaks for, windows overlapping, values apart beyond their
 * qualifiers (same unit, ranges that do not meet: `apart`).
 */
export function differingPairs(
  items: readonly { id: string; source_id: string; figure: Figure | null; start: string; end: string }[],
  copyOf: ReadonlyMap<string, string>,
): [string, string][] {
  // Each figure's unit and range read once; swept in order of its window's start, so that a pair is
  // compared only when the windows overlap; then put back in the items' order.
  const voices = items.flatMap((x, i) => {
    if (!x.figure || copyOf.has(x.source_id)) return [];
    return [
      {
        i,
        id: x.id,
        source_id: x.source_id,
        unit: unitKey(x.figure.unit),
        range: figureRange(x.figure),
        start: x.start,
        end: x.end,
      },
    ];
  });
  const byStart = [...voices].sort((a, b) => cmp(a.start, b.start) || a.i - b.i);
  const found: [(typeof voices)[number], (typeof voices)[number]][] = [];
  let open: typeof voices = [];
  for (const b of byStart) {
    open = open.filter((a) => a.end >= b.start);
    for (const a of open)
      if (a.source_id !== b.source_id && a.unit === b.unit && apart(a.range, b.range)) found.push(a.i < b.i ? [a, b] : [b, a]);
    open.push(b);
  }
  const differing: [string, string][] = found
    .sort(([a1, b1], [a2, b2]) => a1.i - a2.i || b1.i - b2.i)
    .map(([a, b]) => [a.id, b.id]);
  return differing;
}

/** Adds `value` to the list under `key`. */
function push<K, V>(m: Map<K, V[]>, key: K, value: V): void {
  const list = m.get(key);
  if (list) list.push(value);
  else m.set(key, [value]);
}

/**
 * The groups of reports of the same thing, sorted by first place and category. `parents(place)` gives
 * the places a place lies within (none by default): a report at the Rostov region and one in Russia meet,
 * two at the Rostov and Yaroslavl regions do not.
 */
export function groupReports(
  reports: readonly Report[],
  sources: readonly ReportSource[],
  parents: (place: string) => readonly string[] = () => [],
): ReportGroup[] {
  const carries = new Map(sources.map((s) => [s.id, s.carries]));
  const windowOf = reportWindow(sources);
  const all = reports.map((r): Windowed => ({ r, ...windowOf(r) }));
  const claims = all.filter((w) => w.r.stance !== 'denied');

  // Union-find over the claims: joined when same category, places meeting, windows overlapping.
  const parent = claims.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  // Bucketed by category and place (an event also stands in the buckets of the places its own lie
  // within, marked as not there itself), each bucket swept in order of its windows' starts: a pair is
  // compared only when it shares a bucket and its windows overlap, never every event with every other.
  const buckets = new Map<string, { i: number; direct: boolean }[]>();
  claims.forEach((w, i) => {
    for (const p of w.r.places) {
      push(buckets, `${w.r.category} ${p}`, { i, direct: true });
      for (const outer of parents(p)) push(buckets, `${w.r.category} ${outer}`, { i, direct: false });
    }
  });
  for (const list of buckets.values()) {
    if (list.length < 2) continue;
    list.sort((a, b) => cmp(claims[a.i].start, claims[b.i].start) || a.i - b.i);
    let open: typeof list = [];
    for (const x of list) {
      open = open.filter((y) => claims[y.i].end >= claims[x.i].start);
      for (const y of open) if (x.direct || y.direct) parent[find(x.i)] = find(y.i);
      open.push(x);
    }
  }

  // Denials by the places they are at or about, and by the places those lie within.
  const denialsAt = new Map<string, Windowed[]>();
  const denialsInside = new Map<string, Windowed[]>();
  for (const d of all) {
    if (d.r.stance !== 'denied') continue;
    for (const p of new Set([...d.r.places, ...d.r.about])) {
      push(denialsAt, p, d);
      for (const outer of parents(p)) push(denialsInside, outer, d);
    }
  }
  const denialsMeeting = (places: readonly string[]) => {
    const found = new Set<Windowed>();
    for (const q of places) {
      for (const d of [...(denialsAt.get(q) ?? []), ...(denialsInside.get(q) ?? [])]) found.add(d);
      for (const outer of parents(q)) for (const d of denialsAt.get(outer) ?? []) found.add(d);
    }
    return [...found];
  };

  const members = new Map<number, Windowed[]>();
  claims.forEach((w, i) => push(members, find(i), w));

  const groups: ReportGroup[] = [];
  for (const list of members.values()) {
    const sourceIds = new Set(list.map((w) => w.r.source_id));
    if (sourceIds.size < 2) continue;
    list.sort(
      (a, b) =>
        Number(!a.r.date_start) - Number(!b.r.date_start) ||
        cmp(a.start, b.start) ||
        cmp(a.r.source_id, b.r.source_id) ||
        cmp(a.r.event_id, b.r.event_id),
    );
    const order = [...new Set(list.map((w) => w.r.source_id))];
    const { copies, copyOf } = agencyCopies(order, carries);
    const places = [...new Set(list.flatMap((w) => w.r.places))].sort();
    const differing = differingPairs(
      list.map((w) => ({ id: w.r.event_id, source_id: w.r.source_id, figure: w.r.figure, start: w.start, end: w.end })),
      copyOf,
    );
    const denials = denialsMeeting(places)
      .filter((d) => list.some((w) => overlap(d, w)))
      .sort((a, b) => cmp(a.start, b.start) || cmp(a.r.event_id, b.r.event_id))
      .map((d) => d.r.event_id);
    groups.push({
      places,
      category: list[0].r.category,
      events: list.map((w) => w.r.event_id),
      sources: order,
      independent: order.length - copyOf.size,
      copies,
      denials,
      differing,
    });
  }
  return groups.sort((a, b) => cmp(a.places[0], b.places[0]) || cmp(a.category, b.category) || cmp(a.events[0], b.events[0]));
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
