/**
 * Resolves the article's own date phrases against its publication date, keeping their precision:
 * "Tuesday" in an article of Wednesday 26 January 2022 is 2022-01-25 (day); "this week" is 2022-W04
 * (week, Monday 24 to Sunday 30 January); "next month" is 2022-02 (month). Nothing is sharpened: a phrase
 * that names a week stays a week.
 *
 * All arithmetic is on UTC calendar dates, never local time.
 */
import type { DatePrecision } from './schema';

export interface ResolvedDate {
  /**
   * ISO 8601 at the phrase's precision: 2022-01-25, 2022-W04, 2022-02, or an interval of inclusive days
   * for a window (2022-01-27/2022-02-09); empty when unknown.
   */
  value: string;
  precision: DatePrecision;
  /** First and last day covered, for filtering by time; empty when unknown. */
  start: string;
  end: string;
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
export const DAY_MS = 86_400_000;

export class DateError extends Error {}

/** Parses YYYY-MM-DD strictly: 2022-02-30 and 2022-2-3 are errors, not silently rolled over. */
export function parseIsoDay(iso: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new DateError(`ISO date YYYY-MM-DD expected, ${JSON.stringify(iso)} found`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    throw new DateError(`no such day: ${iso}`);
  }
  return date;
}

/** Whether `iso` is a real calendar day in YYYY-MM-DD (parseIsoDay's rule, as a test rather than a throw). */
export function isIsoDay(iso: string): boolean {
  try {
    parseIsoDay(iso);
    return true;
  } catch {
    return false;
  }
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * DAY_MS);

/** ISO 8601 week: weeks start on Monday; week 1 holds the year's first Thursday. */
export function isoWeek(d: Date): { label: string; monday: Date } {
  const dow = (d.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const monday = addDays(d, -dow);
  const thursday = addDays(monday, 3);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY_MS / 7) + 1;
  return { label: `${year}-W${String(week).padStart(2, '0')}`, monday };
}

function month(d: Date, offset: number): ResolvedDate {
  const first = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0));
  return { value: isoDay(first).slice(0, 7), precision: 'month', start: isoDay(first), end: isoDay(last) };
}

function week(d: Date, offsetWeeks: number): ResolvedDate {
  const { label, monday } = isoWeek(addDays(d, 7 * offsetWeeks));
  return { value: label, precision: 'week', start: isoDay(monday), end: isoDay(addDays(monday, 6)) };
}

const day = (d: Date): ResolvedDate => ({ value: isoDay(d), precision: 'day', start: isoDay(d), end: isoDay(d) });

/**
 * Windows the article gives only in words, as days from publication (inclusive): "days" reach two weeks,
 * "a few weeks" six. The bounds are this project's drawing convention, stated in the README, wide enough
 * never to be sharper than the words; "just days after" dates what came days before the article.
 */
export const WINDOWS: Record<string, [number, number]> = {
  'in the coming days': [1, 14],
  'over the next few days': [1, 14],
  'in the coming weeks': [1, 42],
  'over the next few weeks': [1, 42],
  'just days after': [-14, -1],
  'days earlier': [-14, -1],
};

function window(pub: Date, [from, to]: [number, number]): ResolvedDate {
  const [start, end] = [isoDay(addDays(pub, from)), isoDay(addDays(pub, to))];
  return { value: `${start}/${end}`, precision: 'window', start, end };
}

/** The phrases the resolver understands; anything else is an error for the editor to look at. */
const DATE_PHRASES = [
  'today, now, as of publication (the publication date: for what the article reports as current)',
  'Monday … Sunday, with an optional "afternoon", "evening" or "morning" (the latest such day on or before publication)',
  'this week, last week, next week, at this time last week',
  `windows: ${Object.keys(WINDOWS).join(', ')} (days from publication: ${Object.values(WINDOWS)
    .map(([a, b]) => `${a}..${b}`)
    .join(', ')})`,
  'this month, last month, next month',
  'a day by its date: "Jan. 26", "Jan 26, 2022", "January 26th", "26 January 2022", "Wednesday, Jan. 26" (with no year, the year that puts it nearest publication; a year given is kept as written, even one that looks misprinted)',
  'a month: "February", "February 2022" (the month nearest publication when no year is given)',
  'a part of a month: "early February" (1–10), "mid-February" (11–20), "late February" (21 to its end), a window by this project\'s convention',
  'undated (the article gives no time)',
];

const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
/** A month as the article writes it: in full, or abbreviated with or without a period ("Sept.", "Feb"). */
const MONTH_WORD =
  '(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\\.?';
