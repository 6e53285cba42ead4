/**
 * The numbers a phrase of an article gives, read as a reader reads them: thousands separators by their
 * context ("100,000", "200.000", "100 000"), scale words ("1.2 billion", "200 million dollars"), and counts
 * in words ("two battalions", "a dozen"). Shared by the drafting (src/draft/quantities.ts) and the
 * catalogue validator, which accepts a quantity's value when its text gives it.
 */

/** A numeral with its separators: "1,000", "1,000.5", "200.000", "100 000", "1.2", "12". */
export const NUMERAL =
  /(?<![\d.,])(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:\.\d{3})+(?![\d,])|\d{1,3}(?:[ \u00A0\u202F]\d{3})+(?![\d.,])|\d+(?:\.\d+)?)/g;

export const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, bn: 1e9 };

export const WORD_NUMBERS: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  hundred: 100,
  'a dozen': 12,
  'a hundred': 100,
  'a thousand': 1000,
};

/** A numeral's value: a dot or a space between groups of three digits separates thousands. */
export function numeralValue(numeral: string): number {
  if (/^\d{1,3}(?:\.\d{3})+$/.test(numeral)) return Number(numeral.replace(/\./g, ''));
  return Number(numeral.replace(/[, \u00A0\u202F]/g, ''));
}

/** Every value the phrase may be read as: each numeral as written and, with its scale word, scaled. */
export function numbersIn(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(NUMERAL)) {
    const v = numeralValue(m[0]);
    out.push(v);
    const scale = /^\s*(thousand|million|billion|trillion|bn)\b/i.exec(text.slice(m.index + m[0].length));
    if (scale) out.push(Math.round(v * SCALES[scale[1].toLowerCase()]));
  }
  for (const [w, v] of Object.entries(WORD_NUMBERS)) if (new RegExp(`\\b${w}\\b`, 'i').test(text)) out.push(v);
  return out;
}
