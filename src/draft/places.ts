/**
 * Place mentions in an article: names found in the gazetteer (with spelling variants), adjectival forms
 * ("the Ukrainian border"), and names the gazetteer lacks (training grounds, airfields, seas), which come
 * back unresolved for the editor, never guessed.
 */
import type { Entry, Gazetteer } from './gazetteer';
import { SEA_CONTEXT_AFTER } from './seas';
import {
  ADJECTIVE_HEADS,
  ADMIN_SUFFIX,
  SHARED_ADMIN_SUFFIX,
  DIRECTIONS,
  FACILITY,
  FEATURE,
  FEATURE_OF,
  FIRST_NAMES,
  LOCATIVES,
  ORG_HEADS,
  ORG_NAMES,
  STOP_WORDS,
  TITLES,
} from './lexicon';
import { isCapitalised, looseKey, sentences, strictKey, words, type Word } from './text';
import type { DraftNote, PlaceMention } from './types';

/** Words inside a multi-word name that may be lower case ("Rostov-on-Don", "Sea of Azov"). */
const CONNECTORS = new Set(['of', 'on', 'na', 'upon', 'de', 'la', 'le', 'am', 'an', 'der', 'del', 'du', 'sur']);
const MONTHS_DAYS =
  /^(January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;

interface Match {
  start: number;
  end: number;
  /** First and last word index. */
  from: number;
  to: number;
  candidates: Entry[];
  loose: boolean;
  qualifier?: string;
  suffix?: string;
  sentenceStart: boolean;
}

/**
 * A photo credit: capitalised names, a slash, an agency, closing a line or a bracket and
 * opening a line, a bracket or a sentence ("Alex Brandon/POOL", "(Jane Doe / Example Agency)", "… Ukraine.
 * Alexander Zemlianichenko / AP"): "Kyiv/Moscow talks" mid-sentence is not one, nor the sentence before it.
 */
const CREDIT_NAME = "\\p{Lu}(?:[\\p{L}'’-]+|\\.)";
const CREDIT = new RegExp(
  `(?:(?<=^|\\()[ \\t]*|(?<=[.!?”"][ \\t]+)|\\b(?:Photo|Picture|Image|Credit|Photograph)s?[ \\t]*(?:by)?:?[ \\t]*)${CREDIT_NAME}(?:[ \\t]+${CREDIT_NAME}){0,3}[ \\t]*\\/[ \\t]*\\p{Lu}[\\p{L}&.-]*(?:[ \\t]+\\p{Lu}[\\p{L}&.-]*){0,3}(?=\\s*\\)|[ \\t]*$)`,
  'gmu',
);
/** A byline on a line of its own: "By Maria Lugova in Shakhty", "By Anna Smith, Kharkiv". */
const BYLINE = /^[ \t]*By\s+\p{Lu}[^\n.]{0,100}$/gmu;

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Word indexes that are part of a person's name: title + names, first name + names, and known surnames. */
function personWords(ws: Word[], text: string, starts: Set<number>): Set<number> {
  const person = new Set<number>();
  const surnames = new Set<string>();
  const adjacent = (i: number) => i + 1 < ws.length && /^ $/.test(text.slice(ws[i].end, ws[i + 1].start));
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i].text;
    const title = TITLES.has(w) || (TITLES.has(`${w}.`) && text[ws[i].end] === '.');
    const first = FIRST_NAMES.has(w) && adjacent(i) && isCapitalised(ws[i + 1].text);
    if (!title && !first) continue;
    let j = title ? i + 1 : i;
    // "Secretary of State Antony Blinken": skip the title's own words up to the names.
    if (title)
      while (
        j < ws.length &&
        j < i + 4 &&
        (TITLES.has(ws[j].text) || /^(of|State|Foreign|Defense|Defence|Affairs|Interior|the)$/.test(ws[j].text))
      )
        j++;
    const namesFrom = j;
    while (j < ws.length && isCapitalised(ws[j].text) && !MONTHS_DAYS.test(ws[j].text) && j - namesFrom < 3) {
      if (j > namesFrom && !/^\s$/.test(text.slice(ws[j - 1].end, ws[j].start))) break;
      person.add(j);
      j++;
    }
    if (j - namesFrom >= 2 || (first && j - namesFrom >= 2)) surnames.add(ws[j - 1].text);
    else if (title && j - namesFrom === 1 && !starts.has(ws[namesFrom].start)) surnames.add(ws[namesFrom].text);
  }
  // "Smith, the foreign minister, said"
  for (let i = 0; i < ws.length - 2; i++)
    if (
      isCapitalised(ws[i].text) &&
      /^,\s+the\s+[a-z]+ (minister|secretary|president|spokesperson|spokesman|ambassador)/.test(
        text.slice(ws[i].end, ws[i].end + 40),
      )
    )
      surnames.add(ws[i].text);
  ws.forEach((w, i) => {
    if (surnames.has(w.text)) person.add(i);
  });
  return person;
}

