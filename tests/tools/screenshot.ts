/**
 * Screenshots of the running app, for looking at what we build and for the README.
 *   npx tsx tests/tools/screenshot.ts --url http://127.0.0.1:4173/ --out docs/map.png [--width 1280 --height 800]
 *                                     [--element .maplibregl-canvas]   (only that element of the page)
 * Waits for the map's first idle with every basemap source loaded before it shoots.
 */
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium, HOW_TO_GET_CHROMIUM } from '../chromium.js';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://127.0.0.1:4173/' },
    out: { type: 'string', default: 'screenshot.png' },
    width: { type: 'string', default: '1280' },
    height: { type: 'string', default: '800' },
    element: { type: 'string' },
  },
});
const executablePath = findChromium();
if (!executablePath) {
  console.error(HOW_TO_GET_CHROMIUM);
  process.exit(1);
}
const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: Number(values.width), height: Number(values.height) } });
page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()));
page.on('pageerror', (e) => console.error('pageerror:', e.message));
await page.goto(values.url as string);
await page.waitForFunction(
  () => {
    const map = (
      window as unknown as {
        situationMap?: {
          loaded(): boolean;
          areTilesLoaded(): boolean;
          querySourceFeatures(id: string, options?: { sourceLayer?: string }): unknown[];
        };
      }
    ).situationMap;
    return (
      !!map &&
      map.loaded() &&
      map.areTilesLoaded() &&
      map.querySourceFeatures('region', { sourceLayer: 'units' }).length > 0 &&
      // The story's places: a GeoJSON story's, or a tiled story's marks (map/tiledStory.ts).
      (map.querySourceFeatures('story-places').length > 0 ||
        map.querySourceFeatures('story-tiled-marks', { sourceLayer: 'marks' }).length > 0)
    );
  },
  undefined,
  { timeout: 30_000 },
);
await page.waitForTimeout(500);
if (values.element) await page.locator(values.element).screenshot({ path: values.out as string });
else await page.screenshot({ path: values.out as string });
await browser.close();
console.log(`wrote ${values.out}`);
