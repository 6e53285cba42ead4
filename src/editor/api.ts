/**
 * The review screen's server side (Node only): lists and opens drafts, searches the drafting gazetteer,
 * draws a preview of the accepted places, and saves the reviewed catalogue. Saving validates the whole
 * project's catalogue as `npm run geodata:layers` reads it (src/layers/inputs.ts, with this draft's events
 * and places in place of what is on disk) through the real validator and layer build, and writes nothing
 * unless every check passes; then each file is written beside itself and renamed into place.
 */
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { type CatalogueEvent, type Place, type Source, type ValidationError } from '../catalogue/schema';
import { placeFor } from '../draft/draft';
import { loadGazetteer, type Entry, type Gazetteer } from '../draft/gazetteer';
import { looseKey } from '../draft/text';
import type { DraftFile, PlaceMention } from '../draft/types';
import { formattedJson, replaceFolder, stableJson } from '../io/files';
import { buildLayers } from '../layers/build';
import { defaultFolders, loadInputs } from '../layers/inputs';
import type { DraftSummary, GazetteerHit, OpenedDraft, PreviewResult, QueueStatus, SaveRequest, SaveResult } from './protocol';
import { withCaptions } from './model';

/** A draft id as `npm run draft` makes it: also what keeps a request from naming a file elsewhere. */
const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export class EditorError extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

export interface Project {
  /** The project folder: geodata/ under it holds sources/, catalogue/ and basemap/. */
  root: string;
  /** The drafting gazetteer, loaded on the first search. */
  gazetteer?: () => Gazetteer;
}

const folders = (p: Project) => defaultFolders(p.root);
const draftPath = (p: Project, id: string) => path.join(folders(p).catalogue, `${id}.draft.json`);
const eventsPath = (p: Project, id: string) => path.join(folders(p).catalogue, `${id}.events.json`);
const rel = (p: Project, file: string) => path.relative(p.root, file);

function checkId(id: unknown): string {
  if (typeof id !== 'string' || !ID.test(id)) throw new EditorError(`not a draft id: ${JSON.stringify(id)}`);
  return id;
}

const queuePath = (p: Project, id: string) => path.join(folders(p).catalogue, `${id}.review.json`);

/**
 * The drafts in the project's catalogue folder, each with where it stands in the review queue: published
 * once its events file exists; otherwise as its `<id>.review.json` says (in review, rejected), or to review.
 */
export function listDrafts(p: Project): DraftSummary[] {
  return (
    readdirSync(folders(p).catalogue)
      .filter((n) => n.endsWith('.draft.json'))
      // By id, not file name: "x-2022-02-10" before "x-2022-02-10-2" (as files, "-" sorts before ".").
      .map((n) => n.slice(0, -'.draft.json'.length))
      .sort()
      .map((id) => {
        const saved = existsSync(eventsPath(p, id));
        const unreviewed =
          saved && (JSON.parse(readFileSync(eventsPath(p, id), 'utf8')) as { review?: unknown }).review === 'draft';
        return { id, file: rel(p, draftPath(p, id)), saved, status: saved ? 'published' : queueStatus(p, id), unreviewed };
      })
  );
}

function queueStatus(p: Project, id: string): QueueStatus {
  const file = queuePath(p, id);
  if (!existsSync(file)) return 'to review';
  const status = (JSON.parse(readFileSync(file, 'utf8')) as { status?: unknown })?.status;
  if (status === 'in review' || status === 'rejected') return status;
  throw new EditorError(`${rel(p, file)}: status: "in review" or "rejected" expected, ${JSON.stringify(status)} found`, 500);
}

/**
 * Moves a draft in the queue: opened (in review), rejected, or back to review. A published article (its
 * events file exists) is not moved by this: its events are on the map, and removing them is a decision
 * made on the files, not by a click.
 */
export function setQueueStatus(p: Project, idArg: unknown, status: unknown): DraftSummary {
  const id = checkId(idArg);
  if (!existsSync(draftPath(p, id))) throw new EditorError(`${rel(p, draftPath(p, id))}: no such draft`, 404);
  if (status !== 'in review' && status !== 'rejected' && status !== 'to review')
    throw new EditorError(`status: "to review", "in review" or "rejected" expected, ${JSON.stringify(status)} found`);
  if (existsSync(eventsPath(p, id)))
    throw new EditorError(
      `${id} is published (${rel(p, eventsPath(p, id))} exists): its events are on the map; remove that file to withdraw it`,
      409,
    );
  if (status === 'to review') rmSync(queuePath(p, id), { force: true });
  else writeAll([[queuePath(p, id), stableJson({ status })]]);
  return listDrafts(p).find((d) => d.id === id)!;
}

