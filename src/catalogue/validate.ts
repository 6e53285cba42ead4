/**
 * Checks a catalogue against its sources and the basemap. Never throws on bad data: every problem becomes
 * a ValidationError with the file, the record's id and the field, and all of them are returned at once.
 */
import { kinks, polygon } from '@turf/turf';
import { numbersIn } from './numbers';
import { CATEGORIES, PRECISIONS } from './vocabulary';
import { DateError, parseIsoDay, phraseIn, resolveEventDate } from './dates';
import { BLOCK_KINDS, CLAIM_KINDS, PLACE_BASES, PLACE_KINDS, SIDES, SITES, STANCES, type ValidationError } from './schema';

/** What the catalogue may refer to in the basemap. */
export interface BasemapIndex {
  units: Set<string>;
  countries: Set<string>;
  gazetteer: Set<string>;
  /** Countries that share a land border, each pair as "AA BB" in code order (`landNeighbours`). */
  neighbours: Set<string>;
}

/** The key of a pair of countries in `BasemapIndex.neighbours`. */
export const neighbourKey = (a: string, b: string) => (a < b ? `${a} ${b}` : `${b} ${a}`);

/** A source as loaded: its record, its text, and the file each came from. */
export interface LoadedSource {
  file: string;
  record: unknown;
  text: string;
}

/** A catalogue file as loaded, not yet known to be well-formed. */
export interface LoadedFile {
  file: string;
  json: unknown;
}

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** Date phrases that need not appear in an excerpt: they say so themselves. */
const IMPLICIT_DATES = new Set(['undated', 'as of publication']);
/** Larger than any count a news article gives; beyond it a number is a typo or an attack. */
const MAX_QUANTITY = 1e12;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const describe = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
/**
 * A value as an error message quotes it: its JSON. JSON.stringify recurses, so a value nested some
 * thousands deep, which JSON.parse reads without complaint, would overflow the stack: it is named instead.
 */
function show(v: unknown): string | undefined {
  try {
    return JSON.stringify(v);
  } catch (err) {
    if (err instanceof RangeError) return `(${describe(v)} too large or too deeply nested to show)`;
    throw err;
  }
}

/** Collects errors for one record. */
class Checker {
  constructor(
    private readonly errors: ValidationError[],
    readonly file: string,
    readonly id: string,
  ) {}

  fail(field: string, message: string): void {
    this.errors.push({ file: this.file, id: this.id, field, message });
  }

  /** Fields not in `known` are reported: a misspelt key would otherwise be silently ignored. */
  keys(o: Obj, known: string[], prefix = ''): void {
    for (const k of Object.keys(o)) if (!known.includes(k)) this.fail(prefix + k, `unknown field (known: ${known.join(', ')})`);
  }

  string(o: Obj, field: string, { optional = false, max = 2000, prefix = '' } = {}): string | undefined {
    const v = o[field];
    if (v === undefined && optional) return undefined;
    if (typeof v !== 'string') return (this.fail(prefix + field, `string expected, ${describe(v)} found`), undefined);
    // Zero-width characters are not text a reader could see: a title of only those is empty.
    if (!v.replace(/[\u200B-\u200D\u2060\uFEFF]/g, '').trim()) return (this.fail(prefix + field, 'must not be empty'), undefined);
    if (v.length > max) return (this.fail(prefix + field, `at most ${max} characters, ${v.length} found`), undefined);
    if (!v.isWellFormed()) return (this.fail(prefix + field, 'contains a broken UTF-16 surrogate'), undefined);
    return v;
  }

  oneOf(o: Obj, field: string, allowed: readonly string[], prefix = ''): string | undefined {
    const v = o[field];
    if (typeof v !== 'string' || !allowed.includes(v)) {
      return (this.fail(prefix + field, `one of ${allowed.join(', ')} expected, ${show(v) ?? 'nothing'} found`), undefined);
    }
    return v;
  }

  integer(o: Obj, field: string, prefix = ''): number | undefined {
    const v = o[field];
    if (typeof v !== 'number' || !Number.isInteger(v))
      return (this.fail(prefix + field, `integer expected, ${show(v) ?? 'nothing'} found`), undefined);
    return v;
  }

