/**
 * `npm run draft` on a folder (src/draft/cli.ts), run as a person runs it: every article in the folder
 * drafted into the review queue, each on its own (one that cannot be read is named and the others are
 * written), ids that do not collide, a saved page keeping its own publisher and day, and --publish putting
 * each on the map at once through the editor's own publish, marked as drafts.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as prettier from 'prettier';
import { expect, it } from 'vitest';
import { ROOT, seedProject, tempProject } from '../../support/helpers';
import { full } from '../../support/tier';

const FIXTURES = path.join(ROOT, 'tests/fixtures/draft');

function draft(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/draft/cli.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
}

/** A project copy and a folder of articles beside it: two wire texts, a saved page, and what is not an article. */
function folderProject() {
  const root = tempProject(['geodata/sources', 'geodata/catalogue', 'geodata/basemap'], seedProject(), 'draft-cli-');
  const inbox = path.join(root, 'inbox');
  mkdirSync(inbox);
  cpSync(path.join(FIXTURES, 'wire-kiev/article.txt'), path.join(inbox, 'b-wire.txt'));
  cpSync(path.join(FIXTURES, 'regional-paper/article.txt'), path.join(inbox, 'a-regional.txt'));
  // Its own stamp, "10.02.2022 (12:30)": its day, not --published's.
  cpSync(path.join(FIXTURES, 'ministry-release/article.txt'), path.join(inbox, 'd-ministry.txt'));
  cpSync(path.join(FIXTURES, 'html-newsroom/article.html'), path.join(inbox, 'c-newsroom.html'));
  writeFileSync(path.join(inbox, 'notes.md'), 'not an article: not drafted');
  return { root, inbox, catalogue: path.join(root, 'geodata/catalogue') };
}

const drafts = (catalogue: string) =>
  readdirSync(catalogue)
    .filter((n) => n.endsWith('.draft.json'))
    .sort();

full.describe('npm run draft -- <folder>', () => {
  it('drafts every article in the folder into the queue, names the one it cannot read, and writes the others', async () => {
    const { root, inbox, catalogue } = folderProject();
    writeFileSync(path.join(inbox, 'e-empty.txt'), '');
    const run = draft([inbox, '--published', '2022-02-03', '--publisher', 'Example Desk', '--out', path.join(root, 'geodata')]);
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toContain(`${path.join(inbox, 'e-empty.txt')}: empty file`);
    // Two texts of one publisher and day: the second takes -2. The page keeps its own publisher and day,
    // the ministry's text its own stamp's day.
    expect(drafts(catalogue)).toEqual([
      'example-desk-2022-02-03-2.draft.json',
      'example-desk-2022-02-03.draft.json',
      'example-desk-2022-02-10.draft.json',
      'the-example-newsroom-2022-02-11.draft.json',
    ]);
    expect(run.stdout).toContain(
      `${path.join(inbox, 'a-regional.txt')} → example-desk-2022-02-03 (published 2022-02-03, as --published says)\n`,
    );
    expect(run.stdout).toContain(
      `${path.join(inbox, 'b-wire.txt')} → example-desk-2022-02-03-2 (published 2022-02-03, as --published says)\n`,
    );
    expect(run.stdout).toContain(
      `${path.join(inbox, 'c-newsroom.html')} → the-example-newsroom-2022-02-11 (published 2022-02-11, as the page says)\n`,
    );
    expect(run.stdout).toContain(
      `${path.join(inbox, 'd-ministry.txt')} → example-desk-2022-02-10 (published 2022-02-10, from the text's dateline)\n`,
    );
    expect(run.stdout).toContain('5 article(s): 4 drafted into the review queue, 1 not');
    expect(run.stdout).toMatch(/next: npm run editor -- --root \S+ +\(review them: the queue lists them/);
    const source = JSON.parse(readFileSync(path.join(root, 'geodata/sources/example-desk-2022-02-03-2.json'), 'utf8'));
    expect(source).toMatchObject({ publisher: 'Example Desk', published: '2022-02-03' });
    expect(source.captured_from).toContain('b-wire.txt');
    // Written as the repository's format check wants them: drafting leaves `npm test` green.
    for (const name of drafts(catalogue)) {
      const file = path.join(catalogue, name);
      const options = { ...(await prettier.resolveConfig(path.join(ROOT, 'package.json'))), filepath: file };
      expect(await prettier.check(readFileSync(file, 'utf8'), options), name).toBe(true);
    }
    // Nothing published: no events file, no layers.
    expect(readdirSync(catalogue).filter((n) => n.endsWith('.events.json'))).toEqual(['nbc-2022-01-26.events.json']);

    // Run again: what exists is not overwritten without --force, and each is named.
    const again = draft([inbox, '--published', '2022-02-03', '--publisher', 'Example Desk', '--out', path.join(root, 'geodata')]);
    expect(again.status).toBe(1);
    expect(again.stderr.match(/a source with id "[^"]+" exists/g)).toHaveLength(4);
  }, 60_000);

  it('refuses an option that names one article when several are given, and writes nothing', () => {
    const { root, inbox, catalogue } = folderProject();
    const before = drafts(catalogue);
    const run = draft([inbox, '--id', 'one-id', '--published', '2022-02-03', '--out', path.join(root, 'geodata')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--id names one article; 4 articles given');
    expect(drafts(catalogue)).toEqual(before);
    const bad = draft([inbox, '--published', '3 Feb', '--out', path.join(root, 'geodata')]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--published: a date YYYY-MM-DD expected, "3 Feb" found');
  }, 60_000);

  it('answers an unknown option with one line and the usage, and --help with the usage', () => {
    const unknown = draft(['--bogus']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr.trim().split('\n')).toEqual([
      "Unknown option '--bogus'",
      expect.stringMatching(/^usage: npm run draft/),
    ]);
    const help = draft(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^usage: npm run draft/);
  });

  it('--publish puts every drafted article on the map at once, each marked a draft not reviewed', () => {
    const { root, inbox, catalogue } = folderProject();
    const run = draft([
      inbox,
      '--published',
      '2022-02-03',
      '--publisher',
      'Example Desk',
      '--out',
      path.join(root, 'geodata'),
      '--publish',
    ]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.match(/^published unreviewed: /gm)).toHaveLength(4);
    const ids = [
      'example-desk-2022-02-03',
      'example-desk-2022-02-03-2',
      'example-desk-2022-02-10',
      'the-example-newsroom-2022-02-11',
    ];
    for (const id of ids)
      expect(JSON.parse(readFileSync(path.join(catalogue, `${id}.events.json`), 'utf8')).review, id).toBe('draft');
    const story = JSON.parse(readFileSync(path.join(root, 'geodata/layers/story.json'), 'utf8')) as {
      sources: { id: string; review?: string }[];
    };
    expect(story.sources.filter((s) => s.review === 'draft').map((s) => s.id)).toEqual(expect.arrayContaining(ids));
    expect(story.sources.find((s) => s.id === 'nbc-2022-01-26')?.review).toBeUndefined();
    expect(existsSync(path.join(catalogue, '.editor-save.lock'))).toBe(false);
  }, 180_000);
});
