/**
 * The theme's colours as the page's CSS custom properties (src/map/theme.ts themeProperties): one for
 * every category, in the colour the map paints it, and the marks' edge and halo; applyTheme sets exactly
 * those on the element it is given.
 */
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../../src/catalogue/vocabulary';
import { applyTheme, defaultTheme, themeProperties } from '../../../src/map/theme';

describe('themeProperties', () => {
  it('names every category in the colour the map paints it, and the marks’ edge and halo', () => {
    const props = themeProperties(defaultTheme);
    for (const c of CATEGORIES) expect(props[`--category-${c}`], c).toBe(defaultTheme.categories[c]);
    expect(props['--mark-edge']).toBe(defaultTheme.basemap.markEdge);
    expect(props['--halo']).toBe(defaultTheme.basemap.halo);
    expect(Object.keys(props)).toHaveLength(CATEGORIES.length + 2);
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