function scoreOf(e: Entry, focus: Map<string, number>, m: Match): number {
  let s: number;
  switch (e.kind) {
    case 'country':
      s = 10;
      break;
    case 'group':
      s = 9;
      break;
    case 'continent':
      s = 8;
      break;
    case 'sea':
      s = 9;
      break;
    case 'admin1':
      s = m.suffix ? 9 : 3;
      break;
    case 'city':
      s = 2 + Math.log10(e.population + 1) + (e.type === 'capital' ? 1 : e.type === 'admin-capital' ? 0.3 : 0);
  }
  const share = focus.get(e.country) ?? 0;
  s += 1.5 * share;
  if (m.loose) s -= 1.5;
  return s;
}

function isAdjacentRun(text: string, ws: Word[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!/^[ \-‐]$/.test(text.slice(ws[k].end, ws[k + 1].start))) return false;
  return true;
}

interface PlaceFinding {
  mentions: PlaceMention[];
  /** Countries the article is about, by share of the country-level mentions. */
  focus: Map<string, number>;
}

export function findPlaces(text: string, gaz: Gazetteer): PlaceFinding {
  const ws = words(text);
  const starts = new Set<number>();
  // The first word of each sentence; one pass over both lists (they are in text order), linear in the text.
  let wi = 0;
  for (const s of sentences(text)) {
    while (wi < ws.length && ws[wi].start < s.start) wi++;
    if (wi < ws.length) starts.add(ws[wi].start);
  }
  const person = personWords(ws, text, starts);
  const taken = new Set<number>();
  // Credits and bylines are never places: "Alex Brandon/POOL", "(Photo: Jane Doe/Example Agency)",
  // "By Maria Lugova in Shakhty" on a line of its own.
  for (const re of [CREDIT, BYLINE]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const [a, b] = [m.index, m.index + m[0].length];
      ws.forEach((w, k) => {
        if (w.start >= a && w.end <= b) taken.add(k);
      });
    }
  }
  const matches: Match[] = [];
  const unresolved: PlaceMention[] = [];

  // 1. Facilities and natural features: the whole phrase is the mention, and it is unresolved.
  for (let i = 0; i < ws.length; i++) {
    if (!isCapitalised(ws[i].text) || person.has(i) || taken.has(i)) continue;
    let to = i;
    while (to + 1 < ws.length && to - i < 3 && isCapitalised(ws[to + 1].text) && isAdjacentRun(text, ws, to, to + 1)) to++;
    for (let end = to; end >= i; end--) {
      const after = text.slice(ws[end].end, ws[end].end + 40);
      const run = ws.slice(i, end + 1).map((w) => w.text);
      const runText = text.slice(ws[i].start, ws[end].end);
      const facility = FACILITY.exec(after) ?? FEATURE.exec(after);
      if (!facility) continue;
      const single = run.length === 1;
      const known = gaz.strict.get(strictKey(runText)) ?? [];
      if (single && (gaz.adjectives.has(run[0]) || known.some((e) => e.kind === 'country'))) break;
      if (run.some((w) => ORG_NAMES.has(w) || ORG_HEADS.has(w) || MONTHS_DAYS.test(w))) break;
      if (single && starts.has(ws[i].start) && STOP_WORDS.has(run[0])) break;
      const endOffset = ws[end].end + facility[0].length;
      // "Black Sea", "Kerch Strait": a feature the gazetteer holds is resolved by the names below.
      if ((gaz.strict.get(strictKey(text.slice(ws[i].start, endOffset))) ?? []).some((e) => e.kind === 'sea')) break;
      const namesakes = known.slice(0, 3);
      unresolved.push({
        text: text.slice(ws[i].start, endOffset),
        start: ws[i].start,
        end: endOffset,
        form: 'name',
        entry: null,
        feature: facility[1].toLowerCase(),
        draft: {
          confidence: 0.8,
          alternatives: namesakes.map((e) => ({
            id: e.id,
            label: `${e.name} (${e.kind}, ${e.country || '—'}): a namesake, not the ${facility[1].toLowerCase()}`,
          })),
          notes: [
            `a ${facility[1].toLowerCase()} the gazetteer of populated places does not hold: place it by hand, or leave it out`,
          ],
        },
      });
      for (let k = i; k <= end; k++) taken.add(k);
      let k = end + 1;
      while (k < ws.length && ws[k].start < endOffset) taken.add(k++);
      break;
    }
  }

  // 2. Names in the gazetteer: longest first, capitalised, with their administrative forms.
  for (let i = 0; i < ws.length; i++) {
    if (taken.has(i) || person.has(i) || !isCapitalised(ws[i].text) || /^the$/i.test(ws[i].text)) continue;
    for (let n = Math.min(gaz.maxWords, ws.length - i); n >= 1; n--) {
      const to = i + n - 1;
      if (!isAdjacentRun(text, ws, i, to)) continue;
      const inner = ws.slice(i, to + 1);
      if (!isCapitalised(inner[n - 1].text) || inner.some((w, k) => k > 0 && !isCapitalised(w.text) && !CONNECTORS.has(w.text)))
        continue;
      if (inner.some((_, k) => taken.has(i + k) || person.has(i + k))) continue;
      const surface = text.slice(ws[i].start, ws[to].end);
      let candidates = gaz.strict.get(strictKey(surface)) ?? [];
      let loose = false;
      if (!candidates.length && surface.length >= 5) {
        candidates = gaz.loose.get(looseKey(surface)) ?? [];
        loose = candidates.length > 0;
      }
      if (!candidates.length) continue;
      // "White House", "Foreign Ministry": an organisation, whatever town shares the words.
      if (n > 1 && ORG_HEADS.has(inner[n - 1].text) && candidates.every((e) => e.kind === 'city' || e.kind === 'admin1'))
        continue;
      const sentenceStart = starts.has(ws[i].start);
      if (n === 1) {
        const w = ws[i].text;
        // "the Baltic", "Caspian fleets": a sea's short name where the words say a sea is meant.
        const seas = candidates.filter((e) => e.kind === 'sea');
        const seaSaid =
          seas.length > 0 &&
          (SEA_CONTEXT_AFTER.test(text.slice(ws[i].end, ws[i].end + 20)) ||
            (/\bthe\s+$/i.test(text.slice(Math.max(0, ws[i].start - 5), ws[i].start)) &&
              !/^\s+(states|countries|republics|nations|region)\b/i.test(text.slice(ws[i].end, ws[i].end + 20))));
        if (seaSaid) candidates = seas;
        else if (STOP_WORDS.has(w) || MONTHS_DAYS.test(w)) continue;
        else candidates = candidates.filter((e) => e.kind !== 'sea');
        if (FIRST_NAMES.has(w)) candidates = candidates.filter((e) => e.kind === 'country');
        if (!candidates.length) continue;
      }
      // "Kyiv Post", "Moscow Times": part of an organisation's name.
      const next = ws[to + 1];
      if (next && isAdjacentRun(text, ws, to, to + 1) && ORG_HEADS.has(next.text) && candidates.every((e) => e.kind === 'city'))
        break;
      const m: Match = { start: ws[i].start, end: ws[to].end, from: i, to, candidates, loose, sentenceStart };
      const suffix = ADMIN_SUFFIX.exec(text.slice(m.end, m.end + 20));
      const shared = suffix ? null : SHARED_ADMIN_SUFFIX.exec(text.slice(m.end, m.end + 60));
      if (suffix || shared) {
        const admin = candidates.filter((e) => e.kind === 'admin1');
        // "Rostov region": the unit whose name it is; a city alone ("Kharkiv region" when only the city is
        // listed under that spelling) leads to the unit of the same country by its own names.
        const units = admin.length
          ? admin
          : gaz.entries.filter(
              (e) =>
                e.kind === 'admin1' && candidates.some((c) => c.country === e.country && strictKey(e.name) === strictKey(c.name)),
            );
        if (units.length) {
          m.candidates = units;
          if (suffix) {
            m.suffix = suffix[1];
            m.end += suffix[0].length;
          } else if (shared) m.suffix = shared[1].replace(/^(territor|count)$/, '$1y');
        }
      }
      const prev = ws[i - 1];
      if (prev && DIRECTIONS.test(prev.text) && /^ $/.test(text.slice(prev.end, ws[i].start))) {
        m.qualifier = prev.text.toLowerCase();
        m.start = prev.start;
      }
      matches.push(m);
      for (let k = i; k <= to; k++) taken.add(k);
      let k = to + 1;
      while (k < ws.length && ws[k].start < m.end) taken.add(k++);
      break;
    }
  }

  // 3. The article's country focus: the share of country-level evidence from unambiguous mentions.
  const counts = new Map<string, number>();
  for (const m of matches) {
    const countries = new Set(m.candidates.map((e) => e.country).filter(Boolean));
    if (countries.size === 1) {
      const c = [...countries][0];
      counts.set(c, (counts.get(c) ?? 0) + 1);
    }
  }
  const total = [...counts.values()].reduce((a, b) => a + b, 0) || 1;
  const focus = new Map([...counts].map(([c, n]) => [c, n / total]));

  const mentions: PlaceMention[] = [...unresolved];
  for (const m of matches) {
    const ranked = m.candidates
      .map((e) => ({ e, s: scoreOf(e, focus, m) }))
      .sort((a, b) => b.s - a.s || b.e.population - a.e.population || a.e.id.localeCompare(b.e.id));
    const best = ranked[0];
    const notes: DraftNote[] = [];
    // A small town at the start of a sentence, or a village anywhere, is weak evidence on its own.
    if (best.e.kind === 'city' && best.e.population < 100_000 && m.sentenceStart && m.from === m.to) continue;
    const margin = ranked.length > 1 ? best.s - ranked[1].s : 4;
    let confidence = 1 / (1 + Math.exp(-margin));
    if (best.e.kind === 'city' && best.e.population < 10_000) confidence *= 0.7;
    if (best.e.kind === 'admin1' && !m.suffix) confidence *= 0.7;
    if (m.loose) {
      confidence *= 0.7;
      notes.push('matched by a loose spelling key (yo/e, kh/h/g, w/v, j/y): check the spelling');
    }
    if (m.qualifier)
      notes.push(`the article says "${text.slice(m.start, m.end)}": a part of ${best.e.name}, drawn as a zone by the editor`);
    if (best.e.kind === 'continent' || best.e.kind === 'group')
      notes.push(`${best.e.name} is a ${best.e.kind}: the editor decides how to draw it`);
    mentions.push({
      text: text.slice(m.start, m.end),
      start: m.start,
      end: m.end,
      form: 'name',
      entry: best.e.id,
      ...(m.qualifier ? { qualifier: m.qualifier } : {}),
      ...(m.suffix ? { suffix: m.suffix } : {}),
      ...(best.e.kind === 'country' &&
      /\b(border|borders|frontier)\s+with\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, m.start - 30), m.start))
        ? { relation: 'border' as const }
        : {}),
      draft: {
        confidence: round2(confidence),
        alternatives: ranked.slice(1, 4).map(({ e }) => ({ id: e.id, label: `${e.name} (${e.kind}, ${e.country || '—'})` })),
        notes,
      },
    });
  }

  // 4. Adjectival forms with a head noun of place or force: "the Ukrainian border", "Russian troops".
  // The characters mentions cover, kept as they are added: a lookup per word, not a scan of all mentions.
  const covered = new Uint8Array(text.length + 1);
  const cover = (m: { start: number; end: number }) => covered.fill(1, m.start, m.end);
  mentions.forEach(cover);
  const used = (start: number, end: number) => covered.subarray(start, end).includes(1);
  for (let i = 0; i < ws.length; i++) {
    const entry = gaz.adjectives.get(ws[i].text);
    if (!entry || used(ws[i].start, ws[i].end)) continue;
    const after = ws.slice(i + 1, i + 3).map((w) => w.text.toLowerCase());
    const head = after.findIndex((w) => ADJECTIVE_HEADS.has(w));
    if (head < 0 || !isAdjacentRun(text, ws, i, i + 1 + head)) continue;
    if (/[-‐]$/.test(text.slice(Math.max(0, ws[i].start - 1), ws[i].start))) continue; // "pro-Russian"
    mentions.push({
      text: ws[i].text,
      start: ws[i].start,
      end: ws[i].end,
      form: 'adjective',
      entry: entry.id,
      head: after[head],
      ...(/^(border|borders|frontier)$/.test(after[head]) ? { relation: 'border' as const } : {}),
      draft: {
        confidence: 0.6,
        alternatives: [],
        notes: [`adjective "${ws[i].text} … ${after[head]}": where it happened is ${entry.name} only if the sentence says so`],
      },
    });
    cover(mentions[mentions.length - 1]);
  }

  // 5. Capitalised names after "in", "near", "at"… that nothing above explained: unresolved for the editor.
  for (let i = 1; i < ws.length; i++) {
    if (taken.has(i) || person.has(i) || !isCapitalised(ws[i].text) || used(ws[i].start, ws[i].end)) continue;
    const before = text.slice(Math.max(0, ws[i].start - 16), ws[i].start);
    const prep = /(?:^|\s)(\p{L}+)\s+(?:the\s+)?$/u.exec(before);
    if (!prep || !LOCATIVES.has(prep[1].toLowerCase())) continue;
    let to = i;
    while (to + 1 < ws.length && to - i < 2 && isCapitalised(ws[to + 1].text) && isAdjacentRun(text, ws, to, to + 1)) to++;
    const run = ws.slice(i, to + 1).map((w) => w.text);
    if (
      run.some(
        (w) =>
          ORG_HEADS.has(w) ||
          ORG_NAMES.has(w) ||
          TITLES.has(w) ||
          FIRST_NAMES.has(w) ||
          MONTHS_DAYS.test(w) ||
          gaz.adjectives.has(w),
      ) ||
      /^(The|A|An|This|That|These|Those|His|Her|Its|Their|Our|West|East)$/.test(run[0]) ||
      // "the Republic", "the Federation": a common word; an ocean or sea's own name ("the Arctic") is not.
      (run.length === 1 && STOP_WORDS.has(run[0]) && !/^(Pacific|Atlantic|Arctic|Baltic|Caspian)$/.test(run[0])) ||
      (/^\p{Lu}+$/u.test(run[0]) === true && run[0].length <= 4)
    )
      continue;
    const feature = FEATURE_OF.exec(before);
    const start = feature ? ws[i].start - feature[0].trimStart().replace(/^the\s+/, '').length : ws[i].start;
    mentions.push({
      text: text.slice(start, ws[to].end),
      start,
      end: ws[to].end,
      form: 'name',
      entry: null,
      feature: feature ? feature[1].toLowerCase() : 'unknown',
      draft: {
        confidence: 0.4,
        alternatives: [],
        notes: [
          `after "${prep[1]}", a name the gazetteer does not hold: a place (sea, region, facility) to draw by hand, or not a place`,
        ],
      },
    });
    cover(mentions[mentions.length - 1]);
    for (let k = i; k <= to; k++) taken.add(k);
  }

  mentions.sort((a, b) => a.start - b.start || b.end - a.end);
  return { mentions, focus };
}
