/**
 * The page's layout as a reader sees it, at the widths people use: the map keeps its size from its first
 * frame (a resize reallocates the drawing buffer and draws again), the map keeps room beside the side
 * panels, and the timeline's month names and controls neither overlap nor leave their strip.
 * Found by looking: at 800 px the map was a 110 px strip and the timeline's controls ran out of it;
 * at 1,000 px "February 2022" and "March 2022" were printed over each other.
 */
import type { Page } from '@playwright/test';
import { expect, mapIdle, test } from './fixtures';

const storyIdle = (page: Page) => mapIdle(page, { source: 'story-places' });

type Box = { x: number; y: number; width: number; height: number };

/** Every distinct size the map's canvas has had, sampled every animation frame from the page's start. */
function recordCanvasSizes() {
  const sizes: string[] = [];
  (window as unknown as { canvasSizes: string[] }).canvasSizes = sizes;
  const look = () => {
    const c = document.querySelector<HTMLCanvasElement>('canvas.maplibregl-canvas');
    if (c) {
      const s = `${c.width}x${c.height}`;
      if (sizes.at(-1) !== s) sizes.push(s);
    }
    requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}

/** The month names under the timeline's axis, as drawn, and the plot's box. */
async function axisNames(page: Page): Promise<{ plot: Box; names: (Box & { text: string })[] }> {
  const svg = page.getByRole('region', { name: 'Time' }).locator('svg').first();
  const plot = (await svg.boundingBox())!;
  const names = await svg.locator('text').evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { text: el.textContent ?? '', x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  );
  return { plot, names };
}

function expectNoOverlap(names: (Box & { text: string })[], plot: Box) {
  expect(names.length, 'at least one month is named').toBeGreaterThan(0);
  const sorted = [...names].sort((a, b) => a.x - b.x);
  for (const n of sorted) {
    expect(n.x, `${n.text} starts inside the plot`).toBeGreaterThanOrEqual(plot.x - 0.5);
    expect(n.x + n.width, `${n.text} ends inside the plot`).toBeLessThanOrEqual(plot.x + plot.width + 0.5);
  }
  for (let i = 1; i < sorted.length; i++) {
    const [a, b] = [sorted[i - 1], sorted[i]];
    expect(b.x, `"${b.text}" does not overlap "${a.text}"`).toBeGreaterThanOrEqual(a.x + a.width + 2);
  }
}

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 1600, height: 900 },
]) {
  test(`from a bare URL the map keeps its size from its first frame to idle (${viewport.width} px)`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.addInitScript(recordCanvasSizes);
    await page.goto('/');
    await storyIdle(page);
    const sizes = await page.evaluate(() => (window as unknown as { canvasSizes: string[] }).canvasSizes);
    expect(sizes, 'the canvas was never resized').toHaveLength(1);
    // What makes it so: the strip the timeline comes into was already as tall as the timeline.
    const [strip, reserved] = await page
      .locator('.time-strip')
      .evaluate((el) => [el.getBoundingClientRect().height, getComputedStyle(el).getPropertyValue('--time-strip-height')]);
    expect(
      Math.abs(strip - parseFloat(reserved)),
      `--time-strip-height in App.svelte is ${reserved}, the strip ${strip} px`,
    ).toBeLessThan(0.5);
  });
}

