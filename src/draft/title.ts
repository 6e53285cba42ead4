/**
 * An event's title from its sentence: the reported clause, short. The dateline ("MOSCOW, Feb 8 (Example
 * Wire) -"), a leading "Earlier," or "According to …," and the attribution ("…, two officials said on
 * Tuesday"; "Kirby said …") are taken off (the claim keeps who said it), then the sentence is cut at a
 * clause boundary (", while", "; ", ", who"…) until it fits. Modal verbs, conditions and negations stand in
 * the clause that is kept. A sentence that still does not fit is cut at a word and marked "…": the editor
 * must write that one.
 */
import type { ClaimKind } from '../catalogue/schema';

export const TITLE_MAX = 90;

const DATELINE = [
  /^[\p{Lu}][\p{Lu} .'’-]{2,40}(?:,\s*[^-—–()]{1,24})?(?:\s*\([^)]{1,40}\))?\s*[-—–]+\s*/u,
  /^[\p{Lu}][\p{Lu} .'’-]{2,40},\s*[^./]{1,24}\.\s*\/[^/]{1,40}\/\.?\s*/u,
];
const LEAD = /^(?:Earlier|Meanwhile|Separately|However|In a statement|On \p{Lu}\p{Ll}+day),\s+|^According to [^,]{1,80},\s+/u;
const SAY =
  '(?:(?:has |have )?said|says|say|told (?:reporters|journalists|[\\p{Lu}][^,]{0,30})|reported|added|stated|noted|announced|confirmed)';
const TRAIL = new RegExp(
  `,\\s+(?:[^,"“]{1,90}?\\s)?${SAY}(?:\\s+(?:on|in|at|late|early)\\s+[^,]{1,40})?(?:\\s+in a statement)?$`,
  'u',
);
const WEEKDAY = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday';
const PRONOUN = /^(?:it|he|she|they)\s+/i;
/** A speaker that is a country, a capital or a body, whose pronoun is "it" or "they". */
const GOVERNMENT_WORD =
  /^(?:Russia|Ukraine|Belarus|Moscow|Kyiv|Kiev|Washington|Minsk|Beijing|London|Paris|Berlin|NATO|Britain|France|Germany|China|Poland|Kremlin|Pentagon)$|\b(?:Ministry|ministry|Department|Office|House|Council|Union|Service|Command|Staff|States|Kingdom)$/;
const HEAD = new RegExp(
  `^[^,"“]{1,80}?\\s${SAY}(?:\\s+(?:on\\s+)?(?:${WEEKDAY}))?(?:\\s+in a [a-z ]{1,20})?,?\\s+(?:that\\s+)?`,
  'u',
);
/** A head that says more than who speaks: "Russia denied planning an attack and said …" keeps its denial. */
const STANCE_IN_HEAD = /\b(?:denied|denies|warned|warns|rejected|dismissed|threatened|refused)\b/i;
/** Claimants that are many: "…, Ukrainian officials say". */
const PLURAL =
  /^(?:\S+\s+){0,3}?(?:officials|residents|traders|sources|diplomats|analysts|experts|people|villagers|witnesses|authorities|leaders|governments|allies)\b/i;
/** First words of a claimant that are not a name, lower case inside a title ("…, local traders say"). */
const COMMON_START =
  /^(?:The|A|An|Local|Residents|Officials|Sources|Diplomats|Witnesses|Villagers|Analysts|Experts|Several|Two|Three|Some|Many|Senior)\b/;

/**
 * The title with who claims it, when someone other than the article does and the title does not name
 * them: "Blinken: …" for a person (the seed's form), "…, Ukraine's defence ministry says" for others. A
 * label on the map then never states as fact what one side says. Left as it is when that would not fit.
 */
export function withClaimant(title: string, by: string, kind: ClaimKind): string {
  if (kind === 'article') return title;
  const last = by.split(/\s+/).pop() ?? by;
  if (new RegExp(`\\b${last.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'iu').test(title)) return title;
  // A person's name ends in a capitalised word that is not a place qualifying a group ("traders in Valuyki").
  const named = kind === 'person' && /\p{Lu}[\p{L}'’-]+$/u.test(by) && !/\b(?:in|of|from|near|at)\s+\p{Lu}[\p{L}-]*$/u.test(by);
  if (named) return `${last}: ${title}`.length <= TITLE_MAX ? `${last}: ${title}` : title;
  // The claimant as written, else its head ("residents" of "Residents of villages in the Belgorod region").
  // "Ukraine's defence ministry" is "the ministry" once the title has no room, as the wire's next sentence says.
  const body = INSTITUTION_TAIL.exec(by)?.[1];
  const heads = [by, by.split(/\s+(?:of|in|at|from|for|near)\s+/)[0], ...(body ? [`the ${body}`] : [])];
  for (const h of heads) {
    const who = COMMON_START.test(h) ? h.charAt(0).toLowerCase() + h.slice(1) : h;
    const t = `${title}, ${who} ${PLURAL.test(h) ? 'say' : 'says'}`;
    if (t.length <= TITLE_MAX) return t;
  }
  return title;
}

/** The body a claimant's name ends in, in lower case: "Ukraine's defence ministry", "the Russian military". */
const INSTITUTION_TAIL = /\s(ministry|department|military|army|navy|government|agency|service|office|command|embassy|mission)$/;

/** A phrase of place or time opening a sentence, up to its comma. */
const LEADING_PHRASE = /^(?:In|At|On|Near|Along|Across|Over|Before|After|During|Since)\s+[^,]{3,60},\s+(\S)/u;

/** A word that only stands with the phrase after it, left at the end of a cut title. */
const DANGLING = /\s+(?:ahead|part|because|instead|prior|due|out|as|just|well|right|shortly|soon)$/i;
const BOUNDARIES = [
  '; ',
  ', while ',
  ' while ',
  ', whereas ',
  ', but ',
  ', and that ',
  ' and that ',
  ', who ',
  ', which ',
  ', as ',
  ', bringing ',
  ', including ',
  ', according to ',
  ', and ',
  ' and urged ',
  ' and said ',
  ', in his ',
  ', in her ',
  ', in their ',
  ' — ',
];

/** The length of a dateline opening a sentence ("KYIV, Feb 14 (Example Wire) - "), 0 when none. */
export function datelineLength(sentence: string): number {
  for (const re of DATELINE) {
    const m = re.exec(sentence);
    if (m) return m[0].length;
  }
  return 0;
}

/**
 * `speaker`, a person the claim names ("Secretary of State Antony Blinken"), stands for "he" or "she"
 * before a verb of saying that the title keeps: a title is read alone, away from the sentence before.
 */
export function titleOf(sentence: string, speaker?: string): string {
  const t = clause(sentence);
  // Too little left (a label, a quote's tail): the sentence's own first words stand.
  const title = t.split(' ').length >= 3 ? t : clause(sentence, false);
  const surname = speaker?.split(/\s+/).pop();
  return surname ? title.replace(new RegExp(`(^|[,”"]\\s+)(?:he|she)(?=\\s+${SAY})`, 'iu'), `$1${surname}`) : title;
}

function clause(sentence: string, strip = true): string {
  let t = sentence.replace(/\s+/g, ' ').trim();
  if (!strip) return cut(t);
  for (const re of DATELINE) t = t.replace(re, '');
  t = t.replace(LEAD, '');
  const head = HEAD.exec(t);
  const rest = head ? t.slice(head[0].length) : '';
  // "X said it would…" → "X would…"; never a bare pronoun, nor a phrase that is not a clause ("reported along…").
  if (
    head &&
    rest.length > 20 &&
    !/\bif\b|\bunless\b/.test(head[0]) &&
    !STANCE_IN_HEAD.test(head[0]) &&
    !/^(?:along|in|on|at|near|from|to|by)\b/i.test(rest)
  ) {
    const speaker = head[0]
      .slice(0, head[0].search(new RegExp(`\\s${SAY}`, 'u')))
      .replace(/(?:\s+(?:\p{Ll}+ly|has|have|had|also))+$/u, '')
      .trim();
    // "he"/"she" stand for a person, "it"/"they" for a body; otherwise the pronoun is something else
    // ("Blinken said it contains…": the letter), and the title keeps who said it.
    const person = /\p{Lu}\p{Ll}+$/u.test(speaker) && !GOVERNMENT_WORD.test(speaker) && !/^(?:the|a|an)\b/i.test(speaker);
    const pronoun = PRONOUN.exec(rest)?.[0].trim().toLowerCase();
    const same = pronoun && (person ? ['he', 'she'] : ['it', 'they']).includes(pronoun);
    t = !pronoun ? rest : same ? `${speaker} ${rest.replace(PRONOUN, '')}` : t;
  }
  t = t.replace(/[.]$/, '').trim();
  for (;;) {
    const trail = TRAIL.exec(t);
    if (trail && trail.index > 20) t = t.slice(0, trail.index);
    if (t.length <= TITLE_MAX) break;
    const cuts = BOUNDARIES.map((b) => t.lastIndexOf(b, TITLE_MAX)).filter((i) => i >= 25);
    if (!cuts.length) break;
    t = t.slice(0, Math.max(...cuts)).trim();
  }
  // Still long: the last comma, then the last prepositional phrase, that leaves a clause of some length.
  // A leading phrase of place or time ("In the Rostov region, …"): the event's place and date say it.
  if (t.length > TITLE_MAX) t = t.replace(LEADING_PHRASE, (_, rest: string) => rest.charAt(0).toUpperCase() + rest.slice(1));
  for (const marks of [
    [', '],
    [
      ' in ',
      ' near ',
      ' over ',
      ' for ',
      ' with ',
      ' from ',
      ' to ',
      ' into ',
      ' of ',
      ' on ',
      ' at ',
      ' during ',
      ' since ',
      ' until ',
    ],
  ]) {
    if (t.length <= TITLE_MAX) break;
    const cut = Math.max(...marks.map((b) => t.lastIndexOf(b, TITLE_MAX)));
    // "to Belarus ahead of joint drills": the word that needs the cut phrase goes with it.
    if (cut >= 45) t = t.slice(0, cut).replace(DANGLING, '').trim();
  }
  return cut(t);
}

function cut(title: string): string {
  let t = title;
  if (t.length > TITLE_MAX) {
    const head = t.slice(0, TITLE_MAX - 2);
    t = `${head.slice(0, head.lastIndexOf(' '))} …`;
  }
  t = t.replace(/[\s,;:.]+$/, '');
  return t.charAt(0).toUpperCase() + t.slice(1);
}
