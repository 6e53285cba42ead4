/**
 * A tiled story (src/layers/tiled.ts): a small synthetic catalogue built through the real validator and
 * layer build with tiling forced on, served in place of the seed's layers, with HTTP Range as the
 * production server answers it. Its first view reads no per-event file; a category toggle and a step of
 * the timeline change which marks show, exactly as the one visibility rule says for their combos; a
 * click on a place's mark opens its shard and shows its excerpt in the article's words. The fixture corpus
 * of several sources (tests/fixtures/across-sources), built tiled, draws the whole form's counts of
 * independent sources on its places' marks.
 */
import type { Page } from '@playwright/test';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { shardFile, shardOf, type TiledStoryFile } from '../../src/layers/format';
import { draftSources, isDraft, isVisible, type ViewFilter } from '../../src/story/visibility';
import { ANCHORS, writeSyntheticLayers } from '../support/synthetic';
import { buildFixture } from '../support/two-sources';
import { clickAt, drawnCounts, expect, mapIdle, test } from './fixtures';

const ROOT = path.resolve(import.meta.dirname, '../..');
const EVENTS = 600;

let dir = '';
let summary: TiledStoryFile;

test.beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'tiled-story-'));
  writeSyntheticLayers(EVENTS, dir, ROOT, { appOnly: true, compactStory: true, tiled: true });
  summary = JSON.parse(readFileSync(path.join(dir, 'story.json'), 'utf8')) as TiledStoryFile;
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Serves the fixture (in `from`) at /data/layers/, answering Range requests with 206 as sirv does. */
async function serveTiled(page: Page, from = dir): Promise<string[]> {
  const asked: string[] = [];
  const files = new Set(readdirSync(from));
  await page.route('**/data/layers/*', async (route) => {
    const name = path.posix.basename(new URL(route.request().url()).pathname);
    if (!files.has(name)) return route.fallback();
    asked.push(name);
    const body = readFileSync(path.join(from, name));
    const type = name.endsWith('.pmtiles') ? 'application/vnd.pmtiles' : 'application/json';
    const range = /^bytes=(\d+)-(\d*)$/.exec((await route.request().headerValue('range')) ?? '');
    if (!range) return route.fulfill({ body, contentType: type });
    const start = Number(range[1]);
    const end = Math.min(range[2] ? Number(range[2]) : body.length - 1, body.length - 1);
    return route.fulfill({
      status: 206,
      body: body.subarray(start, end + 1),
      contentType: type,
      headers: { 'content-range': `bytes ${start}-${end}/${body.length}`, 'accept-ranges': 'bytes' },
    });
  });
  return asked;
}

/** Waits for the map to be idle with the tiled story's marks drawn. */
const marksIdle = (page: Page) => mapIdle(page, { layer: 'tiled-marks' });

/** The marks drawn now: each one's combo and whether it is off. */
const drawnMarks = (page: Page) =>
  page.evaluate(() =>
    window.situationMap!.queryRenderedFeatures({ layers: ['tiled-marks'] }).map((f) => ({
      k: Number(f.properties.k),
      off: !!f.state.off,
    })),
  );

/** Every drawn mark is on exactly when its combo passes the view. */
async function expectMarksFollow(page: Page, view: ViewFilter): Promise<{ on: number; off: number }> {
  const marks = await drawnMarks(page);
  const wrong = marks.filter((m) => m.off === isVisible(summary.combos[m.k], view));
  expect(wrong, 'marks whose state is not their combo’s visibility').toEqual([]);
  return { on: marks.filter((m) => !m.off).length, off: marks.filter((m) => m.off).length };
}

