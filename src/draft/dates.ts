/**
 * Date phrases in an article, resolved against its publication date at their own precision, never
 * sharper: the relative phrases through the catalogue's own resolver (src/catalogue/dates.ts), absolute
 * ones ("Jan. 26", "26 January 2022", "early February", "in March") by the grammar below. A year the
 * text gives that sits oddly with the publication date is flagged, not trusted or corrected silently.
 */
import {
  DAY_MS,
  DURATION_WORDS,
  DateError,
  WINDOWS,
  parseIsoDay,
  resolveDate,
  resolveEventDate,
  type ResolvedDate,
} from '../catalogue/dates';
import type { DateMention, DraftInfo, DurationResolved } from './types';

/** A date proper, not a duration. */
export const isDate = (r: ResolvedDate | DurationResolved | null): r is ResolvedDate => !!r && r.precision !== 'duration';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH =
  // Abbreviated with a period (AP: "Jan. 26") or without (wire datelines: "Feb 2"); a rule needs a day
  // after it, so "Mar" or "Jan" alone is never read as a month.
  '(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
const WEEKDAY = '(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';

const iso = (d: Date) => d.toISOString().slice(0, 10);
const monthIndex = (m: string) => MONTHS.indexOf(m.slice(0, 3).toLowerCase());
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m + 1, 0)).getUTCDate();

/**
 * The publication day a pasted text gives on a line of its own near its top (a dateline or a stamp:
 * "10.02.2022 (12:30)", "Thursday, February 10, 2022", "10 Feb 2022 14:05 GMT", "Published: 2022-02-10"),
 * as YYYY-MM-DD; undefined when none of its first lines is only a date with its year. A date inside a
 * sentence is an event's, never the publication's; a slashed date (02/10/2022) is month-first in one
 * country and day-first in the next, so it is not read.
 */
export function datelineDay(text: string): string | undefined {
  const TIME = String.raw`(?:,?\s*(?:at\s+)?\(?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*(?:[A-Z]{2,5}|UTC|GMT)(?:\s*[+-]\s*\d{1,2})?)?\)?)?`;
  // "Posted 09:15 GMT, 8 February 2022", "Kyiv, 20 January 2022", "Thursday, February 10, 2022".
  const CLOCK = String.raw`\d{1,2}[:.]\d{2}(?:\s*(?:[ap]\.?m\.?))?(?:\s*(?:GMT|UTC|[A-Z]{2,5}))?`;
  const LEAD = String.raw`^(?:(?:published|updated|posted|first published)(?:\s+on)?:?\s+)?(?:${CLOCK},?\s+)?(?:[A-Za-z][A-Za-z .'’-]{1,30},\s+)?(?:${WEEKDAY},?\s+)?`;
  const forms: [RegExp, (m: RegExpExecArray) => [number, number, number]][] = [
    [new RegExp(`${LEAD}((?:19|20)\\d{2})-(\\d{2})-(\\d{2})${TIME}\\s*$`, 'i'), (m) => [+m[2], +m[3] - 1, +m[4]]],
    [new RegExp(`${LEAD}(\\d{1,2})\\.(\\d{1,2})\\.((?:19|20)\\d{2})${TIME}\\s*$`, 'i'), (m) => [+m[4], +m[3] - 1, +m[2]]],
    [
      new RegExp(`${LEAD}${MONTH}\\s+(\\d{1,2}),?\\s+((?:19|20)\\d{2})${TIME}\\s*$`, 'i'),
      (m) => [+m[4], monthIndex(m[2]), +m[3]],
    ],
    [
      new RegExp(`${LEAD}(\\d{1,2})\\s+${MONTH},?\\s+((?:19|20)\\d{2})${TIME}\\s*$`, 'i'),
      (m) => [+m[4], monthIndex(m[3]), +m[2]],
    ],
  ];
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, 6);
  for (const line of lines) {
    if (line.length > 80) continue;
    for (const [re, parts] of forms) {
      const m = re.exec(line);
      if (!m) continue;
      const [y, mo, d] = parts(m);
      const day = mo >= 0 ? dayOf(y, mo, d) : null;
      if (day) return iso(day);
    }
  }
  return undefined;
}

/** A day, checked: "Feb. 30" is no day. */
function dayOf(y: number, m: number, d: number): Date | null {
  const date = new Date(Date.UTC(y, m, d));
  return date.getUTCMonth() === m && date.getUTCDate() === d ? date : null;
}

