/**
 * A tiled story's count of independent sources (map/tiledStory.ts): the places in view read from their
 * mark features, each counted from its visible combos' sources by the whole form's rule (story/across.ts),
 * an agency story carried by several outlets once; and, on the fixture corpus built in both forms, the
 * same counts as the whole form's for every view.
 */
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import path from 'node:path';
import type { Feature, Point } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import type { StoryFile, TiledStoryFile } from '../../../src/layers/format';
import { FULL_DETAIL_ZOOM } from '../../../src/layers/tiled';
import { BADGE_RADIUS, MARK_STEP } from '../../../src/map/data';
import { MARK_SIZE } from '../../../src/map/symbols';
import { placesInView, tiledChoices, tiledShown, tiledSourceCounts, type PlacesInView } from '../../../src/map/tiledStory';
import { drawnBadges } from '../../support/helpers';
import { independentSources } from '../../../src/story/across';
import { combosVisible } from '../../../src/story/tiled';
import { isVisible, type ViewFilter } from '../../../src/story/visibility';
import { archiveReader } from '../../support/helpers';
import { buildFixture } from '../../support/two-sources';

/** The badges drawn in a view: every count laid out for the places in view, those the view shows. */
function tiledBadges(inView: PlacesInView, summary: Parameters<typeof tiledChoices>[1], visible: readonly boolean[]) {
  const choices = tiledChoices(inView, summary);
  return drawnBadges(choices, tiledShown(choices, inView, summary, visible));
}

const combo = (category: 'troops' | 'drills', source_id: string, side: 'russia' | 'ukraine' = 'russia') => ({
  category,
  source_id,
  side,
  date_start: '2022-01-24',
  date_end: '2022-01-24',
  events: 1,
});
const source = (id: string, carries?: string) => ({
  id,
  title: `Fixture article ${id}`,
  publisher: `Fixture Outlet ${id}`,
  published: '2022-01-25',
  url: '',
  dateline: null,
  ...(carries ? { carries } : {}),
});

/** Sources a, b, c, d; b and c carry one agency story. */
const SUMMARY = {
  sources: [source('a'), source('b', 'Fixture Agency: story 1'), source('c', 'Fixture Agency: story 1'), source('d')],
  combos: [
    combo('troops', 'a'),
    combo('troops', 'b'),
    combo('drills', 'c'),
    combo('troops', 'd', 'ukraine'),
    combo('drills', 'a', 'ukraine'),
  ],
} as unknown as Pick<TiledStoryFile, 'sources' | 'combos'>;

const ALL = [true, true, true, true, true];

describe('tiledSourceCounts', () => {
  // Written before the function: each place's combos, and what the whole form would count of them.
  const places = new Map([
    ['p1', [0, 1, 2]],
    ['p2', [0, 4]],
    ['p3', [1, 2, 3]],
  ]);

  it('counts a place’s sources from its combos, an agency story carried by two outlets once', () => {
    expect(tiledSourceCounts(places, SUMMARY, ALL)).toEqual(
      new Map([
        ['p1', 2],
        ['p2', 1],
        ['p3', 2],
      ]),
    );
  });

  it('counts only the combos the view shows, and leaves out a place none of whose combos it shows', () => {
    // The Ukrainian side's combos hidden (3 and 4): p3 keeps b and its copy c, one source.
    expect(tiledSourceCounts(places, SUMMARY, [true, true, true, false, false])).toEqual(
      new Map([
        ['p1', 2],
        ['p2', 1],
        ['p3', 1],
      ]),
    );
    // Only combo 3 shown: p1 and p2 have nothing visible.
    expect(tiledSourceCounts(places, SUMMARY, [false, false, false, true, false])).toEqual(new Map([['p3', 1]]));
  });
});

/** A mark feature as the map gives it back (map.querySourceFeatures): its properties and its point. */
const mark = (at: [number, number], props: Record<string, unknown>): Feature<Point> => ({
  type: 'Feature',
  properties: props,
  geometry: { type: 'Point', coordinates: at },
});
/** Where a row's count goes past a centred row's last slot (data.ts placeMarks). */
const dxAfter = (slot: number) => (slot * MARK_STEP) / 2 + MARK_SIZE / 2 + 2 + BADGE_RADIUS;

