/**
 * Seeded synthetic catalogues for the benchmark and the tests of scale (here, not under bench/, so the
 * unit tier does not depend on the benchmark's code), built through the real pipeline: a source text whose
 * sentences are the excerpts, places and events as an editor would write them, validated and built by
 * buildLayers (src/layers/build.ts) against the real basemap. Same seed and size, same bytes.
 *
 * The catalogue: most events at points spread over Ukraine, Belarus and western Russia (several events
 * share a point), a quarter on basemap units (oblasts, Belarus' regions, Russia's western subjects), a
 * few on whole countries, and two anchors the interaction benchmark clicks: Kyiv and Minsk, each with
 * a sentence it can wait for in the Excerpts panel.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Geometry, Position } from 'geojson';
import { readBasemap, type Basemap } from '../../src/layers/basemap';
import { buildLayers, type BuildInput, type BuildOptions } from '../../src/layers/build';
import type { CatalogueEvent, Claim, Place, Side, Source, SourceBlock } from '../../src/catalogue/schema';
import { CATEGORIES, type Category } from '../../src/catalogue/vocabulary';
import { addDays } from '../../src/story/time';
import { mulberry32 } from './prng';

/** Ukraine, Belarus and western Russia: where the synthetic points fall. [west, south, east, north] */
export const REGION_BBOX: [number, number, number, number] = [22, 44.5, 50, 60];
const COUNTRIES = ['UA', 'BY', 'RU'];

/** The places the interaction benchmark clicks, and the sentence each one's first event quotes. */
export const ANCHORS = [
  {
    id: 'bench-kyiv',
    gazetteer: 'geonames:703448',
    name: 'Kyiv',
    lngLat: [30.5238, 50.4547] as [number, number],
    sentence: 'The benchmark anchor event took place in Kyiv on Tuesday.',
  },
  {
    id: 'bench-minsk',
    gazetteer: 'geonames:625144',
    name: 'Minsk',
    lngLat: [27.5667, 53.9] as [number, number],
    sentence: 'The second benchmark anchor event took place in Minsk this week.',
  },
] as const;

const SUBJECTS = ['Troops', 'Armoured units', 'Artillery crews', 'Engineers', 'Air defence units', 'Convoys', 'Officials'];
const VERBS = ['were reported', 'were seen', 'assembled', 'moved', 'held exercises', 'set up camp', 'were announced'];
const DATES = [
  { expr: 'Tuesday', words: 'on Tuesday' },
  { expr: 'this week', words: 'this week' },
  { expr: 'next month', words: 'next month' },
  { expr: 'last week', words: 'last week' },
  { expr: 'undated', words: '' },
];
/** Some categories are much more common than others, as in real reporting. */
const CATEGORY_WEIGHTS: Partial<Record<Category, number>> = { troops: 6, drills: 4, aircraft: 2, diplomacy: 2, statement: 2 };

function pickWeighted<T extends string>(rand: () => number, items: readonly T[], weights: Partial<Record<T, number>>): T {
  const total = items.reduce((s, x) => s + (weights[x] ?? 1), 0);
  let r = rand() * total;
  for (const x of items) if ((r -= weights[x] ?? 1) < 0) return x;
  return items[items.length - 1];
}

/** A rough centre: the middle of the geometry's bounding box. */
function centre(g: Geometry): Position {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      const [x, y] = c as number[];
      [w, s, e, n] = [Math.min(w, x), Math.min(s, y), Math.max(e, x), Math.max(n, y)];
    } else if (Array.isArray(c)) c.forEach(visit);
  };
  if ('coordinates' in g) visit(g.coordinates);
  return [(w + e) / 2, (s + n) / 2];
}

/** One article of a synthetic catalogue: its record, its text, its events and its events file's sides. */
export interface SyntheticArticle {
  source: Source;
  text: string;
  events: CatalogueEvent[];
  /** The events file's `claimants` map (schema.ts); none for the single article, whose claimant has no side. */
  claimants?: Record<string, Side>;
}

export interface SyntheticCatalogue {
  /** The first article (by default the only one). */
  source: Source;
  text: string;
  places: Place[];
  /** Every event, of every article, in order (ev-0, ev-1, …). */
  events: CatalogueEvent[];
  articles: SyntheticArticle[];
}

