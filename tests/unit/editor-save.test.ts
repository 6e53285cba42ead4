/**
 * The review screen's server side (src/editor/api.ts): saving validates the whole catalogue through the
 * real validator and layer build and writes nothing unless it passes; the files it writes are whole;
 * drafts are opened by id only; the gazetteer search answers with places the catalogue can draw.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogueEvent, Place } from '../../src/catalogue/schema';
import { validateCatalogue } from '../../src/catalogue/validate';
import { loadGazetteer, type Gazetteer } from '../../src/draft/gazetteer';
import type { DraftFile } from '../../src/draft/types';
import {
  EditorError,
  listDrafts,
  mergedPlaces,
  openDraft,
  previewPlaces,
  saveReview,
  searchGazetteer,
  writeAll,
  type Project,
} from '../../src/editor/api';
import { defaultFolders, loadInputs } from '../../src/layers/inputs';
import { ROOT, tempProject } from '../helpers';
import { draftWire, wireProject, WIRE_ID, type Drafted } from '../support/wire-draft';

const ID = WIRE_ID;
let gazetteer: Gazetteer;
let drafted: Drafted;

beforeAll(() => {
  gazetteer = loadGazetteer();
  drafted = draftWire(gazetteer);
});

/** A copy of the project with the draft written as `npm run draft` writes it. */
const project = (): Project => ({ root: wireProject(drafted), gazetteer: () => gazetteer });

const strip = <T extends { draft: unknown }>({ draft: _draft, ...rest }: T) => rest;
const draftOf = (): DraftFile => drafted.draft;
const place = (id: string) => strip(draftOf().places.find((p) => p.id === id)!) as Place;
const event = (id: string) => structuredClone(strip(draftOf().events.find((e) => e.id === id)!)) as CatalogueEvent;
const snapshot = (root: string) => {
  const dir = path.join(root, 'geodata/catalogue');
  return new Map(readdirSync(dir).map((n) => [n, readFileSync(path.join(dir, n), 'utf8')]));
};

describe('saving a review', () => {
  it('writes the events file and the new places, which the whole catalogue then validates with', async () => {
    const p = project();
    const events = [event('the-ministry-said-the-jets-landed'), event('ukrainian-officials-said-about-30-il-76')];
    const result = await saveReview(p, { id: ID, places: ['russia', 'baranovichi', 'kharkiv', 'minsk'].map(place), events });
    expect(result).toEqual({
      ok: true,
      errors: [],
      // The places first (api.ts): a save stopped between the renames leaves no event naming a missing place.
      written: ['geodata/catalogue/places.json', `geodata/catalogue/${ID}.events.json`],
    });
    const saved = JSON.parse(readFileSync(path.join(p.root, `geodata/catalogue/${ID}.events.json`), 'utf8'));
    expect(saved).toEqual({ source: ID, events });
    const places = (JSON.parse(readFileSync(path.join(p.root, 'geodata/catalogue/places.json'), 'utf8')) as { places: Place[] })
      .places;
    // Russia is the catalogue's own place, drawn the same way: not repeated.
    expect(places.filter((x) => x.id === 'russia')).toHaveLength(1);
    expect(places.slice(-3).map((x) => x.id)).toEqual(['baranovichi', 'kharkiv', 'minsk']);
    const { input, errors } = loadInputs(defaultFolders(p.root));
    expect(errors).toEqual([]);
    expect(validateCatalogue(input!, input!.basemap.index)).toEqual([]);
    // No temporary file is left beside them.
    expect([...snapshot(p.root).keys()].filter((n) => n.includes('.tmp-'))).toEqual([]);
    // Opened again, the draft comes with what was saved.
    expect(openDraft(p, ID).saved?.map((e) => e.id)).toEqual(events.map((e) => e.id));
    expect(listDrafts(p)).toEqual([{ id: ID, file: `geodata/catalogue/${ID}.draft.json`, saved: true }]);
  });

  it('returns every error at once, by file, record and field, and writes nothing', async () => {
    const p = project();
    const before = snapshot(p.root);
    const bad = event('the-ministry-said-the-jets-landed');
    bad.date.expr = 'the day before yesterday';
    bad.excerpts[0] = { ...bad.excerpts[0], text: `${bad.excerpts[0].text} (edited)` };
    const orphan = event('ukrainian-officials-said-about-30-il-76');
    const result = await saveReview(p, { id: ID, places: ['baranovichi', 'kharkiv'].map(place), events: [bad, orphan] });
    expect(result.ok).toBe(false);
    expect(result.written).toEqual([]);
    const file = `geodata/catalogue/${ID}.events.json`;
    const where = result.errors.map((e) => `${e.file}: ${e.id}: ${e.field}`);
    expect(where).toContain(`${file}: the-ministry-said-the-jets-landed: date.expr`);
    expect(where).toContain(`${file}: the-ministry-said-the-jets-landed: excerpts[0].text`);
    // Minsk was not accepted: the event that names it fails.
    expect(where).toContain(`${file}: ukrainian-officials-said-about-30-il-76: places[0]`);
    expect(snapshot(p.root)).toEqual(before);
  });

  it('reports a taken place id drawn otherwise, and a dry run writes nothing even when all is well', async () => {
    const p = project();
    const moved = { ...place('russia'), geometry: { countries: ['BY'] } };
    const clash = await saveReview(p, { id: ID, places: [moved], events: [] });
    expect(clash.errors.map((e) => `${e.file}: ${e.id}: ${e.message}`)).toEqual([
      'geodata/catalogue/places.json: russia: duplicate places id (also in geodata/catalogue/places.json)',
    ]);
    const before = snapshot(p.root);
    const dry = await saveReview(
      p,
      { id: ID, places: [place('minsk')], events: [event('ukrainian-officials-said-about-30-il-76')] },
      { dryRun: true },
    );
    expect(dry).toEqual({ ok: true, errors: [], written: [] });
    expect(snapshot(p.root)).toEqual(before);
  });

  it('writes files the format check accepts, the records already there untouched (a diff of the new ones only)', async () => {
    const p = project();
    const placesFile = path.join(p.root, 'geodata/catalogue/places.json');
    const before = readFileSync(placesFile, 'utf8');
    const events = [event('the-ministry-said-the-jets-landed')];
    expect((await saveReview(p, { id: ID, places: ['baranovichi', 'kharkiv'].map(place), events })).ok).toBe(true);
    const after = readFileSync(placesFile, 'utf8');
    // The places that were there, and what follows the places (the measures), are as they were.
    const end = before.indexOf('\n  ]');
    expect(after.startsWith(before.slice(0, end))).toBe(true);
    expect(after.endsWith(before.slice(end))).toBe(true);
    const added = after.split('\n').length - before.split('\n').length;
    expect(added).toBeGreaterThan(0);
    expect(added).toBeLessThan(60);
    const prettier = await import('prettier');
    for (const file of [placesFile, path.join(p.root, `geodata/catalogue/${ID}.events.json`)]) {
      const options = { ...(await prettier.resolveConfig(path.join(ROOT, 'package.json'))), filepath: file };
      expect(await prettier.check(readFileSync(file, 'utf8'), options), file).toBe(true);
    }
  });

  it('refuses with a 409 naming the file when another program wrote it during the save, and writes nothing', async () => {
    const p = project();
    const placesFile = path.join(p.root, 'geodata/catalogue/places.json');
    const pending = saveReview(p, { id: ID, places: [place('minsk')], events: [] });
    // Written after the save read the catalogue and before it writes (its first await).
    const theirs = readFileSync(placesFile, 'utf8').replace('"places": [', '"places": [ ');
    writeFileSync(placesFile, theirs);
    const err = await pending.then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(EditorError);
    expect((err as EditorError).status).toBe(409);
    expect((err as EditorError).message).toMatch(/^geodata\/catalogue\/places\.json changed .*Save again/);
    expect(readFileSync(placesFile, 'utf8')).toBe(theirs);
    expect(existsSync(path.join(p.root, `geodata/catalogue/${ID}.events.json`))).toBe(false);
  });

  it('keeps the catalogue places it has, and adds a place only once', () => {
    const russia = place('russia');
    const minsk = place('minsk');
    expect(mergedPlaces([russia], [russia, minsk, minsk]).map((x) => x.id)).toEqual(['russia', 'minsk', 'minsk']);
    expect(mergedPlaces([russia, minsk], [minsk]).map((x) => x.id)).toEqual(['russia', 'minsk']);
  });

  it('opens drafts by id only', async () => {
    const p = project();
    for (const id of ['../places', 'x/../y', '', 'A', null]) expect(() => openDraft(p, id)).toThrow(EditorError);
    expect(() => openDraft(p, 'no-such-draft')).toThrow(/no such draft/);
    await expect(saveReview(p, { id: '../../etc', places: [], events: [] })).rejects.toThrow(EditorError);
  });
});

