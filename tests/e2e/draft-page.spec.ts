/**
 * A saved web page, end to end: `npm run draft` reads a page written for the tests
 * (tests/fixtures/draft/html-broadcaster/article.html: navigation, share buttons, a "Read more" box, a
 * caption with its photo credit) in a temporary project (never the repository's geodata), taking the
 * publisher and the published date from the page itself. An editor accepts one event and its places in the
 * review screen and saves; the layers build; the reader shows the page's event on the map beside the seed.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEditor, type EditorServer } from '../../src/editor/server';
import { serveLayers } from '../support/two-sources';
import { expect, test } from './fixtures';
import { seedProject } from '../support/seed';

const ROOT = path.resolve(import.meta.dirname, '../..');
const EDITOR_PORT = Number(process.env.E2E_EDITOR_PORT ?? 4395) + 1;
const ID = 'example-broadcaster';
const EVENT = 'the-united-states-will-send-about';

let project = '';
let editor: EditorServer | undefined;
const tsx = (script: string, args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, script), ...args], { cwd: ROOT, encoding: 'utf8' });

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  project = mkdtempSync(path.join(tmpdir(), 'draft-page-e2e-'));
  for (const dir of ['sources', 'catalogue', 'basemap'])
    // The seed alone, whatever else the repository's geodata/ holds (tests/support/seed.ts).
    cpSync(path.join(seedProject(), 'geodata', dir), path.join(project, 'geodata', dir), { recursive: true });
  const page = path.join(project, 'saved-page.html');
  cpSync(path.join(ROOT, 'tests/fixtures/draft/html-broadcaster/article.html'), page);
  // No --published, no --publisher: the page gives them.
  const run = tsx('src/draft/cli.ts', [page, '--id', ID, '--out', path.join(project, 'geodata')]);
  expect(run.status, run.stderr).toBe(0);
  const source = JSON.parse(readFileSync(path.join(project, 'geodata/sources', `${ID}.json`), 'utf8')) as {
    publisher: string;
    published: string;
    url: string;
    removed: string[];
  };
  expect([source.publisher, source.published, source.url]).toEqual([
    'Example Broadcaster',
    '2022-02-02',
    'https://broadcaster.example/news/us-troops-poland-romania-12345',
  ]);
  expect(source.removed).toContain('Photo: Alex Brandon/POOL');
  const text = readFileSync(path.join(project, 'geodata/sources', `${ID}.txt`), 'utf8');
  for (const chrome of ['Alex Brandon', 'Read more', 'Share on', 'Jonah Whitcombe']) expect(text).not.toContain(chrome);
  editor = await startEditor({ root: project, port: EDITOR_PORT });
});

test.afterAll(async () => {
  await editor?.close();
  if (project) rmSync(project, { recursive: true, force: true });
});

test.describe('the review screen', () => {
  test.use({ baseURL: `http://127.0.0.1:${EDITOR_PORT}` });

  test('accept an event of the page and its places, save', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto('/');
    await expect(page.getByRole('heading', { name: /US to send 3,000 troops to Poland and Romania/ })).toBeVisible();
    for (const id of ['poland', 'romania'])
      await page
        .getByRole('article', { name: `Place ${id}`, exact: true })
        .getByRole('button', { name: 'Accept', exact: true })
        .click();
    const event = page.getByRole('article', { name: `Event ${EVENT}`, exact: true });
    await expect(event).toContainText('The United States will send about 3,000 troops to Poland and Romania');
    await event.getByRole('button', { name: 'Accept', exact: true }).click();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('status')).toContainText(`geodata/catalogue/${ID}.events.json`);
    const build = tsx('src/layers/cli.ts', ['--root', project]);
    expect(build.status, build.stderr).toBe(0);
  });
});

test.describe('the reader', () => {
  test("shows the page's event on the map beside the seed", async ({ page }) => {
    const dir = path.join(project, 'geodata/layers');
    const layers = new Map(
      ['story.json', 'places.geojson', 'measures.json', 'index.json'].map((n) => [n, readFileSync(path.join(dir, n), 'utf8')]),
    );
    await serveLayers(page, layers);
    await page.goto('/#5/52/20&place=poland');
    await expect(page.locator('header')).toContainText('2 articles: NBC News, Example Broadcaster');
    const entry = page.getByRole('region', { name: /Excerpts/ }).locator(`[data-event-entry="${EVENT}"]`);
    await expect(entry).toContainText('From Example Broadcaster, Wed 2 Feb 2022');
    await expect(entry).toContainText('about 3,000 troops to Poland and Romania');
  });
});
