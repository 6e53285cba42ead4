/**
 * How many actions a person needs to bring a draft to the catalogue they keep (issue: "a 1,100-character
 * wire story in ≤ 15 actions"):
 *
 *   npx tsx tests/bench/review-actions.ts
 *
 * For each drafting fixture with a `review-gold.json` (the catalogue a careful editor keeps, written by
 * hand), drafts the article as `npm run draft` does and counts what the review screen needs, action by
 * action, at the least:
 * - a place the gold keeps: nothing when the catalogue has it drawn the same way (the event's place is
 *   ticked); nothing when the draft proposes it drawn the same way and a kept event names it (a kept
 *   event keeps the places it names: editor/model.ts acceptEvent), else accept that proposal (1); or
 *   search the gazetteer and add it (2); a kind or precision changed (1 each). A proposed place a kept
 *   draft event brings with it but the gold does not keep costs its untick only (counted below): a
 *   place that only came with an event goes back to proposed when no kept event names it;
 * - an event: the draft event quoting the same words (most overlap, each draft event used once) is
 *   kept, the cheaper way of two: each accepted (1 each), or the unkept draft events with a place
 *   rejected (1 each) and then "Accept the rest" (1), the kept ones without a place accepted (1 each);
 *   and each field that differs is set (title, category, site, date (unless the catalogue reads both as the same
 *   days), claimant, its kind,
 *   stance: 1 each; a place or `about` ticked or unticked: 1 each; a gold excerpt that no draft excerpt
 *   holds: select and add, 2; a draft excerpt quoting none of the gold's words removed: 1; a figure added: select and add, 2, plus 1 for each of value, unit, qualifier the
 *   editor's figure reader gets wrong; one removed: 1). A gold event no draft event quotes is added from
 *   its words (select and add, 2) and then set as above, from what a new event starts with;
 * - the draft's proposals the gold does not keep cost nothing (left proposed, they are not saved);
 * - Save (1).
 * Actions, not seconds: a figure of the draft's quality that a noisy machine cannot skew.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { DateError, resolveDate, resolveEventDate } from '../../src/catalogue/dates';
import type { CatalogueEvent, Place, PlaceGeometry, Quantity } from '../../src/catalogue/schema';
import { draftArticle, type DraftContext } from '../../src/draft/draft';
import { loadGazetteer } from '../../src/draft/gazetteer';
import { claimantsBefore, eventFromSelection, figureFromSelection } from '../../src/editor/model';
import { readBasemap } from '../../src/layers/basemap';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIX = path.join(ROOT, 'tests/fixtures/draft');
const read = (rel: string) => readFileSync(path.join(ROOT, rel), 'utf8');

interface GoldEvent {
  excerpts: string[];
  title: string;
  category: string;
  site: string;
  date: string;
  claim: CatalogueEvent['claim'];
  places: string[];
  about?: string[];
  quantities?: Quantity[];
}
interface Gold {
  published: string;
  places: (Pick<Place, 'id' | 'kind' | 'precision'> & { geometry: PlaceGeometry })[];
  events: GoldEvent[];
}

export interface Tally {
  article: string;
  characters: number;
  actions: number;
  /** Actions by what they are for. */
  by: Record<string, number>;
  /** Each action with what it is about (the gold event's first words, or the place): `--explain`. */
  log: string[];
  /** Characters typed into fields (titles, dates, claimants, figures' words), for the time model. */
  typed: number;
  /** Words of the article, read once before the review, for the time model. */
  words: number;
}

/**
 * The keystroke-level model's operators (Card, Moran and Newell, 1980; the values their book gives): a
 * point at a target and a click, a mental preparation before each action, a keystroke of an average
 * typist; and reading at 250 words a minute. A model of an expert's time, not a measurement of a person.
 */
export const KLM = { point: 1.1, click: 0.2, think: 1.35, keystroke: 0.28, readWordsPerMinute: 250 } as const;

/** The model's minutes for a tally: reading the article, then each action pointed, clicked and thought, and each character typed. */
export const modelMinutes = (t: Pick<Tally, 'actions' | 'typed' | 'words'>): number =>
  ((t.words / KLM.readWordsPerMinute) * 60 + t.actions * (KLM.point + KLM.click + KLM.think) + t.typed * KLM.keystroke) / 60;

