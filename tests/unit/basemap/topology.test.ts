/**
 * Invariants of the committed basemap (geodata/basemap/), checked on the files exactly as shipped and on
 * the GeoJSON the app makes of them.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { getIssues } from '@placemarkio/check-geojson';
import { booleanClockwise, length } from '@turf/turf';
import type { Feature, FeatureCollection, Position } from 'geojson';
import { mesh, neighbors } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { physicalLayers, placesLayer, regionLayers, worldLayers, type UnitProperties } from '../../../src/basemap/topology';

const DIR = path.resolve(import.meta.dirname, '../../../geodata/basemap');
const read = (name: string) => readFileSync(path.join(DIR, name));
const json = (name: string) => JSON.parse(read(name).toString('utf8')) as unknown;

const regionTopo = json('region.topo.json') as Topology;
const units = regionTopo.objects.units as GeometryCollection<UnitProperties>;
const region = regionLayers(regionTopo);
const unitProps = units.geometries.map((g) => g.properties as UnitProperties);
const places = placesLayer(json('places.geojson'));

function unitIndex(id: string): number {
  const i = unitProps.findIndex((p) => p.id === id);
  expect(i, `unit ${id}`).toBeGreaterThanOrEqual(0);
  return i;
}

/** Length in km of the border two units share, from the shared arcs themselves. */
function sharedBorderKm(a: string, b: string): number {
  const line = mesh(regionTopo, units, (x, y) => {
    const ids = [(x.properties as UnitProperties).id, (y.properties as UnitProperties).id];
    return ids.includes(a) && ids.includes(b) && x !== y;
  });
  return length({ type: 'Feature', properties: {}, geometry: line }, { units: 'kilometers' });
}

