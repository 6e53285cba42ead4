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
 *
 * The count of independent sources beside a place's row (storyLayers.ts SOURCE_COUNTS, as the whole
 * story draws it) is worked out here on the main thread, for the places in view only: the archives hold
 * no count per place and view. When the map settles, the marks in view say which places they are and
 * their combos (placesInView); each view then counts each place's visible combos' sources by the whole
 * form's rule (story/across.ts independentCounts). The count layer is given every count the places in view
 * can show when the map settles, and a view shows one of each by feature-state (data.ts badgeChoices), so
 * a toggle sets no data and lays nothing out. A thinned mark of
 * several places (below FULL_DETAIL_ZOOM) names none: it gets no count, which the place shows once the
 * map is close enough to draw it apart.
 */
import type {
  GeoJSONSource,
  LayerSpecification,
  Map as MaplibreMap,
  MapGeoJSONFeature,
  MapSourceDataEvent,
  PointLike,
} from 'maplibre-gl';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { CATEGORIES } from '../catalogue/vocabulary';
import type { TiledStoryFile } from '../layers/format';
import {
  badgeChoices,
  badgeDx,
  choicesKey,
  MARK_STEP,
  placeState,
  shownBadges,
  type BadgeChoices,
  type BadgeProperties,
  type BadgeSlot,
  type PlaceState,
} from './data';
import { MAX_SLOT } from '../layers/markRow';
import { FeatureStates, type ShownFeatures } from './featureState';
import { archiveSource, archiveUrl } from '../basemap/archives';
import { sharePrograms } from './programs';
import { independentCounts } from '../story/across';
import { addToMap, laidOutWhen } from './style';
import { DRAFT_RING_LAYOUT, DRAFT_RING_PAINT, markPaint, SOURCE_COUNTS, STORY_TILE_BUFFER, storyLayers } from './storyLayers';
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
/** Layers a click or hover hits: an area, a mark, a count beside a row of marks. */
const TILED_HIT_LAYERS = ['tiled-story-fill', 'tiled-marks', SOURCE_COUNTS];

/**
 * The style layers of a tiled story: areas as storyLayers draws them, and its marks as the GeoJSON
 * story's are (storyLayers.ts markPaint: hollow for a combo of plans), each in a dashed ring when its
 * combo's source is an unreviewed draft; over them, the whole story's count layer (SOURCE_COUNTS), on a
 * GeoJSON source of the badges in view.
 */
export function tiledLayers(theme: Theme, { drafts = true }: { drafts?: boolean } = {}): LayerSpecification[] {
  const whole = storyLayers(theme, { drafts });
  const areas = whole
    .filter((l) => AREA_LAYERS.includes(l.id))
    .map((l) => ({ ...l, id: `tiled-${l.id}`, source: TILED_AREAS, 'source-layer': 'areas' }) as LayerSpecification);
  const counts = whole.find((l) => l.id === SOURCE_COUNTS)!;
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
  return [...areas, marks, rings, counts];
}

/**
 * Adds a tiled story's sources and layers to a map whose style has loaded: the areas under the basemap's
 * labels (`beforeId`), as the GeoJSON story's are, the marks on top.
 */
export function addTiledStory(map: MaplibreMap, base: string, summary: TiledStoryFile, theme: Theme, beforeId?: string): void {
  const { areas, marks } = summary.tiled.archives;
  const under = beforeId && map.getLayer(beforeId) ? beforeId : undefined;
  addToMap(
    map,
    [
      [TILED_AREAS, { ...archiveSource(archiveUrl(`${base}${areas.file}`, ''), areas), promoteId: { areas: 'place_id' } }],
      [TILED_MARKS, { ...archiveSource(archiveUrl(`${base}${marks.file}`, ''), marks), promoteId: { marks: 'k' } }],
      [SOURCE_COUNTS, { type: 'geojson', data: NO_BADGES, buffer: STORY_TILE_BUFFER }],
    ],
    // With the style's own mix of shader inputs per layer type (programs.ts): no program of their own to compile.
    sharePrograms(tiledLayers(theme, { drafts: draftSources(summary.sources).size > 0 })).map((layer) => [
      layer,
      layer.type === 'symbol' ? undefined : under,
    ]),
  );
  // Laid out once it has a count to draw (style.ts laidOutWhen).
  laidOutWhen(map, SOURCE_COUNTS, false);
}

const NO_BADGES: FeatureCollection<Point, BadgeProperties> = { type: 'FeatureCollection', features: [] };

/** The places whose marks are in view: each one's combos, and where each point's count would go. */
export interface PlacesInView {
  /** The combos each place's marks stand for, by place id. */
  combos: Map<string, Set<number>>;
  /** One per point: the places drawn at it, the count past the widest of their rows. */
  slots: BadgeSlot[];
}

/**
 * The places the marks in view name, from the marks' features (map.querySourceFeatures): at
 * FULL_DETAIL_ZOOM and beyond, a feature per (place, combo) of every event at the place but those listed
 * there only as a seat of government (the build leaves those off a place's marks: layers/tiled.ts); below
 * it, a cell of one place has the same combos, and a cell of several names no place and is left out.
 * Places drawn at one point share one slot, as in the whole story (data.ts badgeChoices gives the larger
 * of their counts, never a sum). A tiled story's rows are centred on their point (tiledLayers).
 */
