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
  'earlier this week, later this week, earlier this month, later this month (the part of the week or month before or after the publication day, a window)',
  'a day by its date: "Jan. 26", "Jan 26, 2022", "January 26th", "26 January 2022", "Wednesday, Jan. 26" (with no year, the year that puts it nearest publication; a year given is kept as written, even one that looks misprinted)',
  'a month: "February", "February 2022" (the month nearest publication when no year is given)',
  'a part of a month: "early February" (1–10), "mid-February" (11–20), "late February" (21 to its end), a window by this project\'s convention; also of last, this or next month ("early next month")',
  'the weekend, over the weekend, at the weekend, last weekend, this weekend (Saturday and Sunday: the latest on or before publication; "this weekend" in a weekday article, the coming one)',
  'since and any of these, or a year ("since Jan. 26", "since mid-January", "since 2014": from its first day to the publication day, a window)',
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
  return monthPart(part[1], y, mo);
}

/** A third of a month by this project's convention: early 1–10, mid 11–20, late 21 to its end. */
function monthPart(part: string, y: number, mo: number): ResolvedDate {
  const last = new Date(Date.UTC(y, mo + 1, 0)).getUTCDate();
  const [a, b] = /early|beginning|start/.test(part) ? [1, 10] : /mid|middle/.test(part) ? [11, 20] : [21, last];
  const [start, end] = [isoDay(new Date(Date.UTC(y, mo, a))), isoDay(new Date(Date.UTC(y, mo, b)))];
  return { value: `${start}/${end}`, precision: 'window', start, end };
}

export function resolveDate(expr: string, published: string): ResolvedDate {
  const pub = parseIsoDay(published);
  const phrase = expr.trim().toLowerCase();
  if (phrase === 'undated') return { value: '', precision: 'unknown', start: '', end: '' };
  // "since Jan. 26": from that day on, and what the article reports as so is so by its publication.
  const since = /^since\s+(.+)$/.exec(phrase);
  if (since) {
    const year = /^((?:19|20)\d{2})$/.exec(since[1]);
    const from = year ? { start: `${year[1]}-01-01` } : resolveDate(since[1], published);
    if (!from.start) throw new DateError(`${JSON.stringify(expr)}: "since" needs a date after it`);
    if (from.start > published)
      throw new DateError(`${JSON.stringify(expr)} starts on ${from.start}, after publication (${published})`);
    return { value: `${from.start}/${published}`, precision: 'window', start: from.start, end: published };
  }
  if (phrase === 'today' || phrase === 'now' || phrase === 'as of publication') return day(pub);
  const weekday = /^(sunday|monday|tuesday|wednesday|thursday|friday|saturday)( (morning|afternoon|evening))?$/.exec(phrase);
  if (weekday) {
    // News usage: a bare weekday is the most recent one, the publication day itself included.
    const back = (pub.getUTCDay() - WEEKDAYS.indexOf(weekday[1]) + 7) % 7;
    return day(addDays(pub, -back));
  }
  if (phrase in WINDOWS) return window(pub, WINDOWS[phrase]);
  const weekend = /^(?:(?:over|at|during) )?(the|last|this) weekend$/.exec(phrase);
  if (weekend) {
    // Saturday and Sunday: the one the publication day is in or follows; "this weekend" on a weekday, the coming one.
    const dow = pub.getUTCDay();
    const saturday =
      dow === 6 ? pub : dow === 0 ? addDays(pub, -1) : weekend[1] === 'this' ? addDays(pub, 6 - dow) : addDays(pub, -dow - 1);
    const [start, end] = [isoDay(saturday), isoDay(addDays(saturday, 1))];
    return { value: `${start}/${end}`, precision: 'window', start, end };
  }
  const relativePart = /^(early|mid-?|late|the end of|the beginning of|the start of|the middle of) ?(last|this|next) month$/.exec(
    phrase,
  );
  if (relativePart) {
    const m = month(pub, relativePart[2] === 'last' ? -1 : relativePart[2] === 'next' ? 1 : 0);
    return monthPart(relativePart[1], Number(m.start.slice(0, 4)), Number(m.start.slice(5, 7)) - 1);
  }
  const partOf = /^(earlier|later) this (week|month)$/.exec(phrase);
  if (partOf) {
    const whole = partOf[2] === 'week' ? week(pub, 0) : month(pub, 0);
    const [after, before] = [isoDay(addDays(pub, 1)), isoDay(addDays(pub, -1))];
    // On the week's or month's last (first) day there is no later (earlier) part left: the day itself.
    const [start, end] =
      partOf[1] === 'later'
        ? [after <= whole.end ? after : isoDay(pub), whole.end]
        : [whole.start, before >= whole.start ? before : isoDay(pub)];
    return { value: `${start}/${end}`, precision: 'window', start, end };
  }
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

/** How many days a duration's words give ("two-day", "three days of", "a week-long"), or null. */
export function durationDays(words: string): number | null {
  const m =
    /^(?:a\s+)?(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|a)[-\s](day|week)(?:s|-long)?(?:\s+of)?$/i.exec(
      words.trim(),
    );
  if (!m) return null;
  const n = /^\d+$/.test(m[1]) ? Number(m[1]) : m[1].toLowerCase() === 'a' ? 1 : DURATION_WORDS.indexOf(m[1].toLowerCase());
  if (n < 1) return null;
  return n * (m[2].toLowerCase() === 'week' ? 7 : 1);
}
/** Number words a duration uses, by value ("two-day"): index = value. */
export const DURATION_WORDS = [
  '',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  '',
  'fourteen',
];

/**
 * An event's date: its phrase resolved as `resolveDate` does, then what the article adds to it. `ahead`:
 * the article speaks of a weekday to come ("the exercise starts on Wednesday"), so it is the first such
 * day after publication, not the latest before. `lasting`: a duration the article gives ("a two-day
 * exercise that began on Sunday"), so the event covers that many days from the phrase's day.
 */
export function resolveEventDate(
  date: { expr: string; ahead?: boolean; lasting?: { days: number; text: string } },
  published: string,
): ResolvedDate {
  let r = resolveDate(date.expr, published);
  if (date.ahead) {
    const weekday = /^(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b/.exec(date.expr.trim().toLowerCase());
    if (!weekday || r.precision !== 'day')
      throw new DateError(`"ahead" needs a weekday ("Wednesday"), not ${JSON.stringify(date.expr)}`);
    const pub = parseIsoDay(published);
    const forward = (WEEKDAYS.indexOf(weekday[1]) - pub.getUTCDay() + 7) % 7 || 7;
    r = day(addDays(pub, forward));
  }
  if (date.lasting) {
    const { days, text } = date.lasting;
    if (r.precision !== 'day')
      throw new DateError(`"lasting" needs a date that is one day, not ${JSON.stringify(date.expr)} (${r.precision})`);
    if (!Number.isInteger(days) || days < 2 || days > 92)
      throw new DateError(`"lasting.days" must be a whole number of days from 2 to 92, ${days} found`);
    if (durationDays(text) !== days) throw new DateError(`"lasting.text" ${JSON.stringify(text)} does not say ${days} days`);
    const end = isoDay(addDays(parseIsoDay(r.start), days - 1));
    r = { value: `${r.start}/${end}`, precision: 'window', start: r.start, end };
  }
  return r;
}

/**
 * Whether a date phrase stands in a text as whole words, case aside: "now" is not in "known", nor
 * "may" in "mayor". How the validator checks that a date is the article's own.
 */
export function phraseIn(text: string, phrase: string): boolean {
  const escaped = phrase.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu').test(text);
}
