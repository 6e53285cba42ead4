/**
 * The embed (embed.html) framed by other loopback origins, as a newsroom's page would frame it: an origin
 * the deployer listed (--frame-ancestors, in playwright.config.ts) shows the map, its legend, the date
 * window, the sources and a link to the full map, and a click on a place opens a compact excerpt; an
 * origin not listed is refused; the app itself refuses any framing.
 */
import { createServer, type Server } from 'node:http';
import type { Frame, Locator, Page } from '@playwright/test';
import { FRAME_PARENT_PORT } from '../../playwright.config';
import { expect, test, type Guard } from './fixtures';

/** A second origin, not listed: the next port of the test's own range. */
const UNLISTED_PORT = Number(process.env.E2E_FRAME_OTHER_PORT ?? FRAME_PARENT_PORT + 1);
const parents: Server[] = [];

/** A newsroom's page: one iframe of `src`, no script, an icon of its own so that it asks for none. */
function parentPage(src: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A newsroom</title><link rel="icon" href="data:,">
</head><body><h1>A newsroom's article</h1><iframe title="Situation Map" src="${src.replace(/"/g, '&quot;')}" width="800" height="500"></iframe></body></html>`;
}

test.beforeAll(async () => {
  for (const port of [FRAME_PARENT_PORT, UNLISTED_PORT]) {
    const server = createServer((req, res) => {
      const src = new URL(req.url ?? '/', 'http://x').searchParams.get('src') ?? '';
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(parentPage(src));
    });
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
    parents.push(server);
  }
});
test.afterAll(async () => {
  for (const s of parents.splice(0)) await new Promise((resolve) => s.close(resolve));
});

/** Opens the newsroom's page on `port` framing `target` (a path of the app), and gives the frame. */
async function framed(page: Page, baseURL: string, port: number, target: string): Promise<Frame> {
  const src = new URL(target, baseURL).href;
  await page.goto(`http://127.0.0.1:${port}/?src=${encodeURIComponent(src)}`);
  await expect(page.locator('iframe')).toBeAttached();
  const frame = page.frames().find((f) => f !== page.mainFrame());
  expect(frame, 'the iframe').toBeTruthy();
  return frame!;
}

/** The newsroom page's own document is the one request to another origin, and expected. */
function ownParent(guard: Guard, port: number) {
  const mine = (u: string) => u.startsWith(`http://127.0.0.1:${port}/`);
  guard.foreignRequests.splice(0, guard.foreignRequests.length, ...guard.foreignRequests.filter((u) => !mine(u)));
}

/** The embed at `target`, framed by the listed origin, once its map has loaded and stands still. */
async function listedFrame(page: Page, baseURL: string, guard: Guard, target: string): Promise<Frame> {
  const frame = await framed(page, baseURL, FRAME_PARENT_PORT, target);
  ownParent(guard, FRAME_PARENT_PORT);
  await frame.waitForFunction(() => {
    const m = (window as unknown as { situationMap?: { loaded(): boolean; isMoving(): boolean } }).situationMap;
    return !!m && m.loaded() && !m.isMoving();
  });
  return frame;
}

/**
 * Chromium's words for a frame it refused by the policy's frame-ancestors: the one console error a
 * refusal test allows, and expects.
 */
const REFUSED = (directive: string) =>
  new RegExp(`^Framing '[^']+' violates the following Content Security Policy directive: "frame-ancestors ${directive}"`);

/** Collects the page's console errors matching `pattern` (which the guard was told to allow). */
function logged(page: Page, guard: Guard, pattern: RegExp): string[] {
  guard.allowConsole(pattern);
  const seen: string[] = [];
  page.on('console', (m) => m.type() === 'error' && pattern.test(m.text()) && seen.push(m.text()));
  return seen;
}

/** A refused frame: Chromium shows its error page in the frame's place, and says why. */
async function expectRefused(page: Page, guard: Guard, frame: Frame, seen: string[]) {
  await expect.poll(() => frame.url()).toMatch(/^chrome-error:/);
  await expect(frame.locator('#app')).toHaveCount(0);
  await expect.poll(() => seen.length, 'Chromium said why it refused the frame').toBe(1);
  const blocked = (u: string) => /net::ERR_BLOCKED_BY_RESPONSE/.test(u);
  guard.failedRequests.splice(0, guard.failedRequests.length, ...guard.failedRequests.filter((u) => !blocked(u)));
}