test('a tiled story draws the plans and the unreviewed drafts its summary names as the GeoJSON story does', async ({ page }) => {
  // The synthetic catalogue reports everything and has no draft: its summary is given some of both here
  // (the build's side, isPlan on each combo and each source's review, is tests/unit/story/plans.test.ts and
  // drafts.test.ts): every other combo a plan, the first source a draft.
  await serveTiled(page);
  const edited: TiledStoryFile = {
    ...summary,
    sources: summary.sources.map((src, i) => (i === 0 ? { ...src, review: 'draft' as const } : src)),
    combos: summary.combos.map((c, k) => (k % 2 ? { ...c, plan: true as const } : c)),
  };
  await page.route('**/data/layers/story.json', (route) =>
    route.fulfill({ body: JSON.stringify(edited), contentType: 'application/json' }),
  );
  await page.goto('/');
  await marksIdle(page);
  const marks = await page.evaluate(() =>
    window.situationMap!.queryRenderedFeatures({ layers: ['tiled-marks'] }).map((f) => ({
      k: Number(f.properties.k),
      plan: !!f.state.plan,
      draft: !!f.state.draft,
    })),
  );
  const drafts = draftSources(edited.sources);
  expect(marks.some((m) => m.plan) && marks.some((m) => !m.plan), 'marks of plans and of done events drawn').toBe(true);
  expect(
    marks.some((m) => m.draft),
    'marks of the draft drawn',
  ).toBe(true);
  const wrong = marks.filter((m) => m.plan !== !!edited.combos[m.k].plan || m.draft !== isDraft(edited.combos[m.k], drafts));
  expect(wrong, 'marks whose plan or draft state is not their combo’s').toEqual([]);
  // The legend offers the drafts filter, with the draft's events counted from the combos.
  const count = edited.combos.filter((c) => isDraft(c, drafts)).reduce((n, c) => n + c.events, 0);
  await expect(page.locator('.drafts-filter .count')).toHaveText(String(count));
});

test('a tiled story opens without a per-event file, and its marks follow the toggles and the timeline', async ({ page }) => {
  const asked = await serveTiled(page);
  await page.goto('/');
  await marksIdle(page);
  expect(
    asked.filter((f) => f.startsWith('shard-')),
    'shards read at the first view',
  ).toEqual([]);
  expect(new Set(asked)).toEqual(new Set(['story.json', 'places.geojson', 'story-areas.pmtiles', 'story-marks.pmtiles']));
  await expect(page.locator('.timeline, [aria-label="Time"]').first()).toContainText(`of ${EVENTS} events shown`);

  const all = await expectMarksFollow(page, { hidden: new Set() });
  expect(all.off).toBe(0);

  // Toggle a category off: its marks go, no other's.
  const drills = page.locator('input[data-category="drills"]');
  await expect(drills).toBeChecked();
  await drills.click();
  await expect(page).toHaveURL(/hide=drills/);
  await marksIdle(page);
  const hidden = await expectMarksFollow(page, { hidden: new Set(['drills']) });
  expect(hidden.off).toBeGreaterThan(0);
  expect(hidden.on).toBeGreaterThan(0);

  // A window of one day, then a step of the timeline: only the combos whose dates meet it stay on.
  await page.evaluate(() => (location.hash = `${location.hash.replace(/^#/, '')}&t=2022-01-24/2022-01-24`));
  await expect(page.locator('button[data-step="1"]')).toBeEnabled();
  await page.locator('button[data-step="1"]').click();
  await expect(page).toHaveURL(/t=2022-01-25\/2022-01-25/);
  await marksIdle(page);
  const stepped = await expectMarksFollow(page, {
    hidden: new Set(['drills']),
    window: { start: '2022-01-25', end: '2022-01-25', mode: 'overlaps' },
  });
  expect(stepped.on).toBeGreaterThan(0);
  expect(stepped.off).toBeGreaterThan(hidden.off);
});

test('a click on a place’s mark opens its shard and shows its excerpt in the article’s words', async ({ page }) => {
  const asked = await serveTiled(page);
  const kyiv = ANCHORS[0];
  await page.goto(`/#9/${kyiv.lngLat[1]}/${kyiv.lngLat[0]}`);
  await marksIdle(page);
  await clickAt(page, ...kyiv.lngLat);
  const excerpts = page.getByRole('region', { name: /Excerpts/ });
  await expect(excerpts).toContainText(kyiv.sentence);
  await expect(excerpts.locator('h3').first()).toContainText('Kyiv (benchmark)');
  // The place whose mark is under the click, not the areas it lies in (as in the whole story), its shard read once.
  const places = new URL(page.url()).hash.match(/place=([^&]+)/)![1].split(',');
  expect(places).toEqual([kyiv.id]);
  const shards = asked.filter((f) => f.startsWith('shard-'));
  expect(new Set(shards)).toEqual(new Set(places.map((id) => shardFile(shardOf(id, summary.tiled.shards)))));
  expect(shards.length).toBe(new Set(shards).size);
});

