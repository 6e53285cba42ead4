/**
 * Reports across sources on the fixture corpus (tests/fixtures/across-sources: six short articles written
 * for the tests, from invented outlets), built through the real validator and layer build and served in
 * place of the seed's layers.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { buildWithFixture, serveLayers } from './two-sources';

const layers = buildWithFixture(path.resolve(import.meta.dirname, '../fixtures/across-sources'), { seed: false });

test.beforeEach(({ page }) => serveLayers(page, layers));

test('a group shows its sources once, a copy counted once, differing figures side by side, a denial beside', async ({ page }) => {
  await page.goto('/#5/49/38&place=russia-near-ukraine-border');
  const panel = page.getByRole('region', { name: /Excerpts/ });
  const group = panel.locator('[data-report-group="np24-troops"]');
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

test('an undated background sentence groups by its publication span', async ({ page }) => {
  await page.goto('/#5/49/38&place=eastern-ukraine');
  const group = page.getByRole('region', { name: /Excerpts/ }).locator('[data-report-group="vc17-shelling"]');
  await expect(group).toContainText('Reported by 2 sources');
  await expect(group).not.toContainText('independent');
  await expect(group.locator('[data-group-event]')).toHaveCount(2);
  await expect(group.locator('[data-group-event="np04-background"]')).toContainText('Date not given');
});

/** The story's places the map shows as off in the view (their feature-state), by id; null before they are on it. */
async function placesOff(page: Page): Promise<string[] | null> {
  return page.evaluate(() => {
    type M = {
      querySourceFeatures(id: string): { id?: string | number; properties: Record<string, unknown> }[];
      getFeatureState(f: { source: string; id: string | number }): Record<string, unknown>;
    };
    const m = (window as unknown as { situationMap: M }).situationMap;
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

  test('the claimant filter changes the map and the counts; a link restores it; Back and Forward step', async ({ page }) => {
    await page.goto('/#5/49/38');
    // On a machine shared with other work the first load can be slow: wait for the story's places.
    await expect.poll(() => placesOff(page), { timeout: 60_000 }).not.toBeNull();
    const filter = page.getByRole('region', { name: 'Who says it' });
    const count = (side: string) => filter.locator(`[data-side-count="${side}"]`);
    // Written down from the corpus's claimants maps: the article's own voice is the media's.
    const expected = {
      russia: '1 event',
      ukraine: '2 events',
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
    await expect.poll(() => placesOff(page)).toEqual(['eastern-ukraine', 'russia-near-ukraine-border']);
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

  test('a link opens with its sides, and a side it does not know is named in the note', async ({ page }) => {
    await page.goto('/#5/49/38&claimant=martians,russia&place=moscow');
    await expect.poll(() => placesOff(page), { timeout: 60_000 }).not.toBeNull();
    await expect(page.locator('.link-note')).toHaveText(/Ignored from the link: claimant “martians”\./);
    await expect(page).toHaveURL(/#5\/49\/38&place=moscow&claimant=russia$/);
    const filter = page.getByRole('region', { name: 'Who says it' });
    await expect(filter.locator('input[data-side="russia"]')).toBeChecked();
    await expect(filter.locator('input[data-side="us"]')).not.toBeChecked();
    await expect.poll(() => placesOff(page)).toEqual(['eastern-ukraine', 'russia-near-ukraine-border']);
    await expect(page.getByRole('region', { name: /Excerpts/ }).locator('[data-event-entry="vc25-denial"]')).toBeVisible();
    await filter.getByRole('button', { name: 'Show every side' }).click();
    await expect(page).toHaveURL(/#5\/49\/38&place=moscow$/);
    await expect.poll(() => placesOff(page)).toEqual([]);
  });
});
