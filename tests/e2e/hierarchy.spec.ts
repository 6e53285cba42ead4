/**
 * The map read at a glance: each category drawn as its own shape, every category at a place shown; the
 * story's labels where they belong (a region's inside it, never over another label or a mark, never set
 * beside a city's dot as if naming it); hover and selection visible on the faintest places; the phone's
 * first view holding the story's precise places whole. Real Chromium, the production build; the checks
 * read where MapLibre placed each symbol (its collision boxes, sampled on a grid of the canvas) and the
 * pixels it drew, not only what is in the DOM.
 */
import type { Page } from '@playwright/test';
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Map as MaplibreMap } from 'maplibre-gl';
import { THEATRE } from '../../src/basemap/theatre';
import { expect, mapIdle, onePage, test } from './fixtures';
import { shoot } from './pixels';
import { seedLayers } from '../support/seed';

type MapWindow = { situationMap: MaplibreMap };

const layersDir = seedLayers();
const story = JSON.parse(readFileSync(path.join(layersDir, 'story.json'), 'utf8')) as {
  events: { event_id: string; category: string; site: string; places: string[] }[];
};
const places = JSON.parse(readFileSync(path.join(layersDir, 'places.geojson'), 'utf8')) as {
  features: (Feature<Polygon | MultiPolygon | { type: 'Point'; coordinates: [number, number] }> & {
    properties: { place_id: string; location_precision: string; label_lng: number; label_lat: number };
  })[];
};
const place = (id: string) => places.features.find((f) => f.properties.place_id === id)!;

/** The categories the catalogue marks at each place: its events that happened or were said there. */
const categoriesAt = new Map<string, Set<string>>();
for (const e of story.events)
  if (e.site !== 'seat')
    for (const p of e.places) {
      if (!categoriesAt.has(p)) categoriesAt.set(p, new Set());
      categoriesAt.get(p)!.add(e.category);
    }

async function storyIdle(page: Page) {
  await mapIdle(page, { source: 'story-places' });
}

interface Hit {
  /** "label:<place>", "mark:<place place…>:<category>", or "dot:<name>" for a basemap place's label. */
  key: string;
  x: number;
  y: number;
  lng: number;
  lat: number;
}

/**
 * Where the map placed its symbols: every `step` pixels of the canvas, the story's labels and marks
 * (and the basemap's place labels) whose collision box covers that pixel. Marks that are off are left out.
 */
async function symbolCells(page: Page, step = 5): Promise<{ width: number; height: number; hits: Hit[] }> {
  return page.evaluate((s) => {
    const m = (window as unknown as MapWindow).situationMap;
    const [width, height] = [m.getCanvas().clientWidth, m.getCanvas().clientHeight];
    const hits: Hit[] = [];
    // Every `s` pixels, and the last column and row: a box that runs off the canvas covers them.
    const along = (n: number) => [...Array(Math.ceil(n / s)).keys()].map((i) => i * s).concat(n - 1);
    for (const x of along(width))
      for (const y of along(height)) {
        const at = m.queryRenderedFeatures([x, y], { layers: ['story-labels', 'story-marks', 'places', 'places-story'] });
        if (at.length === 0) continue;
        const { lng, lat } = m.unproject([x, y]);
        for (const f of at) {
          if (f.state.off) continue;
          const p = f.properties;
          const key =
            f.layer.id === 'story-labels'
              ? `label:${p.place_id}`
              : f.layer.id === 'story-marks'
                ? `mark:${p.place_ids}:${p.category}`
                : `dot:${p.name}`;
          if (f.layer.id === 'story-labels' && !p.text) continue;
          hits.push({ key, x, y, lng, lat });
        }
      }
    return { width, height, hits };
  }, step);
}

/** The cells each symbol covers, by key. */
function byKey(hits: Hit[]): Map<string, Hit[]> {
  const out = new Map<string, Hit[]>();
  for (const h of hits) {
    if (!out.has(h.key)) out.set(h.key, []);
    out.get(h.key)!.push(h);
  }
  return out;
}

/** Where the story's marks sit on the screen: each mark's point, moved by its offset. */
async function markPositions(page: Page): Promise<{ places: string[]; category: string; x: number; y: number; off: boolean }[]> {
  return page.evaluate(() => {
    const m = (window as unknown as MapWindow).situationMap;
    return m.querySourceFeatures('story-marks').map((f) => {
      const [lng, lat] = (f.geometry as unknown as { coordinates: [number, number] }).coordinates;
      const p = m.project([lng, lat]);
      const offset = (
        typeof f.properties.offset === 'string' ? JSON.parse(f.properties.offset) : f.properties.offset
      ) as number[];
      const state = m.getFeatureState({ source: 'story-marks', id: f.id! });
      return {
        places: String(f.properties.place_ids).split(' '),
        category: String(f.properties.category),
        x: p.x + offset[0],
        y: p.y + offset[1],
        off: !!state.off,
      };
    });
  });
}

