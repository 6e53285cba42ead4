/**
 * Many reports on one map, each event credited to its own source: the seed article and a short fixture
 * article written for the tests (tests/fixtures/second-source) are built together through the real
 * validator and layer build, and served in place of the seed's layers.
 */
import { expect, test } from './fixtures';
import { buildTwoSources, serveLayers } from '../support/two-sources';

const layers = buildTwoSources();

test.beforeEach(({ page }) => serveLayers(page, layers));

test('each event is credited to its own source, in the Excerpts panel and the reader', async ({ page }) => {
  await page.goto('/#6/50.45/30.52&place=kyiv');
  await expect(page.locator('header')).toContainText('2 articles: NBC News, Fixture Wire (test fixture)');
  const panel = page.getByRole('region', { name: /Excerpts/ });
  const fixture = panel.locator('[data-event-entry="fixture-convoy-kyiv"]');
  const seed = panel.locator('[data-event-entry="us-plane-kyiv"]');
  await expect(fixture).toContainText('Reported — according to a fixture official');
  await expect(fixture).toContainText('From Fixture Wire (test fixture), Thu 27 Jan 2022');
  await expect(seed).toContainText('Reported by NBC News');
  await expect(seed).toContainText('From NBC News, Wed 26 Jan 2022');
  await expect(seed).not.toContainText('Fixture Wire');

  // "Show in article" opens the article the excerpt comes from, at that passage.
  await fixture.getByRole('button', { name: /^Show in article/ }).click();
  const article = page.getByRole('region', { name: 'The article' });
  await expect(article.locator('.byline')).toContainText('Fixture Wire (test fixture)');
  await expect(article.getByRole('button', { name: /Fixture Wire/, pressed: true })).toBeVisible();
  await expect(article.locator('mark.active')).toContainText('the Fixture Wire test convoy reached Kyiv');
  // And the reader switches between the articles.
  await article.getByRole('button', { name: /^NBC News/ }).click();
  await expect(article.locator('.byline')).toContainText('NBC News');
  await expect(article).toContainText('a U.S. plane carrying military equipment and munitions landed in Kyiv');
  await expect(article).not.toContainText('Fixture Wire test convoy');
});
