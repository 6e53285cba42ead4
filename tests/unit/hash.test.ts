import { describe, expect, it } from 'vitest';
import { decodeHash, encodeHash, type ViewHash } from '../../src/state/hash';

describe('view hash', () => {
  it('round-trips camera, hidden layers and selection', () => {
    const v: ViewHash = {
      camera: { zoom: 5.5, lat: 48.9, lng: 35.2 },
      hidden: ['energy', 'troops'],
      places: ['kyiv'],
      event: 'us-plane-kyiv',
    };
    const hash = encodeHash(v);
    expect(hash).toBe('#5.5/48.9/35.2&hide=troops,energy&place=kyiv&event=us-plane-kyiv');
    expect(decodeHash(hash)).toEqual({ ...v, hidden: ['troops', 'energy'] });
  });

  it('reads a bare MapLibre hash #zoom/lat/lng', () => {
    expect(decodeHash('#6.5/47.23/39.72')).toEqual({
      camera: { zoom: 6.5, lat: 47.23, lng: 39.72 },
      hidden: [],
      places: [],
      event: null,
    });
  });

  it('rounds coordinates the way MapLibre does, by zoom', () => {
    expect(
      encodeHash({ camera: { zoom: 4.123456, lat: 50.123456789, lng: 30.987654321 }, hidden: [], places: [], event: null }),
    ).toBe('#4.12/50.12/30.99');
    expect(encodeHash({ camera: { zoom: 9, lat: 50.123456789, lng: 30.987654321 }, hidden: [], places: [], event: null })).toBe(
      '#9/50.1235/30.9877',
    );
  });

  it.each([
    ['', null],
    ['#', null],
    ['#abc/1/2', null],
    ['#5/95/30', null],
    ['#5/50/200', null],
    ['#5//30', null],
  ])('ignores the malformed camera %j', (hash, camera) => expect(decodeHash(hash).camera).toBe(camera));

  it('drops unknown categories and ids that are not ids, keeps the rest', () => {
    expect(decodeHash('#5/50/30&hide=troops,weather&place=kyiv,<script>,belarus&event=x"y&foo=bar')).toEqual({
      camera: { zoom: 5, lat: 50, lng: 30 },
      hidden: ['troops'],
      places: ['kyiv', 'belarus'],
      event: null,
    });
  });

  it('an empty view is an empty hash', () => {
    expect(encodeHash({ camera: null, hidden: [], places: [], event: null })).toBe('');
  });
});
