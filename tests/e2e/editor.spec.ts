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
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { validateCatalogue } from '../../src/catalogue/validate';
import { defaultFolders, loadInputs } from '../../src/layers/inputs';
import { startEditor, type EditorServer } from '../../src/editor/server';
import { serveLayers } from '../support/two-sources';
import { expect, GL_DRIVER, test } from './fixtures';
import { seedProject } from '../support/seed';

const ROOT = path.resolve(import.meta.dirname, '../..');
const EDITOR_PORT = Number(process.env.E2E_EDITOR_PORT ?? 4395);
const ID = 'wire-kiev';

let project = '';
let editor: EditorServer | undefined;
const tsx = (script: string, args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, script), ...args], { cwd: ROOT, encoding: 'utf8' });
/** `npm run draft` on an article, into the temporary project. */
function draftInto(article: string, id: string, published: string, publisher: string) {
  const out = path.join(project, 'geodata');
  const run = tsx('src/draft/cli.ts', [article, '--published', published, '--publisher', publisher, '--id', id, '--out', out]);
  expect(run.status, run.stderr).toBe(0);
  // It says what to do next, with this project's folder.
  expect(run.stdout).toContain(`next: npm run editor -- --root ${path.relative(ROOT, project)} --draft `);
}
const eventsFile = () => path.join(project, 'geodata/catalogue', `${ID}.events.json`);

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  project = mkdtempSync(path.join(tmpdir(), 'editor-e2e-'));
  for (const dir of ['sources', 'catalogue', 'basemap'])
    // The seed alone, whatever else the repository's geodata/ holds (tests/support/seed.ts).
    cpSync(path.join(seedProject(), 'geodata', dir), path.join(project, 'geodata', dir), { recursive: true });
  mkdirSync(path.join(project, 'articles'));
  const article = path.join(project, 'articles/article.txt');
  cpSync(path.join(ROOT, 'tests/fixtures/draft/wire-kiev/article.txt'), article);
  draftInto(article, ID, '2022-02-03', 'Example Wire');
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
      // Not the GL driver's own messages, which Chromium logs as the page's ("GPU stall due to ReadPixels"
      // when it copies the map's canvas back to composite it in software): the guard (fixtures.ts) skips
      // them too. Run alone, in a fresh browser, this page's first load met two of them.
      if (GL_DRIVER.test(m.text())) return;
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

    // Nothing accepted yet: Check says so, it does not say all is well.
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await expect(page.getByRole('status')).toContainText('Nothing accepted yet');

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

    // Events: four accepted, one rejected, one added from the words selected in the article. "The ministry
    // said the jets landed … and that tens of thousands of Russian troops were now within 200 km of Kharkov"
    // is drafted as two events: the jets at Baranovichi, the troops near Kharkiv (in `about`: near, not in).
    for (const id of [
      'russia-has-moved-su-35-fighter-jets',
      'the-ministry-said-the-jets-landed',
      'tens-of-thousands-of-russian-troops',
      'ukrainian-officials-said-about-30-il-76',
    ])
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
      'russia-has-moved-su-35-fighter-jets',
      'the-ministry-said-the-jets-landed',
      'tens-of-thousands-of-russian-troops',
      'ukrainian-officials-said-about-30-il-76',
      'russia-denied-planning-an-attack-and-2',
    ]);
    const excerpt = written.events[4].excerpts[0];
    expect(excerpt).toEqual({ ...selected, text: source.slice(selected.start, selected.end) });
    const { input, errors } = loadInputs(defaultFolders(project));
    expect(errors).toEqual([]);
    expect(validateCatalogue(input!, input!.basemap.index)).toEqual([]);
    const places = (
      JSON.parse(readFileSync(path.join(project, 'geodata/catalogue/places.json'), 'utf8')) as { places: { id: string }[] }
    ).places;
    expect(places.filter((p) => ['baranovichi', 'kharkiv', 'minsk', 'luhansk', 'rostov-na-donu'].includes(p.id)).length).toBe(5);
    expect(places.filter((p) => p.id === 'russia').length).toBe(1);

    // The save built the layers again itself, each new event credited to its own source (the reader's test below).
    await expect(page.getByRole('status')).toContainText('geodata/layers built again');
    expect(existsSync(path.join(project, 'geodata/layers/story.json'))).toBe(true);
  });
});