/** The id of a draft given as a file path (`--draft geodata/catalogue/x.draft.json`). */
export function draftIdOf(file: string): string {
  const name = path.basename(file);
  if (!name.endsWith('.draft.json')) throw new EditorError(`${file}: a <id>.draft.json file expected`);
  return checkId(name.slice(0, -'.draft.json'.length));
}

/** A draft with its source, the catalogue's places, and what was saved from it before (if anything). */
export function openDraft(p: Project, idArg: unknown): OpenedDraft {
  const id = checkId(idArg);
  const file = draftPath(p, id);
  if (!existsSync(file)) throw new EditorError(`${rel(p, file)}: no such draft`, 404);
  const draft = JSON.parse(readFileSync(file, 'utf8')) as DraftFile;
  const sourceFile = path.join(folders(p).sources, `${draft.draft.source}.json`);
  const source = JSON.parse(readFileSync(sourceFile, 'utf8')) as Source;
  const text = readFileSync(path.join(folders(p).sources, source.text), 'utf8');
  const placesFile = path.join(folders(p).catalogue, 'places.json');
  const catalogue = existsSync(placesFile) ? (JSON.parse(readFileSync(placesFile, 'utf8')) as { places: Place[] }).places : [];
  const savedFile = eventsPath(p, id);
  const saved = existsSync(savedFile)
    ? (JSON.parse(readFileSync(savedFile, 'utf8')) as { events: CatalogueEvent[] }).events
    : null;
  return { id, file: rel(p, file), eventsFile: rel(p, savedFile), draft, source, text, catalogue, saved };
}

/** A mention as placeFor reads it, for an entry chosen by name rather than found in the text. */
const chosen = (e: Entry): PlaceMention => ({
  text: e.name,
  start: 0,
  end: 0,
  form: 'name',
  entry: e.id,
  draft: { confidence: 1, alternatives: [], notes: [] },
});

/**
 * Gazetteer entries for what an editor typed: exact names (every spelling the gazetteer knows) first,
 * then names that begin with it; larger places first within each. Each with the place the catalogue
 * would draw for it, or why it cannot.
 */
export function searchGazetteer(p: Project, query: unknown, limit = 12): GazetteerHit[] {
  if (typeof query !== 'string' || !query.trim() || query.length > 100) return [];
  const gaz = (p.gazetteer ??= memo(loadGazetteer))();
  const key = looseKey(query);
  if (!key) return [];
  const exact = gaz.loose.get(key) ?? [];
  const seen = new Set(exact);
  const prefix: Entry[] = [];
  for (const e of gaz.entries) {
    if (seen.has(e)) continue;
    if ([e.name, ...e.names].some((n) => looseKey(n).startsWith(key))) prefix.push(e);
  }
  const byPopulation = (a: Entry, b: Entry) => b.population - a.population;
  const { index } = loadBasemapIndex(p);
  return [...[...exact].sort(byPopulation), ...prefix.sort(byPopulation)].slice(0, limit).map((e) => {
    const place = placeFor(e, chosen(e), index);
    return {
      id: e.id,
      name: e.name,
      kind: e.kind,
      country: e.country,
      population: e.population,
      type: e.type,
      ...(typeof place === 'string' ? { reason: place } : { place }),
    };
  });
}

function memo<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

function loadBasemapIndex(p: Project) {
  const { input, errors } = loadInputs(folders(p));
  if (!input) throw new EditorError(`the project's basemap or catalogue cannot be read: ${JSON.stringify(errors)}`, 500);
  return { input, errors, index: input.basemap.index };
}

/**
 * The accepted places as the reader's map would draw them (places.geojson of a layer build of this
 * source and those places alone). The build writes only places that have events: each place gets a
 * stand-in event here, quoting the article's first block, which never leaves this preview.
 */
export function previewPlaces(p: Project, idArg: unknown, places: unknown): PreviewResult {
  const opened = openDraft(p, idArg);
  if (!Array.isArray(places)) throw new EditorError('places: an array expected');
  const { input } = loadBasemapIndex(p);
  const first = opened.source.blocks[0];
  const quote = { start: first.start, end: first.end, text: opened.text.slice(first.start, first.end) };
  const events = (places as { id?: unknown }[]).map((place, i) => ({
    id: `preview-${i}`,
    source: opened.source.id,
    places: [place?.id],
    site: 'happened',
    category: 'statement',
    title: 'preview',
    date: { expr: 'undated' },
    claim: { by: 'preview', kind: 'article', stance: 'reported' },
    excerpts: [quote],
  }));
  const sourceFile = input.sources.find((s) => (s.record as Source).id === opened.source.id);
  const result = buildLayers(
    {
      ...input,
      sources: sourceFile ? [sourceFile] : [],
      places: { file: '(accepted places)', json: { places } },
      events: [{ file: '(preview)', json: { events } }],
    },
    { appOnly: true },
  );
  if (!result.ok) return { ok: false, errors: result.errors.filter((e) => e.file !== '(preview)') };
  return { ok: true, places: JSON.parse(result.files.get('places.geojson')!) as Extract<PreviewResult, { ok: true }>['places'] };
}

