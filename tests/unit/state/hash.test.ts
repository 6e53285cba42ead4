import { describe, expect, it } from 'vitest';
import {
  decodeHash,
  encodeHash,
  ignoredText,
  knownOnly,
  readHash,
  withGroupPlaces,
  type ViewHash,
} from '../../../src/state/hash';

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

  it('holds the sources shown and the time window last, as an ISO 8601 interval of inclusive days', () => {
    const v: ViewHash = {
      camera: { zoom: 5, lat: 50, lng: 30 },
      hidden: [],
      places: ['belarus'],
      event: null,
      sources: ['nbc-2022-01-26'],
      window: { start: '2022-01-24', end: '2022-01-26', mode: 'overlaps' },
    };
    const hash = encodeHash(v);
    expect(hash).toBe('#5/50/30&place=belarus&source=nbc-2022-01-26&t=2022-01-24/2022-01-26');
    expect(decodeHash(hash)).toEqual(v);
    const within = { ...v, window: { ...v.window!, mode: 'within' as const } };
    expect(encodeHash(within)).toBe('#5/50/30&place=belarus&source=nbc-2022-01-26&tmode=within&t=2022-01-24/2022-01-26');
    expect(decodeHash(encodeHash(within))).toEqual(within);
    // The mode counts wherever it stands; one day alone is that day.
    expect(decodeHash('#t=2022-01-25&tmode=within').window).toEqual({ start: '2022-01-25', end: '2022-01-25', mode: 'within' });
    expect(decodeHash('#tmode=within').window).toBeUndefined();
  });

  it.each([
    '2022-01-26/2022-01-24',
    '2022-02-30/2022-03-01',
    '2022-01-24/',
    'yesterday',
    '2022-01-24/2022-01-25/2022-01-26',
    '2022-1-24',
  ])('ignores the window %j, and says so', (t) => {
    const r = readHash(`#5/50/30&t=${t}`);
    expect(r.view.window).toBeUndefined();
    expect(r.ignored).toEqual([{ what: 'dates', value: t }]);
  });

  it('an empty view is an empty hash', () => {
    expect(encodeHash({ camera: null, hidden: [], places: [], event: null })).toBe('');
  });
});

describe('a link read, normalised and explained', () => {
  it('selects a place named twice once (a duplicate broke the Excerpts panel)', () => {
    expect(decodeHash('#5/50/30&place=kyiv,kyiv').places).toEqual(['kyiv']);
    expect(decodeHash('#5/50/30&place=kyiv,belarus,kyiv,belarus').places).toEqual(['kyiv', 'belarus']);
    expect(decodeHash('#hide=troops,troops').hidden).toEqual(['troops']);
  });

  it('reads a selection without a camera', () => {
    expect(decodeHash('#hide=energy&place=kyiv')).toEqual({ camera: null, hidden: ['energy'], places: ['kyiv'], event: null });
  });

  it('says what it ignored, and why in a word', () => {
    const r = readHash('#abc/1/2&hide=troops,weather&place=kyiv,<b>,kyiv&event=x"y&foo=bar&&zoom');
    expect(r.view).toEqual({ camera: null, hidden: ['troops'], places: ['kyiv'], event: null });
    expect(r.ignored).toEqual([
      { what: 'view', value: 'abc/1/2' },
      { what: 'layer', value: 'weather' },
      { what: 'place', value: '<b>' },
      { what: 'event', value: 'x"y' },
      { what: 'part', value: 'foo=bar' },
      { what: 'part', value: 'zoom' },
    ]);
  });

  it('ignores nothing in a canonical link, or in no link', () => {
    for (const hash of ['', '#', '#5.5/48.9/35.2&hide=troops,energy&place=kyiv,belarus&event=us-plane-kyiv'])
      expect(readHash(hash).ignored, hash).toEqual([]);
  });

  it('shows percent-encoded values decoded, and malformed ones as they are', () => {
    expect(readHash('#place=%E2%80%9Cx%E2%80%9D').ignored).toEqual([{ what: 'place', value: '“x”' }]);
    expect(readHash('#place=%E2%80').ignored).toEqual([{ what: 'place', value: '%E2%80' }]);
  });

  it('a later key wins, and what it replaced is said', () => {
    const r = readHash('#place=kyiv&place=belarus');
    expect(r.view.places).toEqual(['belarus']);
    expect(r.ignored).toEqual([{ what: 'place', value: 'kyiv' }]);
  });

  it('drops places, events and sources the story does not have, once it is known', () => {
    const known = { places: new Set(['kyiv', 'belarus']), events: new Set(['us-plane-kyiv']), sources: new Set(['nbc']) };
    const view = decodeHash('#5/50/30&hide=energy&place=nowhere,kyiv,belarus&event=no-such-event&source=nbc,gone');
    expect(knownOnly(view, known)).toEqual({
      view: {
        camera: { zoom: 5, lat: 50, lng: 30 },
        hidden: ['energy'],
        places: ['kyiv', 'belarus'],
        event: null,
        sources: ['nbc'],
      },
      ignored: [
        { what: 'place', value: 'nowhere' },
        { what: 'event', value: 'no-such-event' },
        { what: 'source', value: 'gone' },
      ],
    });
    const fine = decodeHash('#place=kyiv&event=us-plane-kyiv');
    expect(knownOnly(fine, known)).toEqual({ view: fine, ignored: [] });
  });

  it('the canonical form of a link is its encoding: deduplicated, garbage gone, camera rounded', () => {
    expect(encodeHash(decodeHash('#5/50/30&place=kyiv,kyiv&foo=1&hide=energy,troops'))).toBe(
      '#5/50/30&hide=troops,energy&place=kyiv',
    );
    expect(encodeHash(decodeHash('#nonsense'))).toBe('');
  });

  it('explains what was ignored in a sentence, short and quoted', () => {
    expect(ignoredText([])).toBe('');
    expect(ignoredText([{ what: 'place', value: 'nowhere' }])).toBe('Ignored from the link: place “nowhere”.');
    expect(
      ignoredText([
        { what: 'place', value: 'nowhere' },
        { what: 'layer', value: 'weather' },
        { what: 'part', value: 'foo=bar' },
      ]),
    ).toBe('Ignored from the link: place “nowhere”, layer “weather”, “foo=bar”.');
    const long = ignoredText([{ what: 'place', value: 'x'.repeat(500) }]);
    expect(long.length).toBeLessThan(80);
    expect(long).toContain('…');
    const many = ignoredText(Array.from({ length: 12 }, (_, i) => ({ what: 'place' as const, value: `p${i}` })));
    expect(many).toBe('Ignored from the link: place “p0”, place “p1”, place “p2”, place “p3”, place “p4” and 7 more.');
  });
});