  array(o: Obj, field: string, { optional = false, prefix = '' } = {}): unknown[] | undefined {
    const v = o[field];
    if (v === undefined && optional) return undefined;
    if (!Array.isArray(v)) return (this.fail(prefix + field, `array expected, ${describe(v)} found`), undefined);
    if (v.length === 0) return (this.fail(prefix + field, 'must not be empty'), undefined);
    return v;
  }
}

function checkIds(records: unknown[], file: string, kind: string, errors: ValidationError[], seen: Map<string, string>): void {
  records.forEach((r, i) => {
    const id = isObj(r) ? r.id : undefined;
    if (typeof id !== 'string' || !ID.test(id)) {
      errors.push({
        file,
        id: `${kind}[${i}]`,
        field: 'id',
        message: `lower-case words joined by hyphens expected, ${show(id) ?? 'nothing'} found`,
      });
    } else if (seen.has(id)) {
      errors.push({ file, id, field: 'id', message: `duplicate ${kind} id (also in ${seen.get(id)})` });
    } else {
      seen.set(id, file);
    }
  });
}

const recordId = (r: unknown, kind: string, i: number) => (isObj(r) && typeof r.id === 'string' && r.id ? r.id : `${kind}[${i}]`);

function checkSource(s: LoadedSource, errors: ValidationError[]): void {
  const c = new Checker(errors, s.file, recordId(s.record, 'source', 0));
  if (!isObj(s.record)) return c.fail('(record)', `object expected, ${describe(s.record)} found`);
  const r = s.record;
  c.keys(r, [
    'id',
    'title',
    'publisher',
    'published',
    'url',
    'dateline',
    'text',
    'captured_from',
    'removed',
    'captions',
    'blocks',
    'fictional',
    'carries',
  ]);
  for (const f of ['title', 'publisher', 'text', 'captured_from']) c.string(r, f);
  if (r.fictional !== undefined && r.fictional !== true)
    c.fail('fictional', `true or nothing expected, ${show(r.fictional)} found`);
  c.string(r, 'carries', { optional: true, max: 300 });
  c.string(r, 'dateline', { optional: true });
  const url = c.string(r, 'url', { optional: true, max: 2000 });
  if (url !== undefined && !(URL.canParse(url) && new URL(url).protocol === 'https:'))
    c.fail('url', `an https URL of the original article expected, ${JSON.stringify(url.slice(0, 80))} found`);
  // Copied into story.json as they are: lists of strings, or a value that cannot be written out gets through.
  for (const f of ['removed', 'captions']) {
    const list = r[f];
    if (list === undefined) continue;
    if (!Array.isArray(list)) c.fail(f, `array expected, ${describe(list)} found`);
    else list.forEach((line, i) => c.string({ [`${f}[${i}]`]: line }, `${f}[${i}]`));
  }
  const published = c.string(r, 'published');
  if (published) {
    try {
      parseIsoDay(published);
    } catch (err) {
      c.fail('published', (err as Error).message);
    }
  }
  if (!s.text.isWellFormed()) c.fail('text', 'the text file contains a broken UTF-16 surrogate');
  const blocks = c.array(r, 'blocks');
  let previousEnd = 0;
  blocks?.forEach((b, i) => {
    const p = `blocks[${i}].`;
    if (!isObj(b)) return c.fail(`blocks[${i}]`, `object expected, ${describe(b)} found`);
    c.keys(b, ['kind', 'start', 'end'], p);
    c.oneOf(b, 'kind', BLOCK_KINDS, p);
    const [start, end] = [c.integer(b, 'start', p), c.integer(b, 'end', p)];
    if (start === undefined || end === undefined) return;
    if (start < previousEnd || end <= start || end > s.text.length) {
      c.fail(`${p}start`, `blocks must be in order, non-empty and within the text (0–${s.text.length}): ${start}–${end}`);
    }
    previousEnd = end;
  });
}

