import { createExpression, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { StyleSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { ALL_SOURCES, buildStyle, stylePatterns } from '../../src/map/style';
import { labelUpdate, placeState } from '../../src/map/data';
import { labelFilter } from '../../src/map/storyLayers';
import type { PlaceProperties } from '../../src/story/types';
import type { PlaceView } from '../../src/story/visibility';
import type { FeatureCollection, Geometry } from 'geojson';
import { CATEGORIES, PRECISIONS } from '../../src/catalogue/vocabulary';
import { defaultTheme, type Theme } from '../../src/map/theme';

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
    expect(Object.keys(style.sources).sort()).toEqual([...ALL_SOURCES].sort());
    for (const layer of style.layers) if ('source' in layer) expect(ALL_SOURCES).toContain(layer.source);
  });

  it('can draw every image a fill-pattern names', () => {
    const patterns = stylePatterns(defaultTheme);
    const named = style.layers.flatMap((l) => (l.type === 'fill' && l.paint?.['fill-pattern'] ? [l.paint['fill-pattern']] : []));
    expect(named.length).toBeGreaterThan(0);
    for (const name of named) expect(Object.keys(patterns)).toContain(name);
  });

  it("draws the story places' basemap labels over every other basemap label, under only the story's own labels", () => {
    const symbols = style.layers.filter((l) => l.type === 'symbol').map((l) => l.id);
    expect(symbols.slice(-2)).toEqual(['places-story', 'story-labels']);
  });
});

describe('theme', () => {
  it('gives every category its own colour', () => {
    const colours = CATEGORIES.map((c) => defaultTheme.categories[c].toLowerCase());
    expect(new Set(colours).size).toBe(CATEGORIES.length);
  });

  it('draws every precision, approximate ones differently from exact ones', () => {
    for (const p of PRECISIONS) expect(defaultTheme.precision[p]).toBeDefined();
    expect(defaultTheme.precision.zone.hatchOpacity).toBeGreaterThan(0);
    expect(defaultTheme.precision.zone.dash.length).toBeGreaterThan(0);
    expect(defaultTheme.precision.exact.dash).toEqual([]);
  });

  it('label text contrasts with land and halo at WCAG AA (4.5:1)', () => {
    const b: Theme['basemap'] = defaultTheme.basemap;
    for (const bg of [b.land, b.landStory, b.landWorld, b.sea, b.halo]) expect(contrast(b.text, bg)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(b.textMuted, b.halo)).toBeGreaterThanOrEqual(4.5);
  });
});

describe('story layers', () => {
  const fc = (props: Partial<PlaceProperties>[]) =>
    ({
      type: 'FeatureCollection',
      features: props.map((p, i) => ({
        type: 'Feature',
        id: i,
        geometry: { type: 'Point', coordinates: [30, 50] },
        properties: p,
      })),
    }) as unknown as FeatureCollection<Geometry, PlaceProperties>;
  const places = fc([
    { place_id: 'zone', name: 'Near the border', kind: 'zone' },
    { place_id: 'kyiv', name: 'Kyiv', kind: 'city' },
    { place_id: 'belarus', name: 'Belarus', kind: 'country' },
    { place_id: 'hidden', name: 'Hidden', kind: 'region' },
  ]);
  const views = new Map<string, PlaceView>([
    ['zone', { visible: true, category: 'troops', quantities: ['62 battalion tactical groups, up from 59', '3 drills'] }],
    ['kyiv', { visible: true, category: 'military-aid', quantities: ['2 planes'] }],
    ['belarus', { visible: true, category: null, quantities: [] }],
    ['hidden', { visible: false, category: null, quantities: [] }],
  ]);

  it('the style validates, with the labels as any view sets them', () => {
    const style = buildStyle(defaultTheme);
    expect(validateStyleMin(style as Parameters<typeof validateStyleMin>[0]).map((e) => e.message)).toEqual([]);
    for (const v of [views, new Map<string, PlaceView>()]) {
      const u = labelUpdate(places, v);
      const layers = style.layers.map((l) =>
        l.id === 'story-labels' ? { ...l, filter: labelFilter(u.filter), layout: { ...l.layout, 'text-field': u.textField } } : l,
      );
      expect(validateStyleMin({ ...style, layers } as Parameters<typeof validateStyleMin>[0]).map((e) => e.message)).toEqual([]);
    }
  });

  it('a place takes the colour of its first visible category, no colour as a seat only, and is off when nothing shows', () => {
    expect(placeState(defaultTheme, views.get('zone'))).toEqual({ off: false, color: defaultTheme.categories.troops });
    expect(placeState(defaultTheme, views.get('belarus'))).toEqual({ off: false, color: defaultTheme.basemap.seat });
    expect(placeState(defaultTheme, views.get('hidden'))).toMatchObject({ off: true });
    expect(placeState(defaultTheme, undefined)).toMatchObject({ off: true });
    expect(defaultTheme.basemap.seat).not.toBe(defaultTheme.categories.troops);
  });

  describe('the story labels, evaluated by the style spec', () => {
    const u = labelUpdate(places, views);
    const evaluate = (expr: unknown, spec: object, props: Record<string, unknown>) => {
      const e = createExpression(expr, 'x', {
        'property-type': 'data-driven',
        expression: { interpolated: false, parameters: ['zoom', 'feature'] },
        ...spec,
      } as never);
      if (e.result !== 'success') throw new Error(JSON.stringify(e.value));
      return e.value.evaluate({ zoom: 5 }, { type: 'Point', properties: props } as never);
    };
    const text = (p: Record<string, unknown>) => String(evaluate(u.textField, { type: 'string' }, p));
    const shown = (p: Record<string, unknown>) => evaluate(labelFilter(u.filter), { type: 'boolean' }, p);

    it("prints a place's own figures, one a line, under its name; a city or country only its figures", () => {
      expect(text({ place_id: 'zone', name: 'Near the border', kind: 'zone' })).toBe(
        'Near the border\n62 battalion tactical groups, up from 59\n3 drills',
      );
      expect(text({ place_id: 'kyiv', name: 'Kyiv', kind: 'city' })).toBe('2 planes');
      expect(text({ place_id: 'belarus', name: 'Belarus', kind: 'country' })).toBe('');
      expect(text({ place_id: 'other', name: 'Rostov region', kind: 'region' })).toBe('Rostov region');
    });

    it('labels only the visible places', () => {
      expect(shown({ place_id: 'zone' })).toBe(true);
      expect(shown({ place_id: 'hidden' })).toBe(false);
      expect(shown({ place_id: 'kyiv', label_minzoom: 7 })).toBe(false);
    });
  });

  it('draws the story labels last, so they win label collisions', () => {
    expect(buildStyle(defaultTheme).layers.at(-1)!.id).toBe('story-labels');
  });
});
