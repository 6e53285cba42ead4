/**
 * What a reader sees in Chromium, issue 24's second pass: plans drawn as plans (on the map, in the legend,
 * in the Excerpts panel, in forced colours), labels inside the map, a page that does not scroll, a click
 * on a dot that chooses the dot, a window whose map looks empty saying where its events are, typed dates
 * outside the story's days, a skip link, a click on a mark without a console warning, and the attribution
 * on a phone. Real Chromium, the production build.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { FeatureCollection, Point } from 'geojson';
import { clickAt, expect, mapIdle, onePage, test } from './fixtures';
import { near, parseColour, shoot, type RGB } from './pixels';
import type { PlaceProperties, StoryEvent } from '../../src/layers/format';
import { isPlan } from '../../src/story/visibility';
import { defaultTheme } from '../../src/map/theme';
import { parseHex } from '../../src/map/patterns';
import { seedLayers } from '../support/seed';

const layers = seedLayers();
const story = JSON.parse(readFileSync(path.join(layers, 'story.json'), 'utf8')) as { events: StoryEvent[] };
const places = JSON.parse(readFileSync(path.join(layers, 'places.geojson'), 'utf8')) as FeatureCollection<Point, PlaceProperties>;
const pointOf = (id: string) =>
  places.features.find((f) => f.properties.place_id === id)!.geometry.coordinates as [number, number];
const timeline = (page: Page) => page.getByRole('region', { name: 'Time' });
const excerpts = (page: Page) => page.getByRole('region', { name: /Excerpts/ });

async function storyIdle(page: Page) {
  await mapIdle(page, { source: 'story-places' });
}

/** Where each story mark sits on the screen, with its feature-state. */
async function marksOnScreen(page: Page) {
  return page.evaluate(() => {
    const m = window.situationMap as unknown as {
      querySourceFeatures(
        id: string,
      ): { id?: number; properties: Record<string, unknown>; geometry: { coordinates: [number, number] } }[];
      getFeatureState(f: { source: string; id: number }): Record<string, unknown>;
      project(p: [number, number]): { x: number; y: number };
    };
    return m.querySourceFeatures('story-marks').map((f) => {
      const p = m.project(f.geometry.coordinates);
      const state = m.getFeatureState({ source: 'story-marks', id: f.id! });
      return {
        places: String(f.properties.place_ids).split(' '),
        category: String(f.properties.category),
        x: p.x + Number(f.properties.dx),
        y: p.y + Number(f.properties.dy),
        off: !!state.off,
        plan: !!state.plan,
      };
    });
  });
}

