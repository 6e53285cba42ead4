/**
 * Scores a draft against gold: place mentions (precision, recall, F1, resolution exact and within 161 km,
 * offsets exact), dates and quantities. How mentions are matched is defined in the README ("Drafting a
 * catalogue from a new article").
 */
import type { ResolvedDate } from '../catalogue/dates';
import { distanceKm, type Gazetteer } from './gazetteer';
import type { DraftFile } from './types';

export interface GoldMention {
  text: string;
  entry: string | null;
  form?: 'name' | 'adjective';
  nth?: number[];
}
export interface GoldDate {
  text: string;
  value: string;
  precision: ResolvedDate['precision'];
  /** The text's own date is doubtful (a misprinted year): the draft must flag it (confidence ≤ 0.3). */
  flagged?: boolean;
  /** Where the phrase must lie, when the gold knows (the seed's events: their excerpts). */
  within?: [number, number][];
}
export interface GoldQuantity {
  text: string;
  value: number | null;
  qualifier?: string;
  previous?: number;
  within?: [number, number][];
}

interface Located<T> {
  gold: T;
  start: number;
  end: number;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whole-word, case-sensitive occurrences of `text`, or only the `nth` ones. */
function occurrences(text: string, phrase: string, nth?: number[]): [number, number][] {
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${escape(phrase)}(?![\\p{L}\\p{N}])`, 'gu');
  const all = [...text.matchAll(re)].map((m) => [m.index, m.index + phrase.length] as [number, number]);
  return nth ? all.filter((_, i) => nth.includes(i + 1)) : all;
}

/** Gold mentions at their offsets; one inside a longer one ("Europe" in "Eastern Europe") is dropped. */
function locateMentions(text: string, gold: GoldMention[]): Located<GoldMention>[] {
  const all = gold.flatMap((g) => occurrences(text, g.text, g.nth).map(([start, end]) => ({ gold: g, start, end })));
  return all.filter(
    (a) => !all.some((b) => b !== a && b.start <= a.start && a.end <= b.end && b.end - b.start > a.end - a.start),
  );
}

const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

/** One-to-one pairs of overlapping spans, largest overlap first. */
export function pair<A extends { start: number; end: number }, B extends { start: number; end: number }>(
  drafted: A[],
  gold: B[],
): [A, B][] {
  const candidates: [number, number, number][] = [];
  drafted.forEach((d, i) => gold.forEach((g, j) => overlap(d, g) > 0 && candidates.push([overlap(d, g), i, j])));
  candidates.sort((x, y) => y[0] - x[0] || x[1] - y[1] || x[2] - y[2]);
  const [usedA, usedB] = [new Set<number>(), new Set<number>()];
  const out: [A, B][] = [];
  for (const [, i, j] of candidates) {
    if (usedA.has(i) || usedB.has(j)) continue;
    usedA.add(i);
    usedB.add(j);
    out.push([drafted[i], gold[j]]);
  }
  return out;
}

interface MentionScore {
  drafted: number;
  gold: number;
  matched: number;
  precision: number;
  recall: number;
  f1: number;
  /** Of the matched: the draft's entry is the gold's (null for null: left unresolved, rightly). */
  exact: number;
  /** Of the matched: both resolved and within 161 km (100 miles) of each other, or both unresolved. */
  within161: number;
  /** Of the matched: the same start and end. */
  offsetsExact: number;
  missed: string[];
  spurious: string[];
  wrong: string[];
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

export function scoreMentions(
  text: string,
  draft: DraftFile,
  gold: GoldMention[],
  gaz: Gazetteer,
  form: 'name' | 'adjective',
): MentionScore {
  const drafted = draft.mentions.filter((m) => m.form === form);
  const located = locateMentions(text, gold).filter((g) => (g.gold.form ?? 'name') === form);
  const pairs = pair(drafted, located);
  let exact = 0;
  let near = 0;
  let offsets = 0;
  const wrong: string[] = [];
  for (const [d, g] of pairs) {
    if (d.start === g.start && d.end === g.end) offsets++;
    if (d.entry === g.gold.entry) {
      exact++;
      near++;
      continue;
    }
    const [a, b] = [d.entry && gaz.byId.get(d.entry), g.gold.entry && gaz.byId.get(g.gold.entry)];
    if (a && b && distanceKm(a.point, b.point) <= 161) near++;
    wrong.push(`${JSON.stringify(d.text)}@${d.start}: ${d.entry ?? 'unresolved'} (gold ${g.gold.entry ?? 'unresolved'})`);
  }
  const matchedD = new Set(pairs.map(([d]) => d));
  const matchedG = new Set(pairs.map(([, g]) => g));
  const p = ratio(pairs.length, drafted.length);
  const r = ratio(pairs.length, located.length);
  return {
    drafted: drafted.length,
    gold: located.length,
    matched: pairs.length,
    precision: p,
    recall: r,
    f1: p + r === 0 ? 0 : (2 * p * r) / (p + r),
    exact: ratio(exact, pairs.length),
    within161: ratio(near, pairs.length),
    offsetsExact: ratio(offsets, pairs.length),
    missed: located.filter((g) => !matchedG.has(g)).map((g) => `${JSON.stringify(g.gold.text)}@${g.start}`),
    spurious: drafted
      .filter((d) => !matchedD.has(d))
      .map((d) => `${JSON.stringify(d.text)}@${d.start} → ${d.entry ?? 'unresolved'}`),
    wrong,
  };
}

interface ItemScore {
  gold: number;
  right: number;
  accuracy: number;
  /** Draft items overlapping no gold item (counted only where the gold lists them all). */
  extra: number;
  problems: string[];
}

/** Gold items at their offsets, once each: two events quoting the same phrase make one gold item. */
function locate<T extends { text: string; within?: [number, number][] }>(text: string, gold: T[]): Located<T>[] {
  const seen = new Set<string>();
  return gold.flatMap((g) =>
    occurrences(text, g.text)
      .filter(([s, e]) => !g.within || g.within.some(([a, b]) => a <= s && e <= b))
      .filter(([s, e]) => !seen.has(`${s}:${e}`) && seen.add(`${s}:${e}`))
      .map(([start, end]) => ({ gold: g, start, end })),
  );
}

export function scoreDates(text: string, draft: DraftFile, gold: GoldDate[]): ItemScore {
  const located = locate(text, gold);
  const pairs = pair(draft.dates, located);
  const problems: string[] = [];
  let right = 0;
  for (const g of located) {
    const d = pairs.find(([, x]) => x === g)?.[0];
    const where = `${JSON.stringify(g.gold.text)}@${g.start}`;
    if (!d) problems.push(`${where}: not found`);
    else if (!d.resolved || d.resolved.value !== g.gold.value || d.resolved.precision !== g.gold.precision)
      problems.push(
        `${where}: ${d.resolved ? `${d.resolved.value} (${d.resolved.precision})` : 'unresolved'}, gold ${g.gold.value} (${g.gold.precision})`,
      );
    else if (g.gold.flagged && d.draft.confidence > 0.3) problems.push(`${where}: right value but not flagged`);
    else right++;
  }
  return {
    gold: located.length,
    right,
    accuracy: ratio(right, located.length),
    extra: draft.dates.length - pairs.length,
    problems,
  };
}

export function scoreQuantities(text: string, draft: DraftFile, gold: GoldQuantity[]): ItemScore {
  const located = locate(text, gold);
  const pairs = pair(draft.quantities, located);
  const problems: string[] = [];
  let right = 0;
  for (const g of located) {
    const q = pairs.find(([, x]) => x === g)?.[0];
    const where = `${JSON.stringify(g.gold.text)}@${g.start}`;
    if (!q) {
      problems.push(`${where}: not found`);
      continue;
    }
    const errs: string[] = [];
    if (q.value !== g.gold.value) errs.push(`value ${q.value}, gold ${g.gold.value}`);
    if ((q.qualifier ?? '') !== (g.gold.qualifier ?? ''))
      errs.push(`qualifier ${q.qualifier ?? '—'}, gold ${g.gold.qualifier ?? '—'}`);
    if ((q.previous?.value ?? null) !== (g.gold.previous ?? null))
      errs.push(`previous ${q.previous?.value ?? '—'}, gold ${g.gold.previous ?? '—'}`);
    if (errs.length) problems.push(`${where}: ${errs.join('; ')}`);
    else right++;
  }
  const extra = draft.quantities.filter((q) => !pairs.some(([x]) => x === q));
  for (const q of extra) problems.push(`extra: ${JSON.stringify(q.text)}@${q.start}`);
  return { gold: located.length, right, accuracy: ratio(right, located.length), extra: extra.length, problems };
}

/** Every anchored proposal slices to its own text: the share that does (1 is the only passing value). */
export function anchorsExact(text: string, draft: DraftFile): { total: number; exact: number } {
  const all = [
    ...draft.mentions,
    ...draft.dates,
    ...draft.quantities,
    ...[...draft.events, ...draft.pending].flatMap((e) => e.excerpts),
  ];
  return { total: all.length, exact: all.filter((x) => text.slice(x.start, x.end) === x.text).length };
}

export interface GoldEvent {
  /** Words of the reported fact, found in the text: the drafted event whose excerpt holds them is scored. */
  phrase: string;
  category: string;
  kind: string;
  stance: string;
  /** Other words of the same fact (a headline or a caption repeating the lead): one event holds them all. */
  same?: string[];
  /** What the event's date should resolve to (`resolveDate`'s value, or "undated"). */
  date?: string;
}

interface EventScore {
  gold: number;
  found: number;
  category: number;
  claimant: number;
  stance: number;
  /** Gold events with a `same`: found with every one of those phrases in its own excerpts. */
  merged: { gold: number; right: number };
  /** Gold events with a `date`: found and dated to it. */
  dated: { gold: number; right: number };
  /** Every drafted event: its title is a short clause (≤ 90 characters, not cut with "…"). */
  titles: { drafted: number; short: number };
  problems: string[];
}

/** Gold events against the draft's events and pending events, each found by the excerpt holding its phrase. */
export function scoreEvents(
  text: string,
  draft: DraftFile,
  gold: GoldEvent[],
  dateOf: (date: DraftFile['events'][number]['date']) => string = (date) => date.expr,
): EventScore {
  const all = [...draft.events, ...draft.pending];
  const problems: string[] = [];
  let [found, category, claimant, stance] = [0, 0, 0, 0];
  const merged = { gold: gold.filter((g) => g.same?.length).length, right: 0 };
  const dated = { gold: gold.filter((g) => g.date).length, right: 0 };
  const holding = (phrase: string) => {
    const at = occurrences(text, phrase)[0];
    return at ? all.find((x) => x.excerpts.some((ex) => ex.start <= at[0] && at[1] <= ex.end)) : undefined;
  };
  for (const g of gold) {
    const at = occurrences(text, g.phrase)[0];
    if (!at) {
      problems.push(`event gold phrase not in the text: ${JSON.stringify(g.phrase)}`);
      continue;
    }
    const e = all.find((x) => x.excerpts.some((ex) => ex.start <= at[0] && at[1] <= ex.end));
    const where = JSON.stringify(g.phrase);
    if (!e) {
      problems.push(`event ${where}: not drafted`);
      continue;
    }
    found++;
    if (e.category === g.category) category++;
    else problems.push(`event ${where}: category ${e.category}, gold ${g.category}`);
    if (e.claim.kind === g.kind) claimant++;
    else problems.push(`event ${where}: claimant ${e.claim.kind} (${JSON.stringify(e.claim.by)}), gold ${g.kind}`);
    if (e.claim.stance === g.stance) stance++;
    else problems.push(`event ${where}: stance ${e.claim.stance}, gold ${g.stance}`);
    if (g.same?.length) {
      const apart = g.same.filter((p) => holding(p) !== e);
      if (!apart.length) merged.right++;
      else problems.push(`event ${where}: not one event with ${apart.map((p) => JSON.stringify(p)).join(', ')}`);
    }
    if (g.date) {
      const value = e.date.expr.toLowerCase() === 'undated' ? 'undated' : dateOf(e.date);
      if (value === g.date) dated.right++;
      else problems.push(`event ${where}: dated ${JSON.stringify(e.date.expr)} (${value}), gold ${g.date}`);
    }
  }
  const short = all.filter((e) => e.title.length <= 90 && !e.title.endsWith('…'));
  for (const e of all.filter((x) => !short.includes(x)))
    problems.push(`long title (${e.title.length}): ${JSON.stringify(e.title)}`);
  return {
    gold: gold.length,
    found,
    category,
    claimant,
    stance,
    merged,
    dated,
    titles: { drafted: all.length, short: short.length },
    problems,
  };
}

/**
 * Chrome (credits, teasers, timestamps, IDs) that is still in the text must give nothing: the proposals of
 * any kind that overlap one of these phrases.
 */
export function chromeHits(text: string, draft: DraftFile, chrome: string[]): string[] {
  const spans = chrome.flatMap((c) => occurrences(text, c).map(([start, end]) => ({ c, start, end })));
  const anchored: [string, { start: number; end: number; text: string }][] = [
    ...draft.mentions.map((m) => ['place', m] as [string, typeof m]),
    ...draft.quantities.map((q) => ['figure', q] as [string, typeof q]),
    ...draft.dates.map((d) => ['date', d] as [string, typeof d]),
    ...[...draft.events, ...draft.pending].flatMap((e) => e.excerpts.map((x) => [`event ${e.id}`, x] as [string, typeof x])),
  ];
  return anchored
    .filter(([, a]) => spans.some((s) => overlap(a, s) > 0))
    .map(([kind, a]) => `${kind} from chrome: ${JSON.stringify(a.text.slice(0, 60))}@${a.start}`);
}
