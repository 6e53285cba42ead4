/**
 * Quantities: a number with its unit and the words that qualify it ("over 100,000 troops"), an earlier
 * value it is compared with ("up from 59"), and the vague counts that give no number ("tens of thousands":
 * a range, never an exact value). Model names (Su-35, S-400, F-16, Il-76), years and dates are not
 * quantities.
 */
import { NUMERAL, numeralValue, SCALES, WORD_NUMBER, wordNumberValue } from '../catalogue/numbers';
import type { DateMention, QuantityMention } from './types';

const QUALIFIERS = [
  'more than',
  'fewer than',
  'less than',
  'as many as',
  'as few as',
  'at least',
  'at most',
  'up to',
  'close to',
  'just over',
  'just under',
  'an estimated',
  'estimated',
  'roughly',
  'approximately',
  'about',
  'around',
  'nearly',
  'almost',
  'over',
  'under',
  'some',
  'several',
  'between',
];
/** Words naming a currency after the number: the unit the catalogue keeps. */
const CURRENCY: Record<string, string> = {
  dollar: 'USD',
  euro: 'EUR',
  pound: 'GBP',
  ruble: 'RUB',
  rouble: 'RUB',
  hryvnia: 'UAH',
};

/** Counts in words: a range the words allow, and no value. */
const VAGUE: { re: RegExp; range: [number, number] }[] = [
  { re: /\bhundreds of thousands\b/i, range: [200_000, 999_999] },
  { re: /\btens of thousands\b/i, range: [20_000, 99_999] },
  { re: /\bthousands\b/i, range: [2_000, 9_999] },
  { re: /\bhundreds\b/i, range: [200, 999] },
  { re: /\bdozens\b/i, range: [24, 99] },
];

/** Words that end a unit: prepositions, verbs and such. */
const UNIT_STOP =
  /^(in|on|at|near|from|to|into|of|for|with|by|and|or|but|as|that|which|who|were|was|are|is|have|has|had|will|would|could|may|said|up|down|since|after|before|during|across|along|this|last|next|the|a|an)$/i;
const DEMONYM =
  /^(Russian|Ukrainian|Belarusian|American|British|French|German|Polish|Lithuanian|U\.S\.|US|UK|NATO|Western|Chinese)$/;

/** Why a number is not a quantity, or null when it is one. */
function notAQuantity(text: string, start: number, end: number, dates: DateMention[]): string | null {
  const before = text.slice(Math.max(0, start - 12), start);
  const after = text.slice(end, end + 12);
  // Su-35, S-400, F-16, Il-76, MiG-29, Tu-22M3, T-72B3, 2S19, 9M723: letters glued to the digits.
  if (/[\p{L}][\p{L}\d]*[-‐]?$/u.test(before) && !/\s$/.test(before)) return 'part of a model name';
  if (/^[\p{L}]/u.test(after) || /^[-‐][\p{L}\d]/u.test(after)) return 'part of a model name';
  if (dates.some((d) => d.start <= start && end <= d.end)) return 'part of a date';
  const around = text.slice(Math.max(0, start - 6), end + 6);
  if (
    /\d{1,2}[./]\d{1,2}[./]\d{2,4}/.test(around) &&
    /^[./]\d|\d[./]$/.test(text.slice(start - 1, start) + text.slice(end, end + 2))
  )
    return 'part of a date';
  if (/^:\d{2}/.test(text.slice(end, end + 3)) || /\d:$/.test(text.slice(start - 2, start))) return 'a time';
  const n = Number(text.slice(start, end).replace(/,/g, ''));
  if (/^\d{4}$/.test(text.slice(start, end)) && n >= 1900 && n <= 2100) return 'a year';
  if (/^\s*(a\.m\.|p\.m\.|am\b|pm\b|GMT|UTC|%?\s*of\b)/i.test(after) && !/^\s*%/.test(after)) return 'a time';
  if (/\b(No\.|number|page|article|section|resolution)\s*$/i.test(before)) return 'a label';
  return null;
}

