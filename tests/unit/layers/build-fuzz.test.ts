/**
 * Fuzzing the catalogue build: seeded mutations of the real seed catalogue (geodata/), each one put
 * through buildLayers, which must answer every one of them with either layers or a non-empty list of
 * well-formed errors, and never throw. Then the real CLI on a few mutated copies: exit 1, and the copy's
 * geodata/layers byte for byte as it was (no half-written output).
 *
 *   FUZZ_SEED=123 FUZZ_COUNT=5000 npx vitest run tests/unit/layers/build-fuzz.test.ts
 *
 * The seed is printed; a failure names the mutations (index, kind, path) so that it can be replayed.
 *
 * Speed: a catalogue that passes validation is built in full, and the seed catalogue's border band
 * (Turf buffer + intersect on Ukraine and Russia) alone takes ~2 s; the build draws each place's shape
 * once per basemap (src/layers/shapes.ts), and every mutation here shares the one basemap read, so only
 * a mutated place is drawn afresh. Nothing is mocked.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildLayers, type BuildInput, type BuildResult } from '../../../src/layers/build';
import { defaultFolders, loadInputs } from '../../../src/layers/inputs';
import { CLAIM_KINDS, type Source } from '../../../src/catalogue/schema';
import { CATEGORIES } from '../../../src/catalogue/vocabulary';
import { runTsx, seedFolders, seedProject, tempProject } from '../../support/helpers';
import { mulberry32 } from '../../support/prng';
import { FULL_TIER, full } from '../../support/tier';

const SEED = Number(process.env.FUZZ_SEED ?? 20220126);
const COUNT = Number(process.env.FUZZ_COUNT ?? (FULL_TIER ? 1000 : 100));

type Rng = () => number;
const int = (rng: Rng, n: number) => Math.floor(rng() * n);
const pick = <T>(rng: Rng, list: readonly T[]): T => list[int(rng, list.length)];

type Container = Record<string, unknown> | unknown[];
const isContainer = (v: unknown): v is Container => typeof v === 'object' && v !== null;

const base = loadInputs(seedFolders());
if (!base.input) throw new Error(`the seed catalogue does not load: ${JSON.stringify(base.errors)}`);
const BASE: BuildInput = base.input;

/** Values the catalogue refers to, by kind: a valid reference swapped for another valid one. */
const placeIds = (BASE.places.json as { places: { id: string }[] }).places.map((p) => p.id);
const DOMAINS: string[][] = [
  placeIds,
  [...BASE.basemap.index.countries],
  [...BASE.basemap.index.units],
  [...BASE.basemap.index.gazetteer],
  [...CATEGORIES],
  ['country', 'region', 'city', 'sea-area', 'zone', 'building'],
  ['exact', 'city', 'region', 'country', 'zone'],
  ['article', 'context'],
  ['happened', 'said', 'seat'],
  ['reported', 'asserted', 'announced', 'denied', 'planned', 'warned'],
  [...CLAIM_KINDS],
  ['headline', 'dek', 'paragraph', 'caption'],
  ['today', 'Tuesday', 'this week', 'last week', 'next month', 'last month', 'undated', 'as of publication'],
];

const PAYLOADS = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  'javascript:alert(1)',
  '"><svg/onload=alert(1)>',
  '\u202Eevil\u202C',
  'zero\u200Bwidth\u200D',
  'مرحبا שלום',
  '🇺🇦🪖💥',
  '{{constructor.constructor("alert(1)")()}}',
  '${alert(1)}',
];
const NASTY_STRINGS = [
  '',
  ' ',
  '\n\t',
  '\uD800',
  'a\uDFFFb',
  'ends high \uD83D',
  '\u0000',
  'x'.repeat(141),
  'x'.repeat(2001),
  'x'.repeat(100_000),
  'null',
  '__proto__',
  'constructor',
  'toString',
  '-1',
  'NaN',
  '2022-02-30',
  '2022-1-26',
  '9999-12-31',
  'geonames:0',
  'atlantis',
  'ZZ',
  'UA-99',
  'alien-invasion',
  'Tuesday Tuesday',
  ...PAYLOADS,
];
const NASTY_NUMBERS = [
  0,
  -0,
  -1,
  1,
  0.5,
  -0.5,
  999_999_999,
  1e9 + 1,
  1e21,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2,
  Number.MIN_VALUE,
  2 ** 31,
  2 ** 32,
  NaN,
  Infinity,
  -Infinity,
];

