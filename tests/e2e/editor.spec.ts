/**
 * The review screen (npm run editor), driven in Chromium: a draft of a copy of the wire-copy fixture
 * article, made by `npm run draft` in a temporary project folder (never the repository's geodata), is
 * reviewed (proposals accepted and rejected, a place changed through the gazetteer search, an event added
 * by selecting words), saved through the editor's server, and built into layers beside the seed; then the
 * reader shows both articles. The editor's server runs inside this file on its own port, and the guard
 * (fixtures.ts) holds the editor's page to that origin.
 */
import type { Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { validateCatalogue } from '../../src/catalogue/validate';
import { defaultFolders, loadInputs } from '../../src/layers/inputs';
import { startEditor, type EditorServer } from '../../src/editor/server';
import { serveLayers } from './two-sources';
import { expect, test } from './fixtures';

const ROOT = path.resolve(import.meta.dirname, '../..');
const EDITOR_PORT = Number(process.env.E2E_EDITOR_PORT ?? 4395);
const ID = 'wire-kiev';

let project = '';
let editor: EditorServer | undefined;
const tsx = (script: string, args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, script), ...args], { cwd: ROOT, encoding: 'utf8' });
const eventsFile = () => path.join(project, 'geodata/catalogue', `${ID}.events.json`);

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  project = mkdtempSync(path.join(tmpdir(), 'editor-e2e-'));
  for (const dir of ['sources', 'catalogue', 'basemap'])
    cpSync(path.join(ROOT, 'geodata', dir), path.join(project, 'geodata', dir), { recursive: true });
  mkdirSync(path.join(project, 'articles'));
  const article = path.join(project, 'articles/article.txt');
  cpSync(path.join(ROOT, 'tests/fixtures/draft/wire-kiev/article.txt'), article);
  const run = tsx('src/draft/cli.ts', [
    article,
    '--published',
    '2022-02-03',
    '--publisher',
    'Example Wire',
    '--id',
    ID,
    '--out',
    path.join(project, 'geodata'),
  ]);
  expect(run.status, run.stderr).toBe(0);
  editor = await startEditor({ root: project, port: EDITOR_PORT });
});

test.afterAll(async () => {
  await editor?.close();
  if (project) rmSync(project, { recursive: true, force: true });
});

const card = (page: Page, kind: 'Place' | 'Event', id: string) =>
  page.getByRole('article', { name: `${kind} ${id}`, exact: true });

async function decide(page: Page, kind: 'Place' | 'Event', id: string, decision: 'Accept' | 'Reject') {
  const button = card(page, kind, id).getByRole('button', { name: decision, exact: true });
  await button.click();
  await expect(button).toHaveAttribute('aria-pressed', 'true');
}

/** Selects the article's words from `from` through `to` (inclusive) as a person would, by offsets. */
async function selectWords(page: Page, from: string, to: string): Promise<{ start: number; end: number }> {
  return page.evaluate(
    ([a, b]) => {
      const article = document.querySelector('[aria-label="Article text"]')!;
      const text = article.textContent!;
      const start = text.indexOf(a);
      const end = text.indexOf(b, start) + b.length;
      const at = (offset: number): [Node, number] => {
        for (const span of article.querySelectorAll('[data-start]')) {
          const [s, e] = [Number(span.getAttribute('data-start')), Number(span.getAttribute('data-end'))];
          if (offset >= s && offset <= e) return [span.firstChild!, offset - s];
        }
        throw new Error(`no run holds ${offset}`);
      };
      const range = document.createRange();
      range.setStart(...at(start));
      range.setEnd(...at(end));
      const selection = document.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return { start, end };
    },
    [from, to],
  );
}

