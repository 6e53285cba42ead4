/**
 * Hostile data through the catalogue build: tests/fixtures/hostile/ is a small project (one source, its
 * text, places and events) whose names, titles, excerpts and attributions carry HTML and script payloads,
 * right-to-left text with U+202E, zero-width characters, line separators, emoji, and strings at their
 * length limits. The build must accept all of it as text and give it back literally (escaping is the
 * page's job, at the moment it renders text); what is over a limit or broken must be refused with an
 * error that says what and where.
 *
 * The built layers are committed under tests/fixtures/hostile/layers/ for an end-to-end test to serve to
 * the UI. They are formatted by Prettier (the repository's check covers them); REGEN=1 rewrites them.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FeatureCollection } from 'geojson';
import * as prettier from 'prettier';
import { afterAll, describe, expect, it } from 'vitest';
import { buildLayers, type BuildInput } from '../../../src/layers/build';
import { defaultFolders, loadInputs } from '../../../src/layers/inputs';
import type { CatalogueEvent, Place, Source } from '../../../src/catalogue/schema';
import { ROOT, runTsx, tempProject } from '../../support/helpers';
import { full } from '../../support/tier';

const FIXTURE = path.resolve(import.meta.dirname, '../../fixtures/hostile');
const LAYERS = path.join(FIXTURE, 'layers');
const ID = 'hostile-2022-01-26';

const PAYLOADS = {
  img: '<img src=x onerror=alert(1)>',
  script: '<script>alert(1)</script>',
  js: 'javascript:alert(1)',
  rlo: '\u202E',
  arabic: 'قال مسؤولون إن القوات تحركت',
  hebrew: 'שלום, הכוחות זזו',
  zeroWidth: 'Zero\u200Bwidth\u200Cjoin\u200Ders\uFEFF',
  lineSeparator: 'line\u2028separator',
  emoji: '🇺🇦🪖💥👩🏽‍🚀',
};

/**
 * A throw-away project: the fixture's sources and catalogue, and the real basemap beside them. One made
 * in a test is removed when the test finishes; the one made here, at the top, after all of them.
 */
function project(): string {
  const root = tempProject(['geodata'], FIXTURE, 'hostile-');
  cpSync(path.join(ROOT, 'geodata/basemap'), path.join(root, 'geodata/basemap'), { recursive: true });
  return root;
}

const root = project();
afterAll(() => rmSync(root, { recursive: true, force: true }));
const loaded = loadInputs(defaultFolders(root));
const input = loaded.input!;
const result = buildLayers(input);
const built = result.ok ? result.files : new Map<string, string>();
const json = <T>(name: string) => JSON.parse(built.get(name) ?? 'null') as T;

const source = input.sources[0].record as Source;
const text = input.sources[0].text;
const places = (input.places.json as { places: Place[] }).places;
const events = (input.events[0].json as { events: CatalogueEvent[] }).events;

