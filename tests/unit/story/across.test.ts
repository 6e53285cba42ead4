/**
 * Reports of the same thing across sources (src/story/across.ts), on the fixture corpus
 * (tests/fixtures/across-sources: six short articles written for the tests, from invented outlets, built
 * through the real validator and layer build) and on small tables of reports. The expected groups and
 * differing figures were written down from the corpus's text before the rule was.
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import type { FeatureCollection, Geometry } from 'geojson';
import { decodeStory, type PlaceProperties } from '../../../src/layers/format';
import { figureRange, groupReports, independentSources, reportOf, type Report } from '../../../src/story/across';
import { isVisible } from '../../../src/story/visibility';
import { buildWithFixture } from '../../support/two-sources';

const CORPUS = path.resolve(import.meta.dirname, '../../fixtures/across-sources');
const AGENCY = 'Fixture Press Agency (test fixture): story fpa-2022-01-24-border';

const built = buildWithFixture(CORPUS, { seed: false });
const story = decodeStory(JSON.parse(built.get('story.json')!));

describe('the fixture corpus', () => {
  it('is six articles from invented outlets over four weeks, each marked fictional', () => {
    expect(story.sources).toHaveLength(6);
    expect(story.sources.every((s) => s.fictional === true && /\(test fixture\)$/.test(s.publisher))).toBe(true);
    const days = story.sources.map((s) => s.published).sort();
    expect([days[0], days.at(-1)]).toEqual(['2022-01-10', '2022-02-04']);
    expect(story.sources.filter((s) => s.carries === AGENCY).map((s) => s.id)).toEqual([
      'northgate-post-2022-01-24',
      'plainsview-daily-2022-01-24',
    ]);
  });

  it('groups reports of the same thing: an agency copy counted once, a denial beside what it denies', () => {
    const groups = groupReports(story.events.map(reportOf), story.sources);
    expect(groups).toEqual([
      {
        places: ['eastern-ukraine'],
        category: 'conflict',
        // The background sentence gives no date: it stands for the span from the first report to its own.
        events: ['vc17-shelling', 'np04-background'],
        sources: ['valley-courier-2022-01-17', 'northgate-post-2022-02-04'],
        independent: 2,
        copies: [],
        denials: [],
        differing: [],
      },
      {
        places: ['russia-near-ukraine-border'],
        category: 'troops',
        events: ['np24-troops', 'pd24-troops', 'vc25-troops'],
        sources: ['northgate-post-2022-01-24', 'plainsview-daily-2022-01-24', 'valley-courier-2022-01-25'],
        independent: 2,
        copies: [{ carries: AGENCY, sources: ['northgate-post-2022-01-24', 'plainsview-daily-2022-01-24'] }],
        denials: ['vc25-denial'],
        // 127,000 and "about 100,000" on the same Monday cannot both be true; the copy is not a second difference.
        differing: [['np24-troops', 'vc25-troops']],
      },
    ]);
  });

  it('with the places within others the build gives (places.geojson `within`), joins a report in Ukraine to those in its east', () => {
    const places = JSON.parse(built.get('places.geojson')!) as FeatureCollection<Geometry, PlaceProperties>;
    const within = new Map(places.features.map((f) => [f.properties.place_id, f.properties.within?.split(',') ?? []]));
    expect(within.get('eastern-ukraine')).toEqual(['ukraine']);
    const groups = groupReports(story.events.map(reportOf), story.sources, (p) => within.get(p) ?? []);
    // Harbor Ledger's shelling in Ukraine on 10 January meets the east's undated background (10 January to
    // 4 February), which meets Valley Courier's shelling in the east on the 17th: one group of three.
    expect(groups[0]).toEqual({
      places: ['eastern-ukraine', 'ukraine'],
      category: 'conflict',
      events: ['hl10-shelling', 'vc17-shelling', 'np04-background'],
      sources: ['harbor-ledger-2022-01-10', 'valley-courier-2022-01-17', 'northgate-post-2022-02-04'],
      independent: 3,
      copies: [],
      denials: [],
      differing: [],
    });
    // The border's group is as before: nothing else in the corpus is at Russia.
    expect(groups.slice(1).map((g) => g.events)).toEqual([['np24-troops', 'pd24-troops', 'vc25-troops']]);
    // Without the places within others, the report in Ukraine stands alone.
    expect(groupReports(story.events.map(reportOf), story.sources).flatMap((g) => g.events)).not.toContain('hl10-shelling');
  });

  it('leaves single reports ungrouped: a figure a week apart is a change over time, not a difference', () => {
    const grouped = new Set(groupReports(story.events.map(reportOf), story.sources).flatMap((g) => g.events));
    expect(['hl10-troops', 'vc17-troops', 'np04-troops'].filter((id) => grouped.has(id))).toEqual([]);
  });
});

describe("independent sources at each place (the map's count)", () => {
  // Written down from the corpus's text before the function: the border has six articles' reports, two
  // of them one agency story (counted once); the east two outlets' shelling. Moscow's one event, the
  // denial, is listed there as the seat of the ministry that spoke: not a report of Moscow, no count.
  it("counts each place's sources, an agency story carried twice once", () => {
    expect(Object.fromEntries(independentSources(story.events, story.sources))).toEqual({
      'russia-near-ukraine-border': 5,
      'eastern-ukraine': 2,
      // A Ukrainian spokesman's shelling, in Harbor Ledger alone.
      ukraine: 1,
    });
  });

  it("counts only the events it is given: the view's visible ones", () => {
    const sides = (...s: string[]) =>
      story.events.filter((e) => isVisible(e, { hidden: new Set(), sides: new Set(s as never[]) }));
    // Ukraine's ministry in the agency story alone: two outlets, one source.
    expect(independentSources(sides('ukraine'), story.sources).get('russia-near-ukraine-border')).toBe(1);
    // With the U.S.'s two officials (Harbor Ledger, Valley Courier): three.
    expect(independentSources(sides('ukraine', 'us'), story.sources).get('russia-near-ukraine-border')).toBe(3);
    // The outlets' own reporting off: nothing left in the east.
    expect(independentSources(sides('russia', 'ukraine', 'us', 'nato'), story.sources).has('eastern-ukraine')).toBe(false);
  });

  it('leaves out events listed at a place only as a seat of government standing in', () => {
    const at = (id: string, source_id: string, site: 'seat' | 'happened') => ({
      event_id: id,
      source_id,
      places: ['washington'],
      site,
    });
    const sources = [{ id: 'a' }, { id: 'b' }, { id: 'c', carries: 'x' }, { id: 'd', carries: 'x' }];
    expect(independentSources([at('1', 'a', 'seat'), at('2', 'b', 'happened')], sources).get('washington')).toBe(1);
    expect(
      independentSources([at('1', 'c', 'happened'), at('2', 'd', 'happened'), at('3', 'a', 'happened')], sources).get(
        'washington',
      ),
    ).toBe(2);
    expect(independentSources([at('1', 'a', 'seat')], sources).has('washington')).toBe(false);
  });
});

const SOURCES = [
  { id: 'a', published: '2022-01-20' },
  { id: 'b', published: '2022-01-21' },
  { id: 'c', published: '2022-01-22' },
];
const report = (over: Partial<Report> & Pick<Report, 'event_id' | 'source_id'>): Report => ({
  category: 'troops',
  places: ['russia'],
  about: [],
  stance: 'asserted',
  date_start: '2022-01-19',
  date_end: '2022-01-19',
  figure: null,
  ...over,
});

describe('groupReports on tables', () => {
  it('joins a place with a place within it, but not two places within the same one', () => {
    const within = (place: string) => (['rostov', 'yaroslavl'].includes(place) ? ['russia'] : []);
    const rostov = report({ event_id: 'r', source_id: 'a', places: ['rostov'] });
    const yaroslavl = report({ event_id: 'y', source_id: 'b', places: ['yaroslavl'] });
    expect(groupReports([rostov, yaroslavl], SOURCES, within)).toEqual([]);
    const russia = report({ event_id: 'ru', source_id: 'c' });
    expect(groupReports([rostov, russia], SOURCES, within).map((g) => [g.events, g.places])).toEqual([
      [
        ['r', 'ru'],
        ['rostov', 'russia'],
      ],
    ]);
  });

  it('needs the same category and overlapping windows', () => {
    const a = report({ event_id: 'a1', source_id: 'a' });
    expect(groupReports([a, report({ event_id: 'b1', source_id: 'b', category: 'drills' })], SOURCES)).toEqual([]);
    const later = { date_start: '2022-01-20', date_end: '2022-01-20' };
    expect(groupReports([a, report({ event_id: 'b1', source_id: 'b', ...later })], SOURCES)).toEqual([]);
    const week = { date_start: '2022-01-17', date_end: '2022-01-23' };
    expect(groupReports([a, report({ event_id: 'b1', source_id: 'b', ...week })], SOURCES)).toHaveLength(1);
  });

  it('says figures differ only when their ranges cannot meet', () => {
    const fig = (value: number, qualifier: string | null = null) => ({ value, unit: 'troops', qualifier });
    const pair = (x: Report['figure'], y: Report['figure']) =>
      groupReports(
        [report({ event_id: 'x', source_id: 'a', figure: x }), report({ event_id: 'y', source_id: 'b', figure: y })],
        SOURCES,
      )[0].differing;
    expect(pair(fig(127000), fig(100000, 'over'))).toEqual([]);
    expect(pair(fig(127000), fig(100000, 'about'))).toEqual([['x', 'y']]);
    expect(pair(fig(105000), fig(100000, 'about'))).toEqual([]);
    expect(pair(fig(127000), fig(100000, 'up to'))).toEqual([['x', 'y']]);
    // Words the rule does not know never make a difference: the app does not pick.
    expect(pair(fig(127000), fig(100000, 'tens of thousands, reportedly'))).toEqual([]);
    expect(pair(fig(127000), { ...fig(100000), unit: 'soldiers' })).toEqual([]);
  });

  it('reads qualifiers as ranges', () => {
    expect(figureRange({ value: 100, unit: 'troops', qualifier: null })).toEqual([100, 100]);
    expect(figureRange({ value: 100, unit: 'troops', qualifier: 'More than' })).toEqual([100, Infinity]);
    expect(figureRange({ value: 100, unit: 'troops', qualifier: 'nearly' })).toEqual([90, 100]);
    // Exactly its tenth either side, not 110,000.00000000001 (a product with 1.1).
    expect(figureRange({ value: 100000, unit: 'troops', qualifier: 'about' })).toEqual([90000, 110000]);
  });

  it('does not change its input', () => {
    const input = [report({ event_id: 'a1', source_id: 'a' }), report({ event_id: 'b1', source_id: 'b' })];
    const copy = structuredClone(input);
    groupReports(input, SOURCES);
    expect(input).toEqual(copy);
  });
});