/** The year that puts a month (and day) nearest the publication date, when the text gives none. */
function nearestYear(pub: Date, m: number, d: number): number {
  const y = pub.getUTCFullYear();
  const options = [y - 1, y, y + 1];
  const dist = (yy: number) => Math.abs(Date.UTC(yy, m, Math.min(d, daysInMonth(yy, m))) - pub.getTime());
  return options.reduce((a, b) => (dist(b) < dist(a) ? b : a));
}

const dayResolved = (d: Date): ResolvedDate => ({ value: iso(d), precision: 'day', start: iso(d), end: iso(d) });
const windowResolved = (a: Date, b: Date): ResolvedDate => ({
  value: `${iso(a)}/${iso(b)}`,
  precision: 'window',
  start: iso(a),
  end: iso(b),
});
function monthResolved(y: number, m: number): ResolvedDate {
  const first = new Date(Date.UTC(y, m, 1));
  const last = new Date(Date.UTC(y, m + 1, 0));
  return { value: iso(first).slice(0, 7), precision: 'month', start: iso(first), end: iso(last) };
}

/**
 * A year in the text is suspect when it is not the publication's and the same day in the publication's year
 * lies within 60 days of publication while the given one is over 300 days away: "Jan. 26, 2021" in an
 * article of 27 January 2022.
 */
function yearCheck(pub: Date, y: number, m: number, d: number): { suspect: boolean; corrected?: Date } {
  if (y === pub.getUTCFullYear()) return { suspect: false };
  const given = dayOf(y, m, d);
  const same = dayOf(pub.getUTCFullYear(), m, Math.min(d, daysInMonth(pub.getUTCFullYear(), m)));
  if (!given || !same) return { suspect: false };
  const near = Math.abs(same.getTime() - pub.getTime()) <= 60 * DAY_MS;
  const far = Math.abs(given.getTime() - pub.getTime()) > 300 * DAY_MS;
  return near && far ? { suspect: true, corrected: same } : { suspect: false };
}

interface Rule {
  re: RegExp;
  make: (m: RegExpExecArray, pub: Date, published: string) => Omit<DateMention, 'text' | 'start' | 'end' | 'telling'> | null;
}

const info = (confidence: number, notes: string[] = [], alternatives: DraftInfo['alternatives'] = []): DraftInfo => ({
  confidence,
  alternatives,
  notes,
});

/** Through the catalogue's resolver: the expr it takes is the phrase itself. */
function catalogued(expr: string, published: string, confidence: number, notes: string[] = []) {
  try {
    return { expr, resolved: resolveDate(expr, published), draft: info(confidence, notes) };
  } catch (err) {
    if (err instanceof DateError) return null;
    throw err;
  }
}

const WINDOW_KEYS = Object.keys(WINDOWS)
  .sort((a, b) => b.length - a.length)
  .map((k) => k.replace(/ /g, '\\s+'))
  .join('|');

/** A window of days "a" to "b" of one month: a range the article gives, never a day plus a figure. */
function rangeOf(pub: Date, mo: number, a: number, b: number, year: string | undefined) {
  if (mo < 0 || b <= a) return null;
  const y = year ? Number(year) : nearestYear(pub, mo, a);
  const [from, to] = [dayOf(y, mo, a), dayOf(y, mo, b)];
  if (!from || !to) return { resolved: null, draft: info(0.2, [`no such days: ${a}–${b} ${MONTHS[mo]} ${y}`]) };
  const notes = year ? [] : [`no year given: ${y}, the one nearest the publication date`];
  return { resolved: windowResolved(from, to), draft: info(year ? 0.9 : 0.85, ['a range of days: a window', ...notes]) };
}

const DASH = '\\s*[-–—‐]\\s*';