function checkGeometry(c: Checker, g: unknown, basemap: BasemapIndex): void {
  if (!isObj(g)) return c.fail('geometry', `object expected, ${describe(g)} found`);
  const kinds = ['units', 'countries', 'gazetteer', 'point', 'polygon', 'recipe'];
  const shapes = kinds.filter((k) => k in g);
  if (shapes.length !== 1)
    return c.fail('geometry', `exactly one of ${kinds.join(', ')} expected, ${shapes.join(', ') || 'none'} found`);
  const lngLat = (p: unknown, field: string): boolean => {
    if (!Array.isArray(p) || p.length !== 2 || !p.every((n) => typeof n === 'number' && Number.isFinite(n))) {
      c.fail(field, `[longitude, latitude] expected, ${show(p)} found`);
      return false;
    }
    const [lng, lat] = p as number[];
    if (lng < -180 || lng > 180) c.fail(field, `longitude ${lng} out of range -180..180`);
    if (lat < -90 || lat > 90) c.fail(field, `latitude ${lat} out of range -90..90 (is [lng, lat] swapped?)`);
    return lng >= -180 && lng <= 180 && lat >= -90 && lat <= 90;
  };
  const codes = (field: string, known: Set<string>, what: string) => {
    const list = c.array(g, field, { prefix: 'geometry.' });
    list?.forEach((code, i) => {
      if (typeof code !== 'string' || !known.has(code)) c.fail(`geometry.${field}[${i}]`, `unknown ${what} ${show(code)}`);
    });
  };
  switch (shapes[0]) {
    case 'units':
      c.keys(g, ['units'], 'geometry.');
      return codes('units', basemap.units, 'basemap unit (ISO 3166-2)');
    case 'countries': {
      c.keys(g, ['countries', 'clip'], 'geometry.');
      codes('countries', basemap.countries, 'basemap country (ISO 3166-1 alpha-2)');
      const box = g.clip;
      if (box === undefined) return;
      const ok =
        Array.isArray(box) &&
        box.length === 4 &&
        box.every((n) => typeof n === 'number' && Number.isFinite(n)) &&
        box[0] < box[2] &&
        box[1] < box[3] &&
        box[0] >= -180 &&
        box[2] <= 180 &&
        box[1] >= -90 &&
        box[3] <= 90;
      if (!ok)
        c.fail(
          'geometry.clip',
          `[west, south, east, north] in degrees, west < east, south < north, expected, ${show(box)} found`,
        );
      return;
    }
    case 'gazetteer': {
      c.keys(g, ['gazetteer'], 'geometry.');
      const id = c.string(g, 'gazetteer', { prefix: 'geometry.' });
      if (id && !basemap.gazetteer.has(id)) c.fail('geometry.gazetteer', `unknown gazetteer id ${JSON.stringify(id)}`);
      return;
    }
    case 'point':
      c.keys(g, ['point'], 'geometry.');
      lngLat(g.point, 'geometry.point');
      return;
    case 'polygon': {
      c.keys(g, ['polygon', 'except'], 'geometry.');
      if (g.except !== undefined) codes('except', basemap.countries, 'basemap country (ISO 3166-1 alpha-2)');
      const ring = g.polygon;
      if (!Array.isArray(ring) || ring.length < 4)
        return c.fail(
          'geometry.polygon',
          `a closed ring of at least 4 [longitude, latitude] expected, ${show(ring)?.slice(0, 80)} found`,
        );
      if (!ring.every((p, i) => lngLat(p, `geometry.polygon[${i}]`))) return;
      const [first, last] = [ring[0] as number[], ring[ring.length - 1] as number[]];
      if (first[0] !== last[0] || first[1] !== last[1]) return c.fail('geometry.polygon', 'the ring must end where it starts');
      // A polygon given outright is drawn by a person (the editor's corners, a sketch): a few hundred points
      // at most. A traced coastline belongs in the basemap, and its weight in every reader's download.
      if (ring.length > MAX_RING)
        return c.fail('geometry.polygon', `at most ${MAX_RING} points expected, ${ring.length} found: simplify it`);
      const crossings = kinks(polygon([ring as [number, number][]])).features;
      if (crossings.length) {
        const [lng, lat] = crossings[0].geometry.coordinates.map((x) => Math.round(x * 1e4) / 1e4);
        c.fail(
          'geometry.polygon',
          `the ring crosses itself (${crossings.length} crossing${crossings.length > 1 ? 's' : ''}, the first at [${lng}, ${lat}]): an area drawn across itself has no inside a reader can trust`,
        );
      }
      return;
    }
    case 'recipe': {
      c.keys(g, ['recipe', 'along', 'within', 'km'], 'geometry.');
      c.oneOf(g, 'recipe', ['border-band'], 'geometry.');
      if (typeof g.along !== 'string' || !basemap.countries.has(g.along))
        c.fail('geometry.along', `unknown basemap country ${show(g.along)}`);
      codes('within', basemap.countries, 'basemap country');
      if (typeof g.km !== 'number' || !(g.km > 0 && g.km <= 1000))
        c.fail('geometry.km', `a distance in km, 0 < km <= 1000, expected, ${show(g.km)} found`);
    }
  }
}