test.describe('the review screen', () => {
  test.use({ baseURL: `http://127.0.0.1:${EDITOR_PORT}` });

  test('loads with nothing in the console, its map given glyph files, not the page', async ({ page }) => {
    const messages: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'warning' || m.type() === 'error') messages.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => messages.push(`pageerror: ${e.message}`));
    const glyphs: string[] = [];
    page.on('response', (r) => {
      if (r.url().includes('/data/glyphs/')) glyphs.push(`${r.status()} ${r.headers()['content-type']}`);
    });
    await page.goto('/');
    await expect(page.getByRole('heading', { name: /Russian warplanes land in Belarus/ })).toBeVisible();
    await page.waitForFunction(() => {
      const m = (window as unknown as { situationMap?: { loaded(): boolean; areTilesLoaded(): boolean } }).situationMap;
      return !!m && m.loaded() && m.areTilesLoaded();
    });
    expect(glyphs.length).toBeGreaterThan(0);
    expect(new Set(glyphs)).toEqual(new Set(['200 application/x-protobuf']));
    expect(messages).toEqual([]);
  });

  test('review a draft, see the error in place, save, build the layers', async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto('/');
    await expect(page.getByRole('heading', { name: /Russian warplanes land in Belarus/ })).toBeVisible();

    // The article is text only, and exactly the source's text.
    const source = readFileSync(path.join(project, 'geodata/sources', `${ID}.txt`), 'utf8');
    const article = page.locator('[aria-label="Article text"]');
    expect(await article.evaluate((el) => el.textContent)).toBe(source);
    expect(await article.locator('*:not(span)').count()).toBe(0);
    await expect(article.locator('.mark-place').first()).toBeVisible();

    // Places: the catalogue's own, two new ones, one of them changed to its region through the gazetteer.
    for (const id of ['russia', 'belarus', 'ukraine', 'kyiv', 'baranovichi', 'kharkiv', 'minsk'])
      await decide(page, 'Place', id, 'Accept');
    await decide(page, 'Place', 'european-union', 'Reject');
    const kharkiv = card(page, 'Place', 'kharkiv');
    await kharkiv.getByText('Change the place (gazetteer)').click();
    await kharkiv.getByLabel('Search the gazetteer').fill('Kharkov');
    await kharkiv.getByRole('button', { name: 'Search' }).click();
    const region = kharkiv.getByRole('listitem').filter({ hasText: 'admin1:UA-63' });
    await region.getByRole('button', { name: 'Use' }).click();
    await expect(kharkiv.getByText('{"units":["UA-63"]}')).toBeVisible();
    await kharkiv.getByLabel('Name').fill('Kharkiv Oblast');

    // The map beside it draws the accepted places as the reader's map would.
    await page.waitForFunction(
      () => {
        const m = (
          window as unknown as { situationMap?: { getSource(id: string): unknown; querySourceFeatures(id: string): unknown[] } }
        ).situationMap;
        return !!m && m.querySourceFeatures('story-places').length > 0;
      },
      undefined,
      { timeout: 30_000 },
    );

    // Events: three accepted, one rejected, one added from the words selected in the article.
    for (const id of ['kiev-feb-3-example-wire', 'the-ministry-said-the-jets-landed', 'ukrainian-officials-said-about-30-il-76'])
      await decide(page, 'Event', id, 'Accept');
    await decide(page, 'Event', 'russia-denied-planning-an-attack-and', 'Reject');
    const selected = await selectWords(page, 'Russia denied planning', 'any offensive.');
    await expect(page.getByText(`Selected ${selected.start}–${selected.end}`)).toBeVisible();
    await page.getByRole('button', { name: 'Add an event quoting the selection' }).click();
    const added = card(page, 'Event', 'russia-denied-planning-an-attack-and-2');
    await expect(added).toBeVisible();
    await added.getByLabel('Title').fill('Russia denies planning an attack near Luhansk and Donetsk');
    await added.getByLabel('Claim by').fill('Russia');
    await added.getByLabel('Claim kind').selectOption('government');
    await added.getByLabel('Stance').selectOption('denied');
    await added.getByLabel('Category').selectOption('troops');
    await added.getByRole('checkbox', { name: 'Russia russia', exact: true }).check();

    // A place by the words selected: the draft's own proposal of it is accepted; a place typed that the
    // draft has not is added.
    await selectWords(page, 'Lugansk', 'Lugansk');
    await page.getByRole('button', { name: 'Find a place named so' }).click();
    const addPlace = page.getByRole('region', { name: 'Selection' });
    await expect(addPlace.getByLabel('Add a place from the gazetteer')).toHaveValue('Lugansk');
    await addPlace.getByRole('button', { name: 'Search' }).click();
    await addPlace
      .getByRole('listitem')
      .filter({ hasText: 'geonames:702658' })
      .getByRole('button', { name: 'Add place' })
      .click();
    await expect(card(page, 'Place', 'luhansk').getByRole('button', { name: 'Accept' })).toHaveAttribute('aria-pressed', 'true');
    await addPlace.getByLabel('Add a place from the gazetteer').fill('Rostov-on-Don');
    await addPlace.getByRole('button', { name: 'Search' }).click();
    await addPlace
      .getByRole('listitem')
      .filter({ hasText: 'geonames:501175' })
      .getByRole('button', { name: 'Add place' })
      .click();
    await expect(card(page, 'Place', 'rostov-na-donu')).toBeVisible();
    await added.getByRole('checkbox', { name: 'Luhansk luhansk', exact: true }).check();

    // An invalid edit: a date phrase the catalogue does not know. The validator's error is shown at the
    // event and its field, and nothing is written.
    const ministry = card(page, 'Event', 'the-ministry-said-the-jets-landed');
    await ministry.getByLabel('Date expression').fill('the day before yesterday');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('status')).toContainText('Not saved');
    await expect(ministry.getByRole('alert')).toContainText('date.expr');
    expect(existsSync(eventsFile())).toBe(false);

    // Fixed: saved, and the file written validates with the whole catalogue.
    await ministry.getByLabel('Date expression').fill('Wednesday');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    // The places first, then the events (src/editor/api.ts).
    await expect(page.getByRole('status')).toContainText(
      `Saved: geodata/catalogue/places.json, geodata/catalogue/${ID}.events.json`,
    );
    await expect(ministry.getByRole('alert')).toHaveCount(0);
    const written = JSON.parse(readFileSync(eventsFile(), 'utf8')) as {
      events: { id: string; excerpts: { start: number; end: number; text: string }[] }[];
    };
    expect(written.events.map((e) => e.id)).toEqual([
      'kiev-feb-3-example-wire',
      'the-ministry-said-the-jets-landed',
      'ukrainian-officials-said-about-30-il-76',
      'russia-denied-planning-an-attack-and-2',
    ]);
    const excerpt = written.events[3].excerpts[0];
    expect(excerpt).toEqual({ ...selected, text: source.slice(selected.start, selected.end) });
    const { input, errors } = loadInputs(defaultFolders(project));
    expect(errors).toEqual([]);
    expect(validateCatalogue(input!, input!.basemap.index)).toEqual([]);
    const places = (
      JSON.parse(readFileSync(path.join(project, 'geodata/catalogue/places.json'), 'utf8')) as { places: { id: string }[] }
    ).places;
    expect(places.filter((p) => ['baranovichi', 'kharkiv', 'minsk', 'luhansk', 'rostov-na-donu'].includes(p.id)).length).toBe(5);
    expect(places.filter((p) => p.id === 'russia').length).toBe(1);

    // Then the layers build, with each new event credited to its own source.
    const build = tsx('src/layers/cli.ts', ['--root', project]);
    expect(build.status, build.stderr).toBe(0);
  });
});

