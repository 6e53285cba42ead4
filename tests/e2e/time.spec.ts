/**
 * The situation over time: a window of days from a link, the timeline's brush, its date inputs and step,
 * the window in the address and in history, undated events set apart, a reported change read as one, and
 * a filter by source. Real Chromium, the production build.
 */
import type { Locator, Page } from '@playwright/test';
import { clickAt, expect, mapIdle, onePage, test } from './fixtures';
import { buildTwoSources, serveLayers } from '../support/two-sources';

const storyIdle = (page: Page) => mapIdle(page, { source: 'story-places' });
const excerpts = (page: Page) => page.getByRole('region', { name: /Excerpts/ });
const timeline = (page: Page) => page.getByRole('region', { name: 'Time' });
const aircraftCount = (page: Page) => page.locator('label:has(input[data-category="aircraft"]) .count');

/** The x of a day's bar on the timeline, in page pixels. */
async function dayX(svg: Locator, day: string): Promise<{ x: number; y: number }> {
  const span = (await svg.getAttribute('data-span'))!.split('/');
  const box = (await svg.boundingBox())!;
  const dayNo = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
  const n = dayNo(span[1]) - dayNo(span[0]) + 1;
  const i = dayNo(day) - dayNo(span[0]);
  return { x: box.x + ((i + 0.5) * box.width) / n, y: box.y + 20 };
}

const BELARUS: [number, number] = [28.3, 52.3];

