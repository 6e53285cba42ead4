/**
 * A tiled story on the map (src/layers/tiled.ts builds it): two vector sources read from its PMTiles
 * archives through the pmtiles:// protocol (mapWorker.ts), its areas drawn as the GeoJSON story's are
 * (storyLayers.ts: the same fill, hatch and outline layers on the `areas` vector layer) and its marks as
 * rows of category marks.
 *
 * A toggle or a step of the timeline lays out no tile again: both sources' ids are promoted from a
 * property (an area's place_id, a mark's combo `k`), and the view becomes feature-state, which MapLibre
 * applies on the main thread in the next frame. Every mark of one combo (category, source, date
 * interval) shares its state, so a view sets one state per combo, a few dozen, however many marks there
 * are; the thinned marks keep every combo of their cell, so a cell's mark shows exactly when an event
 * in it passes the view.
 */
import type { LayerSpecification, Map as MaplibreMap, MapGeoJSONFeature, PointLike } from 'maplibre-gl';
import { CATEGORIES } from '../catalogue/vocabulary';
import type { TiledStoryFile } from '../layers/format';
import { MARK_STEP, placeState, type PlaceState } from './data';
import { MAX_SLOT } from '../layers/markRow';
import { FeatureStates } from './featureState';
import { archiveSource, archiveUrl } from '../basemap/archives';
import { sharePrograms } from './programs';
import { DRAFT_RING_LAYOUT, DRAFT_RING_PAINT, markPaint, storyLayers } from './storyLayers';
import { markImage } from './symbols';
import type { Theme } from './theme';
import { draftSources, isDraft, type PlaceView } from '../story/visibility';

const TILED_AREAS = 'story-tiled-areas';
const TILED_MARKS = 'story-tiled-marks';
const AREA_LAYERS = [
  'story-fill',
  'story-hatch',
  'story-draft-hatch',
  'story-outline',
  'story-outline-plan',
  'story-outline-approx',
];
/** Layers a click or hover hits. */
const TILED_HIT_LAYERS = ['tiled-story-fill', 'tiled-marks'];

/**
 * The style layers of a tiled story: areas as storyLayers draws them, and its marks as the GeoJSON
 * story's are (storyLayers.ts markPaint: hollow for a combo of plans), each in a dashed ring when its
 * combo's source is an unreviewed draft.
 */
export function tiledLayers(theme: Theme, { drafts = true }: { drafts?: boolean } = {}): LayerSpecification[] {
  const areas = storyLayers(theme, { drafts })
    .filter((l) => AREA_LAYERS.includes(l.id))
    .map((l) => ({ ...l, id: `tiled-${l.id}`, source: TILED_AREAS, 'source-layer': 'areas' }) as LayerSpecification);
  const offsets: unknown[] = [];
  for (let s = -MAX_SLOT; s <= MAX_SLOT; s++) offsets.push(s, ['literal', [(s * MARK_STEP) / 2, 0]]);
  const offset = ['match', ['get', 's'], ...offsets, ['literal', [0, 0]]];
  const marks = {
    id: 'tiled-marks',
    type: 'symbol',
    source: TILED_MARKS,
    'source-layer': 'marks',
    layout: {
      'icon-image': ['match', ['get', 'c'], ...CATEGORIES.flatMap((c) => [c, markImage(c)]), ''],
      'icon-offset': offset,
      'icon-allow-overlap': true,
      'icon-ignore-placement': true,
      'icon-padding': 0,
    },
    paint: markPaint(theme, ['get', 'c']),
  } as unknown as LayerSpecification;
  const rings = {
    id: 'tiled-marks-draft',
    type: 'symbol',
    source: TILED_MARKS,
    'source-layer': 'marks',
    // Left out of the layout for a story with no unreviewed source (storyLayers.ts DRAFT_LAYERS).
    layout: { ...DRAFT_RING_LAYOUT, 'icon-offset': offset, ...(drafts ? {} : { visibility: 'none' }) },
    paint: DRAFT_RING_PAINT,
  } as unknown as LayerSpecification;
  return [...areas, marks, rings];
}

/**
 * Adds a tiled story's sources and layers to a map whose style has loaded: the areas under the basemap's
 * labels (`beforeId`), as the GeoJSON story's are, the marks on top.
 */
export function addTiledStory(map: MaplibreMap, base: string, summary: TiledStoryFile, theme: Theme, beforeId?: string): void {
  const { areas, marks } = summary.tiled.archives;
  map.addSource(TILED_AREAS, {
    ...archiveSource(archiveUrl(`${base}${areas.file}`, ''), areas),
    promoteId: { areas: 'place_id' },
  });
  map.addSource(TILED_MARKS, { ...archiveSource(archiveUrl(`${base}${marks.file}`, ''), marks), promoteId: { marks: 'k' } });
  // With the style's own mix of shader inputs per layer type (programs.ts): no program of their own to compile.
  for (const layer of sharePrograms(tiledLayers(theme, { drafts: draftSources(summary.sources).size > 0 })))
    map.addLayer(layer, layer.type === 'symbol' || !beforeId || !map.getLayer(beforeId) ? undefined : beforeId);
}