/**
 * The catalogue's places with the accepted ones added. A place the catalogue has already, drawn the same
 * way (the drafting proposes the catalogue's own id for it, as src/draft/draft.ts does), is the
 * catalogue's and is not repeated. One with a taken id drawn otherwise is an edit when no other article's
 * events name that place (it is this article's own, saved before: reopened and changed), and replaces it
 * where it stands; when another article's events name it, the edit would move their marks too, so it is
 * refused with the files that name it and what to do instead.
 */
export function mergedPlaces(
  existing: Place[],
  accepted: Place[],
  namedElsewhere: ReadonlyMap<string, string[]> = new Map(),
  file = 'places.json',
): { places: Place[]; errors: ValidationError[] } {
  const same = (a: Place, b: Place) =>
    a.id === b.id && isDeepStrictEqual(a.geometry, b.geometry) && a.kind === b.kind && a.precision === b.precision;
  const places = [...existing];
  const errors: ValidationError[] = [];
  for (const p of accepted) {
    const at = places.findIndex((e) => e.id === p.id);
    if (at < 0 || at >= existing.length) places.push(p);
    else if (same(places[at], p)) continue;
    else if (namedElsewhere.get(p.id)?.length)
      errors.push({
        file,
        id: p.id,
        field: 'id',
        message:
          `the catalogue's "${p.id}" is drawn otherwise, and ${namedElsewhere.get(p.id)!.join(', ')} name it too: ` +
          `give this place an id of its own (rename it), or choose the catalogue's "${p.id}" as it is`,
      });
    else places[at] = p;
  }
  return { places, errors };
}

/** Each place id named by the events files other than `own`, with those files. */
function placesNamedBy(events: { file: string; json: unknown }[], own: string): Map<string, string[]> {
  const named = new Map<string, string[]>();
  for (const { file, json } of events) {
    if (file === own) continue;
    const list = (json as { events?: unknown })?.events;
    if (!Array.isArray(list)) continue;
    for (const e of list as { places?: unknown }[])
      for (const id of Array.isArray(e?.places) ? e.places : [])
        if (typeof id === 'string' && !named.get(id)?.includes(file)) named.set(id, [...(named.get(id) ?? []), file]);
  }
  return named;
}

/** A file's bytes now, or null if it is absent: the version a save compares before it writes. */
const versionOf = (file: string): Buffer | null => (existsSync(file) ? readFileSync(file) : null);

/**
 * Validates the project's catalogue with this draft's events and places in it, as `npm run
 * geodata:layers` would read it, and writes `<id>.events.json` and places.json only if nothing is wrong.
 * `dryRun` validates and writes nothing. A file another program wrote while the save was being checked
 * is a conflict (409, nothing written): the save would otherwise replace what the other wrote. Two
 * editors' saves are also kept apart by a lock (lock.ts), so the second reads what the first wrote.
 */
