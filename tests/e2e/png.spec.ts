/**
 * "Download PNG" in the Share dialog: the 1x and 2x pictures are downloaded as a reader would, decoded in
 * the page, and checked: the 2x one is twice as wide, the map is not blank, the legend column has ink, and
 * no legend text runs into the picture's right margin (a cut legend would).
 */
import { readFileSync, copyFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { expect, mapIdle, test } from './fixtures';

async function download(page: Page, name: string): Promise<Download> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name, exact: true }).click()]);
  return d;
}

interface Inked {
  width: number;
  height: number;
  /** Distinct colours in the map's middle. */
  mapColours: number;
  /** Non-white pixels in the legend column (right of the map, its top third). */
  legendInk: number;
  /** Non-white pixels in the right margin (the last 8 px per scale), where no text may be. */
  marginInk: number;
}

/** Decodes the PNG in the page (createImageBitmap) and counts ink where the picture's parts are. */
async function inked(page: Page, bytes: Buffer, scale: number): Promise<Inked> {
  return page.evaluate(
    async ({ b64, scale }) => {
      const blob = new Blob([Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0))], { type: 'image/png' });
      const bmp = await createImageBitmap(blob);
      const c = new OffscreenCanvas(bmp.width, bmp.height);
      const ctx = c.getContext('2d')!;
      ctx.drawImage(bmp, 0, 0);
      const count = (x0: number, y0: number, w: number, h: number, what: 'ink' | 'colours') => {
        const d = ctx.getImageData(x0, y0, w, h).data;
        let ink = 0;
        const colours = new Set<number>();
        for (let i = 0; i < d.length; i += 4) {
          if (d[i] < 240 || d[i + 1] < 240 || d[i + 2] < 240) ink++;
          colours.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
        }
        return what === 'ink' ? ink : colours.size;
      };
      const legendW = 200 * scale;
      const pad = 12 * scale;
      const legendX = bmp.width - pad - legendW;
      const mapW = legendX - 2 * pad;
      return {
        width: bmp.width,
        height: bmp.height,
        mapColours: count(pad + mapW / 4, bmp.height / 3, mapW / 2, bmp.height / 4, 'colours'),
        legendInk: count(legendX, 60 * scale, legendW, bmp.height / 3, 'ink'),
        marginInk: count(bmp.width - 8 * scale, 0, 8 * scale, bmp.height, 'ink'),
      };
    },
    { b64: bytes.toString('base64'), scale },
  );
}

test('Download PNG, 1x and 2x: the view with its legend, decoded, not blank, nothing cut', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  await mapIdle(page, { source: 'story-places' });
  await page.getByRole('button', { name: 'Share and export' }).click();

  const one = await download(page, 'PNG');
  expect(one.suggestedFilename()).toMatch(/^situation-map-2022-01-26-z\d+\.\d\.png$/);
  const oneBytes = readFileSync(await one.path());
  const two = await download(page, 'PNG, 2× (print)');
  expect(two.suggestedFilename()).toMatch(/^situation-map-2022-01-26-z\d+\.\d@2x\.png$/);
  const twoBytes = readFileSync(await two.path());
  if (process.env.PNG_KEEP) {
    copyFileSync(await one.path(), `${process.env.PNG_KEEP}/view-1x.png`);
    copyFileSync(await two.path(), `${process.env.PNG_KEEP}/view-2x.png`);
  }

  const a = await inked(page, oneBytes, 1);
  const b = await inked(page, twoBytes, 2);
  expect(b.width).toBe(2 * a.width);
  for (const x of [a, b]) {
    expect(x.mapColours, 'the map is drawn, not one flat colour').toBeGreaterThan(20);
    expect(x.legendInk, 'the legend column has ink').toBeGreaterThan(500);
    expect(x.marginInk, 'no text runs into the right margin').toBe(0);
  }
  await expect(page.getByRole('alert')).toHaveCount(0);
});
