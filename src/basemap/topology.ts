/**
 * Turns the basemap's TopoJSON files (built by geodata/build/basemap.ts) into the GeoJSON the map draws.
 * Borders are meshes of shared arcs, so a country border and the oblast border under it are one line.
 * Polygons are rewound to RFC 7946 (exterior rings counter-clockwise): mapshaper writes them clockwise.
 */
import { rewind } from '@turf/turf';
import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';

export interface UnitProperties {
  id: string;
  level: 'unit' | 'country';
  country: string;
  de_facto?: string;
  disputed?: boolean;
  name: string;
  name_uk?: string | null;
  name_ru?: string | null;
  type?: string;
  wikidata?: string | null;
  label?: [number, number];
}

interface CountryProperties {
  id: string;
  name: string;
  story: boolean;
}

type Area<P> = FeatureCollection<Polygon | MultiPolygon, P>;
type Lines = FeatureCollection<MultiLineString, { kind: string }>;

interface RegionLayers {
  units: Area<UnitProperties>;
  countries: Area<CountryProperties>;
  borders: Lines;
  unitLabels: FeatureCollection<Point, { id: string; name: string; country: string }>;
  countryLabels: FeatureCollection<Point, CountryProperties>;
}

interface WorldLayers {
  world: Area<{ id: string }>;
  worldBorders: Lines;
}

interface PhysicalLayers {
  lakes: Area<Record<string, never>>;
  rivers: FeatureCollection;
}

/** A file that is not the topology the map expects: says which object is missing or malformed. */
class TopologyShapeError extends Error {}

function collection(topology: unknown, name: string): GeometryCollection {
  const t = topology as Partial<Topology> | null;
  if (!t || t.type !== 'Topology' || typeof t.objects !== 'object' || !Array.isArray(t.arcs)) {
    throw new TopologyShapeError('not a TopoJSON topology');
  }
  const object = t.objects[name] as GeometryObject | undefined;
  if (!object || object.type !== 'GeometryCollection' || !Array.isArray(object.geometries)) {
    throw new TopologyShapeError(`object "${name}" missing or not a GeometryCollection`);
  }
  return object;
}

function areas<P>(topology: Topology, object: GeometryCollection): Area<P> {
  const fc = feature(topology, object) as FeatureCollection;
  return rewind(fc, { mutate: true }) as unknown as Area<P>;
}

function line(
  topology: Topology,
  object: GeometryCollection,
  kind: string,
  filter: (a: GeometryObject, b: GeometryObject) => boolean,
): Feature<MultiLineString, { kind: string }> {
  return { type: 'Feature', properties: { kind }, geometry: mesh(topology, object, filter) };
}

const props = (g: GeometryObject) => g.properties as unknown as UnitProperties;

export function regionLayers(topology: unknown): RegionLayers {
  const unitsObject = collection(topology, 'units');
  const countriesObject = collection(topology, 'countries');
  const labelsObject = collection(topology, 'country_labels');
  const t = topology as Topology;
  const units = areas<UnitProperties>(t, unitsObject);
  const borders: Lines = {
    type: 'FeatureCollection',
    features: [
      // Unit borders inside a country; the Crimea line is drawn on its own below.
      line(
        t,
        unitsObject,
        'unit',
        (a, b) => a !== b && props(a).country === props(b).country && !!props(a).disputed === !!props(b).disputed,
      ),
      line(t, unitsObject, 'disputed', (a, b) => a !== b && !!props(a).disputed !== !!props(b).disputed),
      line(t, unitsObject, 'country', (a, b) => a !== b && props(a).country !== props(b).country),
      // Exterior arcs: the coast, and the region's edge against countries drawn by the world layer.
      line(t, unitsObject, 'coast', (a, b) => a === b),
    ],
  };
  const unitLabels = {
    type: 'FeatureCollection' as const,
    features: units.features
      .filter((f) => f.properties.level === 'unit' && f.properties.label)
      .map((f) => ({
        type: 'Feature' as const,
        properties: { id: f.properties.id, name: f.properties.name, country: f.properties.country },
        geometry: { type: 'Point' as const, coordinates: f.properties.label as [number, number] },
      })),
  };
  return {
    units,
    countries: areas<CountryProperties>(t, countriesObject),
    borders,
    unitLabels,
    countryLabels: feature(t, labelsObject) as unknown as FeatureCollection<Point, CountryProperties>,
  };
}

export function worldLayers(topology: unknown): WorldLayers {
  const object = collection(topology, 'countries');
  const t = topology as Topology;
  return {
    world: areas<{ id: string }>(t, object),
    worldBorders: {
      type: 'FeatureCollection',
      features: [line(t, object, 'country', (a, b) => a !== b), line(t, object, 'coast', (a, b) => a === b)],
    },
  };
}

export function physicalLayers(topology: unknown): PhysicalLayers {
  const lakes = collection(topology, 'lakes');
  const rivers = collection(topology, 'rivers');
  const t = topology as Topology;
  return { lakes: areas(t, lakes), rivers: feature(t, rivers) as unknown as FeatureCollection };
}

export function placesLayer(json: unknown): FeatureCollection<Point> {
  const fc = json as Partial<FeatureCollection> | null;
  if (!fc || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    throw new TopologyShapeError('not a GeoJSON FeatureCollection');
  }
  return fc as FeatureCollection<Point>;
}
