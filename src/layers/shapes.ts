/**
 * What each place is drawn as: its shape from the basemap (units, countries, a gazetteer point, a drawn
 * polygon, a band along a border), simplified by how precisely it is placed, and how much ink it gets;
 * and the distances the catalogue measures on the basemap.
 */
import { area, simplify, truncate } from '@turf/turf';
import type { Feature, Geometry, MultiLineString, Polygon } from 'geojson';
import type { Measure, Place, PlaceGeometry, Precision, ValidationError } from '../catalogue/schema';
import type { Area, Basemap } from './basemap';
import type { StoryMeasure } from './format';
import { borderBand, clipArea, dissolve, distanceToLineKm, withoutLand } from './geometry';

/**
 * Simplification tolerance in degrees by precision: a country-wide mark needs no border detail (the
 * basemap draws the borders), a region a little. Keeps the story layers a fraction of the basemap's size.
 */
const TOLERANCE: Record<Precision, number> = { exact: 0, city: 0, region: 0.01, country: 0.05, zone: 0.03 };
/** Islands below this area (km²) are dropped from country- and zone-wide marks: Russia's Arctic archipelagos. */
const MIN_PART_KM2: Record<Precision, number> = { exact: 0, city: 0, region: 0, country: 2000, zone: 2000 };

/** Most specific first: the order a list of places at a clicked spot is shown in. */
export const PRECISION_RANK: Record<Precision, number> = { exact: 0, city: 1, region: 2, zone: 3, country: 4 };

function placeGeometry(g: PlaceGeometry, precision: Precision, basemap: Basemap): Geometry {
  const areas = (codes: string[], from: Map<string, Area>) => dissolve(codes.map((c) => from.get(c)!));
  if ('units' in g) return areas(g.units, basemap.units);
  if ('countries' in g) {
    // Each country on its own first: small islands go, but never a whole member (Malta is 316 km²).
    const parts = g.countries.map((c) => {
      const whole = dropSmallParts(basemap.countries.get(c)!, MIN_PART_KM2[precision]) as Area;
      return g.clip ? clipTo(whole, g.clip, c) : whole;
    });
    return dissolve(parts);
  }
  if ('gazetteer' in g) return basemap.gazetteer.get(g.gazetteer)!.point;
  if ('point' in g) return { type: 'Point', coordinates: g.point };
  if ('polygon' in g) {
    const drawn: Polygon = { type: 'Polygon', coordinates: [g.polygon] };
    return g.except ? withoutLand(drawn, areas(g.except, basemap.countries)) : drawn;
  }
  const border: MultiLineString = {
    type: 'MultiLineString',
    coordinates: g.within.flatMap((w) => basemap.border(g.along, w).coordinates),
  };
  if (border.coordinates.length === 0)
    throw new Error(`${g.along} and ${g.within.join(', ')} share no land border in the basemap`);
  return borderBand(border, areas(g.within, basemap.countries), g.km);
}

/** The parts of a country inside a [west, south, east, north] box; an error if none is. */
function clipTo(geometry: Area, box: [number, number, number, number], code: string): Area {
  const clipped = clipArea(geometry, box);
  if (!clipped) throw new Error(`${code} lies wholly outside the clip box [${box.join(', ')}]`);
  return clipped;
}

function dropSmallParts(geometry: Geometry, minKm2: number): Geometry {
  if (geometry.type !== 'MultiPolygon' || !minKm2) return geometry;
  const parts = geometry.coordinates.filter((rings) => area({ type: 'Polygon', coordinates: rings }) / 1e6 >= minKm2);
  // Never drop everything: a place made only of small islands keeps its largest part.
  if (parts.length === 0) return geometry;
  return parts.length === 1 ? { type: 'Polygon', coordinates: parts[0] } : { type: 'MultiPolygon', coordinates: parts };
}

/**
 * Drawn geometry by place geometry and precision, per basemap: the same recipe gives the same shape, and
 * a border band alone takes a second of Turf (the validator's fuzz test builds the catalogue a thousand
 * times). The build's output is the same bytes with or without it.
 */
