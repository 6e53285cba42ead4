/**
 * The MapLibre style, generated from a Theme. The basemap is drawn from vector tile archives cut at build
 * time (basemap/archives.ts). The map is made with the basemap alone, so it (and its controls) can appear
 * before the story's files have loaded; the story's sources and layers are added with their data once they
 * have (addStory).
 *
 * Text: printable ASCII from glyph files the build makes (`glyphs`), the rest drawn by MapLibre from the
 * bundled Noto Sans files `font-faces` names (fonts.ts); no glyph server.
 */
import type {
  ExpressionSpecification,
  FilterSpecification,
  GeoJSONSourceSpecification,
  LayerSpecification,
  SourceSpecification,
  Map as MaplibreMap,
  StyleSpecification,
} from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { CATEGORIES } from '../catalogue/vocabulary';
import { badge, dashedRing, hatch, type RasterImage } from './patterns';
import { BADGE_RADIUS } from './data';
import { CATEGORY_SHAPES, markImage, shapeSdf } from './symbols';
import {
  DOT_INSIDE,
  DRAFT_RING,
  HATCH_DRAFT,
  HATCH_ZONE,
  SOURCE_BADGE,
  SOURCE_COUNTS,
  STORY_SOURCES,
  STORY_TILE_BUFFER,
  storyLayers,
} from './storyLayers';
import {
  archiveSource,
  BASEMAP_SOURCES,
  BASEMAP_ZOOMS,
  basemapUrl,
  SOURCE_OF_LAYER,
  type BasemapSource,
} from '../basemap/archives';
import { FONT_FACES } from './fonts';
import { GLYPHS_PATH } from '../basemap/labelFonts';
import { sharePrograms } from './programs';
import type { Theme } from './theme';

export { BASEMAP_SOURCES, type BasemapSource };

/** Name of the hatch image a fill-pattern asks for; the map view draws it on first use. */
const HATCH_DISPUTED = 'hatch-disputed';

/** Every image the style's patterns name, and how to draw it. */
export function stylePatterns(theme: Theme): Record<string, () => RasterImage> {
  return {
    [HATCH_DISPUTED]: () => hatch(theme.basemap.disputedHatch, 8, 2),
    [HATCH_ZONE]: () => hatch(theme.basemap.text, 10, 1, 140),
    // Denser and darker than a zone's, and rising: a draft's area reads as one over any precision's ink.
    [HATCH_DRAFT]: () => hatch(theme.basemap.markEdge, 6, 2, 170, true),
    [DRAFT_RING]: () => dashedRing(theme.basemap.markEdge, theme.basemap.halo),
    // The text's colour, edged in the halo's: the count on it is written in the halo's colour.
    [SOURCE_BADGE]: () => badge(theme.basemap.text, theme.basemap.halo, BADGE_RADIUS),
    ...Object.fromEntries(CATEGORIES.map((c) => [markImage(c), () => shapeSdf(CATEGORY_SHAPES[c])])),
  };
}

/**
 * The basemap places the article itself names (gazetteer ids, "geonames:703448"): set in bold and placed
 * first. Emphasis is for what the article names, so it comes from the story's catalogue (places with
 * basis "article"), never from the basemap's own list of the theatre's cities; the rest are orientation
 * labels. Empty until a story is loaded.
 */
const named = (ids: readonly string[]): ExpressionSpecification => ['in', ['get', 'id'], ['literal', [...ids]]];

/** Filters of the place layers that depend on the named places (namedPlaceLayers applies them to a map). */
function placeFilters(ids: readonly string[]): Record<'places-dot' | 'places' | 'places-story', FilterSpecification> {
  return {
    'places-dot': ['any', named(ids), ['<=', ['get', 'rank'], 1], ['>=', ['zoom'], 4.5]],
    places: ['all', ['!', named(ids)], ['any', ['<=', ['get', 'rank'], 1], ['>=', ['zoom'], 4.5]]],
    'places-story': named(ids),
  };
}

/** What changes in the style when the story's named places are known: the place layers' filters and dot size. */
export function namedPlaceLayers(ids: readonly string[]) {
  return {
    filters: placeFilters(ids),
    dotRadius: ['case', named(ids), 3.5, 2.5] as ExpressionSpecification,
  };
}

/** A basemap layer's source: the archive that holds its vector layer, and the layer's name there. */
const from = (layer: keyof typeof SOURCE_OF_LAYER) => ({ source: SOURCE_OF_LAYER[layer], 'source-layer': layer });

