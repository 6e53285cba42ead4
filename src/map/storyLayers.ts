/**
 * The story's layers: places drawn by MapLibre style layers over GeoJSON sources (areas and points in
 * `story-places`, their labels in `story-labels`, their categories' marks in `story-marks` and, for a
 * dense story's points, `story-marks-dense`: data.ts placeMarks).
 *
 * A toggle must not make MapLibre lay out the places again: a new filter or a new data-driven paint value
 * on a layer reloads every tile of its source in the worker, and with Russia and the EU among the places
 * that was a second or more of tiles arriving and frames drawn one after another (tests/tools/interaction.ts).
 * So the area, point and mark layers never change: each place's colour and whether it (and each of its
 * marks) is shown are feature-state (data.ts placeState, markOff), which MapLibre applies to the tiles it
 * has on the main thread, in the next frame.
 * Only the labels, a source of points, take a new text (data.ts labelTextField), empty for a hidden place:
 * a hidden label must not keep its room from the others, and that only layout can give. Both follow the
 * story's one visibility rule (src/story/visibility.ts).
 *
 * Precision is drawn, not hidden: regions and cities solid; whole countries dashed and faint; approximate
 * zones hatched and dashed. An approximate place is always an area (the validator refuses a zone drawn as
 * a point): a blurred dot of fixed pixels is a sharp dot once zoomed in. A place listed only as a seat of
 * government standing in for an unnamed place takes no category's colour.
 */
import type { ExpressionSpecification, FilterSpecification, LayerSpecification } from 'maplibre-gl';
import { CATEGORIES } from '../catalogue/vocabulary';
import { DENSE_LABEL_MINZOOM, DOT_RADIUS, MARK_SOURCES, ROW_DY, UNDER_NAME, type MarkSource } from './data';
import { LABEL_ANCHORS, type LabelAnchor } from '../layers/format';
import { MARK_PAD, MARK_SIZE, markImage } from './symbols';
import type { Theme } from './theme';

/**
 * The count of independent sources on a place's marks (data.ts badgeChoices): its source and layer. It
 * holds, at each place that can have 2 sources or more, a badge for every count it can show, laid out
 * once; a view shows one of them by feature-state, so its data is not set again when a filter changes.
 */
export const SOURCE_COUNTS = 'story-source-counts';
/** The disc the count is written on (patterns.ts badge). */
export const SOURCE_BADGE = 'source-badge';
/** The count's text size, in CSS pixels: two digits fit the disc (data.ts BADGE_RADIUS). */
const BADGE_TEXT = 11;

/**
 * The approximate zones among the story's areas, again, for their hatching alone (data.ts zoneShapes). A
 * fill-pattern layer on `story-places` held back every tile of the places: MapLibre's worker finishes a
 * tile only once the main thread has sent it the pattern, and the areas, outlines and dots of the first
 * view came after the labels and marks instead of first (their tile events; the first idle 0.4-0.5 s
 * later, npm run bench). With the zones apart, only their own tiles wait for the pattern.
 */
export const ZONE_SOURCE = 'story-zones';
export const STORY_SOURCES = ['story-places', ZONE_SOURCE, 'story-labels', ...MARK_SOURCES, SOURCE_COUNTS] as const;
/**
 * The story sources' tile buffer, in pixels: wider than the largest mark (a 20 px circle, its stroke and
 * blur), far narrower than MapLibre's default of 128. A feature within the buffer of a tile is cut and
 * laid out again for that tile too: with 128 px a zoom-4 tile carries 2.25 times its own area, and at
 * 100,000 events that is most of the worker's time (npm run bench).
 */
export const STORY_TILE_BUFFER = 32;
export const HATCH_ZONE = 'hatch-zone';
/** The hatching over an area whose visible events are all unreviewed drafts: rising, where a zone's falls. */
export const HATCH_DRAFT = 'hatch-draft';
/** The dashed ring round a dot or a mark whose visible events are all unreviewed drafts. */
export const DRAFT_RING = 'draft-ring';
/**
 * The inside of a story's dot, drawn over the basemap's labels and dots: under it, the basemap's own dot
 * for the city (places-dot, in the text colour) was drawn over the story's, so that a plan's hollow dot
 * had a black centre and a done one showed its category's colour as a thin ring only.
 */
