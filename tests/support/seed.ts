/**
 * The seed story alone, as a project folder, for the tests of the seed's own facts (unit and end-to-end):
 * no test framework imported here, so Vitest and Playwright both can.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stableJson } from '../../src/io/files';
import { buildLayers } from '../../src/layers/build';
import { decodeStory } from '../../src/layers/format';
import { defaultFolders, loadInputs, type Folders } from '../../src/layers/inputs';
import type { Story } from '../../src/story/types';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** JSON as the repository's format check wants it (prettier, run to its end: this module is synchronous); `file` relative to the root. */
function formatted(file: string, value: unknown): string {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/prettier/bin/prettier.cjs'), '--stdin-filepath', file], {
    input: stableJson(value),
    encoding: 'utf8',
    cwd: ROOT,
  });
  if (run.status !== 0) throw new Error(`prettier could not format ${file}: ${run.stderr}`);
  return run.stdout;
}

/** The seed story's source id: the NBC News article of 26 January 2022. */
export const SEED_ID = 'nbc-2022-01-26';

const seedProjects = new Map<string, string>();

/**
 * A project holding the seed story alone, for the tests that check the seed's own facts (its counts, its
 * labels, its layers): an editor who adds articles to geodata/ (the README's "add an article") keeps
 * `npm test` green. When `from`'s catalogue holds only the seed, that is `from` itself; otherwise a copy
 * once per test process: the basemap, the seed's source, its events file, places.json without the places
 * only other articles name, and geodata/layers built from them. Read it; copy it (tempProject) to change it.
 */
export function seedProject(from: string = ROOT): string {
  const catalogue = path.join(from, 'geodata/catalogue');
  const eventFiles = readdirSync(catalogue).filter((n) => n.endsWith('.events.json'));
  const sources = readdirSync(path.join(from, 'geodata/sources')).filter((n) => !n.startsWith(`${SEED_ID}.`));
  if (eventFiles.length === 1 && eventFiles[0] === `${SEED_ID}.events.json` && sources.length === 0) return from;
  const known = seedProjects.get(from);
  if (known) return known;
  const root = mkdtempSync(path.join(tmpdir(), 'seed-'));
  process.once('exit', () => rmSync(root, { recursive: true, force: true }));
  cpSync(path.join(from, 'geodata/basemap'), path.join(root, 'geodata/basemap'), { recursive: true });
  mkdirSync(path.join(root, 'geodata/sources'), { recursive: true });
  mkdirSync(path.join(root, 'geodata/catalogue'), { recursive: true });
  for (const ext of ['json', 'txt'])
    cpSync(path.join(from, 'geodata/sources', `${SEED_ID}.${ext}`), path.join(root, 'geodata/sources', `${SEED_ID}.${ext}`));
  const named = (file: string) =>
    (
      JSON.parse(readFileSync(path.join(catalogue, file), 'utf8')) as { events: { places?: string[]; about?: string[] }[] }
    ).events.flatMap((e) => [...(e.places ?? []), ...(e.about ?? [])]);
  const seedNames = new Set(named(`${SEED_ID}.events.json`));
  const othersOnly = new Set(
    eventFiles
      .filter((f) => f !== `${SEED_ID}.events.json`)
      .flatMap(named)
      .filter((id) => !seedNames.has(id)),
  );
  const places = JSON.parse(readFileSync(path.join(catalogue, 'places.json'), 'utf8')) as {
    places: { id: string }[];
    measures?: { from: string }[];
  };
  writeFileSync(
    path.join(root, 'geodata/catalogue/places.json'),
    // Named as the repository's own, so that prettier reads the repository's configuration.
    formatted('geodata/catalogue/places.json', {
      ...places,
      places: places.places.filter((p) => !othersOnly.has(p.id)),
      ...(places.measures ? { measures: places.measures.filter((m) => !othersOnly.has(m.from)) } : {}),
    }),
  );
  cpSync(path.join(catalogue, `${SEED_ID}.events.json`), path.join(root, 'geodata/catalogue', `${SEED_ID}.events.json`));
  const { input, errors } = loadInputs(defaultFolders(root));
  const built = input ? buildLayers(input) : undefined;
  if (!built?.ok) throw new Error(`the seed alone does not build: ${JSON.stringify(errors.length ? errors : built)}`);
  const layers = path.join(root, 'geodata/layers');
  mkdirSync(layers);
  for (const [name, data] of [...built.files, ...(built.archives ?? [])]) writeFileSync(path.join(layers, name), data);
  seedProjects.set(from, root);
  return root;
}

/**
 * The production build with the seed story alone in it, for the end-to-end tests: `dist` itself when the
 * repository's catalogue is the seed alone, otherwise a copy once per process whose data/layers/ are
 * seedProject's (its precompressed copies of them left out: the server then sends the files as they are).
 */
export function seedDist(dist: string = path.join(ROOT, 'dist')): string {
  const project = seedProject();
  if (project === ROOT) return dist;
  const copy = mkdtempSync(path.join(tmpdir(), 'seed-dist-'));
  process.once('exit', () => rmSync(copy, { recursive: true, force: true }));
  cpSync(dist, copy, { recursive: true });
  const layers = path.join(copy, 'data/layers');
  rmSync(layers, { recursive: true, force: true });
  cpSync(path.join(project, 'geodata/layers'), layers, { recursive: true });
  return copy;
}

/** The seed story's layers (seedProject's geodata/layers): what the end-to-end tests' server serves. */
export const seedLayers = (): string => path.join(seedProject(), 'geodata/layers');

/** The seed story as the app loads it (story/load.ts): its story.json decoded, with its places.geojson. */
export function seedStory(): Story {
  const layers = seedLayers();
  return {
    ...decodeStory(JSON.parse(readFileSync(path.join(layers, 'story.json'), 'utf8'))),
    places: JSON.parse(readFileSync(path.join(layers, 'places.geojson'), 'utf8')) as Story['places'],
  };
}

/** The seed story's folders, as `loadInputs` reads them (see seedProject). */
export const seedFolders = (from: string = ROOT): Folders => defaultFolders(seedProject(from));
