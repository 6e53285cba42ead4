/**
 * Finds and reads the catalogue's inputs on disk (Node only). A file that cannot be read or parsed
 * becomes a ValidationError naming it, like any other problem, rather than an exception.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { BASEMAP_FOLDER, loadBasemap } from './basemap';
import type { BuildInput } from './build';
import type { ValidationError } from '../catalogue/schema';
import type { LoadedFile, LoadedSource } from '../catalogue/validate';
import { fileError, readJsonFile, readText } from './read';

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
    basemap: path.join(root, BASEMAP_FOLDER),
  };
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
  const { basemap, errors: basemapErrors } = loadBasemap(folders.basemap, folders.root);
  errors.push(...basemapErrors);
  if (!basemap) return { errors };
  return { input: { sources, places, events, basemap }, errors };
}