const RULES: Rule[] = [
  // Ranges first: "February 10-20", "Feb. 21–25, 2022", "10-20 February", "between 14 and 18 February".
  {
    re: new RegExp(`\\b${MONTH}\\s+(\\d{1,2})${DASH}(\\d{1,2})\\b(?:,?\\s+(\\d{4})\\b)?`, 'g'),
    make: (m, pub) => rangeOf(pub, monthIndex(m[1]), Number(m[2]), Number(m[3]), m[4]),
  },
  {
    re: new RegExp(
      `\\b(?:between\\s+(\\d{1,2})\\s+and|from\\s+(\\d{1,2})\\s+(?:to|until|till)|(\\d{1,2})${DASH})\\s*(\\d{1,2})\\s+${MONTH}(?:\\s+(\\d{4})\\b)?`,
      'gi',
    ),
    make: (m, pub) => rangeOf(pub, monthIndex(m[5]), Number(m[1] ?? m[2] ?? m[3]), Number(m[4]), m[6]),
  },
  {
    re: new RegExp(`\\bbetween\\s+${MONTH}\\s+(\\d{1,2})\\s+and\\s+(\\d{1,2})\\b(?:,?\\s+(\\d{4})\\b)?`, 'g'),
    make: (m, pub) => rangeOf(pub, monthIndex(m[1]), Number(m[2]), Number(m[3]), m[4]),
  },
  {
    // "early next year": thirds of the year (January–April, May–August, September–December), a convention.
    re: /\b(early|mid-?|late|the end of|the beginning of|the start of|the middle of)\s*(last|this|next) year\b/gi,
    make: (m, pub) => {
      const y = pub.getUTCFullYear() + (m[2].toLowerCase() === 'last' ? -1 : m[2].toLowerCase() === 'next' ? 1 : 0);
      const part = m[1].toLowerCase();
      const [a, b] = /early|beginning|start/.test(part) ? [0, 3] : /mid|middle/.test(part) ? [4, 7] : [8, 11];
      return {
        resolved: windowResolved(new Date(Date.UTC(y, a, 1)), new Date(Date.UTC(y, b, daysInMonth(y, b)))),
        draft: info(0.6, ['a third of the year (January–April, May–August, September–December): a stated convention']),
      };
    },
  },
  {
    // "over the weekend", "last weekend", "early next month": phrases the catalogue resolves itself.
    re: /\b((?:over|at|during) the weekend|(?:last|this) weekend|(?:early|mid-?|late|the end of|the beginning of|the start of|the middle of) ?(?:last|this|next) month)\b/gi,
    make: (m, _pub, published) =>
      catalogued(m[1].toLowerCase().replace(/\s+/g, ' '), published, 0.8, [
        /weekend/i.test(m[1])
          ? 'the weekend: its Saturday and Sunday (src/catalogue/dates.ts)'
          : "a third of the month (1–10, 11–20, 21–end): the catalogue's convention for the words (src/catalogue/dates.ts)",
      ]),
  },
  {
    // Durations: "a two-day exercise", "ten days of drills", "a week-long visit". No date: what an event
    // that starts on a named day lasts (date.lasting).
    re: /\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen)(?:-(day|week)(?:-long)?\b|\s+(days|weeks)(?=\s+of\b))|\ba (week)-long\b/gi,
    make: (m) => {
      const word = (m[1] ?? 'one').toLowerCase();
      const unit = (m[2] ?? m[3] ?? m[4]).toLowerCase().replace(/s$/, '');
      const n = /^\d+$/.test(word) ? Number(word) : DURATION_WORDS.indexOf(word);
      if (n < 1) return null;
      const days = unit === 'week' ? 7 * n : n;
      return {
        resolved: { value: unit === 'week' ? `P${n}W` : `P${n}D`, precision: 'duration', days },
        draft: info(0.8, ['a duration, not a date: with a day it makes the event a window (date.lasting)']),
      };
    },
  },
  // Absolute dates next: they are the longest phrases.
  {
    // "Wednesday, Jan. 26, 2022", "Jan. 26, 2022", "January 26", "Jan. 26th"
    re: new RegExp(`\\b(?:${WEEKDAY},?\\s+)?${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4})\\b)?`, 'g'),
    make: (m, pub) => absolute(pub, m[1], monthIndex(m[2]), Number(m[3]), m[4]),
  },
  {
    // "26 January 2022", "on 26 Jan."
    re: new RegExp(`\\b(?:${WEEKDAY},?\\s+)?(\\d{1,2})\\s+${MONTH}(?:\\s+(\\d{4})\\b)?`, 'g'),
    make: (m, pub) => absolute(pub, m[1], monthIndex(m[3]), Number(m[2]), m[4]),
  },
  {
    // "10.02.2022": day, month, year, as European ministries write it.
    re: /\b(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})\b/g,
    make: (m, pub) => {
      const r = absolute(pub, undefined, Number(m[2]) - 1, Number(m[1]), m[3]);
      if (r?.resolved) r.draft.notes.push('read as day.month.year (European order)');
      return r;
    },
  },
  {
    // "early February", "mid-February", "late January 2022": thirds of the month, a stated convention.
    re: new RegExp(
      `\\b(early|mid-?|late|the end of|the beginning of|the start of|the middle of)\\s*${MONTH}(?:\\s+(\\d{4})\\b)?`,
      'gi',
    ),
    make: (m, pub) => {
      const mo = monthIndex(m[2]);
      const y = m[3] ? Number(m[3]) : nearestYear(pub, mo, 15);
      const part = m[1].toLowerCase();
      const last = daysInMonth(y, mo);
      const [a, b] = /early|beginning|start/.test(part) ? [1, 10] : /mid|middle/.test(part) ? [11, 20] : [21, last];
      const notes = [
        "a third of the month (1–10, 11–20, 21–end): the catalogue's convention for the words (src/catalogue/dates.ts)",
      ];
      const check = m[3] ? yearCheck(pub, y, mo, 15) : { suspect: false };
      if (check.suspect) notes.push(`the year ${y} is far from the publication date: possibly misprinted; check the original`);
      return {
        resolved: windowResolved(new Date(Date.UTC(y, mo, a)), new Date(Date.UTC(y, mo, b))),
        draft: info(check.suspect ? 0.3 : 0.7, notes),
      };
    },
  },
  {
    // "in February", "February 2022", "since March": a month.
    re: new RegExp(`\\b(?:(in|since|until|by|from|through|during|of|last|next|this)\\s+)?${MONTH}(?:\\s+(\\d{4}))?\\b`, 'g'),
    make: (m, pub) => {
      if (!m[1] && !m[3]) return null; // "May" alone may be the verb
      if (m[2] === 'May' && !m[3] && !/^(in|since|until|by|from|through|during|of|last|next|this)$/.test(m[1] ?? '')) return null;
      const mo = monthIndex(m[2]);
      const y = m[3] ? Number(m[3]) : nearestYear(pub, mo, 15);
      const check = m[3] ? yearCheck(pub, y, mo, 15) : { suspect: false };
      const notes = ["a month named outright: the catalogue's date.expr cannot hold it yet (use the resolved value)"];
      if (check.suspect) notes.push(`the year ${y} is far from the publication date: possibly misprinted; check the original`);
      return { resolved: monthResolved(y, mo), draft: info(check.suspect ? 0.3 : 0.8, notes) };
    },
  },
  {
    re: new RegExp(`\\b(${WINDOW_KEYS})\\b`, 'gi'),
    make: (m, _pub, published) =>
      catalogued(m[1].toLowerCase().replace(/\s+/g, ' '), published, 0.8, [
        'a window: its bounds are the convention in src/catalogue/dates.ts',
      ]),
  },
  {
    re: /\b(at this time last week|(?:earlier |later )?this week|last week|next week|(?:earlier |later )?this month|last month|next month)\b/gi,
    make: (m, _pub, published) => {
      return catalogued(m[1].toLowerCase(), published, 0.9);
    },
  },
  {
    re: /\b(last|this|next) year\b/gi,
    make: (m, pub) => {
      const y = pub.getUTCFullYear() + (m[1].toLowerCase() === 'last' ? -1 : m[1].toLowerCase() === 'next' ? 1 : 0);
      return {
        resolved: windowResolved(new Date(Date.UTC(y, 0, 1)), new Date(Date.UTC(y, 11, 31))),
        draft: info(0.8, ['a year: the catalogue has no year precision; kept as a window of the whole year']),
      };
    },
  },
  {
    re: new RegExp(`\\b(?:(last|this|next)\\s+)?${WEEKDAY}(\\s+(?:morning|afternoon|evening|night))?\\b`, 'g'),
    make: (m, pub, published) => {
      const part = (m[3] ?? '').trim().toLowerCase();
      const expr = `${m[2]}${part && part !== 'night' ? ` ${part}` : ''}`;
      const r = catalogued(expr, published, 0.9, ['the latest such day on or before publication (news usage)']);
      if (!r || !r.resolved) return r;
      if (m[1] && m[1].toLowerCase() !== 'last')
        return { resolved: null, draft: info(0.3, [`"${m[0]}": which week is meant is for the editor`]) };
      if (m[1] && r.resolved.value === iso(pub)) {
        // "last Tuesday" said on a Tuesday: a week before.
        const d = new Date(pub.getTime() - 7 * DAY_MS);
        return {
          resolved: dayResolved(d),
          draft: info(0.6, ['"last" + the publication\'s own weekday: taken as a week before']),
        };
      }
      return r;
    },
  },
  {
    re: /\b(today|tonight)\b/gi,
    make: (_m, pub) => ({ resolved: dayResolved(pub), draft: info(0.8, ['the publication date']) }),
  },
  {
    re: /\b(now)\b/g,
    make: (_m, _pub, published) => catalogued('now', published, 0.5, ['"now": as of publication, if it dates an event at all']),
  },
  {
    re: /\b(?:in|since|until|by|during)\s+((?:19|20)\d{2})\b(?![\s,]*(?:troops|people|soldiers))/g,
    make: (m) => {
      const y = Number(m[1]);
      return {
        resolved: windowResolved(new Date(Date.UTC(y, 0, 1)), new Date(Date.UTC(y, 11, 31))),
        draft: info(0.7, ['a year: kept as a window of the whole year']),
      };
    },
  },
];

