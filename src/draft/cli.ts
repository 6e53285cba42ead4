/**
 * Drafts a catalogue from articles, into the review queue:
 *
 *   npm run draft -- <article.txt|page.html|folder>… [--published 2022-01-27] [--publisher "Example Wire"]
 *                    [--title …] [--url …] [--id example-2022-01-27] [--out geodata] [--force] [--publish]
 *
 * A folder stands for every .txt, .html and .htm file directly in it, in name order. Each article is
 * drafted on its own: one that cannot be drafted is reported (file, then every problem) and the others
 * are still written; the exit code is then 1. --title, --url and --id name one article, so they are
 * refused (exit 2) when more than one is given.
 *
 * A saved web page (.html) is read by src/draft/html.ts: its headline, publisher, published time and URL
 * stand unless an option gives them, so --published is needed only for a page that has none (and for text).
 * With several articles, --published and --publisher are for those that give none: each page keeps its own.
 * A file that cannot be read (missing, empty, binary, over src/draft/input.ts's size cap) or in a language
 * the drafting does not read: one line for it, nothing written for it.
 *
 * Writes <out>/sources/<id>.json and <id>.txt (the source record and its text) and
 * <out>/catalogue/<id>.draft.json (the proposals, checked by src/draft/check.ts) for each article, then
 * prints a summary and the next command. The id is the publisher's and the day's (`example-wire-2022-02-03`);
 * a second article of the same publisher and day in one run takes `-2`, `-3`…. An existing source is not
 * overwritten without --force. A draft that does not check is listed with every problem and not written.
 *
 * --publish then publishes each drafted article unreviewed, by the editor's own command (`npm run editor
 * -- --publish`, which validates against the whole catalogue, takes the save lock and builds the layers):
 * on the map at once, marked "draft, not reviewed".
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isIsoDay } from '../catalogue/dates';
import { formatError, type Place } from '../catalogue/schema';
import { formattedJson, stableJson } from '../io/files';
import { readBasemap } from '../layers/basemap';
import { checkDraft } from './check';
import { draftArticle, slug } from './draft';
import { GazetteerError, loadGazetteer, type Gazetteer } from './gazetteer';
import { InputError, readArticle } from './input';

const ROOT = path.resolve(import.meta.dirname, '../..');
const ARTICLE = /\.(txt|html?)$/i;

const usage =
  'usage: npm run draft -- <article.txt|page.html|folder>… [--published YYYY-MM-DD] [--publisher …] [--title …] [--url …] [--id …] [--out dir] [--force] [--publish]';
const usageError = (message: string): never => {
  console.error([message, usage].join('\n'));
  process.exit(2);
};

const OPTIONS = {
  published: { type: 'string' },
  publisher: { type: 'string' },
  title: { type: 'string' },
  url: { type: 'string' },
  id: { type: 'string' },
  out: { type: 'string', default: path.join(ROOT, 'geodata') },
  force: { type: 'boolean', default: false },
  publish: { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
} as const;
let parsed: ReturnType<typeof parseArgs<{ allowPositionals: true; options: typeof OPTIONS }>> | undefined;
try {
  parsed = parseArgs({ allowPositionals: true, options: OPTIONS });
} catch (err) {
  // An unknown option or a missing value: one line and the usage, not a stack trace.
  usageError((err as Error).message.split('. ')[0]);
}
const { values, positionals } = parsed!;
if (values.help) {
  console.log(usage);
  process.exit(0);
}

if (positionals.length === 0) usageError('an article file or a folder of them expected');
if (values.published !== undefined && !isIsoDay(values.published))
  usageError(`--published: a date YYYY-MM-DD expected, ${JSON.stringify(values.published)} found`);

/** The articles the arguments name: files as given, a folder's article files in name order. */
function articlesOf(args: string[]): { files: string[]; problems: string[] } {
  const files: string[] = [];
  const problems: string[] = [];
  for (const arg of args) {
    let folder = false;
    try {
      folder = statSync(arg).isDirectory();
    } catch {
      // Not there: readArticle says so, for this file alone.
    }
    if (!folder) {
      files.push(arg);
      continue;
    }
    const inside = readdirSync(arg, { withFileTypes: true })
      .filter((e) => e.isFile() && !e.name.startsWith('.') && ARTICLE.test(e.name))
      .map((e) => path.join(arg, e.name))
      .sort();
    if (inside.length === 0) problems.push(`${arg}: a folder with no .txt, .html or .htm file in it`);
    files.push(...inside);
  }
  return { files: [...new Set(files)], problems };
}

const { files: articles, problems: folderProblems } = articlesOf(positionals);
if (articles.length > 1)
  for (const name of ['title', 'url', 'id'] as const)
    if (values[name] !== undefined) usageError(`--${name} names one article; ${articles.length} articles given`);

let gazetteer: Gazetteer;
try {
  gazetteer = loadGazetteer();
} catch (err) {
  if (!(err instanceof GazetteerError)) throw err;
  console.error(err.message);
  process.exit(1);
}
const basemap = readBasemap(ROOT).index;
// The catalogue the drafts go beside: its places are proposed under their own ids.
const placesFile = path.join(path.resolve(values.out as string), 'catalogue/places.json');
const existing = existsSync(placesFile) ? (JSON.parse(readFileSync(placesFile, 'utf8')) as { places: Place[] }).places : [];
const out = path.resolve(values.out as string);

/** What one article came to: its draft file, or why there is none; and what to print about it. */
type Outcome = { article: string; lines: string[] } & ({ ok: true; draftFile: string } | { ok: false });