/** The most points a polygon given outright may have (see the polygon case in checkGeometry). */
export const MAX_RING = 2000;

function checkPlace(r: unknown, i: number, file: string, basemap: BasemapIndex, errors: ValidationError[]): void {
  const c = new Checker(errors, file, recordId(r, 'places', i));
  if (!isObj(r)) return c.fail('(record)', `object expected, ${describe(r)} found`);
  c.keys(r, ['id', 'names', 'kind', 'geometry', 'precision', 'basis', 'note']);
  if (!isObj(r.names)) c.fail('names', `object expected, ${describe(r.names)} found`);
  else {
    c.keys(r.names, ['en', 'uk', 'ru'], 'names.');
    c.string(r.names, 'en', { prefix: 'names.', max: 200 });
    c.string(r.names, 'uk', { prefix: 'names.', optional: true, max: 200 });
    c.string(r.names, 'ru', { prefix: 'names.', optional: true, max: 200 });
  }
  c.oneOf(r, 'kind', PLACE_KINDS);
  c.oneOf(r, 'precision', PRECISIONS);
  c.oneOf(r, 'basis', PLACE_BASES);
  c.string(r, 'note', { optional: true });
  if (r.basis === 'context' && typeof r.note !== 'string')
    c.fail('note', 'a place drawn from general knowledge (basis "context") must say so in a note');
  // An approximate place drawn as a dot looks exact once zoomed in: "the Arctic" is an area.
  if (r.precision === 'zone' && isObj(r.geometry) && ('gazetteer' in r.geometry || 'point' in r.geometry))
    c.fail('precision', 'an approximate zone must be drawn as an area (units, countries, polygon or recipe), not a point');
  if (isObj(r.geometry) && 'polygon' in r.geometry && typeof r.note !== 'string')
    c.fail('note', 'a polygon given outright is a drawing convention: the note must say what bounds it');
  checkGeometry(c, r.geometry, basemap);
}

interface EventContext {
  file: string;
  sources: Map<string, { text: string; published: string }>;
  /** Each place's kind, by id. */
  places: Map<string, unknown>;
  errors: ValidationError[];
}

function checkExcerpts(c: Checker, list: unknown[] | undefined, text: string | undefined): string[] {
  const texts: string[] = [];
  const spans: [number, number, number][] = [];
  list?.forEach((x, i) => {
    const p = `excerpts[${i}].`;
    if (!isObj(x)) return c.fail(`excerpts[${i}]`, `object expected, ${describe(x)} found`);
    c.keys(x, ['start', 'end', 'text'], p);
    const quoted = c.string(x, 'text', { prefix: p, max: 5000 });
    const [start, end] = [c.integer(x, 'start', p), c.integer(x, 'end', p)];
    if (quoted) texts.push(quoted);
    if (start === undefined || end === undefined || text === undefined) return;
    if (start < 0 || end > text.length || start >= end) {
      return c.fail(
        `${p}start`,
        `offsets ${start}–${end} out of bounds: the text has ${text.length} characters, and start < end`,
      );
    }
    for (const [s, e, j] of spans) if (start < e && s < end) c.fail(`${p}start`, `overlaps excerpts[${j}] (${s}–${e})`);
    spans.push([start, end, i]);
    const actual = text.slice(start, end);
    if (quoted !== undefined && actual !== quoted) {
      const found = text.indexOf(quoted);
      const hint =
        found >= 0 ? `; the quoted text is at ${found}–${found + quoted.length}` : '; the quoted text is not in the source';
      c.fail(
        `${p}text`,
        `does not match the source at ${start}–${end}, which reads ${JSON.stringify(actual.slice(0, 80))}${hint}`,
      );
    }
  });
  return texts;
}