export function basemapLayers(theme: Theme, namedIds: readonly string[] = []): LayerSpecification[] {
  const b = theme.basemap;
  const filters = placeFilters(namedIds);
  const halo = { 'text-halo-color': b.halo, 'text-halo-width': 1.4, 'text-halo-blur': 0.3 };
  return [
    { id: 'sea', type: 'background', paint: { 'background-color': b.sea } },
    // `fill-antialias: false` on fills whose edges a line layer draws anyway: the antialiasing pass outlines
    // every polygon once more, and with software WebGL it was a quarter of a frame (npm run bench).
    { id: 'world-fill', type: 'fill', ...from('world'), paint: { 'fill-color': b.landWorld, 'fill-antialias': false } },
    {
      id: 'world-borders',
      type: 'line',
      ...from('world-borders'),
      paint: {
        'line-color': ['case', ['==', ['get', 'kind'], 'coast'], b.outline, b.countryBorder],
        'line-width': ['case', ['==', ['get', 'kind'], 'coast'], 0.6, 0.8],
      },
    },
    {
      id: 'units-fill',
      type: 'fill',
      ...from('units'),
      paint: { 'fill-color': ['case', ['==', ['get', 'level'], 'unit'], b.landStory, b.land], 'fill-antialias': false },
    },
    {
      id: 'disputed-hatch',
      type: 'fill',
      ...from('units'),
      filter: ['==', ['get', 'disputed'], true],
      paint: { 'fill-pattern': HATCH_DISPUTED, 'fill-opacity': 0.7, 'fill-antialias': false },
    },
    { id: 'lakes', type: 'fill', ...from('lakes'), paint: { 'fill-color': b.lake } },
    {
      id: 'rivers',
      type: 'line',
      ...from('rivers'),
      minzoom: 3.5,
      paint: { 'line-color': b.river, 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.6, 8, 1.6] },
    },
    {
      id: 'coast',
      type: 'line',
      ...from('borders'),
      filter: ['==', ['get', 'kind'], 'coast'],
      paint: { 'line-color': b.outline, 'line-width': 0.6 },
    },
    {
      id: 'unit-borders',
      type: 'line',
      ...from('borders'),
      filter: ['==', ['get', 'kind'], 'unit'],
      minzoom: 3,
      paint: { 'line-color': b.unitBorder, 'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.4, 8, 1.2] },
    },
    {
      id: 'disputed-borders',
      type: 'line',
      ...from('borders'),
      filter: ['==', ['get', 'kind'], 'disputed'],
      paint: { 'line-color': b.disputedBorder, 'line-width': 1.4, 'line-dasharray': [3, 2] },
    },
    {
      id: 'country-borders',
      type: 'line',
      ...from('borders'),
      filter: ['==', ['get', 'kind'], 'country'],
      layout: { 'line-join': 'round' },
      paint: { 'line-color': b.countryBorder, 'line-width': ['interpolate', ['linear'], ['zoom'], 2, 0.8, 8, 2.2] },
    },
    {
      id: 'country-labels',
      type: 'symbol',
      ...from('country-labels'),
      maxzoom: 7,
      layout: {
        'text-field': ['upcase', ['get', 'name']],
        'text-font': theme.font.regular,
        'text-size': ['case', ['==', ['get', 'story'], true], 15, 11],
        'text-letter-spacing': 0.15,
        'text-max-width': 8,
        'symbol-sort-key': ['case', ['==', ['get', 'story'], true], 0, 1],
      },
      paint: { 'text-color': b.textMuted, ...halo },
    },
    {
      id: 'unit-labels',
      type: 'symbol',
      ...from('unit-labels'),
      minzoom: 5,
      layout: {
        'text-field': ['get', 'name'],
        'text-font': theme.font.regular,
        'text-size': 11,
        'text-max-width': 7,
        'text-letter-spacing': 0.05,
      },
      paint: { 'text-color': b.textMuted, 'text-opacity': 0.85, ...halo },
    },
    {
      id: 'places-dot',
      type: 'circle',
      ...from('places'),
      filter: filters['places-dot'],
      paint: {
        'circle-radius': namedPlaceLayers(namedIds).dotRadius,
        'circle-color': b.text,
        'circle-stroke-color': b.halo,
        'circle-stroke-width': 1,
      },
    },
    {
      id: 'places',
      type: 'symbol',
      ...from('places'),
      filter: filters.places,
      layout: {
        'text-field': ['get', 'name'],
        'text-font': theme.font.regular,
        'text-size': ['case', ['==', ['get', 'capital'], true], 13, 12],
        'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
        'text-radial-offset': 0.5,
        'text-justify': 'auto',
        'symbol-sort-key': ['get', 'rank'],
      },
      paint: { 'text-color': b.text, ...halo },
    },
    // Drawn last so that it is placed first: MapLibre places symbols from the top layer down, and the
    // places the article names must win collisions.
    {
      id: 'places-story',
      type: 'symbol',
      ...from('places'),
      filter: filters['places-story'],
      layout: {
        'text-field': ['get', 'name'],
        'text-font': theme.font.bold,
        'text-size': 14,
        'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
        'text-radial-offset': 0.55,
        'text-justify': 'auto',
        'symbol-sort-key': ['get', 'population'],
      },
      paint: { 'text-color': b.text, ...halo, 'text-halo-width': 1.8 },
    },
  ] as LayerSpecification[];
}

/** Basemap sources, then the story's. */
export const ALL_SOURCES = [...BASEMAP_SOURCES, ...STORY_SOURCES];

type StorySource = (typeof STORY_SOURCES)[number];
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/**
 * The story's sources, with their data, and its layers: those drawn under the basemap's labels, and the
 * labels of its own, drawn last.
 */
