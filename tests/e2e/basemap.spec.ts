import { CATEGORIES } from '../../src/catalogue/vocabulary';
import type { Page } from '@playwright/test';
import { camera, expect, mapIdle, onePage, renderedNames, test } from './fixtures';
import { recordFirstDraw, type FirstDrawWindow } from '../support/firstDraw';

/** Every category hidden: the basemap alone, so the story's own labels take no room from it. */
const BASEMAP_ONLY = `hide=${CATEGORIES.join(',')}`;

/** From the page's start: when its map is made, and its first WebGL draw call (tests/support/firstDraw.ts). */
async function watchFirstDraw(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { situationMap?: object; __made?: number };
    const wait = setInterval(() => {
      if (!w.situationMap) return;
      clearInterval(wait);
      w.__made = performance.now();
    }, 1);
  });
  await page.addInitScript(recordFirstDraw);
}

/** The first draw call: whether the map had loaded its view then, and how long after the map was made. */
async function firstDraw(page: Page): Promise<{ loaded: boolean; sinceMade: number }> {
  const first = await page.evaluate(() => {
    const w = window as unknown as FirstDrawWindow & { __made?: number };
    return w.__firstDraw && { loaded: w.__firstDraw.loaded, sinceMade: w.__firstDraw.at - (w.__made ?? NaN) };
  });
  expect(first, 'the map drew nothing').toBeDefined();
  return first!;
}

