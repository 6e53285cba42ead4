/**
 * `npm run bench:tint`: how much of the first view the story inks. The share of the map's pixels that
 * visibly change (summed RGB difference > 24) when every category is hidden, at the first view
 * (#4.3/50/32, 1440×900, as in the design issue), read from the WebGL drawing buffer of the production
 * build in Chromium.
 *
 *   npm run bench:tint [-- --no-build] [--view 4.3/50/32] [--width 1440 --height 900]
 */
import { parseArgs } from 'node:util';
import type { Page } from '@playwright/test';
import type { Map as MaplibreMap } from 'maplibre-gl';
import { CATEGORIES } from '../../src/catalogue/vocabulary';
import { serveBuild, SERVED_OPTIONS, storyDrawn } from './served';

const { values } = parseArgs({ options: { ...SERVED_OPTIONS, view: { type: 'string', default: '4.3/50/32' } } });
const THRESHOLD = 24;
const { base, browser, close } = await serveBuild({ build: !values['no-build'] });

/** The map's pixels (RGBA, bottom row first) after a frame drawn with the map idle, at the given hash. */
async function pixels(page: Page, hash: string): Promise<{ width: number; height: number; data: number[] }> {
  await page.goto(`${base}/#${hash}`);
  await storyDrawn(page);
  return page.evaluate(
    () =>
      new Promise<{ width: number; height: number; data: number[] }>((resolve) => {
        const m = (window as unknown as { situationMap: MaplibreMap }).situationMap;
        m.once('render', () => {
          const canvas = m.getCanvas();
          const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl'))!;
          const [width, height] = [gl.drawingBufferWidth, gl.drawingBufferHeight];
          const px = new Uint8Array(width * height * 4);
          gl.readPixels(0, 0, width, height, gl.RGBA, gl.UNSIGNED_BYTE, px);
          resolve({ width, height, data: Array.from(px) });
        });
        m.triggerRepaint();
      }),
  );
}

function changedShare(a: { data: number[] }, b: { data: number[] }): number {
  let changed = 0;
  const n = a.data.length / 4;
  for (let i = 0; i < n; i++) {
    const d =
      Math.abs(a.data[4 * i] - b.data[4 * i]) +
      Math.abs(a.data[4 * i + 1] - b.data[4 * i + 1]) +
      Math.abs(a.data[4 * i + 2] - b.data[4 * i + 2]);
    if (d > THRESHOLD) changed++;
  }
  return changed / n;
}

try {
  const page = await browser.newPage({ viewport: { width: Number(values.width), height: Number(values.height) } });
  const all = await pixels(page, values.view!);
  const none = await pixels(page, `${values.view}&hide=${CATEGORIES.join(',')}`);
  const share = changedShare(all, none);
  console.log(
    `story tint at #${values.view}, ${values.width}×${values.height}: ${(share * 100).toFixed(1)} % of the map's pixels ` +
      `change (summed RGB difference > ${THRESHOLD}) when every category is hidden (goal ≤ 30 %)`,
  );
} finally {
  await close();
}