function checkDate(c: Checker, d: unknown, field: string, published: string | undefined, excerpts: string[]): void {
  if (!isObj(d)) return c.fail(field, `object expected, ${describe(d)} found`);
  c.keys(d, ['expr', 'ahead', 'lasting'], `${field}.`);
  const expr = c.string(d, 'expr', { prefix: `${field}.`, max: 100 });
  if (d.ahead !== undefined && d.ahead !== true)
    c.fail(`${field}.ahead`, `true or absent expected, ${JSON.stringify(d.ahead)} found`);
  const lasting = d.lasting;
  if (lasting !== undefined) {
    if (!isObj(lasting)) return c.fail(`${field}.lasting`, `object expected, ${describe(lasting)} found`);
    c.keys(lasting, ['days', 'text'], `${field}.lasting.`);
    const text = c.string(lasting, 'text', { prefix: `${field}.lasting.`, max: 40 });
    if (typeof lasting.days !== 'number')
      return c.fail(`${field}.lasting.days`, `number expected, ${describe(lasting.days)} found`);
    if (text && !excerpts.some((t) => phraseIn(t, text)))
      c.fail(`${field}.lasting.text`, `"${text}" does not appear in the event's excerpts: a duration must be the article's own`);
  }
  if (!expr || !published) return;
  try {
    resolveEventDate(d as Parameters<typeof resolveEventDate>[0], published);
  } catch (err) {
    if (!(err instanceof DateError)) throw err;
    return c.fail(
      `${field}.${/"lasting/.test(err.message) ? 'lasting' : /"ahead"/.test(err.message) ? 'ahead' : 'expr'}`,
      err.message,
    );
  }
  const phrase = expr.trim().toLowerCase();
  if (!IMPLICIT_DATES.has(phrase) && !excerpts.some((t) => phraseIn(t, phrase))) {
    c.fail(`${field}.expr`, `"${expr}" does not appear in the event's excerpts: a date must be the article's own`);
  }
}

function checkQuantity(c: Checker, q: unknown, p: string, excerpts: string[], published: string | undefined): void {
  if (!isObj(q)) return c.fail(p.slice(0, -1), `object expected, ${describe(q)} found`);
  c.keys(q, ['value', 'unit', 'qualifier', 'text', 'previous'], p);
  c.string(q, 'unit', { prefix: p, max: 100 });
  c.string(q, 'qualifier', { prefix: p, optional: true, max: 50 });
  const numberIn = (o: Obj, prefix: string) => {
    const v = o.value;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > MAX_QUANTITY) {
      return c.fail(`${prefix}value`, `a number from 0 to ${MAX_QUANTITY} expected, ${show(v) ?? 'nothing'} found`);
    }
    const text = c.string(o, 'text', { prefix, max: 300 });
    if (!text) return;
    if (!excerpts.some((t) => t.includes(text)))
      c.fail(`${prefix}text`, `${JSON.stringify(text)} does not appear in the event's excerpts`);
    const numbers = numbersIn(text);
    if (!numbers.includes(v)) c.fail(`${prefix}value`, `${v} is not the number ${JSON.stringify(text)} gives`);
  };
  numberIn(q, p);
  if (q.previous !== undefined) {
    if (!isObj(q.previous)) return c.fail(`${p}previous`, `object expected, ${describe(q.previous)} found`);
    c.keys(q.previous, ['value', 'date', 'text'], `${p}previous.`);
    numberIn(q.previous, `${p}previous.`);
    checkDate(c, q.previous.date, `${p}previous.date`, published, excerpts);
  }
}