const WEEKDAY_WORD = '(?:(?:sunday|monday|tuesday|wednesday|thursday|friday|saturday),?\\s+)?';
const monthOf = (word: string) => MONTH_NAMES.findIndex((m) => m.startsWith(word.replace('.', '').slice(0, 3)));
const DAY_MONTH = new RegExp(`^${WEEKDAY_WORD}${MONTH_WORD}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?$`);
const MONTH_DAY = new RegExp(`^${WEEKDAY_WORD}(\\d{1,2})\\s+${MONTH_WORD}(?:,?\\s+(\\d{4}))?$`);
const MONTH_ONLY = new RegExp(`^${MONTH_WORD}(?:\\s+(\\d{4}))?$`);
const MONTH_PART = new RegExp(`^(early|mid-?|late)\\s*${MONTH_WORD}(?:\\s+(\\d{4}))?$`);

/** With no year given, the year that puts a month's day nearest the publication date. */
function nearestYear(pub: Date, mo: number, d: number): number {
  const y = pub.getUTCFullYear();
  const distance = (yy: number) => Math.abs(Date.UTC(yy, mo, d) - pub.getTime());
  return [y - 1, y, y + 1].reduce((a, b) => (distance(b) < distance(a) ? b : a));
}

/** A day, month or part of a month named outright; null when the phrase is none of them. */
function absoluteDate(phrase: string, pub: Date): ResolvedDate | null {
  const dm = DAY_MONTH.exec(phrase);
  const md = dm ? null : MONTH_DAY.exec(phrase);
  if (dm || md) {
    const [mo, d, year] = dm ? [monthOf(dm[1]), Number(dm[2]), dm[3]] : [monthOf(md![2]), Number(md![1]), md![3]];
    const y = year ? Number(year) : nearestYear(pub, mo, d);
    const date = new Date(Date.UTC(y, mo, d));
    if (date.getUTCMonth() !== mo) throw new DateError(`no such day: ${JSON.stringify(phrase)}`);
    return day(date);
  }
  const part = MONTH_PART.exec(phrase);
  const whole = part ? null : MONTH_ONLY.exec(phrase);
  if (!part && !whole) return null;
  const mo = monthOf(part ? part[2] : whole![1]);
  const year = part ? part[3] : whole![2];
  const y = year ? Number(year) : nearestYear(pub, mo, 15);
  const first = new Date(Date.UTC(y, mo, 1));
  if (!part) return month(first, 0);
  const last = new Date(Date.UTC(y, mo + 1, 0)).getUTCDate();
  const [a, b] = part[1].startsWith('early') ? [1, 10] : part[1].startsWith('mid') ? [11, 20] : [21, last];
  const [start, end] = [isoDay(new Date(Date.UTC(y, mo, a))), isoDay(new Date(Date.UTC(y, mo, b)))];
  return { value: `${start}/${end}`, precision: 'window', start, end };
}

export function resolveDate(expr: string, published: string): ResolvedDate {
  const pub = parseIsoDay(published);
  const phrase = expr.trim().toLowerCase();
  if (phrase === 'undated') return { value: '', precision: 'unknown', start: '', end: '' };
  if (phrase === 'today' || phrase === 'now' || phrase === 'as of publication') return day(pub);
  const weekday = /^(sunday|monday|tuesday|wednesday|thursday|friday|saturday)( (morning|afternoon|evening))?$/.exec(phrase);
  if (weekday) {
    // News usage: a bare weekday is the most recent one, the publication day itself included.
    const back = (pub.getUTCDay() - WEEKDAYS.indexOf(weekday[1]) + 7) % 7;
    return day(addDays(pub, -back));
  }
  if (phrase in WINDOWS) return window(pub, WINDOWS[phrase]);
  switch (phrase) {
    case 'this week':
      return week(pub, 0);
    case 'last week':
    case 'at this time last week':
      return week(pub, -1);
    case 'next week':
      return week(pub, 1);
    case 'this month':
      return month(pub, 0);
    case 'last month':
      return month(pub, -1);
    case 'next month':
      return month(pub, 1);
  }
  const absolute = absoluteDate(phrase.replace(/\s+/g, ' '), pub);
  if (absolute) return absolute;
  throw new DateError(`unknown date phrase ${JSON.stringify(expr)}; known: ${DATE_PHRASES.join('; ')}`);
}

/**
 * Whether a date phrase stands in a text as whole words, case aside: "now" is not in "known", nor
 * "may" in "mayor". How the validator checks that a date is the article's own.
 */
export function phraseIn(text: string, phrase: string): boolean {
  const escaped = phrase.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu').test(text);
}
