/**
 * Printing (src/print.css): under print media, in a viewport the size of an A4 landscape page's printable
 * area, the map (a copy of its canvas taken on `beforeprint`, not blank), the date window, the legend of
 * what is shown and the selected place's excerpts with their source are all on the page, none over
 * another, and no button or other control is drawn. Chromium's own PDF of the page, A4 landscape, holds
 * the map as an image.
 */
import type { Page } from '@playwright/test';
import { expect, mapIdle, test } from './fixtures';

/** A4 landscape less print.css's 10 mm margins, in CSS pixels (96 per inch). */
const MM = 96 / 25.4;
const PAGE = { width: Math.floor(277 * MM), height: Math.floor(190 * MM) };
const HASH = '#5/50/33&hide=energy&place=kyiv';

type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function box(page: Page, selector: string): Promise<Box> {
  const b = await page.locator(selector).first().boundingBox();
  expect(b, `${selector} is laid out`).not.toBeNull();
  return b!;
}

test('print: map, date window, legend and the excerpts with their source on an A4 landscape page; no buttons', async ({
  page,
}) => {
  await page.setViewportSize(PAGE);
  await page.goto(`/${HASH}`);
  await mapIdle(page, { source: 'story-places' });
  await expect(page.locator('.excerpts h3', { hasText: 'Kyiv' })).toBeVisible();

  await page.emulateMedia({ media: 'print' });
  // What the browser does as printing starts; Playwright's print emulation does not send the event.
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')));

  // The map: the copy of its canvas is shown, the WebGL canvas is not, and the copy is a map, not a blank.
  const picture = page.locator('.print-map');
  await expect(picture).toBeVisible();
  await expect(page.locator('.maplibregl-canvas')).toBeHidden();
  const colours = await picture.evaluate((c: HTMLCanvasElement) => {
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < d.length; i += 16) seen.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
    return seen.size;
  });
  expect(colours, 'distinct colours in the printed map').toBeGreaterThan(20);

  // Nothing to press on paper: no button, checkbox, date field or disclosure toggle is drawn, and no tab list.
  const controls = page.locator('button:visible, input:visible, summary:visible, [role="tablist"]:visible');
  expect(await controls.evaluateAll((els) => els.map((e) => e.outerHTML.slice(0, 120)))).toEqual([]);

  // Each part within the page's width, and none over another.
  const map = await box(page, '.map-area');
  const legend = await box(page, '.layers');
  const excerpts = await box(page, '.excerpts');
  const when = await box(page, '.timeline .window');
  for (const [name, b] of Object.entries({ map, legend, excerpts, when })) {
    expect(b.x, `${name} starts on the page`).toBeGreaterThanOrEqual(0);
    expect(b.x + b.width, `${name} ends within the page's width`).toBeLessThanOrEqual(PAGE.width + 0.5);
  }
  expect(map.y + map.height, 'the map fits on the first page').toBeLessThanOrEqual(PAGE.height);
  expect(map.width, 'the map takes most of the page').toBeGreaterThan(PAGE.width * 0.55);
  expect(overlap(map, legend)).toBe(false);
  expect(overlap(map, excerpts)).toBe(false);
  expect(overlap(legend, excerpts)).toBe(false);
  expect(overlap(when, legend) || overlap(when, excerpts)).toBe(false);
  expect(legend.y, 'the legend starts on the first page').toBeLessThan(PAGE.height / 2);

  // The legend is of what is shown: the hidden category's line is not printed, a shown one is.
  await expect(page.locator('.layers label', { hasText: 'Energy' })).toBeHidden();
  await expect(page.locator('.layers label', { hasText: 'Troops' }).first()).toBeVisible();
  // The date window, and the excerpts with their source: the article's words, and its publisher.
  await expect(page.locator('.timeline .window')).toBeVisible();
  await expect(page.locator('.excerpts blockquote').first()).toBeVisible();
  await expect(page.locator('.excerpts .claim').first()).toBeVisible();
  await expect(page.locator('header .story')).toContainText('NBC News');

  // Chromium's PDF of the page: A4 landscape, with the map's copy in it as an image.
  const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true });
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const text = pdf.toString('latin1');
  const mediaBox = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(text);
  expect(mediaBox, 'the PDF names its page size').not.toBeNull();
  // A4 landscape is 842 x 595 points (Chromium rounds the page to whole device pixels: a point either way).
  expect(Math.abs(Number(mediaBox![1]) - 842)).toBeLessThanOrEqual(1.5);
  expect(Math.abs(Number(mediaBox![2]) - 595)).toBeLessThanOrEqual(1.5);
  expect(text, 'the PDF holds an image (the map)').toMatch(/\/Subtype\s*\/Image/);

  // After printing the copy is emptied and hidden, and the screen shows the live map again.
  await page.evaluate(() => dispatchEvent(new Event('afterprint')));
  await page.emulateMedia({ media: 'screen' });
  expect(await picture.evaluate((c: HTMLCanvasElement) => c.width * c.height)).toBe(0);
  await expect(picture).toBeHidden();
  await expect(page.locator('.maplibregl-canvas')).toBeVisible();
});