describe('hostile strings through the catalogue build', () => {
  it('loads and builds without an error', () => {
    expect(loaded.errors).toEqual([]);
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect([...built.keys()].sort()).toEqual(
      [
        'events.geojson',
        'index.json',
        'kharkiv-oblast.geojson',
        'kharkiv.geojson',
        'kyiv-rtl.geojson',
        'measures.json',
        'moldova-long-name.geojson',
        'places.geojson',
        'story.json',
      ].sort(),
    );
  });

  it('the fixture carries every kind of payload, in names, titles, excerpts and attributions', () => {
    const all = JSON.stringify({ source, places, events }) + text;
    for (const [kind, p] of Object.entries(PAYLOADS)) expect(all.includes(p), kind).toBe(true);
    expect(places.some((p) => p.names.en.includes(PAYLOADS.img))).toBe(true);
    expect(events.some((e) => e.title === PAYLOADS.script)).toBe(true);
    expect(events.some((e) => e.excerpts.some((x) => x.text.includes(PAYLOADS.rlo)))).toBe(true);
    expect(events.some((e) => e.claim.by === PAYLOADS.js)).toBe(true);
    expect(source.publisher).toContain(PAYLOADS.js);
  });

  it('gives the source back literally: title, publisher, dateline and the whole text', () => {
    const story = json<{ sources: (Source & { text_content: string })[] }>('story.json');
    expect(story.sources).toHaveLength(1);
    const s = story.sources[0];
    expect(s.title).toBe(source.title);
    expect(s.publisher).toBe(source.publisher);
    expect(s.dateline).toBe(source.dateline);
    expect(s.removed).toEqual(source.removed);
    expect(s.text_content).toBe(text);
    expect(s.text_content).toBe(readFileSync(path.join(FIXTURE, 'geodata/sources', `${ID}.txt`), 'utf8'));
    const index = json<{ sources: { title: string; publisher: string }[] }>('index.json');
    expect(index.sources[0]).toMatchObject({ title: source.title, publisher: source.publisher });
  });

  it('gives every event back literally: title, attribution, excerpts at their offsets, quantities', () => {
    const story = json<{ events: Record<string, unknown>[] }>('story.json');
    expect(story.events.map((e) => e.event_id)).toEqual(events.map((e) => e.id));
    for (const [i, e] of events.entries()) {
      const out = story.events[i];
      expect(out.title, e.id).toBe(e.title);
      expect(out.claim_by, e.id).toBe(e.claim.by);
      expect(out.source_title).toBe(source.title);
      expect(out.excerpt_text, e.id).toBe(e.excerpts[0].text);
      const excerpts = out.excerpts as { start: number; end: number; text: string }[];
      expect(excerpts.map((x) => x.text)).toEqual(e.excerpts.map((x) => x.text));
      // Offsets count UTF-16 code units: the emoji and the surrogate pairs before an excerpt do not shift it.
      for (const x of excerpts) expect(text.slice(x.start, x.end)).toBe(x.text);
    }
    const img = story.events.find((e) => e.event_id === 'img-payload')!;
    expect(img).toMatchObject({ quantity_unit: '<b>troops</b>', quantity: '100,000 troops', quantity_value: 100000 });
  });

  it('gives every place back literally: names in three languages, notes', () => {
    const fc = json<FeatureCollection>('places.geojson');
    expect(fc.features.map((f) => f.properties!.place_id).sort()).toEqual(places.map((p) => p.id).sort());
    for (const p of places) {
      const props = fc.features.find((f) => f.properties!.place_id === p.id)!.properties!;
      expect(props.name, p.id).toBe(p.names.en);
      expect(props.name_uk, p.id).toBe(p.names.uk ?? null);
      expect(props.name_ru, p.id).toBe(p.names.ru ?? null);
      expect(props.place_note, p.id).toBe(p.note ?? null);
    }
    const events = json<FeatureCollection>('events.geojson');
    for (const f of events.features) {
      const p = places.find((x) => x.id === f.properties!.place_id)!;
      expect(f.properties!.place_name).toBe(p.names.en);
      expect(f.properties!.place_note).toBe(p.note ?? null);
    }
  });

  it('keeps the strings at their limits whole', () => {
    expect(places.find((p) => p.id === 'moldova-long-name')!.names.en).toHaveLength(200);
    expect(places.find((p) => p.id === 'kharkiv-oblast')!.note).toHaveLength(2000);
    const long = events.find((e) => e.id === 'long-excerpt')!;
    expect(long.title).toHaveLength(140);
    expect(long.claim.by).toHaveLength(200);
    expect(long.excerpts[0].text).toHaveLength(4990);
    const story = built.get('story.json')!;
    for (const s of [long.title, long.claim.by, long.excerpts[0].text]) expect(story).toContain(JSON.stringify(s).slice(1, -1));
  });

  it('writes the payloads into the JSON as they are: not HTML-escaped, not stripped', () => {
    const everywhere = [PAYLOADS.img, PAYLOADS.script, PAYLOADS.js, PAYLOADS.emoji];
    const inEvents = [...everywhere, PAYLOADS.arabic, PAYLOADS.hebrew];
    for (const [name, payloads] of [
      ['story.json', inEvents],
      ['events.geojson', inEvents],
      ['places.geojson', everywhere],
    ] as const) {
      const raw = built.get(name)!;
      for (const p of payloads) expect(raw, `${name}: ${p}`).toContain(p);
      expect(raw).not.toMatch(/&lt;|&gt;|&amp;|&#/);
      // Invisible and direction characters survive, raw or as JSON escapes.
      const parsed = JSON.stringify(JSON.parse(raw));
      const invisible =
        name === 'places.geojson' ? ['\u202E', '\u200B', '\u200D'] : ['\u202E', '\u200B', '\u200D', '\uFEFF', '\u2028'];
      for (const c of invisible) expect(parsed.includes(c), `${name} U+${c.charCodeAt(0).toString(16)}`).toBe(true);
    }
  });
});

describe('hostile strings the validator refuses, with a clear error', () => {
  type Change = (i: BuildInput) => void;
  const event = (i: BuildInput, id: string) =>
    (i.events[0].json as { events: Record<string, unknown>[] }).events.find((e) => e.id === id)!;
  const place = (i: BuildInput, id: string) =>
    (i.places.json as { places: Record<string, unknown>[] }).places.find((p) => p.id === id)!;
  const longParagraph = text.split('\n\n').find((p) => p.length > 5000)!;
  const CASES: [string, Change, { file: string; id: string; field: string; message: string }][] = [
    [
      'a 10,000-character title',
      (i) => (event(i, 'img-payload').title = PAYLOADS.img.repeat(400).slice(0, 10_000)),
      {
        file: `geodata/catalogue/${ID}.events.json`,
        id: 'img-payload',
        field: 'title',
        message: 'at most 140 characters, 10000 found',
      },
    ],
    [
      'a 201-character place name',
      (i) => ((place(i, 'moldova-long-name').names as Record<string, string>).en += 'x'),
      {
        file: 'geodata/catalogue/places.json',
        id: 'moldova-long-name',
        field: 'names.en',
        message: 'at most 200 characters, 201 found',
      },
    ],
    [
      'a 2,001-character note',
      (i) => (place(i, 'kharkiv-oblast').note += 'x'),
      {
        file: 'geodata/catalogue/places.json',
        id: 'kharkiv-oblast',
        field: 'note',
        message: 'at most 2000 characters, 2001 found',
      },
    ],
    [
      'a 201-character attribution',
      (i) => ((event(i, 'long-excerpt').claim as Record<string, string>).by += 'x'),
      {
        file: `geodata/catalogue/${ID}.events.json`,
        id: 'long-excerpt',
        field: 'claim.by',
        message: 'at most 200 characters, 201 found',
      },
    ],
    [
      'a 6,000-character excerpt',
      (i) => {
        const start = text.indexOf(longParagraph);
        event(i, 'long-excerpt').excerpts = [{ start, end: start + longParagraph.length, text: longParagraph }];
      },
      {
        file: `geodata/catalogue/${ID}.events.json`,
        id: 'long-excerpt',
        field: 'excerpts[0].text',
        message: `at most 5000 characters, ${longParagraph.length} found`,
      },
    ],
    [
      'a title with a lone surrogate',
      (i) => (event(i, 'zero-width').title = `broken \uD83D emoji`),
      {
        file: `geodata/catalogue/${ID}.events.json`,
        id: 'zero-width',
        field: 'title',
        message: 'contains a broken UTF-16 surrogate',
      },
    ],
    [
      'a name of spaces only',
      (i) => ((place(i, 'kharkiv').names as Record<string, string>).en = ' \t\n '),
      { file: 'geodata/catalogue/places.json', id: 'kharkiv', field: 'names.en', message: 'must not be empty' },
    ],
    [
      'a source text with a lone surrogate',
      (i) => (i.sources[0].text = `${text}\uDC00`),
      { file: `geodata/sources/${ID}.json`, id: ID, field: 'text', message: 'the text file contains a broken UTF-16 surrogate' },
    ],
  ];

  it.each(CASES)('%s', (_name, change, want) => {
    const copy: BuildInput = {
      ...structuredClone({ sources: input.sources, places: input.places, events: input.events }),
      basemap: input.basemap,
    };
    change(copy);
    const r = buildLayers(copy);
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.errors).toContainEqual(want);
  });

  it('a text file that is not UTF-8 (an encoded lone surrogate) is named, not read', () => {
    const broken = project();
    const file = path.join(broken, 'geodata/sources', `${ID}.txt`);
    // ED A0 80 is U+D800 in CESU-8: not valid UTF-8.
    writeFileSync(file, Buffer.concat([readFileSync(file), Buffer.from([0xed, 0xa0, 0x80])]));
    const { errors } = loadInputs(defaultFolders(broken));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: `geodata/sources/${ID}.txt`, id: '(file)', field: '(file)' });
    expect(errors[0].message).toMatch(/^cannot be read as UTF-8/);
  });
});

