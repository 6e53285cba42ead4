/**
 * Drafts on the map as drafts (issue 27, point 5): the seed and the second-source fixture article, the
 * fixture published unreviewed (its events file says `"review": "draft"`, as the editor's unreviewed
 * publish writes it), built through the real validator and layer build and served in place of the seed's
 * layers. A place only drafts show is drawn apart (a dashed ring round its dot and marks); a place with
 * reviewed events too is drawn as those and says how many drafts it has; the legend names the mark only
 * when the story has a draft; a filter leaves the drafts out, in the link, with Back and Forward, its counts
 * following. Real Chromium, the production build.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, mapIdle, onePage, test } from './fixtures';
import { near, parseColour, shoot, type Pixels, type RGB } from './pixels';
import { buildWithFixture, serveLayers } from '../support/two-sources';
import { defaultTheme } from '../../src/map/theme';
import { parseHex } from '../../src/map/patterns';

const DRAFT = 'fixture-wire-2022-01-27';
const layers = buildWithFixture(path.resolve(import.meta.dirname, '../fixtures/second-source'), { drafts: [DRAFT] });
/** Kyiv, where the seed's reviewed events and the draft's one event are. */
const KYIV: [number, number] = [30.5234, 50.4501];

const excerpts = (page: Page) => page.getByRole('region', { name: /Excerpts/ });
const timeline = (page: Page) => page.getByRole('region', { name: 'Time' });
const draftsFilter = (page: Page) => page.locator('input[data-drafts]');
const categoryCount = (page: Page, c: string) => page.locator(`label:has([data-category="${c}"]) .count`);

async function shownOfAll(page: Page): Promise<[number, number]> {
  const text = (await timeline(page).textContent()) ?? '';
  const m = /(\d+) of (\d+) events shown/.exec(text);
  expect(m, `the timeline says how many events are shown: ${text}`).toBeTruthy();
  return [Number(m![1]), Number(m![2])];
}

/** Kyiv's dot's state, and its marks' (category → state), as the map has them. */
async function kyivOnMap(page: Page) {
  return page.evaluate(() => {
    const m = window.situationMap as unknown as {
      querySourceFeatures(id: string): { id?: number; properties: Record<string, unknown> }[];
      getFeatureState(f: { source: string; id: number }): Record<string, unknown>;
    };
    const place = m.querySourceFeatures('story-places').find((f) => f.properties.place_id === 'kyiv')!;
    // A state never set is false (MapView sets only what differs from that).
    const flags = (s: Record<string, unknown>) => ({ off: !!s.off, draft: !!s.draft, plan: !!s.plan });
    const marks: Record<string, { off: boolean; draft: boolean; plan: boolean }> = {};
    for (const f of m.querySourceFeatures('story-marks'))
      if (String(f.properties.place_ids).split(' ').includes('kyiv'))
        marks[String(f.properties.category)] = flags(m.getFeatureState({ source: 'story-marks', id: f.id! }));
    return { place: flags(m.getFeatureState({ source: 'story-places', id: place.id! })), marks };
  });
}

/**
 * Dark pixels (the dashes are the marks' edge colour, edged in white) in a ring round Kyiv's dot, where a
 * draft's dashes are (radius 8 px), left and right of it only: its marks are above it and its name below.
 */
async function ringInk(page: Page): Promise<number> {
  const dot = await page.evaluate((at) => window.situationMap!.project(at), KYIV);
  const canvas = (await page.locator('.maplibregl-canvas').boundingBox())!;
  const R = 11;
  const px: Pixels = await shoot(page, { x: canvas.x + dot.x - R, y: canvas.y + dot.y - R, width: 2 * R + 1, height: 2 * R + 1 });
  const edge = parseHex(defaultTheme.basemap.markEdge);
  // Darker than halfway from the land to the edge colour: the dashes, antialiased, and nothing of the land.
  const dark = (i: number) =>
    px.data[i * 4] + px.data[i * 4 + 1] + px.data[i * 4 + 2] < (edge[0] + edge[1] + edge[2] + 3 * 235) / 2;
  let n = 0;
  for (let y = -R; y <= R; y++)
    for (let x = -R; x <= R; x++) {
      const r = Math.hypot(x, y);
      if (r < 6.8 || r > 10 || Math.abs(x) < Math.abs(y)) continue;
      if (dark((y + R) * (2 * R + 1) + (x + R))) n++;
    }
  return n;
}