export async function saveReview(
  p: Project,
  request: SaveRequest,
  { dryRun = false, unreviewed = false } = {},
): Promise<SaveResult> {
  const id = checkId(request?.id);
  const opened = openDraft(p, id);
  if (!Array.isArray(request.events) || !Array.isArray(request.places))
    throw new EditorError('events and places: arrays expected');
  const f = folders(p);
  const sourcePath = path.join(f.sources, `${opened.source.id}.json`);
  const watched = [path.join(f.catalogue, 'places.json'), eventsPath(p, id), sourcePath];
  const versions = watched.map(versionOf);
  const { input, errors: loadErrors } = loadInputs(f);
  if (!input) return { ok: false, errors: loadErrors, written: [] };
  const placesPath = path.join(f.catalogue, 'places.json');
  const placesJson = input.places.json as { places?: Place[] } & Record<string, unknown>;
  const existing = Array.isArray(placesJson?.places) ? placesJson.places : [];
  const eventsFile = eventsPath(p, id);
  const merged = mergedPlaces(existing, request.places, placesNamedBy(input.events, rel(p, eventsFile)), input.places.file);
  const places = { ...placesJson, places: merged.places };
  // Published unreviewed, the file says so (the reader marks its events); a reviewed save says nothing.
  const eventsJson = { source: opened.source.id, ...(unreviewed ? { review: 'draft' } : {}), events: request.events };
  const others = input.events.filter((e) => e.file !== rel(p, eventsFile));
  // Paragraphs the review marked as photo captions: the source record saved with them.
  if (request.captions !== undefined && !(Array.isArray(request.captions) && request.captions.every(Number.isInteger)))
    throw new EditorError('captions: an array of block starts expected');
  const captioned = request.captions?.length ? withCaptions(opened.source, opened.text, request.captions) : undefined;
  if (captioned && 'error' in captioned)
    return {
      ok: false,
      errors: [{ file: rel(p, sourcePath), id: opened.source.id, field: 'blocks', message: captioned.error }],
      written: [],
    };
  const sources = captioned
    ? input.sources.map((s) => ((s.record as Source).id === opened.source.id ? { ...s, record: captioned.source } : s))
    : input.sources;
  const result = buildLayers(
    {
      ...input,
      sources,
      places: { file: input.places.file, json: places },
      events: [...others, { file: rel(p, eventsFile), json: eventsJson }].sort((a, b) => a.file.localeCompare(b.file)),
    },
    // A check alone needs only the reader's files; a save writes every layer from this one build.
    { appOnly: dryRun },
  );
  const errors = [...loadErrors, ...merged.errors, ...(result.ok ? [] : result.errors)];
  if (errors.length || !result.ok) return { ok: false, errors, written: [] };
  if (dryRun) return { ok: true, errors: [], written: [] };
  // The places first: if the save stops between the two renames, the catalogue has new places no event
  // names yet (still a catalogue the build takes), never events naming places it lacks.
  const files: [string, string][] = [];
  if (!isDeepStrictEqual(places.places, existing)) files.push([placesPath, await formattedJson(placesPath, places)]);
  if (captioned) files.push([sourcePath, await formattedJson(sourcePath, captioned.source)]);
  files.push([eventsFile, await formattedJson(eventsFile, eventsJson)]);
  watched.forEach((file, i) => {
    const now = versionOf(file);
    if (now === versions[i] || (now && versions[i] && now.equals(versions[i]))) return;
    throw new EditorError(
      `${rel(p, file)} changed while this save was being checked (another editor or program wrote it); nothing ` +
        'was written. Save again: the check then reads the file as it is now and adds your records to it.',
      409,
    );
  });
  writeAll(files);
  // Published now: its events file says so, and the queue's note of it (in review, rejected) is done with.
  rmSync(queuePath(p, id), { force: true });
  // The layers from the build that checked the save, the catalogue as now written (as `npm run
  // geodata:layers` would build them), so the reader shows the article without another command.
  const layers = path.join(p.root, 'geodata/layers');
  replaceFolder(layers, new Map<string, string | Uint8Array>([...result.files, ...(result.archives ?? [])]));
  return {
    ok: true,
    errors: [],
    written: files.map(([file]) => rel(p, file)),
    layers: { folder: rel(p, layers), summary: result.summary },
  };
}

/**
 * The draft published as it is, before anyone reviews it: its events that name drawable places, and
 * those places, saved as a review would save them but marked `"review": "draft"`, so the reader shows
 * each of them as a draft not reviewed. Reviewing it later and saving makes it a reviewed article.
 */
export function publishUnreviewed(p: Project, idArg: unknown): Promise<SaveResult> {
  const opened = openDraft(p, idArg);
  const events = opened.draft.events.map(({ draft: _draft, ...e }) => e);
  const named = new Set(events.flatMap((e) => [...e.places, ...(e.about ?? [])]));
  // A proposal under an id the catalogue has is that place: the catalogue's drawing of it stands.
  const catalogued = new Set(opened.catalogue.map((pl) => pl.id));
  const places = opened.draft.places
    .filter((pl) => named.has(pl.id) && !catalogued.has(pl.id))
    .map(({ draft: _draft, ...pl }) => pl);
  return saveReview(p, { id: opened.id, places, events }, { unreviewed: true });
}

/**
 * Writes each file beside itself under a temporary name, then renames each into place: a reader of the
 * folder sees a file whole or not at all. Nothing is renamed until every file is written.
 */
export function writeAll(files: [string, string][]): void {
  const temps = files.map(([file]) => `${file}.tmp-${process.pid}`);
  try {
    files.forEach(([, text], i) => writeFileSync(temps[i], text));
  } catch (err) {
    for (const t of temps) rmSync(t, { force: true });
    throw err;
  }
  files.forEach(([file], i) => renameSync(temps[i], file));
}

export type { ValidationError };
