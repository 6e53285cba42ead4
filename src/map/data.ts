/**
 * The story's places shaped for the map's two sources, and the state and label text each place takes in
 * a view. MapLibre copies every property of every feature to its worker on the main thread; with tens of
 * thousands of places the notes, names in other languages and label points would cost seconds (npm run
 * bench), so the sources carry only what the style reads. What a place shows is decided by the story's
 * one visibility rule (src/story/visibility.ts); this file only turns it into feature-state and labels.
 */
import type { ExpressionSpecification } from 'maplibre-gl';
import type { Feature, FeatureCollection, Geometry, Point } from 'geojson';
import type { Category } from '../catalogue/vocabulary';
import { labelName, type LabelAnchor } from '../layers/format';
import { markRow, type RowAlign } from '../layers/markRow';
import type { PlaceProperties } from '../story/types';
import type { PlaceView } from '../story/visibility';
import { MARK_PAD, MARK_SIZE } from './symbols';
import type { Theme } from './theme';

/** What the story's area, point and outline layers read of a place (see storyLayers.ts). */
type ShapeProperties = Pick<PlaceProperties, 'place_id' | 'location_precision' | 'ink'>;
/**
 * What the story's label layer reads of a place: `text` is its label in the view the data was set in
 * (labelTexts), `label_minzoom` only where the label waits for a zoom.
 */
type LabelProperties = Pick<PlaceProperties, 'place_id' | 'kind' | 'precision_rank'> & {
  text: string;
  label_minzoom?: number;
  /** An area's: where its label hangs from its label point (build.ts labelAnchor), or under the basemap's name. */
  area?: LabelAnchor | 'under-name';
};

type Places = FeatureCollection<Geometry, PlaceProperties>;

/**
 * A story with more point places than this labels its points only from DENSE_LABEL_MINZOOM on; areas
 * are labelled at every zoom. At the first view of a 100,000-event catalogue some 30,000 labels would be
 * laid out and uploaded for a few dozen to win the collisions (npm run bench). The lists name every place.
 */
export const DENSE_POINTS = 1000;
export const DENSE_LABEL_MINZOOM = 7;

export function placeShapes(places: Places): FeatureCollection<Geometry, ShapeProperties> {
  return {
    type: 'FeatureCollection',
    features: places.features.map((f) => ({
      type: 'Feature',
      id: f.id,
      properties: {
        place_id: f.properties.place_id,
        location_precision: f.properties.location_precision,
        ...(f.properties.ink ? { ink: f.properties.ink } : {}),
      },
      geometry: f.geometry,
    })),
  };
}

/**
 * The approximate zones of a story's shapes (placeShapes), for the hatching that says so, in a source of
 * their own (storyLayers.ts ZONE_SOURCE): the same features, ids and properties, so that the same
 * feature-state draws them. The ink as the style reads it (storyLayers.ts INK).
 */
export function zoneShapes(shapes: FeatureCollection<Geometry, ShapeProperties>): FeatureCollection<Geometry, ShapeProperties> {
  const zone = (p: ShapeProperties) => (p.ink ?? p.location_precision) === 'zone';
  return {
    type: 'FeatureCollection',
    features: shapes.features.filter((f) => f.geometry && f.geometry.type !== 'Point' && zone(f.properties)),
  };
}

/**
 * Label points: one per place, at the point the build computed inside it, each with its text in the view
 * the data is set in (labelTexts); later views send only what differs (labelTextField).
 */
export function labelPoints(places: Places, texts: ReadonlyMap<string, string>): FeatureCollection<Point, LabelProperties> {
  let points = 0;
  for (const f of places.features) if (f.geometry?.type === 'Point') points++;
  const dense = points > DENSE_POINTS;
  return {
    type: 'FeatureCollection',
    features: places.features.map((f): Feature<Point, LabelProperties> => ({
      type: 'Feature',
      id: f.id,
      properties: {
        place_id: f.properties.place_id,
        text: texts.get(f.properties.place_id) ?? '',
        kind: f.properties.kind,
        precision_rank: f.properties.precision_rank,
        ...(dense && f.geometry?.type === 'Point' ? { label_minzoom: DENSE_LABEL_MINZOOM } : {}),
        // An area's label hangs from its label point as the build chose; a point's below its dot (storyLayers.ts).
        ...(f.geometry && f.geometry.type !== 'Point' ? { area: f.properties.label_anchor ?? 'top' } : {}),
      },
      geometry: { type: 'Point', coordinates: [f.properties.label_lng, f.properties.label_lat] },
    })),
  };
}

