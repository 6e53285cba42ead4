/**
 * Play steps the time window a day a second: the whole run is one step of history, so Back returns to
 * the window Play started from, not to the day before the last. Real Chromium, the production build.
 */
import type { Page } from '@playwright/test';
import { expect, mapIdle, test } from './fixtures';

const timeline = (page: Page) => page.getByRole('region', { name: 'Time' });
const day = (iso: string, offset: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);

test.use({ viewport: { width: 1440, height: 900 } });

test('a Play of three days is one Back step', async ({ page }) => {
  await page.goto('/#5/53/28');
  await mapIdle(page, { source: 'story-places' });
  const last = (await timeline(page).locator('svg').getAttribute('data-span'))!.split('/')[1];
  const from = day(last, -3);
  await timeline(page).locator('input[data-window="end"]').fill(from);
  await timeline(page).locator('input[data-window="start"]').fill(from);
  await expect(page).toHaveURL(new RegExp(`&t=${from}/${from}$`));
  const before = await page.evaluate(() => history.length);

  await timeline(page).getByRole('button', { name: /^Play/ }).click();
  await expect(page).toHaveURL(new RegExp(`&t=${last}/${last}$`), { timeout: 10_000 });
  await expect(timeline(page).getByRole('button', { name: /^Play/ })).toBeVisible();
  expect(await page.evaluate(() => history.length)).toBe(before + 1);

  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`&t=${from}/${from}$`));
});
