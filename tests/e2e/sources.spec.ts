/**
 * Many reports on one map, each event credited to its own source: the seed article and a short fixture
 * article written for the tests (tests/fixtures/second-source) are built together through the real
 * validator and layer build, and served in place of the seed's layers.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildLayers } from '../../src/layers/build';
import { defaultFolders, loadInputs } from '../../src/layers/inputs';
import { expect, test } from './fixtures';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURE = path.join(ROOT, 'tests/fixtures/second-source');

/** The two-source story's layers, built once: file name → text. */
function buildTwoSources(): Map<string, string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'two-sources-'));
  try {
    for (const sub of ['sources', 'catalogue']) {
      cpSync(path.join(ROOT, 'geodata', sub), path.join(dir, sub), { recursive: true });
      cpSync(path.join(FIXTURE, sub), path.join(dir, sub), { recursive: true });
    }
    const folders = { ...defaultFolders(ROOT), sources: path.join(dir, 'sources'), catalogue: path.join(dir, 'catalogue') };
    const { input, errors } = loadInputs(folders);
    if (!input || errors.length) throw new Error(`the two-source catalogue did not load: ${JSON.stringify(errors)}`);
    const result = buildLayers(input);
    if (!result.ok) throw new Error(`the two-source catalogue did not build: ${JSON.stringify(result.errors)}`);
    return result.files;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const layers = buildTwoSources();

test.beforeEach(async ({ page }) => {
  await page.route('**/data/layers/*', (route) => {
    const name = path.posix.basename(new URL(route.request().url()).pathname);
    const text = layers.get(name);
    return text === undefined ? route.fallback() : route.fulfill({ body: text, contentType: 'application/json' });
  });
});

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
