import { createExpression, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { StyleSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { ALL_SOURCES, buildStyle, stylePatterns } from '../../src/map/style';
import { placeState, storyExpressions, storyLabelUpdate } from '../../src/map/storyLayers';
import { CATEGORIES, defaultTheme, PRECISIONS, type Category, type Theme } from '../../src/map/theme';

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
    expect(defaultTheme.precision.zone.hatched || defaultTheme.precision.zone.dash.length > 0).toBe(true);
    expect(defaultTheme.precision.exact.dash).toEqual([]);
  });

  it('label text contrasts with land and halo at WCAG AA (4.5:1)', () => {
    const b: Theme['basemap'] = defaultTheme.basemap;
    for (const bg of [b.land, b.landStory, b.landWorld, b.sea, b.halo]) expect(contrast(b.text, bg)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(b.textMuted, b.halo)).toBeGreaterThanOrEqual(4.5);
  });
});

describe('story layers', () => {
  it.each([[[]], [['troops']], [['troops', 'drills', 'aircraft']], [[...CATEGORIES]]] as const)(
    'the style validates with %j hidden',
    (hidden) => {
      const style = buildStyle(defaultTheme, new Set(hidden));
      expect(validateStyleMin(style as Parameters<typeof validateStyleMin>[0]).map((e) => e.message)).toEqual([]);
    },
  );

  it('every toggle update is itself valid style-spec', () => {
    const u = storyLabelUpdate(defaultTheme, new Set(['troops']));
    const style = buildStyle(defaultTheme);
    const layers = style.layers.map((l) =>
      l.id === u.layer ? { ...l, filter: u.filter, layout: { ...l.layout, 'text-field': u.textField } } : l,
    );
    expect(validateStyleMin({ ...style, layers } as Parameters<typeof validateStyleMin>[0]).map((e) => e.message)).toEqual([]);
  });

  it('a toggle changes only the labels in the style: the places layers are the same whatever is hidden', () => {
    const all = buildStyle(defaultTheme).layers.filter((l) => l.id.startsWith('story-') && l.id !== 'story-labels');
    const some = buildStyle(defaultTheme, new Set(['troops', 'drills'])).layers.filter(
      (l) => l.id.startsWith('story-') && l.id !== 'story-labels',
    );
    expect(some).toEqual(all);
    expect(all.length).toBeGreaterThan(4);
  });

  it('a place takes the colour of its first shown category, and is off when none is shown', () => {
    const c = defaultTheme.categories;
    const both = { c_drills: 2, c_troops: 1, m_drills: 2, m_troops: 1 };
    expect(placeState(defaultTheme, both, new Set())).toEqual({ off: false, color: c.troops });
    expect(placeState(defaultTheme, both, new Set(['troops']))).toEqual({ off: false, color: c.drills });
    expect(placeState(defaultTheme, both, new Set(['troops', 'drills']))).toMatchObject({ off: true });
    expect(placeState(defaultTheme, {}, new Set())).toMatchObject({ off: true });
  });

  it('a seat of government standing in for an unnamed place takes no category colour', () => {
    // Washington: 8,500 troops on alert (a seat), and a statement said there.
    const washington = { c_troops: 1, c_statement: 1, m_statement: 1 };
    expect(placeState(defaultTheme, washington, new Set())).toEqual({ off: false, color: defaultTheme.categories.statement });
    expect(placeState(defaultTheme, washington, new Set(['statement']))).toEqual({
      off: false,
      color: defaultTheme.basemap.seat,
    });
    expect(defaultTheme.basemap.seat).not.toBe(defaultTheme.categories.troops);
  });

  describe('the story label, evaluated by the style spec', () => {
    const label = (props: Record<string, unknown>, hidden: string[] = []) => {
      const e = createExpression(storyExpressions(defaultTheme, new Set(hidden as Category[])).label, 'text-field', {
        type: 'string',
        'property-type': 'data-driven',
        expression: { interpolated: false, parameters: ['zoom', 'feature'] },
      } as never);
      if (e.result !== 'success') throw new Error(JSON.stringify(e.value));
      return String(e.value.evaluate({ zoom: 5 }, { type: 'Point', properties: props } as never));
    };
    it("prints a place's own figures, one a line, under its name; a city only its figures", () => {
      const zone = { name: 'Near the border', kind: 'zone', c_troops: 1, q_troops: '62 battalion tactical groups, up from 59' };
      expect(label(zone)).toBe('Near the border\n62 battalion tactical groups, up from 59');
      expect(label({ ...zone, c_drills: 1, q_drills: '3 drills' })).toBe(
        'Near the border\n62 battalion tactical groups, up from 59\n3 drills',
      );
      expect(label({ ...zone, c_drills: 1, q_drills: '3 drills' }, ['troops'])).toBe('Near the border\n3 drills');
      expect(label({ name: 'Belarus', kind: 'zone', c_troops: 1 })).toBe('Belarus');
      expect(label({ name: 'Kyiv', kind: 'city', c_troops: 1 })).toBe('');
    });
  });

  it('draws the story labels last, so they win label collisions', () => {
    expect(buildStyle(defaultTheme).layers.at(-1)!.id).toBe('story-labels');
  });
});