export function storyParts(theme: Theme, data: Partial<Record<StorySource, FeatureCollection>>, drafts = true) {
  const sources = Object.fromEntries(
    STORY_SOURCES.map((id): [StorySource, GeoJSONSourceSpecification] => [
      id,
      { type: 'geojson', data: data[id] ?? EMPTY, buffer: STORY_TILE_BUFFER },
    ]),
  ) as Record<StorySource, GeoJSONSourceSpecification>;
  // The story's marks go under the basemap's labels, so city names stay legible on top of them; the
  // story's own labels go last, so that they are placed first and win collisions. A plan's dot keeps its
  // inside over the basemap's dot for the same city (DOT_INSIDE).
  const layers = sharePrograms(storyLayers(theme, { drafts }));
  const over = (l: LayerSpecification) => l.type === 'symbol' || l.id === DOT_INSIDE;
  return { sources, under: layers.filter((l) => !over(l)), over: layers.filter(over) };
}

/** The basemap layer the story's areas, points and marks are drawn under. */
const FIRST_LABEL = 'country-labels';

/**
 * The map's style: the basemap and, unless `withStory: false`, the story's layers over empty sources (the
 * app adds them with their data instead: addStory). `withStory: false` is the style the app's map is made
 * with, and the basemap the benchmark's baseline page draws. `named`: the basemap places the article
 * names (namedByArticle), set in bold from the start, so the basemap's tiles are not laid out again when
 * the story comes (namedPlaceLayers).
 */
export function buildStyle(
  theme: Theme,
  { withStory = true, named = [] }: { withStory?: boolean; named?: readonly string[] } = {},
): StyleSpecification {
  const layers = sharePrograms(basemapLayers(theme, named));
  const story = withStory ? storyParts(theme, {}) : null;
  if (story) {
    layers.splice(
      layers.findIndex((l) => l.id === FIRST_LABEL),
      0,
      ...story.under,
    );
    layers.push(...story.over);
  }
  return {
    version: 8,
    name: 'Situation Map',
    glyphs: `${import.meta.env.BASE_URL}${GLYPHS_PATH}`,
    'font-faces': FONT_FACES,
    sources: {
      ...Object.fromEntries(BASEMAP_SOURCES.map((id) => [id, archiveSource(basemapUrl(id), BASEMAP_ZOOMS[id])])),
      ...story?.sources,
    } as StyleSpecification['sources'],
    layers,
  };
}

/**
 * Adds the story's sources, with their data, and its layers to a map made with the basemap alone, as
 * buildStyle would have placed them. Once, with the data: a GeoJSON source made empty and then given its
 * data by setData has its tiles laid out twice in MapLibre's worker, since the tiles asked for while the
 * data is on its way are laid out again when it arrives (seen in the worker's messages: every story tile
 * loaded, then reloaded, at the first view). `drafts: false`: the story has no unreviewed source, and
 * its draft layers are left out of the layout (storyLayers.ts DRAFT_LAYERS).
 */
export function addStory(
  map: MaplibreMap,
  theme: Theme,
  data: Partial<Record<StorySource, FeatureCollection>>,
  { drafts = true }: { drafts?: boolean } = {},
): void {
  const { sources, under, over } = storyParts(theme, data, drafts);
  addToMap(
    map,
    STORY_SOURCES.map((id) => [id, sources[id]]),
    [...under.map((l): [LayerSpecification, string] => [l, FIRST_LABEL]), ...over.map((l): [LayerSpecification] => [l])],
  );
}

/**
 * Adds sources, then layers (each before the layer named, or on top), to a map whose style has loaded.
 * The layers go to the style without MapLibre checking each against the style spec again: the unit tests
 * check every layer either form of a story adds (style.test.ts), and at every load that check was some
 * 150 ms of the main thread before the story's first frame (profiled, three loads: 188 ms in addLayer
 * against 39 without it). The sources are added first, through the map, which asks for the style's
 * update in the next frame: the layers added in the same task are part of that update.
 */
export function addToMap(
  map: MaplibreMap,
  sources: readonly [string, SourceSpecification][],
  layers: readonly (readonly [LayerSpecification, string?])[],
): void {
  if (!sources.length) throw new Error('addToMap: layers are added with their sources, and none was given');
  for (const [id, spec] of sources) map.addSource(id, spec);
  for (const [layer, before] of layers) map.style.addLayer(layer, before, { validate: false });
}

/**
 * A layer over a source that can be empty is laid out only while it has something to draw: the count layer
 * (SOURCE_COUNTS: a story of one source never draws one; both forms of a story draw their counts through
 * it) and the zones' hatching (a story without an approximate zone). An empty layer is no part of the view,
 * as the draft layers of a story without drafts are not, and nothing waits for its tiles.
 */
export function laidOutWhen(map: MaplibreMap, layer: typeof SOURCE_COUNTS | 'story-hatch', any: boolean): void {
  const visibility = any ? 'visible' : 'none';
  // Unset is visible: setting what is already so would still have MapLibre lay the layer's tiles out again.
  if ((map.getLayoutProperty(layer, 'visibility') ?? 'visible') !== visibility)
    map.setLayoutProperty(layer, 'visibility', visibility);
}