describe('writing files', () => {
  it('renames nothing into place when any file cannot be written, and leaves no temporary file', () => {
    const root = tempProject([]);
    const a = path.join(root, 'a.json');
    writeFileSync(a, 'old\n');
    expect(() =>
      writeAll([
        [a, 'new\n'],
        [path.join(root, 'missing/b.json'), 'b\n'],
      ]),
    ).toThrow();
    expect(readFileSync(a, 'utf8')).toBe('old\n');
    expect(readdirSync(root)).toEqual(['a.json']);
    mkdirSync(path.join(root, 'missing'));
    writeAll([
      [a, 'new\n'],
      [path.join(root, 'missing/b.json'), 'b\n'],
    ]);
    expect(readFileSync(a, 'utf8')).toBe('new\n');
    expect(existsSync(path.join(root, 'missing/b.json'))).toBe(true);
  });
});

describe('the gazetteer search and the preview', () => {
  it('finds a place by any spelling the gazetteer knows, with how the catalogue draws it', () => {
    const p = project();
    const hits = searchGazetteer(p, 'Kharkov');
    expect(hits[0]).toMatchObject({ id: 'geonames:706483', place: { geometry: { gazetteer: 'geonames:706483' }, kind: 'city' } });
    expect(hits.find((h) => h.id === 'admin1:UA-63')?.place).toMatchObject({
      geometry: { units: ['UA-63'] },
      precision: 'region',
    });
    expect(searchGazetteer(p, '')).toEqual([]);
    expect(searchGazetteer(p, 'x'.repeat(101))).toEqual([]);
  });

  it('draws the accepted places as the reader would, or says why not', () => {
    const p = project();
    const ok = previewPlaces(p, ID, [place('minsk'), place('belarus')]);
    expect(ok.ok && ok.places.features.map((f) => f.properties.place_id).sort()).toEqual(['belarus', 'minsk']);
    const bad = previewPlaces(p, ID, [{ ...place('minsk'), geometry: { gazetteer: 'geonames:0' } }]);
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.errors.map((e) => `${e.id}: ${e.field}`)).toEqual(['minsk: geometry.gazetteer']);
  });
});