/**
 * What an area shows in a view, from its combos' visibility (the view's one rule, decided per combo):
 * as visibility.ts placeView says of a place's events, a combo standing for its events. `drafts` is the
 * story's unreviewed sources (visibility.ts draftSources).
 */
export function areaView(
  area: TiledStoryFile['areas'][number],
  summary: TiledStoryFile,
  visible: readonly boolean[],
  drafts: ReadonlySet<string> = draftSources(summary.sources),
): PlaceView {
  const marked = area.marks.filter((k) => visible[k]).map((k) => summary.combos[k]);
  const categories = [...new Set(marked.map((c) => c.category))].sort((a, b) => CATEGORIES.indexOf(a) - CATEGORIES.indexOf(b));
  const here = area.here.filter((k) => visible[k]).map((k) => summary.combos[k]);
  const draftsHere = here.filter((c) => isDraft(c, drafts));
  return {
    visible: here.length > 0,
    category: categories[0] ?? null,
    categories,
    quantities: [],
    planned: categories.filter((cat) => marked.every((c) => c.category !== cat || c.plan)),
    draft: here.length > 0 && draftsHere.length === here.length,
    drafted: categories.filter((cat) => marked.every((c) => c.category !== cat || isDraft(c, drafts))),
    drafts: draftsHere.reduce((n, c) => n + c.events, 0),
  };
}

/** The state last set on a map (featureState.ts), so a new view sets only what it changes. */
export interface TiledApplied {
  /** Each combo's marks off or on; no state is "on" (storyLayers.ts): at the first view only those off are set. */
  combos: FeatureStates<number, { off: boolean }>;
  /** Whether each combo's plan and draft state is set: fixed per combo, set once. */
  marked: boolean;
  areas: FeatureStates<string, PlaceState>;
}

/** Nothing set yet: a tiled story just added to a map. */
export const tiledApplied = (): TiledApplied => ({
  combos: new FeatureStates((id) => ({ source: TILED_MARKS, sourceLayer: 'marks', id }), { off: false }),
  marked: false,
  areas: new FeatureStates((id) => ({ source: TILED_AREAS, sourceLayer: 'areas', id })),
});

/** Sets each combo's marks and each area off or on (and its colour) for the view's `visible` combos. */
export function applyTiledView(
  map: MaplibreMap,
  summary: TiledStoryFile,
  visible: readonly boolean[],
  theme: Theme,
  applied: TiledApplied,
): void {
  const drafts = draftSources(summary.sources);
  if (!applied.marked) {
    // A combo's marks are a plan's or a draft's whatever the view: only those that are get a state.
    summary.combos.forEach((c, k) => {
      const draft = isDraft(c, drafts);
      if (c.plan || draft) map.setFeatureState({ source: TILED_MARKS, sourceLayer: 'marks', id: k }, { plan: !!c.plan, draft });
    });
    applied.marked = true;
  }
  visible.forEach((v, k) => applied.combos.set(map, k, { off: !v }));
  for (const a of summary.areas) applied.areas.set(map, a.place_id, placeState(theme, areaView(a, summary, visible, drafts)));
}

/** Hover or selection of places, on their areas (a mark's state is its combo's, shared by all its marks). */
export function emphasiseAreas(map: MaplibreMap, summary: TiledStoryFile, ids: readonly string[], state: object): void {
  for (const id of ids)
    if (summary.areas.some((a) => a.place_id === id))
      map.setFeatureState({ source: TILED_AREAS, sourceLayer: 'areas', id }, state);
}

/**
 * What a click on a tiled story hits: the places of its areas and of the marks that name one place
 * (a cell of several places names none: `zoomIn` then says where to look closer).
 */
export function tiledHits(map: MaplibreMap, point: PointLike): { places: string[]; zoomIn: boolean } {
  const places: string[] = [];
  let zoomIn = false;
  const hits = (map.queryRenderedFeatures(point, { layers: TILED_HIT_LAYERS }) as MapGeoJSONFeature[]).filter(
    (f) => !f.state.off,
  );
  // A mark hit is what the pointer is on: the areas under it (Ukraine under Kyiv) are not chosen too, as
  // in the whole story (GeoJsonStory.svelte placesAt).
  const onMark = hits.some((f) => f.layer.id === 'tiled-marks');
  for (const f of hits) {
    if (onMark && f.layer.id !== 'tiled-marks') continue;
    const id = f.layer.id === 'tiled-marks' ? f.properties.p : f.properties.place_id;
    if (typeof id === 'string') {
      if (!places.includes(id)) places.push(id);
    } else zoomIn = true;
  }
  return { places, zoomIn };
}
