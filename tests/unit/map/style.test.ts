import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { StyleSpecification, SymbolLayerSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import {
  addStory,
  ALL_SOURCES,
  BASEMAP_SOURCES,
  buildStyle,
  laidOutWhen,
  namedPlaceLayers,
  storyParts,
  stylePatterns,
} from '../../../src/map/style';
import { tiledLayers } from '../../../src/map/tiledStory';
import { BASEMAP_ZOOMS } from '../../../src/basemap/archives';
import { GLYPH_CODE_POINTS, LABEL_FONTS } from '../../../src/basemap/labelFonts';
import { CONTROL_CHARACTERS } from '../../../src/map/fonts';
import type { Map as MaplibreMap } from 'maplibre-gl';
import { labelPoints, labelTexts, labelTextField, placeShapes, placeState, sameTexts, zoneShapes } from '../../../src/map/data';
import { DRAFT_LAYERS, DRAFT_RING, HATCH_DRAFT, storyLayers, ZONE_SOURCE } from '../../../src/map/storyLayers';
import { seedStory } from '../../support/seed';
import type { PlaceProperties } from '../../../src/story/types';
import type { PlaceView } from '../../../src/story/visibility';
import type { FeatureCollection, Geometry } from 'geojson';
import { CATEGORIES, PRECISIONS } from '../../../src/catalogue/vocabulary';
import { defaultTheme, type Theme } from '../../../src/map/theme';
import { styleExpression } from '../../support/helpers';

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

  it('asks no other server for anything: no sprite, no URL but its own tile archives, glyph files and font files', () => {
    // The labels' glyphs from this site: the files the build makes (src/tiles/glyphs.ts).
    expect(style.glyphs).toBe('/data/glyphs/{fontstack}.{range}.pbf');
    expect(style.sprite).toBeUndefined();
    // The only URLs: the basemap's archives on this site (pmtiles:// + a path), and the bundled font files.
    const urls = [...JSON.stringify(style).matchAll(/"url":"([^"]*)"|([a-z]+:\/\/[^"]*)/g)].map((m) => m[1] ?? m[2]);
    expect(urls.length).toBeGreaterThan(0);
    for (const u of urls) expect(u).toMatch(/^pmtiles:\/\/\/data\/tiles\/[a-z]+\.pmtiles\/\{z\}\/\{x\}\/\{y\}$|^\/[^/]/);
    // Each archive's tiles named in the style, with the zooms it is cut at: no TileJSON to ask for first.
    expect(
      Object.values(style.sources)
        .filter((s) => s.type === 'vector')
        .map((s) => ('tiles' in s ? [s.tiles, s.minzoom, s.maxzoom] : s)),
    ).toEqual(
      BASEMAP_SOURCES.map((id) => [
        [`pmtiles:///data/tiles/${id}.pmtiles/{z}/{x}/{y}`],
        BASEMAP_ZOOMS[id].minZoom,
        BASEMAP_ZOOMS[id].maxZoom,
      ]),
    );
  });

  it('writes every label in a font the build makes glyphs for, and declares its files for the other characters', () => {
    const stacks: string[] = LABEL_FONTS.map((f) => f.stack);
    const used = new Set(
      style.layers.flatMap((l) => (l.type === 'symbol' && l.layout?.['text-field'] ? [String(l.layout['text-font'])] : [])),
    );
    expect(used.size).toBeGreaterThan(0);
    // One font per stack: the glyph files are per stack, and a stack of two would name a file no one makes.
    for (const f of used) expect(stacks).toContain(f);
    expect(Object.keys(style['font-faces'] ?? {}).sort()).toEqual([...stacks].sort());
    // No declared file covers a ready-made character, or MapLibre would draw it from the file instead; nor
    // a control character, or a label's line break would fetch a font file to draw nothing (map/fonts.ts).
    const outside = [[GLYPH_CODE_POINTS.first, GLYPH_CODE_POINTS.last], ...CONTROL_CHARACTERS];
    for (const faces of Object.values(style['font-faces'] ?? {}))
      for (const face of faces as { 'unicode-range': string[] }[])
        for (const part of face['unicode-range']) {
          const [a, b = a] = part
            .replace('U+', '')
            .split('-')
            .map((h) => parseInt(h, 16));
          for (const [first, last] of outside) expect(b < first || a > last, part).toBe(true);
        }
    // And every other character is covered by a file (the last, the rest): none is asked of the glyph files,
    // which hold only the first range's ready-made characters.
    for (const faces of Object.values(style['font-faces'] ?? {}))
      expect((faces as { 'unicode-range': string[] }[]).at(-1)?.['unicode-range']).toEqual(['U+00A0-10FFFF']);
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

  it("draws the story places' basemap labels over every other basemap label, under only the story's own labels and marks", () => {
    const symbols = style.layers.filter((l) => l.type === 'symbol').map((l) => l.id);
    // The drafts' rings (over a dot, over each mark) ignore placement: they take no room from a label.
    // The count of sources on the marks last of all: placed first, the labels make way for it.
    expect(symbols.slice(-8)).toEqual([
      'places-story',
      'story-points-draft',
      'story-labels',
      'story-marks',
      'story-marks-draft',
      'story-marks-dense',
      'story-marks-dense-draft',
      'story-source-counts',
    ]);
  });

  it('draws the count of sources on a disc the patterns can draw, its text offset as its disc is', () => {
    const layer = style.layers.find((l) => l.id === 'story-source-counts') as SymbolLayerSpecification;
    const patterns = stylePatterns(defaultTheme);
    expect(Object.keys(patterns)).toContain(layer.layout!['icon-image']);
    const disc = patterns[layer.layout!['icon-image'] as string]();
    // 2 × (radius 8 + 1) CSS pixels at 2 image pixels each.
    expect([disc.width, disc.height, disc.pixelRatio]).toEqual([36, 36, 2]);
    const offset = (key: 'icon-offset' | 'text-offset') =>
      styleExpression(layer.layout![key], { type: 'array', value: 'number', length: 2 })({
        dx: -26,
        dy: 11.5,
        count: '5',
        place_ids: 'x',
      }) as number[];
    expect(offset('icon-offset')).toEqual([-26, 11.5]);
    // In ems of the 11 px text: the same pixels.
    expect(offset('text-offset').map((v) => Math.round(v * 11 * 1000) / 1000)).toEqual([-26, 11.5]);
  });

  it('can draw every image an icon names: a shape for each category', () => {
    const patterns = stylePatterns(defaultTheme);
    const marks = style.layers.find((l) => l.id === 'story-marks')!;
    const image = (marks.layout as { 'icon-image': unknown[] })['icon-image'];
    for (const c of CATEGORIES) {
      const name = image[image.indexOf(c) + 1] as string;
      expect(Object.keys(patterns)).toContain(name);
      expect(patterns[name]().sdf).toBe(true);
    }
  });
});

