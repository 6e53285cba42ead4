/**
 * Geometry the catalogue derives with Turf where the article is vague: a band along a border, label
 * points, distances. Pure functions, GeoJSON in and out; coordinates are [lng, lat] throughout.
 */
import {
  area,
  bbox,
  bboxClip,
  booleanPointInPolygon,
  buffer,
  difference,
  intersect,
  pointOnFeature,
  pointToLineDistance,
  truncate,
  union,
} from '@turf/turf';
import type {
  Feature,
  FeatureCollection,
  Geometry,
  LineString,
  MultiLineString,
  MultiPolygon,
  Point,
  Polygon,
  Position,
} from 'geojson';
import polylabel from 'polylabel';
import { LABEL_ANCHORS, type LabelAnchor } from './format';

type Area = Polygon | MultiPolygon;
const feature = <G extends Geometry>(geometry: G): Feature<G> => ({ type: 'Feature', properties: {}, geometry });

/** One (Multi)Polygon from several, dissolved. */
export function dissolve(areas: Area[]): Area {
  if (areas.length === 0) throw new Error('dissolve: no areas given');
  if (areas.length === 1) return areas[0];
  const fc: FeatureCollection<Area> = { type: 'FeatureCollection', features: areas.map((a) => feature(a)) };
  const merged = union(fc);
  if (!merged) throw new Error('dissolve: union is empty');
  return merged.geometry;
}

/**
 * The part of `within` no farther than `km` from `border`, the land border it shares with the country the
 * article measures from: "Russian territory near its shared border with Ukraine". Growing the line, not
 * the neighbour's whole outline, keeps coasts out: Ukraine's coast and Crimea face Russia's Taman
 * peninsula across the water, some 250 km from the land border, and must not pull it into the band.
 * Coordinates are truncated to 5 decimals (~1 m) so the output is deterministic.
 */
export function borderBand(border: LineString | MultiLineString, within: Area, km: number): Area {
  if (!(km > 0)) throw new Error(`borderBand: km must be positive, got ${km}`);
  if (border.coordinates.length === 0) throw new Error('borderBand: the countries share no border');
  const grown = buffer(feature(border), km, { units: 'kilometers', steps: 8 });
  if (!grown) throw new Error('borderBand: buffer is empty');
  // Only the part of `within` near the border takes part in the intersection: all of Russia would make
  // it seconds (the validator's fuzz test builds the catalogue a thousand times).
  const near = clipArea(within, bbox(grown) as [number, number, number, number]);
  if (!near) throw new Error('borderBand: the areas do not meet within the distance');
  const band = intersect({ type: 'FeatureCollection', features: [grown as Feature<Area>, feature(near)] });
  if (!band) throw new Error('borderBand: the areas do not meet within the distance');
  return truncate(band, { precision: 5, mutate: true }).geometry;
}

/**
 * An area less the land of other countries: "in the Arctic", said of Russia's Northern fleet, is Russia's
 * Arctic and the sea, not Norway's Kirkenes nor Finland's Salla. Only the land near the area takes part (all
 * of Norway's coast would make it slow). Truncated to 5 decimals, as the border band is.
 */
export function withoutLand(geometry: Area, land: Area): Area {
  const [w, s, e, n] = bbox(feature(geometry));
  const near = clipArea(land, [w - 0.5, s - 0.5, e + 0.5, n + 0.5]);
  if (!near) return geometry;
  const rest = difference({ type: 'FeatureCollection', features: [feature(geometry), feature(near)] });
  if (!rest) throw new Error('withoutLand: nothing of the area is left');
  return truncate(rest, { precision: 5, mutate: true }).geometry as Area;
}

/**
 * The parts of an area inside a [west, south, east, north] box, or null when none is. Turf's bboxClip
 * leaves the parts outside as empty or degenerate rings, which no later operation accepts: they go.
 */
export function clipArea(geometry: Area, box: [number, number, number, number]): Area | null {
  const clipped = bboxClip(geometry, box).geometry as Area;
  const polygons: Position[][][] = clipped.type === 'Polygon' ? [clipped.coordinates] : clipped.coordinates;
  const parts = polygons.map((rings) => rings.filter((ring) => ring.length >= 4)).filter((rings) => rings.length > 0);
  if (parts.length === 0) return null;
  return parts.length === 1 ? { type: 'Polygon', coordinates: parts[0] } : { type: 'MultiPolygon', coordinates: parts };
}

