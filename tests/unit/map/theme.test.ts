/**
 * The theme's colours as the page's CSS custom properties (src/map/theme.ts themeProperties): one for
 * every category, in the colour the map paints it, and the basemap's colours the legend shows; applyTheme
 * sets exactly those on the element it is given. And the legend's keys and the timeline's bars take the
 * theme's colours from them alone: none is written in their CSS, and no panel imports the theme.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../../src/catalogue/vocabulary';
import { applyTheme, defaultTheme, themeProperties } from '../../../src/map/theme';

describe('themeProperties', () => {
  it('names every category in the colour the map paints it, the basemap’s colours the legend shows, and the sea', () => {
    const props = themeProperties(defaultTheme);
    for (const c of CATEGORIES) expect(props[`--category-${c}`], c).toBe(defaultTheme.categories[c]);
    // The sea: the map's area until its first view is drawn (MapView, map/firstView.ts).
    const shown = ['markEdge', 'halo', 'seat', 'text', 'disputedBorder', 'disputedHatch', 'landStory', 'sea'] as const;
    // `markEdge` as `--mark-edge`: each basemap colour the page shows, under its name in kebab case.
    for (const k of shown)
      expect(props[`--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`], k).toBe(defaultTheme.basemap[k]);
    expect(Object.keys(props)).toHaveLength(CATEGORIES.length + shown.length);
  });

  it('follows another theme', () => {
    const other = { ...defaultTheme, categories: { ...defaultTheme.categories, troops: '#000001' } };
    expect(themeProperties(other)['--category-troops']).toBe('#000001');
  });

  it('sets them on the element applyTheme is given', () => {
    const set = new Map<string, string>();
    const root = { style: { setProperty: (name: string, value: string) => set.set(name, value) } } as unknown as HTMLElement;
    applyTheme(root);
    expect(Object.fromEntries(set)).toEqual(themeProperties(defaultTheme));
  });
});

const UI = path.resolve(import.meta.dirname, '../../../src/ui');
/** A colour written as #rgb or #rrggbb, in lower case and six digits. */
const sixDigits = (hex: string) => (hex.length === 4 ? `#${[...hex.slice(1)].map((d) => d + d).join('')}` : hex).toLowerCase();

describe('the legend and the timeline take the theme’s colours from the custom properties', () => {
  const themed = new Set([...Object.values(defaultTheme.basemap), ...Object.values(defaultTheme.categories)].map(sixDigits));

  it('writes none of them in the legend’s keys', () => {
    const css = readFileSync(path.join(UI, 'LayersPanel.svelte'), 'utf8').split('<style>')[1] ?? '';
    const uncommented = css.replace(/\/\*[\s\S]*?\*\//g, '');
    // Each rule of a key (`.key`, `.key.seat`, …): its selector and its declarations.
    const rules = [...uncommented.matchAll(/([^{}]*\.key[^{}]*)\{([^}]*)\}/g)];
    expect(rules.length, 'the legend’s key rules').toBeGreaterThan(8);
    const written = rules.flatMap(([, selector, body]) =>
      [...body.matchAll(/#[0-9a-f]{6}\b|#[0-9a-f]{3}\b/gi)]
        .filter(([hex]) => themed.has(sixDigits(hex)))
        .map(([hex]) => `${selector.trim()}: ${hex}`),
    );
    expect(written).toEqual([]);
  });

  it('sets every custom property a panel reads and does not set itself', () => {
    const set = new Set(Object.keys(themeProperties(defaultTheme)));
    const unset: string[] = [];
    let read = 0;
    for (const n of readdirSync(UI).filter((f) => f.endsWith('.svelte'))) {
      const text = readFileSync(path.join(UI, n), 'utf8');
      for (const [, v] of text.matchAll(/var\((--[a-z-]+)/g)) {
        read++;
        // `--category-${category}` is written with the category in it: its prefix stands for all of them.
        const all = v === '--category-' ? CATEGORIES.map((c) => `${v}${c}`) : [v];
        if (!all.every((p) => set.has(p)) && !text.includes(`${v}:`)) unset.push(`${n}: ${v}`);
      }
    }
    expect(read, 'custom properties read by the panels').toBeGreaterThan(8);
    expect(unset).toEqual([]);
  });

  it('has no panel import the theme itself', () => {
    const importing = readdirSync(UI)
      .filter((n) => n.endsWith('.svelte') || n.endsWith('.ts'))
      .filter((n) => /\bdefaultTheme\b/.test(readFileSync(path.join(UI, n), 'utf8')));
    expect(importing).toEqual([]);
  });
});