describe('the story added to the map (addStory)', () => {
  /** The calls a map made with the basemap alone takes, kept as the order MapLibre would draw in. */
  function replay(data: Parameters<typeof addStory>[2]) {
    const basemap = buildStyle(defaultTheme, { withStory: false });
    const order = basemap.layers.map((l) => l.id);
    const sources: Record<string, unknown> = { ...basemap.sources };
    const map = {
      addSource: (id: string, spec: unknown) => {
        expect(sources[id], `source ${id} added once`).toBeUndefined();
        sources[id] = spec;
      },
      style: {
        // Not checked against the spec again at load (style.ts addToMap): the tests below check every layer.
        addLayer: (layer: { id: string; source?: string }, before: string | undefined, options: { validate?: boolean }) => {
          expect(options).toEqual({ validate: false });
          expect(sources[layer.source ?? ''], `the source of ${layer.id} is there first`).toBeDefined();
          if (before === undefined) order.push(layer.id);
          else {
            expect(order, `${layer.id} goes before a layer the map has`).toContain(before);
            order.splice(order.indexOf(before), 0, layer.id);
          }
        },
      },
    };
    addStory(map as unknown as MaplibreMap, defaultTheme, data);
    return { order, sources };
  }

  it("puts the story's layers where the full style has them, over the sources it adds", () => {
    const { order, sources } = replay({});
    expect(order).toEqual(buildStyle(defaultTheme).layers.map((l) => l.id));
    expect(Object.keys(sources).sort()).toEqual([...ALL_SOURCES].sort());
  });

  it('adds only layers that validate, with or without drafts: MapLibre does not check them again at load', () => {
    for (const drafts of [true, false]) {
      const { sources, under, over } = storyParts(defaultTheme, {}, drafts);
      const style = { ...buildStyle(defaultTheme, { withStory: false }) };
      const layers = [...style.layers, ...under, ...over];
      const errors = validateStyleMin({ ...style, sources: { ...style.sources, ...sources }, layers } as Parameters<
        typeof validateStyleMin
      >[0]);
      expect(
        errors.map((e) => e.message),
        `drafts: ${drafts}`,
      ).toEqual([]);
    }
  });

  it('validates the basemap places set in bold for the places an article names, as the map sets them', () => {
    const style = buildStyle(defaultTheme);
    const named = namedPlaceLayers(['kyiv', 'moscow', 'russian-foreign-ministry']);
    const layers = style.layers.map((l) => {
      const filter = named.filters[l.id as keyof typeof named.filters];
      const withFilter = filter ? { ...l, filter } : l;
      return l.id === 'places-dot'
        ? { ...withFilter, paint: { ...(withFilter as { paint?: object }).paint, 'circle-radius': named.dotRadius } }
        : withFilter;
    });
    expect(Object.keys(named.filters).every((id) => style.layers.some((l) => l.id === id))).toBe(true);
    expect(validateStyleMin({ ...style, layers } as Parameters<typeof validateStyleMin>[0]).map((e) => e.message)).toEqual([]);
  });

  it('a map made once the story has come has its named places in its first style, as the story would set them', () => {
    const ids = ['kyiv', 'moscow'];
    const style = buildStyle(defaultTheme, { withStory: false, named: ids });
    const named = namedPlaceLayers(ids);
    const filterOf = (layers: typeof style.layers, id: string) =>
      (layers.find((l) => l.id === id) as { filter?: unknown })?.filter;
    // Equal, so the story's setFilter and setPaintProperty change nothing: MapLibre compares, and would
    // otherwise lay every basemap tile of the first view out again (basemap.spec.ts).
    for (const [id, filter] of Object.entries(named.filters)) expect(filterOf(style.layers, id), id).toEqual(filter);
    const dot = style.layers.find((l) => l.id === 'places-dot') as { paint: Record<string, unknown> };
    expect(dot.paint['circle-radius']).toEqual(named.dotRadius);
    // Without the story's places, none is bold.
    expect(filterOf(buildStyle(defaultTheme, { withStory: false }).layers, 'places-story')).toEqual(
      namedPlaceLayers([]).filters['places-story'],
    );
  });

  it("validates a tiled story's layers, which are added the same way", () => {
    const vector = { type: 'vector', tiles: ['pmtiles://story/{z}/{x}/{y}'], minzoom: 0, maxzoom: 8 };
    for (const drafts of [true, false]) {
      const style = buildStyle(defaultTheme, { withStory: false });
      const errors = validateStyleMin({
        ...style,
        sources: {
          ...style.sources,
          'story-tiled-areas': vector,
          'story-tiled-marks': vector,
          'story-source-counts': { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
        },
        layers: [...style.layers, ...tiledLayers(defaultTheme, { drafts })],
      } as Parameters<typeof validateStyleMin>[0]);
      expect(
        errors.map((e) => e.message),
        `drafts: ${drafts}`,
      ).toEqual([]);
    }
  });

  it("hatches the seed's approximate zones from a source of their own, which no other layer reads", () => {
    const shapes = placeShapes(seedStory().places);
    const zones = zoneShapes(shapes);
    // The seed's zones by their ink, as the build wrote it (layers/shapes.ts inkOf): areas, never a point.
    const expected = shapes.features.filter((f) => f.properties.ink === 'zone');
    expect(expected.length).toBeGreaterThan(0);
    expect(zones.features.map((f) => f.properties.place_id)).toEqual(expected.map((f) => f.properties.place_id));
    // The same features (ids, properties, shapes), so the places' feature-state draws them alike.
    for (const [i, f] of zones.features.entries()) expect(f).toBe(expected[i]);
    const readers = buildStyle(defaultTheme)
      .layers.filter((l) => 'source' in l && l.source === ZONE_SOURCE)
      .map((l) => l.id);
    expect(readers).toEqual(['story-hatch']);
    // A layer built before ink was recorded: its precision stands for it, as in the style (storyLayers.ts INK).
    const old = {
      type: 'FeatureCollection' as const,
      features: expected.map((f) => ({ ...f, properties: { ...f.properties, ink: undefined } })),
    };
    expect(zoneShapes(old).features).toHaveLength(expected.length);
  });

  it('lays a layer out only while it has something to draw, and leaves one alone that already is as asked', () => {
    const visibility: Record<string, string | undefined> = {};
    const set: string[] = [];
    const map = {
      getLayoutProperty: (id: string) => visibility[id],
      setLayoutProperty: (id: string, _p: string, v: string) => {
        set.push(`${id}:${v}`);
        visibility[id] = v;
      },
    } as unknown as MaplibreMap;
    // Unset is visible: a story with zones changes nothing (a change would lay the zones' tiles out again).
    laidOutWhen(map, 'story-hatch', true);
    expect(set).toEqual([]);
    laidOutWhen(map, 'story-hatch', false);
    laidOutWhen(map, 'story-hatch', false);
    laidOutWhen(map, 'story-source-counts', false);
    laidOutWhen(map, 'story-hatch', true);
    expect(set).toEqual(['story-hatch:none', 'story-source-counts:none', 'story-hatch:visible']);
  });

  it('gives each source the data it is handed, and an empty collection to the rest', () => {
    const places: FeatureCollection = { type: 'FeatureCollection', features: [] };
    const { sources } = replay({ 'story-places': places });
    expect((sources['story-places'] as { data: unknown }).data).toBe(places);
    expect((sources['story-labels'] as { data: FeatureCollection }).data.features).toEqual([]);
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
    [
      'zone',
      {
        visible: true,
        category: 'troops',
        categories: ['troops'],
        quantities: ['62 battalion tactical groups, up from 59', '3 drills'],
      },
    ],
    ['kyiv', { visible: true, category: 'military-aid', categories: ['military-aid'], quantities: ['2 planes'] }],
    ['belarus', { visible: true, category: null, categories: [], quantities: [] }],
    ['hidden', { visible: false, category: null, categories: [], quantities: [] }],
  ]);

  const none = new Map<string, PlaceView>();
  const all = new Map<string, PlaceView>(
    [...views.keys()].map((id) => [id, { visible: true, category: null, categories: [], quantities: [] }]),
  );

  it("joins the story's outlines with miters, in both forms: round joins were a tenth of a frame in software WebGL", () => {
    const lines = [...storyLayers(defaultTheme), ...tiledLayers(defaultTheme)].filter((l) => l.type === 'line');
    expect(lines.length).toBeGreaterThan(3);
    for (const l of lines) expect(l.layout?.['line-join'] ?? 'miter', l.id).toBe('miter');
  });

  it('the style validates, with the labels as any view sets them', () => {
    const style = buildStyle(defaultTheme);
    expect(validateStyleMin(style as Parameters<typeof validateStyleMin>[0]).map((e) => e.message)).toEqual([]);
    for (const [from, to] of [
      [views, views],
      [views, none],
      [none, views],
      [all, views],
    ]) {
      const field = labelTextField(labelTexts(places, from), labelTexts(places, to));
      const layers = style.layers.map((l) =>
        l.id === 'story-labels' ? { ...l, layout: { ...l.layout, 'text-field': field } } : l,
      );
      expect(validateStyleMin({ ...style, layers } as Parameters<typeof validateStyleMin>[0]).map((e) => e.message)).toEqual([]);
    }
  });

  it('a place takes the colour of its first visible category, no colour as a seat only, and is off when nothing shows', () => {
    expect(placeState(defaultTheme, views.get('zone'))).toEqual({
      off: false,
      color: defaultTheme.categories.troops,
      plan: false,
      draft: false,
    });
    expect(placeState(defaultTheme, views.get('belarus'))).toEqual({
      off: false,
      color: defaultTheme.basemap.seat,
      plan: false,
      draft: false,
    });
    expect(placeState(defaultTheme, views.get('hidden'))).toMatchObject({ off: true });
    expect(placeState(defaultTheme, undefined)).toMatchObject({ off: true });
    expect(defaultTheme.basemap.seat).not.toBe(defaultTheme.categories.troops);
  });

  describe('the story labels, evaluated by the style spec', () => {
    const evaluate = (expr: unknown, spec: object, props: Record<string, unknown>) => styleExpression(expr, spec)(props);
    /** Every label as MapLibre would draw it: the source set in view `from`, the layer's text then set for `to`. */
    const drawn = (from: Map<string, PlaceView>, to: Map<string, PlaceView>) => {
      const field = labelTextField(labelTexts(places, from), labelTexts(places, to));
      return Object.fromEntries(
        labelPoints(places, labelTexts(places, from)).features.map((f) => [
          f.properties.place_id,
          String(evaluate(field, { type: 'formatted' }, f.properties)),
        ]),
      );
    };

    it("prints a place's own figures, one a line, under its name; a city or country only its figures; nothing when hidden", () => {
      expect(Object.fromEntries(labelTexts(places, views))).toEqual({
        zone: 'Near the border\n62 battalion tactical groups, up from 59\n3 drills',
        kyiv: '2 planes',
        belarus: '',
        hidden: '',
      });
      expect(labelTexts(places, all).get('hidden')).toBe('Hidden');
    });

    it('tells a view that changes no label from one that does (a view of the same texts asks for no layout)', () => {
      const copy = new Map([...views].map(([id, v]) => [id, { ...v, quantities: [...v.quantities] }]));
      expect(sameTexts(labelTexts(places, views), labelTexts(places, copy))).toBe(true);
      expect(sameTexts(labelTexts(places, views), labelTexts(places, all))).toBe(false);
      expect(sameTexts(labelTexts(places, views), labelTexts(places, none))).toBe(false);
      // One figure less on one label is a change; a place missing from one side is too.
      copy.set('zone', { ...copy.get('zone')!, quantities: copy.get('zone')!.quantities.slice(1) });
      expect(sameTexts(labelTexts(places, views), labelTexts(places, copy))).toBe(false);
      const fewer = labelTexts(places, views);
      fewer.delete('hidden');
      expect(sameTexts(labelTexts(places, views), fewer)).toBe(false);
    });

    it('draws the texts of the view now, whatever view the source was set in, sent as the shorter list', () => {
      const cases = [views, none, all];
      for (const from of cases)
        for (const to of cases)
          expect(drawn(from, to), `${cases.indexOf(from)} → ${cases.indexOf(to)}`).toEqual(
            Object.fromEntries(labelTexts(places, to)),
          );
      // Unchanged: the source's own texts, no list at all.
      expect(labelTextField(labelTexts(places, views), labelTexts(places, views))).toEqual(['get', 'text']);
      // One place hidden of four: one change listed, not the others still labelled.
      const one = new Map(all);
      one.set('zone', { visible: false, category: null, categories: [], quantities: [] });
      expect(labelTextField(labelTexts(places, all), labelTexts(places, one))).toEqual([
        'match',
        ['get', 'place_id'],
        'zone',
        '',
        ['get', 'text'],
      ]);
    });

    it('waits for its zoom where a dense story says so', () => {
      const filter = (buildStyle(defaultTheme).layers.find((l) => l.id === 'story-labels') as SymbolLayerSpecification).filter;
      const shown = (p: Record<string, unknown>) => evaluate(filter, { type: 'boolean' }, p);
      expect(shown({ place_id: 'zone', text: 'x' })).toBe(true);
      expect(shown({ place_id: 'kyiv', text: 'x', label_minzoom: 7 })).toBe(false);
    });
  });

  it('draws the marks last and the story labels under them: the marks are placed first, and labels make way for them', () => {
    const ids = buildStyle(defaultTheme).layers.map((l) => l.id);
    expect(ids.slice(-6)).toEqual([
      'story-labels',
      'story-marks',
      'story-marks-draft',
      'story-marks-dense',
      'story-marks-dense-draft',
      'story-source-counts',
    ]);
  });
});

describe('the drafts drawn', () => {
  const state = (expr: unknown) => JSON.stringify(expr).includes('["feature-state","draft"]');

  it('the areas hatched, the dots and marks ringed, by the draft feature-state, in both forms', () => {
    const layers = storyLayers(defaultTheme);
    const byId = new Map(
      layers.map((l) => [l.id, l as unknown as { paint: Record<string, unknown>; layout?: Record<string, unknown> }]),
    );
    expect(byId.get('story-draft-hatch')!.paint['fill-pattern']).toBe(HATCH_DRAFT);
    expect(state(byId.get('story-draft-hatch')!.paint['fill-opacity'])).toBe(true);
    for (const id of ['story-points-draft', 'story-marks-draft', 'story-marks-dense-draft']) {
      expect(byId.get(id)?.layout?.['icon-image'], id).toBe(DRAFT_RING);
      expect(state(byId.get(id)!.paint['icon-opacity']), id).toBe(true);
    }
    const tiledIds = tiledLayers(defaultTheme).map((l) => l.id);
    expect(tiledIds).toContain('tiled-story-draft-hatch');
    expect(tiledIds).toContain('tiled-marks-draft');
  });

  it('a story without drafts leaves its draft layers out of the layout; one with drafts lays them out', () => {
    const visibility = (layers: { id: string; layout?: unknown }[], id: string) =>
      (layers.find((l) => l.id === id)?.layout as { visibility?: string } | undefined)?.visibility ?? 'visible';
    for (const id of DRAFT_LAYERS) {
      expect(visibility(storyLayers(defaultTheme, { drafts: false }), id), id).toBe('none');
      expect(visibility(storyLayers(defaultTheme), id), id).toBe('visible');
    }
    for (const id of ['tiled-marks-draft', 'tiled-story-draft-hatch']) {
      expect(visibility(tiledLayers(defaultTheme, { drafts: false }), id), id).toBe('none');
      expect(visibility(tiledLayers(defaultTheme), id), id).toBe('visible');
    }
    // Nothing else is: the marks and dots of every story are laid out.
    const hidden = storyLayers(defaultTheme, { drafts: false }).filter((l) => visibility([l], l.id) === 'none');
    expect(hidden.map((l) => l.id).sort()).toEqual([...DRAFT_LAYERS].sort());
  });
});
