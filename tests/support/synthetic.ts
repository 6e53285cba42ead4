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
import { buildLayers, type BuildOptions } from '../../src/layers/build';
import type { CatalogueEvent, Place, Source, SourceBlock } from '../../src/catalogue/schema';
import { CATEGORIES, type Category } from '../../src/catalogue/vocabulary';
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

export interface SyntheticCatalogue {
  source: Source;
  text: string;
  places: Place[];
  events: CatalogueEvent[];
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
 * 5 % on whole countries.
 */
export function syntheticCatalogue(n: number, basemap: Basemap, seed = 20220126): SyntheticCatalogue {
  const rand = mulberry32(seed ^ n);
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

  // The text: a headline, then paragraphs of eight sentences; each event quotes its own sentence.
  const headline = `Synthetic situation report: ${n.toLocaleString('en-US')} events`;
  const parts: string[] = [headline];
  const blocks: SourceBlock[] = [{ kind: 'headline', start: 0, end: headline.length }];
  let offset = headline.length;
  let paragraph: string[] = [];
  const sentences: { start: number; end: number; text: string }[] = [];
  const flush = () => {
    if (!paragraph.length) return;
    offset += 2; // the blank line before the paragraph
    parts.push(paragraph.join(' '));
    const text = paragraph.join(' ');
    blocks.push({ kind: 'paragraph', start: offset, end: offset + text.length });
    let at = offset;
    for (const sentence of paragraph) {
      sentences.push({ start: at, end: at + sentence.length, text: sentence });
      at += sentence.length + 1;
    }
    offset += text.length;
    paragraph = [];
  };

  const events: CatalogueEvent[] = [];
  for (let i = 0; i < n; i++) {
    const anchor = ANCHORS[i];
    const r = rand();
    const place = anchor
      ? anchor.id
      : r < 0.7
        ? `pt-${int(pointCount)}`
        : r < 0.95
          ? `unit-${units[int(units.length)].toLowerCase()}`
          : `country-${COUNTRIES[int(COUNTRIES.length)].toLowerCase()}`;
    const date = anchor ? DATES[i] : DATES[int(DATES.length)];
    const subject = SUBJECTS[int(SUBJECTS.length)];
    const withQuantity = !anchor && rand() < 0.1;
    const quantity = 100 * (1 + int(90));
    const sentence = anchor
      ? anchor.sentence
      : `${withQuantity ? `About ${quantity.toLocaleString('en-US')} troops` : subject} ${VERBS[int(VERBS.length)]} at ${place}${
          date.words ? ` ${date.words}` : ''
        } (report ${i}).`;
    paragraph.push(sentence);
    if (paragraph.length === 8) flush();
    events.push({
      id: `ev-${i}`,
      source: 'synthetic',
      places: [place],
      site: 'happened',
      category: anchor ? 'troops' : pickWeighted(rand, CATEGORIES, CATEGORY_WEIGHTS),
      title: `Synthetic event ${i}`,
      date: { expr: date.expr },
      ...(withQuantity
        ? {
            quantities: [
              { value: quantity, unit: 'troops', qualifier: 'about', text: `${quantity.toLocaleString('en-US')} troops` },
            ],
          }
        : {}),
      claim: { by: 'a synthetic wire report', kind: 'official', stance: 'reported' },
      // Filled in below, once the sentence's offsets are known.
      excerpts: [],
    });
  }
  flush();
  const text = parts.join('\n\n') + '\n';
  events.forEach((ev, i) => (ev.excerpts = [sentences[i]]));

  const source: Source = {
    id: 'synthetic',
    title: headline,
    publisher: 'Synthetic Wire',
    published: '2022-01-26',
    text: 'synthetic.txt',
    captured_from: 'tests/support/synthetic.ts',
    removed: [],
    captions: [],
    blocks,
  };
  return { source, text, places, events };
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

/** Generates, validates and builds an `n`-event catalogue, and writes what the app reads into `dir`. */
export function writeSyntheticLayers(
  n: number,
  dir: string,
  root: string,
  options: BuildOptions = { appOnly: true, compactStory: true },
): WrittenCatalogue {
  const basemap = realBasemap(root);
  const t0 = performance.now();
  const c = syntheticCatalogue(n, basemap);
  const t1 = performance.now();
  const result = buildLayers(
    {
      sources: [{ file: 'synthetic/synthetic.json', record: c.source, text: c.text }],
      places: { file: 'synthetic/places.json', json: { places: c.places } },
      events: [{ file: 'synthetic/synthetic.events.json', json: { events: c.events } }],
      basemap,
    },
    options,
  );
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
