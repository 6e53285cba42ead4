/**
 * Reading the build's input files on disk (Node only): a file that cannot be read or parsed becomes a
 * ValidationError naming it, like any other problem, rather than an exception.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ValidationError } from '../catalogue/schema';

/** An error about a file as a whole (it is missing, unreadable, not JSON, not the kind of record expected). */
export const fileError = (file: string, message: string, field = '(file)'): ValidationError => ({
  file,
  id: '(file)',
  field,
  message,
});

/** A file's text as UTF-8, or undefined with its error added; paths in errors are relative to `root`. */
export function readText(file: string, root: string, errors: ValidationError[]): string | undefined {
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

/** A file's JSON, or undefined with its error added. */
export function readJsonFile(file: string, root: string, errors: ValidationError[]): unknown {
  const text = readText(file, root, errors);
  return text === undefined ? undefined : parseJson(text, file, root, errors);
}

/** JSON read from `file`'s text, or undefined with its error added. */
export function parseJson(text: string, file: string, root: string, errors: ValidationError[]): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    errors.push(fileError(path.relative(root, file), `not valid JSON: ${(err as Error).message}`));
    return undefined;
  }
}
