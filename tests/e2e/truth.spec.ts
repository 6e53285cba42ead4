/**
 * What the map says, read off the running map as a reader sees it (shared/docs/truth.md): a figure is
 * printed only on a place that is its own; a seat of government standing in for an unnamed place is
 * neither coloured nor labelled with what the article does not place there; "the Arctic" is an area;
 * the near-border zone stops short of the coast. Real Chromium, real WebGL, the production build.
 */
import type { Page } from '@playwright/test';
import type { Map as MaplibreMap } from 'maplibre-gl';
import { defaultTheme } from '../../src/map/theme';
import path from 'node:path';
import { expect, mapIdle, onePage, test } from './fixtures';
import { buildWithFixture, serveLayers } from '../support/two-sources';

type MapWindow = { situationMap: MaplibreMap };
const storyIdle = (page: Page) => mapIdle(page, { source: 'story-places' });

/**
 * The text of every story label drawn now: the label layer's own text-field, evaluated by MapLibre for
 * each rendered label feature (what the reader sees, not a copy of the expression).
 */
async function drawnLabels(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const m = (window as unknown as MapWindow).situationMap;
    const layer = m.style.getLayer('story-labels') as unknown as {
      layout: { get(k: string): { evaluate(f: unknown, s: unknown): unknown } };
    };
    return m
      .queryRenderedFeatures({ layers: ['story-labels'] })
      .map((f) => String(layer.layout.get('text-field').evaluate({ type: 1, properties: f.properties }, {})));
  });
}