/** A deeply nested value: arrays or objects `depth` levels down (built without recursion). */
function deep(depth: number, kind: 'array' | 'object'): unknown {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = kind === 'array' ? [v] : { a: v };
  return v;
}

/** Objects whose keys are Object.prototype's own names, as JSON.parse makes them. */
const PROTO_KEYS = JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": 1}, "toString": 5}') as unknown;

function junk(rng: Rng, budget = 3): unknown {
  switch (int(rng, 10)) {
    case 0:
      return pick(rng, NASTY_STRINGS);
    case 1:
      return pick(rng, NASTY_NUMBERS);
    case 2:
      return pick(rng, [true, false, null, undefined]);
    case 3:
      return budget > 0 ? Array.from({ length: int(rng, 4) }, () => junk(rng, budget - 1)) : [];
    case 4:
      return budget > 0
        ? Object.fromEntries(Array.from({ length: int(rng, 4) }, (_, i) => [`k${i}`, junk(rng, budget - 1)]))
        : {};
    case 5:
      // Deep enough to overflow a recursive JSON.stringify now and then.
      return deep(pick(rng, [2, 50, 1_000, 20_000, 60_000]), pick(rng, ['array', 'object'] as const));
    case 6:
      return structuredClone(PROTO_KEYS);
    case 7:
      return pick(rng, [[], {}, [[]], [{}], [null]]);
    case 8:
      return [pick(rng, NASTY_STRINGS), pick(rng, NASTY_NUMBERS)];
    default:
      return pick(rng, PAYLOADS);
  }
}

/** A copy one level deep: structuredClone would overflow the stack on the deep junk some values hold. */
const shallow = (v: unknown) => (Array.isArray(v) ? [...v] : isContainer(v) ? { ...v } : v);

const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

interface Spot {
  parent: Container;
  key: string | number;
  path: string;
}

const childKeys = (c: Container): (string | number)[] => (Array.isArray(c) ? c.map((_, i) => i) : Object.keys(c));
const at = (c: Container, k: string | number): unknown => (c as Record<string | number, unknown>)[k];
const set = (c: Container, k: string | number, v: unknown) => {
  // defineProperty, not assignment: a key "__proto__" must become an own property, as JSON.parse makes it.
  Object.defineProperty(c, k, { value: v, writable: true, enumerable: true, configurable: true });
};

/** A random place in a tree: descend from the root, stopping at each level with some probability. */
function randomSpot(rng: Rng, root: Container, rootPath: string): Spot | undefined {
  let parent = root;
  let path = rootPath;
  for (;;) {
    const keys = childKeys(parent);
    if (keys.length === 0) return undefined;
    const key = pick(rng, keys);
    const value = at(parent, key);
    const here = `${path}${typeof key === 'number' ? `[${key}]` : `.${key}`}`;
    if (!isContainer(value) || childKeys(value).length === 0 || rng() < 0.3) return { parent, key, path: here };
    parent = value;
    path = here;
  }
}

interface Doc {
  sources: { file: string; record: unknown; text: string }[];
  places: { file: string; json: unknown };
  events: { file: string; json: unknown }[];
}

const clone = (): Doc => structuredClone({ sources: BASE.sources, places: BASE.places, events: BASE.events });

type ValueMutation = (rng: Rng, s: Spot) => string | undefined;

