/**
 * Links, loading and the article: a bare address keeps its toggles and selections in the URL and in
 * history; a link with duplicates, unknown ids or garbage is cleaned and the reader told; the page says it
 * is loading (and, without JavaScript, that it needs it); `?data=` is not honoured by the production
 * build; the header links to the original article without ever requesting it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { camera, expect, mapIdle, test } from './fixtures';
import { seedLayers } from '../support/seed';

const seed = JSON.parse(readFileSync(path.join(seedLayers(), 'story.json'), 'utf8')) as {
  sources: { title: string; publisher: string }[];
};
const TITLE = seed.sources[0].title;

const hash = (page: Page) => page.evaluate(() => location.hash);
const historyLength = (page: Page) => page.evaluate(() => history.length);
const excerpts = (page: Page) => page.getByRole('region', { name: /Excerpts/ });
const storyIdle = (page: Page) => mapIdle(page, { source: 'story-places' });

/**
 * A toggle, then a place chosen from the list: two history entries, each undone by Back, from the first
 * view, in the same document; Forward redoes both.
 */
async function toggleAndSelectThroughHistory(page: Page) {
  await page.goto('/');
  await storyIdle(page);
  // Set in this document: still there after Back means Back did not leave it.
  await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
  const start = await historyLength(page);
  // The first view, as the address says it (the map may have written its camera there) and as drawn.
  const first = await hash(page);
  expect(first).not.toMatch(/hide=|place=/);
  const firstZoom = (await camera(page)).zoom;
  const troops = page.locator('input[data-category="troops"]');
  const kyiv = page.locator('button[data-place="kyiv"]');

  await troops.uncheck();
  await expect.poll(() => hash(page)).toMatch(/[#&]hide=troops(&|$)/);
  await kyiv.click();
  await expect.poll(() => hash(page)).toMatch(/[#&]hide=troops&place=kyiv(&|$)/);
  expect(await historyLength(page)).toBe(start + 2);

  await page.goBack();
  await expect(kyiv).toHaveAttribute('aria-pressed', 'false');
  await expect(troops).not.toBeChecked();
  expect(await hash(page)).not.toContain('place=');

  // Back from the first change: the initial view, in the same document.
  await page.goBack();
  await expect(troops).toBeChecked();
  expect(await hash(page)).toBe(first);
  expect(new URL(page.url()).pathname).toBe('/');
  // The list's selection flew the map to Kyiv; Back returned it to the first view.
  await expect.poll(async () => (await camera(page)).zoom).toBeCloseTo(firstZoom, 1);
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);

  await page.goForward();
  await expect(troops).not.toBeChecked();
  await expect(kyiv).toHaveAttribute('aria-pressed', 'false');
  await page.goForward();
  await expect(kyiv).toHaveAttribute('aria-pressed', 'true');
  await expect(excerpts(page).locator('h3')).toHaveText(['Kyiv']);
  await expect(troops).not.toBeChecked();
}

test.describe('links from a bare address', () => {
  test('a toggle and a selection reach the URL and history; back and forward follow; back stays in the app', async ({ page }) =>
    toggleAndSelectThroughHistory(page));
});

test.describe('links from a bare address, with reduced motion', () => {
  // The map jumps to a chosen place instead of flying: the camera's move comes before the selection
  // reaches the address, and must not take the toggle's history entry for the selection.
  test.use({ reducedMotion: 'reduce' });
  test('a toggle and a selection reach the URL and history; back and forward follow; back stays in the app', async ({ page }) =>
    toggleAndSelectThroughHistory(page));
});

test.describe('links from a bare address, on a device without WebGL', () => {
  // No map, so never a camera to write: the view alone must reach the address and history.
  test.beforeEach(async ({ page, guard }) => {
    guard.allowConsole(/WebGL|webgl/);
    await page.addInitScript(() => {
      const getContext = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, id: string, ...rest: unknown[]) {
        return /webgl/i.test(id) ? null : (getContext as (...a: unknown[]) => RenderingContext | null).call(this, id, ...rest);
      } as typeof getContext;
    });
  });

  test('a toggle and a selection reach the URL and history; back and forward follow; back stays in the app', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('alert')).toContainText('This device cannot draw the map');
    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
    const start = await historyLength(page);
    const troops = page.locator('input[data-category="troops"]');
    const kyiv = page.locator('button[data-place="kyiv"]');

    await troops.uncheck();
    await expect.poll(() => hash(page)).toBe('#hide=troops');
    await kyiv.click();
    await expect.poll(() => hash(page)).toBe('#hide=troops&place=kyiv');
    expect(await historyLength(page)).toBe(start + 2);

    await page.goBack();
    await expect(kyiv).toHaveAttribute('aria-pressed', 'false');
    await expect(troops).not.toBeChecked();
    await page.goBack();
    await expect(troops).toBeChecked();
    expect(page.url()).toMatch(/\/$/);
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);

    await page.goForward();
    await page.goForward();
    await expect(kyiv).toHaveAttribute('aria-pressed', 'true');
    await expect(troops).not.toBeChecked();
    await expect(excerpts(page).locator('h3')).toHaveText(['Kyiv']);
  });
});

