/**
 * Reading and writing the catalogue's files (Node only: used by the build, the CLI and the tests).
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Stable JSON for committed files: two-space indent, newline at the end. */
export const stableJson = (value: unknown) => JSON.stringify(value, null, 2) + '\n';

const REPO = path.resolve(import.meta.dirname, '../..');

/**
 * JSON text as the repository's format check wants it (its prettier configuration), from the two-space
 * layout `stableJson` writes: prettier keeps an object expanded where its source was, so the records
 * already in a file come out as they were and a save's diff is the records it adds.
 */
export async function formattedJson(file: string, value: unknown): Promise<string> {
  const prettier = await import('prettier');
  // A project folder of its own (--root, a test's copy) without a configuration is formatted as this
  // repository is.
  const options = (await prettier.resolveConfig(file)) ?? (await prettier.resolveConfig(path.join(REPO, 'package.json'))) ?? {};
  return prettier.format(stableJson(value), { ...options, filepath: file });
}

/**
 * GeoJSON for committed files: one feature per line. Compact (an indented coordinate array triples the
 * size) and still diff-friendly: a changed event changes its own lines only.
 */
export function featureLines(features: unknown[]): string {
  if (features.length === 0) return '{"type":"FeatureCollection","features":[]}\n';
  return `{"type":"FeatureCollection","features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
}

/**
 * Replaces `dir` with a folder holding exactly `files`, or changes nothing: everything is written to a
 * sibling temporary folder first, which then takes the old folder's place by two renames (the old one
 * aside, the new one in), so that no reader ever sees a mix of old and new files.
 */
export function replaceFolder(dir: string, files: Map<string, string | Uint8Array>): void {
  const [tmp, old] = [`${dir}.tmp-${process.pid}`, `${dir}.old-${process.pid}`];
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  try {
    for (const [name, text] of files) writeFileSync(path.join(tmp, name), text);
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
  rmSync(old, { recursive: true, force: true });
  if (existsSync(dir)) renameSync(dir, old);
  renameSync(tmp, dir);
  rmSync(old, { recursive: true, force: true });
}
