/**
 * Reports across sources on the fixture corpus (tests/fixtures/across-sources: six short articles written
 * for the tests, from invented outlets), built through the real validator and layer build and served in
 * place of the seed's layers.
 */
import path from 'node:path';
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