test('the header and the time strip are as tall in the fallback font as in Noto Sans (1,280 px)', async ({ page }) => {
  // The web fonts are held back until the story is drawn in the fallback (DejaVu Sans on Debian, wider).
  await page.setViewportSize({ width: 1280, height: 800 });
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/*.woff2', async (route) => {
    await held;
    await route.continue();
  });
  const heights = () =>
    page.evaluate(() => {
      const h = (s: string) => document.querySelector(s)!.getBoundingClientRect().height;
      return { header: h('header'), strip: h('.time-strip') };
    });
  // Not until `load`, which waits for the fonts.
  await page.goto('/', { waitUntil: 'domcontentloaded' });
  await expect(page.locator('.time-strip .key')).toBeVisible();
  expect(await page.evaluate(() => document.fonts.check('12px "Noto Sans"')), 'the web font is not loaded yet').toBe(false);
  const fallback = await heights();
  release();
  await storyIdle(page);
  await expect.poll(() => page.evaluate(() => document.fonts.check('12px "Noto Sans"'))).toBe(true);
  const reserved = await page
    .locator('.time-strip')
    .evaluate((el) => getComputedStyle(el).getPropertyValue('--time-strip-height'));
  const noto = await heights();
  expect(fallback.header).toBe(noto.header);
  expect(Math.abs(fallback.strip - parseFloat(reserved)), `the strip in the fallback font: ${fallback.strip} px`).toBeLessThan(
    0.5,
  );
  expect(Math.abs(noto.strip - parseFloat(reserved)), `the strip in Noto Sans: ${noto.strip} px`).toBeLessThan(0.5);
});

test.describe('between phone and desktop', () => {
  test('at 1,000 px the map keeps 460 px between the panels; the timeline stays in its strip', async ({ page }) => {
    await page.setViewportSize({ width: 1000, height: 700 });
    await page.goto('/');
    await storyIdle(page);
    const map = (await page.locator('.map-area').boundingBox())!;
    expect(map.width).toBeGreaterThanOrEqual(460);
    await expect(page.locator('aside.left')).toBeVisible();
    await expect(page.locator('aside.right')).toBeVisible();
    const strip = (await page.locator('.time-strip').boundingBox())!;
    const controls = page.locator('.time-strip').locator('button, input, select');
    expect(await controls.count()).toBeGreaterThan(3);
    for (const box of await controls.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect))) {
      expect(box.x).toBeGreaterThanOrEqual(strip.x);
      expect(box.x + box.width).toBeLessThanOrEqual(strip.x + strip.width);
    }
    const { plot, names } = await axisNames(page);
    expectNoOverlap(names, plot);
  });

  test('at 800 px the panels are a sheet under a full-width map', async ({ page }) => {
    await page.setViewportSize({ width: 800, height: 900 });
    await page.goto('/');
    await storyIdle(page);
    await expect(page.locator('aside')).toHaveCount(0);
    await expect(page.getByRole('tablist', { name: 'Panels' })).toBeVisible();
    expect((await page.locator('.map-area').boundingBox())!.width).toBe(800);
    // The timeline is in the Layers tab, its month names apart.
    const { plot, names } = await axisNames(page);
    expectNoOverlap(names, plot);
  });
});

test('the month names never overlap, from a phone to a wide screen', async ({ page }) => {
  for (const width of [390, 1000, 1100, 1280, 1920]) {
    await page.setViewportSize({ width, height: 900 });
    if (width === 390) await page.goto('/');
    await expect(page.getByRole('region', { name: 'Time' }).locator('svg text').first()).toBeVisible();
    // The plot takes its box's new width a frame later: checked until it has.
    await expect(async () => {
      const { plot, names } = await axisNames(page);
      expectNoOverlap(names, plot);
    }).toPass({ timeout: 5_000 });
  }
});

// Found by probing the toggle's cost with the strip hidden: the plot measured 0 px wide put every month at
// x = 0, and the months were keyed by x, so Svelte threw (each_key_duplicate) and the timeline stopped.
test('a timeline measured at no width (its strip hidden) throws nothing, and names its months apart when shown', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  await storyIdle(page);
  // By its data attribute: hidden, the strip is out of the accessibility tree that role locators read.
  const plot = page.locator('.time-strip svg[data-span]');
  // Through the CSSOM: the page's CSP refuses a style element, rightly.
  const strip = page.locator('.time-strip');
  await strip.evaluate((el: HTMLElement) => el.style.setProperty('display', 'none', 'important'));
  await expect(plot).toHaveAttribute('width', '0');
  await strip.evaluate((el: HTMLElement) => el.style.removeProperty('display'));
  await expect.poll(async () => Number(await plot.getAttribute('width'))).toBeGreaterThan(0);
  await expect(async () => {
    const { plot: box, names } = await axisNames(page);
    expectNoOverlap(names, box);
  }).toPass({ timeout: 5_000 });
  // The page's error guard (fixtures.ts) fails the test on any page error, the duplicate key's included.
});