/**
 * A point inside the area for its label: the pole of inaccessibility of its largest part (polylabel),
 * the point farthest from every edge. A centroid does not do for the shapes the article's vagueness
 * makes: Russia's 100 km band along the Ukrainian border had its label 0 km from the band's edge, and
 * drawn hanging below that, over Ukraine. Longitude is scaled by the cosine of the latitude, so that
 * "far from the edge" means the same distance east-west as north-south; precision 0.01° (~1 km).
 */
export function labelPoint(geometry: Geometry): Position {
  if (geometry.type === 'Point') return geometry.coordinates;
  if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')
    return round(pointOnFeature(feature(geometry)).geometry.coordinates);
  const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const areas = parts.map((rings) => area(feature<Polygon>({ type: 'Polygon', coordinates: rings })));
  const largest = parts[areas.indexOf(Math.max(...areas))];
  const lats = largest[0].map(([, y]) => y);
  const k = Math.cos((((Math.min(...lats) + Math.max(...lats)) / 2) * Math.PI) / 180);
  const [x, y] = polylabel(
    largest.map((ring) => ring.map(([lng, lat]) => [lng * k, lat])),
    0.01,
  );
  return round([x / k, y]);
}

/** A label's box in CSS pixels, and the zoom it is judged at. */
export interface LabelBox {
  width: number;
  height: number;
  /** Pixels between the point and the text's nearest edge. */
  gap: number;
  zoom: number;
}

/**
 * A label's box, judged at several zooms (the first views of the screens the map is read on) and against
 * the first view's bounds, [[west, south], [east, north]]: a label there must not run off the screen.
 */
export type LabelBoxes = Omit<LabelBox, 'zoom'> & { zooms: number[]; view: [[number, number], [number, number]] };

/** The box's [x0, y0, x1, y1] in pixels from the point, y down, for an anchor. */
function anchoredBox(anchor: LabelAnchor, { width: w, height: h, gap: g }: LabelBox): [number, number, number, number] {
  const [y0, y1] = anchor.startsWith('top') ? [g, g + h] : anchor.startsWith('bottom') ? [-g - h, -g] : [-h / 2, h / 2];
  const [x0, x1] = anchor.endsWith('left') ? [g, g + w] : anchor.endsWith('right') ? [-g - w, -g] : [-w / 2, w / 2];
  return [x0, y0, x1, y1];
}

/** Web Mercator at a zoom, in MapLibre's 512-pixel tiles. */
const WORLD = (zoom: number) => 512 * 2 ** zoom;
const toPixels = ([lng, lat]: Position, zoom: number): [number, number] => {
  const s = Math.sin((lat * Math.PI) / 180);
  return [((lng + 180) / 360) * WORLD(zoom), (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * WORLD(zoom)];
};
const fromPixels = ([x, y]: [number, number], zoom: number): Position => [
  (x / WORLD(zoom)) * 360 - 180,
  (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / WORLD(zoom)))) * 180) / Math.PI,
];

/** Where a label's box, anchored at a point, is sampled: a grid of 9 by 4 points, as [lng, lat]. */
function samplePoints(point: Position, anchor: LabelAnchor, box: LabelBox): Position[] {
  const [x0, y0, x1, y1] = anchoredBox(anchor, box);
  const [px, py] = toPixels(point, box.zoom);
  const COLS = 9;
  const ROWS = 4;
  const out: Position[] = [];
  for (let i = 0; i < COLS; i++)
    for (let j = 0; j < ROWS; j++)
      out.push(fromPixels([px + x0 + ((i + 0.5) / COLS) * (x1 - x0), py + y0 + ((j + 0.5) / ROWS) * (y1 - y0)], box.zoom));
  return out;
}

const shareOf = (points: Position[], inside: (p: Position) => boolean) => points.filter(inside).length / points.length;

/** The share of a label's box, anchored at a point, that lies inside an area: sampled on a grid. */
export function shareInside(point: Position, anchor: LabelAnchor, box: LabelBox, home: Polygon | MultiPolygon): number {
  const area = feature(home);
  return shareOf(samplePoints(point, anchor, box), (p) => booleanPointInPolygon(p, area));
}

