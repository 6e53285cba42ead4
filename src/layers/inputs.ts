/**
 * Finds and reads the catalogue's inputs on disk (Node only). A file that cannot be read or parsed
 * becomes a ValidationError naming it, like any other problem, rather than an exception.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { FeatureCollection } from 'geojson';
import { basemapFrom, type Basemap, type BuildInput } from './build';
import type { ValidationError } from '../catalogue/schema';
import type { LoadedFile, LoadedSource } from '../catalogue/validate';

export interface Folders {
  /** Paths in errors are given relative to this folder. */
  root: string;
  sources: string;
  catalogue: string;
  basemap: string;
}

export function defaultFolders(root: string): Folders {
  return {
    root,
    sources: path.join(root, 'geodata/sources'),
    catalogue: path.join(root, 'geodata/catalogue'),
    basemap: path.join(root, 'geodata/basemap'),
  };
}

/** An error about a file as a whole (it is missing, unreadable, not JSON, not the kind of record expected). */
const fileError = (file: string, message: string, field = '(file)'): ValidationError => ({ file, id: '(file)', field, message });

function readText(file: string, root: string, errors: ValidationError[]): string | undefined {
  try {
    const bytes = readFileSync(file);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text;
  } catch (err) {
    const reason =
      (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : `cannot be read as UTF-8 (${(err as Error).message})`;
    errors.push(fileError(path.relative(root, file), reason));
    return undefined;
  }
}

function readJsonFile(file: string, root: string, errors: ValidationError[]): unknown {
  const text = readText(file, root, errors);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    errors.push(fileError(path.relative(root, file), `not valid JSON: ${(err as Error).message}`));
    return undefined;
  }
}

export function loadInputs(folders: Folders): { input?: BuildInput; errors: ValidationError[] } {
  const errors: ValidationError[] = [];
  const rel = (f: string) => path.relative(folders.root, f);
  const sources: LoadedSource[] = [];
  for (const name of readdirSync(folders.sources)
    .filter((n) => n.endsWith('.json'))
    .sort()) {
    const file = path.join(folders.sources, name);
    const record = readJsonFile(file, folders.root, errors);
    if (record === undefined) continue;
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      errors.push(fileError(rel(file), 'a source record (an object) expected', '(record)'));
      continue;
    }
    const { id, text: textName } = record as { id?: unknown; text?: unknown };
    if (typeof textName !== 'string' || textName.includes('/') || textName.includes('\\')) {
      errors.push({
        file: rel(file),
        id: typeof id === 'string' && id ? id : '(record)',
        field: 'text',
        message: 'the name of a text file beside the record expected',
      });
      continue;
    }
    const text = readText(path.join(folders.sources, textName), folders.root, errors);
    if (text !== undefined) sources.push({ file: rel(file), record, text });
  }
  const placesPath = path.join(folders.catalogue, 'places.json');
  const places: LoadedFile = { file: rel(placesPath), json: readJsonFile(placesPath, folders.root, errors) };
  const events: LoadedFile[] = readdirSync(folders.catalogue)
    .filter((n) => n.endsWith('.events.json'))
    .sort()
    .map((n) => path.join(folders.catalogue, n))
    .map((file) => ({ file: rel(file), json: readJsonFile(file, folders.root, errors) }));

  // The basemap's two files, read and reported like the catalogue's own.
  const [region, gazetteer] = ['region.topo.json', 'places.geojson'].map((n) =>
    readJsonFile(path.join(folders.basemap, n), folders.root, errors),
  );
  if (region === undefined || gazetteer === undefined) return { errors };
  let basemap: Basemap;
  try {
    basemap = basemapFrom(region, gazetteer as FeatureCollection);
  } catch (err) {
    errors.push(fileError(rel(folders.basemap), `basemap unreadable: ${(err as Error).message}`));
    return { errors };
  }
  return { input: { sources, places, events, basemap }, errors };
}