function checkEvent(r: unknown, i: number, ctx: EventContext): void {
  const c = new Checker(ctx.errors, ctx.file, recordId(r, 'events', i));
  if (!isObj(r)) return c.fail('(record)', `object expected, ${describe(r)} found`);
  c.keys(r, ['id', 'source', 'places', 'site', 'about', 'category', 'title', 'date', 'quantities', 'claim', 'excerpts']);
  const sourceId = c.string(r, 'source');
  const source = sourceId ? ctx.sources.get(sourceId) : undefined;
  if (sourceId && !source) c.fail('source', `unknown source ${JSON.stringify(sourceId)}`);
  // No place at all is honest when the article gives none and no seat stands in ("intelligence agencies
  // see an increasing likelihood of an incursion"): then the event must say what it is about.
  const noPlace = Array.isArray(r.places) && r.places.length === 0 && Array.isArray(r.about) && r.about.length > 0;
  for (const field of ['places', 'about'] as const) {
    const list = field === 'places' && noPlace ? [] : c.array(r, field, { optional: field === 'about' });
    const seen = new Set<unknown>();
    list?.forEach((id, j) => {
      if (typeof id !== 'string' || !ctx.places.has(id)) c.fail(`${field}[${j}]`, `unknown place ${show(id)}`);
      if (seen.has(id)) c.fail(`${field}[${j}]`, `${show(id)} listed twice`);
      seen.add(id);
    });
  }
  const site = c.oneOf(r, 'site', SITES);
  if (site === 'seat' && Array.isArray(r.places)) {
    if (r.places.length === 0) c.fail('places', 'an event drawn at a seat of government needs that seat');
    r.places.forEach((id, j) => {
      const kind = typeof id === 'string' ? ctx.places.get(id) : undefined;
      if (kind !== undefined && kind !== 'city')
        c.fail(`places[${j}]`, `a seat of government is a capital city; ${show(id)} is a ${String(kind)}`);
    });
  }
  c.oneOf(r, 'category', CATEGORIES);
  c.string(r, 'title', { max: 140 });
  if (!isObj(r.claim)) c.fail('claim', `object expected, ${describe(r.claim)} found`);
  else {
    c.keys(r.claim, ['by', 'kind', 'stance'], 'claim.');
    c.string(r.claim, 'by', { prefix: 'claim.', max: 200 });
    c.oneOf(r.claim, 'kind', CLAIM_KINDS, 'claim.');
    c.oneOf(r.claim, 'stance', STANCES, 'claim.');
  }
  const excerpts = checkExcerpts(c, c.array(r, 'excerpts'), source?.text);
  checkDate(c, r.date, 'date', source?.published, excerpts);
  c.array(r, 'quantities', { optional: true })?.forEach((q, j) =>
    checkQuantity(c, q, `quantities[${j}].`, excerpts, source?.published),
  );
}

/**
 * The file's `claimants` map gives every claimant's side (schema.ts SIDES): each entry a known side,
 * each claimant of its events (but the article's own voice) present, no entry that no event uses.
 * A file without the map gives no sides (a draft saved before an editor set them): its claimants are
 * shown as "side not given", never a guessed side.
 */
function checkClaimants(file: string, json: Obj, errors: ValidationError[]): void {
  if (json.claimants === undefined) return;
  const map = json.claimants;
  if (!isObj(map))
    return void errors.push({ file, id: '(file)', field: 'claimants', message: `object expected, ${describe(map)} found` });
  const c = new Checker(errors, file, '(file)');
  for (const [by, side] of Object.entries(map))
    if (typeof side !== 'string' || !(SIDES as readonly string[]).includes(side))
      c.fail(`claimants[${JSON.stringify(by)}]`, `one of ${SIDES.join(', ')} expected, ${show(side) ?? 'nothing'} found`);
  const used = new Set<string>();
  (json.events as unknown[]).forEach((e, i) => {
    if (!isObj(e) || !isObj(e.claim) || typeof e.claim.by !== 'string' || e.claim.kind === 'article') return;
    used.add(e.claim.by);
    if (!Object.hasOwn(map, e.claim.by))
      errors.push({
        file,
        id: recordId(e, 'events', i),
        field: 'claim.by',
        message: `no side for ${JSON.stringify(e.claim.by)}: add it to the file's "claimants" map (one of ${SIDES.join(', ')})`,
      });
  });
  for (const by of Object.keys(map))
    if (!used.has(by)) c.fail(`claimants[${JSON.stringify(by)}]`, 'no event of this file has this claimant');
}

export interface CatalogueInput {
  sources: LoadedSource[];
  places: LoadedFile;
  events: LoadedFile[];
}