function absolute(pub: Date, weekday: string | undefined, mo: number, d: number, year: string | undefined) {
  if (mo < 0) return null;
  const y = year ? Number(year) : nearestYear(pub, mo, d);
  const date = dayOf(y, mo, d);
  if (!date) return { resolved: null, draft: info(0.2, [`no such day: ${d} ${MONTHS[mo]} ${y}`]) };
  const notes: string[] = [];
  const alternatives: DraftInfo['alternatives'] = [];
  let confidence = year ? 0.95 : 0.85;
  if (!year) notes.push(`no year given: ${y}, the one nearest the publication date`);
  const check = year ? yearCheck(pub, y, mo, d) : { suspect: false };
  if (check.suspect && check.corrected) {
    notes.push(`the year ${y} is far from the publication date: possibly misprinted; check the original (kept as written)`);
    alternatives.push({ id: iso(check.corrected), label: `${iso(check.corrected)} if the year is a misprint` });
    confidence = 0.3;
  }
  if (weekday) {
    const actual = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][date.getUTCDay()];
    if (actual !== weekday) {
      notes.push(`the text says ${weekday}, but ${iso(date)} is a ${actual}: one of them is wrong`);
      confidence = Math.min(confidence, 0.3);
    }
  }
  return { resolved: dayResolved(date), draft: info(confidence, notes, alternatives) };
}

