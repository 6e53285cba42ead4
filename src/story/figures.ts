/**
 * Figures over time: for a place, every figure the story's reports give for it in one unit ("troops",
 * "battalion tactical groups"), each with its date window, source, claimant and qualifier, and which of
 * them cannot both be true. Pure: the visible events in, series out; nothing is picked, nothing averaged.
 *
 * A figure is a place's own when its event happened or was said there and names no other place (as the
 * map's labels print it, visibility.ts figuresOwnPlace): a figure for several places together is in none
 * of their series (each series names it as `joint`), and a capital standing in as a seat of government
 * gets no figure. A change the article reports ("62, up from 59 at this time last week") gives two points,
 * the earlier on its own date as precise as the article's phrase. Figures differ as groupReports reads
 * them (src/story/across.ts): other sources, overlapping windows, values apart beyond their qualifiers; of
 * one agency story carried by several outlets, the first carrier speaks and the others are marked copies.
 */
import type { DatePrecision } from '../catalogue/schema';
import {
  agencyCopies,
  differingPairs,
  figureRange,
  reportOf,
  reportWindow,
  unitKey,
  type Figure,
  type ReportSource,
} from './across';
import type { StoryEvent } from './types';
import { figuresOwnPlace, inWindow, marksPlace, type TimeWindow } from './visibility';

/** A story event with its first figure's parts, as the full story file carries them. */
export type FigureEvent = Parameters<typeof reportOf>[0];

export interface FigurePoint {
  /** The event's id; its earlier figure's is the id and ":earlier". */
  key: string;
  event_id: string;
  /** The earlier value of a change the article reports. */
  earlier: boolean;
  source_id: string;
  claim_by: string;
  value: number;
  unit: string;
  qualifier: string | null;
  /** The values the qualifier allows (figureRange): "about 100,000" is 90,000 to 110,000. */
  low: number;
  high: number;
  /** Its dates as inclusive ISO days, as precise as the article: a week's figure spans its week; null: not given. */
  start: string | null;
  end: string | null;
  precision: DatePrecision;
  /** When its source carries an agency story another of the series' sources carried first: that source. */
  copy_of: string | null;
}

export interface FigureSeries {
  place: string;
  /** The unit as its first figure spells it. */
  unit: string;
  /** The series' id in a link: the place and the unit's slug (unitSlug), "russia-near-ukraine-border/troops". */
  key: string;
  /** Dated figures by start, end, source, key; then those the articles give no date for. */
  points: FigurePoint[];
  /** Pairs of point keys, in point order, whose figures cannot both be true. */
  differing: [string, string][];
  /** Events whose figure in this unit is for this place and others together: in no one place's series. */
  joint: string[];
}

/** A unit as a link names it: lower case, runs of anything but letters a–z and digits as one hyphen; "unit" when nothing is left. */
export function unitSlug(unit: string): string {
  return (
    unit
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'unit'
  );
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The series of figures at `place` among `events` (those the view shows), one per unit, sorted by unit;
 * a unit with only figures for several places together has a series with no points. `window`, when set,
 * also keeps out an earlier figure whose own dates it does not hold.
 */
export function figureSeries(
  events: readonly FigureEvent[],
  sources: readonly ReportSource[],
  place: string,
  window: TimeWindow | null = null,
): FigureSeries[] {
  const byUnit = new Map<string, { unit: string; points: FigurePoint[]; joint: string[] }>();
  const unitOf = (unit: string) => {
    const k = unitKey(unit);
    let u = byUnit.get(k);
    if (!u) byUnit.set(k, (u = { unit, points: [], joint: [] }));
    return u;
  };
  for (const e of events) {
    const figure = reportOf(e).figure;
    if (!figure || !e.places.includes(place) || !marksPlace(e)) continue;
    if (!figuresOwnPlace(e)) {
      unitOf(figure.unit).joint.push(e.event_id);
      continue;
    }
    const u = unitOf(figure.unit);
    const c = e.change;
    if (c && unitKey(c.unit) === unitKey(figure.unit) && inWindow(c.date_start, c.date_end, window)) {
      const was: Figure = { value: c.from, unit: figure.unit, qualifier: null };
      u.points.push(point(e, `${e.event_id}:earlier`, true, was, c.date_start, c.date_end, c.date_precision));
    }
    u.points.push(point(e, e.event_id, false, figure, e.date_start, e.date_end, e.date_precision));
  }

  const windowOf = reportWindow(sources);
  const carries = new Map(sources.map((s) => [s.id, s.carries]));
  const series: FigureSeries[] = [];
  for (const [k, u] of byUnit) {
    u.points.sort(
      (a, b) =>
        Number(!a.start) - Number(!b.start) ||
        cmp(a.start ?? '', b.start ?? '') ||
        cmp(a.end ?? '', b.end ?? '') ||
        cmp(a.source_id, b.source_id) ||
        cmp(a.key, b.key),
    );
    const { copyOf } = agencyCopies([...new Set(u.points.map((p) => p.source_id))], carries);
    for (const p of u.points) p.copy_of = copyOf.get(p.source_id) ?? null;
    const differing = differingPairs(
      u.points.map((p) => ({
        id: p.key,
        source_id: p.source_id,
        figure: { value: p.value, unit: p.unit, qualifier: p.qualifier },
        ...windowOf({ source_id: p.source_id, date_start: p.start, date_end: p.end }),
      })),
      copyOf,
    );
    series.push({
      place,
      unit: u.points[0]?.unit ?? u.unit,
      key: `${place}/${unitSlug(k)}`,
      points: u.points,
      differing,
      joint: u.joint,
    });
  }
  return series.sort((a, b) => cmp(unitKey(a.unit), unitKey(b.unit)));
}

function point(
  e: StoryEvent,
  key: string,
  earlier: boolean,
  f: Figure,
  start: string | null,
  end: string | null,
  precision: DatePrecision,
): FigurePoint {
  const [low, high] = figureRange(f);
  const dated = !!start && !!end;
  return {
    key,
    event_id: e.event_id,
    earlier,
    source_id: e.source_id,
    claim_by: e.claim_by,
    value: f.value,
    unit: f.unit,
    qualifier: f.qualifier,
    low,
    high,
    start: dated ? start : null,
    end: dated ? end : null,
    precision: dated ? precision : 'unknown',
    copy_of: null,
  };
}
