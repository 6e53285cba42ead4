/**
 * Hostile, broken and missing: the page stays safe and readable when the data carries markup and script,
 * when files are missing or corrupt, and when the device cannot do WebGL.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, mapIdle, test } from './fixtures';

const HOSTILE = path.resolve(import.meta.dirname, '../fixtures/hostile/layers');
const excerpts = (page: Page) => page.getByRole('region', { name: /Excerpts/ });

/**
 * Serves a folder of layers in place of the story's own, at /data/layers/ on the page's own origin (the
 * production build reads its story from there and nowhere else).
 */
async function serveLayers(page: Page, dir: string) {
  await page.route(
    (url) => url.pathname.startsWith('/data/layers/'),
    (route) => {
      const file = path.join(dir, path.basename(new URL(route.request().url()).pathname));
      if (!existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
      return route.fulfill({
        body: readFileSync(file),
        contentType: file.endsWith('.geojson') ? 'application/geo+json' : 'application/json',
      });
    },
  );
}

test.describe('hostile data', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('markup and script in names, excerpts and attributions show as literal text; nothing runs; the layout holds', async ({
    page,
  }) => {
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.addInitScript(() => {
      (window as unknown as { __ran: string[] }).__ran = [];
      window.alert = (m?: unknown) => (window as unknown as { __ran: string[] }).__ran.push(String(m));
    });
    await serveLayers(page, HOSTILE);
    const story = JSON.parse(readFileSync(path.join(HOSTILE, 'story.json'), 'utf8')) as { events: { places: string[] }[] };
    const places = [...new Set(story.events.flatMap((e) => e.places))];
    await page.goto(`/#4.5/49/32&place=${places.join(',')}`);
    await mapIdle(page, { source: 'story-places' });

    await expect(excerpts(page)).toContainText('<img src=x onerror=alert(1)>');
    await expect(excerpts(page)).toContainText('<script>alert(1)</script>');
    await page.getByRole('tab', { name: 'Article' }).click();
    await expect(page.locator('section.article')).toContainText('<img src=x onerror=alert(1)>');

    // Nothing from the data became markup: no image, no extra script, no javascript: link.
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('script:not([type="module"])').count()).toBe(0);
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __ran: string[] }).__ran)).toEqual([]);
    expect(dialogs).toEqual([]);

    // The layout held: nothing wider than the window, the side panels at their width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1440);
    const right = (await page.locator('aside.right').boundingBox())!;
    expect(right.width).toBeCloseTo(400, 0);
    const left = (await page.locator('aside.left').boundingBox())!;
    expect(left.width).toBeCloseTo(290, 0);
  });
});

test.describe('broken data at run time', () => {
  test('a missing story file is named, and the basemap still works', async ({ page, guard }) => {
    guard.allowConsole(/Failed to load resource: the server responded with a status of 404/);
    await page.route('**/data/layers/story.json', (route) => route.fulfill({ status: 404, body: 'gone' }));
    await page.goto('/');
    await expect(page.getByRole('alert')).toContainText('story.json: the server answered 404');
    await expect(page.locator('header')).toContainText('The story could not be loaded');
    await mapIdle(page);
  });

  test('truncated places: the article and its passages still work', async ({ page }) => {
    await page.route('**/data/layers/places.geojson', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: (await response.text()).slice(0, 2000) });
    });
    await page.goto('/');
    await expect(page.getByRole('alert')).toContainText('places.geojson: is not valid JSON');
    await page.getByRole('tab', { name: 'Article' }).click();
    await expect(page.locator('section.article .passage').first()).toBeVisible();
    await expect(page.locator('input[data-category="troops"]')).toBeChecked();
    await mapIdle(page);
  });

  test('a file served with the wrong content type is named, in words', async ({ page, guard }) => {
    guard.allowConsole(/world\.pmtiles|was served as a web page/);
    await page.route('**/data/tiles/world.pmtiles', (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Oops</title>' }),
    );
    await page.goto('/');
    await expect(page.getByRole('alert')).toContainText('world.pmtiles: was served as a web page (text/html), not as data');
    await mapIdle(page, { source: 'story-places' });
  });
});