/** The step between the marks in a row, in CSS pixels. */
export const MARK_STEP = MARK_SIZE + 2;
/** Pixels from the point where the basemap writes a country's name to the name's foot (15 px capitals). */
export const UNDER_NAME = 12;
/** Radius of a point place's dot (storyLayers.ts): its marks sit in a row above it, its label below. */
export const DOT_RADIUS = 5;

/**
 * What the story's marks layers read of a mark: the places it stands for (ids separated by spaces: a
 * place id is a slug), its category, and where it sits from its point in CSS pixels.
 */
export interface MarkProperties {
  place_ids: string;
  category: Category;
  offset: [number, number];
  /**
   * The offset again, as two numbers: what the layer reads (storyLayers.ts markOffset). The tiles keep an
   * array property as a JSON string, which MapLibre then evaluates, with a console warning, for every
   * mark a click queries.
   */
  dx: number;
  dy: number;
}

/** A row of marks' vertical offset from its point, in CSS pixels: every value a mark's `dy` takes. */
export const ROW_DY = {
  /** Above a point's dot, its label below. */
  point: -(DOT_RADIUS + 2 + MARK_SIZE / 2),
  /** Under a country's name as the basemap writes it. */
  underName: UNDER_NAME + MARK_PAD + MARK_SIZE / 2,
  /** Beside a label hung to one side. */
  beside: 0,
  /** Above or below an area's label point, away from its label. */
  above: -(MARK_SIZE / 2 + MARK_PAD + 1),
  below: MARK_SIZE / 2 + MARK_PAD + 1,
} as const;

/**
 * The marks' sources: a dense story's points have theirs in a source of their own, drawn from
 * DENSE_LABEL_MINZOOM and filled only once the map gets there (MapView): at the first view of 100,000
 * events some 60,000 marks would be sent to MapLibre's worker and tiled for none to be drawn.
 */
export const MARK_SOURCES = ['story-marks', 'story-marks-dense'] as const;
export type MarkSource = (typeof MARK_SOURCES)[number];

/** One mark: a category at a point, for the places there; its feature id is its index in `marks`. */
export interface Mark {
  places: string[];
  category: Category;
  source: MarkSource;
}

export interface PlaceMarks {
  /** Each source's marks. */
  data: Record<MarkSource, FeatureCollection<Point, MarkProperties>>;
  marks: Mark[];
  /** The marks of each place, by place id: what its hover and selection light up. */
  byPlace: Map<string, number[]>;
  /** Where each row's count of sources goes (badgeChoices): one slot per row, beside its end. */
  badgeSlots: BadgeSlot[];
}

/** Radius of the badge that counts a place's independent sources (storyLayers.ts SOURCE_COUNTS), in CSS pixels. */
export const BADGE_RADIUS = 8;

/**
 * Where a row of marks has its count of sources: at its point, beside the row's end away from the
 * place's label (after a centred row, before a row set before its point), at the row's height.
 */
export interface BadgeSlot {
  places: string[];
  at: [number, number];
  dx: number;
  dy: number;
  /** A dense story's points' badges wait for the zoom their marks are drawn from (MARK_SOURCES). */
  dense: boolean;
}

/** What the count layer reads of a badge: its places, its count as text, its offset (as a mark's). */
export interface BadgeProperties {
  place_ids: string;
  count: string;
  dx: number;
  dy: number;
  minzoom?: number;
}

/**
 * How far from its point a row's count of sources goes, in CSS pixels, given the row's slots (markRow):
 * half a mark and a gap past the row's last slot, or, for a row set before its point, before its first.
 * Both forms' rows (a tiled story's are centred: map/tiledStory.ts placesInView).
 */
