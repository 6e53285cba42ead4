/**
 * Helpers the unit tests share: running a TypeScript command line as its users do, a throw-away copy of
 * part of the project, a fetch that serves files the way the production server does, and a tile archive
 * read from memory.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PMTiles, type RangeResponse, type Source } from 'pmtiles';
import { onTestFinished, TestRunner } from 'vitest';
import { stableJson } from '../src/io/files';
import { buildLayers } from '../src/layers/build';
import { defaultFolders, loadInputs, type Folders } from '../src/layers/inputs';

/** The repository's root. */
export const ROOT = path.resolve(import.meta.dirname, '..');

export interface TsxRun {
  /** The exit code. */
  status: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a TypeScript script with Node and tsx (`node --import tsx script ...args`), to its end, and gives
 * its exit code and output. `script` is resolved against the repository's root. `cwd` is the repository's
 * root unless given: `--import tsx` is resolved from it, so another must see this repository's node_modules.
 * A process that cannot be started, or that is killed by a signal, throws.
 */
export function runTsx(script: string, args: string[], options: { cwd?: string } = {}): TsxRun {
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.resolve(ROOT, script), ...args], {
    encoding: 'utf8',
    cwd: options.cwd ?? ROOT,
  });
  if (run.error) throw run.error;
  if (run.status === null) throw new Error(`${script} was killed by ${run.signal}: ${run.stderr}`);
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/**
 * A throw-away project: a new temporary folder with a copy of each of `dirs` (paths relative to `from`) at
 * the same place in it. Made inside a test, it is removed when that test finishes, passed or failed; made
 * anywhere else (a describe block, a hook, the module), removing it is the caller's job.
 */
export function tempProject(dirs: string[], from: string = ROOT, prefix = 'project-'): string {
  const root = mkdtempSync(path.join(tmpdir(), prefix));
  if (TestRunner.getCurrentTest()) onTestFinished(() => rmSync(root, { recursive: true, force: true }));
  for (const dir of dirs) cpSync(path.join(from, dir), path.join(root, dir), { recursive: true });
  return root;
}

/**
 * A fetch that serves files by the last part of the URL's path: from a folder, or from a map of names to
 * text (a build's output in memory). Every file as application/json; anything else is a 404.
 */
export function filesFetch(source: string | Map<string, string>): typeof fetch {
  const read = (name: string): string | undefined => {
    if (typeof source !== 'string') return source.get(name);
    const file = path.join(source, name);
    return statSync(file, { throwIfNoEntry: false })?.isFile() ? readFileSync(file, 'utf8') : undefined;
  };
  return async (input) => {
    const url = input instanceof Request ? input.url : String(input);
    const text = read(path.posix.basename(new URL(url, 'http://localhost/').pathname));
    if (text === undefined) return new Response('not found', { status: 404, statusText: 'Not Found' });
    return new Response(text, { headers: { 'content-type': 'application/json' } });
  };
}

/** A PMTiles archive read from memory, as the app reads one over HTTP Range: for the tiles' tests. */
export function archiveReader(archive: Uint8Array): PMTiles {
  const source: Source = {
    getKey: () => 'memory',
    async getBytes(offset: number, length: number): Promise<RangeResponse> {
      const slice = archive.subarray(offset, offset + length);
      return { data: slice.buffer.slice(slice.byteOffset, slice.byteOffset + slice.byteLength) as ArrayBuffer };
    },
  };
  return new PMTiles(source);
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
    stableJson({
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

/** The seed story's folders, as `loadInputs` reads them (see seedProject). */
export const seedFolders = (from: string = ROOT): Folders => defaultFolders(seedProject(from));
