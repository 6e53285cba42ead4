/**
 * Which places lie within which (src/catalogue/within.ts), on the seed's catalogue and on small tables.
 * The seed's expected containers were written down from places.json before the rule was.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Place } from '../../../src/catalogue/schema';
import { placesWithin } from '../../../src/catalogue/within';
import { seedProject } from '../../support/helpers';

const seed = (JSON.parse(readFileSync(path.join(seedProject(), 'geodata/catalogue/places.json'), 'utf8')) as { places: Place[] })
  .places;

describe('placesWithin', () => {
  it('reads the seed: regions, the border zone and the east in their countries, buildings in their cities', () => {
    expect(Object.fromEntries(placesWithin(seed))).toEqual({
      'russia-near-ukraine-border': ['russia'],
      'rostov-region': ['russia'],
      'yaroslavl-region': ['russia'],
      'eastern-ukraine': ['ukraine'],
      'russian-foreign-ministry': ['moscow'],
      'russian-parliament': ['moscow'],
      'state-department': ['washington'],
      congress: ['washington'],
    });
  });

  const place = (id: string, kind: Place['kind'], geometry: Place['geometry']): Place => ({
    id,
    names: { en: id },
    kind,
    geometry,
    precision: 'region',
    basis: 'article',
  });

  it('puts a country in a group of whole countries naming it, not in one cut to a box, nor in itself', () => {
    const pl = place('poland', 'country', { countries: ['PL'] });
    const east = place('east', 'zone', { countries: ['PL', 'SK'] });
    const clipped = place('clipped', 'zone', { countries: ['PL', 'DE'], clip: [0, 40, 30, 60] });
    const again = place('poland-again', 'country', { countries: ['PL'] });
    expect(Object.fromEntries(placesWithin([pl, east, clipped, again]))).toEqual({ poland: ['east'], 'poland-again': ['east'] });
  });

  it('says nothing of a place its drawing does not tie to a country: a point, a polygon, a city', () => {
    const ru = place('ru', 'country', { countries: ['RU'] });
    const dot = place('dot', 'city', { point: [37.6, 55.7] });
    const arctic = place('arctic', 'zone', {
      polygon: [
        [30, 70],
        [40, 70],
        [40, 75],
        [30, 70],
      ],
    });
    const city = place('city', 'city', { gazetteer: 'geonames:1' });
    expect(placesWithin([ru, dot, arctic, city])).toEqual(new Map());
  });
});
