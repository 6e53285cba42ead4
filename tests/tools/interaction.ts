/**
 * Interaction timings on the seed story, measured inside the page (performance.now around the action until
 * its condition), in Debian's Chromium. Prints medians; asserts nothing (the machine is shared and noisy).
 *   npx tsx tests/tools/interaction.ts --url http://127.0.0.1:4173/ [--runs 10]
 * toggle → idle: uncheck a category, until the map's next `idle` event.
 * click → excerpt: click Kyiv on the map, until the Excerpts panel shows the plane's excerpt.
 */
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium, HOW_TO_GET_CHROMIUM } from '../chromium.js';

const { values } = parseArgs({
  options: { url: { type: 'string', default: 'http://127.0.0.1:4173/' }, runs: { type: 'string', default: '10' } },
});
const executablePath = findChromium();
if (!executablePath) throw new Error(HOW_TO_GET_CHROMIUM);
const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
type W = { situationMap: import('maplibre-gl').Map };
await page.goto(String(values.url));
await page.waitForFunction(
  () => {
    const m = (window as unknown as W).situationMap;
    return !!m && m.loaded() && m.querySourceFeatures('story-places').length > 0;
  },
  undefined,
  { timeout: 60_000 },
);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const toggles: number[] = [];
const clicks: number[] = [];
for (let i = 0; i < Number(values.runs); i++) {
  toggles.push(
    await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const m = (window as unknown as W).situationMap;
          const box = document.querySelector<HTMLInputElement>('input[data-category="drills"]')!;
          const t0 = performance.now();
          m.once('idle', () => resolve(performance.now() - t0));
          box.click();
          m.triggerRepaint();
        }),
    ),
  );
  await page.waitForTimeout(300);
  const { x, y } = await page.evaluate(() => (window as unknown as W).situationMap.project([30.5238, 50.4547]));
  const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
  await page.evaluate(() => {
    // Clear the selection first, so that each click changes the panel.
    document.querySelector<HTMLElement>('section.excerpts')?.setAttribute('data-measure', '');
  });
  await page.mouse.click(box.x + 5, box.y + box.height - 5);
  await page.waitForTimeout(300);
  // A string, not a function: tsx's esbuild would wrap named inner functions in a helper the page lacks.
  const started = page.evaluate(`new Promise((resolve) => {
    const t0 = performance.now();
    (function check() {
      if (document.querySelector('section.excerpts')?.textContent?.includes('landed in Kyiv on Tuesday')) resolve(performance.now() - t0);
      else requestAnimationFrame(check);
    })();
  })`) as Promise<number>;
  await page.mouse.click(box.x + x, box.y + y);
  clicks.push(await started);
}
console.log(
  `toggle → idle      median ${median(toggles).toFixed(1)} ms  (n=${toggles.length}; ${toggles.map((t) => t.toFixed(0)).join(', ')})`,
);
console.log(
  `click → excerpt    median ${median(clicks).toFixed(1)} ms  (n=${clicks.length}; ${clicks.map((t) => t.toFixed(0)).join(', ')})`,
);
await browser.close();