/** Verbs of saying right before a date: the date of the telling, not of the event (truth.md). */
const TELLING =
  /\b(said|says|told|announced|stated|reported|wrote|added|tweeted|posted|confirmed)\s+(?:[\p{Lu}][\p{L}.]*\s+){0,3}(?:on\s+)?$/u;

export function findDates(text: string, published: string): DateMention[] {
  const pub = parseIsoDay(published);
  const out: DateMention[] = [];
  const overlaps = (a: number, b: number) => out.some((x) => x.start < b && a < x.end);
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
      // The phrase proper, without a leading preposition the rule only used as evidence ("in February").
      let start = m.index;
      let phrase = m[0];
      const lead = /^(?:in|since|until|by|from|through|during|of)\s+/i.exec(phrase);
      if (lead && !/^in\s+the\s/i.test(phrase)) {
        start += lead[0].length;
        phrase = phrase.slice(lead[0].length);
      }
      const end = start + phrase.length;
      if (overlaps(start, end)) continue;
      const made = rule.make(m, pub, published);
      if (!made) continue;
      // A date named outright ("Jan. 26", "February", "early February") is a phrase the catalogue holds
      // too: the event takes the article's own words as its date, resolved the same way.
      if (made.resolved && !made.expr) {
        const held = catalogued(phrase, published, made.draft.confidence);
        if (held?.resolved.value === made.resolved.value && held.resolved.precision === made.resolved.precision) {
          made.expr = phrase;
          made.draft.notes = made.draft.notes.filter((n) => !n.includes('cannot hold it yet'));
        }
      }
      const telling = TELLING.test(text.slice(Math.max(0, start - 60), start));
      out.push({ text: phrase, start, end, telling, ...made });
    }
  }
  for (const d of out) openInterval(text, d, published);
  for (const d of out) pastInFuture(text, pub, d);
  for (const d of out) weekdayAhead(text, pub, d);
  return out.sort((a, b) => a.start - b.start);
}

/**
 * "since 2014", "since mid-January", "since Saturday": from the date on, to the publication day at the
 * latest (what the article reports as so is so when it is published), a window the catalogue holds as
 * the phrase itself.
 */
