/**
 * Reports across sources on the fixture corpus (tests/fixtures/across-sources: six short articles written
 * for the tests, from invented outlets), built through the real validator and layer build and served in
 * place of the seed's layers.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { drawnCounts, expect, onePage, test } from './fixtures';
import { buildWithFixture, serveLayers } from '../support/two-sources';

const layers = buildWithFixture(path.resolve(import.meta.dirname, '../fixtures/across-sources'), { seed: false });

test.beforeEach(({ page }) => serveLayers(page, layers));
// Tests that begin with the link of the view they need share a page, one at 1280×800 and one at 1400×900.
const shared = onePage({}, (page) => serveLayers(page, layers));
const wide = onePage({ viewport: { width: 1400, height: 900 } }, (page) => serveLayers(page, layers));

test('a group shows its sources once, a copy counted once, differing figures side by side, a denial beside', async () => {
  const { page } = shared;
  await page.goto('/#5/49/38&place=russia-near-ukraine-border');
  const panel = page.getByRole('region', { name: /Excerpts/ });
  const group = panel.locator('[data-report-group="np24-troops"]');
  // Closed, its summary says what it holds; opening it puts it in the link.
  await expect(group.locator('summary')).toHaveText(
    'Reported by 3 sources, 2 independent · Troops & deployments at Russia near the border with Ukraine · figures differ · denied',
  );
  await expect(group).not.toHaveAttribute('open');
  await group.locator('summary').click();
  await expect(page).toHaveURL(/&place=russia-near-ukraine-border&group=np24-troops$/);
  await expect(group).toContainText('Reported by 3 sources, 2 independent');
  await expect(group).toContainText(
    'Northgate Post (test fixture) and Plainsview Daily (test fixture) carry one agency story (Fixture Press Agency (test fixture): story fpa-2022-01-24-border): it counts once.',
  );
  // Each source's own words, claimant and date.
  const items = group.locator('[data-group-event]');
  await expect(items).toHaveCount(3);
  await expect(items.nth(2)).toContainText('Valley Courier (test fixture), Mon 24 Jan 2022');
  await expect(items.nth(2)).toContainText('according to a fixture U.S. official');
  await expect(items.nth(2).locator('blockquote')).toHaveText(
    'A fixture U.S. official said on Monday that about 100,000 troops were near the border.',
  );
  // The two figures, side by side in one row, neither picked.
  const table = group.locator('table.differing');
  await expect(table).toHaveCount(1);
  const figures = table.locator('td.figure');
  await expect(figures).toHaveText(['127,000 troops', 'about 100,000 troops']);
  const [a, b] = [await figures.nth(0).boundingBox(), await figures.nth(1).boundingBox()];
  expect(a && b && Math.abs(a.y - b.y) < 2 && b.x >= a.x + a.width - 1).toBe(true);
  const denial = group.locator('[data-denial="vc25-denial"]');
  await expect(denial).toContainText(
    "Denied — Russia's fixture foreign ministry, Mon 24 Jan 2022 (Valley Courier (test fixture))",
  );
  await expect(denial.locator('blockquote')).toHaveText(
    "Russia's fixture foreign ministry denied on Monday that troops were near the border.",
  );
  // A report alone in its week is not in a group.
  await expect(panel.locator('[data-report-group]')).toHaveCount(1);
});

test('an undated background sentence groups by its publication span', async () => {
  const { page } = shared;
  await page.goto('/#5/49/38&place=eastern-ukraine&group=vc17-shelling');
  const group = page.getByRole('region', { name: /Excerpts/ }).locator('[data-report-group="vc17-shelling"]');
  await expect(group).toContainText('Reported by 2 sources');
  await expect(group).not.toContainText('independent');
  await expect(group.locator('[data-group-event]')).toHaveCount(2);
  await expect(group.locator('[data-group-event="np04-background"]')).toContainText('Date not given');
});

test('a group opened by link, by any of its events; Back and Forward open and close it', async () => {
  const { page } = shared;
  // The copy's event names the group as well as the first: a rebuild that adds a report keeps the link.
  await page.goto('/#5/49/38&place=russia-near-ukraine-border&group=pd24-troops');
  const panel = page.getByRole('region', { name: /Excerpts/ });
  const group = panel.locator('[data-report-group="np24-troops"]');
  await expect(group).toHaveAttribute('open');
  await expect(group.locator('table.differing')).toBeVisible();
  // Closing it is a step in history; Back opens it again, Forward closes it.
  await group.locator('summary').click();
  await expect(page).toHaveURL(/&place=russia-near-ukraine-border$/);
  await expect(group).not.toHaveAttribute('open');
  await page.goBack();
  await expect(page).toHaveURL(/&group=pd24-troops$/);
  await expect(group).toHaveAttribute('open');
  await page.goForward();
  await expect(group).not.toHaveAttribute('open');
  // A group of an event the story does not have is named in the note and dropped from the link.
  await page.goto('/#5/49/38&place=russia-near-ukraine-border&group=no-such-event');
  await expect(page.locator('.link-note')).toHaveText(/Ignored from the link: group “no-such-event”\./);
  await expect(page).toHaveURL(/&place=russia-near-ukraine-border$/);
});

test.describe('figures over time, on a wide screen', () => {
  test.use({ viewport: { width: 1400, height: 900 } });

  test('troops near the border: every figure in the chart, the differing pair side by side, the table for screen readers', async () => {
    const { page } = wide;
    await page.goto('/#5/49/38&place=russia-near-ukraine-border');
    const figures = page.locator('[data-figures="russia-near-ukraine-border/troops"]');
    await expect(figures.locator('summary')).toHaveText(
      /Figures over time: troops at Russia near the border with Ukraine · 6 figures, one pair differs/,
    );
    await figures.locator('summary').click();
    await expect(page).toHaveURL(/&place=russia-near-ukraine-border&figures=russia-near-ukraine-border\/troops$/);
    const chart = figures.locator('svg[data-chart]');
    await expect(chart).toBeVisible();
    const marks = chart.locator('[data-mark]');
    // The agency copy is drawn once; "about 100,000" is a span, not a point.
    await expect(marks).toHaveCount(5);
    await expect(chart.locator('[data-mark="hl10-troops"]')).toHaveAttribute('data-shape', 'range');
    await expect(chart.locator('.differs')).toHaveCount(2);
    const [a, b] = [
      await chart.locator('[data-mark="np24-troops"]').boundingBox(),
      await chart.locator('[data-mark="vc25-troops"]').boundingBox(),
    ];
    // Side by side: one Monday, the two not on one another.
    expect(a && b && b.x >= a.x + 4 && Math.abs(a.x + a.width / 2 - (b.x + b.width / 2)) < 30).toBe(true);
    await expect(chart.locator('text.neq')).toHaveText('≠');
    // The table: not drawn until asked for, but what a screen reader reads.
    const table = page.getByRole('table', { name: 'troops at Russia near the border with Ukraine, every figure reported' });
    const rows = table.locator('tbody tr');
    await expect(rows).toHaveCount(6);
    expect(await figures.locator('.table-box').boundingBox()).toEqual(expect.objectContaining({ width: 1, height: 1 }));
    // Out of sight, it takes no room: the panel does not scroll sideways for it.
    const panelEl = page.getByRole('region', { name: /Excerpts/ });
    expect(await panelEl.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await expect(rows.nth(0)).toContainText('Mon 10 Jan 2022');
    await expect(rows.nth(0)).toContainText('about 100,000 troops');
    await expect(rows.nth(0)).toContainText('Harbor Ledger (test fixture)');
    await expect(rows.nth(0)).toContainText('a fixture defense official');
    await expect(table.locator('[data-point="pd24-troops"]')).toContainText(
      'The agency story Northgate Post (test fixture) carries too: counted once',
    );
    await expect(table.locator('[data-point="np24-troops"]')).toContainText(
      'Cannot both be true with about 100,000 troops (Valley Courier (test fixture), Mon 24 Jan 2022)',
    );
    await figures.getByRole('button', { name: 'Table' }).click();
    await expect(figures.getByRole('button', { name: 'Table' })).toHaveAttribute('aria-pressed', 'true');
    expect((await table.boundingBox())!.width).toBeGreaterThan(200);
  });

  test('from the keyboard, and in forced colours: the box opens, the table is shown, the marks take the system’s colours', async ({
    page,
  }) => {
    await page.emulateMedia({ forcedColors: 'active' });
    await page.goto('/#5/49/38&place=russia-near-ukraine-border');
    const figures = page.locator('[data-figures="russia-near-ukraine-border/troops"]');
    await figures.locator('summary').focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/&figures=russia-near-ukraine-border\/troops$/);
    await page.keyboard.press('Tab');
    const button = figures.getByRole('button', { name: 'Table' });
    await expect(button).toBeFocused();
    await page.keyboard.press('Space');
    await expect(button).toHaveAttribute('aria-pressed', 'true');
    expect((await figures.getByRole('table').boundingBox())!.width).toBeGreaterThan(200);
    // The dots and the differing pair's joining line are drawn in the system's text colour, not the page's own.
    const text = await page.evaluate(() => {
      const probe = document.createElement('span');
      probe.style.color = 'CanvasText';
      document.body.append(probe);
      const c = getComputedStyle(probe).color;
      probe.remove();
      return c;
    });
    const dot = figures.locator('[data-mark="vc17-troops"] circle');
    expect(await dot.evaluate((el) => getComputedStyle(el).fill)).toBe(text);
    expect(await figures.locator('line.pair').evaluate((el) => getComputedStyle(el).stroke)).toBe(text);
  });

  test('the seed: 59 across the week of 17 January, 62 on 26 January', async ({ page }) => {
    await page.unroute('**/data/layers/*');
    await page.goto('/#5/49/38&place=russia-near-ukraine-border&figures=russia-near-ukraine-border/battalion-tactical-groups');
    const figures = page.locator('[data-figures="russia-near-ukraine-border/battalion-tactical-groups"]');
    await expect(figures).toHaveAttribute('open');
    const week = figures.locator('[data-mark="battalion-tactical-groups:earlier"]');
    const day = figures.locator('[data-mark="battalion-tactical-groups"]');
    await expect(week).toHaveAttribute('data-shape', 'window');
    await expect(day).toHaveAttribute('data-shape', 'dot');
    const [w, d] = [await week.boundingBox(), await day.boundingBox()];
    // Seven days against one: the week's bar is several times the day's dot, and ends before it.
    expect(w && d && w.width > 3 * d.width && w.x + w.width < d.x).toBe(true);
    await expect(figures.locator('[data-mark] text')).toHaveText(['59', '62']);
    const rows = figures.locator('tbody tr');
    await expect(rows.nth(0)).toContainText('Week of 17 Jan 2022');
    await expect(rows.nth(0)).toContainText('59 battalion tactical groups');
    await expect(rows.nth(0)).toContainText('The earlier figure the article compares with');
    await expect(rows.nth(1)).toContainText('Wed 26 Jan 2022');
    await expect(rows.nth(1)).toContainText('62 Russian battalion tactical groups');
    // Closing it, and Back.
    await figures.locator('summary').click();
    await expect(page).toHaveURL(/&place=russia-near-ukraine-border$/);
    await page.goBack();
    await expect(figures).toHaveAttribute('open');
  });
});

test.describe('figures over time, on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  for (const [name, link, rows] of [
    ['the seed', 'russia-near-ukraine-border/battalion-tactical-groups', 2],
    ['the fixture corpus', 'russia-near-ukraine-border/troops', 6],
  ] as const) {
    test(`a table, no chart: ${name}`, async ({ page }) => {
      if (name === 'the seed') await page.unroute('**/data/layers/*');
      await page.goto(`/#5/49/38&place=russia-near-ukraine-border&figures=${link}`);
      const figures = page.locator(`[data-figures="${link}"]`);
      await expect(figures).toHaveAttribute('open');
      await figures.scrollIntoViewIfNeeded();
      await expect(figures.locator('svg[data-chart]')).toBeHidden();
      const table = figures.getByRole('table');
      await expect(table).toBeVisible();
      await expect(table.locator('tbody tr')).toHaveCount(rows);
      // Whole within the screen: no column runs off it.
      const box = (await table.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
    });
  }
});

/** The story's places the map shows as off in the view (their feature-state), by id; null before they are on it. */
async function placesOff(page: Page): Promise<string[] | null> {
  return page.evaluate(() => {
    type M = {
      querySourceFeatures(id: string): { id?: string | number; properties: Record<string, unknown> }[];
      getFeatureState(f: { source: string; id: string | number }): Record<string, unknown>;
    };
    const m = (window as unknown as { situationMap?: M }).situationMap;
    // The map is made once the story has come (MapView storyPending).
    if (!m) return null;
    const features = m.querySourceFeatures('story-places');
    if (!features.length) return null;
    const off = features
      .filter((f) => f.id !== undefined && m.getFeatureState({ source: 'story-places', id: f.id }).off)
      .map((f) => String(f.properties.place_id));
    return [...new Set(off)].sort();
  });
}

