/**
 * Reading and writing the catalogue's files (Node only: used by the build, the CLI and the tests).
 */
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Stable JSON for committed files: two-space indent, newline at the end. */
export const stableJson = (value: unknown) => JSON.stringify(value, null, 2) + '\n';

/**
 * GeoJSON for committed files: one feature per line. Compact (an indented coordinate array triples the
 * size) and still diff-friendly: a changed event changes its own lines only.
 */
export function featureLines(features: unknown[]): string {
  if (features.length === 0) return '{"type":"FeatureCollection","features":[]}\n';
  return `{"type":"FeatureCollection","features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
}

export function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8')) as unknown;
}

/**
 * Replaces the contents of `dir` with `files`, or changes nothing: everything is written to a sibling
 * temporary folder first, and only then swapped in. Files in `dir` not in `files` are removed.
 */
export function replaceFolder(dir: string, files: Map<string, string>): void {
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  try {
    for (const [name, text] of files) writeFileSync(path.join(tmp, name), text);
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(dir)) if (!files.has(name)) rmSync(path.join(dir, name));
  for (const name of files.keys()) renameSync(path.join(tmp, name), path.join(dir, name));
  rmSync(tmp, { recursive: true, force: true });
}
