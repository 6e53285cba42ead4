/**
 * Figures over time (src/story/figures.ts figureSeries): every figure reported for a place in one unit,
 * with its date window, source, claimant and qualifier. The expected series were written down from the
 * seed article's text and the fixture corpus (tests/fixtures/across-sources) before the function was.
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { decodeStory } from '../../../src/layers/format';
import { figureSeries, unitSlug, type FigureEvent } from '../../../src/story/figures';
import { buildWithFixture } from '../../support/two-sources';

import { ROOT, seedStory } from '../../support/helpers';
const CORPUS = path.join(ROOT, 'tests/fixtures/across-sources');
const BORDER = 'russia-near-ukraine-border';

const corpus = decodeStory(JSON.parse(buildWithFixture(CORPUS, { seed: false }).get('story.json')!));
const seed = seedStory();
const NBC = seed.sources[0].id;

/** A point as the tests write it down: key, value, qualifier, window, source, claimant, copy. */
const brief = (s: ReturnType<typeof figureSeries>[number]) =>
  s.points.map((p) => [p.key, p.value, p.qualifier, p.start, p.end, p.precision, p.source_id, p.claim_by, p.copy_of]);

describe('the seed: 59 → 62 battalion tactical groups', () => {
  const series = figureSeries(seed.events as FigureEvent[], seed.sources, BORDER);

  it('is one series in that unit: the earlier figure across its week, the later on its day', () => {
    const btg = series.find((s) => s.unit === 'battalion tactical groups')!;
    expect(btg.key).toBe(`${BORDER}/battalion-tactical-groups`);
    const who = 'a U.S. defense official and a Western intelligence official';
    expect(brief(btg)).toEqual([
      ['battalion-tactical-groups:earlier', 59, null, '2022-01-17', '2022-01-23', 'week', NBC, who, null],
      ['battalion-tactical-groups', 62, null, '2022-01-26', '2022-01-26', 'day', NBC, who, null],
    ]);
    expect(btg.points.map((p) => p.earlier)).toEqual([true, false]);
    // One article, a change over time: nothing differs.
    expect(btg.differing).toEqual([]);
  });

  it('puts a figure for two places together in no place’s series, and says so', () => {
    const troops = series.find((s) => s.unit === 'troops');
    // "over 100,000 troops near its shared border with Ukraine and in Belarus" is not the border's own.
    expect(troops?.points ?? []).toEqual([]);
    expect(troops?.joint).toEqual(['troop-buildup']);
    expect(
      figureSeries(seed.events as FigureEvent[], seed.sources, 'belarus').map((s) => [s.unit, s.points.length, s.joint]),
    ).toEqual([['troops', 0, ['troop-buildup']]]);
  });

  it('does not give a seat of government its event’s figure: 8,500 troops on alert are not troops in Washington', () => {
    expect(figureSeries(seed.events as FigureEvent[], seed.sources, 'washington')).toEqual([]);
  });

  it('leaves out the earlier figure when a time window does not hold its week', () => {
    const w = { start: '2022-01-25', end: '2022-01-26', mode: 'overlaps' as const };
    const btg = figureSeries(seed.events as FigureEvent[], seed.sources, BORDER, w).find(
      (s) => s.unit === 'battalion tactical groups',
    )!;
    expect(btg.points.map((p) => p.key)).toEqual(['battalion-tactical-groups']);
  });
});

describe('the fixture corpus: troops near the border over four weeks', () => {
  const [troops, ...others] = figureSeries(corpus.events as FigureEvent[], corpus.sources, BORDER);

  it('lists every figure with its day, source, claimant and qualifier; the agency copy says whose it is', () => {
    expect(others).toEqual([]);
    expect(troops.unit).toBe('troops');
    expect(brief(troops)).toEqual([
      [
        'hl10-troops',
        100000,
        'about',
        '2022-01-10',
        '2022-01-10',
        'day',
        'harbor-ledger-2022-01-10',
        'a fixture defense official',
        null,
      ],
      [
        'vc17-troops',
        110000,
        null,
        '2022-01-17',
        '2022-01-17',
        'day',
        'valley-courier-2022-01-17',
        'a fixture intelligence official',
        null,
      ],
      [
        'np24-troops',
        127000,
        null,
        '2022-01-24',
        '2022-01-24',
        'day',
        'northgate-post-2022-01-24',
        "Ukraine's fixture defense ministry",
        null,
      ],
      [
        'pd24-troops',
        127000,
        null,
        '2022-01-24',
        '2022-01-24',
        'day',
        'plainsview-daily-2022-01-24',
        "Ukraine's fixture defense ministry",
        'northgate-post-2022-01-24',
      ],
      [
        'vc25-troops',
        100000,
        'about',
        '2022-01-24',
        '2022-01-24',
        'day',
        'valley-courier-2022-01-25',
        'a fixture U.S. official',
        null,
      ],
      [
        'np04-troops',
        130000,
        null,
        '2022-02-04',
        '2022-02-04',
        'day',
        'northgate-post-2022-02-04',
        'a fixture NATO official',
        null,
      ],
    ]);
    // "about 100,000" allows 90,000 to 110,000: drawn as a range, not a point.
    expect(troops.points.map((p) => [p.low, p.high])).toEqual([
      [90000, 110000],
      [110000, 110000],
      [127000, 127000],
      [127000, 127000],
      [90000, 110000],
      [130000, 130000],
    ]);
  });

  it('marks the two figures of one Monday that cannot both be true, and not the copy a second time', () => {
    expect(troops.differing).toEqual([['np24-troops', 'vc25-troops']]);
  });

  it('has no series where the corpus gives no figure', () => {
    expect(figureSeries(corpus.events as FigureEvent[], corpus.sources, 'eastern-ukraine')).toEqual([]);
  });
});

