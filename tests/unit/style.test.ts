import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { StyleSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { BASEMAP_SOURCES, buildStyle, stylePatterns } from '../../src/map/style';
import { CATEGORIES, defaultTheme, PRECISIONS, type Theme } from '../../src/map/theme';

/** WCAG relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5]
    .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (l1 + 0.05) / (l2 + 0.05);
};

describe('generated style', () => {
  const style = buildStyle(defaultTheme);

  it('passes the MapLibre style-spec validator', () => {
    expect(validateStyleMin(style as Parameters<typeof validateStyleMin>[0]).map((e) => e.message)).toEqual([]);
  });

  it('the validator does catch a broken style (the check above can fail)', () => {
    const broken = {
      ...style,
      layers: [...style.layers, { id: 'x', type: 'line', source: 'nope', paint: { 'line-width': 'wide' } }],
    };
    expect(validateStyleMin(broken as unknown as StyleSpecification).length).toBeGreaterThanOrEqual(2);
  });

  it('asks no server for anything: no glyphs, sprite, tiles or URLs', () => {
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    expect(JSON.stringify(style)).not.toMatch(/https?:|\/\//);
  });

  it('declares every basemap source and uses only declared sources', () => {
    expect(Object.keys(style.sources).sort()).toEqual([...BASEMAP_SOURCES].sort());
    for (const layer of style.layers) if ('source' in layer) expect(BASEMAP_SOURCES).toContain(layer.source);
  });

  it('can draw every image a fill-pattern names', () => {
    const patterns = stylePatterns(defaultTheme);
    const named = style.layers.flatMap((l) => (l.type === 'fill' && l.paint?.['fill-pattern'] ? [l.paint['fill-pattern']] : []));
    expect(named.length).toBeGreaterThan(0);
    for (const name of named) expect(Object.keys(patterns)).toContain(name);
  });

  it('places the story places' + "' labels first (topmost symbol layer)", () => {
    const symbols = style.layers.filter((l) => l.type === 'symbol').map((l) => l.id);
    expect(symbols.at(-1)).toBe('places-story');
  });
});

describe('theme', () => {
  it('gives every category its own colour', () => {
    const colours = CATEGORIES.map((c) => defaultTheme.categories[c].toLowerCase());
    expect(new Set(colours).size).toBe(CATEGORIES.length);
  });

  it('draws every precision, approximate ones differently from exact ones', () => {
    for (const p of PRECISIONS) expect(defaultTheme.precision[p]).toBeDefined();
    expect(defaultTheme.precision.zone.hatched || defaultTheme.precision.zone.dash.length > 0).toBe(true);
    expect(defaultTheme.precision.exact.dash).toEqual([]);
  });

  it('label text contrasts with land and halo at WCAG AA (4.5:1)', () => {
    const b: Theme['basemap'] = defaultTheme.basemap;
    for (const bg of [b.land, b.landStory, b.landWorld, b.sea, b.halo]) expect(contrast(b.text, bg)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(b.textMuted, b.halo)).toBeGreaterThanOrEqual(4.5);
  });
});
