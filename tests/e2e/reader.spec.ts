/**
 * The article reader as it is drawn: highlighted passages read as continuous text, tinted on every line;
 * a passage quoted by several events reaches each of them; "Show in article" says which passage and takes
 * the focus there; and forced colours (high contrast) keep swatches, legend symbols and highlights.
 * Real Chromium, the production build; the checks look at line boxes, computed styles and painted pixels.
 * Nothing here names an event or its title: passages and events are found in the page and in story.json.
 */
import type { Locator, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, mapIdle, onePage, test } from './fixtures';
import { commonest, near, parseColour, shareNear, shoot, type Box, type RGB } from './pixels';
import type { Category } from '../../src/catalogue/vocabulary';
import { parseHex } from '../../src/map/patterns';
import { defaultTheme } from '../../src/map/theme';
import { seedLayers } from '../support/seed';

const THEME = defaultTheme.categories;
const hexRgb = (hex: string): RGB => parseHex(hex);

const story = JSON.parse(readFileSync(path.join(seedLayers(), 'story.json'), 'utf8')) as {
  events: { event_id: string; places: string[]; source_id: string; excerpts: { start: number; end: number; text: string }[] }[];
  sources: { id: string }[];
};

// ---- The reader ----------------------------------------------------------------------------------------

const article = (page: Page) => page.locator('section.article');
const excerpts = (page: Page) => page.getByRole('region', { name: /Excerpts/ });
/** The event's entry in the excerpts, marked as the chosen one (an event may be listed at two places). */
const chosen = (page: Page, id: string) => excerpts(page).locator(`[data-event-entry="${id}"].current`).first();

async function openArticle(page: Page) {
  // Screenshots wait for the map's frames: let it settle first.
  await mapIdle(page, { source: 'story-places' });
  await page.getByRole('tab', { name: 'Article' }).click();
  await expect(article(page).locator('mark').first()).toBeVisible();
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/**
 * What is wrong with the highlights' layout, in words (empty when nothing is): each highlight is an inline
 * box, one line box per line of its text, each line of its text inside one of them; and a paragraph breaks a
 * line between two pieces of text only where the next word would not have fit.
 */
async function layoutProblems(page: Page): Promise<string[]> {
  return article(page).evaluate((root) => {
    const problems: string[] = [];
    const quote = (s: string | null) => JSON.stringify((s ?? '').trim().slice(0, 40));
    const textRects = (n: Node) => {
      const r = document.createRange();
      r.selectNodeContents(n);
      return [...r.getClientRects()].filter((q) => q.width >= 1);
    };
    for (const mark of root.querySelectorAll('mark')) {
      const style = getComputedStyle(mark);
      const oneLine = parseFloat(style.fontSize) * 1.8;
      if (style.display !== 'inline') problems.push(`${quote(mark.textContent)}: the highlight is display ${style.display}`);
      const boxes = [...mark.getClientRects()];
      for (const el of [mark, ...mark.querySelectorAll('*')])
        for (const q of el.getClientRects())
          if (q.height > oneLine)
            problems.push(`${quote(mark.textContent)}: a ${el.localName} box ${Math.round(q.height)}px tall spans several lines`);
      const walker = document.createTreeWalker(mark, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode())
        for (const q of textRects(n)) {
          const [cx, cy] = [q.x + q.width / 2, q.y + q.height / 2];
          if (!boxes.some((b) => cx >= b.left - 1 && cx <= b.right + 1 && cy >= b.top - 1 && cy <= b.bottom + 1))
            problems.push(`${quote(n.textContent)}: a line of the passage is outside every line box of its highlight`);
        }
    }
    for (const block of root.querySelectorAll('.paragraph, .dek, .caption, .headline')) {
      const bs = getComputedStyle(block);
      const right = block.getBoundingClientRect().right - parseFloat(bs.paddingRight) - parseFloat(bs.borderRightWidth);
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      let prev: DOMRect | null = null;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const rects = textRects(n);
        if (!rects.length) continue;
        const text = n.textContent ?? '';
        const word = /^\s*\S+/.exec(text);
        if (prev && word && rects[0].top > prev.top + prev.height / 2) {
          const r = document.createRange();
          r.setStart(n, word[0].length - word[0].trimStart().length);
          r.setEnd(n, word[0].length);
          let width = r.getBoundingClientRect().width;
          // A space before the word, which a line break swallows, would be on the line before it too.
          if (/^\s/.test(text)) {
            const gap = text.indexOf(' ', word[0].length);
            const space = document.createRange();
            if (gap >= 0) {
              space.setStart(n, gap);
              space.setEnd(n, gap + 1);
            }
            const measured = gap >= 0 ? space.getBoundingClientRect().width : 0;
            width += measured > 0 ? measured : parseFloat(bs.fontSize) / 3;
          }
          if (prev.right + width < right - 1)
            problems.push(`${quote(text)} starts a new line though ${quote(word[0])} would fit after the text before it`);
        }
        prev = rects[rects.length - 1];
      }
    }
    return problems;
  });
}