describe('placesInView', () => {
  const features = [
    mark([30, 50], { k: 0, c: 'troops', s: -1, p: 'p1' }),
    mark([30, 50], { k: 1, c: 'troops', s: -1, p: 'p1' }),
    mark([30, 50], { k: 2, c: 'drills', s: 1, p: 'p1' }),
    // p3 drawn at p1's point: one badge for both, past the wider row.
    mark([30, 50], { k: 3, c: 'troops', s: 0, p: 'p3' }),
    mark([31, 50], { k: 0, c: 'troops', s: -1, p: 'p2' }),
    mark([31, 50], { k: 4, c: 'drills', s: 1, p: 'p2' }),
    // A thinned cell of several places names none: it has no count.
    mark([32, 51], { k: 1, c: 'troops', s: -1 }),
    mark([32, 51], { k: 2, c: 'drills', s: 1 }),
    // The same place in a neighbouring tile's buffer: once.
    mark([31, 50], { k: 0, c: 'troops', s: -1, p: 'p2' }),
  ];

  it('reads each named place’s combos, and one badge slot per point past its row', () => {
    const seen = placesInView(features);
    expect(seen.combos).toEqual(
      new Map([
        ['p1', new Set([0, 1, 2])],
        ['p3', new Set([3])],
        ['p2', new Set([0, 4])],
      ]),
    );
    expect(seen.slots).toEqual([
      { places: ['p1', 'p3'], at: [30, 50], dx: dxAfter(1), dy: 0, dense: false },
      { places: ['p2'], at: [31, 50], dx: dxAfter(1), dy: 0, dense: false },
    ]);
  });

  it('draws a badge where a place has 2 independent sources or more, none on a thinned cell of several places', () => {
    const badges = tiledBadges(placesInView(features), SUMMARY, ALL);
    expect(badges.map((f) => [f.properties.place_ids, f.properties.count])).toEqual([['p1 p3', '2']]);
    expect(tiledBadges(placesInView(features), SUMMARY, [false, true, true, true, true])).toEqual([]);
  });
});

describe('the fixture corpus, tiled: the whole form’s counts', () => {
  // Six articles, one agency story carried by two of them, a denial listed at Moscow only as the seat of
  // the ministry that spoke (tests/fixtures/across-sources).
  const built = buildFixture(path.resolve(import.meta.dirname, '../../fixtures/across-sources'), { seed: false, tiled: true });
  const whole = buildFixture(path.resolve(import.meta.dirname, '../../fixtures/across-sources'), { seed: false });
  const story = JSON.parse(whole.files.get('story.json')!) as StoryFile;
  const places = JSON.parse(whole.files.get('places.geojson')!) as { features: Feature[] };
  const summary = JSON.parse(built.files.get('story.json')!) as TiledStoryFile;
  const features: Feature<Point>[] = [];

  beforeAll(async () => {
    // Every place's own marks, as the map reads them at full detail: the tiles at the places' points.
    const reader = archiveReader(built.archives!.get(summary.tiled.archives.marks.file)!);
    const z = FULL_DETAIL_ZOOM;
    const tiles = new Set<string>();
    for (const f of places.features) {
      const { label_lng: lng, label_lat: lat } = f.properties as { label_lng: number; label_lat: number };
      const y = Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
      tiles.add(`${Math.floor(((lng + 180) / 360) * 2 ** z)}/${Math.floor(((1 - y / Math.PI) / 2) * 2 ** z)}`);
    }
    for (const t of tiles) {
      const [x, y] = t.split('/').map(Number);
      const r = await reader.getZxy(z, x, y);
      const layer = r && new VectorTile(new PbfReader(new Uint8Array(r.data))).layers.marks;
      for (let i = 0; i < (layer?.length ?? 0); i++) features.push(layer!.feature(i).toGeoJSON(x, y, z) as Feature<Point>);
    }
    expect(features.length).toBeGreaterThan(0);
  });

  const VIEWS: Record<string, ViewFilter> = {
    everything: { hidden: new Set() },
    'Ukraine’s and the U.S.’s claims': { hidden: new Set(), sides: new Set(['ukraine', 'us']) },
    'Ukraine’s claims alone': { hidden: new Set(), sides: new Set(['ukraine']) },
    'troops hidden': { hidden: new Set(['troops']) },
  };

  it('carries each source’s agency story in the summary', () => {
    expect(summary.sources.filter((s) => s.carries).map((s) => s.id)).toEqual(
      story.sources.filter((s) => s.carries).map((s) => s.id),
    );
    expect(summary.sources.filter((s) => s.carries).length).toBe(2);
  });

  it.each(Object.entries(VIEWS))('counts as the whole form does: %s', (_, view) => {
    const want = independentSources(
      story.events.filter((e) => isVisible(e, view)),
      story.sources,
    );
    const got = tiledSourceCounts(placesInView(features).combos, summary, combosVisible(summary, view));
    expect(got).toEqual(want);
  });

  it('draws the fixture’s counts: 5 at the border, 2 in the east; 3 with Ukraine’s and the U.S.’s claims', () => {
    const drawn = (view: ViewFilter) =>
      Object.fromEntries(
        tiledBadges(placesInView(features), summary, combosVisible(summary, view)).map((f) => [
          f.properties.place_ids,
          f.properties.count,
        ]),
      );
    expect(drawn(VIEWS.everything)).toEqual({ 'russia-near-ukraine-border': '5', 'eastern-ukraine': '2' });
    expect(drawn(VIEWS['Ukraine’s and the U.S.’s claims'])).toEqual({ 'russia-near-ukraine-border': '3' });
    expect(drawn(VIEWS['Ukraine’s claims alone'])).toEqual({});
  });
});