test.describe('categories as shapes', () => {
  test.use({ viewport: { width: 1600, height: 900 } });
  // One page: each test sets its view by a link ('/#' is the first view, as Back returns to it).
  const shared = onePage({ viewport: { width: 1600, height: 900 } });

  test('every category at a place has its mark; a toggle takes away only its own', async () => {
    const { page } = shared;
    // Washington to the Arctic.
    await page.goto('/#2.3/48/-20');
    await storyIdle(page);
    const shown = async () => {
      const at = new Map<string, Set<string>>();
      for (const mark of await markPositions(page))
        if (!mark.off)
          for (const p of mark.places)
            if (categoriesAt.get(p)?.has(mark.category)) {
              if (!at.has(p)) at.set(p, new Set());
              at.get(p)!.add(mark.category);
            }
      return Object.fromEntries([...at].map(([p, cs]) => [p, [...cs].sort()]).sort());
    };
    const expected = (hidden: string) =>
      Object.fromEntries(
        [...categoriesAt]
          .map(([p, cs]) => [p, [...cs].filter((c) => c !== hidden).sort()] as const)
          .filter(([, cs]) => cs.length > 0)
          .sort(),
      );
    expect(await shown()).toEqual(expected(''));
    // Several categories at one place, each its own mark: Belarus has troops, drills and aircraft.
    expect(expected('').belarus.length).toBeGreaterThan(2);
    await page.locator('input[data-category="aircraft"]').uncheck();
    await storyIdle(page);
    expect(await shown()).toEqual(expected('aircraft'));
  });

  test("a click on a mark opens the place it stands for, and the mark's category is among its events", async () => {
    const { page } = shared;
    await page.goto('/#');
    await storyIdle(page);
    const marks = await markPositions(page);
    const aircraft = marks.find((m) => m.category === 'aircraft' && m.places.includes('belarus'))!;
    expect(aircraft, 'the aircraft mark at Belarus').toBeTruthy();
    const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
    await page.mouse.click(box.x + aircraft.x, box.y + aircraft.y);
    const excerpts = page.getByRole('region', { name: /Excerpts/ });
    await expect(excerpts.getByRole('heading', { name: 'Belarus', exact: true })).toBeVisible();
    const jets = story.events.find((e) => e.category === 'aircraft' && e.places.includes('belarus'))!;
    await expect(excerpts.locator(`[data-event-entry="${jets.event_id}"]`)).toBeVisible();
  });
});

// One page at 1280×800 for the labels' and the selections' tests: each sets its view by a link ('/#' is
// the first view, as Back returns to it).
const at1280 = onePage({ viewport: { width: 1280, height: 800 } });

test.describe('labels where they belong', () => {
  test.use({ viewport: { width: 1280, height: 800 } });
  const shared = at1280;

  test("the near-border zone's label lies over Russia; no story label covers another, or a mark", async () => {
    const { page } = shared;
    await page.goto('/#');
    await storyIdle(page);
    const cells = byKey((await symbolCells(page)).hits);
    const zone = cells.get('label:russia-near-ukraine-border') ?? [];
    expect(zone.length, "the zone's label is drawn").toBeGreaterThan(20);
    const russia = place('russia') as Feature<Polygon | MultiPolygon>;
    const over = zone.filter((c) => booleanPointInPolygon([c.lng, c.lat], russia)).length;
    expect(over / zone.length, 'share of the label over Russia').toBeGreaterThan(0.9);
    // No cell is covered by a story label and anything else of the story's: another label or a mark.
    const owner = new Map<string, string[]>();
    for (const [key, list] of cells) {
      if (key.startsWith('dot:')) continue;
      for (const c of list) owner.set(`${c.x},${c.y}`, [...(owner.get(`${c.x},${c.y}`) ?? []), key]);
    }
    for (const [at, keys] of owner)
      if (keys.some((k) => k.startsWith('label:'))) expect(keys, `story symbols over each other at ${at}`).toHaveLength(1);
  });

  test("a region's name is not set beside a city's dot, and the city keeps its own name", async () => {
    const { page } = shared;
    await page.goto('/#');
    await storyIdle(page);
    const cells = byKey((await symbolCells(page, 4)).hits);
    const dots = await page.evaluate(() => {
      const m = (window as unknown as MapWindow).situationMap;
      return m.queryRenderedFeatures({ layers: ['places-dot', 'story-points'] }).map((f) => {
        const p = m.project((f.geometry as unknown as { coordinates: [number, number] }).coordinates);
        return { name: String(f.properties.name ?? f.properties.place_id), x: p.x, y: p.y };
      });
    });
    expect(dots.length).toBeGreaterThan(5);
    const areas = places.features.filter((f) => f.geometry.type !== 'Point').map((f) => f.properties.place_id);
    let checked = 0;
    for (const id of areas) {
      const label = cells.get(`label:${id}`);
      if (!label) continue;
      checked++;
      const [x0, x1] = [Math.min(...label.map((c) => c.x)) - 4, Math.max(...label.map((c) => c.x)) + 4];
      const [y0, y1] = [Math.min(...label.map((c) => c.y)) - 4, Math.max(...label.map((c) => c.y)) + 4];
      const beside = dots.filter((d) => d.x >= x0 && d.x <= x1 && d.y >= y0 && d.y <= y1).map((d) => d.name);
      expect(beside, `dots in or at the edge of the label of ${id}`).toEqual([]);
    }
    expect(checked, 'area labels drawn at the first view').toBeGreaterThan(2);
    expect([...cells.keys()]).toContain('dot:Rostov-on-Don');
  });
});