/** Each returns a description, or undefined where it does not apply (another is tried). */
const VALUE_MUTATIONS: Record<string, ValueMutation> = {
  delete: (_rng, s) => {
    if (Array.isArray(s.parent)) s.parent.splice(Number(s.key), 1);
    else delete s.parent[s.key as string];
    return 'deleted';
  },
  wrongType: (rng, s) => {
    const before = typeOf(at(s.parent, s.key));
    for (let i = 0; i < 10; i++) {
      const v = junk(rng);
      if (typeOf(v) !== before) return (set(s.parent, s.key, v), `${before} → ${typeOf(v)}`);
    }
    return undefined;
  },
  nastyString: (rng, s) => {
    const v = pick(rng, NASTY_STRINGS);
    set(s.parent, s.key, v);
    return `→ ${JSON.stringify(v.length > 20 ? `${v.slice(0, 12)}…(${v.length})` : v)}`;
  },
  nastyNumber: (rng, s) => {
    const v = pick(rng, NASTY_NUMBERS);
    set(s.parent, s.key, v);
    return `→ ${String(v)}`;
  },
  shiftNumber: (rng, s) => {
    const v = at(s.parent, s.key);
    if (typeof v !== 'number') return undefined;
    const w = pick(rng, [v + 1, v - 1, v + int(rng, 7) - 3, -v, v + 0.5, v * 1000, v + 10_000, -1 - v]);
    set(s.parent, s.key, w);
    return `${v} → ${w}`;
  },
  brokenSurrogate: (rng, s) => {
    const v = at(s.parent, s.key);
    if (typeof v !== 'string') return undefined;
    const i = int(rng, v.length + 1);
    const lone = pick(rng, ['\uD800', '\uDFFF', '\uDBFF']);
    set(s.parent, s.key, v.slice(0, i) + lone + v.slice(i));
    return `lone ${JSON.stringify(lone)} at ${i}`;
  },
  empty: (rng, s) => {
    const v = pick(rng, ['', '   ', [], {}]);
    set(s.parent, s.key, v);
    return `→ ${JSON.stringify(v)}`;
  },
  unknownReference: (rng, s) => {
    if (typeof at(s.parent, s.key) !== 'string') return undefined;
    const v = pick(rng, ['atlantis', 'ZZ', 'XX-YY', 'geonames:1', 'alien-invasion', 'nbc-1999-01-01', 'sideways']);
    set(s.parent, s.key, v);
    return `→ ${v}`;
  },
  swapReference: (rng, s) => {
    const v = at(s.parent, s.key);
    if (typeof v !== 'string') return undefined;
    const domain = DOMAINS.find((d) => d.includes(v));
    if (!domain) return undefined;
    const w = pick(rng, domain);
    set(s.parent, s.key, w);
    return `${v} → ${w}`;
  },
  duplicate: (rng, s) => {
    if (!Array.isArray(s.parent)) return undefined;
    s.parent.splice(int(rng, s.parent.length + 1), 0, shallow(s.parent[Number(s.key)]));
    return 'element duplicated';
  },
  reorder: (rng, s) => {
    const v = at(s.parent, s.key);
    if (!Array.isArray(v) || v.length < 2) return undefined;
    for (let i = v.length - 1; i > 0; i--) {
      const j = int(rng, i + 1);
      [v[i], v[j]] = [v[j], v[i]];
    }
    return 'array shuffled';
  },
  deepJunk: (rng, s) => {
    const v = junk(rng, 4);
    set(s.parent, s.key, v);
    return `→ junk (${typeOf(v)})`;
  },
  unknownKey: (rng, s) => {
    const v = at(s.parent, s.key);
    if (!isContainer(v) || Array.isArray(v)) return undefined;
    const k = pick(rng, ['extra', '__proto__', 'constructor', 'Id', 'id ', '']);
    set(v, k, junk(rng, 1));
    return `key ${JSON.stringify(k)} added`;
  },
  payload: (rng, s) => {
    if (typeof at(s.parent, s.key) !== 'string') return undefined;
    const v = pick(rng, PAYLOADS);
    set(s.parent, s.key, v);
    return `→ ${JSON.stringify(v)}`;
  },
  copyId: (rng, s) => {
    if (s.key !== 'id' || typeof at(s.parent, 'id') !== 'string') return undefined;
    const w = pick(rng, [...placeIds, 'troop-buildup', 'us-plane-kyiv', 'nbc-2022-01-26']);
    set(s.parent, s.key, w);
    return `id → ${w}`;
  },
};

type DocMutation = (rng: Rng, d: Doc) => string | undefined;