export function reviewActions(name: string, ctx: DraftContext): Tally {
  const dir = path.join(FIX, name);
  const gold = JSON.parse(readFileSync(path.join(dir, 'review-gold.json'), 'utf8')) as Gold;
  const { text, draft, source } = draftArticle(
    readFileSync(path.join(dir, 'article.txt'), 'utf8'),
    { id: name, publisher: 'Bench', published: gold.published, textName: `${name}.txt`, capturedFrom: 'article.txt' },
    ctx,
  );
  const by: Record<string, number> = {};
  const log: string[] = [];
  let about = '';
  let typed = 0;
  const add = (what: string, n = 1, typing = '') => {
    if (!n) return;
    typed += typing.length;
    by[what] = (by[what] ?? 0) + n;
    log.push(`${n} ${what}${about ? `: ${about}` : ''}`);
  };
  const key = (g: PlaceGeometry) => JSON.stringify(g);

  // Places: the gold's geometry → the key an event's place list is compared by.
  const goldKey = new Map(gold.places.map((p) => [p.id, key(p.geometry)]));
  const draftKey = new Map(draft.places.map((p) => [p.id, key(p.geometry)]));
  const goldNamed = new Set(gold.events.flatMap((e) => [...e.places, ...(e.about ?? [])]));
  for (const p of gold.places) {
    about = p.id;
    // The catalogue's own place: ticked on the event, nothing to accept.
    if (ctx.existing.some((e) => isDeepStrictEqual(e.geometry, p.geometry))) continue;
    const proposed = draft.places.find((d) => isDeepStrictEqual(d.geometry, p.geometry));
    // Kept with the event that names it, once that event is accepted or the place ticked on it.
    if (proposed && !goldNamed.has(p.id)) add('place accepted');
    else if (!proposed) add('place searched and added', 2);
    const kept = proposed ?? p;
    add('place kind or precision set', Number(kept.kind !== p.kind) + Number(kept.precision !== p.precision));
  }

  const at = (words: string) => {
    const start = text.indexOf(words);
    if (start < 0) throw new Error(`${name}/review-gold.json: "${words}" is not in the drafted text`);
    return { start, end: start + words.length };
  };
  const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) =>
    Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
  const drafted = [...draft.events, ...draft.pending];
  const used = new Set<number>();
  let oneByOne = 0;
  let withoutPlace = 0;
  const toggles = (have: string[], want: string[]) => {
    const [h, w] = [new Set(have), new Set(want)];
    return [...h].filter((x) => !w.has(x)).length + [...w].filter((x) => !h.has(x)).length;
  };
  const same = (a: string | undefined, b: string | undefined) =>
    (a ?? '').trim().toLowerCase() === (b ?? '').trim().toLowerCase();

  for (const g of gold.events) {
    about = g.excerpts[0].slice(0, 50);
    const spans = g.excerpts.map(at);
    let best = -1;
    let most = 0;
    drafted.forEach((d, i) => {
      if (used.has(i)) return;
      const o = spans.reduce((sum, s) => sum + d.excerpts.reduce((t, x) => t + overlap(s, x), 0), 0);
      if (o > most) [best, most] = [i, o];
    });
    let start: CatalogueEvent;
    if (best >= 0) {
      used.add(best);
      start = drafted[best];
      oneByOne++;
      if (start.places.length === 0) withoutPlace++;
    } else {
      start = eventFromSelection(text, spans[0], source.id, [], {
        published: source.published,
        claimants: claimantsBefore(drafted, spans[0].start),
      });
      add('event added from selected words', 2);
    }
    add('title typed', Number(start.title !== g.title), g.title);
    if (start.title !== g.title) log.push(`    draft "${start.title}" / gold "${g.title}"`);
    add('category set', Number(start.category !== g.category));
    if (start.category !== g.category) log.push(`    draft ${start.category} / gold ${g.category}`);
    add('site set', Number(start.site !== g.site));
    add('date typed', Number(!sameDate(start.date, g.date, gold.published)), g.date);
    add('claimant typed', Number(!same(start.claim.by, g.claim.by)), g.claim.by);
    add('claim kind set', Number(start.claim.kind !== g.claim.kind));
    add('stance set', Number(start.claim.stance !== g.claim.stance));
    const placeKeys = (ids: string[] | undefined, keys: Map<string, string>) => (ids ?? []).map((id) => keys.get(id) ?? id);
    add('place ticked or unticked', toggles(placeKeys(start.places, draftKey), placeKeys(g.places, goldKey)));
    if (toggles(placeKeys(start.places, draftKey), placeKeys(g.places, goldKey)))
      log.push(`    draft ${JSON.stringify(start.places)} / gold ${JSON.stringify(g.places)}`);
    add('about ticked or unticked', toggles(placeKeys(start.about, draftKey), placeKeys(g.about, goldKey)));
    // A draft excerpt that holds the gold's words (the whole sentence round them) serves as it is.
    const covers = (x: { start: number; end: number }, s: { start: number; end: number }) => x.start <= s.start && x.end >= s.end;
    add('excerpt selected and added', 2 * spans.filter((s) => !start.excerpts.some((x) => covers(x, s))).length);
    add('excerpt removed', start.excerpts.filter((x) => !spans.some((s) => overlap(x, s) > 0)).length);
    const figure = (q: Quantity) => `${q.value}|${q.unit.toLowerCase()}|${(q.qualifier ?? '').toLowerCase()}`;
    const drafts = (start.quantities ?? []).map(figure);
    const golds = (g.quantities ?? []).map(figure);
    add('figure removed', drafts.filter((q) => !golds.includes(q)).length);
    for (const q of g.quantities ?? []) {
      if (drafts.includes(figure(q))) continue;
      add('figure selected and added', 2);
      const read = figureFromSelection(text, at(q.text));
      const wrong = read
        ? [
            read.value !== q.value && String(q.value),
            !same(read.unit, q.unit) && q.unit,
            !same(read.qualifier, q.qualifier) && (q.qualifier ?? ''),
          ]
        : [String(q.value), q.unit, q.qualifier ?? ''];
      const typing = wrong.filter((x): x is string => typeof x === 'string');
      add('figure value, unit or qualifier typed', typing.length, typing.join(''));
    }
  }
  about = '';
  // Kept events: one by one, or the unkept rejected and the rest accepted at once.
  const unkept = drafted.filter((d, i) => !used.has(i) && d.places.length > 0).length;
  if (1 + unkept + withoutPlace < oneByOne) {
    add('event rejected before "Accept the rest"', unkept);
    add('"Accept the rest"');
    add('event accepted', withoutPlace);
  } else add('event accepted', oneByOne);
  add('save');
  const actions = Object.values(by).reduce((a, b) => a + b, 0);
  return { article: name, characters: text.length, actions, by, log, typed, words: text.split(/\s+/).filter(Boolean).length };
}