export function validateCatalogue(input: CatalogueInput, basemap: BasemapIndex): ValidationError[] {
  const errors: ValidationError[] = [];
  const sourceIds = new Map<string, string>();
  for (const s of input.sources) checkIds([s.record], s.file, 'source', errors, sourceIds);
  const sources = new Map<string, { text: string; published: string }>();
  for (const s of input.sources) {
    checkSource(s, errors);
    if (isObj(s.record) && typeof s.record.id === 'string')
      // Not String(published): an object from JSON may carry a "toString" that is not a function.
      sources.set(s.record.id, { text: s.text, published: typeof s.record.published === 'string' ? s.record.published : '' });
  }

  const placesJson = input.places.json;
  const placeIds = new Map<string, string>();
  if (!isObj(placesJson) || !Array.isArray(placesJson.places)) {
    errors.push({ file: input.places.file, id: '(file)', field: 'places', message: 'an object with a "places" array expected' });
  } else {
    checkIds(placesJson.places, input.places.file, 'places', errors, placeIds);
    placesJson.places.forEach((p, i) => checkPlace(p, i, input.places.file, basemap, errors));
    if (placesJson.measures !== undefined && !Array.isArray(placesJson.measures))
      errors.push({
        file: input.places.file,
        id: '(file)',
        field: 'measures',
        message: `array expected, ${describe(placesJson.measures)} found`,
      });
    if (Array.isArray(placesJson.measures)) checkIds(placesJson.measures, input.places.file, 'measures', errors, new Map());
    (Array.isArray(placesJson.measures) ? placesJson.measures : []).forEach((m, i) => {
      const c = new Checker(errors, input.places.file, recordId(m, 'measures', i));
      if (!isObj(m)) return c.fail('(record)', `object expected, ${describe(m)} found`);
      // The build copies a measure's id and destination into its output: nothing else may ride along.
      c.keys(m, ['id', 'from', 'to']);
      if (isObj(m.to)) c.keys(m.to, ['border'], 'to.');
      if (typeof m.from !== 'string' || !placeIds.has(m.from)) c.fail('from', `unknown place ${show(m.from)}`);
      else {
        const from = (placesJson.places as unknown[]).find((p) => isObj(p) && p.id === m.from) as Obj;
        if (!isObj(from.geometry) || !('gazetteer' in from.geometry || 'point' in from.geometry))
          c.fail('from', `${show(m.from)} is not a point place: a distance is measured from a gazetteer or point geometry`);
      }
      const border = isObj(m.to) ? m.to.border : undefined;
      if (
        !Array.isArray(border) ||
        border.length !== 2 ||
        !border.every((b) => typeof b === 'string' && basemap.countries.has(b)) ||
        border[0] === border[1]
      ) {
        c.fail('to.border', `two different basemap country codes expected, ${show(border)} found`);
      }
    });
  }

  const eventIds = new Map<string, string>();
  for (const f of input.events) {
    if (!isObj(f.json) || !Array.isArray(f.json.events)) {
      errors.push({ file: f.file, id: '(file)', field: 'events', message: 'an object with an "events" array expected' });
      continue;
    }
    // One file, one article: the file names its source, and every event in it is that source's. An
    // event naming another article's source would put words in that article it does not have.
    const file = new Checker(errors, f.file, '(file)');
    file.keys(f.json, ['source', 'review', 'claimants', 'events']);
    const own = file.string(f.json, 'source', { optional: true });
    if (own !== undefined && !sources.has(own)) file.fail('source', `unknown source ${JSON.stringify(own)}`);
    if (own !== undefined)
      f.json.events.forEach((e, i) => {
        if (isObj(e) && typeof e.source === 'string' && e.source !== own)
          errors.push({
            file: f.file,
            id: recordId(e, 'events', i),
            field: 'source',
            message: `${JSON.stringify(e.source)} is another article's source: this file holds ${JSON.stringify(own)}'s events (put the event in that article's file)`,
          });
      });
    checkIds(f.json.events, f.file, 'events', errors, eventIds);
    const kinds = new Map<string, unknown>();
    if (isObj(placesJson) && Array.isArray(placesJson.places))
      for (const p of placesJson.places) if (isObj(p) && typeof p.id === 'string' && placeIds.has(p.id)) kinds.set(p.id, p.kind);
    const ctx: EventContext = { file: f.file, sources, places: kinds, errors };
    f.json.events.forEach((e, i) => checkEvent(e, i, ctx));
    checkClaimants(f.file, f.json, errors);
    // A draft published before anyone reviewed it says so: the reader marks its events "draft, not reviewed".
    if (f.json.review !== undefined && f.json.review !== 'draft')
      errors.push({
        file: f.file,
        id: '(file)',
        field: 'review',
        message: `"draft" or nothing expected, ${show(f.json.review) ?? describe(f.json.review)} found`,
      });
  }
  return errors;
}