describe('a key given twice', () => {
  it('reports what each earlier value held once', () => {
    expect(readHash('#hide=troops&hide=energy,weather').ignored).toEqual([
      { what: 'layer', value: 'troops' },
      { what: 'layer', value: 'weather' },
    ]);
  });
});

describe('what the Excerpts panel has open', () => {
  it('holds a group by one of its event ids, or a place’s figures by place and unit, after the event', () => {
    const group: ViewHash = {
      camera: null,
      hidden: [],
      places: ['kyiv'],
      event: 'e1',
      open: { kind: 'group', id: 'np24-troops' },
    };
    expect(encodeHash(group)).toBe('#place=kyiv&event=e1&group=np24-troops');
    expect(decodeHash(encodeHash(group))).toEqual(group);
    const figures: ViewHash = {
      camera: null,
      hidden: [],
      places: ['russia-near-ukraine-border'],
      event: null,
      open: { kind: 'figures', id: 'russia-near-ukraine-border/battalion-tactical-groups' },
      sides: ['us'],
    };
    expect(encodeHash(figures)).toBe(
      '#place=russia-near-ukraine-border&figures=russia-near-ukraine-border/battalion-tactical-groups&claimant=us',
    );
    expect(decodeHash(encodeHash(figures))).toEqual(figures);
  });

  it('opens one thing at a time, the last named, and says what it dropped', () => {
    const r = readHash('#place=kyiv&group=a-1&figures=kyiv/troops');
    expect(r.view.open).toEqual({ kind: 'figures', id: 'kyiv/troops' });
    expect(r.ignored).toEqual([{ what: 'group', value: 'a-1' }]);
    const bad = readHash('#place=kyiv&group=<b>&figures=kyiv');
    expect(bad.view.open).toBeUndefined();
    expect(bad.ignored).toEqual([
      { what: 'group', value: '<b>' },
      { what: 'figures', value: 'kyiv' },
    ]);
    expect(readHash('#group=a&group=%3Cb%3E').view.open).toBeNull();
  });

  it('drops a group whose event, or figures whose place, the story does not have', () => {
    const known = { places: new Set(['kyiv']), events: new Set(['e1']), sources: new Set<string>() };
    const gone = knownOnly(decodeHash('#place=kyiv&group=e2'), known);
    expect(gone.view.open).toBeNull();
    expect(gone.ignored).toEqual([{ what: 'group', value: 'e2' }]);
    expect(knownOnly(decodeHash('#place=kyiv&figures=nowhere/troops'), known).ignored).toEqual([
      { what: 'figures', value: 'nowhere/troops' },
    ]);
    const fine = decodeHash('#place=kyiv&figures=kyiv/troops');
    expect(knownOnly(fine, known)).toEqual({ view: fine, ignored: [] });
  });
});

describe('a group opened by a link alone', () => {
  const placesOf = (id: string) =>
    (({ 'np24-troops': ['russia-near-ukraine-border'], 'no-place': [] }) as Record<string, string[]>)[id];

  it('opens at its event’s places when the link names none', () => {
    const view = decodeHash('#5/49/38&group=np24-troops');
    expect(view.places).toEqual([]);
    expect(withGroupPlaces(view, placesOf)).toEqual({ ...view, places: ['russia-near-ukraine-border'] });
    expect(encodeHash(withGroupPlaces(view, placesOf))).toBe('#5/49/38&place=russia-near-ukraine-border&group=np24-troops');
  });

  it('keeps the places a link names, and a view without a group, an unknown event, or an event without places, as it is', () => {
    for (const hash of [
      '#5/49/38&place=moscow&group=np24-troops',
      '#5/49/38&figures=kyiv/troops',
      '#5/49/38&group=nothing',
      '#5/49/38&group=no-place',
    ]) {
      const view = decodeHash(hash);
      expect(withGroupPlaces(view, placesOf)).toBe(view);
    }
  });
});