interface Fragment {
  key: string;
  text: string;
  box: Box;
  tint: string;
}

/** The element that scrolls the article: the side panel on a desktop, the bottom sheet on a phone. */
async function scrollerOf(page: Page): Promise<Locator> {
  const handle = await article(page).evaluateHandle((el) => {
    for (let p = el.parentElement; p; p = p.parentElement)
      if (/(auto|scroll)/.test(getComputedStyle(p).overflowY) && p.scrollHeight > p.clientHeight) return p;
    throw new Error('the article has no scrolling panel');
  });
  const cls = await handle.evaluate((el) => el.className.split(' ')[0]);
  return page.locator(`.${cls}`).filter({ has: article(page) });
}

/**
 * Scrolls through the article and screenshots what is shown; for each line of each highlighted passage,
 * the share of its pixels painted in its highlight's computed background. Every line is measured once.
 */
async function tintPerLine(page: Page): Promise<Map<string, { text: string; share: number; tint: string }>> {
  const scroller = await scrollerOf(page);
  const seen = new Map<string, { text: string; share: number; tint: string }>();
  const total = await article(page).evaluate((root) =>
    [...root.querySelectorAll('mark')].reduce((n, m) => {
      const walker = document.createTreeWalker(m, NodeFilter.SHOW_TEXT);
      for (let t = walker.nextNode(); t; t = walker.nextNode()) {
        const r = document.createRange();
        r.selectNodeContents(t);
        n += [...r.getClientRects()].filter((q) => q.width >= 3).length;
      }
      return n;
    }, 0),
  );
  expect(total, 'highlighted lines').toBeGreaterThan(10);
  for (let top = 0; ;) {
    const view = await scroller.evaluate(async (el, y) => {
      el.scrollTop = y;
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const box = el.getBoundingClientRect();
      // The tabs stick to the top of the panel, over the text scrolled under them.
      const tabs = el.querySelector('[role="tablist"]')?.getBoundingClientRect();
      const visible = { x: box.x, y: Math.max(box.y, tabs?.bottom ?? box.y), right: box.x + el.clientWidth, bottom: box.bottom };
      const fragments: {
        key: string;
        text: string;
        box: { x: number; y: number; width: number; height: number };
        tint: string;
      }[] = [];
      el.querySelectorAll('section.article mark').forEach((m, i) => {
        const tint = getComputedStyle(m).backgroundColor;
        const walker = document.createTreeWalker(m, NodeFilter.SHOW_TEXT);
        let j = 0;
        for (let t = walker.nextNode(); t; t = walker.nextNode(), j++) {
          const r = document.createRange();
          r.selectNodeContents(t);
          [...r.getClientRects()]
            .filter((q) => q.width >= 3)
            .forEach((q, k) => {
              if (q.top >= visible.y && q.bottom <= visible.bottom && q.left >= visible.x && q.right <= visible.right)
                fragments.push({
                  key: `${i}:${j}:${k}`,
                  text: t.textContent ?? '',
                  box: { x: q.x, y: q.y, width: q.width, height: q.height },
                  tint,
                });
            });
        }
      });
      const atEnd = el.scrollTop + el.clientHeight >= el.scrollHeight - 1;
      return { scrollTop: el.scrollTop, visible, fragments, atEnd, step: visible.bottom - visible.y - 40 };
    }, top);
    const clip = {
      x: view.visible.x,
      y: view.visible.y,
      width: view.visible.right - view.visible.x,
      height: view.visible.bottom - view.visible.y,
    };
    const px = await shoot(page, clip);
    for (const f of view.fragments as Fragment[]) {
      if (seen.has(f.key)) continue;
      const box = { ...f.box, x: f.box.x - clip.x, y: f.box.y - clip.y };
      seen.set(f.key, { text: f.text, share: shareNear(px, box, parseColour(f.tint).rgb), tint: f.tint });
    }
    if (view.atEnd || seen.size === total) break;
    top = view.scrollTop + view.step;
  }
  expect(seen.size, 'every highlighted line was on screen once').toBe(total);
  return seen;
}