function unitAfter(text: string, end: number): { unit: string; skipped: boolean } {
  const words = /^\s+((?:[\p{L}\d][\p{L}\d\-‐.]*\s*){1,6})/u.exec(text.slice(end, end + 80));
  if (!words) return { unit: '', skipped: false };
  const list = words[1].trim().split(/\s+/);
  const unit: string[] = [];
  let skipped = false;
  for (const w of list) {
    const bare = w.replace(/[.,;:]$/, '');
    if (UNIT_STOP.test(bare)) break;
    // A verb after the unit's noun ends it: "1,700 paratroopers arrived", "40 tanks remain".
    if (unit.length && (/^\p{Ll}{3,}ed$/u.test(bare) || /^(remain|remains|arrive|arrives|stay|stays|move|moves)$/.test(bare)))
      break;
    if (DEMONYM.test(bare) && !unit.length) {
      skipped = true;
      continue;
    }
    unit.push(bare);
    if (bare !== w || unit.length >= 3) break;
  }
  return { unit: unit.join(' '), skipped };
}

export function findQuantities(text: string, dates: DateMention[]): QuantityMention[] {
  const out: QuantityMention[] = [];
  const num = new RegExp(NUMERAL.source, 'g');
  const previousSpans: [number, number][] = [];
  for (const m of text.matchAll(num)) {
    const [start, end0] = [m.index, m.index + m[0].length];
    if (previousSpans.some(([a, b]) => a <= start && end0 <= b)) continue;
    if (notAQuantity(text, start, end0, dates)) continue;
    let value = numeralValue(m[0]);
    let end = end0;
    const scale = /^\s+(thousand|million|billion|trillion|bn)\b/i.exec(text.slice(end));
    const unitPrefix = '';
    if (scale) {
      // "200 million dollars" is 200,000,000 (the validator reads the scale word too: src/catalogue/numbers.ts).
      value = Math.round(value * SCALES[scale[1].toLowerCase()]);
      end += scale[0].length;
    }
    const money = /[$€£]\s*$/.exec(text.slice(Math.max(0, start - 2), start));
    const currency = /^\s+(dollar|euro|pound|ruble|rouble|hryvnia)s?\b/i.exec(text.slice(end));
    const percent = /^\s*(%|percent|per cent)/.exec(text.slice(end));
    let unit: string;
    if (percent) {
      unit = 'percent';
      end += percent[0].length;
    } else {
      const u = unitAfter(text, end);
      unit = `${unitPrefix}${u.unit}`.trim();
      if (money) unit = { $: 'USD', '€': 'EUR', '£': 'GBP' }[money[0].trim()] ?? money[0].trim();
      if (currency) unit = CURRENCY[currency[1].toLowerCase()];
    }
    const beforeText = text.slice(Math.max(0, start - 30), start);
    const q = new RegExp(`\\b(${QUALIFIERS.join('|')})\\s+(?:[$€£]\\s*)?$`, 'i').exec(beforeText);
    const qStart = q ? start - (beforeText.length - q.index) : money ? start - money[0].length : start;
    const unitEnd = unit && !percent && !money && !currency ? text.indexOf(unit.split(' ').pop() ?? '', end) : -1;
    let spanEnd = currency
      ? end + currency[0].length
      : unitEnd >= 0 && unitEnd - end < 40
        ? unitEnd + (unit.split(' ').pop() ?? '').length
        : end;
    // "between 100,000 and 130,000": one quantity, the range's bounds; the second number is not another.
    const upper =
      q?.[1].toLowerCase() === 'between' ? new RegExp(`^\\s+and\\s+(${NUMERAL.source})`).exec(text.slice(end0)) : null;
    let range: [number, number] | undefined;
    if (upper) {
      range = [value, numeralValue(upper[1])];
      spanEnd = Math.max(spanEnd, end0 + upper[0].length);
      previousSpans.push([end0, end0 + upper[0].length]);
    }
    const quantity: QuantityMention = {
      text: text.slice(qStart, spanEnd),
      start: qStart,
      end: spanEnd,
      value,
      ...(range ? { range } : {}),
      unit: unit || '(none given)',
      ...(q ? { qualifier: q[1].toLowerCase() } : {}),
      draft: { confidence: unit ? 0.8 : 0.4, alternatives: [], notes: unit ? [] : ['no unit follows the number'] },
    };
    // "up from 59 at this time last week", "down from 80": the earlier value, with its own date.
    const prev =
      /^(?:(?:[^.;]|\.(?=\s+\d)){0,60}?),?\s*((?:up|down|compared) (?:from|with) (\d{1,3}(?:,\d{3})+|\d+)(?:\s+[^.,;]*?)?)(?=[.,;]|$)/.exec(
        text.slice(spanEnd, spanEnd + 120),
      );
    if (prev) {
      const pStart = spanEnd + prev.index + prev[0].length - prev[1].length;
      const pEnd = pStart + prev[1].length;
      const date = dates.find((d) => d.start >= pStart && d.end <= pEnd);
      quantity.previous = {
        value: Number(prev[2].replace(/,/g, '')),
        text: prev[1],
        start: pStart,
        end: pEnd,
        ...(date?.resolved ? { date: date.text } : {}),
      };
      previousSpans.push([pStart, pEnd]);
      value = quantity.value as number;
    }
    out.push(quantity);
  }
  // Counts in words before a noun: "two battalions", "A dozen transport flights", "Twelve Su-35 fighter jets".
  for (const m of text.matchAll(
    new RegExp(
      `(${WORD_NUMBER.source})\\s+(?!of\\b|or\\b|and\\b|to\\b|days?\\b|weeks?\\b|months?\\b|years?\\b)([\\p{L}][\\p{L}\\d-]*)`,
      'giu',
    ),
  )) {
    const [start, end] = [m.index, m.index + m[0].length];
    if (out.some((x) => x.start < end && start < x.end) || dates.some((d) => d.start < end && start < d.end)) continue;
    const value = wordNumberValue(m[1]);
    if (value === null || UNIT_STOP.test(m[2]) || /-/.test(text.slice(end - m[2].length - 1, end - m[2].length))) continue;
    const beforeText = text.slice(Math.max(0, start - 30), start);
    const q = new RegExp(`\\b(${QUALIFIERS.join('|')})\\s+$`, 'i').exec(beforeText);
    const unit = unitAfter(text, start + m[1].length).unit || m[2];
    const qStart = q ? start - (beforeText.length - q.index) : start;
    const unitEnd = text.indexOf(unit.split(' ').pop() ?? '', start + m[1].length);
    const spanEnd = unitEnd >= 0 && unitEnd - start < 60 ? unitEnd + (unit.split(' ').pop() ?? '').length : end;
    out.push({
      text: text.slice(qStart, spanEnd),
      start: qStart,
      end: spanEnd,
      value,
      unit,
      ...(q ? { qualifier: q[1].toLowerCase() } : {}),
      draft: { confidence: 0.6, alternatives: [], notes: [`"${m[1]}": a count in words`] },
    });
  }
  for (const v of VAGUE) {
    const re = new RegExp(v.re.source, 'gi');
    for (const m of text.matchAll(re)) {
      const [start, end] = [m.index, m.index + m[0].length];
      if (out.some((x) => x.start < end && start < x.end)) continue;
      const of = /^\s+of\s+((?:[\p{L}-]+\s*){1,2})/u.exec(text.slice(end, end + 40));
      const unit = of ? unitAfter(text, end + of[0].indexOf(of[1]) - 1).unit : '';
      out.push({
        text: m[0],
        start,
        end,
        value: null,
        range: v.range,
        unit: unit || '(none given)',
        qualifier: m[0].toLowerCase(),
        draft: {
          confidence: 0.7,
          alternatives: [],
          notes: [`"${m[0]}" gives no number: the range is the words' literal reading, not a figure to show`],
        },
      });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