test('from the keyboard: Enter opens the places at the map’s centre, and the areas are listed by name', async ({ page }) => {
  await serveTiled(page);
  const kyiv = ANCHORS[0];
  await page.goto(`/#9/${kyiv.lngLat[1]}/${kyiv.lngLat[0]}`);
  await marksIdle(page);
  await expect(page.locator('.maplibregl-canvas')).toHaveAttribute('aria-label', /Enter opens the places at the centre/);
  await page.locator('.maplibregl-canvas').focus();
  await page.keyboard.press('Enter');
  const excerpts = page.getByRole('region', { name: /Excerpts/ });
  await expect(excerpts).toContainText(kyiv.sentence);

  const area = [...summary.areas].sort((a, b) => a.name.localeCompare(b.name))[0];
  const button = page.getByRole('button', { name: area.name, exact: true });
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  await expect(excerpts.locator('h3').first()).toHaveText(area.name);
});

test('the embed shows a tiled story as the reader does: its marks, its legend, a click’s excerpt', async ({ page }) => {
  const asked = await serveTiled(page);
  const kyiv = ANCHORS[0];
  await page.goto(`/embed.html#9/${kyiv.lngLat[1]}/${kyiv.lngLat[0]}`);
  await marksIdle(page);
  expect((await drawnMarks(page)).length, 'marks drawn').toBeGreaterThan(0);
  await expect(page.locator('details.embed-legend')).toBeVisible();
  await expect(page.locator('.embed-foot .sources')).toContainText(summary.sources[0].publisher);
  await clickAt(page, ...kyiv.lngLat);
  const excerpt = page.getByRole('region', { name: 'Excerpt' });
  await expect(excerpt.getByRole('heading', { name: 'Kyiv (benchmark)' })).toBeVisible();
  await expect(excerpt).toContainText(kyiv.sentence);
  expect(
    asked.some((f) => f.startsWith('shard-')),
    'the place’s shard read',
  ).toBe(true);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test.describe('the count of sources on a tiled story’s marks', () => {
  test.use({ viewport: { width: 1400, height: 900 } });
  // The fixture corpus (six articles, one agency story carried by two of them) built tiled: the whole
  // form's counts, from the same rule (tests/e2e/across.spec.ts reads them off the whole form).
  let across = '';
  test.beforeAll(() => {
    across = mkdtempSync(path.join(tmpdir(), 'tiled-across-'));
    const built = buildFixture(path.join(ROOT, 'tests/fixtures/across-sources'), { seed: false, tiled: true });
    for (const [name, body] of [...built.files, ...(built.archives ?? [])]) writeFileSync(path.join(across, name), body);
  });
  test.afterAll(() => rmSync(across, { recursive: true, force: true }));

  test('each place in view with several independent sources shows their number; the claimant filter changes it', async ({
    page,
  }) => {
    await serveTiled(page, across);
    await page.goto('/#5/49/38');
    // The border: six articles, the agency story carried twice counted once; the east: two outlets' shelling.
    await expect
      .poll(() => drawnCounts(page), { timeout: 60_000 })
      .toEqual({ 'russia-near-ukraine-border': '5', 'eastern-ukraine': '2' });
    const key = page.locator('[data-legend="sources"]');
    await expect(key).toContainText('Several sources: the number of independent sources');

    // Ukraine's ministry (the agency story) and the U.S.'s officials: three sources, the east none.
    const filter = page.getByRole('region', { name: 'Who says it' });
    await page.evaluate(() => (location.hash = `${location.hash.replace(/^#/, '')}&claimant=ukraine,us`));
    await expect.poll(() => drawnCounts(page)).toEqual({ 'russia-near-ukraine-border': '3' });
    await filter.locator('input[data-side="nato"]').check();
    await expect(page).toHaveURL(/claimant=[a-z,-]*nato/);
    await expect.poll(() => drawnCounts(page)).toEqual({ 'russia-near-ukraine-border': '5' });
    // Ukraine's ministry alone: two outlets carrying one agency story are one source; no count, no key.
    await filter.locator('input[data-side="nato"]').uncheck();
    await filter.locator('input[data-side="us"]').uncheck();
    await expect.poll(() => drawnCounts(page)).toEqual({});
    await expect(key).toHaveCount(0);
  });
});
