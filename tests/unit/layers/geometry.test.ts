/**
 * Golden-file tests of the derived geometry (Turf's way): tests/fixtures/geometry/in/<case>.geojson gives
 * the input, out/<case>.geojson the expected output, which opens in geojson.io. REGEN=1 rewrites the
 * expected files from the current code; review the diff before committing it.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { booleanPointInPolygon, booleanWithin, pointToLineDistance, truncate } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, LineString, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { THEATRE } from '../../../src/basemap/theatre';
import { readBasemap } from '../../../src/layers/basemap';
import { LABEL_ANCHORS, type LabelAnchor, type PlaceProperties } from '../../../src/layers/format';
import {
  borderBand,
  distanceToLineKm,
  labelAnchor,
  labelPoint,
  obstaclesCovered,
  shareInside,
  type LabelBox,
} from '../../../src/layers/geometry';
import { ROOT, seedProject } from '../../support/helpers';

const DIR = path.resolve(import.meta.dirname, '../../fixtures/geometry');
const input = (name: string) => JSON.parse(readFileSync(path.join(DIR, 'in', `${name}.geojson`), 'utf8')) as FeatureCollection;

function golden(name: string, actual: FeatureCollection): void {
  const file = path.join(DIR, 'out', `${name}.geojson`);
  const text = JSON.stringify(truncate(actual, { precision: 6 }), null, 2) + '\n';
  if (process.env.REGEN) writeFileSync(file, text);
  const regen = 'run REGEN=1 npx vitest run tests/unit/layers/geometry.test.ts and review the diff';
  expect(existsSync(file), `${path.relative(ROOT, file)} is missing: ${regen}`).toBe(true);
  expect(text, `differs from ${path.relative(ROOT, file)}: fix the code, or ${regen}`).toBe(readFileSync(file, 'utf8'));
}

describe('derived geometry (golden files)', () => {
  it('border-band: the neighbour within km of the shared land border, not of coasts across the water', () => {
    const fc = input('border-band');
    const [along, within, border] = fc.features as [Feature<MultiPolygon>, Feature<Polygon>, Feature<LineString>];
    const before = JSON.stringify(fc);
    const band = borderBand(border.geometry, within.geometry, along.properties!.km as number);
    expect(JSON.stringify(fc), 'inputs are not mutated').toBe(before);
    golden('border-band', { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { km: 50 }, geometry: band }] });
    const bandFeature: Feature<Polygon | MultiPolygon> = { type: 'Feature', properties: {}, geometry: band };
    expect(booleanWithin(bandFeature, within)).toBe(true);
    // 50 km east of 32°E at 49°N is ~32.68°E: inside the band just short of it, outside just past it.
    expect(booleanPointInPolygon([32.6, 49], band)).toBe(true);
    expect(booleanPointInPolygon([32.8, 49], band)).toBe(false);
    expect(booleanPointInPolygon([31.9, 49], band)).toBe(false);
    // 22 km across the water from the peninsula, over 100 km from the land border: the Taman case.
    expect(booleanPointInPolygon([33, 47.05], band)).toBe(false);
  });

  it('label-point: inside the area even where the centroid is not', () => {
    const fc = input('label-point');
    const points = fc.features.map((f) => ({
      type: 'Feature' as const,
      properties: {},
      geometry: { type: 'Point' as const, coordinates: labelPoint(f.geometry) },
    }));
    golden('label-point', { type: 'FeatureCollection', features: points });
    fc.features.forEach((f, i) =>
      expect(booleanPointInPolygon(points[i].geometry.coordinates, f.geometry as Polygon)).toBe(true),
    );
    expect(points[1].geometry.coordinates).toEqual([11, 11]);
  });

  it('label-point: in the middle of a thin band, not on its edge (the border band had its label 0 km from it)', () => {
    // An L-shaped band one degree wide at the equator, and one of two parts, the larger far away.
    const band: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [6, 0],
          [6, 1],
          [1, 1],
          [1, 6],
          [0, 6],
          [0, 0],
        ],
      ],
    };
    const edge = (p: number[]) =>
      Math.min(
        ...band.coordinates[0]
          .slice(1)
          .map((q, i) =>
            pointToLineDistance(p, { type: 'LineString', coordinates: [band.coordinates[0][i], q] }, { units: 'degrees' }),
          ),
      );
    expect(edge(labelPoint(band))).toBeGreaterThan(0.45);
    const small: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [20, 0],
          [20.5, 0],
          [20.5, 0.5],
          [20, 0.5],
          [20, 0],
        ],
      ],
    };
    const both: MultiPolygon = { type: 'MultiPolygon', coordinates: [small.coordinates, band.coordinates] };
    expect(labelPoint(both)).toEqual(labelPoint(band));
  });

  it('distance: point to the nearest part of a border, in km', () => {
    const [from, to] = input('distance').features as [Feature<Point>, Feature<LineString | MultiLineString>];
    const km = distanceToLineKm(from.geometry, to.geometry);
    golden('distance', { type: 'FeatureCollection', features: [{ ...from, properties: { km: Math.round(km * 10) / 10 } }] });
    // 51.5 - 50.45466 degrees of latitude is ~116 km.
    expect(km).toBeGreaterThan(115);
    expect(km).toBeLessThan(118);
  });

  it('rejects a band of no width', () => {
    const [, within, border] = input('border-band').features as [Feature, Feature<Polygon>, Feature<LineString>];
    expect(() => borderBand(border.geometry, within.geometry, 0)).toThrow('km must be positive');
  });
});

describe("where an area's label hangs", () => {
  const box: LabelBox = { width: 120, height: 30, gap: 2, zoom: 4 };
  const square: Polygon = {
    type: 'Polygon',
    coordinates: [
      [
        [30, 50],
        [40, 50],
        [40, 56],
        [30, 56],
        [30, 50],
      ],
    ],
  };

  it('keeps a label below its point when it fits; else the side that stays inside the area', () => {
    const view = { zooms: [4], view: THEATRE, width: 120, height: 30, gap: 2 };
    expect(labelAnchor([35, 53], view, square)).toBe('top');
    // Near the square's east edge the text runs west; near its south edge it goes above the point.
    expect(labelAnchor([39.8, 53], view, square)).toMatch(/-right$/);
    expect(labelAnchor([35, 50.2], view, square)).toMatch(/^bottom/);
    expect(shareInside([35, 53], 'top', box, square)).toBe(1);
  });

  it("makes way for a city's dot", () => {
    const view = { zooms: [4], view: THEATRE, width: 120, height: 30, gap: 2 };
    const dot = { at: [35, 52.7], halfWidth: 0, halfHeight: 0 };
    expect(obstaclesCovered([35, 53], 'top', box, [dot])).toBe(1);
    const anchor = labelAnchor([35, 53], view, square, [dot]);
    expect(anchor).not.toBe('top');
    expect(obstaclesCovered([35, 53], anchor, box, [dot])).toBe(0);
  });

  it("puts the seed's near-border zone's label over Russia, at every zoom it is judged at", () => {
    const seedPlaces = path.join(seedProject(), 'geodata/layers/places.geojson');
    const places = JSON.parse(readFileSync(seedPlaces, 'utf8')) as FeatureCollection<Geometry, PlaceProperties>;
    const place = (id: string) => places.features.find((f) => f.properties.place_id === id)!;
    const russia = readBasemap(ROOT).countries.get('RU')!;
    const zone = place('russia-near-ukraine-border').properties;
    const anchor = zone.label_anchor as LabelAnchor;
    expect(LABEL_ANCHORS).toContain(anchor);
    for (const zoom of [3.5, 4.1, 4.5]) {
      const share = shareInside([zone.label_lng, zone.label_lat], anchor, { width: 108, height: 72, gap: 2.4, zoom }, russia);
      expect(share, `at zoom ${zoom}`).toBeGreaterThan(0.9);
    }
    // A country the basemap names gets its marks under that name, not at its pole of inaccessibility.
    const ru = place('russia') as Feature<Polygon | MultiPolygon, PlaceProperties>;
    expect(ru.properties.label_anchor).toBe('under-name');
    expect(ru.properties.label_lng).toBeLessThan(60);
  });
});