export const DOT_INSIDE = 'story-points-inside';
/** Layers a click or hover hits. */
export const STORY_HIT_LAYERS = ['story-fill', 'story-points', ...MARK_SOURCES];

const AREA: FilterSpecification = ['in', ['geometry-type'], ['literal', ['Polygon', 'MultiPolygon']]];
const POINT: FilterSpecification = ['==', ['geometry-type'], 'Point'];
/** The place's ink (layers/shapes.ts inkOf), or its precision in layers built before ink was recorded. */
const INK: ExpressionSpecification = ['coalesce', ['get', 'ink'], ['get', 'location_precision']];
const APPROX: ExpressionSpecification = ['in', INK, ['literal', ['country', 'zone']]];
const ZONE: ExpressionSpecification = ['==', INK, 'zone'];
const state = (key: string): ExpressionSpecification => ['boolean', ['feature-state', key], false];
/** A place none of whose categories is shown: drawn fully transparent, and not hit (see MapView). */
const OFF = state('off');
/**
 * A place or mark only plans show (visibility.ts isPlan: not yet done when the article says it): drawn
 * outlined, not filled. An area keeps its outline, dashed finer than an approximate zone's; a dot and a
 * mark are hollow, their edge in the category's colour.
 */
const PLAN = state('plan');
/**
 * A place or mark only unreviewed drafts show (visibility.ts isDraft): an area hatched grey, rising where
 * an approximate zone's hatching falls; a dot or a mark inside a dashed ring (DRAFT_RING). Drawn over
 * whatever else it is (done or planned, its category's colour), so that a draft is never taken for a
 * reviewed event, nor a draft of a plan for a draft of a deed.
 */
const DRAFT = state('draft');
/** An area's outline when only plans show it: short dashes, finer than an approximate zone's. */
export const PLAN_DASH = [1.5, 1.5];

/** Labels and marks that wait for a zoom (a dense story's points: see labelPoints) are left out below it. */
const fromZoom = (key: string): FilterSpecification => ['any', ['!', ['has', key]], ['>=', ['zoom'], ['get', key]]];

/**
 * A place's colour: its feature-state, set from the story's visibility rule (data.ts placeState) in the
 * same task as its data, before any tile of it is drawn; neutral until then.
 */
const colorOf = (theme: Theme): ExpressionSpecification =>
  ['to-color', ['coalesce', ['feature-state', 'color'], theme.basemap.seat]] as unknown as ExpressionSpecification;

/** What each layer draws; the area and point layers draw every place, whatever is hidden (see above). */
const FILTERS: Record<string, FilterSpecification> = {
  'story-fill': AREA,
  'story-hatch': ['all', AREA, ZONE],
  'story-draft-hatch': AREA,
  'story-outline': ['all', AREA, ['!', APPROX]],
  'story-outline-plan': ['all', AREA, ['!', APPROX]],
  'story-outline-approx': ['all', AREA, APPROX],
  'story-points': POINT,
  'story-points-draft': POINT,
  [DOT_INSIDE]: POINT,
  'story-labels': fromZoom('label_minzoom'),
  [SOURCE_COUNTS]: fromZoom('minzoom'),
};
/** A value by hover and selection: `selected` wins over `hover`, which wins over `normal`. */
const emphasis = (normal: number | ExpressionSpecification, hover: number, selected: number): ExpressionSpecification => [
  'case',
  state('selected'),
  selected,
  state('hover'),
  hover,
  normal,
];
/** Opacity `shown` for a place that is on, 0 for one that is off. */
const unlessOff = (shown: number | ExpressionSpecification): ExpressionSpecification => ['case', OFF, 0, shown];

/** The widest line of an area's label, in ems. */
const AREA_LABEL_EMS = 9;

/** A label's offset in ems from its point for an anchor: `gap` ems away, on the anchor's sides. */
function anchorOffset(anchor: LabelAnchor, gap: number): [number, number] {
  const x = anchor.endsWith('left') ? gap : anchor.endsWith('right') ? -gap : 0;
  return [x, anchor.startsWith('top') ? gap : anchor.startsWith('bottom') ? -gap : 0];
}

/** The layers that draw drafts apart: left out of the layout (visibility none) for a story without drafts. */
export const DRAFT_LAYERS = ['story-draft-hatch', 'story-points-draft', 'story-marks-draft', 'story-marks-dense-draft'];