/** A story place's colour and whether it is off, as its feature-state says. */
async function placeState(page: Page, placeId: string) {
  return page.evaluate((id) => {
    const m = (window as unknown as MapWindow).situationMap;
    const f = m.querySourceFeatures('story-places').find((x) => x.properties.place_id === id)!;
    return m.getFeatureState({ source: 'story-places', id: f.id });
  }, placeId);
}

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
]) {
  test.describe(`the first view at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test('prints the 62 with the 59 they are up from and who said so, placed whole inside the map', async ({ page }) => {
      // Issue 24.1: a figure keeps its words and its stance: not "62 battalion tactical groups" alone.
      const words = '62 Russian battalion tactical groups, up from 59 at this time last week (officials said)';
      await page.goto('/');
      await storyIdle(page);
      // A label MapLibre could not place is not among the rendered features: this fails if it is dropped.
      await expect
        .poll(async () => (await drawnLabels(page)).map((t) => t.replace(/\s+/g, ' ')))
        .toContainEqual(expect.stringContaining(words));
      // Its box is inside the canvas: no edge column or row of the map touches it.
      const cut = await page.evaluate(() => {
        const m = (window as unknown as MapWindow).situationMap;
        const [w, h] = [m.getCanvas().clientWidth, m.getCanvas().clientHeight];
        const edge: [number, number][] = [];
        for (let y = 0; y < h; y += 2) edge.push([0, y], [w - 1, y]);
        for (let x = 0; x < w; x += 2) edge.push([x, 0], [x, h - 1]);
        return edge.some((p) =>
          m
            .queryRenderedFeatures(p, { layers: ['story-labels'] })
            .some((f) => f.properties.place_id === 'russia-near-ukraine-border'),
        );
      });
      expect(cut, 'the near-border label is cut by the edge of the map').toBe(false);
    });
  });
}

test.describe('the map says what the article says, and no more', () => {
  test.use({ viewport: { width: 1440, height: 900 } });
  // Tests that begin with a link setting the whole view share one page; a first view's own test has its own.
  const shared = onePage({ viewport: { width: 1440, height: 900 } });

  test("one figure of several places is printed on none of them; a place's own figure is (62 BTGs)", async () => {
    const { page } = shared;
    await page.goto('/#4.3/50/32');
    await storyIdle(page);
    const labels = (await drawnLabels(page)).join('\n');
    expect(labels).not.toContain('100,000');
    expect(labels).toContain('62 Russian battalion tactical groups');
    // The label and the panel give it with what it is compared with, in the article's words.
    await page.goto('/#4.3/50/32&place=russia-near-ukraine-border');
    await expect(page.getByRole('region', { name: /Excerpts/ })).toContainText(
      '62 Russian battalion tactical groups, up from 59 at this time last week',
    );
    // The figure is in the panel, once, with its scope.
    await page.goto('/#4.3/50/32&place=belarus');
    const panel = page.getByRole('region', { name: /Excerpts/ });
    await expect(panel).toContainText('over 100,000 troops');
    await expect(panel).toContainText('One figure for two places together: Russia near the border with Ukraine; Belarus');
  });

  test('a toggle takes its figures and hidden places off the labels, and back, from any first view', async ({ page }) => {
    const troops = page.locator('input[data-category="troops"]');
    // Set in the view the page opened with, then changed by toggles: both ways must draw the same labels.
    for (const first of ['/#4.3/50/32', '/#4.3/50/32&hide=troops']) {
      await page.goto(first);
      await storyIdle(page);
      if (first.includes('hide')) {
        await troops.check();
        await storyIdle(page);
      }
      await expect
        .poll(async () => (await drawnLabels(page)).join('\n'), first)
        .toContain('62 Russian battalion tactical groups');
      const shown = (await drawnLabels(page)).sort();
      await troops.uncheck();
      await storyIdle(page);
      const hidden = await drawnLabels(page);
      expect(hidden.join('\n'), first).not.toContain('62 Russian battalion tactical groups');
      // Hidden places leave no empty label behind, and nothing new appears.
      expect(hidden.every((t) => t.length > 0)).toBe(true);
      expect(hidden.length, first).toBeLessThan(shown.length);
      await troops.check();
      await storyIdle(page);
      await expect.poll(async () => (await drawnLabels(page)).sort(), first).toEqual(shown);
    }
  });

  test('Washington is not coloured or labelled as troops: the 8,500 on alert have no place in the article', async () => {
    const { page } = shared;
    // Only troops shown: Washington is listed for the 8,500 (a seat), so shown, but in no category's colour.
    const others = ['statement', 'diplomacy', 'sanctions', 'energy', 'civilians'];
    await page.goto(`/#5/38.9/-77&hide=${others.join(',')}`);
    await storyIdle(page);
    await expect.poll(() => placeState(page, 'washington')).toMatchObject({ off: false, color: defaultTheme.basemap.seat });
    expect((await drawnLabels(page)).join('\n')).not.toContain('8,500');
    await page.goto(`/#5/38.9/-77&hide=${others.join(',')}&place=washington`);
    const panel = page.getByRole('region', { name: /Excerpts/ });
    await expect(panel).toContainText('8,500 troops');
    await expect(panel).toContainText('Place not given in the article');
  });

  test('"in the Arctic" is an area, hatched as approximate; no dot at Severomorsk', async () => {
    const { page } = shared;
    await page.goto('/#4/70/40');
    await storyIdle(page);
    const arctic = await page.evaluate(() =>
      (window as unknown as MapWindow).situationMap
        .queryRenderedFeatures({ layers: ['story-fill', 'story-hatch', 'story-points'] })
        .filter((f) => f.properties.place_id === 'arctic')
        .map((f) => `${f.layer.id}:${f.geometry.type}`),
    );
    expect(arctic).toContain('story-hatch:Polygon');
    expect(arctic.some((x) => x.startsWith('story-points'))).toBe(false);
    const bold = await page.evaluate(() =>
      (window as unknown as MapWindow).situationMap
        .queryRenderedFeatures({ layers: ['places-story'] })
        .map((f) => f.properties.name),
    );
    expect(bold).not.toContain('Severomorsk');
    expect(bold).not.toContain('Murmansk');
  });

  test("a zone's hatching, drawn from a source of its own, goes and comes back with its place", async () => {
    const { page } = shared;
    // The Arctic's events are naval: hiding them hides the zone, its hatching included (map/storyLayers.ts ZONE_SOURCE).
    await page.goto('/#4/70/40');
    await storyIdle(page);
    const hatch = () =>
      page.evaluate(() =>
        (window as unknown as MapWindow).situationMap
          .queryRenderedFeatures({ layers: ['story-fill', 'story-hatch'] })
          .filter((f) => f.properties.place_id === 'arctic')
          .map((f) => `${f.layer.id}:${f.source}:${f.state.off === true ? 'off' : 'on'}`)
          .sort(),
      );
    expect(new Set(await hatch())).toEqual(new Set(['story-fill:story-places:on', 'story-hatch:story-zones:on']));
    await page.locator('input[data-category="naval"]').uncheck();
    await storyIdle(page);
    expect(new Set(await hatch())).toEqual(new Set(['story-fill:story-places:off', 'story-hatch:story-zones:off']));
    await page.locator('input[data-category="naval"]').check();
    await storyIdle(page);
    expect(new Set(await hatch())).toEqual(new Set(['story-fill:story-places:on', 'story-hatch:story-zones:on']));
  });

  test('statements whose place the article does not give are listed at a capital, saying so', async () => {
    const { page } = shared;
    await page.goto('/#5/55.75/37.6&place=moscow');
    const panel = page.getByRole('region', { name: /Excerpts/ });
    await expect(panel).toContainText('Russia has repeatedly denied planning to invade Ukraine');
    await expect(panel).toContainText('Denied — Russia');
    await expect(panel).toContainText('Place not given in the article');
    // Britain's signal is at London, its seat, not spread over the United Kingdom.
    await page.goto('/#5/51.5/-0.12&place=london');
    await expect(panel).toContainText('Signaled — Britain');
  });

  test('an event the article places nowhere is listed as such, and a seat is the capital of the government that acted', async () => {
    const { page } = shared;
    await page.goto('/#4/50/30&place=ukraine');
    const panel = page.getByRole('region', { name: /Excerpts/ });
    const unplaced = panel.locator('h4:text-is("About Ukraine: where, the article does not say") + ol');
    await expect(unplaced).toContainText('increasing likelihood of an incursion');
    await expect(unplaced).toContainText('so far failed to reach a breakthrough');
    await expect(panel.locator('h4:text-is("About Ukraine, elsewhere") + ol')).not.toContainText('increasing likelihood');
    // NATO's announcement is about eastern Europe, not a troops site there.
    await page.goto('/#4/50/20&place=eastern-europe');
    await expect(panel.locator('h4:has-text("where, the article does not say") + ol')).toContainText(
      'NATO announced it would place forces on standby',
    );
    // Nobody speaks in "Washington put 8,500 troops on heightened alert": the legend says whose capital it is.
    await expect(page.getByText('listed at the capital of the government that acted or spoke')).toHaveCount(1);
    await expect(page.locator('body')).not.toContainText("speaker's capital");
  });

  test("an event's every figure is in its entry, not only the first its place's label prints", async ({ page }) => {
    // A fixture article written for the tests: one sentence, two figures (tests/fixtures/two-figures).
    await serveLayers(page, buildWithFixture(path.resolve(import.meta.dirname, '../fixtures/two-figures')));
    await page.goto('/#6/50.45/30.52&place=kyiv');
    const entry = page.getByRole('region', { name: /Excerpts/ }).locator('[data-event-entry="fixture-tally-kyiv"]');
    await expect(entry.locator('.quantity')).toHaveText(['12 test crates', '3 test trucks']);
    await expect(entry.locator('blockquote')).toContainText('12 test crates and 3 test trucks reached Kyiv');
  });
});