const SOURCES = [
  { id: 'a', published: '2022-01-20', carries: undefined },
  { id: 'b', published: '2022-01-31', carries: undefined },
];
const ev = (over: Partial<FigureEvent> & Pick<FigureEvent, 'event_id' | 'source_id'>): FigureEvent =>
  ({
    title: '',
    category: 'troops',
    site: 'happened',
    date_expr: '',
    date: '2022-01-19',
    date_precision: 'day',
    date_start: '2022-01-19',
    date_end: '2022-01-19',
    quantity: 'x',
    quantity_previous: null,
    claim_by: 'someone',
    claim_kind: 'official',
    stance: 'asserted',
    side: null,
    change: null,
    excerpts: [],
    places: ['p'],
    about: [],
    quantity_value: 100,
    quantity_unit: 'troops',
    quantity_qualifier: null,
    ...over,
  }) as FigureEvent;

describe('figureSeries on tables', () => {
  it('keeps a month’s figure across its month and one without a date apart, last', () => {
    const month = ev({
      event_id: 'm',
      source_id: 'a',
      date: '2022-01',
      date_precision: 'month',
      date_start: '2022-01-01',
      date_end: '2022-01-31',
    });
    const undated = ev({
      event_id: 'u',
      source_id: 'b',
      date: null,
      date_precision: 'unknown',
      date_start: null,
      date_end: null,
      quantity_value: 300,
    });
    const day = ev({
      event_id: 'd',
      source_id: 'b',
      date: '2022-01-05',
      date_start: '2022-01-05',
      date_end: '2022-01-05',
      quantity_value: 100,
    });
    const [s] = figureSeries([undated, day, month], SOURCES, 'p');
    expect(s.points.map((p) => [p.key, p.start, p.end, p.precision])).toEqual([
      ['m', '2022-01-01', '2022-01-31', 'month'],
      ['d', '2022-01-05', '2022-01-05', 'day'],
      ['u', null, null, 'unknown'],
    ]);
    // An undated figure stands for its sources' publication span when figures are compared (as groupReports reads it):
    // 300 from 20 to 31 January cannot be 100 in January.
    expect(s.differing).toEqual([['m', 'u']]);
  });

  it('reads units as one whatever their case, and each unit is its own series', () => {
    const a = ev({ event_id: 'a1', source_id: 'a', quantity_unit: 'Troops' });
    const b = ev({ event_id: 'b1', source_id: 'b', quantity_unit: 'troops ', quantity_value: 200 });
    const c = ev({ event_id: 'c1', source_id: 'b', quantity_unit: 'tanks', quantity_value: 5 });
    const series = figureSeries([a, b, c], SOURCES, 'p');
    expect(series.map((s) => [s.unit, s.points.map((p) => p.key), s.differing])).toEqual([
      ['tanks', ['c1'], []],
      ['Troops', ['a1', 'b1'], [['a1', 'b1']]],
    ]);
  });

  it('never claims a difference on a qualifier it cannot read, nor between one source’s own figures', () => {
    const a = ev({ event_id: 'a1', source_id: 'a', quantity_qualifier: 'tens of thousands, reportedly' });
    const b = ev({ event_id: 'b1', source_id: 'b', quantity_value: 100000 });
    const a2 = ev({ event_id: 'a2', source_id: 'a', quantity_value: 500 });
    const [s] = figureSeries([a, b, a2], SOURCES, 'p');
    expect(s.points.find((p) => p.key === 'a1')).toMatchObject({ low: 0, high: Infinity });
    expect(s.differing).toEqual([['a2', 'b1']]);
  });

  it('gives an open range for "more than" and "up to"', () => {
    const more = ev({ event_id: 'a1', source_id: 'a', quantity_qualifier: 'more than' });
    const upTo = ev({ event_id: 'b1', source_id: 'b', quantity_qualifier: 'up to', quantity_value: 50 });
    const [s] = figureSeries([more, upTo], SOURCES, 'p');
    expect(s.points.map((p) => [p.low, p.high])).toEqual([
      [100, Infinity],
      [0, 50],
    ]);
    expect(s.differing).toEqual([['a1', 'b1']]);
  });

  it('makes link keys from the unit: lower case, words joined by hyphens', () => {
    expect(unitSlug('Battalion Tactical Groups')).toBe('battalion-tactical-groups');
    expect(unitSlug(' S-400 units ')).toBe('s-400-units');
    expect(unitSlug('солдат')).toBe('unit');
  });

  it('does not change its input', () => {
    const input = [ev({ event_id: 'a1', source_id: 'a' }), ev({ event_id: 'b1', source_id: 'b', quantity_value: 3 })];
    const copy = structuredClone(input);
    figureSeries(input, SOURCES, 'p');
    expect(input).toEqual(copy);
  });
});
