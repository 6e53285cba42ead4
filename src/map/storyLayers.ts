/**
 * The story's layers: places drawn by MapLibre style layers over two GeoJSON sources (areas and points in
 * `story-places`, their labels in `story-labels`). Which categories are visible changes only filters and
 * paint expressions (see storyExpressions), never the data, so a toggle costs no re-tiling.
 *
 * Precision is drawn, not hidden: regions and cities solid; whole countries dashed and faint; approximate
 * zones hatched and dashed; an approximate point (a base standing in for "the Arctic") blurred.
 */
import type { ExpressionSpecification, FilterSpecification, LayerSpecification } from 'maplibre-gl';
import { CATEGORIES, type Category, type Theme } from './theme';

export const STORY_SOURCES = ['story-places', 'story-labels'] as const;
export const HATCH_ZONE = 'hatch-zone';
/** Layers a click or hover hits. */
export const STORY_HIT_LAYERS = ['story-fill', 'story-points', 'story-points-approx'];
/** Layers whose filter depends on the visible categories. */
const FILTERED = [
  'story-fill',
  'story-hatch',
  'story-outline',
  'story-outline-approx',
  'story-points',
  'story-points-approx',
  'story-labels',
];

const AREA: FilterSpecification = ['in', ['geometry-type'], ['literal', ['Polygon', 'MultiPolygon']]];
const POINT: FilterSpecification = ['==', ['geometry-type'], 'Point'];
const APPROX: ExpressionSpecification = ['in', ['get', 'location_precision'], ['literal', ['country', 'zone']]];
const ZONE: ExpressionSpecification = ['==', ['get', 'location_precision'], 'zone'];
const state = (key: string): ExpressionSpecification => ['boolean', ['feature-state', key], false];

const namedByBasemap: ExpressionSpecification = ['in', ['get', 'kind'], ['literal', ['city', 'building', 'country']]];

const has = (c: Category): ExpressionSpecification => ['>', ['coalesce', ['get', `c_${c}`], 0], 0];

export interface StoryExpressions {
  /** True for a place with at least one event in a visible category. */
  visible: ExpressionSpecification;
  /** The colour of the first visible category the place has (categories in legend order). */
  color: ExpressionSpecification;
  /**
   * A place's name and its quantity when the quantity's category is visible; for cities, buildings and
   * countries only the quantity, since the basemap already names them.
   */
  label: ExpressionSpecification;
}

export function storyExpressions(theme: Theme, hidden: ReadonlySet<Category>): StoryExpressions {
  const shown = CATEGORIES.filter((c) => !hidden.has(c));
  const quantityShown: ExpressionSpecification = [
    'all',
    ['==', ['typeof', ['get', 'q_label']], 'string'],
    ['in', ['coalesce', ['get', 'q_category'], ''], ['literal', shown]],
  ];
  const color: ExpressionSpecification = shown.length
    ? ([
        'case',
        ...shown.flatMap((c) => [has(c), theme.categories[c]]),
        theme.basemap.textMuted,
      ] as unknown as ExpressionSpecification)
    : ['literal', theme.basemap.textMuted];
  return {
    visible: ['any', ...shown.map(has)] as unknown as ExpressionSpecification,
    color,
    label: [
      'case',
      ['all', namedByBasemap, quantityShown],
      ['get', 'q_label'],
      namedByBasemap,
      '',
      quantityShown,
      ['concat', ['get', 'name'], '\n', ['get', 'q_label']],
      ['get', 'name'],
    ],
  };
}

const filterFor = (id: string, visible: ExpressionSpecification): FilterSpecification => {
  switch (id) {
    case 'story-fill':
      return ['all', AREA, visible];
    case 'story-hatch':
      return ['all', AREA, ZONE, visible];
    case 'story-outline':
      return ['all', AREA, ['!', APPROX], visible];
    case 'story-outline-approx':
      return ['all', AREA, APPROX, visible];
    case 'story-points':
      return ['all', POINT, ['!', ZONE], visible];
    case 'story-points-approx':
      return ['all', POINT, ZONE, visible];
    default:
      return visible;
  }
};