export interface SyntheticOptions {
  seed?: number;
  /**
   * How many articles the events are spread over (default 1). From 2 on, each is a source of its own
   * with its own text and events file, and every claim has a claimant with a side.
   */
  sources?: number;
}

/** Where the several-source catalogue's articles start: over four weeks from here. */
const FIRST_PUBLISHED = '2022-01-10';
const WEEKS_OF_ARTICLES = 4;
/** Agency stories some articles carry: every tenth from the first carries one, every tenth from the sixth the other. */
const AGENCY = ['Synthetic Agency: troops at the border', 'Synthetic Agency: the exercises'];
/**
 * The claimants of the several-source catalogue and their sides; the last is the outlet's own reporting
 * (kind 'article': side 'media' by its kind, in no file's map).
 */
const CLAIMANTS: { claim: Omit<Claim, 'stance'>; side: Side | null }[] = [
  { claim: { by: 'the synthetic defence ministry', kind: 'government' }, side: 'russia' },
  { claim: { by: 'the synthetic general staff', kind: 'government' }, side: 'ukraine' },
  { claim: { by: 'a synthetic U.S. official', kind: 'official' }, side: 'us' },
  { claim: { by: 'a synthetic alliance spokesperson', kind: 'person' }, side: 'nato' },
  { claim: { by: 'a synthetic foreign ministry', kind: 'government' }, side: 'other-government' },
  { claim: { by: "the outlet's own reporting", kind: 'article' }, side: null },
];
/** The share of the several-source catalogue's events at Kyiv's anchor: about 50 of 5,000. */
const BUSY_SHARE = 0.01;

/**
 * An article's text from its sentences: a headline, then paragraphs of eight sentences; the offsets of
 * each sentence, in order.
 */
function articleText(headline: string, sentences: string[]) {
  const parts: string[] = [headline];
  const blocks: SourceBlock[] = [{ kind: 'headline', start: 0, end: headline.length }];
  const spans: { start: number; end: number; text: string }[] = [];
  let offset = headline.length;
  for (let i = 0; i < sentences.length; i += 8) {
    const paragraph = sentences.slice(i, i + 8);
    offset += 2; // the blank line before the paragraph
    const text = paragraph.join(' ');
    parts.push(text);
    blocks.push({ kind: 'paragraph', start: offset, end: offset + text.length });
    let at = offset;
    for (const sentence of paragraph) {
      spans.push({ start: at, end: at + sentence.length, text: sentence });
      at += sentence.length + 1;
    }
    offset += text.length;
  }
  return { text: parts.join('\n\n') + '\n', blocks, spans };
}

/** Basemap units (ISO 3166-2) of the three countries whose centre lies in the region. */
export function regionUnits(basemap: Basemap): string[] {
  const [w, s, e, n] = REGION_BBOX;
  return [...basemap.units]
    .filter(([code]) => COUNTRIES.some((c) => code.startsWith(`${c}-`)))
    .filter(([, g]) => {
      const [x, y] = centre(g);
      return x >= w && x <= e && y >= s && y <= n;
    })
    .map(([code]) => code)
    .sort();
}

/**
 * `n` events: 2 anchors, then 70 % at random points (about two events per point), 25 % on region units,
 * 5 % on whole countries. With several sources (options.sources), about 1 % more at Kyiv's anchor.
 */