test.describe('the reader', () => {
  test('shows the reviewed article beside the seed, each event credited to its source', async ({ page }) => {
    const dir = path.join(project, 'geodata/layers');
    const story = JSON.parse(readFileSync(path.join(dir, 'story.json'), 'utf8')) as {
      sources: { id: string }[];
      events: { event_id: string; source_id: string }[];
    };
    expect(story.sources.map((s) => s.id).sort()).toEqual(['nbc-2022-01-26', ID]);
    const mine = story.events.filter((e) => e.source_id === ID).map((e) => e.event_id);
    expect(mine.sort()).toEqual(
      [
        'kiev-feb-3-example-wire',
        'russia-denied-planning-an-attack-and-2',
        'the-ministry-said-the-jets-landed',
        'ukrainian-officials-said-about-30-il-76',
      ].sort(),
    );
    expect(story.events.some((e) => e.source_id === 'nbc-2022-01-26')).toBe(true);

    const layers = new Map(
      ['story.json', 'places.geojson', 'measures.json', 'index.json'].map((n) => [n, readFileSync(path.join(dir, n), 'utf8')]),
    );
    await serveLayers(page, layers);
    await page.goto('/#6/53.9/27.56&place=minsk');
    await expect(page.locator('header')).toContainText('2 articles: NBC News, Example Wire');
    const panel = page.getByRole('region', { name: /Excerpts/ });
    const entry = panel.locator('[data-event-entry="ukrainian-officials-said-about-30-il-76"]');
    await expect(entry).toContainText('From Example Wire, Thu 3 Feb 2022');
    await expect(entry).toContainText('about 30 Il-76 transport planes');
  });
});