test('the embed framed by a listed origin: map, legend, date window, sources, full-map link; a click opens an excerpt', async ({
  page,
  baseURL,
  guard,
}) => {
  const frame = await listedFrame(page, baseURL!, guard, '/embed.html#5/50/33&t=2022-01-24/2022-01-26');
  const foot = frame.locator('.embed-foot');
  await expect(foot).toContainText('Dates: Between 24 Jan and 26 Jan 2022');
  await expect(foot).toContainText('Source: NBC News, 26 January 2022');
  const full = foot.getByRole('link', { name: 'Open the full map' });
  await expect(full).toHaveAttribute('target', '_blank');
  // No side panels: the legend is the one panel, and it folds.
  await expect(frame.locator('aside')).toHaveCount(0);
  const legend = frame.locator('details.embed-legend');
  await expect(legend).toHaveAttribute('open', '');
  await legend.locator('summary').click();
  await expect(legend).not.toHaveAttribute('open', '');
  // The legend's fold sits clear of MapLibre's scale bar (a first look found them on top of each other).
  const [summary, scale] = [
    await legend.locator('summary').boundingBox(),
    await frame.locator('.maplibregl-ctrl-scale').boundingBox(),
  ];
  expect(summary!.y, 'legend below the scale bar').toBeGreaterThanOrEqual(scale!.y + scale!.height);
  // A click on Kyiv opens its compact excerpt: the article's words and who says them.
  const at = await frame.evaluate(() => {
    const m = (window as unknown as { situationMap: { project(l: [number, number]): { x: number; y: number } } }).situationMap;
    return m.project([30.5238, 50.4547]);
  });
  const canvas = await frame.locator('.maplibregl-canvas').boundingBox();
  await page.mouse.click(canvas!.x + at.x, canvas!.y + at.y);
  const excerpt = frame.getByRole('region', { name: 'Excerpt' });
  await expect(excerpt.getByRole('heading', { name: 'Kyiv' })).toBeVisible();
  await expect(excerpt.locator('blockquote').first()).toContainText('landed in Kyiv on Tuesday');
  await expect(excerpt.locator('.who').first()).toHaveText('Reported by NBC News');
  // The excerpt stays clear of the map's attribution, the licences' credit (a first look found it over
  // it), and of the zoom buttons above it.
  const [box, credit, zoom] = [
    await excerpt.boundingBox(),
    await frame.locator('.maplibregl-ctrl-attrib').boundingBox(),
    await frame.locator('.maplibregl-ctrl-zoom-out').boundingBox(),
  ];
  expect(box!.y + box!.height, 'excerpt above the attribution').toBeLessThanOrEqual(credit!.y);
  expect(box!.y, 'excerpt below the zoom buttons').toBeGreaterThanOrEqual(zoom!.y + zoom!.height);
  // The full-map link takes the view the embed shows, selection included.
  await full.hover();
  await expect(full).toHaveAttribute('href', new RegExp(`^${baseURL}/#.*place=kyiv.*t=2022-01-24/2022-01-26`));
  // A place whose events give figures: each figure in the article's words, with the value it is compared
  // with, and a figure the article gives for several places together says so rather than stand for one.
  // With every date shown, as the undated build-up has none.
  await frame.evaluate(
    () =>
      (location.hash = location.hash.replace('place=kyiv', 'place=belarus,russia-near-ukraine-border').replace(/&t=[^&]*/, '')),
  );
  await expect(foot).toContainText('All dates');
  await expect(excerpt.getByRole('heading', { name: 'Belarus' })).toBeVisible();
  await expect(excerpt.locator('.quantity')).toHaveText([
    'over 100,000 troops',
    '62 Russian battalion tactical groups, up from 59 at this time last week',
    'over 100,000 troops',
  ]);
  // The title reads above its figure, both bold, by size: in forced colours the figure's colour is gone (a
  // first look there found the two running together).
  const size = (l: Locator) => l.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(await size(excerpt.locator('.title').first())).toBeGreaterThan(await size(excerpt.locator('.quantity').first()));
  await expect(excerpt.locator('.scope').first()).toHaveText(
    'One figure for two places together: Russia near the border with Ukraine; Belarus',
  );
});

test('the embed from the keyboard: the map takes the focus, and Enter opens the places at its centre', async ({
  page,
  baseURL,
  guard,
}) => {
  // The embed lists no places, so the map's centre is how a keyboard reaches one, as on a tiled story's map.
  const frame = await listedFrame(page, baseURL!, guard, '/embed.html#9/50.4547/30.5238');
  const canvas = frame.locator('.maplibregl-canvas');
  // A screen reader hears how: not "listed in the panel", as the reader's page says, for there is no panel.
  await expect(canvas).toHaveAttribute('aria-label', /Enter opens the places at the centre of the map/);
  await canvas.focus();
  await expect(frame.locator('.map.enter-opens')).toHaveCount(1);
  await page.keyboard.press('Enter');
  const excerpt = frame.getByRole('region', { name: 'Excerpt' });
  await expect(excerpt.getByRole('heading', { name: 'Kyiv' })).toBeVisible();
  await expect(excerpt.locator('blockquote').first()).toContainText('landed in Kyiv on Tuesday');
});

test('the embed framed by an origin not listed is refused', async ({ page, baseURL, guard }) => {
  const seen = logged(page, guard, REFUSED(`http://127\\.0\\.0\\.1:${FRAME_PARENT_PORT}`));
  const frame = await framed(page, baseURL!, UNLISTED_PORT, '/embed.html');
  ownParent(guard, UNLISTED_PORT);
  await expectRefused(page, guard, frame, seen);
});

test('the app itself refuses framing, even by the listed origin', async ({ page, baseURL, guard }) => {
  const seen = logged(page, guard, REFUSED("'none'"));
  const frame = await framed(page, baseURL!, FRAME_PARENT_PORT, '/');
  ownParent(guard, FRAME_PARENT_PORT);
  await expectRefused(page, guard, frame, seen);
});