for (const device of [
  { name: 'desktop', use: { viewport: { width: 1280, height: 800 } } },
  { name: 'phone', use: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } },
]) {
  test.describe(`the article reader on a ${device.name}`, () => {
    test.use(device.use);
    // One page: each test returns it to the first view by a link ('/#'), as Back does, then opens the article.
    const reader = onePage(device.use);

    test('every highlighted passage is inline, continuous text, tinted on every line', async () => {
      const { page } = reader;
      await page.goto('/#');
      await openArticle(page);
      expect.soft(await layoutProblems(page), 'highlights laid out as continuous text').toEqual([]);
      const behind = await article(page).evaluate((el) => {
        for (let p: Element | null = el; p; p = p.parentElement) {
          const c = getComputedStyle(p).backgroundColor;
          if (c !== 'rgba(0, 0, 0, 0)') return c;
        }
        return 'rgb(255, 255, 255)';
      });
      const lines = await tintPerLine(page);
      const untinted = [...lines.values()].filter((l) => l.tint === behind || parseColour(l.tint).alpha === 0 || l.share < 0.35);
      expect(
        untinted.map((l) => `${JSON.stringify(l.text.slice(0, 40))}: ${Math.round(l.share * 100)}% of ${l.tint}`),
        'lines of highlighted passages not painted in their tint',
      ).toEqual([]);
    });

    test('a passage quoted by several events reaches each of them', async () => {
      const { page } = reader;
      await page.goto('/#');
      await openArticle(page);
      const shared = article(page).locator('mark:has(.passage[data-events*=" "])');
      const n = await shared.count();
      expect(n, 'passages quoted by more than one event').toBeGreaterThan(0);
      // Every one on a desktop, where the list of places beside the map shows the chosen event; on a
      // phone, where each choice changes panel, the first.
      for (let i = 0; i < (device.name === 'desktop' ? n : 1); i++) {
        const passage = shared.nth(i).locator('.passage');
        const ids = (await passage.getAttribute('data-events'))!.split(' ');
        for (const id of ids) {
          const choice = article(page).locator(`[data-choice-event="${id}"]`);
          // The map is still flying to the previous choice, and on a busy machine a click can land while the
          // panel scrolls the passage back into view: click again until the list is open (never once open).
          await expect(async () => {
            if (!(await choice.isVisible())) await passage.click();
            await expect(choice, `the passage offers ${id}`).toBeVisible({ timeout: 3000 });
          }).toPass({ timeout: 30_000 });
          await choice.click();
          if (device.name === 'phone') {
            await expect(chosen(page, id)).toBeVisible();
            await openArticle(page);
            continue;
          }
          // The choice closes, and the focus goes back to the passage.
          await expect(choice).toHaveCount(0);
          await expect(passage).toBeFocused();
          // The list of places lists an event at its places; one the article gives no place for is
          // reached through what it is about, in the Excerpts panel.
          const placed = story.events.find((e) => e.event_id === id)!.places.length > 0;
          if (placed)
            await expect(page.locator(`aside.left button[data-event="${id}"][aria-pressed="true"]`).first()).toBeVisible();
          if (i === 0 || !placed) {
            await page.getByRole('tab', { name: 'Excerpts' }).click();
            await expect(chosen(page, id)).toBeVisible();
            await openArticle(page);
          }
        }
      }
    });

    test('the keyboard opens a shared passage, chooses an event, and Escape closes the choice', async () => {
      const { page } = reader;
      await page.goto('/#');
      await openArticle(page);
      const passage = article(page).locator('.passage[data-events*=" "]').first();
      const ids = (await passage.getAttribute('data-events'))!.split(' ');
      await passage.focus();
      await page.keyboard.press('Enter');
      const choices = article(page).locator('[data-choice-event]');
      await expect(choices).toHaveCount(ids.length);
      await expect(choices.first()).toBeFocused();
      await page.keyboard.press('Escape');
      await expect(choices).toHaveCount(0);
      await expect(passage).toBeFocused();
      await page.keyboard.press(' ');
      await expect(choices.first()).toBeFocused();
      await page.keyboard.press('Tab');
      await expect(choices.nth(1)).toBeFocused();
      await page.keyboard.press('Enter');
      if (device.name === 'desktop') {
        await expect(passage).toBeFocused();
        await page.getByRole('tab', { name: 'Excerpts' }).click();
      }
      await expect(chosen(page, ids[1])).toBeVisible();
    });
  });
}