describe('the hostile layers for the end-to-end tests', () => {
  /** Prettier's formatting of a built file, as `prettier --check .` expects it in the repository. */
  async function formatted(name: string, content: string): Promise<string> {
    const file = path.join(LAYERS, name);
    const options = await prettier.resolveConfig(file);
    return prettier.format(content, { ...options, filepath: file });
  }

  const regen = 'run REGEN=1 npx vitest run tests/unit/layers/build-hostile.test.ts';

  it('are current (REGEN=1 rewrites them) and parse to exactly what the build gives', async () => {
    const want = new Map<string, string>();
    for (const [name, content] of built) want.set(name, await formatted(name, content));
    if (process.env.REGEN) {
      rmSync(LAYERS, { recursive: true, force: true });
      mkdirSync(LAYERS, { recursive: true });
      for (const [name, content] of want) writeFileSync(path.join(LAYERS, name), content);
    }
    expect(existsSync(LAYERS), `${path.relative(ROOT, LAYERS)} is missing: ${regen}`).toBe(true);
    expect(readdirSync(LAYERS).sort(), `the files in ${path.relative(ROOT, LAYERS)} are not the build's: ${regen}`).toEqual(
      [...want.keys()].sort(),
    );
    for (const [name, content] of want) {
      const committed = readFileSync(path.join(LAYERS, name), 'utf8');
      expect(committed === content, `${name} is stale: ${regen}`).toBe(true);
      expect(JSON.parse(committed)).toEqual(JSON.parse(built.get(name)!));
    }
  });

  full.it(
    'the CLI writes the same layers as the build in memory',
    () => {
      const cli = project();
      const run = runTsx('src/layers/cli.ts', ['--root', cli]);
      expect(run.status, run.stderr).toBe(0);
      const out = path.join(cli, 'geodata/layers');
      expect(readdirSync(out).sort()).toEqual([...built.keys()].sort());
      for (const [name, content] of built) expect(readFileSync(path.join(out, name), 'utf8') === content, name).toBe(true);
    },
    60_000,
  );
});
