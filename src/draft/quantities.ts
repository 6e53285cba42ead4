/**
 * Quantities: a number with its unit and the words that qualify it ("over 100,000 troops"), an earlier
 * value it is compared with ("up from 59"), and the vague counts that give no number ("tens of thousands":
 * a range, never an exact value). Model names (Su-35, S-400, F-16, Il-76), years and dates are not
 * quantities.
 */
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
];

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
const DEMONYM = /^(Russian|Ukrainian|Belarusian|American|British|French|German|Polish|U\.S\.|NATO|Western|Chinese)$/;

/** Why a number is not a quantity, or null when it is one. */
export function notAQuantity(text: string, start: number, end: number, dates: DateMention[]): string | null {
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
  const num = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g;
  const previousSpans: [number, number][] = [];
  for (const m of text.matchAll(num)) {
    const [start, end0] = [m.index, m.index + m[0].length];
    if (previousSpans.some(([a, b]) => a <= start && end0 <= b)) continue;
    if (notAQuantity(text, start, end0, dates)) continue;
    let value = Number(m[0].replace(/,/g, ''));
    let end = end0;
    const scale = /^\s+(thousand|million|billion)\b/i.exec(text.slice(end));
    let unitPrefix = '';
    if (scale) {
      // The validator reads the number as written: "1.5 million" keeps 1.5, the scale goes to the unit.
      unitPrefix = `${scale[1].toLowerCase()} `;
      end += scale[0].length;
    }
    const money = /[$€£]\s*$/.exec(text.slice(Math.max(0, start - 2), start));
    const percent = /^\s*(%|percent|per cent)/.exec(text.slice(end));
    let unit: string;
    if (percent) {
      unit = 'percent';
      end += percent[0].length;
    } else {
      const u = unitAfter(text, end);
      unit = `${unitPrefix}${u.unit}`.trim();
      if (money) unit = `${unitPrefix}${money[0].trim()}`.trim();
    }
    const beforeText = text.slice(Math.max(0, start - 30), start);
    const q = new RegExp(`\\b(${QUALIFIERS.join('|')})\\s+(?:[$€£]\\s*)?$`, 'i').exec(beforeText);
    const qStart = q ? start - (beforeText.length - q.index) : money ? start - money[0].length : start;
    const unitEnd = unit && !percent && !money ? text.indexOf(unit.split(' ').pop() ?? '', end) : -1;
    const spanEnd = unitEnd >= 0 && unitEnd - end < 40 ? unitEnd + (unit.split(' ').pop() ?? '').length : end;
    const quantity: QuantityMention = {
      text: text.slice(qStart, spanEnd),
      start: qStart,
      end: spanEnd,
      value,
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
