/**
 * The parts of the basemap (geodata/basemap/, written by geodata/build/basemap.ts) the catalogue refers
 * to: its units, countries, gazetteer, country labels and borders. Read from disk here and nowhere else
 * in the build, the draft tool, the scripts or the tests (readBasemap); the basemap's tiles read the same
 * files for drawing (src/tiles/basemap.ts).
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { FeatureCollection, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';
import { mesh, neighbors } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { regionLayers, type UnitProperties } from '../basemap/topology';
import { formatError, type ValidationError } from '../catalogue/schema';
import { neighbourKey, type BasemapIndex } from '../catalogue/validate';
import { fileError, parseJson, readText } from './read';

export type Area = Polygon | MultiPolygon;

/** The parts of the basemap the catalogue refers to. */
export interface Basemap {
  index: BasemapIndex;
  units: Map<string, Area>;
  countries: Map<string, Area>;
  /** Basemap places by id; `rank` as the basemap's place layers read it (rank ≤ 1: a dot at every zoom). */
  gazetteer: Map<string, { point: Point; name: string; rank: number }>;
  /** Where the basemap writes each country's name (its country_labels), by country code; `story` ones larger. */
  countryLabels: Map<string, { at: [number, number]; name: string; story: boolean }>;
  /** The border between two countries, from the shared arcs of the basemap topology. */
  border(a: string, b: string): MultiLineString;
}

/** Where the basemap's files are in a project. */
export const BASEMAP_FOLDER = 'geodata/basemap';

export function basemapFrom(regionTopo: unknown, placesGeojson: FeatureCollection): Basemap {
  const region = regionLayers(regionTopo);
  const units = new Map<string, Area>();
  for (const f of region.units.features) if (f.properties.level === 'unit') units.set(f.properties.id, f.geometry);
  const countries = new Map(region.countries.features.map((f) => [f.properties.id, f.geometry] as const));
  const gazetteer = new Map(
    placesGeojson.features.map(
      (f) =>
        [
          String(f.properties?.id),
          { point: f.geometry as Point, name: String(f.properties?.name), rank: Number(f.properties?.rank ?? Infinity) },
        ] as const,
    ),
  );
  const countryLabels = new Map(
    region.countryLabels.features.map(
      (f) =>
        [
          f.properties.id,
          { at: f.geometry.coordinates as [number, number], name: f.properties.name, story: !!f.properties.story },
        ] as const,
    ),
  );
  const t = regionTopo as Topology;
  const unitObject = t.objects.units as GeometryCollection<UnitProperties>;
  // Two countries are neighbours where units of each share an arc of the topology: a land border.
  const neighbours = new Set<string>();
  const country = (i: number) => (unitObject.geometries[i].properties as UnitProperties).country;
  neighbors(unitObject.geometries).forEach((list, i) => {
    for (const j of list) if (country(i) !== country(j)) neighbours.add(neighbourKey(country(i), country(j)));
  });
  return {
    index: {
      units: new Set(units.keys()),
      countries: new Set(countries.keys()),
      gazetteer: new Set(gazetteer.keys()),
      neighbours,
    },
    units,
    countries,
    gazetteer,
    countryLabels,
    border(a, b) {
      return mesh(t, unitObject, (x, y) => {
        const [cx, cy] = [(x.properties as UnitProperties).country, (y.properties as UnitProperties).country];
        return (cx === a && cy === b) || (cx === b && cy === a);
      });
    },
  };
}

/**
 * The basemap in `folder` (paths in errors relative to `root`): its two files read and reported like the
 * catalogue's own, every problem at once.
 */
export function loadBasemap(folder: string, root: string): { basemap?: Basemap; errors: ValidationError[] } {
  const errors: ValidationError[] = [];
  const files = BASEMAP_FILES.map((n) => path.join(folder, n));
  const texts = files.map((f) => readText(f, root, errors));
  if (texts.some((t) => t === undefined)) return { errors };
  const key = texts.reduce((h, t) => h.update(t!).update('\0'), createHash('sha256')).digest('hex');
  const known = recent.get(key);
  if (known) {
    recent.delete(key);
    recent.set(key, known);
    return { basemap: known, errors };
  }
  const [region, gazetteer] = texts.map((t, i) => parseJson(t!, files[i], root, errors));
  if (region === undefined || gazetteer === undefined) return { errors };
  try {
    const basemap = basemapFrom(region, gazetteer as FeatureCollection);
    recent.set(key, basemap);
    if (recent.size > RECENT) recent.delete(recent.keys().next().value!);
    return { basemap, errors };
  } catch (err) {
    return { errors: [fileError(path.relative(root, folder), `basemap unreadable: ${(err as Error).message}`)] };
  }
}

/** The files of a basemap the catalogue reads. */
const BASEMAP_FILES = ['region.topo.json', 'places.geojson'];
/**
 * The last basemaps read, by their files' bytes: the same bytes give the same Basemap object, and with it
 * the shapes already drawn from it (shapes.ts caches them per Basemap; a border band alone is a second or
 * two of Turf). The editor reads the project again for each preview and save, and the tests copy the same
 * basemap into many projects; a basemap changed on disk is read afresh. Treated as read-only by everyone.
 */
const recent = new Map<string, Basemap>();
const RECENT = 4;

/** The project's basemap (`root`/geodata/basemap), or an error listing every problem with its files. */
export function readBasemap(root: string, folder = path.join(root, BASEMAP_FOLDER)): Basemap {
  const { basemap, errors } = loadBasemap(folder, root);
  if (!basemap) throw new Error(`the basemap cannot be read:\n${errors.map(formatError).join('\n')}`);
  return basemap;
}