/**
 * Two dates a person leaves as they are: the same words, or words the catalogue reads as the same days
 * ("now" and "as of publication"). A date the catalogue cannot read is only its words.
 */
function sameDate(drafted: CatalogueEvent['date'], gold: string, published: string): boolean {
  if (drafted.expr.trim().toLowerCase() === gold.trim().toLowerCase()) return true;
  try {
    const [a, b] = [resolveEventDate(drafted, published), resolveDate(gold, published)];
    return a.value === b.value && a.precision === b.precision;
  } catch (err) {
    if (err instanceof DateError) return false;
    throw err;
  }
}

/** What drafting reads, as `npm run draft` reads it from this repository: gazetteer, basemap, and (if asked) the catalogue's places. */
export function benchDraftContext({ catalogue = false } = {}): DraftContext {
  return {
    gazetteer: loadGazetteer(),
    basemap: readBasemap(ROOT).index,
    existing: catalogue ? (JSON.parse(read('geodata/catalogue/places.json')) as { places: Place[] }).places : [],
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const ctx = benchDraftContext({ catalogue: true });
  const names = readdirSync(FIX).filter((d) => existsSync(path.join(FIX, d, 'review-gold.json')));
  const tallies = names.map((n) => reviewActions(n, ctx));
  console.log('article              chars  actions  per 1,000 chars  typed  model minutes');
  for (const t of tallies)
    console.log(
      `${t.article.padEnd(20)} ${String(t.characters).padStart(5)}  ${String(t.actions).padStart(7)}  ${(t.actions / (t.characters / 1000)).toFixed(1).padStart(15)}  ${String(t.typed).padStart(5)}  ${modelMinutes(t).toFixed(1).padStart(13)}`,
    );
  console.log(
    `model minutes: the keystroke-level model (reading at ${KLM.readWordsPerMinute} words a minute; each action ${(KLM.point + KLM.click + KLM.think).toFixed(2)} s to point, click and think; ${KLM.keystroke} s a character typed): an estimate, not a person timed`,
  );
  const total = tallies.reduce((s, t) => ({ a: s.a + t.actions, c: s.c + t.characters }), { a: 0, c: 0 });
  console.log(`all: ${total.a} actions for ${total.c} characters, ${(total.a / (total.c / 1000)).toFixed(1)} per 1,000`);
  const by: Record<string, number> = {};
  for (const t of tallies) for (const [k, v] of Object.entries(t.by)) by[k] = (by[k] ?? 0) + v;
  if (process.argv.includes('--explain')) for (const t of tallies) console.log(`\n${t.article}:\n  ${t.log.join('\n  ')}\n`);
  console.log('by kind of action:');
  for (const [k, v] of Object.entries(by).sort((a, b) => b[1] - a[1])) console.log(`  ${String(v).padStart(4)}  ${k}`);
}