export function syntheticCatalogue(n: number, basemap: Basemap, options: SyntheticOptions = {}): SyntheticCatalogue {
  const seed = options.seed ?? 20220126;
  const articleCount = options.sources ?? 1;
  if (!Number.isInteger(articleCount) || articleCount < 1 || articleCount > Math.max(1, n))
    throw new Error(`a synthetic catalogue of ${n} events has 1 to ${Math.max(1, n)} sources, not ${articleCount}`);
  const several = articleCount > 1;
  const rand = mulberry32(seed ^ n);
  // The several-source catalogue's own draws (article, claimant, busy place) come from a stream of their
  // own, so that the single article's draws, and its bytes, are what they always were.
  const spread = mulberry32((seed ^ n) + articleCount);
  const int = (k: number) => Math.floor(rand() * k);
  const units = regionUnits(basemap);
  const [w, s, e, north] = REGION_BBOX;
  const round = (x: number) => Math.round(x * 1e4) / 1e4;

  const places: Place[] = ANCHORS.map((a) => ({
    id: a.id,
    names: { en: `${a.name} (benchmark)` },
    kind: 'city',
    geometry: { gazetteer: a.gazetteer },
    precision: 'city',
    basis: 'article',
  }));
  const pointCount = Math.max(1, Math.round(n * 0.35));
  for (let i = 0; i < pointCount; i++) {
    places.push({
      id: `pt-${i}`,
      names: { en: `Point ${i}` },
      kind: 'city',
      geometry: { point: [round(w + rand() * (e - w)), round(s + rand() * (north - s))] },
      precision: i % 5 === 0 ? 'exact' : 'city',
      basis: 'article',
    });
  }
  for (const code of units) {
    places.push({
      id: `unit-${code.toLowerCase()}`,
      names: { en: `Region ${code}` },
      kind: 'region',
      geometry: { units: [code] },
      precision: 'region',
      basis: 'article',
    });
  }
  for (const c of COUNTRIES) {
    places.push({
      id: `country-${c.toLowerCase()}`,
      names: { en: `Country ${c}` },
      kind: 'country',
      geometry: { countries: [c] },
      precision: 'country',
      basis: 'article',
    });
  }

  // Each event quotes its own sentence; the articles' texts are made from them below.
  const events: CatalogueEvent[] = [];
  const sentences: string[] = [];
  /** The article of each event (the anchors' is the first). */
  const articleOf: number[] = [];
  for (let i = 0; i < n; i++) {
    const anchor = ANCHORS[i];
    const r = rand();
    const drawn = anchor
      ? anchor.id
      : r < 0.7
        ? `pt-${int(pointCount)}`
        : r < 0.95
          ? `unit-${units[int(units.length)].toLowerCase()}`
          : `country-${COUNTRIES[int(COUNTRIES.length)].toLowerCase()}`;
    const place = several && !anchor && spread() < BUSY_SHARE ? ANCHORS[0].id : drawn;
    const date = anchor ? DATES[i] : DATES[int(DATES.length)];
    const subject = SUBJECTS[int(SUBJECTS.length)];
    const withQuantity = !anchor && rand() < 0.1;
    const quantity = 100 * (1 + int(90));
    const sentence = anchor
      ? anchor.sentence
      : `${withQuantity ? `About ${quantity.toLocaleString('en-US')} troops` : subject} ${VERBS[int(VERBS.length)]} at ${place}${
          date.words ? ` ${date.words}` : ''
        } (report ${i}).`;
    sentences.push(sentence);
    const category = anchor ? 'troops' : pickWeighted(rand, CATEGORIES, CATEGORY_WEIGHTS);
    const claimant = several ? CLAIMANTS[Math.floor(spread() * CLAIMANTS.length)].claim : null;
    articleOf.push(several && !anchor ? Math.floor(spread() * articleCount) : 0);
    events.push({
      id: `ev-${i}`,
      source: 'synthetic',
      places: [place],
      site: 'happened',
      category,
      title: `Synthetic event ${i}`,
      date: { expr: date.expr },
      ...(withQuantity
        ? {
            quantities: [
              { value: quantity, unit: 'troops', qualifier: 'about', text: `${quantity.toLocaleString('en-US')} troops` },
            ],
          }
        : {}),
      claim: claimant
        ? { ...claimant, stance: claimant.kind === 'government' && spread() < 0.05 ? 'denied' : 'reported' }
        : { by: 'a synthetic wire report', kind: 'official', stance: 'reported' },
      // Filled in below, once the sentence's offsets are known.
      excerpts: [],
    });
  }

  const articles: SyntheticArticle[] = [];
  for (let k = 0; k < articleCount; k++) {
    const own = events.flatMap((ev, i) => (articleOf[i] === k ? [i] : []));
    const id = several ? `synthetic-${String(k + 1).padStart(String(articleCount).length, '0')}` : 'synthetic';
    const headline = several
      ? `Synthetic situation report ${k + 1} of ${articleCount}: ${own.length.toLocaleString('en-US')} events`
      : `Synthetic situation report: ${n.toLocaleString('en-US')} events`;
    const { text, blocks, spans } = articleText(
      headline,
      own.map((i) => sentences[i]),
    );
    own.forEach((i, j) => {
      events[i].source = id;
      events[i].excerpts = [spans[j]];
    });
    const carries = several ? AGENCY[[0, 5].indexOf(k % 10)] : undefined;
    const source: Source = {
      id,
      title: headline,
      publisher: several ? `Synthetic Outlet ${k + 1}` : 'Synthetic Wire',
      published: several ? addDays(FIRST_PUBLISHED, Math.floor((k * 7 * WEEKS_OF_ARTICLES) / articleCount)) : '2022-01-26',
      text: `${id}.txt`,
      captured_from: 'tests/support/synthetic.ts',
      removed: [],
      captions: [],
      blocks,
      ...(carries ? { carries } : {}),
    };
    const mine = own.map((i) => events[i]);
    const claimants = several
      ? Object.fromEntries(
          CLAIMANTS.filter((c) => c.side && mine.some((ev) => ev.claim.by === c.claim.by)).map((c) => [c.claim.by, c.side!]),
        )
      : undefined;
    articles.push({ source, text, events: mine, ...(claimants ? { claimants } : {}) });
  }
  return { source: articles[0].source, text: articles[0].text, places, events, articles };
}

