/**
 * What a reader does with the story: toggle layers, click places, read the excerpts and the article,
 * share a link, use the keyboard, use a phone. Real Chromium, real WebGL, the production build.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Map as MaplibreMap } from 'maplibre-gl';
import { STORY_HIT_LAYERS } from '../../src/map/storyLayers';
import { camera, clickAt, expect, mapIdle, onePage, test } from './fixtures';
import { seedLayers } from '../support/seed';

/** The app's map, as the page exposes it for tests (the shared fixture types only a few methods). */
type MapWindow = { situationMap: MaplibreMap };

const story = JSON.parse(readFileSync(path.join(seedLayers(), 'story.json'), 'utf8')) as {
  events: { event_id: string; category: string; places: string[] }[];
  sources: { text_content: string; blocks: { kind: string; start: number; end: number }[] }[];
};

async function storyIdle(page: Page) {
  await mapIdle(page, { source: 'story-places' });
}

/**
 * Places drawn right now. A toggle turns a place off through its feature-state (its marks are then fully
 * transparent: the pixel test below checks that on the canvas), so features with `off` are not counted.
 */
async function renderedPlaces(page: Page): Promise<string[]> {
  return page.evaluate(
    (layers) =>
      [
        ...new Set(
          window
            .situationMap!.queryRenderedFeatures({ layers })
            .filter((f) => !f.state.off)
            .map((f) => String(f.properties.place_id)),
        ),
      ].sort(),
    // The places' own areas and dots; their categories' marks are checked in hierarchy.spec.ts.
    STORY_HIT_LAYERS.filter((l) => l !== 'story-marks'),
  );
}

/**
 * The mean colour the map draws in a 21×21 pixel square around a longitude and latitude, read from the
 * WebGL drawing buffer right after a frame (a square, so that a basemap label there does not decide it).
 */
async function colourAround(page: Page, lng: number, lat: number): Promise<number[]> {
  return page.evaluate(
    ([ln, la]) =>
      new Promise<number[]>((resolve) => {
        const m = (window as unknown as MapWindow).situationMap;
        const p = m.project([ln, la]);
        m.once('render', () => {
          const gl = (m.getCanvas().getContext('webgl2') ?? m.getCanvas().getContext('webgl'))!;
          const r = gl.drawingBufferWidth / m.getCanvas().clientWidth;
          const size = 21;
          const px = new Uint8Array(size * size * 4);
          const [x, y] = [Math.round(p.x * r) - 10, Math.round(gl.drawingBufferHeight - p.y * r) - 10];
          gl.readPixels(x, y, size, size, gl.RGBA, gl.UNSIGNED_BYTE, px);
          const mean = [0, 0, 0].map((_, c) => px.filter((_, i) => i % 4 === c).reduce((a, b) => a + b, 0) / (size * size));
          resolve(mean.map((v) => Math.round(v * 10) / 10));
        });
        m.triggerRepaint();
      }),
    [lng, lat] as [number, number],
  );
}

/** The places that should be drawn when the given categories are hidden, from the data itself. */
function expectedPlaces(hidden: string[]): string[] {
  return [...new Set(story.events.filter((e) => !hidden.includes(e.category)).flatMap((e) => e.places))].sort();
}

const excerpts = (page: Page) => page.getByRole('region', { name: /Excerpts/ });