test.describe('a link with duplicates, unknown ids and garbage', () => {
  test('the Excerpts panel works, the address is made canonical, and the reader is told what was ignored', async ({ page }) => {
    await page.goto('/#5/50/30&place=kyiv,kyiv,nowhere&hide=troops,weather&foo=bar');
    const note = page.locator('.link-note');
    await expect(note).toHaveText(/Ignored from the link: layer “weather”, “foo=bar”, place “nowhere”\./);
    await expect(note).toBeVisible();
    // Announced: the note is inside a status region (implicitly aria-live polite) that was there before it.
    await expect(page.getByRole('status').filter({ has: note })).toHaveCount(1);
    await expect.poll(() => hash(page)).toBe('#5/50/30&hide=troops&place=kyiv');
    await expect(excerpts(page).locator('h3')).toHaveText(['Kyiv']);
    // Replaced, not pushed: Back leaves the page rather than returning to the uncleaned link.
    expect(await historyLength(page)).toBe(2);

    await note.getByRole('button', { name: 'Dismiss' }).click();
    await expect(note).toHaveCount(0);
  });

  test('a clean link says nothing and keeps its address', async ({ page }) => {
    await page.goto('/#5/50/30&hide=troops&place=kyiv');
    await storyIdle(page);
    await expect(excerpts(page).locator('h3')).toHaveText(['Kyiv']);
    await expect(page.locator('.link-note')).toHaveCount(0);
    expect(await hash(page)).toBe('#5/50/30&hide=troops&place=kyiv');
  });

  test('an unknown event is dropped once the story is loaded, the places kept', async ({ page }) => {
    await page.goto('/#place=kyiv&event=no-such-event');
    await expect(page.locator('.link-note')).toHaveText(/^Ignored from the link: event “no-such-event”\. Dismiss$/);
    await expect.poll(() => hash(page)).toMatch(/^#(?:[\d.]+\/[\d.-]+\/[\d.-]+&)?place=kyiv$/);
  });
});

test.describe('loading', () => {
  test('the page says it is loading while the story is on its way, then says no more', async ({ page }) => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/data/layers/story.json', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto('/');
    const loading = page.getByRole('status').filter({ hasText: 'Loading the map and the story…' });
    await expect(loading).toBeVisible();
    // Nothing animates while it loads: an animation has the compositor draw the page at every display
    // frame, which without a GPU is drawn on the CPU beside the map's own first frames (status.css).
    expect(await page.evaluate(() => document.getAnimations().map((a) => String(a.id || a.constructor.name)))).toEqual([]);
    release();
    await expect(loading).toHaveCount(0);
    await expect(page.locator('header')).toContainText(TITLE);
  });

  test('the served page says it is loading before any script runs, and has a noscript message', async ({ page }) => {
    const html = await (await page.request.get('/')).text();
    expect(html).toMatch(/<p class="boot" role="status">Loading the map and the story…<\/p>/);
    expect(html).toMatch(/<noscript>[\s\S]*needs JavaScript[\s\S]*<\/noscript>/);
    // The strict CSP allows no inline style or script: none in the page.
    expect(html).not.toMatch(/\sstyle=|<style|<script(?![^>]*\bsrc=)/);
  });

  test('without JavaScript the page says what it needs, and does not claim to be loading', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
    try {
      const page = await context.newPage();
      await page.goto('/');
      // (Playwright's text selectors skip <noscript>: the element itself is looked at.)
      const message = page.locator('p.noscript');
      await expect(message).toBeVisible();
      await expect(message).toContainText('Situation Map needs JavaScript');
      await expect(page.getByText('Loading the map and the story…')).toBeHidden();
    } finally {
      await context.close();
    }
  });
});

test.describe('where the story comes from', () => {
  test('the production build ignores ?data=: the seed story shows and the folder is never asked for', async ({ page }) => {
    const asked: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/anything/')) asked.push(r.url());
    });
    await page.goto('/?data=/anything/');
    await expect(page.locator('header')).toContainText(TITLE);
    await storyIdle(page);
    expect(asked).toEqual([]);
  });
});

test.describe('the original article', () => {
  /** The seed's own source record, as built: the link must be the one the catalogue gives. */
  const ARTICLE = (
    JSON.parse(readFileSync(path.join(seedLayers(), 'story.json'), 'utf8')) as {
      sources: { url: string }[];
    }
  ).sources[0].url;

  /** The seed story with its source's URL set to `url`. */
  async function withSourceUrl(page: Page, url: string) {
    await page.route('**/data/layers/story.json', async (route) => {
      const response = await route.fetch();
      const json = (await response.json()) as { sources: { url?: string }[] };
      json.sources[0].url = url;
      await route.fulfill({ response, json });
    });
  }

  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ]) {
    test(`the header links to it in a new tab, and nothing asks for it before a click (${viewport.width} px)`, async ({
      page,
    }) => {
      await page.setViewportSize(viewport);
      const requested: string[] = [];
      page.on('request', (r) => {
        if (new URL(r.url()).hostname.endsWith('nbcnews.com')) requested.push(r.url());
      });
      expect(ARTICLE).toMatch(/^https:\/\/www\.nbcnews\.com\//);
      await page.goto('/');
      const link = page.locator('header').getByRole('link', { name: /article|U\.S\. offers Russia/i });
      await expect(link).toHaveAttribute('href', ARTICLE);
      await expect(link).toHaveAttribute('target', '_blank');
      await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
      await expect(link).toBeVisible();
      await expect(link).toHaveAccessibleName(/opens in a new tab/);
      await storyIdle(page);
      expect(requested).toEqual([]);
    });
  }

  test('a source URL that is not http(s) is never a link', async ({ page }) => {
    await withSourceUrl(page, 'javascript:alert(1)');
    await page.goto('/');
    await expect(page.locator('header')).toContainText(TITLE);
    await expect(page.locator('header a')).toHaveCount(0);
  });
});