export function storyLayers(theme: Theme, hidden: ReadonlySet<Category>): LayerSpecification[] {
  const x = storyExpressions(theme, hidden);
  const p = theme.precision;
  const opacity: ExpressionSpecification = [
    'match',
    ['get', 'location_precision'],
    'region',
    p.region.fillOpacity,
    'country',
    p.country.fillOpacity,
    'zone',
    p.zone.fillOpacity,
    p.city.fillOpacity,
  ];
  const emphasis = (normal: number, hover: number, selected: number): ExpressionSpecification => [
    'case',
    state('selected'),
    selected,
    state('hover'),
    hover,
    normal,
  ];
  const layers: LayerSpecification[] = [
    {
      id: 'story-fill',
      type: 'fill',
      source: 'story-places',
      paint: { 'fill-color': x.color, 'fill-opacity': ['case', state('selected'), ['+', opacity, 0.15], opacity] },
    },
    { id: 'story-hatch', type: 'fill', source: 'story-places', paint: { 'fill-pattern': HATCH_ZONE, 'fill-opacity': 0.45 } },
    {
      id: 'story-outline',
      type: 'line',
      source: 'story-places',
      layout: { 'line-join': 'round' },
      paint: { 'line-color': x.color, 'line-width': emphasis(p.region.outlineWidth, 2.5, 3.5) },
    },
    {
      id: 'story-outline-approx',
      type: 'line',
      source: 'story-places',
      layout: { 'line-join': 'round' },
      paint: { 'line-color': x.color, 'line-width': emphasis(p.zone.outlineWidth, 2.5, 3.5), 'line-dasharray': p.zone.dash },
    },
    {
      id: 'story-points-approx',
      type: 'circle',
      source: 'story-places',
      paint: {
        'circle-color': x.color,
        'circle-radius': emphasis(16, 18, 20),
        'circle-opacity': 0.35,
        'circle-blur': 0.6,
        'circle-stroke-color': x.color,
        'circle-stroke-width': ['case', state('selected'), 2, 0],
      },
    },
    {
      id: 'story-points',
      type: 'circle',
      source: 'story-places',
      paint: {
        'circle-color': x.color,
        'circle-radius': emphasis(7, 8.5, 10),
        'circle-stroke-color': ['case', state('selected'), theme.basemap.text, theme.basemap.halo],
        'circle-stroke-width': ['case', state('selected'), 3, 2],
      },
    },
    {
      id: 'story-labels',
      type: 'symbol',
      source: 'story-labels',
      layout: {
        'text-field': x.label,
        'text-font': theme.font.bold,
        'text-size': 12,
        'text-offset': [0, 1.3],
        'text-anchor': 'top',
        'text-max-width': 14,
        'symbol-sort-key': ['get', 'precision_rank'],
      },
      paint: { 'text-color': theme.basemap.text, 'text-halo-color': theme.basemap.halo, 'text-halo-width': 1.8 },
    },
  ];
  return layers.map((l) => ({ ...l, filter: filterFor(l.id, x.visible) }) as LayerSpecification);
}

/** What a toggle changes: each layer's filter, and the colour and label expressions. */
export function storyUpdates(theme: Theme, hidden: ReadonlySet<Category>) {
  const x = storyExpressions(theme, hidden);
  return {
    filters: FILTERED.map((id) => [id, filterFor(id, x.visible)] as const),
    color: x.color,
    label: x.label,
    colorLayers: [
      ['story-fill', 'fill-color'],
      ['story-outline', 'line-color'],
      ['story-outline-approx', 'line-color'],
      ['story-points', 'circle-color'],
      ['story-points-approx', 'circle-color'],
      ['story-points-approx', 'circle-stroke-color'],
    ] as const,
  };
}