/** Pixels around a dot or a name that a label keeps clear of: its halo and a little air. */
const CLEARANCE = 7;

/** Something already on the map that a label should not cover: a dot (size 0) or a name's box, in pixels. */
export interface Obstacle {
  at: Position;
  halfWidth: number;
  halfHeight: number;
}

/** How many obstacles a label's box, anchored at a point, covers or comes within CLEARANCE of. */
export function obstaclesCovered(point: Position, anchor: LabelAnchor, box: LabelBox, obstacles: readonly Obstacle[]): number {
  const [x0, y0, x1, y1] = anchoredBox(anchor, box);
  const [px, py] = toPixels(point, box.zoom);
  let n = 0;
  for (const o of obstacles) {
    const [x, y] = toPixels(o.at, box.zoom);
    const [dx, dy] = [x - px, y - py];
    const [w, h] = [o.halfWidth + CLEARANCE, o.halfHeight + CLEARANCE];
    if (dx + w > x0 && dx - w < x1 && dy + h > y0 && dy - h < y1) n++;
  }
  return n;
}

/**
 * The anchor that puts most of an area's label inside `home` and over none of the map's dots: `home` is
 * the area itself, or for a band along a border the country it lies in (Russia for "Russia near the
 * border with Ukraine", whose band is too thin to hold its own label: drawn below its point the label lay
 * over Ukraine); `obstacles` are the dots the map draws for places (a region's name beside a city's dot
 * reads as the city's name: "Rostov region" by Rostov-on-Don) and the basemap's names of countries, judged at each of the given zooms; and as
 * little as may be off the first view. Earlier
 * anchors win ties, so a label that fits below its point stays there.
 */
export function labelAnchor(
  point: Position,
  boxes: LabelBoxes,
  home: Polygon | MultiPolygon,
  obstacles: readonly Obstacle[] = [],
): LabelAnchor {
  // Every box at every zoom is sampled first, and the area clipped to where the samples lie: Russia is
  // thousands of vertices, and each sample's point-in-polygon test walks them all.
  const candidates = LABEL_ANCHORS.map((anchor) =>
    boxes.zooms.map((zoom) => ({ box: { ...boxes, zoom }, points: samplePoints(point, anchor, { ...boxes, zoom }) })),
  );
  const all = candidates.flat().flatMap((c) => c.points);
  const [lngs, lats] = [all.map((p) => p[0]), all.map((p) => p[1])];
  const near = clipArea(home, [Math.min(...lngs) - 1, Math.min(...lats) - 1, Math.max(...lngs) + 1, Math.max(...lats) + 1]);
  const [[w, s], [e, n]] = boxes.view;
  const onView = ([lng, lat]: Position) => lng >= w && lng <= e && lat >= s && lat <= n;
  let best: LabelAnchor = LABEL_ANCHORS[0];
  let bestScore = -Infinity;
  for (const [i, anchor] of LABEL_ANCHORS.entries()) {
    let score = 0;
    for (const { box, points } of candidates[i]) {
      const inside = near ? shareOf(points, (p) => booleanPointInPolygon(p, near)) : 0;
      const offScreen = 1 - shareOf(points, onView);
      score += (inside - offScreen - obstaclesCovered(point, anchor, box, obstacles)) / boxes.zooms.length;
    }
    if (score > bestScore + 1e-9) [best, bestScore] = [anchor, score];
    if (score === 1) break;
  }
  return best;
}

/** Shortest distance in km from a point to a line (a border, as a MultiLineString of shared arcs). */
export function distanceToLineKm(point: Point, line: LineString | MultiLineString): number {
  const parts: Position[][] = line.type === 'LineString' ? [line.coordinates] : line.coordinates;
  if (parts.length === 0) throw new Error('distanceToLineKm: the line is empty');
  return Math.min(
    ...parts.map((coords) => pointToLineDistance(point, { type: 'LineString', coordinates: coords }, { units: 'kilometers' })),
  );
}

const round = (p: Position) => p.map((n) => Math.round(n * 1e5) / 1e5);
