/**
 * The committed story layers: current, valid, verbatim. Builds the catalogue in memory and compares it
 * byte for byte with geodata/layers/, so a change to the catalogue without a rebuild fails here.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { getIssues } from '@placemarkio/check-geojson';
import { booleanClockwise, booleanPointInPolygon } from '@turf/turf';
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { buildLayers } from '../../../src/layers/build';
import { defaultFolders, loadInputs } from '../../../src/layers/inputs';
import { reviewInput } from '../../../src/catalogue/review';
import { formatError, type CatalogueEvent, type Source } from '../../../src/catalogue/schema';
import { ROOT, runTsx, seedFolders, seedProject, tempProject } from '../../support/helpers';
import { full } from '../../support/tier';

const LAYERS = path.join(ROOT, 'geodata/layers');
const { input, errors: loadErrors } = loadInputs(defaultFolders(ROOT));
const result = buildLayers(input!);
const built = result.ok ? result.files : new Map<string, string>();
// The seed's own facts are checked on the seed alone: articles an editor adds leave these tests green.
const { input: seedInput } = loadInputs(seedFolders());
const seedResult = buildLayers(seedInput!);
const seedBuilt = seedResult.ok ? seedResult.files : new Map<string, string>();

describe('the seed story catalogue', () => {
  it('loads and validates without a single error', () => {
    expect(loadErrors).toEqual([]);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('every excerpt is the article verbatim at its offsets', () => {
    const text = readFileSync(path.join(ROOT, 'geodata/sources/nbc-2022-01-26.txt'), 'utf8');
    const events = (
      JSON.parse(readFileSync(path.join(ROOT, 'geodata/catalogue/nbc-2022-01-26.events.json'), 'utf8')) as {
        events: CatalogueEvent[];
      }
    ).events;
    let n = 0;
    for (const e of events) {
      for (const x of e.excerpts) {
        expect(text.slice(x.start, x.end), `${e.id} ${x.start}`).toBe(x.text);
        n++;
      }
    }
    expect(n).toBeGreaterThanOrEqual(40);
  });

  it('committed layers are current (run npm run geodata:layers after changing the catalogue)', () => {
    expect(readdirSync(LAYERS).sort()).toEqual([...built.keys()].sort());
    for (const [name, text] of built)
      expect(readFileSync(path.join(LAYERS, name), 'utf8') === text, `${name} is stale`).toBe(true);
  });

  it('has a layer for each place the design names, and one for every other place with events', () => {
    for (const name of [
      'ukraine',
      'belarus',
      'rostov-region',
      'kyiv',
      'yaroslavl-region',
      'moscow',
      'washington',
      'paris',
      'russia-near-ukraine-border',
    ]) {
      expect(seedBuilt.has(`${name}.geojson`), name).toBe(true);
    }
  });

  it('finds the facts at the places a reader would click', () => {
    const titles = (place: string) =>
      (JSON.parse(seedBuilt.get(`${place}.geojson`)!) as FeatureCollection).features.map((f) => String(f.properties!.event_id));
    expect(titles('kyiv')).toContain('us-plane-kyiv');
    expect(titles('belarus')).toEqual(expect.arrayContaining(['fighter-jets-belarus', 'joint-drills-belarus', 'troop-buildup']));
    expect(titles('rostov-region')).toContain('rostov-drills');
    expect(titles('yaroslavl-region')).toContain('yaroslavl-drills');
  });

  it('keeps the article precise and no more: dates, quantities, attribution', () => {
    const events = new Map(
      (JSON.parse(seedBuilt.get('story.json')!) as { events: Record<string, unknown>[] }).events.map((e) => [
        e.event_id as string,
        e,
      ]),
    );
    expect(events.get('us-plane-kyiv')).toMatchObject({ date: '2022-01-25', date_precision: 'day', category: 'military-aid' });
    expect(events.get('joint-drills-belarus')).toMatchObject({ date: '2022-02', date_precision: 'month', stance: 'planned' });
    expect(events.get('drills-throughout-russia')).toMatchObject({ date: '2022-W04', date_precision: 'week' });
    expect(events.get('russia-security-demands')).toMatchObject({ date: '2021-12', date_precision: 'month' });
    expect(events.get('troop-buildup')).toMatchObject({
      quantity: 'over 100,000 troops',
      quantity_value: 100000,
      date_precision: 'unknown',
    });
    expect(events.get('battalion-tactical-groups')).toMatchObject({
      quantity: '62 Russian battalion tactical groups',
      quantity_previous: 'up from 59 at this time last week',
      previous_value: 59,
      previous_date: '2022-W03',
      claim_by: 'a U.S. defense official and a Western intelligence official',
      claim_kind: 'official',
    });
    expect(events.get('peskov-sanctions')).toMatchObject({ claim_by: 'Kremlin spokesperson Dmitri Peskov' });
    expect(events.get('russia-denies-invasion-plans')).toMatchObject({ stance: 'denied' });
    expect(events.get('yaroslavl-drills')).toMatchObject({ excerpt_block: 'caption' });
  });

  const placeFeatures = () => (JSON.parse(seedBuilt.get('places.geojson')!) as FeatureCollection).features;
  const placeFeature = (id: string) => placeFeatures().find((f) => f.properties!.place_id === id)!;
  const storyEvents = () => (JSON.parse(seedBuilt.get('story.json')!) as { events: Record<string, unknown>[] }).events;

  it('marks general knowledge as context, never as the article', () => {
    const arctic = placeFeature('arctic');
    expect(arctic.properties).toMatchObject({ place_basis: 'context', location_precision: 'zone' });
    expect(arctic.properties!.place_note).toMatch(/general knowledge/);
  });

  it('draws "in the Arctic" as an area, never as a dot that looks exact when zoomed in', () => {
    expect(placeFeature('arctic').geometry.type).toBe('Polygon');
    expect(placeFeatures().map((f) => f.properties!.place_id)).not.toContain('northern-fleet-base');
    const zones = placeFeatures().filter((f) => f.properties!.location_precision === 'zone');
    for (const z of zones) expect(z.geometry.type, String(z.properties!.place_id)).not.toBe('Point');
  });

  it('measures "near its shared border with Ukraine" from the land border: not Taman or Anapa, across the water', () => {
    const band = placeFeature('russia-near-ukraine-border').geometry as Polygon | MultiPolygon;
    expect(booleanPointInPolygon([37.32, 44.89], band), 'Anapa').toBe(false);
    expect(booleanPointInPolygon([36.72, 45.21], band), 'Taman').toBe(false);
    expect(booleanPointInPolygon([36.58, 50.6], band), 'Belgorod, ~40 km from the border').toBe(true);
  });

  it('draws the EU in Europe: Malta kept, French Guiana and Réunion left out', () => {
    const eu = placeFeature('european-union').geometry as Polygon | MultiPolygon;
    expect(booleanPointInPolygon([14.44, 35.9], eu), 'Malta').toBe(true);
    expect(booleanPointInPolygon([33.3, 35.1], eu), 'Cyprus').toBe(true);
    expect(booleanPointInPolygon([-53, 4], eu), 'French Guiana').toBe(false);
    expect(booleanPointInPolygon([55.5, -21.1], eu), 'Réunion').toBe(false);
  });

  it('draws a seat of government only at a capital city, and says where the article gives no place', () => {
    const kinds = new Map(placeFeatures().map((f) => [f.properties!.place_id, f.properties!.kind]));
    const seats = storyEvents().filter((e) => e.site === 'seat');
    expect(seats.length).toBeGreaterThan(0);
    for (const e of seats) for (const p of e.places as string[]) expect(kinds.get(p), `${e.event_id} at ${p}`).toBe('city');
    // Psaki's remark: the article gives no place, so it is at a seat, not "where it was said".
    expect(storyEvents().find((e) => e.event_id === 'energy-supplies-europe')).toMatchObject({ site: 'seat' });
  });

  it('counts in places.geojson categories only what happened or was said there, not events listed at a seat', () => {
    const props = new Map(placeFeatures().map((f) => [f.properties!.place_id, f.properties!]));
    // 8,500 troops on alert, Biden, Psaki, the Lavrov call and Blinken's undated warning on civilians are listed at
    // Washington as a seat: not troops in Washington.
    // The letter was said there (Blinken: "the U.S. formally responded"): diplomacy is Washington's own.
    expect(props.get('washington')).toMatchObject({
      categories: 'diplomacy',
      seat_categories: 'civilians,troops,statement,diplomacy,sanctions,energy',
    });
    expect(props.get('london')).toMatchObject({ categories: '', seat_categories: 'sanctions' });
    expect(props.get('belarus')).toMatchObject({ categories: 'troops,aircraft,drills', seat_categories: '' });
    const sorted = (list: string[]) => [...new Set(list)].sort();
    for (const [id, p] of props) {
      const here = storyEvents().filter((e) => (e.places as string[]).includes(id));
      const split = (s: string) => (s === '' ? [] : s.split(','));
      expect(sorted(split(p.categories as string)), id).toEqual(
        sorted(here.filter((e) => e.site !== 'seat').map((e) => e.category as string)),
      );
      expect(sorted(split(p.seat_categories as string)), id).toEqual(
        sorted(here.filter((e) => e.site === 'seat').map((e) => e.category as string)),
      );
    }
  });

  it('keeps the windows the article gives in words, and dates the event rather than the telling', () => {
    const byId = new Map(storyEvents().map((e) => [e.event_id, e]));
    expect(byId.get('nato-standby')).toMatchObject({ date_expr: 'just days after', date_precision: 'window' });
    expect(byId.get('blinken-lavrov-talks')).toMatchObject({ date_expr: 'in the coming days', date_precision: 'window' });
    expect(byId.get('incursion-likelihood')).toMatchObject({ date_expr: 'over the next few weeks', places: [] });
    // "Putin continues to enlarge…, officials told NBC News Wednesday": Wednesday is the telling.
    expect(byId.get('military-presence-enlarged')).toMatchObject({ date_precision: 'unknown' });
  });

  it('credits each claim to whoever the article says speaks (truth.md: claims)', () => {
    const byId = new Map(storyEvents().map((e) => [e.event_id, e]));
    expect(byId.get('russia-denies-invasion-plans')).toMatchObject({
      claim_by: 'Russia',
      claim_kind: 'government',
      stance: 'denied',
    });
    expect(byId.get('russia-warns-retaliation')).toMatchObject({ claim_by: 'Russia', stance: 'warned' });
    expect(byId.get('britain-sanctions')).toMatchObject({ stance: 'signaled' });
    // No attribution in that sentence: the article's own voice.
    expect(byId.get('forces-exercising-in-belarus')).toMatchObject({ claim_kind: 'article' });
  });

  it('has no title or claim flagged for review (hedges, conditions and stances kept)', () => {
    expect(reviewInput(seedInput!).map(formatError)).toEqual([]);
  });

  it('gives ink by precision: points strongest, regions filled, zones hatched, countries and groups faintest', () => {
    const ink = (id: string) => placeFeature(id).properties!.ink;
    expect(['kyiv', 'rostov-region', 'russia-near-ukraine-border', 'arctic', 'belarus'].map(ink)).toEqual([
      'point',
      'region',
      'zone',
      'zone',
      'country',
    ]);
    // "eastern Europe" and the EU are vaguely named, but drawn as whole countries: never a hatch over a continent.
    expect(ink('eastern-europe')).toBe('country');
    expect(ink('european-union')).toBe('country');
  });

  it('names in bold only the basemap places the article itself names', () => {
    const named = placeFeatures()
      .filter((f) => f.properties!.place_basis === 'article' && f.properties!.gazetteer)
      .map((f) => f.properties!.gazetteer as string);
    // Kyiv, Moscow, Washington, Paris: not Minsk, Rostov-on-Don, Severomorsk or London.
    expect([...new Set(named)].sort()).toEqual(['geonames:2988507', 'geonames:4140963', 'geonames:524901', 'geonames:703448']);
  });

  it('computes the distance from Kyiv to the Belarusian border', () => {
    const { measures } = JSON.parse(seedBuilt.get('measures.json')!) as { measures: { id: string; km: number }[] };
    const km = measures.find((m) => m.id === 'kyiv-to-belarus-border')!.km;
    // Kyiv lies ~90 km south of the border; the basemap is simplified to ~1.5 km.
    expect(km).toBeGreaterThan(80);
    expect(km).toBeLessThan(100);
  });

  const geojsonFiles = [...seedBuilt.keys()].filter((n) => n.endsWith('.geojson'));
  it.each(geojsonFiles)('%s passes @placemarkio/check-geojson and RFC 7946 winding', (name) => {
    const text = seedBuilt.get(name)!;
    expect(getIssues(text)).toEqual([]);
    const fc = JSON.parse(text) as FeatureCollection;
    for (const f of fc.features) {
      const g = f.geometry;
      const polygons: Position[][][] = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
      for (const rings of polygons) rings.forEach((ring, i) => expect(booleanClockwise(ring), `${name} ring ${i}`).toBe(i > 0));
      for (const [k, v] of Object.entries(f.properties!)) {
        // Two lists beside the flat fields, which give the first of each: every excerpt, every figure.
        if (k !== 'excerpts' && k !== 'quantities')
          expect(v === null || ['string', 'number', 'boolean'].includes(typeof v), `${name} ${k} is flat`).toBe(true);
      }
    }
  });
});

describe('the article as a source', () => {
  const record = JSON.parse(readFileSync(path.join(ROOT, 'geodata/sources/nbc-2022-01-26.json'), 'utf8')) as Source;
  const text = readFileSync(path.join(ROOT, 'geodata/sources/nbc-2022-01-26.txt'), 'utf8');

  it('has the page chrome removed and the metadata the text gives', () => {
    expect(text).not.toMatch(/IE 11 is not supported|Get more newsLiveon/);
    expect(record).toMatchObject({ publisher: 'NBC News', published: '2022-01-26', dateline: 'WASHINGTON' });
    expect(text.startsWith(record.title)).toBe(true);
  });

  it('marks the photo captions, the Yaroslavl drills among them', () => {
    const captions = record.blocks.filter((b) => b.kind === 'caption').map((b) => text.slice(b.start, b.end));
    expect(captions).toHaveLength(3);
    expect(captions.some((c) => c.includes('Yaroslavl region'))).toBe(true);
  });

  const seed = path.resolve(ROOT, '../shared/seed/nbc-2022-01-26-us-response-to-russia.txt');
  if (!existsSync(seed)) console.warn(`\n  SKIPPED: source-vs-capture check — ${seed} is not here.\n`);
  it.skipIf(!existsSync(seed))('is the capture, character for character, less the chrome lines', () => {
    const raw = readFileSync(seed, 'utf8');
    const rebuilt = raw
      .split('\n')
      .filter((l) => !record.removed.includes(l))
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .replace(/^\n+|\n+$/g, '');
    expect(rebuilt).toBe(text);
  });
});

full.describe('the layers CLI', () => {
  it('on a broken catalogue prints every error, exits non-zero and changes no file', () => {
    const root = tempProject(
      ['geodata/sources', 'geodata/catalogue', 'geodata/basemap', 'geodata/layers'],
      seedProject(),
      'catalogue-',
    );
    const eventsFile = path.join(root, 'geodata/catalogue/nbc-2022-01-26.events.json');
    const broken = JSON.parse(readFileSync(eventsFile, 'utf8')) as { events: CatalogueEvent[] };
    broken.events[0].excerpts[0].start += 1;
    broken.events[1].places = ['atlantis'];
    writeFileSync(eventsFile, JSON.stringify(broken));
    const snapshot = () =>
      readdirSync(path.join(root, 'geodata/layers')).map((n) => readFileSync(path.join(root, 'geodata/layers', n), 'utf8'));
    const before = snapshot();
    const { status, stderr } = runTsx('src/layers/cli.ts', ['--root', root]);
    expect(status).toBe(1);
    expect(stderr).toContain('2 problem(s) in the catalogue; nothing was written');
    expect(stderr).toContain(
      'geodata/catalogue/nbc-2022-01-26.events.json: troop-buildup: excerpts[0].text: does not match the source',
    );
    expect(stderr).toContain(
      'geodata/catalogue/nbc-2022-01-26.events.json: military-presence-enlarged: places[0]: unknown place "atlantis"',
    );
    expect(snapshot()).toEqual(before);
  }, 60_000);
});