/**
 * The story's layers. `drafts: false` (a story with no unreviewed source) sets the draft layers'
 * visibility to none: MapLibre's worker then lays none of them out, where the marks' rings would double
 * the symbols it places for every tile.
 */
export function storyLayers(theme: Theme, { drafts = true }: { drafts?: boolean } = {}): LayerSpecification[] {
  const color = colorOf(theme);
  const p = theme.precision;
  const opacity: ExpressionSpecification = [
    'match',
    INK,
    'region',
    p.region.fillOpacity,
    'country',
    p.country.fillOpacity,
    'zone',
    p.zone.fillOpacity,
    p.city.fillOpacity,
  ];
  const layers: LayerSpecification[] = [
    {
      id: 'story-fill',
      type: 'fill',
      source: 'story-places',
      // No antialiasing pass: story-outline and story-outline-approx draw every edge (see style.ts).
      paint: {
        'fill-color': color,
        'fill-opacity': unlessOff(['case', PLAN, 0, state('selected'), ['+', opacity, 0.15], opacity]),
        'fill-antialias': false,
      },
    },
    {
      id: 'story-hatch',
      type: 'fill',
      source: ZONE_SOURCE,
      paint: {
        'fill-pattern': HATCH_ZONE,
        'fill-opacity': unlessOff(['case', PLAN, 0, p.zone.hatchOpacity]),
        'fill-antialias': false,
      },
    },
    {
      id: 'story-draft-hatch',
      type: 'fill',
      source: 'story-places',
      paint: {
        'fill-pattern': HATCH_DRAFT,
        'fill-opacity': unlessOff(['case', DRAFT, 1, 0]),
        'fill-antialias': false,
      },
    },
    {
      id: 'story-outline',
      type: 'line',
      source: 'story-places',
      // Miter joins, MapLibre's default, on every outline: round ones add a fan of triangles at each vertex,
      // and Russia's and the EU's dashed outlines have thousands. In software WebGL that was 8 ms of a 90 ms
      // frame (the three outlines' layers, repainted at the first view); at these widths the corners look the same.
      layout: { 'line-join': 'miter' },
      paint: {
        'line-color': color,
        'line-opacity': unlessOff(['case', PLAN, 0, 1]),
        'line-width': emphasis(p.region.outlineWidth, 2.5, 3.5),
      },
    },
    {
      // A region or city area only plans show: the same outline, dashed (story-outline gives way to it).
      id: 'story-outline-plan',
      type: 'line',
      source: 'story-places',
      layout: { 'line-join': 'miter' },
      paint: {
        'line-color': color,
        'line-opacity': unlessOff(['case', PLAN, 1, 0]),
        'line-width': emphasis(2, 2.5, 3.5),
        'line-dasharray': PLAN_DASH,
      },
    },
    {
      id: 'story-outline-approx',
      type: 'line',
      source: 'story-places',
      layout: { 'line-join': 'miter' },
      paint: {
        'line-color': color,
        'line-opacity': unlessOff(1),
        'line-width': emphasis(
          ['match', INK, 'country', p.country.outlineWidth, p.zone.outlineWidth] as ExpressionSpecification,
          2.5,
          3.5,
        ),
        'line-dasharray': p.zone.dash,
      },
    },
    {
      id: 'story-points',
      type: 'circle',
      source: 'story-places',
      paint: {
        // Hollow for a plan: the dot's ring in its colour, the inside the halo's.
        'circle-color': ['case', PLAN, theme.basemap.halo, color] as unknown as ExpressionSpecification,
        'circle-radius': emphasis(DOT_RADIUS, DOT_RADIUS + 1.5, DOT_RADIUS + 3),
        'circle-opacity': unlessOff(1),
        'circle-stroke-opacity': unlessOff(1),
        'circle-stroke-color': [
          'case',
          state('selected'),
          theme.basemap.text,
          PLAN,
          color,
          theme.basemap.halo,
        ] as unknown as ExpressionSpecification,
        'circle-stroke-width': ['case', state('selected'), 3, PLAN, 2.5, 2],
      },
    },
    {
      // Over the basemap's dot (see DOT_INSIDE): the dot's inside again, in its colour, or the halo's
      // for a plan (hollow); story-points under it draws the edge.
      id: DOT_INSIDE,
      type: 'circle',
      source: 'story-places',
      paint: {
        'circle-color': ['case', PLAN, theme.basemap.halo, color] as unknown as ExpressionSpecification,
        'circle-radius': emphasis(DOT_RADIUS, DOT_RADIUS + 1.5, DOT_RADIUS + 3),
        'circle-opacity': unlessOff(1),
        'circle-stroke-width': 0,
      },
    },
    {
      // Over the dot: its ring, dashed, when only drafts show the place.
      id: 'story-points-draft',
      type: 'symbol',
      source: 'story-places',
      layout: { 'icon-image': DRAFT_RING, 'icon-allow-overlap': true, 'icon-ignore-placement': true, 'icon-padding': 0 },
      paint: { 'icon-opacity': unlessOff(['case', DRAFT, 1, 0]) },
    },
    {
      id: 'story-labels',
      type: 'symbol',
      source: 'story-labels',
      layout: {
        // The text the source was set with; each change of the view sends what differs (data.ts labelTextField).
        'text-field': ['get', 'text'],
        'text-font': theme.font.bold,
        'text-size': 12,
        // Below a point's dot. An area's hangs from its label point (the point farthest from its edges)
        // on the side the build chose to keep it inside its area (layers/geometry.ts labelAnchor), its
        // marks on the other side (story-marks).
        'text-anchor': ['match', ['coalesce', ['get', 'area'], 'point'], ['point', 'under-name'], 'top', ['get', 'area']],
        'text-offset': [
          'match',
          ['coalesce', ['get', 'area'], 'point'],
          'point',
          ['literal', [0, (DOT_RADIUS + 4) / 12]],
          // Under the country's name and its row of marks.
          'under-name',
          ['literal', [0, (UNDER_NAME + 2 * MARK_PAD + MARK_SIZE + 2) / 12]],
          ...LABEL_ANCHORS.flatMap((a) => [a, ['literal', anchorOffset(a, 0.2)]]),
          ['literal', [0, 0.2]],
        ] as unknown as ExpressionSpecification,
        // An area's name in a compact block (stacked words, as maps name regions): it must fit among the
        // dots and names of a small region (layers/labels.ts labelBox estimates the same).
        'text-max-width': ['case', ['has', 'area'], AREA_LABEL_EMS, 14],
        'symbol-sort-key': ['get', 'precision_rank'],
      },
      paint: { 'text-color': theme.basemap.text, 'text-halo-color': theme.basemap.halo, 'text-halo-width': 1.8 },
    },
    // Last, so placed first: the labels make way for the marks, which are always drawn.
    ...MARK_SOURCES.flatMap((source) => [marksLayer(theme, source), markRingLayer(source)]),
    {
      // The count of independent sources beside a row of marks, from 2 (data.ts badgeChoices): always
      // drawn, and the labels make way for it as for the marks.
      id: SOURCE_COUNTS,
      type: 'symbol',
      source: SOURCE_COUNTS,
      layout: {
        'icon-image': SOURCE_BADGE,
        'icon-offset': markOffset(),
        'icon-allow-overlap': true,
        'icon-padding': 0,
        'text-field': ['get', 'count'],
        'text-font': theme.font.bold,
        'text-size': BADGE_TEXT,
        'text-offset': markOffset(1 / BADGE_TEXT),
        'text-allow-overlap': true,
        'text-padding': 0,
      },
      // Every count a slot can show is laid out, the view's one shown (data.ts badgeChoices): the others
      // are transparent and still hold their place, so a label does not move when a count comes or goes.
      paint: { 'text-color': theme.basemap.halo, 'icon-opacity': SHOWN, 'text-opacity': SHOWN },
    } as unknown as LayerSpecification,
  ];
  return layers.map((l) => {
    const hidden = !drafts && DRAFT_LAYERS.includes(l.id) ? { layout: { ...l.layout, visibility: 'none' } } : {};
    return { ...l, ...(FILTERS[l.id] ? { filter: FILTERS[l.id] } : {}), ...hidden } as LayerSpecification;
  });
}