/** Mutations of whole files: the source text, the file list, a file's top level. */
const DOC_MUTATIONS: Record<string, DocMutation> = {
  shiftText: (rng, d) => {
    if (d.sources.length === 0) return undefined;
    const s = pick(rng, d.sources);
    const insert = pick(rng, ['x', '\n', 'é', '🇺🇦', '\u200B']);
    const i = int(rng, s.text.length);
    s.text = s.text.slice(0, i) + insert + s.text.slice(i);
    return `${JSON.stringify(insert)} inserted in the text at ${i}`;
  },
  truncateText: (rng, d) => {
    if (d.sources.length === 0) return undefined;
    const s = pick(rng, d.sources);
    const n = int(rng, s.text.length);
    s.text = s.text.slice(0, n);
    return `text cut to ${n} characters`;
  },
  brokenText: (rng, d) => {
    if (d.sources.length === 0) return undefined;
    const s = pick(rng, d.sources);
    const i = int(rng, s.text.length);
    s.text = s.text.slice(0, i) + '\uD800' + s.text.slice(i);
    return `lone surrogate in the text at ${i}`;
  },
  noSources: (_rng, d) => ((d.sources = []), 'no sources'),
  duplicateSource: (_rng, d) =>
    d.sources.length === 0 ? undefined : (d.sources.push({ ...d.sources[0], file: 'geodata/sources/copy.json' }), 'source twice'),
  eventsFileJunk: (rng, d) => {
    if (d.events.length === 0) return undefined;
    const v = pick(rng, [null, [], {}, { events: null }, { events: {} }, 'events', { events: [] }, deep(30_000, 'array')]);
    pick(rng, d.events).json = v;
    return `events file → ${typeOf(v)}`;
  },
  placesFileJunk: (rng, d) => {
    const v = pick(rng, [null, [], {}, { places: null }, { places: {} }, { places: [] }, 7]);
    d.places.json = v;
    return `places file → ${typeOf(v)}`;
  },
  secondEventsFile: (_rng, d) =>
    d.events.length === 0
      ? undefined
      : (d.events.push({ ...d.events[0], file: 'geodata/catalogue/copy.events.json' }), 'events twice'),
  noEventsFiles: (_rng, d) => ((d.events = []), 'no events files'),
  measuresJunk: (rng, d) => {
    const places = d.places.json as { measures?: unknown };
    if (!isContainer(places)) return undefined;
    const i = int(rng, MEASURES.length);
    places.measures = MEASURES[i]();
    return `measures → case ${i}`;
  },
};

/** Each a function: a fresh value every time, as later mutations change them. */
const MEASURES: (() => unknown)[] = [
  () => undefined,
  () => null,
  () => ({}),
  () => 5,
  () => 'kyiv',
  () => [],
  () => [null],
  () => [{}],
  () => [{ id: 'm', from: 'moscow', to: { border: ['UA', 'BY'] } }],
  () => [{ id: 'm', from: 'ukraine', to: { border: ['UA', 'BY'] } }],
  () => [{ id: 'm', from: 'kyiv', to: { border: ['UA', 'UA'] } }],
  () => [{ id: 'm', from: 'kyiv', to: { border: ['UA', 'GB'] } }],
  () => [{ id: 'm', from: 'kyiv', to: { border: ['UA', 'US'] } }],
  () => [{ id: 'm', from: 'kyiv', to: { border: ['UA', 'BY'] }, extra: deep(30_000, 'object') }],
];

type Outcome = 'ok' | 'errors';

function classify(result: BuildResult): { outcome: Outcome } | { problem: string } {
  if (result.ok) {
    // Parsing every output would double the time of a build: only that each is there and ends as a
    // complete JSON document ("}\n") is checked.
    for (const name of ['events.geojson', 'places.geojson', 'story.json', 'index.json'])
      if (!result.files.get(name)?.endsWith('}\n')) return { problem: `ok, but ${name} is missing or cut short` };
    return { outcome: 'ok' };
  }
  if (result.errors.length === 0) return { problem: 'not ok, but no errors' };
  for (const e of result.errors) {
    // The field may be "": an unknown key "" is reported under its own name.
    for (const f of ['file', 'id', 'field', 'message'] as const)
      if (typeof e[f] !== 'string' || (!e[f] && f !== 'field'))
        return { problem: `an error without ${f}: ${JSON.stringify(e).slice(0, 200)}` };
  }
  return { outcome: 'errors' };
}