/** A place with several quoted events of the article, and the excerpts of its events, from story.json. */
function busyPlace() {
  const source = story.sources[0].id;
  const count = new Map<string, number>();
  for (const e of story.events)
    if (e.source_id === source && e.excerpts.length) for (const p of e.places) count.set(p, (count.get(p) ?? 0) + 1);
  const [place] = [...count].sort((a, b) => b[1] - a[1])[0];
  return place;
}

test.describe('Show in article', () => {
  test.use({ viewport: { width: 1280, height: 800 } });
  // One page: each test returns it to the first view by a link ('/#'), as Back does, then chooses a place.
  const shared = onePage({ viewport: { width: 1280, height: 800 } });

  test('each button says which passage it shows', async () => {
    const { page } = shared;
    await page.goto('/#');
    await page.locator(`button[data-place="${busyPlace()}"]`).click();
    const items = excerpts(page).locator('li.event');
    await expect(items.first()).toBeVisible();
    const buttons = excerpts(page).getByRole('button', { name: /^Show in article/ });
    const names: string[] = [];
    for (const quote of await excerpts(page).locator('blockquote').all()) {
      const text = (await quote.locator('p').textContent())!;
      // The button follows its excerpt.
      const button = quote.locator('xpath=following-sibling::button[1]');
      const name = await button.evaluate((el) => el.getAttribute('aria-label') ?? el.textContent ?? '');
      expect(name, 'begins with its visible words').toMatch(/^Show in article: \S/);
      const words = name.replace(/^Show in article: /, '').replace(/…$/, '');
      expect(text.startsWith(words), `${JSON.stringify(name)} names the start of ${JSON.stringify(text.slice(0, 60))}`).toBe(
        true,
      );
      names.push(name);
    }
    expect(names.length, 'several excerpts at the place').toBeGreaterThan(1);
    expect(await buttons.count()).toBe(names.length);
    expect(new Set(names).size, 'no two buttons share a name').toBe(names.length);
  });

  test('takes the focus to the passage, with a visible focus ring', async () => {
    const { page } = shared;
    await page.goto('/#');
    await page.locator(`button[data-place="${busyPlace()}"]`).click();
    const quote = excerpts(page).locator('blockquote').nth(1);
    const text = (await quote.locator('p').textContent())!;
    await quote.locator('xpath=following-sibling::button[1]').focus();
    await page.keyboard.press('Enter');
    await expect(article(page).locator('mark.active').first()).toBeVisible();
    const focused = await page.evaluate(() => {
      const el = document.activeElement!;
      return {
        inArticle: !!el.closest('section.article'),
        passage: el.classList.contains('passage'),
        active: !!el.closest('mark.active'),
        text: el.textContent ?? '',
        ring: el.matches(':focus-visible') ? getComputedStyle(el).outlineStyle : 'none',
      };
    });
    expect(focused.inArticle, 'the focus is in the article').toBe(true);
    expect(focused.passage && focused.active, 'on the shown passage').toBe(true);
    expect(text.startsWith(focused.text), 'at its start').toBe(true);
    expect(focused.ring, 'with a focus ring').not.toBe('none');
    await expect(page.locator(':focus')).toBeInViewport();
    // Opening the Article tab later, by its tab, leaves the focus on the tab.
    await page.getByRole('tab', { name: 'Excerpts' }).click();
    await page.getByRole('tab', { name: 'Article' }).focus();
    await page.keyboard.press('Enter');
    await expect(article(page)).toBeVisible();
    await expect(page.getByRole('tab', { name: 'Article' })).toBeFocused();
  });
});