test.describe('who says it', () => {
  test.use({ viewport: { width: 1400, height: 900 } });

  test('the claimant filter changes the map and the counts; a link restores it; Back and Forward step', async () => {
    const { page } = wide;
    await page.goto('/#5/49/38');
    // On a machine shared with other work the first load can be slow: wait for the story's places.
    await expect.poll(() => placesOff(page), { timeout: 60_000 }).not.toBeNull();
    const filter = page.getByRole('region', { name: 'Who says it' });
    const count = (side: string) => filter.locator(`[data-side-count="${side}"]`);
    // Written down from the corpus's claimants maps: the article's own voice is the media's.
    const expected = {
      russia: '1 event',
      ukraine: '3 events',
      us: '2 events',
      nato: '2 events',
      'other-government': '0 events',
      media: '2 events',
    };
    for (const [side, text] of Object.entries(expected)) await expect(count(side)).toHaveText(text);
    await expect(filter.locator('[data-side="unknown"]')).toHaveCount(0);
    await expect.poll(() => placesOff(page)).toEqual([]);
    const sourceCount = page
      .getByRole('region', { name: 'Sources' })
      .locator('li', { hasText: 'Northgate Post (test fixture), 4 February 2022' })
      .locator('.count');
    await expect(sourceCount).toHaveText('2 events');

    // The outlets' own reporting off: the shelling sentences' place leaves the map, and the counts follow.
    await filter.locator('input[data-side="media"]').uncheck();
    await expect(page).toHaveURL(/&claimant=russia,ukraine,us,nato,other-government$/);
    await expect.poll(() => placesOff(page)).toEqual(['eastern-ukraine']);
    await expect(sourceCount).toHaveText('1 event');
    // A side's own count stays: the filter does not count itself away.
    await expect(count('media')).toHaveText('2 events');

    // Only Russia: the denial alone, at Moscow.
    for (const side of ['ukraine', 'us', 'nato', 'other-government'])
      await filter.locator(`input[data-side="${side}"]`).uncheck();
    await expect(page).toHaveURL(/&claimant=russia$/);
    await expect.poll(() => placesOff(page)).toEqual(['eastern-ukraine', 'russia-near-ukraine-border', 'ukraine']);
    await expect(filter.locator('input[data-side="russia"]')).toBeDisabled();

    // Back steps through each change, Forward returns.
    await page.goBack();
    await expect(page).toHaveURL(/&claimant=russia,other-government$/);
    for (let i = 0; i < 3; i++) await page.goBack();
    await expect(page).toHaveURL(/&claimant=russia,ukraine,us,nato,other-government$/);
    await expect.poll(() => placesOff(page)).toEqual(['eastern-ukraine']);
    await page.goBack();
    await expect(page).toHaveURL(/#5\/49\/38$/);
    await expect.poll(() => placesOff(page)).toEqual([]);
    await expect(filter.locator('input[data-side="media"]')).toBeChecked();
    await page.goForward();
    await expect(filter.locator('input[data-side="media"]')).not.toBeChecked();
    await expect.poll(() => placesOff(page)).toEqual(['eastern-ukraine']);
  });

  test('a link opens with its sides, and a side it does not know is named in the note', async () => {
    const { page } = wide;
    await page.goto('/#5/49/38&claimant=martians,russia&place=moscow');
    await expect.poll(() => placesOff(page), { timeout: 60_000 }).not.toBeNull();
    await expect(page.locator('.link-note')).toHaveText(/Ignored from the link: claimant “martians”\./);
    await expect(page).toHaveURL(/#5\/49\/38&place=moscow&claimant=russia$/);
    const filter = page.getByRole('region', { name: 'Who says it' });
    await expect(filter.locator('input[data-side="russia"]')).toBeChecked();
    await expect(filter.locator('input[data-side="us"]')).not.toBeChecked();
    await expect.poll(() => placesOff(page)).toEqual(['eastern-ukraine', 'russia-near-ukraine-border', 'ukraine']);
    await expect(page.getByRole('region', { name: /Excerpts/ }).locator('[data-event-entry="vc25-denial"]')).toBeVisible();
    await filter.getByRole('button', { name: 'Show every side' }).click();
    await expect(page).toHaveURL(/#5\/49\/38&place=moscow$/);
    await expect.poll(() => placesOff(page)).toEqual([]);
  });
});

test.describe('the count of sources on the map', () => {
  test.use({ viewport: { width: 1400, height: 900 } });

  test('each place with several independent sources shows their number; the claimant filter changes it', async () => {
    const { page } = wide;
    await page.goto('/#5/49/38&place=russia-near-ukraine-border');
    // The border: six articles, one agency story carried twice (once); the east: two outlets' shelling.
    await expect
      .poll(() => drawnCounts(page), { timeout: 60_000 })
      .toEqual({ 'russia-near-ukraine-border': '5', 'eastern-ukraine': '2' });
    const key = page.locator('[data-legend="sources"]');
    await expect(key).toContainText('Several sources: the number of independent sources');
    const here = page.getByRole('region', { name: /Excerpts/ }).locator('[data-sources-here]');
    await expect(here).toHaveText('Reported by 5 independent sources');
    // A click on the east's count chooses the east, as a click on its marks would.
    const at = await page.evaluate(() => {
      type M = {
        queryRenderedFeatures(o: {
          layers: string[];
        }): { geometry: { coordinates: [number, number] }; properties: Record<string, unknown> }[];
        project(p: [number, number]): { x: number; y: number };
        getCanvas(): HTMLCanvasElement;
      };
      const m = (window as unknown as { situationMap: M }).situationMap;
      const f = m
        .queryRenderedFeatures({ layers: ['story-source-counts'] })
        .find((x) => x.properties.place_ids === 'eastern-ukraine')!;
      const p = m.project(f.geometry.coordinates);
      const box = m.getCanvas().getBoundingClientRect();
      return { x: box.left + p.x + Number(f.properties.dx), y: box.top + p.y + Number(f.properties.dy) };
    });
    await page.mouse.click(at.x, at.y);
    await expect(page).toHaveURL(/&place=eastern-ukraine$/);
    await expect(here).toHaveText('Reported by 2 independent sources');

    // Ukraine's ministry (the agency story) and the U.S.'s officials: three sources; the outlets' own
    // reporting off, the east has none.
    await page.goto('/#5/49/38&place=russia-near-ukraine-border&claimant=ukraine,us');
    await expect.poll(() => drawnCounts(page), { timeout: 60_000 }).toEqual({ 'russia-near-ukraine-border': '3' });
    await expect(here).toHaveText('Reported by 3 independent sources');
    const filter = page.getByRole('region', { name: 'Who says it' });
    await filter.locator('input[data-side="nato"]').check();
    await expect.poll(() => drawnCounts(page)).toEqual({ 'russia-near-ukraine-border': '5' });
    await expect(here).toHaveText('Reported by 5 independent sources');
    // Ukraine's ministry alone: two outlets carrying one agency story are one source, and no count is drawn.
    await page.goto('/#5/49/38&place=russia-near-ukraine-border&claimant=ukraine');
    await expect.poll(() => drawnCounts(page), { timeout: 60_000 }).toEqual({});
    await expect(key).toHaveCount(0);
    await expect(here).toHaveCount(0);
  });

  test('the seed, one article, shows no count and no key', async ({ page }) => {
    await page.unroute('**/data/layers/*');
    await page.goto('/#5/49/38');
    await expect(page.getByRole('banner')).toContainText('serious diplomatic path forward');
    await expect.poll(() => placesOff(page), { timeout: 60_000 }).not.toBeNull();
    await expect.poll(() => drawnCounts(page)).toEqual({});
    await expect(page.locator('[data-legend="sources"]')).toHaveCount(0);
  });

  test('the key reads in forced colours: the disc in the system’s text colour, the number in its background’s', async ({
    page,
  }) => {
    await page.emulateMedia({ forcedColors: 'active' });
    await page.goto('/#5/49/38');
    const disc = page.locator('[data-legend="sources"] .key.badge');
    await expect(disc).toHaveText('3');
    const [canvasText, canvas] = await page.evaluate(() =>
      ['CanvasText', 'Canvas'].map((c) => {
        const probe = document.createElement('span');
        probe.style.color = c;
        document.body.append(probe);
        const value = getComputedStyle(probe).color;
        probe.remove();
        return value;
      }),
    );
    expect(canvasText).not.toBe(canvas);
    expect(await disc.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(canvasText);
    expect(await disc.evaluate((el) => getComputedStyle(el).color)).toBe(canvas);
  });
});

test('a link with a group alone opens its place and the group; Back and Forward still step', async () => {
  const { page } = shared;
  await page.goto('/#5/49/38&group=vc25-troops');
  // The place is that of the event named: the link is put in its whole form, without a step in history.
  await expect(page).toHaveURL(/#5\/49\/38&place=russia-near-ukraine-border&group=vc25-troops$/);
  const group = page.getByRole('region', { name: /Excerpts/ }).locator('[data-report-group="np24-troops"]');
  await expect(group).toHaveAttribute('open');
  await expect(page.getByRole('heading', { name: 'Russia near the border with Ukraine', level: 3 })).toBeVisible();
  await group.locator('summary').click();
  await expect(page).toHaveURL(/&place=russia-near-ukraine-border$/);
  await page.goBack();
  await expect(page).toHaveURL(/&group=vc25-troops$/);
  await expect(group).toHaveAttribute('open');
  await page.goForward();
  await expect(group).not.toHaveAttribute('open');
  // Typed into the address bar of an open page, the same.
  await page.evaluate(() => (location.hash = '#5/49/38&group=vc17-shelling'));
  await expect(page).toHaveURL(/&place=eastern-ukraine&group=vc17-shelling$/);
  await expect(page.locator('[data-report-group="vc17-shelling"]')).toHaveAttribute('open');
});

test('a report at a place within another joins its group: shelling in Ukraine with the east’s', async () => {
  const { page } = shared;
  // The east alone: its own two reports, as before.
  await page.goto('/#5/49/38&place=eastern-ukraine&group=vc17-shelling');
  const panel = page.getByRole('region', { name: /Excerpts/ });
  await expect(panel.locator('[data-report-group="vc17-shelling"] [data-group-event]')).toHaveCount(2);
  // With Ukraine chosen too, the report there (Harbor Ledger, 10 January) is of the same thing.
  await page.goto('/#5/49/38&place=ukraine,eastern-ukraine&group=vc17-shelling');
  const group = panel.locator('[data-report-group="hl10-shelling"]');
  await expect(group).toHaveAttribute('open');
  await expect(group.locator('summary')).toHaveText('Reported by 3 sources · Conflict at Eastern Ukraine, Ukraine');
  await expect(group.locator('[data-group-event]')).toHaveCount(3);
  await expect(group.locator('[data-group-event="hl10-shelling"]')).toContainText(
    'Harbor Ledger (test fixture), Mon 10 Jan 2022',
  );
  await expect(panel.locator('[data-report-group]')).toHaveCount(1);
});