test.describe('the review screen, from another origin', () => {
  test('a page on another port of this machine cannot save: a form post and a fetch are refused, nothing written', async ({
    browser,
  }) => {
    // Not the guarded page: this one is the other origin, and its requests to the editor are the point.
    const context = await browser.newContext();
    const page = await context.newPage();
    const other = `http://127.0.0.1:${EDITOR_PORT + 7}`;
    const save = `http://127.0.0.1:${EDITOR_PORT}/api/save`;
    const catalogue = path.join(project, 'geodata/catalogue');
    const before = new Map(readdirSync(catalogue).map((n) => [n, readFileSync(path.join(catalogue, n), 'utf8')] as const));
    // A classic cross-site form: text/plain, no preflight, the body shaped as the save's JSON.
    const body = JSON.stringify({ id: ID, places: [], events: [] }).slice(0, -1) + ',"x":"';
    await page.route(`${other}/**`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><form method="post" enctype="text/plain" action="${save}"><input type="hidden" name='${body}' value='"}'></form>`,
      }),
    );
    await page.goto(`${other}/page.html`);
    const [answer] = await Promise.all([
      page.waitForResponse(save),
      page.locator('form').evaluate((f: HTMLFormElement) => f.submit()),
    ]);
    expect(answer.status()).toBe(403);
    expect(await answer.text()).toContain('cross-origin request refused');
    // A script's fetches: what the server answered each, as the network saw it (a script cannot).
    await page.goto(`${other}/page.html`);
    const seen: string[] = [];
    page.on('response', (r) => {
      if (r.url() === save) seen.push(`${r.request().method()} ${r.status()}`);
    });
    page.on('requestfailed', (r) => {
      if (r.url() === save) seen.push(`${r.method()} failed: ${r.failure()?.errorText}`);
    });
    const outcomes = await page.evaluate(async (url) => {
      const json = JSON.stringify({ id: 'wire-kiev', places: [], events: [] });
      const tried = (init: RequestInit) =>
        fetch(url, init).then(
          (r) => `answered (${r.type})`,
          (e: Error) => `refused: ${e.name}`,
        );
      return [
        await tried({ method: 'POST', mode: 'no-cors', body: json }),
        await tried({ method: 'POST', headers: { 'content-type': 'application/json' }, body: json }),
      ];
    }, save);
    // The JSON one is stopped at its preflight; the no-cors one's 403 is withheld from the page by the
    // answer's Cross-Origin-Resource-Policy. Neither is answered with a success.
    expect(outcomes).toEqual(['refused: TypeError', 'refused: TypeError']);
    expect(seen.length).toBeGreaterThan(0);
    for (const s of seen) expect(s).toMatch(/ 403$|failed: /);
    const after = new Map(readdirSync(catalogue).map((n) => [n, readFileSync(path.join(catalogue, n), 'utf8')] as const));
    expect(after).toEqual(before);
    await context.close();
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
        'russia-has-moved-su-35-fighter-jets',
        'russia-denied-planning-an-attack-and-2',
        'the-ministry-said-the-jets-landed',
        'tens-of-thousands-of-russian-troops',
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

test.describe('the review screen, reopened', () => {
  test.use({ baseURL: `http://127.0.0.1:${EDITOR_PORT}` });

  test('comes as saved; a place renamed, a wrong figure removed, a figure and an excerpt fixed, saved again', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await page.goto('/');
    await expect(page.getByRole('heading', { name: /Russian warplanes land in Belarus/ })).toBeVisible();
    const pressed = (kind: 'Place' | 'Event', id: string, decision: 'Accept' | 'Reject') =>
      expect(card(page, kind, id).getByRole('button', { name: decision, exact: true })).toHaveAttribute('aria-pressed', 'true');
    // Every decision as saved: the edited region, not the draft's city; the rejected event still rejected.
    await pressed('Place', 'kharkiv', 'Accept');
    await expect(card(page, 'Place', 'kharkiv').getByText('{"units":["UA-63"]}')).toBeVisible();
    await pressed('Event', 'the-ministry-said-the-jets-landed', 'Accept');
    await pressed('Event', 'russia-denied-planning-an-attack-and', 'Reject');

    // A place's id renamed: the events that name it follow.
    const luhansk = card(page, 'Place', 'luhansk');
    await luhansk.getByLabel('Id').fill('luhansk-city');
    await luhansk.getByLabel('Id').press('Enter');
    await expect(card(page, 'Place', 'luhansk-city')).toBeVisible();
    const denial = card(page, 'Event', 'russia-denied-planning-an-attack-and-2');
    await expect(denial.getByRole('checkbox', { name: 'Luhansk luhansk-city', exact: true })).toBeChecked();
    // A taken id is refused, saying why, and the id stays.
    const minsk = card(page, 'Place', 'minsk');
    await minsk.getByLabel('Id').fill('russia');
    await minsk.getByLabel('Id').press('Enter');
    await expect(minsk.getByRole('alert')).toContainText('"russia" is taken');
    await expect(minsk.getByLabel('Id')).toHaveValue('minsk');

    // The distance that locates the troops ("within 200 km of Kharkov") is no figure of theirs.
    const troops = card(page, 'Event', 'tens-of-thousands-of-russian-troops');
    await expect(troops.getByRole('group', { name: 'Figures' })).toHaveCount(0);
    // Words that give no number are refused as a figure, saying so.
    await selectWords(page, 'tens of thousands', 'Russian troops');
    await troops.getByRole('button', { name: 'Add the selected words as a figure' }).click();
    await expect(troops.getByRole('alert')).toContainText('No number in "tens of thousands of Russian troops"');

    // A figure read from selected words; an excerpt added and removed again.
    const planes = card(page, 'Event', 'ukrainian-officials-said-about-30-il-76');
    await planes.getByRole('button', { name: 'Remove figure' }).click();
    await selectWords(page, 'about 30 Il-76', 'transport planes');
    await planes.getByRole('button', { name: 'Add the selected words as a figure' }).click();
    const figures = planes.getByRole('group', { name: 'Figures' });
    await expect(figures.getByLabel('Value')).toHaveValue('30');
    await expect(figures.getByLabel('Unit')).toHaveValue('Il-76 transport planes');
    await expect(figures.getByLabel('Qualifier')).toHaveValue('about');
    await selectWords(page, 'Russia denied', 'an attack');
    await planes.getByRole('button', { name: 'Add the selected words as an excerpt' }).click();
    await expect(planes.locator('blockquote')).toHaveCount(2);
    await planes.getByRole('button', { name: 'Remove excerpt' }).nth(1).click();
    await expect(planes.locator('blockquote')).toHaveCount(1);

    // An event split in two, and the copy merged back: rejected, its words kept once on the first.
    const lead = card(page, 'Event', 'russia-has-moved-su-35-fighter-jets');
    await lead.getByRole('button', { name: 'Split in two' }).click();
    const copy = card(page, 'Event', 'russia-has-moved-su-35-fighter-jets-2');
    await expect(copy.getByRole('button', { name: 'Accept', exact: true })).toHaveAttribute('aria-pressed', 'true');
    await copy.getByLabel('Merge into').selectOption('russia-has-moved-su-35-fighter-jets');
    await expect(copy.getByRole('button', { name: 'Reject', exact: true })).toHaveAttribute('aria-pressed', 'true');
    // Its two excerpts once each: the headline that repeats the lead ("…, Kiev says"), and the lead.
    await expect(lead.locator('blockquote')).toHaveCount(2);

    // A place the gazetteer lacks: every reason at once, then a band along a border, drawn on the map.
    const selectionPane = page.getByRole('region', { name: 'Selection' });
    await selectionPane.getByText('Add a place the gazetteer lacks').click();
    const outside = selectionPane.getByRole('form', { name: 'A place the gazetteer lacks' });
    await outside.getByLabel('Longitude, latitude').fill('200, 10');
    await outside.getByRole('button', { name: 'Add this place' }).click();
    // (The name is the selected words when none is typed.)
    await expect(selectionPane.getByRole('alert')).toContainText('note: say why');
    await expect(selectionPane.getByRole('alert')).toContainText('"200, 10" found');
    // An area drawn on the map: each click a corner, seen on the map before it is added.
    const previewIds = () =>
      page.evaluate(
        () =>
          new Set(
            (
              window as unknown as { situationMap: { querySourceFeatures(id: string): { properties: { place_id: string } }[] } }
            ).situationMap
              .querySourceFeatures('story-places')
              .map((f) => f.properties.place_id),
          ).size,
      );
    const before = await previewIds();
    await outside.getByLabel('Shape').selectOption('polygon');
    const corners = outside.getByLabel('Corners: longitude latitude; …');
    await corners.fill('');
    await outside.getByRole('button', { name: 'Click the map for each corner' }).click();
    const canvas = page.locator('.map-box canvas.maplibregl-canvas');
    const box = (await canvas.boundingBox())!;
    for (const [x, y] of [
      [0.4, 0.4],
      [0.6, 0.4],
      [0.5, 0.6],
    ])
      await canvas.click({ position: { x: box.width * x, y: box.height * y } });
    await expect(corners).toHaveValue(/^-?\d+\.\d{3} -?\d+\.\d{3}(; -?\d+\.\d{3} -?\d+\.\d{3}){2}$/);
    await expect.poll(previewIds).toBe(before + 1);
    // Not kept: drawing stopped, the corners cleared, and the map as it was.
    await outside.getByRole('button', { name: 'Stop drawing' }).click();
    await corners.fill('');
    await expect.poll(previewIds).toBe(before);

    await outside.getByLabel('Name').fill('Near the Belarusian border');
    await outside.getByLabel('Shape').selectOption('border-band');
    await outside.getByLabel('Along (country)').fill('BY');
    await outside.getByLabel('Within (countries)').fill('UA');
    await outside.getByLabel('Width, km').fill('40');
    await outside.getByLabel('Note (required: why it is drawn so)').fill('A 40 km band: the width is a drawing convention.');
    await outside.getByRole('button', { name: 'Add this place' }).click();
    const band = card(page, 'Place', 'near-the-belarusian-border');
    await expect(band.getByRole('button', { name: 'Accept', exact: true })).toHaveAttribute('aria-pressed', 'true');
    await expect(band.getByText('{"recipe":"border-band","along":"BY","within":["UA"],"km":40}')).toBeVisible();
    await expect(page.locator('.preview-errors')).toHaveCount(0);
    await page.waitForFunction(
      () =>
        (
          window as unknown as { situationMap: { querySourceFeatures(id: string): { properties: { place_id: string } }[] } }
        ).situationMap
          .querySourceFeatures('story-places')
          .some((f) => f.properties.place_id === 'near-the-belarusian-border'),
      undefined,
      { timeout: 30_000 },
    );

    // A paragraph that is a photo caption, which a pasted text cannot say: marked so, saved with the record.
    const selection = page.getByRole('region', { name: 'Selection' });
    await selectWords(page, 'Secretary of State', 'Antony Blinken');
    await selection.getByRole('button', { name: 'Mark its paragraph as a photo caption' }).click();
    await expect(selection.getByText(/^Photo captions: “Secretary of State Antony Blinken said/)).toBeVisible();
    await selectWords(page, 'Russian warplanes', 'land in Belarus');
    await selection.getByRole('button', { name: 'Mark its paragraph as a photo caption' }).click();
    await expect(selection.getByRole('alert')).toHaveText('A headline is not a photo caption.');

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('status')).toContainText('Saved:');
    const record = JSON.parse(readFileSync(path.join(project, 'geodata/sources', `${ID}.json`), 'utf8')) as {
      blocks: { kind: string; start: number; end: number }[];
      captions: string[];
    };
    expect(record.captions).toEqual(['Secretary of State Antony Blinken said']);
    expect(record.blocks.filter((b) => b.kind === 'caption')).toHaveLength(1);
    const written = JSON.parse(readFileSync(eventsFile(), 'utf8')) as {
      events: { id: string; places: string[]; quantities?: unknown[]; excerpts: unknown[] }[];
    };
    const byId = new Map(written.events.map((e) => [e.id, e]));
    expect(byId.get('the-ministry-said-the-jets-landed')?.quantities).toBeUndefined();
    expect(byId.get('ukrainian-officials-said-about-30-il-76')?.quantities).toEqual([
      { value: 30, unit: 'Il-76 transport planes', qualifier: 'about', text: 'about 30 Il-76 transport planes' },
    ]);
    expect(byId.get('ukrainian-officials-said-about-30-il-76')?.excerpts).toHaveLength(1);
    expect(byId.get('russia-denied-planning-an-attack-and-2')?.places).toContain('luhansk-city');
    expect(byId.has('russia-has-moved-su-35-fighter-jets-2')).toBe(false);
    const places = (
      JSON.parse(readFileSync(path.join(project, 'geodata/catalogue/places.json'), 'utf8')) as { places: { id: string }[] }
    ).places.map((p) => p.id);
    expect(places.filter((id) => id === 'kharkiv')).toHaveLength(1);
    expect(places).toContain('luhansk-city');
    expect(places).toContain('near-the-belarusian-border');
    const { input, errors } = loadInputs(defaultFolders(project));
    expect(errors).toEqual([]);
    expect(validateCatalogue(input!, input!.basemap.index)).toEqual([]);
  });
});

test.describe('the review queue', () => {
  test.use({ baseURL: `http://127.0.0.1:${EDITOR_PORT}` });

  test('three articles: counts by status, keyboard review, one rejected, the next opened', async ({ page }) => {
    test.setTimeout(180_000);
    // Two more articles, a folder of them, drafted into the same project beside the published one.
    const inbox = path.join(project, 'inbox');
    mkdirSync(inbox);
    for (const name of ['ministry-release', 'regional-paper'])
      cpSync(path.join(ROOT, 'tests/fixtures/draft', name, 'article.txt'), path.join(inbox, `${name}.txt`));
    const run = tsx('src/draft/cli.ts', [
      inbox,
      '--published',
      '2022-02-10',
      '--publisher',
      'Example Desk',
      '--out',
      path.join(project, 'geodata'),
    ]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('2 article(s): 2 drafted into the review queue, 0 not');
    await page.goto('/');
    const queue = page.getByLabel('Review queue');
    await expect(queue).toHaveText('2 to review · 0 in review · 1 published · 0 rejected');

    // The next in the queue: opened, and now in review.
    await page.getByRole('button', { name: 'Next in queue' }).click();
    await expect(page.getByRole('combobox', { name: 'Draft' })).toHaveValue('example-desk-2022-02-10');
    await expect(queue).toHaveText('1 to review · 1 in review · 1 published · 0 rejected');

    // The keyboard alone: j to the first card, r rejects it; j, a accepts the next; k goes back.
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    const cards = page.locator('article.card');
    await page.keyboard.press('j');
    await expect(cards.nth(0)).toBeFocused();
    await page.keyboard.press('r');
    await expect(cards.nth(0).getByRole('button', { name: 'Reject', exact: true })).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('j');
    await expect(cards.nth(1)).toBeFocused();
    await page.keyboard.press('a');
    await expect(cards.nth(1).getByRole('button', { name: 'Accept', exact: true })).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('k');
    await expect(cards.nth(0)).toBeFocused();
    // Typing in a field is typing, not review keys.
    await cards.nth(1).getByLabel('Name').or(cards.nth(1).getByLabel('Title')).first().press('r');
    await expect(cards.nth(1).getByRole('button', { name: 'Accept', exact: true })).toHaveAttribute('aria-pressed', 'true');

    // Shift+A, "Accept the rest": every event still proposed that has a place is kept, and the places it
    // names with it; what was decided stays so.
    const placesHeading = page.getByRole('heading', { name: /^Places \(\d+ accepted of \d+\)$/ });
    const acceptedPlaces = async () => Number((await placesHeading.textContent())!.match(/\((\d+) accepted/)![1]);
    const before = await acceptedPlaces();
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('Shift+A');
    await expect(page.getByRole('status')).toContainText(/Accepted the (one event|\d+ events) still proposed/);
    const placed = page.locator('article.card[data-kind="event"]').filter({ hasNot: page.locator('.pending') });
    await expect(placed.filter({ hasNot: page.locator('button[aria-pressed="true"]') })).toHaveCount(0);
    expect(await acceptedPlaces()).toBeGreaterThan(before);
    await expect(page.getByRole('button', { name: 'Accept the rest' })).toBeDisabled();
    await expect(cards.nth(0).getByRole('button', { name: 'Reject', exact: true })).toHaveAttribute('aria-pressed', 'true');

    // The article rejected: counted so, and the next to review opened.
    await page.getByRole('button', { name: 'Reject article' }).click();
    await expect(page.getByRole('combobox', { name: 'Draft' })).toHaveValue('example-desk-2022-02-10-2');
    await expect(queue).toHaveText('0 to review · 1 in review · 1 published · 1 rejected');
    expect(JSON.parse(readFileSync(path.join(project, 'geodata/catalogue/example-desk-2022-02-10.review.json'), 'utf8'))).toEqual(
      {
        status: 'rejected',
      },
    );
    // n: the next still to decide on (the other one in review is this one): nothing else is left.
    await page.keyboard.press('n');
    await expect(page.getByRole('status')).toContainText('Nothing left to review.');

    // Published as drafted, unreviewed: on the map at once, and the queue says it is not reviewed.
    await page.getByRole('button', { name: 'Publish unreviewed' }).click();
    await expect(page.getByRole('status')).toContainText('Published unreviewed: geodata/catalogue/');
    await expect(queue).toHaveText('0 to review · 0 in review · 2 published · 1 rejected');
    await expect(page.getByRole('combobox', { name: 'Draft' }).locator('option:checked')).toHaveText(
      'example-desk-2022-02-10-2 (published, not reviewed)',
    );
  });
});

test.describe('the reader, with a draft published unreviewed', () => {
  test('marks its source and each of its events "draft, not reviewed"; the reviewed article is not', async ({ page }) => {
    const dir = path.join(project, 'geodata/layers');
    await serveLayers(
      page,
      new Map(
        ['story.json', 'places.geojson', 'measures.json', 'index.json'].map((n) => [n, readFileSync(path.join(dir, n), 'utf8')]),
      ),
    );
    await page.goto('/#7/50.6/37.6&place=belgorod-region');
    const sources = page.getByRole('region', { name: 'Sources' });
    const draft = sources.getByRole('listitem').filter({ hasText: 'Example Desk' });
    await expect(draft.locator('.draft-badge')).toHaveText('draft, not reviewed');
    await expect(sources.getByRole('listitem').filter({ hasText: 'Example Wire' }).locator('.draft-badge')).toHaveCount(0);
    const panel = page.getByRole('region', { name: /Excerpts/ });
    const entries = panel.locator('[data-event-entry]');
    await expect(entries.first()).toBeVisible();
    const n = await entries.count();
    await expect(panel.locator('.draft-badge')).toHaveCount(n);
    await expect(panel.locator('.draft-badge').first()).toContainText('Draft, not reviewed');
    // The Kyiv wire story, reviewed: no badge on its events.
    await page.goto('/#6/53.9/27.56&place=minsk');
    await expect(page.locator('[data-event-entry="ukrainian-officials-said-about-30-il-76"] .draft-badge')).toHaveCount(0);
  });
});
