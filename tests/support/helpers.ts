/**
 * Helpers the unit tests share: running a TypeScript command line as its users do, a throw-away copy of
 * part of the project, a fetch that serves files the way the production server does, and a tile archive
 * read from memory.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PMTiles, type RangeResponse, type Source } from 'pmtiles';
import { onTestFinished, TestRunner } from 'vitest';
import { createExpression } from '@maplibre/maplibre-gl-style-spec';
import type { BadgeChoices } from '../../src/map/data';

/** The repository's root. */
export const ROOT = path.resolve(import.meta.dirname, '../..');

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

export { SEED_ID, seedFolders, seedProject, seedStory } from './seed';

/**
 * A style expression compiled as MapLibre compiles a data-driven layout property (`spec` adds its type),
 * and evaluated at zoom 5 for a point with these properties: how the tests read what a layer draws.
 */
export function styleExpression(expr: unknown, spec: object = {}): (props: Record<string, unknown>) => unknown {
  const e = createExpression(expr, {
    'property-type': 'data-driven',
    expression: { interpolated: false, parameters: ['zoom', 'feature'] },
    ...spec,
  } as never);
  if (e.result !== 'success') throw new Error(JSON.stringify(e.value));
  const compiled = e.value;
  return (props) => compiled.evaluate({ zoom: 5 }, { type: 'Point', properties: props } as never);
}

/** The badges a view draws: those of `choices` (map/data.ts badgeChoices) whose feature-state shows them. */
export const drawnBadges = (choices: BadgeChoices, shown: ReadonlySet<number>) =>
  choices.features.features.filter((f) => shown.has(Number(f.id)));