test.describe('forced colours (high contrast)', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  // One page, in forced colours: each test returns it to the first view by a link ('/#'), as Back does.
  const shared = onePage({ viewport: { width: 1280, height: 800 }, forcedColors: 'active' });

  /** The colour painted behind a panel, from its pixels. */
  async function ground(page: Page, locator: Locator): Promise<RGB> {
    return commonest(await shoot(page, (await locator.boundingBox())!));
  }

  test("the category marks keep their category's colour and each its own shape", async () => {
    const { page } = shared;
    await page.goto('/#');
    const panel = page.locator('section.layers');
    const swatches = panel.locator('.swatch');
    await expect(swatches.first()).toBeVisible();
    // Every mark on the page (layers, places) is filled in its category's colour, not the system's; a plan's
    // mark (the legend's "not yet" key) is outlined in it instead, checked in reader-view.spec.ts.
    const fills = await page
      .locator('.swatch:not([data-planned])')
      .evaluateAll((els) =>
        els.map((el) => [el.getAttribute('data-category')!, getComputedStyle(el.querySelector('path')!).fill]),
      );
    expect(fills.length).toBeGreaterThan(await swatches.count());
    for (const [category, fill] of fills) expect(parseColour(fill).rgb, category).toEqual(hexRgb(THEME[category as Category]));
    // Painted so, and each shape its own: the pixels in its colour differ from every other mark's.
    const masks = new Map<string, boolean[]>();
    for (const swatch of await swatches.all()) {
      const category = (await swatch.getAttribute('data-category')) as Category;
      const box = (await swatch.boundingBox())!;
      const px = await shoot(page, { x: box.x, y: box.y, width: 16, height: 16 });
      const colour = hexRgb(THEME[category]);
      expect(shareNear(px, { x: 0, y: 0, width: 16, height: 16 }, colour), `${category} painted in its colour`).toBeGreaterThan(
        // The thinnest shape, the aircraft, paints 11 % of the box in its own colour, its edge dark.
        0.06,
      );
      masks.set(
        category,
        [...Array(16 * 16).keys()].map((i) => near(px, i, colour, 40)),
      );
    }
    const list = [...masks];
    for (const [i, [a, ma]] of list.entries())
      for (const [b, mb] of list.slice(i + 1)) {
        const differ = ma.filter((v, k) => v !== mb[k]).length;
        const union = ma.filter((v, k) => v || mb[k]).length;
        expect(differ / union, `${a} and ${b} differ in shape`).toBeGreaterThan(0.15);
      }
  });

  test('zone and country symbols in the legend differ', async () => {
    const { page } = shared;
    await page.goto('/#');
    const zone = page.locator('.legend .key.hatched');
    const country = page.locator('.legend .key.dashed');
    await expect(zone).toBeVisible();
    const look = (l: Locator) =>
      l.evaluate((el) => {
        const s = getComputedStyle(el);
        return [s.borderTopStyle, s.borderTopColor, s.backgroundColor, s.backgroundImage].join(' | ');
      });
    expect(await look(zone)).not.toBe(await look(country));
    const [a, b] = [await shoot(page, (await zone.boundingBox())!), await shoot(page, (await country.boundingBox())!)];
    expect([a.width, a.height]).toEqual([b.width, b.height]);
    let differ = 0;
    for (let i = 0; i < a.width * a.height; i++)
      if (!near(a, i, [b.data[i * 4], b.data[i * 4 + 1], b.data[i * 4 + 2]], 40)) differ++;
    expect(differ / (a.width * a.height), 'share of pixels that differ').toBeGreaterThan(0.15);
  });

  test('highlighted passages stay marked, and the shown passage more so', async () => {
    const { page } = shared;
    await page.goto('/#');
    await openArticle(page);
    const back = await ground(page, article(page).locator('.byline'));
    const mark = article(page).locator('mark').first();
    const css = parseColour(await mark.evaluate((el) => getComputedStyle(el).backgroundColor));
    expect(css.alpha, 'an opaque highlight').toBe(1);
    expect(css.rgb, 'a highlight unlike the page').not.toEqual(back);
    const lines = await tintPerLine(page);
    const faint = [...lines.values()].filter((l) => l.share < 0.35);
    expect(faint.map((l) => `${JSON.stringify(l.text.slice(0, 40))}: ${Math.round(l.share * 100)}% of ${l.tint}`)).toEqual([]);
    // The passage "Show in article" marks looks unlike the others.
    await page.getByRole('tab', { name: 'Excerpts' }).click();
    await page.locator(`button[data-place="${busyPlace()}"]`).click();
    await excerpts(page)
      .getByRole('button', { name: /^Show in article/ })
      .first()
      .click();
    const active = article(page).locator('mark.active').first();
    await expect(active).toBeVisible();
    const style = (l: Locator) =>
      l.evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).outlineStyle].join(' '));
    expect(await style(active)).not.toBe(await style(article(page).locator('mark:not(.active)').first()));
  });
});
