/**
 * Builds the story layers under geodata/layers/ from geodata/sources/ and geodata/catalogue/.
 *
 *   npm run geodata:layers            validate, then write every layer (or nothing, on any error)
 *   npm run geodata:layers -- --check validate and compare with the committed layers; write nothing
 *
 * Titles and claims that may have lost the article's hedge or stance are printed for review (review.ts).
 *
 * Every error is printed as `file: id: field: message`, all of them in one run; the exit code is 1.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildLayers } from './build';
import { reviewInput } from '../catalogue/review';
import { defaultFolders, loadInputs } from './inputs';
import { replaceFolder } from '../io/files';
import { formatError } from '../catalogue/schema';

const { values } = parseArgs({
  options: { check: { type: 'boolean', default: false }, root: { type: 'string' }, out: { type: 'string' } },
});
// --root: a project folder other than this one (the tests run the CLI on broken copies).
const ROOT = path.resolve(values.root ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '../..'));
const out = path.resolve(values.out ?? path.join(ROOT, 'geodata/layers'));

const { input, errors: loadErrors } = loadInputs(defaultFolders(ROOT));
const result = input ? buildLayers(input) : undefined;
const errors = [...loadErrors, ...(result && !result.ok ? result.errors : [])];
if (errors.length || !result?.ok) {
  console.error(`${errors.length} problem(s) in the catalogue; nothing was written:`);
  for (const e of errors) console.error(`  ${formatError(e)}`);
  process.exit(1);
}

// Wording a person should look at: printed, never blocking (the seed is kept free of them by a unit test).
const notes = reviewInput(input!);
if (notes.length) {
  console.warn(`${notes.length} note(s) for review (hedges and stances the titles and claims may have lost):`);
  for (const n of notes) console.warn(`  ${formatError(n)}`);
}

// A tiled story's archives (tiled.ts) are written and compared as bytes beside the text files.
const built = new Map<string, string | Uint8Array>([...result.files, ...(result.archives ?? [])]);
const same = (want: string | Uint8Array, have: Buffer) =>
  typeof want === 'string' ? have.toString('utf8') === want : have.equals(want);

if (values.check) {
  const stale: string[] = [];
  const committed = existsSync(out) ? readdirSync(out).sort() : [];
  for (const name of new Set([...committed, ...built.keys()])) {
    const want = built.get(name);
    const have = committed.includes(name) ? readFileSync(path.join(out, name)) : undefined;
    if (want === undefined || have === undefined || !same(want, have))
      stale.push(
        want === undefined ? `${name} (should not exist)` : have === undefined ? `${name} (missing)` : `${name} (differs)`,
      );
  }
  if (stale.length) {
    console.error(`geodata/layers is stale; run npm run geodata:layers:\n  ${stale.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`geodata/layers is current: ${result.summary}`);
} else {
  replaceFolder(out, built);
  console.log(`wrote ${path.relative(process.cwd(), out)}: ${result.summary}`);
}