export function badgeDx(slots: readonly number[], align: RowAlign = 'centre'): number {
  const reach = MARK_SIZE / 2 + 2 + BADGE_RADIUS;
  return align === 'before' ? (Math.min(...slots) * MARK_STEP) / 2 - reach : (Math.max(...slots) * MARK_STEP) / 2 + reach;
}

/**
 * A mark per category at each point the story draws a place at (a city's own point, an area's label
 * point), in a row in legend order: several categories at one place are all shown, each by its shape
 * (symbols.ts), not only the first one's colour. Places drawn at the same point (Moscow, and the
 * ministry "in Moscow" drawn at it) share one row, so their marks never overprint. A mark is shown while
 * one of its places shows its category (markOff); the row keeps its slots, so marks do not move when a
 * category is toggled. `all` is every place's view with nothing hidden: the categories each can show.
 */
export function placeMarks(places: Places, all: ReadonlyMap<string, PlaceView>): PlaceMarks {
  const groups = new Map<
    string,
    { at: [number, number]; point: boolean; anchor: LabelAnchor | 'under-name'; places: string[]; categories: Set<Category> }
  >();
  let points = 0;
  for (const f of places.features) {
    const id = f.properties.place_id;
    const point = f.geometry?.type === 'Point';
    if (point) points++;
    const categories = all.get(id)?.categories ?? [];
    if (categories.length === 0) continue;
    const at: [number, number] = [f.properties.label_lng, f.properties.label_lat];
    const key = `${at[0].toFixed(5)},${at[1].toFixed(5)}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { at, point, anchor: f.properties.label_anchor ?? 'top', places: [], categories: new Set() }));
    g.point ||= point;
    g.places.push(id);
    for (const c of categories) g.categories.add(c);
  }
  const dense = points > DENSE_POINTS;
  const data: PlaceMarks['data'] = {
    'story-marks': { type: 'FeatureCollection', features: [] },
    'story-marks-dense': { type: 'FeatureCollection', features: [] },
  };
  const marks: Mark[] = [];
  const byPlace = new Map<string, number[]>();
  const badgeSlots: BadgeSlot[] = [];
  for (const g of groups.values()) {
    // Above a point's dot, its label below. At an area's label point, on the side away from its label
    // (storyLayers.ts), and running the way the label runs; beside a label hung to one side, in a row
    // running the other way; under a country's name as the basemap writes it.
    const beside = !g.point && (g.anchor === 'left' || g.anchor === 'right');
    const dy = g.point
      ? ROW_DY.point
      : g.anchor === 'under-name'
        ? ROW_DY.underName
        : beside
          ? ROW_DY.beside
          : g.anchor.startsWith('top')
            ? ROW_DY.above
            : ROW_DY.below;
    const align = g.point
      ? 'centre'
      : g.anchor === 'left' || g.anchor.endsWith('-right')
        ? 'before'
        : g.anchor === 'right' || g.anchor.endsWith('-left')
          ? 'after'
          : 'centre';
    const source: MarkSource = dense && g.point ? 'story-marks-dense' : 'story-marks';
    const row = markRow(g.categories, align);
    badgeSlots.push({
      places: g.places,
      at: g.at,
      dx: badgeDx(
        row.map((r) => r.slot),
        align,
      ),
      dy,
      dense: source === 'story-marks-dense',
    });
    for (const { category, slot } of row) {
      const dx = (slot * MARK_STEP) / 2;
      const id = marks.length;
      marks.push({ places: g.places, category, source });
      for (const p of g.places) {
        const list = byPlace.get(p);
        if (list) list.push(id);
        else byPlace.set(p, [id]);
      }
      data[source].features.push({
        type: 'Feature',
        id,
        properties: {
          place_ids: g.places.join(' '),
          category,
          offset: [dx, dy],
          dx,
          dy,
        },
        geometry: { type: 'Point', coordinates: g.at },
      });
    }
  }
  return { data, marks, byPlace, badgeSlots };
}

/**
 * Every count of sources the badges can draw, laid out once: at each slot, one feature per count from 2 to
 * the most its places have with nothing hidden (`most`: across.ts SourceCounts). A view then shows one of
 * them per slot by feature-state (shownBadges), so a filter that changes a count lays nothing out again:
 * a GeoJSON source given new data has every badge laid out again in MapLibre's worker, which was 3 frames
 * and more of a claimant toggle (npm run bench:across-frame). No count of a view is above its place's
 * most (a view's events are some of all), so the one a view asks for is always among them.
 */
export interface BadgeChoices {
  features: FeatureCollection<Point, BadgeProperties>;
  /** By slot: the id of its feature for a count of 2 (that of a count n is `first + n - 2`), and its most. */
  first: number[];
  most: number[];
}

/** The count at a slot: the largest of its places' (each place's own, never a sum that counts a source twice). */
const slotCount = (slot: BadgeSlot, counts: ReadonlyMap<string, number>): number =>
  Math.max(0, ...slot.places.map((p) => counts.get(p) ?? 0));

export function badgeChoices(slots: readonly BadgeSlot[], most: ReadonlyMap<string, number>): BadgeChoices {
  const features: Feature<Point, BadgeProperties>[] = [];
  const first: number[] = [];
  const mostAt: number[] = [];
  for (const b of slots) {
    const m = slotCount(b, most);
    first.push(features.length);
    mostAt.push(m);
    for (let n = 2; n <= m; n++)
      features.push({
        type: 'Feature',
        id: features.length,
        properties: {
          place_ids: b.places.join(' '),
          count: String(n),
          dx: b.dx,
          dy: b.dy,
          ...(b.dense ? { minzoom: DENSE_LABEL_MINZOOM } : {}),
        },
        geometry: { type: 'Point', coordinates: b.at },
      });
  }
  return { features: { type: 'FeatureCollection', features }, first, most: mostAt };
}

/**
 * The badges a view shows (feature ids of `choices`): at each slot whose places' visible events come from
 * 2 independent sources or more (`counts`: across.ts independentSources over the view's events), that
 * number. A count above the slot's most was not laid out: the caller gave counts of other events than
 * `most`'s, a mistake that is thrown, not drawn as some other number.
 */
export function shownBadges(
  choices: BadgeChoices,
  slots: readonly BadgeSlot[],
  counts: ReadonlyMap<string, number>,
): Set<number> {
  const shown = new Set<number>();
  slots.forEach((slot, i) => {
    const n = slotCount(slot, counts);
    if (n < 2) return;
    if (n > choices.most[i])
      throw new Error(`badge of ${slot.places.join(', ')}: a count of ${n} asked, at most ${choices.most[i]} laid out`);
    shown.add(choices.first[i] + n - 2);
  });
  return shown;
}

/** Whether a mark is off in a view: none of its places shows its category. */
export const markOff = (mark: Mark, views: ReadonlyMap<string, PlaceView>): boolean =>
  !mark.places.some((p) => views.get(p)?.categories.includes(mark.category));

/**
 * Whether a mark stands for plans only in a view (visibility.ts isPlan): each of its places that shows its
 * category shows it by plans alone. Drawn outlined.
 */
export const markPlan = (mark: Mark, views: ReadonlyMap<string, PlaceView>): boolean => {
  const showing = mark.places.map((p) => views.get(p)).filter((v) => v?.categories.includes(mark.category));
  return showing.length > 0 && showing.every((v) => v!.planned?.includes(mark.category));
};

/**
 * Whether a mark stands for unreviewed drafts only in a view (visibility.ts isDraft): each of its places
 * that shows its category shows it by drafts alone. Drawn inside a dashed ring.
 */
export const markDraft = (mark: Mark, views: ReadonlyMap<string, PlaceView>): boolean => {
  const showing = mark.places.map((p) => views.get(p)).filter((v) => v?.categories.includes(mark.category));
  return showing.length > 0 && showing.every((v) => v!.drafted?.includes(mark.category));
};

/**
 * The basemap places the article itself names: those its places of basis "article" are drawn at (Kyiv,
 * Moscow for "the Russian Foreign Ministry building in Moscow"). A place drawn from general knowledge
 * (London, standing in for "Britain") is not one of them.
 */
export function namedByArticle(places: Places): string[] {
  const ids = new Set<string>();
  for (const f of places.features)
    if (f.properties.place_basis === 'article' && f.properties.gazetteer) ids.add(f.properties.gazetteer);
  return [...ids].sort();
}

/** A story place's feature-state: shown or off, and in which colour. */
export interface PlaceState {
  off: boolean;
  color: string;
  /** Every category it shows is shown by plans alone: drawn outlined, not filled (storyLayers.ts). */
  plan: boolean;
  /** Every visible event of it is an unreviewed draft: hatched, or its dot ringed (storyLayers.ts). */
  draft: boolean;
}

/**
 * Off when none of its events is visible; else its first visible category's colour, or the neutral seat
 * colour when only events listed at it as a seat of government standing in are visible; a plan when only
 * plans mark it; a draft when only unreviewed drafts are visible at it.
 */
export function placeState(theme: Theme, view: PlaceView | undefined): PlaceState {
  if (!view?.visible) return { off: true, color: theme.basemap.seat, plan: false, draft: false };
  return {
    off: false,
    color: view.category ? theme.categories[view.category] : theme.basemap.seat,
    plan: view.categories.length > 0 && view.categories.length === view.planned?.length,
    draft: !!view.draft,
  };
}

/**
 * Each place's label in a view, by place id: its own figures under its name (only the figures for a place
 * the basemap names), or '' when nothing of it is visible. An empty text places no symbol, so a hidden
 * place keeps no room from the others' labels.
 */
export function labelTexts(places: Places, views: ReadonlyMap<string, PlaceView>): Map<string, string> {
  const texts = new Map<string, string>();
  for (const f of places.features) {
    const { place_id: id, name, kind } = f.properties;
    const v = views.get(id);
    const title = labelName(name, kind, !!f.geometry && f.geometry.type !== 'Point');
    texts.set(id, v?.visible ? [title, ...v.quantities].filter((line) => line !== '').join('\n') : '');
  }
  return texts;
}

/** The same label text for every place, and the same places. */
export function sameTexts(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
  if (a.size !== b.size) return false;
  for (const [id, text] of a) if (b.get(id) !== text) return false;
  return true;
}

const PLACE_ID: ExpressionSpecification = ['get', 'place_id'];

/**
 * The labels' text-field for a view, given the texts the label source was set with (`baked`) and the
 * view's (`now`): a `match` on place id over whichever is shorter, the places whose text changed (else
 * the baked text) or the places labelled at all (else none), places of one text in one branch. A toggle
 * in a story of tens of thousands of places thus sends MapLibre the few hundred labels it changes, not
 * every label there is, and the layout in its worker evaluates one table lookup per feature.
 */
export function labelTextField(baked: ReadonlyMap<string, string>, now: ReadonlyMap<string, string>): ExpressionSpecification {
  const changed = new Map<string, string[]>();
  const labelled = new Map<string, string[]>();
  let changes = 0;
  let shown = 0;
  const add = (m: Map<string, string[]>, text: string, id: string) => {
    const ids = m.get(text);
    if (ids) ids.push(id);
    else m.set(text, [id]);
  };
  for (const [id, text] of now) {
    if (text !== (baked.get(id) ?? '')) {
      add(changed, text, id);
      changes++;
    }
    if (text !== '') {
      add(labelled, text, id);
      shown++;
    }
  }
  for (const [id, text] of baked) {
    if (now.has(id) || text === '') continue;
    add(changed, '', id);
    changes++;
  }
  const [branches, otherwise]: [Map<string, string[]>, ExpressionSpecification | string] =
    changes <= shown ? [changed, ['get', 'text']] : [labelled, ''];
  if (branches.size === 0) return (typeof otherwise === 'string' ? ['literal', otherwise] : otherwise) as ExpressionSpecification;
  const cases: unknown[] = [];
  for (const [text, ids] of branches) cases.push(ids.length === 1 ? ids[0] : ids, text);
  return ['match', PLACE_ID, ...cases, otherwise] as unknown as ExpressionSpecification;
}

/** What badges are laid out, as one string: the same key, the same features with the same ids. */
export const choicesKey = (choices: BadgeChoices): string =>
  choices.features.features
    .map((f) => `${f.properties.place_ids}@${f.geometry.coordinates.join(',')}+${f.properties.dx}:${f.properties.count}`)
    .join('|');