function openInterval(text: string, d: DateMention, published: string): void {
  const since = /\bsince\s+$/i.exec(text.slice(Math.max(0, d.start - 8), d.start));
  if (!since || !isDate(d.resolved) || !d.resolved.start) return;
  const phrase = text.slice(d.start - since[0].length, d.end).replace(/\s+/g, ' ');
  const held = catalogued(phrase, published, d.draft.confidence);
  if (!held || !isDate(held.resolved)) return;
  d.start -= since[0].length;
  d.text = text.slice(d.start, d.end);
  d.resolved = held.resolved;
  d.expr = phrase;
  d.draft.notes.push(`"since": from ${held.resolved.start} to the publication day, the latest the article can speak for`);
}

const PAST = /\b(was|were|had|has been|have been|held|took|conducted|carried out|decided|adopted|signed|\p{Ll}{3,}ed)\b/u;
const FUTURE = /\b(will|shall|to be|plans?|planned|scheduled|expected|next|upcoming|due)\b/i;

/**
 * "The decision was taken in December 2022" in a release of January 2022: a past event dated after
 * publication cannot be right. Flagged as a likely misprint (confidence 0.3) with the year before as the
 * alternative, and kept as written: never silently used or corrected.
 */
function pastInFuture(text: string, pub: Date, d: DateMention): void {
  if (!isDate(d.resolved) || !d.resolved.start || !/\b(19|20)\d{2}\b/.test(d.text) || d.resolved.start <= iso(pub)) return;
  const from = Math.max(text.lastIndexOf('.', d.start - 1), text.lastIndexOf('\n', d.start - 1)) + 1;
  const stop = text.slice(d.end).search(/[.\n]/);
  const sentence = text.slice(from, stop < 0 ? text.length : d.end + stop);
  if (!PAST.test(sentence) || FUTURE.test(sentence)) return;
  const year = Number(/\b((?:19|20)\d{2})\b/.exec(d.text)?.[1]);
  const shift = (v: string) => v.replace(/\b(19|20)\d{2}/g, (y) => String(Number(y) === year ? year - 1 : Number(y)));
  d.draft.confidence = Math.min(d.draft.confidence, 0.3);
  d.draft.notes.push(
    `a past event dated after publication (${iso(pub)}): likely a misprint for ${year - 1}; kept as written for the editor to check`,
  );
  d.draft.alternatives.push({ id: shift(d.resolved.value), label: `${shift(d.resolved.value)} if the year is a misprint` });
}

/** Words that put a clause in the future: "will", "is due to", "starts on", "is scheduled". */
const AHEAD =
  /\b(?:will|shall|(?:is|are) (?:due|scheduled|expected|set|planned) to|(?:is|are) to|to (?:start|begin|open|be held|take place)|(?:starts?|begins?|opens?|resumes?)(?: on)?|next)\b/i;
const BEHIND = /\b(?:was|were|had|did|began|started|opened|ended|held|took|\p{Ll}{3,}ed)\b/u;

/**
 * "a three-day exercise that starts on Wednesday" in an article of Monday: the coming Wednesday, not the
 * last one. A bare weekday is read back from publication (news usage) unless its own clause speaks of it
 * as to come; then it is the first such day after publication (date.ahead). The publication's own
 * weekday stays the publication day.
 */
function weekdayAhead(text: string, pub: Date, d: DateMention): void {
  if (!d.expr || !/^(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b/i.test(d.expr) || d.telling) return;
  const from =
    Math.max(text.lastIndexOf('.', d.start - 1), text.lastIndexOf('\n', d.start - 1), text.lastIndexOf(',', d.start - 1)) + 1;
  const clause = text.slice(from, d.start);
  if (!AHEAD.test(clause) || BEHIND.test(clause.replace(/\b(?:scheduled|expected|planned)\b/g, ''))) return;
  // The publication's own weekday to come is later that day (news usage: "will resume Wednesday" on a Wednesday).
  if (isDate(d.resolved) && d.resolved.start === iso(pub)) return;
  const r = resolveEventDateSafe(d.expr, iso(pub));
  if (!r) return;
  d.ahead = true;
  d.resolved = r;
  d.draft.confidence = Math.min(d.draft.confidence, 0.85);
  d.draft.notes = d.draft.notes.filter((n) => !n.includes('on or before publication'));
  d.draft.notes.push(`"${d.text}" to come (its clause speaks of the future): the first such day after publication`);
}

function resolveEventDateSafe(expr: string, published: string): ResolvedDate | null {
  try {
    return resolveEventDate({ expr, ahead: true }, published);
  } catch (err) {
    if (err instanceof DateError) return null;
    throw err;
  }
}