export function placesInView(features: Iterable<Pick<Feature, 'properties' | 'geometry'>>): PlacesInView {
  const combos = new Map<string, Set<number>>();
  const rows = new Map<string, { at: [number, number]; slots: number[] }>();
  for (const f of features) {
    const p = f.properties?.p;
    if (typeof p !== 'string') continue;
    let ks = combos.get(p);
    let row = rows.get(p);
    if (!ks || !row) {
      // Its point read once: MapLibre builds a queried feature's geometry when it is first asked for.
      const g = f.geometry;
      if (g?.type !== 'Point') continue;
      combos.set(p, (ks = new Set()));
      rows.set(p, (row = { at: [g.coordinates[0], g.coordinates[1]], slots: [] }));
    }
    ks.add(Number(f.properties!.k));
    row.slots.push(Number(f.properties!.s));
  }
  const points = new Map<string, { at: [number, number]; places: string[]; slots: number[] }>();
  for (const [p, row] of rows) {
    const key = `${row.at[0].toFixed(5)},${row.at[1].toFixed(5)}`;
    const g = points.get(key);
    if (g) {
      g.places.push(p);
      g.slots.push(...row.slots);
    } else points.set(key, { at: row.at, places: [p], slots: [...row.slots] });
  }
  const slots = [...points.values()].map((g) => ({ places: g.places, at: g.at, dx: badgeDx(g.slots), dy: 0, dense: false }));
  return { combos, slots };
}

/**
 * How many independent sources each place's visible events come from, by place id: the sources of its
 * combos the view shows (`visible`, story/tiled.ts combosVisible), by the whole story's rule
 * (story/across.ts independentCounts: an agency story carried by several outlets once). A place none of
 * whose combos is visible is absent, as in independentSources.
 */
export function tiledSourceCounts(
  combos: ReadonlyMap<string, Iterable<number>>,
  summary: Pick<TiledStoryFile, 'combos' | 'sources'>,
  visible: readonly boolean[],
): Map<string, number> {
  const byPlace = new Map<string, Set<string>>();
  for (const [place, ks] of combos) {
    let ids: Set<string> | undefined;
    for (const k of ks) if (visible[k]) (ids ??= new Set()).add(summary.combos[k].source_id);
    if (ids) byPlace.set(place, ids);
  }
  return independentCounts(byPlace, summary.sources);
}

/**
 * Every count the places in view can show, with nothing hidden (data.ts badgeChoices): laid out when the
 * map settles after a move, not when the view changes.
 */
export const tiledChoices = (inView: PlacesInView, summary: Pick<TiledStoryFile, 'combos' | 'sources'>): BadgeChoices =>
  badgeChoices(
    inView.slots,
    tiledSourceCounts(
      inView.combos,
      summary,
      summary.combos.map(() => true),
    ),
  );

/** The badges a view shows of the places in view: where a place has 2 independent sources or more, that number. */
export const tiledShown = (
  choices: BadgeChoices,
  inView: PlacesInView,
  summary: Pick<TiledStoryFile, 'combos' | 'sources'>,
  visible: readonly boolean[],
): Set<number> => shownBadges(choices, inView.slots, tiledSourceCounts(inView.combos, summary, visible));

/**
 * Gives the count layer these choices when they differ from those it has (`sent`: their choicesKey), none
 * shown then, and lays it out only while it has one. Returns the key it now has.
 */
export function sendChoices(map: MaplibreMap, choices: BadgeChoices, sent: string, shown: ShownFeatures): string {
  const key = choicesKey(choices);
  if (key !== sent) {
    (map.getSource(SOURCE_COUNTS) as GeoJSONSource).setData(choices.features);
    shown.reset(map);
    laidOutWhen(map, SOURCE_COUNTS, choices.features.features.length > 0);
  }
  return key;
}

/**
 * Calls `settled` with the places in view each time the map settles (its `idle`) after it moved or
 * new tiles of the marks came; not after a view's feature-state, which changes no mark.
 */
export function watchPlacesInView(map: MaplibreMap, settled: (inView: PlacesInView) => void): () => void {
  let stale = true;
  const moved = () => (stale = true);
  const tiles = (e: MapSourceDataEvent) => {
    if (e.sourceId === TILED_MARKS && e.tile) stale = true;
  };
  const idle = () => {
    if (!stale) return;
    stale = false;
    settled(placesInView(map.querySourceFeatures(TILED_MARKS, { sourceLayer: 'marks' })));
  };
  map.on('moveend', moved);
  map.on('sourcedata', tiles);
  map.on('idle', idle);
  return () => {
    map.off('moveend', moved);
    map.off('sourcedata', tiles);
    map.off('idle', idle);
  };
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
  // A count's badges are all laid out, the view's one shown (data.ts badgeChoices): only that one is hit.
  const hits = (map.queryRenderedFeatures(point, { layers: TILED_HIT_LAYERS }) as MapGeoJSONFeature[]).filter(
    (f) => !f.state.off && (f.layer.id !== SOURCE_COUNTS || f.state.shown),
  );
  // A mark or a count hit is what the pointer is on: the areas under it (Ukraine under Kyiv) are not
  // chosen too, as in the whole story (GeoJsonStory.svelte placesAt).
  const onMark = hits.some((f) => f.layer.id !== 'tiled-story-fill');
  for (const f of hits) {
    if (onMark && f.layer.id === 'tiled-story-fill') continue;
    // A count stands for the places drawn at its point (placesInView), each named.
    const ids =
      f.layer.id === SOURCE_COUNTS
        ? String(f.properties.place_ids).split(' ')
        : [f.layer.id === 'tiled-marks' ? f.properties.p : f.properties.place_id];
    for (const id of ids)
      if (typeof id === 'string') {
        if (!places.includes(id)) places.push(id);
      } else zoomIn = true;
  }
  return { places, zoomIn };
}