/** Opaque where the feature-state says `shown` (featureState.ts ShownFeatures), else transparent. */
const SHOWN: ExpressionSpecification = ['case', ['boolean', ['feature-state', 'shown'], false], 1, 0];

/** Wider than any row of marks, in CSS pixels: the range markOffset interpolates `dx` over. */
const MAX_DX = 1000;

/**
 * A mark's offset, [dx, dy], made of two number properties (data.ts MarkProperties): MapLibre has no
 * expression that builds an array, but an interpolation's output may be one, and a linear one between
 * [-MAX_DX, dy] and [MAX_DX, dy] is [dx, dy] itself; dy takes one of a few values (data.ts ROW_DY).
 */
function markOffset(scale = 1): ExpressionSpecification {
  // `scale`: in other units than pixels (a text's offset is in ems: 1 / its size).
  const row = (dy: number): ExpressionSpecification => [
    'interpolate',
    ['linear'],
    ['to-number', ['get', 'dx'], 0],
    -MAX_DX,
    ['literal', [-MAX_DX * scale, dy * scale]],
    MAX_DX,
    ['literal', [MAX_DX * scale, dy * scale]],
  ];
  const dys = [...new Set(Object.values(ROW_DY))];
  // A case, not a match: match's labels must be integers, and half pixels are among the dys.
  const dy: ExpressionSpecification = ['to-number', ['get', 'dy'], 0];
  return ['case', ...dys.flatMap((v) => [['==', dy, v], row(v)]), row(0)] as unknown as ExpressionSpecification;
}