test.describe('hover and selection on every precision', () => {
  test.use({ viewport: { width: 1280, height: 800 } });
  // Each selection test sets the whole view by its link, the one before's selection included.
  const shared = at1280;

  /** Pixels of the map that differ (summed RGB difference over 60) between two shots of it. */
  const changed = (a: Awaited<ReturnType<typeof shoot>>, b: Awaited<ReturnType<typeof shoot>>) => {
    let n = 0;
    for (let i = 0; i < a.width * a.height; i++) {
      const d = [0, 1, 2].reduce((s, k) => s + Math.abs(a.data[i * 4 + k] - b.data[i * 4 + k]), 0);
      if (d > 60) n++;
    }
    return n;
  };

  for (const id of ['kyiv', 'rostov-region', 'russia-near-ukraine-border', 'belarus', 'european-union']) {
    test(`${id}: selected, it stands out on the canvas`, async () => {
      const { page } = shared;
      const view = '#4.3/50/32';
      await page.goto(`/${view}`);
      await storyIdle(page);
      const canvas = (await page.locator('.maplibregl-canvas').boundingBox())!;
      const before = await shoot(page, canvas);
      await page.goto(`/${view}&place=${id}`);
      await expect(
        page
          .getByRole('region', { name: /Excerpts/ })
          .locator('h3')
          .first(),
      ).toBeVisible();
      await storyIdle(page);
      // Selection is drawn a frame after the panel (MapView): wait for its state.
      await page.waitForFunction((p) => {
        const m = (window as unknown as MapWindow).situationMap;
        const f = m.querySourceFeatures('story-places').find((x) => x.properties.place_id === p);
        return !!f && !!m.getFeatureState({ source: 'story-places', id: f.id! }).selected;
      }, id);
      await storyIdle(page);
      const after = await shoot(page, canvas);
      expect(changed(before, after), `pixels changed by selecting ${id}`).toBeGreaterThan(150);
    });
  }

  test('a hovered mark is edged more strongly', async () => {
    const { page } = shared;
    await page.goto('/#');
    await storyIdle(page);
    const mark = (await markPositions(page)).find((m) => m.places.includes('belarus') && m.category === 'troops')!;
    const canvas = (await page.locator('.maplibregl-canvas').boundingBox())!;
    const around = { x: canvas.x + mark.x - 14, y: canvas.y + mark.y - 14, width: 28, height: 28 };
    const before = await shoot(page, around);
    await page.mouse.move(canvas.x + mark.x, canvas.y + mark.y);
    await page.waitForFunction(() => {
      const m = (window as unknown as MapWindow).situationMap;
      return m.getCanvas().style.cursor === 'pointer';
    });
    await storyIdle(page);
    expect(changed(before, await shoot(page, around)), 'pixels around the mark that changed').toBeGreaterThan(20);
  });
});

test.describe("the phone's first view", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('holds every precise place of the theatre, its marks and its label whole, without a pan', async ({ page }) => {
    await page.goto('/');
    await storyIdle(page);
    const [[w, s], [e, n]] = THEATRE;
    const precise = places.features
      .filter((f) => ['exact', 'city', 'region'].includes(f.properties.location_precision))
      .filter((f) => {
        const { label_lng: lng, label_lat: lat } = f.properties;
        return lng >= w && lng <= e && lat >= s && lat <= n;
      })
      .map((f) => f.properties.place_id);
    expect(precise.length).toBeGreaterThan(2);
    const { width, height, hits } = await symbolCells(page, 3);
    const cells = byKey(hits);
    const marks = await markPositions(page);
    for (const id of precise) {
      for (const m of marks.filter((x) => x.places.includes(id))) {
        expect(m.x, `${id}'s ${m.category} mark inside the map`).toBeGreaterThan(8);
        expect(m.x).toBeLessThan(width - 8);
        expect(m.y).toBeGreaterThan(8);
        expect(m.y).toBeLessThan(height - 8);
      }
    }
    // No label of theirs runs off the map: none covers the outermost columns or rows. (A vague zone whose
    // point lies outside the first view, "Eastern Europe", starts off it, as any label panned away does.)
    for (const [key, list] of cells) {
      if (!precise.some((id) => key === `label:${id}`)) continue;
      const edge = list.filter((c) => c.x === 0 || c.x === width - 1 || c.y === 0 || c.y === height - 1);
      expect(edge, `${key} cut at the edge of the map`).toEqual([]);
    }
  });
});