test.describe('a story with a draft published unreviewed', () => {
  test.beforeEach(({ page }) => serveLayers(page, layers));
  // The two tests that begin with a link share one page.
  const shared = onePage({}, (page) => serveLayers(page, layers));

  test('a place only drafts show is ringed in dashes, dot and mark; with reviewed events too it is drawn as those', async () => {
    const { page } = shared;
    // All of Kyiv's events: the seed's reviewed ones decide how it is drawn; the panel counts the draft.
    // Not selected while its pixels are read: a selected dot is edged in the text colour.
    await page.goto(`/#7/${KYIV[1]}/${KYIV[0]}`);
    await mapIdle(page, { source: 'story-places' });
    const mixed = await kyivOnMap(page);
    expect(mixed.place.draft, 'Kyiv, with reviewed events, is not a draft').toBe(false);
    expect(Object.values(mixed.marks).some((s) => s.draft)).toBe(false);
    const reviewedInk = await ringInk(page);
    await page.goto(`/#7/${KYIV[1]}/${KYIV[0]}&place=kyiv`);
    await expect(excerpts(page).locator('[data-drafts-here]')).toHaveText(/^1 draft, not reviewed, among its \d+ events/);

    // The draft's source alone: Kyiv's only visible event is the draft's.
    await page.goto(`/#7/${KYIV[1]}/${KYIV[0]}&source=${DRAFT}`);
    await mapIdle(page, { source: 'story-places' });
    const draft = await kyivOnMap(page);
    expect(draft.place.draft, 'Kyiv with only the draft visible is a draft').toBe(true);
    expect(draft.marks['military-aid']).toMatchObject({ off: false, draft: true });
    // Drawn so: the dashes round the dot, in the marks' edge colour, where the reviewed dot has none.
    const draftInk = await ringInk(page);
    expect(draftInk, `dashes round a draft's dot (${draftInk} px) against a reviewed dot (${reviewedInk} px)`).toBeGreaterThan(
      reviewedInk + 12,
    );
    await page.goto(`/#7/${KYIV[1]}/${KYIV[0]}&source=${DRAFT}&place=kyiv`);
    await expect(excerpts(page).locator('[data-drafts-here]')).toHaveText('Its one event is a draft, not reviewed.');
  });

  test('the legend names the draft mark; the filter leaves the drafts out, its counts follow, in the link, Back and Forward', async () => {
    const { page } = shared;
    await page.goto('/#5/50/30&place=kyiv');
    await mapIdle(page, { source: 'story-places' });
    const legend = page.locator('.layers [data-legend="draft"]');
    await expect(legend).toContainText('Draft, not reviewed');
    await expect(draftsFilter(page)).toBeChecked();
    await expect(page.locator('.drafts-filter .count')).toHaveText('1');
    await expect(categoryCount(page, 'military-aid')).toHaveText('2');
    const [shown, all] = await shownOfAll(page);
    expect(shown).toBe(all);
    await expect(excerpts(page).locator('[data-event-entry="fixture-convoy-kyiv"]')).toBeVisible();

    await draftsFilter(page).uncheck();
    await expect(page).toHaveURL(/&drafts=hide/);
    await expect(categoryCount(page, 'military-aid')).toHaveText('1');
    expect(await shownOfAll(page)).toEqual([shown - 1, all]);
    // The filter's own count says what it would show.
    await expect(page.locator('.drafts-filter .count')).toHaveText('1');
    await expect(excerpts(page).locator('[data-event-entry="fixture-convoy-kyiv"]')).toHaveCount(0);
    await expect(excerpts(page).locator('[data-drafts-here]')).toHaveCount(0);
    const sources = page.getByRole('region', { name: 'Sources' });
    await expect(sources.getByRole('listitem').filter({ hasText: 'Fixture Wire' }).locator('.count')).toHaveText('0 events');
    const hidden = await kyivOnMap(page);
    expect(hidden.marks['military-aid'], 'the reviewed aid still marks Kyiv').toMatchObject({ off: false, draft: false });

    await page.goBack();
    await expect(draftsFilter(page)).toBeChecked();
    await expect(page).not.toHaveURL(/drafts=hide/);
    await expect(categoryCount(page, 'military-aid')).toHaveText('2');
    await page.goForward();
    await expect(draftsFilter(page)).not.toBeChecked();
    await expect(categoryCount(page, 'military-aid')).toHaveText('1');

    // A link with the filter opens with it.
    const link = page.url();
    const other = await page.context().newPage();
    await serveLayers(other, layers);
    await other.goto(link);
    await expect(draftsFilter(other)).not.toBeChecked();
    await expect(categoryCount(other, 'military-aid')).toHaveText('1');
    await expect(excerpts(other).locator('[data-event-entry="fixture-convoy-kyiv"]')).toHaveCount(0);
    await other.close();
  });

  test("forced colours keep the legend's draft entry: its dashed ring and hatching in the system's text colour", async ({
    page,
  }) => {
    await page.goto('/#5/50/30');
    const legend = page.locator('.layers [data-legend="draft"]');
    for (const forcedColors of ['none', 'active'] as const) {
      await page.emulateMedia({ forcedColors });
      await expect(legend).toBeVisible();
      const look = await legend.evaluate((li) => {
        const s = (sel: string) => getComputedStyle(li.querySelector(sel)!);
        return {
          ring: s('.key.draft-dot').borderTopStyle,
          ringColour: s('.key.draft-dot').borderTopColor,
          hatch: s('.key.draft-area').backgroundImage,
          panel: getComputedStyle(li.closest('aside, .sheet')!).backgroundColor,
        };
      });
      expect(look.ring, forcedColors).toBe('dashed');
      expect(parseColour(look.ringColour).rgb, forcedColors).not.toEqual(parseColour(look.panel).rgb);
      expect(look.hatch, forcedColors).toContain('repeating-linear-gradient');
      // Painted: the ring's pixels differ from the panel's.
      await legend.scrollIntoViewIfNeeded();
      const box = (await legend.locator('.key.draft-dot').boundingBox())!;
      const px = await shoot(page, box);
      const ground = parseColour(look.panel).rgb as RGB;
      let ink = 0;
      for (let i = 0; i < px.width * px.height; i++) if (!near(px, i, ground, 60)) ink++;
      expect(ink, `${forcedColors}: the draft key is painted`).toBeGreaterThan((px.width * px.height) / 5);
    }
  });
});

test('the seed alone, all reviewed: no draft entry in the legend, no drafts filter', async ({ page }) => {
  await page.goto('/#5/50/30');
  await mapIdle(page, { source: 'story-places' });
  await expect(page.locator('.layers [data-legend="planned"]')).toBeVisible();
  await expect(page.locator('.layers [data-legend="draft"]')).toHaveCount(0);
  await expect(draftsFilter(page)).toHaveCount(0);
});