test.describe('the offline basemap', () => {
  test.use({ viewport: { width: 1600, height: 900 } });
  // The drag and the zoom buttons share one page, each setting its view by a link ('/#' is the first view).
  const shared = onePage({ viewport: { width: 1600, height: 900 } });

  test('loads, becomes idle, sets in bold only the places the article names, and the rest as orientation', async ({ page }) => {
    // A camera that holds Rostov-on-Don and Yaroslavl above the timeline.
    await page.goto(`/#4.3/52.3/35&${BASEMAP_ONLY}`);
    await mapIdle(page);
    // Bold is for what the article names (truth.md): Kyiv and Moscow; not the cities it never names.
    await expect.poll(() => renderedNames(page, ['places-story'])).toEqual(expect.arrayContaining(['Kyiv', 'Moscow']));
    const story = await renderedNames(page, ['places-story']);
    const orientation = await renderedNames(page, ['places']);
    for (const name of ['Minsk', 'Kharkiv', 'Rostov-on-Don', 'Donetsk', 'Luhansk', 'Yaroslavl']) {
      expect(story, `${name} is not named by the article`).not.toContain(name);
      expect(orientation, `${name} is still there to find one's way`).toContain(name);
    }
    expect(await renderedNames(page, ['country-labels'])).toContain('Ukraine');
    // The first view frames Ukraine, Belarus and western Russia.
    await page.goto('/');
    await mapIdle(page);
    const c = await camera(page);
    expect(c.lng).toBeGreaterThan(28);
    expect(c.lng).toBeLessThan(40);
    expect(c.lat).toBeGreaterThan(47);
    expect(c.lat).toBeLessThan(55);
    await expect(page.locator('.maplibregl-ctrl-attrib')).toContainText('GeoNames');
    await expect(page.locator('.maplibregl-ctrl-attrib')).toContainText('Natural Earth');
    await expect(page.locator('.maplibregl-ctrl-scale')).toBeVisible();
  });

  test('the tiles are read by MapLibre’s worker, not by the page, and laid out once at the first view', async ({ page }) => {
    const served: string[] = [];
    page.on('request', (r) => {
      if (/\/data\/tiles\/.+\.pmtiles$/.test(new URL(r.url()).pathname) && r.headers()['range']) served.push(r.url());
    });
    // Every basemap tile the map says it has loaded, from the moment the map exists.
    await page.addInitScript(() => {
      const w = window as unknown as { situationMap?: import('maplibre-gl').Map; __tilesLoaded: string[] };
      w.__tilesLoaded = [];
      const wait = setInterval(() => {
        if (!w.situationMap) return;
        clearInterval(wait);
        w.situationMap.on('sourcedata', (e) => {
          const t = (e as { tile?: { tileID: { canonical: { z: number; x: number; y: number } } } }).tile;
          if (t && (e.sourceId === 'world' || e.sourceId === 'region'))
            w.__tilesLoaded.push(`${e.sourceId} ${t.tileID.canonical.z}/${t.tileID.canonical.x}/${t.tileID.canonical.y}`);
        });
      }, 1);
    });
    await page.goto('/');
    await mapIdle(page);
    // Each tile of the first view laid out once: the places the article names are in the map's first
    // style (MapView storyPending), not set once its tiles were asked for, which laid them all out again.
    const loaded = await page.evaluate(() => (window as unknown as { __tilesLoaded: string[] }).__tilesLoaded);
    expect(loaded.length, 'the first view loads basemap tiles').toBeGreaterThan(0);
    expect(loaded, 'a basemap tile laid out twice').toEqual([...new Set(loaded)]);
    // Parts of both archives were served (the header and the first view's tiles)...
    expect(new Set(served.map((u) => new URL(u).pathname))).toEqual(
      new Set(['/data/tiles/world.pmtiles', '/data/tiles/region.pmtiles']),
    );
    // ...and none was fetched from the page's thread: a fetch made in a worker is in the worker's
    // resource timeline, not the page's. Read on the page, each tile waits on the page's other work.
    const onPage = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .filter((n) => n.includes('/data/tiles/')),
    );
    expect(onPage).toEqual([]);
  });

  test('the first view is drawn whole: the map’s first pixels come once its first view has loaded', async ({ page }) => {
    await watchFirstDraw(page);
    await page.goto('/');
    await mapIdle(page, { source: 'story-places' });
    const first = await firstDraw(page);
    // MapLibre alone draws its first frame a few hundred ms after the map is made, with its tiles still
    // loading. The app holds it (src/map/firstView.ts) until the view is loaded, or for 1.5 s at most.
    expect(
      first.loaded || first.sinceMade > 1000,
      `first drawn ${Math.round(first.sinceMade)} ms after the map was made, its view not loaded`,
    ).toBe(true);
    // And from the first idle on, MapLibre's painter is its own again: every later frame is drawn.
    const restored = await page.evaluate(() => {
      const p = (window as unknown as { situationMap: { painter: { render: unknown } } }).situationMap.painter;
      return p.render === Object.getPrototypeOf(p).render;
    });
    expect(restored).toBe(true);
  });

  test('a key pressed while the first view loads ends the hold: the map is drawn as it is, at once', async ({ page }) => {
    await watchFirstDraw(page);
    // The basemap's tiles kept 3 s on their way: held, the map would draw nothing until 1.5 s after it is made.
    await page.route('**/*.pmtiles', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 3000));
      await route.continue().catch(() => undefined);
    });
    // Whether MapLibre's painter was held when the key came: heard on the window, before the document
    // (where the hold listens) in the capture phase.
    await page.addInitScript(() => {
      type Painted = { situationMap?: { painter: { render: unknown } }; __heldAtKey?: boolean };
      addEventListener(
        'keydown',
        () => {
          const p = (window as unknown as Painted).situationMap?.painter;
          (window as unknown as Painted).__heldAtKey = !!p && p.render !== Object.getPrototypeOf(p).render;
        },
        { capture: true },
      );
    });
    await page.goto('/');
    await page.waitForFunction(() => !!(window as unknown as { situationMap?: object }).situationMap);
    await page.keyboard.press('Shift');
    const [heldAtKey, releasedAfter] = await page.evaluate(() => {
      const w = window as unknown as { situationMap: { painter: { render: unknown } }; __heldAtKey?: boolean };
      const p = w.situationMap.painter;
      return [w.__heldAtKey, p.render === Object.getPrototypeOf(p).render];
    });
    expect(heldAtKey, 'the map was held when the key came (its tiles are 3 s away)').toBe(true);
    expect(releasedAfter, 'the key gave MapLibre its own render back').toBe(true);
    // And the map draws the view as it is, its tiles still on their way.
    await page.waitForFunction(() => !!(window as unknown as { __firstDraw?: object }).__firstDraw);
    expect((await firstDraw(page)).loaded, 'drawn before the view had loaded').toBe(false);
  });

  test('the labels’ letters come from the glyph files the build makes, regular and bold', async ({ page }) => {
    const glyphs = new Map<string, number>();
    page.on('response', (r) => {
      const p = new URL(r.url()).pathname;
      if (p.startsWith('/data/glyphs/')) glyphs.set(p, r.status());
    });
    await page.goto('/');
    await mapIdle(page);
    // Kyiv and Moscow in bold (the article names them), the rest in regular: both files, once each.
    expect(Object.fromEntries(glyphs)).toEqual({
      '/data/glyphs/NotoSans-Regular.0-255.pbf': 200,
      '/data/glyphs/NotoSans-Bold.0-255.pbf': 200,
    });
    // Placed by the symbol layout at or just after the first idle: read until they are.
    await expect.poll(() => renderedNames(page, ['places-story'])).toEqual(expect.arrayContaining(['Kyiv', 'Moscow']));
  });

  test('a drag pans the map and writes the view into the hash', async () => {
    const { page } = shared;
    await page.goto('/#');
    await mapIdle(page);
    const before = await camera(page);
    const hashBefore = await page.evaluate(() => location.hash);
    const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    await page.mouse.move(x, y);
    await page.mouse.down();
    // Within the canvas: MapLibre ends a drag released outside the map only at the next pointer event.
    for (let i = 1; i <= 10; i++) await page.mouse.move(x - 25 * i, y - 10 * i);
    await page.mouse.up();
    await mapIdle(page);
    const after = await camera(page);
    expect(after.lng).toBeGreaterThan(before.lng + 1);
    await expect.poll(() => page.evaluate(() => location.hash)).not.toBe(hashBefore);
    const [zoom, lat, lng] = (await page.evaluate(() => location.hash)).slice(1).split('/').map(Number);
    expect(zoom).toBeCloseTo(after.zoom, 1);
    expect(lat).toBeCloseTo(after.lat, 1);
    expect(lng).toBeCloseTo(after.lng, 1);
  });

  test('a #zoom/lat/lng link opens exactly that view', async ({ page }) => {
    await page.goto('/#6.5/47.23/39.72');
    await mapIdle(page);
    const c = await camera(page);
    expect(c.zoom).toBeCloseTo(6.5, 2);
    expect(c.lat).toBeCloseTo(47.23, 2);
    expect(c.lng).toBeCloseTo(39.72, 2);
    expect(await renderedNames(page, ['places'])).toContain('Rostov-on-Don');
  });

  test('zooms with the buttons and with the wheel', async () => {
    const { page } = shared;
    await page.goto('/#5/50/32');
    await mapIdle(page);
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(async () => (await camera(page)).zoom).toBeCloseTo(6, 1);
    await mapIdle(page);
    const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, 600);
    await expect.poll(async () => (await camera(page)).zoom).toBeLessThan(5.8);
  });

  test('pans and zooms from the keyboard alone', async ({ page }) => {
    await page.goto('/#5/50/32');
    await mapIdle(page);
    // Tab from the top of the page, past the layer and place lists, until the map canvas has focus.
    for (let i = 0; i < 150; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.classList.contains('maplibregl-canvas'))) break;
    }
    expect(await page.evaluate(() => document.activeElement?.classList.contains('maplibregl-canvas'))).toBe(true);
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await camera(page)).lng).toBeGreaterThan(32.2);
    await page.keyboard.press('Equal');
    await expect.poll(async () => (await camera(page)).zoom).toBeGreaterThan(5.5);
  });

  test('a broken basemap archive is named on the page, and the rest of the map still draws', async ({ page, guard }) => {
    guard.allowConsole(
      /Failed to load resource: the server responded with a status of 404|region\.pmtiles|the server answered 404/,
    );
    await page.route('**/data/tiles/region.pmtiles', (route) => route.fulfill({ status: 404, body: 'gone' }));
    await page.goto('/');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('region.pmtiles');
    await expect(alert).toContainText('the server answered 404');
    await mapIdle(page, { source: 'world', sourceLayer: 'world' });
  });
});
