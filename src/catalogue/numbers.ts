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

const UNITS =
  'two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'.split(
    ' ',
  );
const TENS = 'twenty thirty forty fifty sixty seventy eighty ninety'.split(' ');
const MULTIPLIERS: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9 };

/**
 * A count in words, as long as the words run: "two", "twenty-five", "two hundred and fifty", "a dozen", "a
 * thousand", "three million". Not "one" alone ("one official said" is no figure), nor "a" alone.
 */
export const WORD_NUMBER = new RegExp(
  `\\b(?:(?:a|an|one)\\s+(?=(?:hundred|thousand|million|billion|dozen)\\b))?(?:dozen|${[...TENS.map((t) => `${t}(?:-(?:one|${UNITS.slice(0, 8).join('|')}))?`), ...UNITS, 'hundred', 'thousand', 'million', 'billion'].join('|')})(?:(?:\\s+(?:and\\s+)?|-)(?:${[...TENS.map((t) => `${t}(?:-(?:one|${UNITS.slice(0, 8).join('|')}))?`), ...UNITS, 'hundred', 'thousand', 'million', 'billion'].join('|')})\\b)*\\b`,
  'gi',
);

/** The value of a count in words (WORD_NUMBER's match), or null when the words do not make one number. */
export function wordNumberValue(words: string): number | null {
  const tokens = words
    .toLowerCase()
    .split(/[\s-]+/)
    .filter((w) => w !== 'and');
  if (tokens[0] === 'a' || tokens[0] === 'an' || tokens[0] === 'one') tokens[0] = 'one';
  let total = 0;
  let group = 0;
  for (const t of tokens) {
    if (t === 'one') group += 1;
    else if (t === 'dozen') group = (group || 1) * 12;
    else if (UNITS.includes(t)) group += UNITS.indexOf(t) + 2;
    else if (TENS.includes(t)) group += (TENS.indexOf(t) + 2) * 10;
    else if (t === 'hundred') group = (group || 1) * 100;
    else if (t in MULTIPLIERS) {
      total += (group || 1) * MULTIPLIERS[t];
      group = 0;
    } else return null;
  }
  const value = total + group;
  return value > 0 ? value : null;
}

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
  for (const m of text.matchAll(WORD_NUMBER)) {
    const v = wordNumberValue(m[0]);
    if (v !== null) out.push(v);
  }
  return out;
}