test.describe('plans are drawn as plans', () => {
  test.use({ viewport: { width: 1440, height: 900 } });
  // The marks' tests set the camera by a link and share one page; forced colours' test has its own.
  const shared = onePage({ viewport: { width: 1440, height: 900 } });

  // A point place only plans mark, with no other place drawn at its point (a mark stands for every place
  // at its point), from the seed's data: the rule itself (isPlan) is the unit tests'.
  const at = (id: string) => places.features.find((f) => f.properties.place_id === id)!.geometry;
  const planPlace = places.features
    .filter((f) => f.geometry.type === 'Point')
    .map((f) => f.properties.place_id)
    .find((id) => {
      const [lng, lat] = at(id).coordinates;
      const together = places.features
        .filter((f) => f.geometry.type === 'Point' && f.geometry.coordinates[0] === lng && f.geometry.coordinates[1] === lat)
        .map((f) => f.properties.place_id);
      const marking = story.events.filter((e) => e.places.some((p) => together.includes(p)) && e.site !== 'seat');
      return marking.length > 0 && marking.every((e) => isPlan(e));
    })!;

  test('a mark only plans show is hollow, its edge in its colour', async () => {
    const { page } = shared;
    expect(planPlace, 'a point place only plans mark, in the seed').toBeTruthy();
    const [lng, lat] = pointOf(planPlace);
    await page.goto(`/#6/${lat}/${lng}`);
    await storyIdle(page);
    const marks = await marksOnScreen(page);
    const plan = marks.find((m) => m.places.includes(planPlace) && !m.off);
    expect(plan, `${planPlace}'s mark`).toBeTruthy();
    expect(plan!.plan, `${planPlace}'s mark is a plan`).toBe(true);
    const canvas = (await page.locator('.maplibregl-canvas').boundingBox())!;
    const px = await shoot(page, { x: canvas.x + plan!.x - 10, y: canvas.y + plan!.y - 10, width: 21, height: 21 });
    const centre = 10 * 21 + 10;
    const colour = parseHex(defaultTheme.categories[plan!.category as keyof typeof defaultTheme.categories]) as RGB;
    expect(near(px, centre, parseHex(defaultTheme.basemap.halo) as RGB, 24), 'the inside of a plan is the halo colour').toBe(
      true,
    );
    let ring = 0;
    for (let i = 0; i < 21 * 21; i++) if (near(px, i, colour, 30)) ring++;
    expect(ring, 'its edge is in the category colour').toBeGreaterThan(8);
  });

  test('a dot only plans show is hollow, a done one filled: the basemap dot of its city does not show through', async () => {
    const { page } = shared;
    // Seen in a look at Paris (the talks "were due to" meet there): the basemap's own dot for the city,
    // in the text colour, was drawn over the story's hollow dot and gave it a black centre.
    const [lng, lat] = pointOf(planPlace);
    await page.goto(`/#7/${lat}/${lng}`);
    await storyIdle(page);
    const dot = await page.evaluate(
      ([lng, lat]) => {
        const m = window.situationMap!;
        return m.project([lng, lat]);
      },
      [lng, lat],
    );
    const canvas = (await page.locator('.maplibregl-canvas').boundingBox())!;
    const px = await shoot(page, { x: canvas.x + dot.x - 2, y: canvas.y + dot.y - 2, width: 5, height: 5 });
    const halo = parseHex(defaultTheme.basemap.halo) as RGB;
    for (let i = 0; i < 25; i++) expect(near(px, i, halo, 24), `pixel ${i} of the dot's centre is the halo colour`).toBe(true);

    // And a done city's dot is filled in its colour, not the basemap's dot with a thin ring of it (Kyiv).
    const [kLng, kLat] = pointOf('kyiv');
    await page.goto(`/#7/${kLat}/${kLng}`);
    await storyIdle(page);
    const kyiv = await page.evaluate(
      ([lng, lat]) => {
        const m = window.situationMap as unknown as {
          project(p: [number, number]): { x: number; y: number };
          querySourceFeatures(id: string): { id?: number; properties: Record<string, unknown> }[];
          getFeatureState(f: { source: string; id: number }): Record<string, unknown>;
        };
        const f = m.querySourceFeatures('story-places').find((x) => x.properties.place_id === 'kyiv')!;
        return { at: m.project([lng, lat]), color: String(m.getFeatureState({ source: 'story-places', id: f.id! }).color) };
      },
      [kLng, kLat],
    );
    const done = await shoot(page, { x: canvas.x + kyiv.at.x - 2, y: canvas.y + kyiv.at.y - 2, width: 5, height: 5 });
    const colour = parseHex(kyiv.color) as RGB;
    for (let i = 0; i < 25; i++) expect(near(done, i, colour, 24), `pixel ${i} of Kyiv's dot is ${kyiv.color}`).toBe(true);
  });

  test('the Excerpts panel marks a plan, and the legend draws one, in forced colours too', async ({ page }) => {
    await page.goto(`/#5/50/20&place=${planPlace}`);
    await storyIdle(page);
    const planned = story.events.filter((e) => e.places.includes(planPlace) && isPlan(e));
    for (const e of planned)
      await expect(excerpts(page).locator(`[data-event-entry="${e.event_id}"] .plan`)).toHaveText(/not yet done/);
    const done = story.events.find((e) => !isPlan(e) && e.places.length && e.site !== 'seat')!;
    await page.goto(`/#5/50/20&place=${done.places[0]}`);
    await expect(excerpts(page).locator(`[data-event-entry="${done.event_id}"]`).first()).toBeVisible();
    await expect(excerpts(page).locator(`[data-event-entry="${done.event_id}"] .plan`)).toHaveCount(0);

    for (const forcedColors of ['none', 'active'] as const) {
      await page.emulateMedia({ forcedColors });
      const legend = page.locator('.layers [data-legend="planned"]');
      await expect(legend).toContainText('not yet done');
      const styles = await legend.evaluate((li) => {
        const path = li.querySelector('svg path')!;
        const area = li.querySelector('.key.plan')!;
        const done = li.parentElement!.querySelector('[data-legend="done"] svg path')!;
        const s = (el: Element) => getComputedStyle(el);
        return {
          fill: s(path).fill,
          stroke: s(path).stroke,
          doneFill: s(done).fill,
          border: s(area).borderTopStyle,
          borderColour: s(area).borderTopColor,
          panel: s(li.closest('aside, .sheet')!).backgroundColor,
        };
      });
      expect(parseColour(styles.fill).rgb, `${forcedColors}: a planned mark is hollow`).toEqual(
        parseHex(defaultTheme.basemap.halo),
      );
      expect(styles.stroke, `${forcedColors}: edged in its colour`).toBe(styles.doneFill);
      expect(styles.doneFill).not.toBe(styles.fill);
      expect(styles.border, `${forcedColors}: a planned area's edge`).toBe('dotted');
      expect(styles.borderColour).not.toBe(styles.panel);
      const badge = page.locator('[data-plan]').first();
      if (await badge.count()) expect(await badge.evaluate((b) => getComputedStyle(b).borderTopStyle)).toBe('dashed');
    }
  });
});