/** One mutated catalogue: 1–3 mutations, mostly of values, some of whole files. */
function mutate(rng: Rng): { doc: Doc; steps: string[] } {
  const doc = clone();
  const steps: string[] = [];
  const n = 1 + (rng() < 0.25 ? 1 : 0) + (rng() < 0.1 ? 1 : 0);
  // Some mutations do not apply where they land (a number shift on a string); another is drawn.
  for (let attempt = 0; steps.length < n && attempt < 100; attempt++) {
    if (rng() < 0.1) {
      const name = pick(rng, Object.keys(DOC_MUTATIONS));
      const d = DOC_MUTATIONS[name](rng, doc);
      if (d) steps.push(`${name}: ${d}`);
      continue;
    }
    const r = rng();
    const places = doc.places.json;
    const [root, rootPath]: [unknown, string] =
      r < 0.15
        ? [doc.sources.length ? pick(rng, doc.sources).record : undefined, 'source']
        : r < 0.45
          ? [places, 'places.json']
          : r < 0.5
            ? [isContainer(places) ? (places as { measures?: unknown }).measures : undefined, 'places.json.measures']
            : [doc.events.length ? pick(rng, doc.events).json : undefined, 'events.json'];
    if (!isContainer(root)) continue;
    const spot = randomSpot(rng, root, rootPath);
    if (!spot) continue;
    const name = pick(rng, Object.keys(VALUE_MUTATIONS));
    const d = VALUE_MUTATIONS[name](rng, spot);
    if (d) steps.push(`${name} ${spot.path}: ${d}`);
  }
  return { doc, steps };
}

const build = (doc: Doc): BuildResult => buildLayers({ ...doc, basemap: BASE.basemap });

describe('catalogue fuzzing', () => {
  it(`${COUNT} seeded mutations of the seed catalogue: layers or errors, never an exception`, () => {
    console.log(`catalogue fuzz: seed ${SEED}, ${COUNT} mutations (set FUZZ_SEED / FUZZ_COUNT to vary)`);
    const rng = mulberry32(SEED);
    const counts: Record<Outcome, number> = { ok: 0, errors: 0 };
    const ms: Record<Outcome, number> = { ok: 0, errors: 0 };
    const unchecked = new Set<string>();
    const byKind = new Map<string, Record<Outcome, number>>();
    const failures: string[] = [];
    const started = Date.now();
    for (let i = 0; i < COUNT; i++) {
      const { doc, steps } = mutate(rng);
      let verdict: { outcome: Outcome } | { problem: string };
      const t0 = performance.now();
      try {
        verdict = classify(build(doc));
      } catch (err) {
        const e = err as Error;
        verdict = { problem: `threw ${e.name}: ${e.message.slice(0, 200)}` };
      }
      if ('problem' in verdict) {
        failures.push(`#${i} [${steps.join(' + ')}] ${verdict.problem}`);
        continue;
      }
      counts[verdict.outcome]++;
      // Built although one value was given the wrong type or a broken string: where the validator does
      // not look. Reported, not failed (single-step mutations only, so that the cause is known).
      if (verdict.outcome === 'ok' && steps.length === 1 && /^(wrongType|nastyNumber|brokenSurrogate|unknownKey) /.test(steps[0]))
        unchecked.add(steps[0].split(':')[0].replace(/\[\d+\]/g, '[]'));
      ms[verdict.outcome] += performance.now() - t0;
      for (const s of steps) {
        const kind = s.split(/[ :]/, 1)[0];
        const c = byKind.get(kind) ?? { ok: 0, errors: 0 };
        c[verdict.outcome]++;
        byKind.set(kind, c);
      }
    }
    const table = [...byKind]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, c]) => `  ${k.padEnd(18)} ok ${String(c.ok).padStart(4)}  errors ${String(c.errors).padStart(4)}`);
    console.log(
      `catalogue fuzz: ${counts.ok} built (${(ms.ok / 1000).toFixed(1)} s), ${counts.errors} rejected with errors ` +
        `(${(ms.errors / 1000).toFixed(1)} s), ${failures.length} failures ` +
        `in ${((Date.now() - started) / 1000).toFixed(1)} s\n${table.join('\n')}\n` +
        `accepted after junk was put at:\n  ${[...unchecked].sort().join('\n  ')}`,
    );
    expect(failures, `seed ${SEED}`).toEqual([]);
    expect(counts.ok).toBeGreaterThan(0);
    expect(counts.errors).toBeGreaterThan(0);
  }, 600_000);
});