describe('admin-1 units', () => {
  it('has the 27 ISO 3166-2 subdivisions of Ukraine, Crimea and Sevastopol among them', () => {
    const ua = unitProps.filter((p) => p.level === 'unit' && p.country === 'UA').map((p) => p.id);
    expect(ua).toHaveLength(27);
    expect(ua).toEqual(expect.arrayContaining(['UA-30', 'UA-32', 'UA-43', 'UA-40', 'UA-09', 'UA-14']));
  });

  it('has the 7 units of Belarus and Russia up to the Pacific', () => {
    expect(unitProps.filter((p) => p.level === 'unit' && p.country === 'BY')).toHaveLength(7);
    expect(unitProps.filter((p) => p.level === 'unit' && p.country === 'RU').length).toBeGreaterThanOrEqual(80);
  });

  it('has no duplicate ids in any layer', () => {
    for (const fc of [region.units, region.countries, places]) {
      const ids = fc.features.map((f) => (f.properties as { id: string }).id);
      expect(new Set(ids).size, ids.filter((id, i) => ids.indexOf(id) !== i).join(',')).toBe(ids.length);
    }
  });

  it('Rostov Oblast shares arcs with Luhansk and Donetsk oblasts, at their real lengths', () => {
    const ros = unitIndex('RU-ROS');
    const adjacent = neighbors(units.geometries)[ros];
    expect(adjacent).toContain(unitIndex('UA-09'));
    expect(adjacent).toContain(unitIndex('UA-14'));
    // geodata-sources.md: ~370 km with Luhansk, ~138 km with Donetsk; simplification shortens a little.
    expect(sharedBorderKm('RU-ROS', 'UA-09')).toBeGreaterThan(300);
    expect(sharedBorderKm('RU-ROS', 'UA-09')).toBeLessThan(440);
    expect(sharedBorderKm('RU-ROS', 'UA-14')).toBeGreaterThan(100);
    expect(sharedBorderKm('RU-ROS', 'UA-14')).toBeLessThan(180);
  });

  it('draws the Ukraine–Russia border and the Rostov–Luhansk oblast border as the same line', () => {
    const countryBorder = region.borders.features.find((f) => f.properties.kind === 'country')!;
    const rostovLuhansk = mesh(regionTopo, units, (x, y) => {
      const ids = [(x.properties as UnitProperties).id, (y.properties as UnitProperties).id];
      return ids.includes('RU-ROS') && ids.includes('UA-09') && x !== y;
    });
    const key = (p: Position) => `${p[0].toFixed(6)},${p[1].toFixed(6)}`;
    const onBorder = new Set(countryBorder.geometry.coordinates.flat().map(key));
    const vertices = rostovLuhansk.coordinates.flat();
    expect(vertices.length).toBeGreaterThan(10);
    for (const v of vertices) expect(onBorder.has(key(v)), key(v)).toBe(true);
  });

  it("fixes Natural Earth's swapped Moscow codes and Kyiv Oblast's name and Wikidata id", () => {
    const byId = new Map(unitProps.map((p) => [p.id, p]));
    expect(byId.get('RU-MOW')).toMatchObject({ name: 'Moscow', wikidata: 'Q649' });
    expect(byId.get('RU-MOS')).toMatchObject({ name: 'Moscow Oblast', wikidata: 'Q1697' });
    expect(byId.get('UA-32')).toMatchObject({ name: 'Kyiv Oblast', wikidata: null });
    expect(byId.get('UA-30')).toMatchObject({ name: 'Kyiv' });
  });

  it('records Crimea and Sevastopol as disputed: de jure Ukraine, de facto Russia', () => {
    for (const id of ['UA-43', 'UA-40']) {
      expect(unitProps.find((p) => p.id === id)).toMatchObject({ country: 'UA', de_facto: 'RU', disputed: true });
    }
    const disputed = region.borders.features.find((f) => f.properties.kind === 'disputed')!;
    expect(disputed.geometry.coordinates.length).toBeGreaterThan(0);
  });

  it('uses current English names, not dated or transliterated ones', () => {
    const names = [...unitProps.map((p) => p.name), ...places.features.map((f) => f.properties!.name as string)];
    for (const dated of [
      'Kiev',
      'Odessa',
      'Rostov-na-Donu',
      'Zaporizhzhya',
      "Homyel'",
      'Dnipropetrovsk City',
      'Kharkov',
      'Mahilioŭ',
    ]) {
      expect(names).not.toContain(dated);
    }
    expect(names.filter((n) => /['’]/.test(n))).toEqual([]);
  });
});

describe('places', () => {
  const byName = new Map(places.features.map((f) => [f.properties!.name as string, f]));

  it("has the theatre's cities at the top rank (orientation labels; which are bold is the story's to say)", () => {
    for (const name of [
      'Kyiv',
      'Moscow',
      'Minsk',
      'Rostov-on-Don',
      'Yaroslavl',
      'Murmansk',
      'Severomorsk',
      'Kharkiv',
      'Donetsk',
      'Luhansk',
      'Washington',
      'Paris',
      'London',
    ]) {
      expect(byName.get(name)?.properties, name).toMatchObject({ story: true, rank: 0 });
    }
  });

  it('keeps Ukrainian and Russian names where they are known', () => {
    expect(byName.get('Kyiv')?.properties).toMatchObject({ name_uk: 'Київ', name_ru: 'Киев', country: 'UA' });
    expect(byName.get('Kharkiv')?.properties).toMatchObject({ name_uk: 'Харків', name_ru: 'Харьков' });
  });

  it('resolves the ambiguous names to the right place', () => {
    // "Paris" is also a village in Ukraine; Washington must be the U.S. capital.
    expect(byName.get('Paris')?.properties).toMatchObject({ country: 'FR', capital: true });
    expect(byName.get('Washington')?.properties).toMatchObject({ country: 'US', capital: true });
    const [lng, lat] = (byName.get('Donetsk')!.geometry as { coordinates: number[] }).coordinates;
    expect(lng).toBeCloseTo(37.8, 0);
    expect(lat).toBeCloseTo(48.0, 0);
  });
});

describe('RFC 7946', () => {
  const collections: [string, FeatureCollection][] = [
    ['units', region.units],
    ['countries', region.countries],
    ['borders', region.borders],
    ['world', worldLayers(json('world.topo.json')).world],
    ['lakes', physicalLayers(json('physical.topo.json')).lakes],
    ['rivers', physicalLayers(json('physical.topo.json')).rivers],
    ['places', places],
  ];

  it.each(collections)('%s: positions in range, rings closed, exteriors counter-clockwise', (_name, fc) => {
    const problems: string[] = [];
    for (const f of fc.features as Feature[]) {
      const id = String((f.properties as { id?: string } | null)?.id ?? '?');
      const g = f.geometry;
      const polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
      const positions: Position[] =
        g.type === 'Point'
          ? [g.coordinates]
          : g.type === 'LineString'
            ? g.coordinates
            : g.type === 'MultiLineString'
              ? g.coordinates.flat()
              : polygons.flat(2);
      for (const [lng, lat] of positions) {
        if (!(lng >= -180 && lng <= 180 && lat >= -90 && lat <= 90)) problems.push(`${id}: position ${lng},${lat} out of range`);
      }
      for (const rings of polygons) {
        rings.forEach((ring, i) => {
          const [a, b] = [ring[0], ring[ring.length - 1]];
          if (ring.length < 4 || a[0] !== b[0] || a[1] !== b[1]) problems.push(`${id}: ring ${i} not closed`);
          if (booleanClockwise(ring) !== i > 0) problems.push(`${id}: ring ${i} wound the wrong way`);
        });
      }
    }
    expect(problems).toEqual([]);
  });

  it.each(collections)('%s passes @placemarkio/check-geojson', (_name, fc) => {
    expect(getIssues(JSON.stringify(fc))).toEqual([]);
  });
});

describe('manifest', () => {
  const manifest = json('manifest.json') as { files: { name: string; bytes: number; sha256: string }[] };

  it('lists every file with its exact size and sha256', () => {
    expect(manifest.files.map((f) => f.name).sort()).toEqual([
      'physical.topo.json',
      'places.geojson',
      'region.topo.json',
      'world.topo.json',
    ]);
    for (const f of manifest.files) {
      const bytes = read(f.name);
      expect({ name: f.name, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') }).toEqual(f);
    }
  });
});
