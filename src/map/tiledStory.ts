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
import type { ExpressionSpecification, LayerSpecification, Map as MaplibreMap, MapGeoJSONFeature, PointLike } from 'maplibre-gl';
import { CATEGORIES } from '../catalogue/vocabulary';
import type { TiledStoryFile } from '../layers/format';
import { placeState, type PlaceState } from './data';
import { archiveSource, archiveUrl } from '../basemap/archives';
import { sharePrograms } from './programs';
import { storyLayers } from './storyLayers';
import { MARK_SIZE, markImage } from './symbols';
import type { Theme } from './theme';
import type { PlaceView } from '../story/visibility';

export const TILED_AREAS = 'story-tiled-areas';
export const TILED_MARKS = 'story-tiled-marks';
const AREA_LAYERS = ['story-fill', 'story-hatch', 'story-outline', 'story-outline-approx'];
/** Layers a click or hover hits. */
export const TILED_HIT_LAYERS = ['tiled-story-fill', 'tiled-marks'];
/** Half a mark's step in a row, in CSS pixels: a mark's slot `s` is in half steps (tiled.ts slots). */
const HALF_STEP = (MARK_SIZE + 2) / 2;
/** The widest row: every category at one place. */
const MAX_SLOT = CATEGORIES.length - 1;

const off: ExpressionSpecification = ['boolean', ['feature-state', 'off'], false];

/** The style layers of a tiled story: areas as storyLayers draws them, and its marks. */
export function tiledLayers(theme: Theme): LayerSpecification[] {
  const areas = storyLayers(theme)
    .filter((l) => AREA_LAYERS.includes(l.id))
    .map((l) => ({ ...l, id: `tiled-${l.id}`, source: TILED_AREAS, 'source-layer': 'areas' }) as LayerSpecification);
  const offsets: unknown[] = [];
  for (let s = -MAX_SLOT; s <= MAX_SLOT; s++) offsets.push(s, ['literal', [s * HALF_STEP, 0]]);
  const marks = {
    id: 'tiled-marks',
    type: 'symbol',
    source: TILED_MARKS,
    'source-layer': 'marks',
    layout: {
      'icon-image': ['match', ['get', 'c'], ...CATEGORIES.flatMap((c) => [c, markImage(c)]), ''],
      'icon-offset': ['match', ['get', 's'], ...offsets, ['literal', [0, 0]]],
      'icon-allow-overlap': true,
      'icon-ignore-placement': true,
      'icon-padding': 0,
    },
    paint: {
      'icon-color': ['match', ['get', 'c'], ...CATEGORIES.flatMap((c) => [c, theme.categories[c]]), theme.basemap.seat],
      'icon-opacity': ['case', off, 0, 1],
      'icon-halo-color': theme.basemap.markEdge,
      'icon-halo-width': 1,
    },
  } as unknown as LayerSpecification;
  return [...areas, marks];
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
  for (const layer of sharePrograms(tiledLayers(theme)))
    map.addLayer(layer, layer.type === 'symbol' || !beforeId || !map.getLayer(beforeId) ? undefined : beforeId);
}

/** What an area shows in a view, from its combos' visibility (the view's one rule, decided per combo). */
export function areaView(area: TiledStoryFile['areas'][number], summary: TiledStoryFile, visible: readonly boolean[]): PlaceView {
  const categories = [...new Set(area.marks.filter((k) => visible[k]).map((k) => summary.combos[k].category))].sort(
    (a, b) => CATEGORIES.indexOf(a) - CATEGORIES.indexOf(b),
  );
  return { visible: area.here.some((k) => visible[k]), category: categories[0] ?? null, categories, quantities: [] };
}

/** The state last set on a map, so a new view sets only what it changes. */
export interface TiledApplied {
  combos: boolean[];
  areas: Map<string, PlaceState>;
}

/** Sets each combo's marks and each area off or on (and its colour) for the view's `visible` combos. */
export function applyTiledView(
  map: MaplibreMap,
  summary: TiledStoryFile,
  visible: readonly boolean[],
  theme: Theme,
  applied: TiledApplied,
): void {
  visible.forEach((v, k) => {
    // No state is "on": at the first view only the combos that are off are set.
    if ((applied.combos[k] ?? true) === v) return;
    map.setFeatureState({ source: TILED_MARKS, sourceLayer: 'marks', id: k }, { off: !v });
    applied.combos[k] = v;
  });
  for (const a of summary.areas) {
    const next = placeState(theme, areaView(a, summary, visible));
    const before = applied.areas.get(a.place_id);
    if (before && before.off === next.off && before.color === next.color) continue;
    map.setFeatureState({ source: TILED_AREAS, sourceLayer: 'areas', id: a.place_id }, { ...next });
    applied.areas.set(a.place_id, next);
  }
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
  for (const f of map.queryRenderedFeatures(point, { layers: TILED_HIT_LAYERS }) as MapGeoJSONFeature[]) {
    if (f.state.off) continue;
    const id = f.layer.id === 'tiled-marks' ? f.properties.p : f.properties.place_id;
    if (typeof id === 'string') {
      if (!places.includes(id)) places.push(id);
    } else zoomIn = true;
  }
  return { places, zoomIn };
}
