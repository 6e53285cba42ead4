/**
 * Drafts a catalogue from an article:
 *
 *   npm run draft -- article.txt|page.html [--published 2022-01-27] [--publisher "Example Wire"] [--title …]
 *                    [--url https://…] [--id example-2022-01-27] [--out geodata] [--force]
 *
 * A saved web page (.html) is read by src/draft/html.ts: its headline, publisher, published time and URL
 * stand unless an option gives them, so --published is needed only for a page that has none (and for text).
 * A file that cannot be read (missing, a directory, empty, binary, over src/draft/input.ts's size cap) or in a
 * language the drafting does not read: one line, exit 1, nothing written.
 *
 * Writes <out>/sources/<id>.json and <id>.txt (the source record and its text) and
 * <out>/catalogue/<id>.draft.json (the proposals, checked by src/draft/check.ts), then prints a summary.
 * An existing source is not overwritten without --force. Exit code 1 with every problem listed, and
 * nothing written, when the draft does not check; 2 on a usage error.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { FeatureCollection } from 'geojson';
import { isIsoDay } from '../catalogue/dates';
import { formatError, type Place } from '../catalogue/schema';
import { stableJson } from '../io/files';
import { basemapFrom } from '../layers/build';
import { checkDraft } from './check';
import { draftArticle, slug } from './draft';
import { GazetteerError, loadGazetteer } from './gazetteer';
import { InputError, readArticle, type ArticleInput } from './input';

const ROOT = path.resolve(import.meta.dirname, '../..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    published: { type: 'string' },
    publisher: { type: 'string' },
    title: { type: 'string' },
    url: { type: 'string' },
    id: { type: 'string' },
    out: { type: 'string', default: path.join(ROOT, 'geodata') },
    force: { type: 'boolean', default: false },
  },
});
const usage =
  'usage: npm run draft -- <article.txt|page.html> [--published YYYY-MM-DD] [--publisher …] [--title …] [--url …] [--id …] [--out dir] [--force]';
if (positionals.length !== 1) {
  console.error(['one article file expected', usage].join('\n'));
  process.exit(2);
}
const article = positionals[0];
let input: ArticleInput;
try {
  input = readArticle(article);
} catch (err) {
  if (!(err instanceof InputError)) throw err;
  console.error(err.message);
  process.exit(1);
}
const published = values.published ?? input.meta.published?.slice(0, 10);
if (!published || !isIsoDay(published)) {
  const found = values.published ?? input.meta.published ?? null;
  console.error(
    [
      `--published: a date YYYY-MM-DD expected (the ${input.kind === 'html' ? 'page gives none' : 'text gives none'}), ${JSON.stringify(found)} found`,
      usage,
    ].join('\n'),
  );
  process.exit(2);
}
const publisher = values.publisher ?? input.meta.publisher ?? 'unknown publisher';
const title = values.title ?? input.meta.title;
const url = values.url ?? input.meta.url;
const id = values.id ?? `${slug(publisher)}-${published}`;
const out = path.resolve(values.out as string);
const sourceFile = path.join(out, 'sources', `${id}.json`);
if (existsSync(sourceFile) && !values.force) {
  console.error(`${sourceFile}: a source with id "${id}" exists; give another --id, or --force to overwrite it`);
  process.exit(2);
}

let gazetteer;
try {
  gazetteer = loadGazetteer();
} catch (err) {
  if (!(err instanceof GazetteerError)) throw err;
  console.error(err.message);
  process.exit(1);
}
const basemapDir = path.join(ROOT, 'geodata/basemap');
const basemap = basemapFrom(
  JSON.parse(readFileSync(path.join(basemapDir, 'region.topo.json'), 'utf8')),
  JSON.parse(readFileSync(path.join(basemapDir, 'places.geojson'), 'utf8')) as FeatureCollection,
).index;
const placesFile = path.join(ROOT, 'geodata/catalogue/places.json');
const existing = existsSync(placesFile) ? (JSON.parse(readFileSync(placesFile, 'utf8')) as { places: Place[] }).places : [];

const { source, text, draft } = draftArticle(
  input.text,
  {
    id,
    publisher,
    published,
    ...(title ? { title } : {}),
    ...(url ? { url } : {}),
    textName: `${id}.txt`,
    capturedFrom: path.relative(ROOT, path.resolve(article)),
    captions: input.captions,
    removedBefore: input.removed,
  },
  { gazetteer, basemap, existing },
);
const draftFile = path.join(out, 'catalogue', `${id}.draft.json`);
const errors = checkDraft(
  path.relative(ROOT, draftFile),
  draft,
  { file: path.relative(ROOT, sourceFile), record: source, text },
  basemap,
  gazetteer,
);
// A draft that does not check is reported, not written: nothing half-right lands beside the catalogue.
if (errors.length) {
  console.error(`${path.relative(ROOT, draftFile)}: the draft does not check (${errors.length} problems); nothing written:`);
  for (const e of errors) console.error(`  ${formatError(e)}`);
  process.exit(1);
}
mkdirSync(path.dirname(sourceFile), { recursive: true });
mkdirSync(path.dirname(draftFile), { recursive: true });
writeFileSync(path.join(out, 'sources', `${id}.txt`), text);
writeFileSync(sourceFile, stableJson(source));
writeFileSync(draftFile, stableJson(draft));
const unresolved = draft.mentions.filter((m) => !m.entry);
console.log(
  `${sourceFile}: ${source.blocks.length} blocks (${source.blocks.filter((b) => b.kind === 'caption').length} captions), chrome lines removed: ${source.removed.length}`,
);
for (const line of source.removed) console.log(`  removed: ${JSON.stringify(line)}`);
console.log(
  `${draftFile}: ${draft.mentions.length} place mentions (${unresolved.length} unresolved), ${draft.places.length} places, ${draft.events.length} events + ${draft.pending.length} pending, ${draft.dates.length} dates, ${draft.quantities.length} quantities, in ${draft.draft.milliseconds} ms`,
);
for (const m of unresolved) console.log(`  unresolved: ${JSON.stringify(m.text)} at ${m.start}–${m.end} (${m.feature})`);
for (const d of draft.dates.filter((x) => x.draft.confidence <= 0.3))
  console.log(`  date to check: ${JSON.stringify(d.text)}: ${d.draft.notes.join('; ')}`);
// What to do next: review it (the editor's queue lists it, to review), where Save builds the layers.
const rootArg = path.resolve(out, '..') === ROOT ? '' : ` --root ${path.relative(process.cwd(), path.resolve(out, '..')) || '.'}`;
const editor = `npm run editor --${rootArg} --draft ${path.relative(process.cwd(), draftFile)}`;
console.log(`next: ${editor}   (review it; Save writes the catalogue and builds the layers)`);
console.log(`  or: ${editor} --publish   (on the map at once, marked "draft, not reviewed")`);