test.describe('at 1440×900', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test("the first view's story labels stay inside the map", async ({ page }) => {
    await page.goto('/');
    await storyIdle(page);
    const cut = await page.evaluate(() => {
      const m = window.situationMap as unknown as {
        getCanvas(): HTMLCanvasElement;
        queryRenderedFeatures(
          p: [number, number],
          o: object,
        ): { properties: Record<string, unknown>; state: Record<string, unknown> }[];
      };
      const [w, h] = [m.getCanvas().clientWidth, m.getCanvas().clientHeight];
      const out = new Set<string>();
      // The outermost columns and rows: a label's box that covers them runs off the map.
      const edge: [number, number][] = [];
      for (let y = 0; y < h; y += 2) edge.push([0, y], [w - 1, y]);
      for (let x = 0; x < w; x += 2) edge.push([x, 0], [x, h - 1]);
      for (const p of edge)
        for (const f of m.queryRenderedFeatures(p, { layers: ['story-labels'] }))
          if (f.properties.text && !f.state.off) out.add(String(f.properties.place_id));
      return [...out];
    });
    expect(cut, 'story labels cut by the edge of the map').toEqual([]);
  });
});

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 1280, height: 800 },
]) {
  test.describe(`${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });
    test('"Show in article" scrolls the panel, never the page: the header stays', async ({ page }) => {
      await page.goto('/#5/53/28&place=kyiv');
      await storyIdle(page);
      const height = () => page.evaluate(() => [document.scrollingElement!.scrollHeight, innerHeight, scrollY]);
      expect(await height()).toEqual([viewport.height, viewport.height, 0]);
      await excerpts(page)
        .getByRole('button', { name: /Show in article/ })
        .first()
        .click();
      await expect(page.locator('section.article mark.active, section.article mark[aria-current]').first()).toBeVisible();
      expect(await height(), 'the page is the viewport tall, and not scrolled').toEqual([viewport.height, viewport.height, 0]);
      expect((await page.locator('header').boundingBox())!.y).toBe(0);
    });
  });
}

// Tests at 1280×800 that begin with a link setting the whole view share one page; the first Tab stop's has
// its own.
const at1280 = onePage({ viewport: { width: 1280, height: 800 } });

test.describe('at 1280×800', () => {
  const shared = at1280;
  test('a click on Kyiv chooses Kyiv, not Ukraine around it', async () => {
    const { page } = shared;
    await page.goto('/#6/50.45/30.52');
    await storyIdle(page);
    const [lng, lat] = pointOf('kyiv');
    await clickAt(page, lng, lat);
    await expect(page).toHaveURL(/[#&]place=kyiv(&|$)/);
    expect(page.url()).not.toMatch(/ukraine/);
  });

  test('a click on a category mark chooses its places, with no warning from the map', async () => {
    const { page } = shared;
    await page.goto('/#5/53/28');
    await storyIdle(page);
    const mark = (await marksOnScreen(page)).find((m) => !m.off && m.places.includes('kyiv'))!;
    const canvas = (await page.locator('.maplibregl-canvas').boundingBox())!;
    await page.mouse.click(canvas.x + mark.x, canvas.y + mark.y);
    await expect(page).toHaveURL(/[#&]place=kyiv(&|$)/);
    // The guard (fixtures.ts) fails the test on any warning the map logs.
  });

  test('a one-day window whose events the map does not draw says where they are listed', async () => {
    const { page } = shared;
    // A day whose only events are listed at a seat of government or only about a place, from the data.
    const day = '2021-12-05';
    const on = story.events.filter((e) => e.date_start && e.date_start <= day && e.date_end! >= day);
    expect(on.length).toBeGreaterThan(0);
    expect(on.every((e) => e.site === 'seat' || !e.places.length)).toBe(true);
    await page.goto(`/#5/53/28&t=${day}/${day}`);
    await storyIdle(page);
    const names = [...new Set(on.flatMap((e) => (e.places.length ? e.places : e.about)))].map(
      (id) => places.features.find((f) => f.properties.place_id === id)!.properties.name,
    );
    const note = timeline(page).locator('[data-off-map]');
    await expect(note).toBeVisible();
    for (const n of names) await expect(note).toContainText(n);
  });

  test('a one-day window whose only event has no place says what it is about and that the article does not say where', async () => {
    const { page } = shared;
    // 20 January 2022: only NATO's announcement ("just days after"), about eastern Europe, placed nowhere.
    const day = '2022-01-20';
    const on = story.events.filter((e) => e.date_start && e.date_start <= day && e.date_end! >= day);
    expect(on.map((e) => e.event_id)).toEqual(['nato-standby']);
    expect(on[0].places).toEqual([]);
    await page.goto(`/#5/53/28&t=${day}/${day}`);
    await storyIdle(page);
    const note = timeline(page).locator('[data-off-map]');
    await expect(note).toHaveText('· It is not on the map: about Eastern Europe (NATO members); the article does not say where');
    // Not "listed at": nothing lists it at a place, and the place it is about is not where it happened.
    await expect(note).not.toContainText('listed at');
  });

  test('a typed date outside the story is said, not applied, and the box then shows the window applied', async () => {
    const { page } = shared;
    await page.goto('/#5/53/28');
    await storyIdle(page);
    const start = timeline(page).locator('input[data-window="start"]');
    await start.fill('2030-01-01');
    await expect(timeline(page).locator('#timeline-key')).toContainText('Not applied');
    await expect(start).toHaveAttribute('aria-invalid', 'true');
    expect(page.url()).not.toMatch(/[&#]t=/);
    await start.blur();
    await expect(start).toHaveValue('');
    await expect(timeline(page).locator('#timeline-key')).not.toContainText('Not applied');
    // And one inside is applied as before.
    await start.fill('2022-01-25');
    await expect(page).toHaveURL(/&t=2022-01-25\//);
  });

  test('a skip link, the first Tab stop, takes the keyboard to the places list', async ({ page }) => {
    await page.goto('/#5/53/28');
    // The links need the list and the map's canvas, not the map drawn.
    await expect(page.locator('nav.places li button').first()).toBeVisible();
    await expect(page.locator('.maplibregl-canvas')).toBeAttached();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to the places list' });
    await expect(skip).toBeFocused();
    const box = (await skip.boundingBox())!;
    expect(box.y, 'the focused skip link is on screen').toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Enter');
    await expect(page.locator('#places-heading')).toBeFocused();
    // The first place of the list is the next stop (Kyiv's entry took 47 presses of Tab without the link).
    await page.keyboard.press('Tab');
    await expect(page.locator('nav.places li button').first()).toBeFocused();
    expect(page.url()).not.toMatch(/#places|#map/);
    // The other link reaches the map. (Drawn first: a reload would abort the map's font and glyph requests.)
    await mapIdle(page);
    await page.reload();
    // The links need the list and the map's canvas, not the map drawn.
    await expect(page.locator('nav.places li button').first()).toBeVisible();
    await expect(page.locator('.maplibregl-canvas')).toBeAttached();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to the map' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('.maplibregl-canvas')).toBeFocused();
    // What a screen reader hears there points to the list (the embed's, which has none, says Enter).
    await expect(page.locator('.maplibregl-canvas')).toHaveAttribute('aria-label', /places are also listed in the panel/);
    // Ended with the map drawn, so no request of it is cut off by the test's end.
    await mapIdle(page);
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('the attribution is a button that covers no mark and no control', async ({ page }) => {
    await page.goto('/');
    await storyIdle(page);
    const attrib = (await page.locator('.maplibregl-ctrl-attrib').boundingBox())!;
    const canvas = (await page.locator('.maplibregl-canvas').boundingBox())!;
    expect(attrib.width, 'collapsed to its button').toBeLessThanOrEqual(32);
    expect(attrib.height).toBeLessThanOrEqual(32);
    for (const m of (await marksOnScreen(page)).filter((x) => !x.off)) {
      const [x, y] = [canvas.x + m.x, canvas.y + m.y];
      const inside =
        x >= attrib.x - 8 && x <= attrib.x + attrib.width + 8 && y >= attrib.y - 8 && y <= attrib.y + attrib.height + 8;
      expect(inside, `${m.places.join()} ${m.category} under the attribution`).toBe(false);
    }
    for (const c of await page.locator('.maplibregl-ctrl-group, .maplibregl-ctrl-scale').all()) {
      const b = (await c.boundingBox())!;
      const overlap =
        b.x < attrib.x + attrib.width && attrib.x < b.x + b.width && b.y < attrib.y + attrib.height && attrib.y < b.y + b.height;
      expect(overlap).toBe(false);
    }
    // Still there to read: its button opens it.
    await page.locator('.maplibregl-ctrl-attrib-button').click();
    await expect(page.locator('.maplibregl-ctrl-attrib-inner')).toBeVisible();
  });
});

test.describe('the text under the headline', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test("is not called a standfirst: the capture cannot tell it from the lead video's caption (issue 24.12)", async () => {
    const { page } = at1280;
    // The seed's dek stands between the headline and the video player's text: it may be either.
    const news = story.events.find((e) => e.event_id === 'news-conference')!;
    expect(news.excerpts.some((x) => x.block === 'dek')).toBe(true);
    await page.goto('/#5/53/28&place=state-department');
    await storyIdle(page);
    const entry = excerpts(page).locator('[data-event-entry="news-conference"]').first();
    await expect(entry).toContainText('From the text under the headline');
    await page.getByRole('tab', { name: 'Article' }).click();
    const dek = page.locator('section.article p.dek');
    await expect(dek).toHaveCount(1);
    await expect(dek.locator('.label')).toHaveText('Under the headline:');
    await expect(page.locator('section.article')).not.toContainText(/standfirst|subhead/i);
  });
});
