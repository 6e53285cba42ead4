/**
 * One story interface for both forms (issue 25, point 1: src/story/data.ts): the same catalogue, the seed
 * article and the second-source fixture (one of them an unreviewed draft), built whole and tiled by the
 * real layer build and loaded by the real loader, answers the same for every question the app asks, in
 * every view; where the forms differ (the article's text, a link's ids, what the map draws), each says so
 * in its own way.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildWithFixture } from '../../support/two-sources';
import { CATEGORIES } from '../../../src/catalogue/vocabulary';
import { storyData, storyTitle, type StoryData } from '../../../src/story/data';
import { loadStory } from '../../../src/story/load';
import { eventsAt } from '../../../src/story/model';
import { timelineBins } from '../../../src/story/time';
import type { ViewFilter } from '../../../src/story/visibility';
import { filesFetch, ROOT } from '../../support/helpers';

const FIXTURE = path.join(ROOT, 'tests/fixtures/second-source');
const DRAFT = 'fixture-wire-2022-01-27';
const BASE = '/data/layers/';

async function load(files: Map<string, string>): Promise<StoryData> {
  const fetchFn = filesFetch(files);
  const r = await loadStory(BASE, fetchFn);
  expect(r.failures).toEqual([]);
  const d = storyData(r, BASE, fetchFn);
  if (!d) throw new Error('no story');
  return d;
}

const wholeFiles = buildWithFixture(FIXTURE, { drafts: [DRAFT] });
const tiledFiles = buildWithFixture(FIXTURE, { drafts: [DRAFT], tiled: true });
const forms = { whole: await load(wholeFiles), tiled: await load(tiledFiles) };
const { whole, tiled } = forms;

const story = whole.whole!;
const day = story.events.find((e) => e.date_start)!.date_start!;
const VIEWS: Record<string, ViewFilter> = {
  everything: { hidden: new Set() },
  'a category hidden': { hidden: new Set([story.events[0].category]) },
  'a day': { hidden: new Set(), window: { start: day, end: day, mode: 'overlaps' } },
  'one source': { hidden: new Set(), sources: new Set([DRAFT]) },
  'reviewed only': { hidden: new Set(), drafts: new Set([DRAFT]) },
  'one side': { hidden: new Set(), sides: new Set([story.events[0].side ?? 'unknown']) },
};

describe('StoryData, the same answers from both forms', () => {
  it('is chosen by what loaded: the whole story, or the tiled one', () => {
    expect(whole.whole).not.toBeNull();
    expect(whole.index).not.toBeNull();
    expect(tiled.whole).toBeNull();
    expect(tiled.index).toBeNull();
    expect(storyData({ story: null, tiled: null }, BASE)).toBeNull();
  });

  it('has the same sources, title, categories, drafts and claimant sides', () => {
    expect(tiled.sources.map((s) => s.id)).toEqual(whole.sources.map((s) => s.id));
    expect(whole.sources.length).toBe(2);
    // All the sources, not the first: a tiled story of several articles was titled with one of them.
    expect(whole.title).toEqual({ text: '2 articles: NBC News, Fixture Wire (test fixture)', article: null });
    expect(tiled.title).toEqual(whole.title);
    expect(tiled.categories).toEqual(whole.categories);
    expect(whole.categories).toEqual(CATEGORIES.filter((c) => story.events.some((e) => e.category === c)));
    expect([...whole.drafts]).toEqual([DRAFT]);
    expect([...tiled.drafts]).toEqual([DRAFT]);
    expect([...tiled.sides]).toEqual([...whole.sides]);
    expect(whole.draftCount({ hidden: new Set() })).toBe(1);
    expect(whole.sides.size).toBeGreaterThan(0);
    expect(tiled.placeCount).toBe(whole.placeCount);
  });

  for (const [name, view] of Object.entries(VIEWS))
    it(`counts the same in the view: ${name}`, () => {
      const counts = whole.counts(view);
      expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
      expect(tiled.counts(view)).toEqual(counts);
      expect(tiled.sourceCounts(view)).toEqual(whole.sourceCounts(view));
      expect(tiled.sideCounts(view)).toEqual(whole.sideCounts(view));
      expect(tiled.draftCount(view)).toEqual(whole.draftCount(view));
    });

  it('gives the timeline the same days, each item weighing its events', () => {
    const weight = (d: StoryData) => d.dated.reduce((n, x) => n + (x.weight ?? 1), 0);
    expect(weight(whole)).toBe(story.events.length);
    expect(weight(tiled)).toBe(story.events.length);
    expect(tiled.dated.length).toBeLessThan(whole.dated.length);
    expect(timelineBins(tiled.dated)).toEqual(timelineBins(whole.dated));
  });

  it('opens places to the same events: the tiled form fetching their shards, the whole one at hand', async () => {
    const ids = [...new Set(story.events.flatMap((e) => e.places))].slice(0, 6);
    expect(ids.length).toBeGreaterThan(3);
    for (const view of Object.values(VIEWS)) {
      const list = async (d: StoryData) =>
        eventsAt(await d.open(ids), ids, view).map((x) => ({
          place: x.place.place_id,
          // As sets: a shard lists its events in an order of its own (the Excerpts panel orders them).
          here: x.here.map((e) => e.event_id).sort(),
          about: x.about.map((e) => e.event_id).sort(),
          undated: x.undated.map((e) => e.event_id).sort(),
          quotes: x.here.flatMap((e) => e.excerpts.map((q) => q.text)).sort(),
        }));
      const want = await list(whole);
      expect(want.length).toBe(ids.length);
      expect(await list(tiled)).toEqual(want);
    }
    // Before any place is opened the panels read the sources and nothing else of a tiled story.
    expect(tiled.opened.events).toEqual([]);
    expect(tiled.opened.sources.map((s) => s.id)).toEqual(whole.sources.map((s) => s.id));
    expect(whole.opened).toBe(story);
  });

  it('a shard that does not load is a rejection naming the file, and asked for again next time', async () => {
    const r = await loadStory(BASE, filesFetch(tiledFiles));
    let broken = true;
    const files = filesFetch(tiledFiles);
    const fetchFn: typeof fetch = async (input, init) =>
      broken && String(input).includes('shard-')
        ? new Response('x', { status: 503, statusText: 'Unavailable' })
        : files(input, init);
    const d = storyData(r, BASE, fetchFn)!;
    const id = story.events[0].places[0];
    await expect(d.open([id])).rejects.toThrow(/shard-\d{4}\.json/);
    broken = false;
    expect((await d.open([id])).events.length).toBeGreaterThan(0);
  });

  it('knows where each listed place is, to move the map to it', () => {
    expect(whole.areas).toEqual([]);
    expect(tiled.areas.length).toBeGreaterThan(0);
    expect(tiled.areas.map((a) => a.name)).toEqual([...tiled.areas.map((a) => a.name)].sort((a, b) => a.localeCompare(b)));
    for (const a of tiled.areas) {
      const p = whole.place(a.place_id)!;
      expect(tiled.place(a.place_id)).toEqual(a);
      expect([a.label_lng, a.label_lat, a.location_precision]).toEqual([p.label_lng, p.label_lat, p.location_precision]);
    }
    expect(whole.place('no-such-place')).toBeUndefined();
    expect(tiled.place('no-such-place')).toBeUndefined();
  });

  it('says what is off the map in a window where it is known, and nothing where it is not', () => {
    expect(whole.offMap(VIEWS.everything)).toBeNull();
    expect(whole.offMap(VIEWS['a day'])).toMatchObject({ count: expect.any(Number) });
    expect(tiled.offMap(VIEWS['a day'])).toBeNull();
  });

  it('hands the map its places and views, the same object when nothing is hidden; or a tiled story and its combos', () => {
    const a = whole.onMap(VIEWS.everything);
    const b = whole.onMap({ hidden: new Set() });
    expect(a.views).toBe(a.everything);
    expect(b.everything).toBe(a.everything);
    expect(a.places).toBe(story.places);
    const hidden = whole.onMap(VIEWS['a category hidden']);
    expect(hidden.views).not.toBe(hidden.everything);
    expect(hidden.tiled).toBeNull();
    const t = tiled.onMap(VIEWS['a category hidden']);
    expect(t.places).toBeNull();
    expect(t.tiled!.base).toBe(BASE);
    expect(t.tiled!.visible.filter((v) => !v).length).toBeGreaterThan(0);
    expect(t.tiled!.visible.length).toBe(t.tiled!.summary.combos.length);
  });
});

describe('storyTitle', () => {
  const source = { ...story.sources[0], text_content: undefined, blocks: undefined };
  it('is the article itself when there is one, "N articles" with every publisher otherwise', () => {
    expect(storyTitle([])).toBeNull();
    expect(storyTitle([source])).toEqual({ text: source.title, article: source });
    expect(storyTitle([source, { ...source, publisher: 'B' }, { ...source, publisher: 'C' }])?.text).toBe(
      `3 articles: ${source.publisher}, B, C`,
    );
  });
});