full.describe('the layers CLI on mutated copies', () => {
  const CASES: [string, (d: Doc) => void][] = [
    [
      'an excerpt shifted by one',
      (d) => ((d.events[0].json as { events: { excerpts: { start: number }[] }[] }).events[3].excerpts[0].start += 1),
    ],
    [
      'a duplicated place',
      (d) =>
        (d.places.json as { places: unknown[] }).places.push(structuredClone((d.places.json as { places: unknown[] }).places[0])),
    ],
    ['the events file not an object', (d) => (d.events[0].json = [])],
    ['measures not a list', (d) => ((d.places.json as { measures: unknown }).measures = { from: 'kyiv' })],
    ['a measure from an area', (d) => ((d.places.json as { measures: { from: string }[] }).measures[0].from = 'ukraine')],
  ];

  it.each(CASES)(
    '%s: exit 1, nothing written',
    (_name, change) => {
      const root = tempProject(
        ['geodata/sources', 'geodata/catalogue', 'geodata/basemap', 'geodata/layers'],
        seedProject(),
        'fuzz-cli-',
      );
      const doc = clone();
      change(doc);
      writeFileSync(path.join(root, doc.places.file), JSON.stringify(doc.places.json, null, 2));
      for (const f of doc.events) writeFileSync(path.join(root, f.file), JSON.stringify(f.json, null, 2));
      const layers = path.join(root, 'geodata/layers');
      const snapshot = () => new Map(readdirSync(layers).map((n) => [n, readFileSync(path.join(layers, n))]));
      const before = snapshot();
      const { status, stderr } = runTsx('src/layers/cli.ts', ['--root', root]);
      expect(status).toBe(1);
      expect(stderr).toMatch(/^\d+ problem\(s\) in the catalogue; nothing was written:/);
      expect(stderr).not.toMatch(/\n\s+at /); // a report, not a stack trace
      const after = snapshot();
      expect([...after.keys()]).toEqual([...before.keys()]);
      for (const [name, bytes] of before) expect(after.get(name)!.equals(bytes), name).toBe(true);
      // Nothing left beside the layers either (no temporary folder of a half-done write).
      expect(readdirSync(path.join(root, 'geodata')).sort()).toEqual(['basemap', 'catalogue', 'layers', 'sources']);
    },
    60_000,
  );
});

