/**
 * No WebGL (an old device, a locked-down browser, a GPU blocklist): the page explains that the map cannot
 * be drawn, and everything else — places, events, excerpts, the article — still works. Its own file:
 * Playwright starts a browser per file for launch options.
 */
import type { Page } from '@playwright/test';
import { E2E_CHROMIUM_ARGS, findChromium } from '../chromium.js';
import { expect, test } from './fixtures';

test.use({
  launchOptions: {
    executablePath: findChromium() ?? undefined,
    args: [...E2E_CHROMIUM_ARGS, '--disable-webgl', '--disable-3d-apis'],
  },
});

const excerpts = (page: Page) => page.getByRole('region', { name: /Excerpts/ });

test.describe('without WebGL', () => {
  test('the page explains, and the places, excerpts and article still work', async ({ page, guard }) => {
    guard.allowConsole(/WebGL|webgl/);
    await page.goto('/');
    await expect(page.getByRole('alert')).toContainText('This device cannot draw the map');
    await page.locator('button[data-place="kyiv"]').click();
    await expect(excerpts(page)).toContainText(
      'a U.S. plane carrying military equipment and munitions landed in Kyiv on Tuesday.',
    );
    await page.getByRole('tab', { name: 'Article' }).click();
    await expect(page.locator('section.article')).toContainText('Yaroslavl region');
  });
});