/** Ids taken by this run, so two articles of one publisher and day do not draft into one file. */
const taken = new Set<string>();

async function draftOne(article: string): Promise<Outcome> {
  const fail = (...lines: string[]): Outcome => ({ article, ok: false, lines });
  let input;
  try {
    input = readArticle(article);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    return fail(err.message);
  }
  // One article: an option overrides what the page says. Several: the options are for those that say
  // nothing (a folder of saved pages keeps each page's own publisher and day).
  const given = <T>(option: T | undefined, own: T | undefined) => (articles.length === 1 ? (option ?? own) : (own ?? option));
  const published = given(values.published, input.meta.published?.slice(0, 10));
  if (!published || !isIsoDay(published))
    return fail(
      `${article}: no publication date: the ${input.kind === 'html' ? 'page' : 'text'} gives none ` +
        `(${JSON.stringify(input.meta.published ?? null)} found); give it with --published YYYY-MM-DD`,
    );
  const publisher = given(values.publisher, input.meta.publisher) ?? 'unknown publisher';
  const title = values.title ?? input.meta.title;
  const url = values.url ?? input.meta.url;
  const base = values.id ?? `${slug(publisher)}-${published}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  const sourceFile = path.join(out, 'sources', `${id}.json`);
  if (existsSync(sourceFile) && !values.force)
    return fail(`${sourceFile}: a source with id "${id}" exists; give another --id, or --force to overwrite it`);

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
      ...(input.kind === 'html' ? { dek: input.meta.dek ?? null } : {}),
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
  if (errors.length)
    return fail(
      `${path.relative(ROOT, draftFile)}: the draft of ${article} does not check (${errors.length} problems); nothing written for it:`,
      ...errors.map((e) => `  ${formatError(e)}`),
    );
  mkdirSync(path.dirname(sourceFile), { recursive: true });
  mkdirSync(path.dirname(draftFile), { recursive: true });
  writeFileSync(path.join(out, 'sources', `${id}.txt`), text);
  writeFileSync(sourceFile, stableJson(source));
  // As the repository's format check wants it: drafting an article leaves `npm test` green.
  writeFileSync(draftFile, await formattedJson(draftFile, draft));
  const unresolved = draft.mentions.filter((m) => !m.entry);
  return {
    article,
    ok: true,
    draftFile,
    lines: [
      `${article} → ${id} (published ${published}, ${published === input.meta.published?.slice(0, 10) ? (input.kind === 'html' ? 'as the page says' : "from the text's dateline") : 'as --published says'})`,
      `${sourceFile}: ${source.blocks.length} blocks (${source.blocks.filter((b) => b.kind === 'caption').length} captions), chrome lines removed: ${source.removed.length}`,
      ...source.removed.map((line) => `  removed: ${JSON.stringify(line)}`),
      `${draftFile}: ${draft.mentions.length} place mentions (${unresolved.length} unresolved), ${draft.places.length} places, ${draft.events.length} events + ${draft.pending.length} pending, ${draft.dates.length} dates, ${draft.quantities.length} quantities, in ${draft.draft.milliseconds} ms`,
      ...unresolved.map((m) => `  unresolved: ${JSON.stringify(m.text)} at ${m.start}–${m.end} (${m.feature})`),
      ...draft.dates
        .filter((x) => x.draft.confidence <= 0.3)
        .map((d) => `  date to check: ${JSON.stringify(d.text)}: ${d.draft.notes.join('; ')}`),
    ],
  };
}

const outcomes: Outcome[] = [];
for (const article of articles) outcomes.push(await draftOne(article));
for (const o of outcomes)
  if (o.ok) console.log(o.lines.join('\n'));
  else console.error(o.lines.join('\n'));
for (const p of folderProblems) console.error(p);
const drafted = outcomes.filter((o) => o.ok);
const failed = outcomes.length - drafted.length + folderProblems.length;
console.log(`${outcomes.length} article(s): ${drafted.length} drafted into the review queue, ${failed} not`);

// What to do next: review them (the editor's queue lists them, to review), where Save builds the layers.
const rootArg = path.resolve(out, '..') === ROOT ? '' : ` --root ${path.relative(process.cwd(), path.resolve(out, '..')) || '.'}`;
const draftArgs = drafted.map((o) => ` --draft ${path.relative(process.cwd(), o.draftFile)}`);
let publishFailed = false;
if (drafted.length && values.publish) {
  // The editor's own publish: one validation, lock and layer build path for the queue and this command.
  const run = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(ROOT, 'src/editor/server.ts'),
      ...(rootArg ? ['--root', path.resolve(out, '..')] : []),
      '--publish',
      ...drafted.flatMap((o) => ['--draft', o.draftFile]),
    ],
    { cwd: ROOT, stdio: 'inherit' },
  );
  publishFailed = run.status !== 0;
  if (run.error) console.error(`--publish: the editor's publish could not be run: ${run.error.message}`);
} else if (drafted.length) {
  const editor = `npm run editor --${rootArg}`;
  console.log(
    `next: ${editor}${draftArgs.length === 1 ? draftArgs[0] : ''}   (review ${drafted.length === 1 ? 'it' : 'them: the queue lists them'}; Save writes the catalogue and builds the layers)`,
  );
  console.log(`  or: ${editor} --publish${draftArgs.join('')}   (on the map at once, marked "draft, not reviewed")`);
}
process.exit(failed || publishFailed ? 1 : 0);