test.describe('a window of days', () => {
  test.use({ viewport: { width: 1440, height: 900 } });
  // Tests that begin with a link setting the whole view share one page; forced colours' has its own.
  const shared = onePage({ viewport: { width: 1440, height: 900 } });

  test('Tuesday 25 January: no fighter jets in Belarus and no aircraft; Wednesday 26: they are back', async () => {
    const { page } = shared;
    await page.goto('/#5/53/28&t=2022-01-25/2022-01-25');
    await storyIdle(page);
    await expect(aircraftCount(page)).toHaveText('0');
    await clickAt(page, ...BELARUS);
    await expect(excerpts(page)).not.toContainText('fighter jets');
    // Shared with Belarus selected: the place is named, its dated events of the 26th are not there.
    await page.goto('/#5/53/28&place=belarus&t=2022-01-25/2022-01-25');
    await expect(excerpts(page).locator('h3').first()).toHaveText('Belarus');
    await expect(excerpts(page)).not.toContainText('fighter jets');
    await expect(excerpts(page)).not.toContainText('Wed 26 Jan 2022');

    await page.goto('/#5/53/28&t=2022-01-26/2022-01-26');
    await storyIdle(page);
    await expect(aircraftCount(page)).toHaveText('1');
    await clickAt(page, ...BELARUS);
    await expect(excerpts(page)).toContainText('in Belarus, where it deployed fighter jets on Wednesday');
  });

  test('dragging the brush and typing the dates give the same view, and history steps through both', async () => {
    const { page } = shared;
    await page.goto('/#5/53/28');
    await storyIdle(page);
    const svg = timeline(page).locator('svg');
    const from = await dayX(svg, '2022-01-24');
    const to = await dayX(svg, '2022-01-25');
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 4 });
    await page.mouse.up();
    await expect(page).toHaveURL(/&t=2022-01-24\/2022-01-25$/);
    await expect(timeline(page).locator('input[data-window="start"]')).toHaveValue('2022-01-24');
    await expect(timeline(page).locator('input[data-window="end"]')).toHaveValue('2022-01-25');
    const dragged = {
      places: await page.locator('nav.places').innerText(),
      aircraft: await aircraftCount(page).innerText(),
    };

    // The same window typed, from a bare address: the same lists and counts.
    await page.goto('/#5/53/28');
    await storyIdle(page);
    await timeline(page).locator('input[data-window="end"]').fill('2022-01-25');
    await timeline(page).locator('input[data-window="start"]').fill('2022-01-24');
    await expect(page).toHaveURL(/&t=2022-01-24\/2022-01-25$/);
    expect(await page.locator('nav.places').innerText()).toBe(dragged.places);
    expect(await aircraftCount(page).innerText()).toBe(dragged.aircraft);

    // A step moves the window by a day; Back returns to the typed window, and Back again to no window.
    await timeline(page).getByRole('button', { name: 'Later by one day' }).click();
    await expect(page).toHaveURL(/&t=2022-01-25\/2022-01-26$/);
    await page.goBack();
    await expect(page).toHaveURL(/&t=2022-01-24\/2022-01-25$/);
    await expect(timeline(page).locator('input[data-window="start"]')).toHaveValue('2022-01-24');
    await page.goForward();
    await expect(timeline(page).locator('input[data-window="start"]')).toHaveValue('2022-01-25');
    await timeline(page).getByRole('button', { name: 'All dates' }).click();
    await expect(page).not.toHaveURL(/&t=/);
    await expect(timeline(page)).toContainText('All dates');
  });

  test('with a window set, undated events leave the map and the counts and are listed apart', async () => {
    const { page } = shared;
    await page.goto('/#4.3/50/32&t=2022-01-26/2022-01-26');
    await storyIdle(page);
    const places = page.locator('nav.places');
    await expect(places.getByRole('heading', { name: /^Date not given \(\d+\)$/ })).toBeVisible();
    await expect(places.locator('[data-undated-event="russia-denies-invasion-plans"]')).toBeVisible();
    // At a place: its undated events in a group of their own, never with a day.
    await page.goto('/#4.3/50/32&place=moscow&t=2022-01-26/2022-01-26');
    const panel = excerpts(page);
    await expect(panel.getByRole('heading', { name: 'Date not given: outside any time window' })).toBeVisible();
    // Without a window, nothing is set apart.
    await page.goto('/#4.3/50/32&place=moscow');
    await expect(panel.getByRole('heading', { name: 'Date not given: outside any time window' })).toHaveCount(0);
    await expect(places.getByRole('heading', { name: /^Date not given/ })).toHaveCount(0);
  });

  test('59 → 62 battalion tactical groups reads as a change when the window holds both dates', async () => {
    const { page } = shared;
    const zone = 'place=russia-near-ukraine-border';
    await page.goto(`/#5/50/38&${zone}&t=2022-01-17/2022-01-26`);
    await expect(excerpts(page)).toContainText('59 → 62 battalion tactical groups (Week of 17 Jan 2022 → Wed 26 Jan 2022)');
    await page.goto(`/#5/50/38&${zone}&t=2022-01-26/2022-01-26`);
    await expect(excerpts(page)).toContainText('62 Russian battalion tactical groups, up from 59 at this time last week');
    await expect(excerpts(page)).not.toContainText('59 → 62');
  });

  test('the keyboard alone steps the window and types its dates; forced colours keep the bars', async ({ page }) => {
    await page.emulateMedia({ forcedColors: 'active' });
    await page.goto('/#5/53/28&t=2022-01-24/2022-01-24');
    await storyIdle(page);
    const later = timeline(page).getByRole('button', { name: 'Later by one day' });
    await later.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/&t=2022-01-25\/2022-01-25$/);
    await page.keyboard.press('Space');
    await expect(page).toHaveURL(/&t=2022-01-26\/2022-01-26$/);
    await expect(aircraftCount(page)).toHaveText('1');
    // The typed start: Tab from the steps reaches the date inputs.
    const start = timeline(page).locator('input[data-window="start"]');
    await start.focus();
    await page.keyboard.type('01252022');
    await expect(page).toHaveURL(/&t=2022-01-25\/2022-01-26$/);
    // In forced colours the bars keep their category colours (a system colour would make them one grey).
    const fills = await timeline(page)
      .locator('svg rect[fill^="#"]')
      .evaluateAll((rects) => [...new Set(rects.map((r) => getComputedStyle(r).fill))]);
    expect(fills.length).toBeGreaterThan(3);
  });

  test('a bare #zoom/lat/lng still shows every date', async () => {
    const { page } = shared;
    await page.goto('/#5/53/28');
    await storyIdle(page);
    await expect(timeline(page)).toContainText('All dates');
    await expect(aircraftCount(page)).toHaveText('1');
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('the timeline is in the Layers tab, its steps and dates within the screen', async ({ page }) => {
    await page.goto('/#t=2022-01-25/2022-01-25');
    await page.getByRole('tab', { name: 'Layers' }).click();
    const t = timeline(page);
    await expect(t).toBeVisible();
    await expect(aircraftCount(page)).toHaveText('0');
    for (const control of [
      t.locator('svg'),
      t.locator('input[data-window="end"]'),
      t.getByRole('button', { name: 'All dates' }),
    ]) {
      const box = (await control.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
    }
    await t.getByRole('button', { name: 'Later by one day' }).tap();
    await expect(page).toHaveURL(/t=2022-01-26\/2022-01-26$/);
    await expect(aircraftCount(page)).toHaveText('1');
  });
});

test.describe('sources', () => {
  const layers = buildTwoSources();
  test.beforeEach(({ page }) => serveLayers(page, layers));

  test('the Sources panel lists each article with its events, filters by source, and opens it in the reader', async ({
    page,
  }) => {
    await page.goto('/#6/50.45/30.52&place=kyiv');
    const sources = page.getByRole('region', { name: 'Sources' });
    await expect(sources.locator('li')).toHaveCount(2);
    await expect(sources).toContainText('NBC News, 26 January 2022');
    await expect(sources).toContainText('Fixture Wire (test fixture), 27 January 2022');
    const fixtureEvent = excerpts(page).locator('[data-event-entry="fixture-convoy-kyiv"]');
    await expect(fixtureEvent).toBeVisible();

    await sources.locator('input[data-source="fixture-wire-2022-01-27"]').uncheck();
    await expect(page).toHaveURL(/&source=nbc-2022-01-26(&|$)/);
    await expect(fixtureEvent).toHaveCount(0);
    await expect(excerpts(page).locator('[data-event-entry="us-plane-kyiv"]')).toBeVisible();
    // The last source shown cannot be turned off: the map is never emptied by accident.
    await expect(sources.locator('input[data-source="nbc-2022-01-26"]')).toBeDisabled();
    await page.goBack();
    await expect(fixtureEvent).toBeVisible();

    await sources.getByRole('button', { name: /^Read Fixture Wire/ }).click();
    await expect(page.getByRole('region', { name: 'The article' }).locator('.byline')).toContainText(
      'Fixture Wire (test fixture)',
    );
  });
});