const drawnCache = new WeakMap<Basemap, Map<string, Geometry>>();
function drawn(p: Place, basemap: Basemap): Geometry {
  // A point is only rounded (as finish does): no cache entry, which at a million events' places is memory.
  if ('point' in p.geometry) {
    const [lng, lat] = p.geometry.point;
    return { type: 'Point', coordinates: [Math.round(lng * 1e5) / 1e5, Math.round(lat * 1e5) / 1e5] };
  }
  let cache = drawnCache.get(basemap);
  if (!cache) drawnCache.set(basemap, (cache = new Map()));
  const key = `${p.precision} ${JSON.stringify(p.geometry)}`;
  let g = cache.get(key);
  if (!g) cache.set(key, (g = finish(placeGeometry(p.geometry, p.precision, basemap), p.precision, 'countries' in p.geometry)));
  return g;
}

/** Simplified and rounded; small parts dropped unless placeGeometry did so country by country. */
function finish(geometry: Geometry, precision: Precision, droppedPerCountry: boolean): Geometry {
  const kept = droppedPerCountry ? geometry : dropSmallParts(geometry, MIN_PART_KM2[precision]);
  const f: Feature = { type: 'Feature', properties: {}, geometry: kept };
  const tolerance = TOLERANCE[precision];
  const simplified = tolerance ? simplify(f, { tolerance, highQuality: true, mutate: false }) : f;
  return truncate(simplified, { precision: 5, mutate: true }).geometry;
}

/**
 * Every place's shape. Valid references can still describe a shape that cannot be drawn (a border band
 * between countries that do not meet): that is the catalogue's error, reported with the place like any other.
 */
export function drawPlaces(
  places: Place[],
  basemap: Basemap,
  file: string,
): { shapes: Map<string, Geometry>; errors: ValidationError[] } {
  const shapes = new Map<string, Geometry>();
  const errors: ValidationError[] = [];
  for (const p of places) {
    try {
      shapes.set(p.id, drawn(p, basemap));
    } catch (err) {
      errors.push({ file, id: p.id, field: 'geometry', message: `cannot be drawn: ${(err as Error).message}` });
    }
  }
  return { shapes, errors };
}

/**
 * The catalogue's measures (a point place's distance to a border), in km to a tenth; null where one cannot
 * be measured (its error reported) or its place could not be drawn (reported by drawPlaces).
 */
export function measure(
  measures: Measure[],
  shapes: Map<string, Geometry>,
  basemap: Basemap,
  file: string,
): { measures: (StoryMeasure | null)[]; errors: ValidationError[] } {
  const errors: ValidationError[] = [];
  const out = measures.map((m, i) => {
    const from = shapes.get(m.from);
    // Validation has made it a point place; one that could not be drawn is reported by drawPlaces.
    if (from?.type !== 'Point') return null;
    const [a, b] = m.to.border;
    const border = basemap.border(a, b);
    if (border.coordinates.length === 0) {
      errors.push({
        file,
        id: m.id || `measures[${i}]`,
        field: 'to.border',
        message: `${a} and ${b} share no border in the basemap`,
      });
      return null;
    }
    const km = distanceToLineKm(from, border);
    return { id: m.id, from: m.from, to: m.to, km: Math.round(km * 10) / 10 };
  });
  return { measures: out, errors };
}

/**
 * How much ink a place gets on the map, by how precisely it is placed (Imhof's visual hierarchy: ink
 * follows importance and certainty): a point the strongest mark; a named region a clear fill; an
 * approximate zone lighter and hatched; a whole country, or a group of whole countries however vaguely
 * named ("eastern Europe"), the faintest, never hatched over a continent.
 */
export type Ink = 'point' | 'region' | 'zone' | 'country';
export function inkOf(p: Place, g: Geometry): Ink {
  if (g.type === 'Point') return 'point';
  if (p.precision === 'country' || 'countries' in p.geometry) return 'country';
  return p.precision === 'zone' ? 'zone' : 'region';
}