/** A marks layer, one per source (data.ts MARK_SOURCES): a dense story's points' from the labels' zoom. */
function marksLayer(theme: Theme, source: MarkSource): LayerSpecification {
  return {
    id: source,
    type: 'symbol',
    source,
    ...(source === 'story-marks-dense' ? { minzoom: DENSE_LABEL_MINZOOM } : {}),
    layout: {
      'icon-image': ['match', ['get', 'category'], ...CATEGORIES.flatMap((c) => [c, markImage(c)]), ''],
      'icon-offset': markOffset(),
      'icon-allow-overlap': true,
      'icon-padding': 0,
    },
    paint: markPaint(theme, ['get', 'category']),
  } as unknown as LayerSpecification;
}

/** The dashed ring over a mark only drafts show, at the mark's own offset (`<source>-draft`). */
function markRingLayer(source: MarkSource): LayerSpecification {
  return {
    id: `${source}-draft`,
    type: 'symbol',
    source,
    ...(source === 'story-marks-dense' ? { minzoom: DENSE_LABEL_MINZOOM } : {}),
    layout: { ...DRAFT_RING_LAYOUT, 'icon-offset': markOffset() },
    paint: DRAFT_RING_PAINT,
  } as unknown as LayerSpecification;
}

/** A draft ring's layout, less its offset: drawn wherever its mark is, never making way. */
export const DRAFT_RING_LAYOUT = {
  'icon-image': DRAFT_RING,
  'icon-allow-overlap': true,
  'icon-ignore-placement': true,
  'icon-padding': 0,
} as const;
/** A draft ring's paint: shown while its mark is on and only drafts show it. */
export const DRAFT_RING_PAINT = { 'icon-opacity': unlessOff(['case', DRAFT, 1, 0]) };

/**
 * A category mark's paint, its category read by `category` (the GeoJSON story's marks and a tiled story's
 * alike): filled in its colour, or hollow when only plans show it; emphasised on hover and selection.
 */
export function markPaint(theme: Theme, categoryOf: ExpressionSpecification): Record<string, unknown> {
  const category: ExpressionSpecification = [
    'match',
    categoryOf,
    ...CATEGORIES.flatMap((c) => [c, theme.categories[c]]),
    theme.basemap.seat,
  ] as unknown as ExpressionSpecification;
  return {
    // A plan's mark is hollow: its inside the halo's colour, its edge the category's (and wider).
    'icon-color': ['case', PLAN, theme.basemap.halo, category],
    'icon-opacity': unlessOff(1),
    'icon-halo-color': [
      'case',
      state('selected'),
      theme.basemap.text,
      state('hover'),
      theme.basemap.text,
      PLAN,
      category,
      theme.basemap.markEdge,
    ],
    'icon-halo-width': ['case', PLAN, emphasis(2, 2.4, 3), emphasis(1, 1.6, 2.4)],
  };
}
