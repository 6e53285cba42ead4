/**
 * Geometry the catalogue derives with Turf where the article is vague: a band along a border, label
 * points, distances. Pure functions, GeoJSON in and out; coordinates are [lng, lat] throughout.
 */
import { area, bbox, bboxClip, buffer, intersect, pointOnFeature, pointToLineDistance, truncate, union } from '@turf/turf';
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

/** Shortest distance in km from a point to a line (a border, as a MultiLineString of shared arcs). */
export function distanceToLineKm(point: Point, line: LineString | MultiLineString): number {
  const parts: Position[][] = line.type === 'LineString' ? [line.coordinates] : line.coordinates;
  if (parts.length === 0) throw new Error('distanceToLineKm: the line is empty');
  return Math.min(
    ...parts.map((coords) => pointToLineDistance(point, { type: 'LineString', coordinates: coords }, { units: 'kilometers' })),
  );
}

const round = (p: Position) => p.map((n) => Math.round(n * 1e5) / 1e5);