test.describe('the story on the map', () => {
  test.use({ viewport: { width: 1600, height: 900 } });
  // The clicks on a place share one page: each returns it to the first view by a link ('/#'), as Back does.
  const shared = onePage({ viewport: { width: 1600, height: 900 } });

  test('each category toggle hides and shows its features', async () => {
    const { page } = shared;
    // 22 toggles, each waited out until the map is idle: minutes on a busy 2-core machine, not seconds.
    test.setTimeout(300_000);
    // A view wide enough for every place: Washington to the Arctic.
    await page.goto('/#2.3/48/-20');
    await storyIdle(page);
    expect(await renderedPlaces(page)).toEqual(expectedPlaces([]));
    const categories = [...new Set(story.events.map((e) => e.category))];
    for (const c of categories) {
      const box = page.locator(`input[data-category="${c}"]`);
      await box.uncheck();
      await storyIdle(page);
      expect(await renderedPlaces(page), `with ${c} hidden`).toEqual(expectedPlaces([c]));
      await box.check();
      await storyIdle(page);
      expect(await renderedPlaces(page), `with ${c} shown again`).toEqual(expectedPlaces([]));
    }
  });

  test('a hidden place is no longer drawn: the canvas at the Rostov region changes, and comes back', async ({ page }) => {
    // Rostov has only drills: hiding them turns it off. Russia, under it, goes too (its only event there is
    // the drills throughout its territory); the border zone, with troops, stays.
    // The square is above the region's label point: the story's label hangs below it.
    await page.goto('/#5/47.66/41.01');
    await storyIdle(page);
    // Labels off, the basemap's and the story's: freed room lets another label in, which is not the point.
    await page.evaluate(() => {
      const m = (window as unknown as MapWindow).situationMap;
      for (const l of m.getStyle().layers) if (l.type === 'symbol') m.setLayoutProperty(l.id, 'visibility', 'none');
    });
    await storyIdle(page);
    const at = () => colourAround(page, 41.01196, 47.9);
    const differs = (a: number[], b: number[]) => Math.max(...a.map((v, i) => Math.abs(v - b[i])));
    const shown = await at();
    await page.locator('input[data-category="drills"]').uncheck();
    await storyIdle(page);
    const hidden = await at();
    expect(differs(hidden, shown), `mean colour shown ${shown}, hidden ${hidden}`).toBeGreaterThan(3);
    // The reference: drills still hidden, and the Rostov region taken out of the story's layers by a
    // filter. Hidden must look exactly like that (Russia, under it, changes colour with drills hidden too).
    const exclude = (out: boolean) =>
      page.evaluate((on) => {
        const m = (window as unknown as MapWindow).situationMap;
        const not: ['!=', ['get', string], string] = ['!=', ['get', 'place_id'], 'rostov-region'];
        for (const l of m.getStyle().layers) {
          if (!l.id.startsWith('story-') || l.type === 'symbol') continue;
          const f = m.getFilter(l.id)!;
          m.setFilter(l.id, (on ? ['all', f, not] : (f as unknown[])[1]) as typeof f);
        }
      }, out);
    await exclude(true);
    await storyIdle(page);
    const reference = await at();
    expect(differs(hidden, reference), `hidden ${hidden}, without the region ${reference}`).toBeLessThan(0.5);
    await exclude(false);
    await page.locator('input[data-category="drills"]').check();
    await storyIdle(page);
    expect(differs(await at(), shown), 'shown again as before').toBeLessThan(0.5);
    // And a click there no longer selects it while hidden. The click is handled (the places under it with
    // events still shown are listed: the border zone, with troops), and Rostov is not one, nor Russia.
    await page.locator('input[data-category="drills"]').uncheck();
    await storyIdle(page);
    await clickAt(page, 41.01196, 47.9);
    await expect(excerpts(page).locator('h3')).toHaveText(['Russia near the border with Ukraine']);
    await expect(page).toHaveURL(/[#&]place=russia-near-ukraine-border(&|$)/);
    expect(page.url()).not.toContain('rostov-region');
    await expect(excerpts(page)).not.toContainText('Rostov region');
  });

  test('clicking Kyiv shows the plane that landed with munitions', async () => {
    const { page } = shared;
    await page.goto('/#');
    await storyIdle(page);
    await clickAt(page, 30.5238, 50.4547);
    await expect(excerpts(page)).toContainText(
      'a U.S. plane carrying military equipment and munitions landed in Kyiv on Tuesday.',
    );
    await expect(excerpts(page)).toContainText('Tue 25 Jan 2022');
    await expect(excerpts(page)).toContainText('Reported by NBC News');
    // A click on Kyiv's dot chooses Kyiv alone, not the country around it too.
    const headings = await excerpts(page).locator('h3').allTextContents();
    expect(headings[0]).toBe('Kyiv');
    expect(headings).not.toContain('Ukraine');
  });

  test('clicking inside Belarus shows the fighter jets and the joint drills', async () => {
    const { page } = shared;
    await page.goto('/#');
    await storyIdle(page);
    await clickAt(page, 28.3, 52.3);
    await expect(excerpts(page)).toContainText('in Belarus, where it deployed fighter jets on Wednesday');
    await expect(excerpts(page)).toContainText('ahead of joint drills next month');
    await expect(excerpts(page)).toContainText('February 2022');
    await expect(excerpts(page)).toContainText('Planned — as reported by NBC News');
  });

  test('clicking the Rostov region shows its drills, before the wider zone and Russia', async () => {
    const { page } = shared;
    await page.goto('/#');
    await storyIdle(page);
    // A spot some 50 km inside the region, the border zone and Russia alike.
    await clickAt(page, 40.5, 48.0);
    await expect(excerpts(page)).toContainText('as well as in the southern Rostov region, not far from the Ukrainian border.');
    // Most specific first (by precision, then name): the region, the zone along the border, the country.
    await expect(excerpts(page).locator('h3')).toHaveText(['Rostov region', 'Russia near the border with Ukraine', 'Russia']);
  });

  test('the article reader shows the text verbatim, and links both ways with the map', async ({ page }) => {
    await page.goto('/');
    await storyIdle(page);
    await page.getByRole('tab', { name: 'Article' }).click();
    const reader = page.locator('section.article');
    // Every paragraph as the reader shows it is the source text, character for character.
    const src = story.sources[0];
    const shown = await reader.locator('.paragraph, .dek, .caption, .headline').evaluateAll((els) =>
      els.map((el) =>
        [...el.childNodes]
          .filter((n) => !(n instanceof HTMLElement && n.classList.contains('label')))
          .map((n) => n.textContent)
          .join(''),
      ),
    );
    expect(shown).toEqual(src.blocks.map((b) => src.text_content.slice(b.start, b.end)));

    // A highlighted passage flies the map to its place and selects it.
    const before = await camera(page);
    await reader.locator('.passage', { hasText: 'landed in Kyiv on Tuesday' }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('place=kyiv&event=us-plane-kyiv');
    await expect.poll(async () => (await camera(page)).zoom).toBeGreaterThan(before.zoom + 1);
    await expect(page.locator('button[data-place="kyiv"]')).toHaveAttribute('aria-pressed', 'true');
    // Drawn selected on the map (its feature-state is set a frame after the panels).
    const selected = () =>
      page.evaluate(() => {
        const map = (window as unknown as MapWindow).situationMap;
        const kyiv = map.querySourceFeatures('story-places').find((f) => f.properties.place_id === 'kyiv')!;
        return map.getFeatureState({ source: 'story-places', id: kyiv.id }).selected;
      });
    await expect.poll(selected).toBe(true);
    // The reader stays in the article; the excerpts wait in their tab.
    await page.getByRole('tab', { name: 'Excerpts' }).click();
    await expect(excerpts(page).locator('[data-event-entry="us-plane-kyiv"]')).toHaveClass(/current/);
    // "Show in article" from an excerpt marks its passage in the article.
    await excerpts(page).locator('[data-event-entry="us-plane-kyiv"] button.show').click();
    await expect(reader.locator('mark.active')).toContainText('landed in Kyiv on Tuesday');
    await expect(reader.locator('mark.active')).toBeInViewport();
  });

  test('a keyboard alone reaches an excerpt from page load', async ({ page }) => {
    await page.goto('/');
    await storyIdle(page);
    let found = false;
    for (let i = 0; i < 150 && !found; i++) {
      await page.keyboard.press('Tab');
      found = await page.evaluate(() => document.activeElement?.getAttribute('data-event') === 'us-plane-kyiv');
    }
    expect(found, 'the Kyiv plane event is reachable with Tab').toBe(true);
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline, 'focus is visible').not.toBe('none');
    await page.keyboard.press('Enter');
    await expect(excerpts(page).locator('[data-event-entry="us-plane-kyiv"]')).toHaveClass(/current/);
    await expect(page.locator('.app > [aria-live="polite"]')).toContainText('Excerpts:');
    // On to "Show in article" and into the article, still by keyboard.
    await excerpts(page).locator('[data-event-entry="us-plane-kyiv"] button.show').focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('section.article mark.active')).toContainText('landed in Kyiv on Tuesday');
  });

  test('a link restores camera, layers and selection; back and forward work', async ({ page }) => {
    await page.goto('/#5.5/49.5/33&hide=energy,sanctions&place=kyiv&event=us-plane-kyiv');
    await storyIdle(page);
    const c = await camera(page);
    expect(c.zoom).toBeCloseTo(5.5, 2);
    expect(c.lat).toBeCloseTo(49.5, 2);
    expect(c.lng).toBeCloseTo(33, 2);
    await expect(page.locator('input[data-category="energy"]')).not.toBeChecked();
    await expect(page.locator('input[data-category="sanctions"]')).not.toBeChecked();
    await expect(page.locator('input[data-category="troops"]')).toBeChecked();
    await expect(excerpts(page).locator('[data-event-entry="us-plane-kyiv"]')).toHaveClass(/current/);

    await page.locator('input[data-category="troops"]').uncheck();
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('hide=troops,sanctions,energy');
    await page.goBack();
    await expect(page.locator('input[data-category="troops"]')).toBeChecked();
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('hide=sanctions,energy');
    await page.goForward();
    await expect(page.locator('input[data-category="troops"]')).not.toBeChecked();
  });

  test('axe-core finds no serious or critical problems', async () => {
    const { page } = shared;
    await page.goto('/#5/50/31&place=kyiv');
    await storyIdle(page);
    for (const tab of ['Excerpts', 'Article']) {
      await page.getByRole('tab', { name: tab }).click();
      const results = await new AxeBuilder({ page }).analyze();
      const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(
        bad.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')}`),
        tab,
      ).toEqual([]);
    }
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('map above, a bottom sheet with every panel; a place reached without a mouse', async ({ page }) => {
    await page.goto('/');
    await storyIdle(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const map = (await page.locator('.maplibregl-canvas').boundingBox())!;
    expect(map.height).toBeGreaterThan(300);
    await page.getByRole('tab', { name: 'Places' }).click();
    await page.locator('button[data-place="kyiv"]').click();
    await expect(page.getByRole('tab', { name: 'Excerpts' })).toHaveAttribute('aria-selected', 'true');
    await expect(excerpts(page)).toContainText('landed in Kyiv on Tuesday');
    await page.getByRole('tab', { name: 'Layers' }).click();
    await expect(page.locator('input[data-category="troops"]')).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  });
});