/** What buildLayers reads of a synthetic catalogue: each article's record and text, the places, one events file an article. */
export function syntheticInput(c: SyntheticCatalogue, basemap: Basemap): BuildInput {
  const several = c.articles.length > 1;
  return {
    sources: c.articles.map((a) => ({ file: `synthetic/${a.source.id}.json`, record: a.source, text: a.text })),
    places: { file: 'synthetic/places.json', json: { places: c.places } },
    events: c.articles.map((a) => ({
      file: `synthetic/${a.source.id}.events.json`,
      // The single article's file as it always was: no source named, no sides.
      json: several ? { source: a.source.id, claimants: a.claimants, events: a.events } : { events: a.events },
    })),
    basemap,
  };
}

let basemapCache: Basemap | undefined;
/** The real basemap, as the catalogue CLI reads it (geodata/basemap). */
export function realBasemap(root: string): Basemap {
  basemapCache ??= readBasemap(root);
  return basemapCache;
}

export interface WrittenCatalogue {
  events: number;
  /** Places with events (the features of places.geojson). */
  places: number;
  dir: string;
  /** Bytes of each file the app reads. */
  files: Record<string, number>;
  generateMs: number;
  buildMs: number;
  summary: string;
}

/**
 * Generates, validates and builds an `n`-event catalogue (`catalogue`: its seed and sources), and writes
 * what the app reads into `dir`.
 */
export function writeSyntheticLayers(
  n: number,
  dir: string,
  root: string,
  options: BuildOptions = { appOnly: true, compactStory: true },
  catalogue: SyntheticOptions = {},
): WrittenCatalogue {
  const basemap = realBasemap(root);
  const t0 = performance.now();
  const c = syntheticCatalogue(n, basemap, catalogue);
  const t1 = performance.now();
  const result = buildLayers(syntheticInput(c, basemap), options);
  const t2 = performance.now();
  if (!result.ok) {
    const shown = result.errors.slice(0, 5).map((e) => `${e.file}: ${e.id}: ${e.field}: ${e.message}`);
    throw new Error(`the synthetic catalogue of ${n} events does not validate:\n  ${shown.join('\n  ')}`);
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files: Record<string, number> = {};
  // What the app reads: story.json and places.geojson, and a tiled story's archive and shards.
  for (const [name, body] of [...result.files, ...(result.archives ?? [])]) {
    if (name !== 'story.json' && name !== 'places.geojson' && !name.startsWith('shard-') && !name.endsWith('.pmtiles')) continue;
    writeFileSync(path.join(dir, name), body);
    files[name] = Buffer.byteLength(body);
  }
  const places = Number(/(\d+) places/.exec(result.summary)?.[1] ?? NaN);
  return { events: n, places, dir, files, generateMs: t1 - t0, buildMs: t2 - t1, summary: result.summary };
}

/**
 * Run as a script, `tsx tests/support/synthetic.ts <events> <dir> <root>`: writes the catalogue's layers
 * into `dir` and prints what writeSyntheticLayers returns, as JSON (the benchmark builds each size so).
 */
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [n, dir, root] = process.argv.slice(2);
  if (!/^\d+$/.test(n ?? '') || !dir || !root) {
    console.error('usage: tsx tests/support/synthetic.ts <events> <dir> <root>');
    process.exit(2);
  }
  process.stdout.write(JSON.stringify(writeSyntheticLayers(Number(n), path.resolve(dir), path.resolve(root))));
}
