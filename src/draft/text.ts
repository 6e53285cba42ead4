/**
 * Text helpers for drafting: name keys that fold spelling variants, words with their offsets, sentences.
 * Offsets are UTF-16 code units into the source text, as everywhere in the catalogue.
 */

/** Apostrophes and transliterated soft signs ("Khar'kov", "Luhans’k", "Yaroslavlʹ"). */
const SOFT = /['’ʹʼ`´]/g;

/**
 * The strict key of a name: case, diacritics (ё → е, ŭ → u, ó → o), soft signs, hyphens and full stops
 * folded, so "Kharkiv" and "KHARKIV", "Homyel'" and "Homyel", "U.S." and "US" meet.
 */
export function strictKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(SOFT, '')
    .replace(/\./g, '')
    .replace(/[\s\-‐‑–]+/g, ' ')
    .trim();
}

/**
 * A looser key for romanisation variants the gazetteer lacks: yo/ye/e (Semyonovka, Semenovka), kh/h/g
 * (Luhansk, Lugansk), w/v and j/y (Polish and Belarusian forms), iy/yy/y endings, double letters.
 * Matches by this key are proposals with a lower confidence.
 */
export function looseKey(name: string): string {
  return strictKey(name)
    .replace(/yo|jo|ye|je|ё/g, 'e')
    .replace(/kh|ch(?=[^aeiou])/g, 'h')
    .replace(/h/g, 'g')
    .replace(/w/g, 'v')
    .replace(/[jy]/g, 'i')
    .replace(/ii\b|ij\b/g, 'i')
    .replace(/(.)\1/g, '$1');
}

export interface Word {
  text: string;
  start: number;
  end: number;
}

/**
 * Words with their offsets: letters (with inner apostrophes and hyphens: "Rostov-on-Don", "Khar'kov"),
 * dotted abbreviations ("U.S.", "U.K."), numbers with separators ("100,000", "1.5"). A possessive "'s"
 * is its own word, so "Russia's" gives "Russia".
 */
export function words(text: string): Word[] {
  const out: Word[] = [];
  const re = /(?:\p{Lu}\.){2,}|\p{L}[\p{L}\p{M}]*(?:['’\-‐][\p{L}\p{M}]+)*|\d[\d,.]*\d|\d/gu;
  for (const m of text.matchAll(re)) {
    let w = m[0];
    const start = m.index;
    const possessive = /['’]s$/.exec(w);
    if (possessive && w.length > 2) {
      w = w.slice(0, -2);
      out.push({ text: w, start, end: start + w.length });
      out.push({ text: m[0].slice(-2), start: start + w.length, end: start + m[0].length });
      continue;
    }
    out.push({ text: w, start, end: start + w.length });
  }
  return out;
}

export const isCapitalised = (w: string) => /^\p{Lu}/u.test(w);

/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATIONS =
  /(?:\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Sgt|Capt|Adm|Sen|Rep|Gov|St|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|vs|etc|approx)|(?:\p{Lu}\.)+\p{Lu})$/u;

interface Span {
  start: number;
  end: number;
}

/**
 * Sentences within [start, end): a full stop, question or exclamation mark (with closing quotes) followed
 * by a space and a capital or an opening quote ends one, unless it closes an abbreviation ("Gen.",
 * "Jan."); so does a blank line. Leading and trailing spaces are left out.
 */
export function sentences(text: string, start = 0, end = text.length): Span[] {
  const out: Span[] = [];
  let s = start;
  const push = (a: number, b: number) => {
    while (a < b && /\s/.test(text[a])) a++;
    while (b > a && /\s/.test(text[b - 1])) b--;
    if (b > a) out.push({ start: a, end: b });
  };
  const re = /[.!?]["'”’)]*(?=\s+["“‘'(]?[\p{Lu}\d])|\n\s*\n/gu;
  re.lastIndex = start;
  const slice = text.slice(0, end);
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    const stop = m.index + m[0].length;
    if (m[0][0] === '.' && ABBREVIATIONS.test(text.slice(Math.max(s, m.index - 12), m.index + 1).replace(/\.$/, ''))) {
      // "Gen. Smith", "Jan. 26": the stop closes an abbreviation; "the U.S. The…" is still a sentence end.
      const next = /\s+(\S+)/u.exec(text.slice(stop, stop + 40))?.[1] ?? '';
      if (!/^(The|A|An|In|On|At|But|And|It|He|She|They|We|This|That)\b/.test(next)) continue;
    }
    push(s, stop);
    s = stop;
  }
  push(s, end);
  return out;
}
