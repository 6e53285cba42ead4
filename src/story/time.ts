/**
 * The story over time: the span of its dated events, and how many events fall on each day of it, by
 * category, for the timeline. An event dated to a day counts 1 on that day; an event the article dates
 * only to a week, a month or a window ("in the coming days") is spread evenly over its interval, 1 in all,
 * so that a month's event is not drawn as 31 events nor placed on a day the article does not give.
 * Undated events are counted apart and never placed on a day.
 */
import { DAY_MS } from '../catalogue/dates';
import { CATEGORIES, type Category } from '../catalogue/vocabulary';
import type { StoryEvent } from './types';
import type { Filterable, TimeWindow } from './visibility';

/** What the timeline counts: events, or a tiled story's combos, each `weight` events (1 when absent). */
export type Dated = Filterable & { weight?: number };

const dayNumber = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const isoOfDay = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);
/** The ISO day `n` days after `iso` (before it for negative `n`). */
export const addDays = (iso: string, n: number) => isoOfDay(dayNumber(iso) + n);
/** Days from `a` to `b`, inclusive of both: 1 for the same day. */
export const daysBetween = (a: string, b: string) => dayNumber(b) - dayNumber(a) + 1;

interface TimelineBins {
  /** The first and last day of any dated event (inclusive), or null when no event is dated. */
  span: { start: string; end: string } | null;
  /** One entry per day of the span: events on that day by category, exact and spread. */
  days: { day: string; exact: number[]; spread: number[] }[];
  /** Events with no date. */
  undated: number;
  /** The largest total of one day (exact and spread), for the scale. */
  max: number;
}

/** The first and last day of any dated event (inclusive), or null when none is dated. */
export function dateSpan(events: readonly Dated[]): { start: string; end: string } | null {
  let lo = '';
  let hi = '';
  for (const e of events) {
    if (!e.date_start || !e.date_end) continue;
    if (!lo || e.date_start < lo) lo = e.date_start;
    if (!hi || e.date_end > hi) hi = e.date_end;
  }
  return lo ? { start: lo, end: hi } : null;
}

/** Whether an event's date is a single day (drawn solid), not an interval spread over several. */
export const isExactDay = (e: Pick<StoryEvent, 'date_start' | 'date_end'>) => !!e.date_start && e.date_start === e.date_end;

/**
 * Events per day of the span, by category index (CATEGORIES order). `span` fixes the days drawn (the
 * whole story's, so that hiding a category does not move the axis); by default it is these events' own.
 */
export function timelineBins(events: readonly Dated[], span?: { start: string; end: string } | null): TimelineBins {
  let undated = 0;
  const range = span === undefined ? dateSpan(events) : span;
  if (!range) return { span: null, days: [], undated: events.reduce((n, e) => n + (e.weight ?? 1), 0), max: 0 };
  const first = dayNumber(range.start);
  const n = dayNumber(range.end) - first + 1;
  const k = CATEGORIES.length;
  const order = new Map(CATEGORIES.map((c, i) => [c, i]));
  const exact = new Float64Array(n * k);
  // Spread events through a difference array: +w at the first day, -w after the last, summed once.
  const delta = new Float64Array((n + 1) * k);
  for (const e of events) {
    const weight = e.weight ?? 1;
    if (!e.date_start || !e.date_end) {
      undated += weight;
      continue;
    }
    const c = order.get(e.category as Category)!;
    const a = dayNumber(e.date_start) - first;
    const b = dayNumber(e.date_end) - first;
    if (a === b) {
      if (a >= 0 && a < n) exact[a * k + c] += weight;
      continue;
    }
    const w = weight / (b - a + 1);
    const from = Math.max(a, 0);
    const to = Math.min(b, n - 1);
    if (from > to) continue;
    delta[from * k + c] += w;
    delta[(to + 1) * k + c] -= w;
  }
  const days: TimelineBins['days'] = [];
  const running = new Float64Array(k);
  let max = 0;
  for (let d = 0; d < n; d++) {
    let total = 0;
    const ex: number[] = [];
    const sp: number[] = [];
    for (let c = 0; c < k; c++) {
      running[c] += delta[d * k + c];
      // Sums of 1/n fractions: rounded so that a closed interval leaves no 1e-17 behind it.
      const spread = Math.round(running[c] * 1e9) / 1e9;
      ex.push(exact[d * k + c]);
      sp.push(spread);
      total += exact[d * k + c] + spread;
    }
    max = Math.max(max, total);
    days.push({ day: isoOfDay(first + d), exact: ex, spread: sp });
  }
  return { span: range, days, undated, max };
}

/** The window moved by `days` (a step of the timeline), its length kept. */
export const shiftWindow = (w: TimeWindow, days: number): TimeWindow => ({
  ...w,
  start: addDays(w.start, days),
  end: addDays(w.end, days),
});
