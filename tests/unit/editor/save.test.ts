/**
 * The review screen's server side (src/editor/api.ts): saving validates the whole catalogue through the
 * real validator and layer build and writes nothing unless it passes; the files it writes are whole;
 * drafts are opened by id only; the gazetteer search answers with places the catalogue can draw.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogueEvent, Place, Source } from '../../../src/catalogue/schema';
import { validateCatalogue } from '../../../src/catalogue/validate';
import { loadGazetteer, type Gazetteer } from '../../../src/draft/gazetteer';
import type { DraftFile } from '../../../src/draft/types';
import {
  EditorError,
  listDrafts,
  mergedPlaces,
  openDraft,
  previewPlaces,
  publishUnreviewed,
  saveReview,
  searchGazetteer,
  setQueueStatus,
  writeAll,
  type Project,
} from '../../../src/editor/api';
import { captionBlock, reviewOf, saveRequest, withCaptions } from '../../../src/editor/model';
import { stableJson } from '../../../src/io/files';
import type { StorySource } from '../../../src/layers/format';
import { defaultFolders, loadInputs } from '../../../src/layers/inputs';
import { ROOT, tempProject } from '../../support/helpers';
import { draftWire, wireProject, WIRE_ID, type Drafted } from '../../support/wire-draft';

const ID = WIRE_ID;
let gazetteer: Gazetteer;
let drafted: Drafted;

beforeAll(() => {
  gazetteer = loadGazetteer();
  drafted = draftWire(gazetteer);
  // The gazetteer and the drafting: seconds on a busy machine, not the default hook's 10.
}, 120_000);

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
    expect(result).toMatchObject({
      ok: true,
      errors: [],
      // The places first (api.ts): a save stopped between the renames leaves no event naming a missing place.
      written: ['geodata/catalogue/places.json', `geodata/catalogue/${ID}.events.json`],
      layers: { folder: 'geodata/layers', summary: expect.stringMatching(/^\d+ events, /) },
    });
    // The layers were built again from what was saved: the reader needs no other command.
    const story = JSON.parse(readFileSync(path.join(p.root, 'geodata/layers/story.json'), 'utf8')) as {
      sources: { id: string }[];
      events: { event_id: string }[];
    };
    expect(story.sources.map((s) => s.id)).toContain(ID);
    for (const e of events) expect(story.events.map((x) => x.event_id)).toContain(e.id);
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
    expect(listDrafts(p)).toEqual([
      { id: ID, file: `geodata/catalogue/${ID}.draft.json`, saved: true, status: 'published', unreviewed: false },
    ]);
  });

  it('keeps a queue: to review, in review, rejected, published; a published article is not moved by a click', async () => {
    const p = project();
    const second = 'second-article';
    writeFileSync(path.join(p.root, 'geodata/catalogue', `${second}.draft.json`), stableJson(drafted.draft));
    const status = () => Object.fromEntries(listDrafts(p).map((d) => [d.id, d.status]));
    expect(status()).toEqual({ [second]: 'to review', [ID]: 'to review' });
    expect(setQueueStatus(p, ID, 'in review').status).toBe('in review');
    expect(setQueueStatus(p, second, 'rejected').status).toBe('rejected');
    expect(status()).toEqual({ [second]: 'rejected', [ID]: 'in review' });
    expect(setQueueStatus(p, second, 'to review').status).toBe('to review');
    expect(() => setQueueStatus(p, second, 'published')).toThrow(/status: "to review", "in review" or "rejected" expected/);
    expect(() => setQueueStatus(p, '../x', 'rejected')).toThrow(EditorError);
    expect(() => setQueueStatus(p, 'no-such', 'rejected')).toThrow(/no such draft/);
    // Saved: published, and the queue's note of it is gone.
    expect(
      (await saveReview(p, { id: ID, places: [place('minsk')], events: [event('ukrainian-officials-said-about-30-il-76')] })).ok,
    ).toBe(true);
    expect(status()[ID]).toBe('published');
    expect(existsSync(path.join(p.root, 'geodata/catalogue', `${ID}.review.json`))).toBe(false);
    expect(() => setQueueStatus(p, ID, 'rejected')).toThrow(/is published .* remove that file to withdraw it/);
    // A queue file someone broke by hand is reported with its name, not read as "to review".
    writeFileSync(path.join(p.root, 'geodata/catalogue', `${second}.review.json`), '{"status":"done"}');
    expect(() => listDrafts(p)).toThrow(/second-article\.review\.json: status/);
  }, 120_000);

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
    expect(clash.errors.map((e) => `${e.file}: ${e.id}: ${e.field}`)).toEqual(['geodata/catalogue/places.json: russia: id']);
    // Which record, who else names it, and what to do.
    expect(clash.errors[0].message).toMatch(/nbc-2022-01-26\.events\.json/);
    expect(clash.errors[0].message).toMatch(/rename it|choose the catalogue's "russia"/);
    // The same id twice among the accepted places is still the validator's duplicate.
    const twice = await saveReview(p, { id: ID, places: [place('minsk'), place('minsk')], events: [] });
    expect(twice.errors.map((e) => e.message)).toEqual(['duplicate places id (also in geodata/catalogue/places.json)']);
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

  it('keeps the catalogue places it has, and adds a place only once', async () => {
    const russia = place('russia');
    const minsk = place('minsk');
    const ids = (r: ReturnType<typeof mergedPlaces>) => r.places.map((x) => x.id);
    expect(ids(mergedPlaces([russia], [russia, minsk, minsk]))).toEqual(['russia', 'minsk', 'minsk']);
    expect(ids(mergedPlaces([russia, minsk], [minsk]))).toEqual(['russia', 'minsk']);
    // Drawn otherwise and named by no other article: an edit, in place.
    const wider = { ...minsk, geometry: { countries: ['BY'] }, precision: 'country' as const };
    const edited = mergedPlaces([russia, minsk], [wider]);
    expect(edited).toEqual({ places: [russia, wider], errors: [] });
    // Named by another article: refused, the catalogue's kept.
    const refused = mergedPlaces([russia, minsk], [wider], new Map([['minsk', ['other.events.json']]]));
    expect(refused.places).toEqual([russia, minsk]);
    expect(refused.errors.map((e) => `${e.id}: ${e.field}`)).toEqual(['minsk: id']);
  });

  it('reopens a saved review with every decision as saved, and saves an edited place as an edit', async () => {
    const p = project();
    // The troops "within 200 km of Kharkov" name Kharkiv only in `about`: a place saved all the same.
    const kept = [
      event('the-ministry-said-the-jets-landed'),
      event('tens-of-thousands-of-russian-troops'),
      event('ukrainian-officials-said-about-30-il-76'),
    ];
    expect(kept[1].places).toEqual([]);
    expect(kept[1].about).toEqual(['kharkiv']);
    const placeIds = ['russia', 'baranovichi', 'kharkiv', 'minsk'];
    expect((await saveReview(p, { id: ID, places: placeIds.map(place), events: kept })).ok).toBe(true);
    const review = reviewOf(openDraft(p, ID));
    const status = (id: string) => review.events.find((e) => e.event.id === id)?.status;
    for (const e of kept) expect(status(e.id)).toBe('accepted');
    // The draft's other events were not kept: rejected, not proposed again.
    expect(review.events.filter((e) => !kept.some((k) => k.id === e.event.id)).map((e) => e.status)).not.toContain('proposed');
    const named = new Set(kept.flatMap((e) => [...e.places, ...(e.about ?? [])]));
    const catalogue = new Set(openDraft(p, ID).catalogue.map((x) => x.id));
    for (const item of review.places) {
      const id = item.place.id;
      // Named by a saved event: accepted. Never saved: rejected. The catalogue's, named by none: left to decide.
      const expected = named.has(id) ? 'accepted' : !catalogue.has(id) ? 'rejected' : 'proposed';
      expect(item.status, id).toBe(expected);
    }
    expect(review.places.filter((x) => x.status === 'rejected').length).toBeGreaterThan(0);
    // Edit a place only this article names (Kharkiv, the city, becomes the region) and save again.
    const kharkiv = review.places.find((x) => x.place.id === 'kharkiv')!;
    kharkiv.status = 'accepted';
    kharkiv.place = { ...kharkiv.place, kind: 'region', geometry: { units: ['UA-63'] }, precision: 'region' };
    const again = await saveReview(p, saveRequest(ID, review));
    expect(again.errors).toEqual([]);
    const places = (JSON.parse(readFileSync(path.join(p.root, 'geodata/catalogue/places.json'), 'utf8')) as { places: Place[] })
      .places;
    expect(places.filter((x) => x.id === 'kharkiv')).toEqual([kharkiv.place]);
    // Reopened once more, the edit is what it shows.
    expect(reviewOf(openDraft(p, ID)).places.find((x) => x.place.id === 'kharkiv')?.place.geometry).toEqual({ units: ['UA-63'] });
  }, 120_000);

  it('publishes a draft unreviewed, marked so in the story, until a reviewed save', async () => {
    const p = project();
    const published = await publishUnreviewed(p, ID);
    expect(published.errors).toEqual([]);
    const file = path.join(p.root, `geodata/catalogue/${ID}.events.json`);
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { review?: string; events: CatalogueEvent[] };
    expect(saved.review).toBe('draft');
    expect(saved.events.map((e) => e.id)).toEqual(draftOf().events.map((e) => e.id));
    expect(listDrafts(p)[0]).toMatchObject({ status: 'published', unreviewed: true });
    const story = () =>
      (JSON.parse(readFileSync(path.join(p.root, 'geodata/layers/story.json'), 'utf8')) as { sources: StorySource[] }).sources;
    expect(story().find((s) => s.id === ID)?.review).toBe('draft');
    expect(story().find((s) => s.id === 'nbc-2022-01-26')?.review).toBeUndefined();
    // Reviewed and saved: a reviewed article.
    const review = await saveReview(p, {
      id: ID,
      places: [place('minsk')],
      events: [event('ukrainian-officials-said-about-30-il-76')],
    });
    expect(review.errors).toEqual([]);
    expect('review' in JSON.parse(readFileSync(file, 'utf8'))).toBe(false);
    expect(listDrafts(p)[0]).toMatchObject({ status: 'published', unreviewed: false });
    expect(story().find((s) => s.id === ID)?.review).toBeUndefined();
  }, 120_000);

  it('opens drafts by id only', async () => {
    const p = project();
    for (const id of ['../places', 'x/../y', '', 'A', null]) expect(() => openDraft(p, id)).toThrow(EditorError);
    expect(() => openDraft(p, 'no-such-draft')).toThrow(/no such draft/);
    await expect(saveReview(p, { id: '../../etc', places: [], events: [] })).rejects.toThrow(EditorError);
  });
});

describe('a paragraph marked as a photo caption', () => {
  it('is saved in the source record, and the excerpt quoting it is a caption in the story', async () => {
    const p = project();
    const opened = openDraft(p, ID);
    const text = opened.text;
    const jets = event('the-ministry-said-the-jets-landed');
    const at = jets.excerpts[0];
    // Before: a paragraph, and no caption in the record.
    const block = captionBlock(opened.source, { start: at.start + 4, end: at.start + 12 });
    expect(block).toEqual({ start: opened.source.blocks.find((b) => b.start <= at.start && at.end <= b.end)!.start });
    const review = reviewOf(opened);
    review.events.find((e) => e.event.id === jets.id)!.status = 'accepted';
    review.places.filter((x) => jets.places.includes(x.place.id)).forEach((x) => (x.status = 'accepted'));
    review.captions = [(block as { start: number }).start];
    const result = await saveReview(p, saveRequest(ID, review));
    expect(result.errors).toEqual([]);
    expect(result.written).toContain(`geodata/sources/${ID}.json`);
    const record = JSON.parse(readFileSync(path.join(p.root, `geodata/sources/${ID}.json`), 'utf8')) as Source;
    const marked = record.blocks.find((b) => b.start === review.captions![0])!;
    expect(marked.kind).toBe('caption');
    expect(record.captions).toEqual([text.slice(marked.start, marked.end).split(/\s+/).slice(0, 6).join(' ')]);
    const story = JSON.parse(readFileSync(path.join(p.root, 'geodata/layers/story.json'), 'utf8')) as {
      events: { event_id: string; excerpt_block?: string; excerpts?: { block?: string }[] }[];
    };
    const drawn = story.events.find((e) => e.event_id === jets.id)!;
    expect(drawn.excerpt_block ?? drawn.excerpts?.[0].block).toBe('caption');
    // Reopened: the record's caption stands, and marking it again says so.
    expect(captionBlock(openDraft(p, ID).source, { start: at.start + 4, end: at.start + 12 })).toEqual({
      error: 'That paragraph is a photo caption already.',
    });
  }, 120_000);

  it('refuses a headline, a selection across two blocks, and a start that is no paragraph', async () => {
    const p = project();
    const { source, text } = openDraft(p, ID);
    const [headline, first] = source.blocks;
    expect(captionBlock(source, { start: headline.start, end: headline.start + 3 })).toEqual({
      error: 'A headline is not a photo caption.',
    });
    expect(captionBlock(source, { start: headline.end - 2, end: first.start + 2 })).toMatchObject({ error: /two blocks/ });
    expect(withCaptions(source, text, [first.start + 1])).toMatchObject({ error: /is not the start of a paragraph/ });
    const refused = await saveReview(p, {
      id: ID,
      places: [],
      events: [event('the-ministry-said-the-jets-landed')],
      captions: [1],
    });
    expect(refused.ok).toBe(false);
    expect(refused.errors).toEqual([expect.objectContaining({ file: `geodata/sources/${ID}.json`, id: ID, field: 'blocks' })]);
    expect(refused.written).toEqual([]);
  });
});

describe('writing files', () => {
  it('renames nothing into place when any file cannot be written, and leaves no temporary file', async () => {
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
  it('finds a place by any spelling the gazetteer knows, with how the catalogue draws it', async () => {
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

  it('draws the accepted places as the reader would, or says why not', async () => {
    const p = project();
    const ok = previewPlaces(p, ID, [place('minsk'), place('belarus')]);
    expect(ok.ok && ok.places.features.map((f) => f.properties.place_id).sort()).toEqual(['belarus', 'minsk']);
    const bad = previewPlaces(p, ID, [{ ...place('minsk'), geometry: { gazetteer: 'geonames:0' } }]);
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.errors.map((e) => `${e.id}: ${e.field}`)).toEqual(['minsk: geometry.gazetteer']);
  });
});