/** Each crash the fuzzer found, kept as a case: the seed catalogue with one change, and the error it must give. */
describe('regressions found by the fuzzer: an error, not an exception', () => {
  type Places = { places: Record<string, unknown>[]; measures: Record<string, unknown>[] | unknown };
  const place = (d: Doc, id: string) => (d.places.json as Places).places.find((p) => p.id === id)!;
  const CASES: [string, (d: Doc) => void, { id: string; field: string; message: RegExp }][] = [
    [
      'measures not a list',
      (d) => ((d.places.json as Places).measures = { from: 'kyiv' }),
      { id: '(file)', field: 'measures', message: /^array expected, object found$/ },
    ],
    [
      'measures a string',
      (d) => ((d.places.json as Places).measures = 'kyiv'),
      { id: '(file)', field: 'measures', message: /^array expected, string found$/ },
    ],
    [
      'a measure from an area, not a point',
      (d) => (((d.places.json as Places).measures as Record<string, unknown>[])[0].from = 'belarus'),
      { id: 'kyiv-to-belarus-border', field: 'from', message: /"belarus" is not a point place/ },
    ],
    [
      'a measure to a border the basemap does not have',
      (d) => (((d.places.json as Places).measures as Record<string, unknown>[])[0].to = { border: ['UA', 'GB'] }),
      { id: 'kyiv-to-belarus-border', field: 'to.border', message: /UA and GB share no border in the basemap/ },
    ],
    [
      'a border band whose countries do not meet',
      (d) => (place(d, 'russia-near-ukraine-border').geometry = { recipe: 'border-band', along: 'UA', within: ['GB'], km: 100 }),
      { id: 'russia-near-ukraine-border', field: 'geometry', message: /cannot be drawn: UA and GB share no land border/ },
    ],
    [
      'an id nested 20,000 arrays deep',
      (d) => (place(d, 'kyiv').id = deep(20_000, 'array')),
      { id: 'places[6]', field: 'id', message: /expected, \(array too large or too deeply nested to show\) found/ },
    ],
    [
      'a border code nested 20,000 objects deep',
      (d) =>
        (((d.places.json as Places).measures as Record<string, unknown>[])[0].to = { border: ['UA', deep(20_000, 'object')] }),
      { id: 'kyiv-to-belarus-border', field: 'to.border', message: /\(array too large or too deeply nested to show\)/ },
    ],
    [
      'a category nested 20,000 objects deep',
      (d) => ((d.events[0].json as { events: Record<string, unknown>[] }).events[0].category = deep(20_000, 'object')),
      { id: 'troop-buildup', field: 'category', message: /\(object too large or too deeply nested to show\) found/ },
    ],
    [
      'a publication date that is an object with its own toString',
      (d) => ((d.sources[0].record as Record<string, unknown>).published = JSON.parse('{"toString": 5}')),
      { id: 'nbc-2022-01-26', field: 'published', message: /^string expected, object found$/ },
    ],
    [
      'captions nested 20,000 arrays deep',
      (d) => ((d.sources[0].record as Record<string, unknown>).captions = [deep(20_000, 'array')]),
      { id: 'nbc-2022-01-26', field: 'captions[0]', message: /^string expected, array found$/ },
    ],
    [
      'removed lines not a list',
      (d) => ((d.sources[0].record as Record<string, unknown>).removed = { line: deep(20_000, 'object') }),
      { id: 'nbc-2022-01-26', field: 'removed', message: /^array expected, object found$/ },
    ],
    [
      'a block with an extra key holding deep junk',
      (d) => (((d.sources[0].record as Source).blocks[0] as unknown as Record<string, unknown>).extra = deep(20_000, 'array')),
      { id: 'nbc-2022-01-26', field: 'blocks[0].extra', message: /^unknown field/ },
    ],
    [
      'a measure id nested 20,000 arrays deep',
      (d) => (((d.places.json as Places).measures as Record<string, unknown>[])[0].id = deep(20_000, 'array')),
      { id: 'measures[0]', field: 'id', message: /\(array too large or too deeply nested to show\)/ },
    ],
    [
      'a measure destination with an extra key holding deep junk',
      (d) => set(((d.places.json as Places).measures as { to: Container }[])[0].to, 'constructor', deep(20_000, 'object')),
      { id: 'kyiv-to-belarus-border', field: 'to.constructor', message: /^unknown field/ },
    ],
  ];

  it.each(CASES)('%s', (_name, change, want) => {
    const doc = clone();
    change(doc);
    const result = build(doc);
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors).toContainEqual(
      expect.objectContaining({ id: want.id, field: want.field, message: expect.stringMatching(want.message) }),
    );
  });
});

/** Crashes the fuzzer found in loadInputs (src/layers/inputs.ts), fixed: each is now an error. */
describe('loadInputs: a malformed source record is an error, not a crash', () => {
  it.each([
    ['a source file holding null', 'null'],
    ['a source whose id has a "toString" that is not a function', '{"id": {"toString": 1}, "text": 5}'],
  ])('%s', (_name, content) => {
    const root = tempProject(['geodata/sources', 'geodata/catalogue', 'geodata/basemap'], seedProject(), 'fuzz-load-');
    writeFileSync(path.join(root, 'geodata/sources/nbc-2022-01-26.json'), content);
    const { errors } = loadInputs(defaultFolders(root));
    expect(errors).toContainEqual(expect.objectContaining({ file: 'geodata/sources/nbc-2022-01-26.json' }));
  });
});
