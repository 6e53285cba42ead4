/**
 * The reader's state and actions without a browser (issue 25, point 4: src/state/reader.svelte.ts),
 * driven as the page drives them, on the seed with the second-source fixture article (an unreviewed
 * draft) built whole and tiled by the real build: what the panels count and list, what a choice in a
 * list, on the map or in the article selects and where it takes the reader, and the latest selection
 * winning over places still on their way.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildWithFixture } from '../../support/two-sources';
import { Reader } from '../../../src/state/reader.svelte';
import { storyData, type StoryData } from '../../../src/story/data';
import { loadStory } from '../../../src/story/load';
import { filesFetch, ROOT } from '../../support/helpers';

const FIXTURE = path.join(ROOT, 'tests/fixtures/second-source');
const DRAFT = 'fixture-wire-2022-01-27';
const BASE = '/data/layers/';
const wholeFiles = buildWithFixture(FIXTURE, { drafts: [DRAFT] });
const tiledFiles = buildWithFixture(FIXTURE, { drafts: [DRAFT], tiled: true });

async function dataOf(files: Map<string, string>, fetchFn: typeof fetch = filesFetch(files)): Promise<StoryData> {
  return storyData(await loadStory(BASE, filesFetch(files)), BASE, fetchFn)!;
}

async function readerOf(files: Map<string, string>, fetchFn?: typeof fetch): Promise<Reader> {
  const reader = new Reader();
  reader.loaded(await dataOf(files, fetchFn), []);
  return reader;
}

const story = (await dataOf(wholeFiles)).whole!;

describe('Reader', () => {
  it('is loading until the story and the basemap have come, or the map cannot be drawn', async () => {
    const reader = new Reader();
    expect(reader.loading).toBe(true);
    expect(reader.counts).toBeNull();
    reader.loaded(await dataOf(wholeFiles), []);
    expect(reader.loading).toBe(true);
    reader.mapFailure = 'no WebGL';
    expect(reader.loading).toBe(false);
    reader.mapFailure = null;
    reader.basemapSettled = true;
    expect(reader.loading).toBe(false);
  });

  it('checks a link against a story loaded whole, every file of it: not a tiled one, nor one missing a file', async () => {
    const whole = await readerOf(wholeFiles);
    expect(whole.index?.events.size).toBe(story.events.length);
    whole.loaded(whole.data, [{ file: 'places.geojson', reason: 'the server answered 404 Not Found' }]);
    expect(whole.index).toBeNull();
    expect(whole.failures.map((f) => f.file)).toEqual(['places.geojson']);
    expect((await readerOf(tiledFiles)).index).toBeNull();
  });

  it('counts what the view shows, a category turned off keeping its count and leaving the events shown', async () => {
    for (const files of [wholeFiles, tiledFiles]) {
      const reader = await readerOf(files);
      expect([...reader.view.draftSources]).toEqual([DRAFT]);
      expect(reader.draftCount).toBe(1);
      const all = reader.shownCount;
      expect(all).toBe(story.events.length);
      const c = story.events[0].category;
      const n = reader.counts![c];
      reader.view.toggle(c);
      expect(reader.counts![c]).toBe(n);
      expect(reader.shownCount).toBe(all - n);
      reader.view.hideDrafts = true;
      expect(reader.sourceCounts!.get(DRAFT)).toBe(0);
      expect(reader.title?.text).toBe('2 articles: NBC News, Fixture Wire (test fixture)');
    }
  });

  it('opens the places chosen on the map and lists their excerpts, the same in both forms', async () => {
    const ids = ['kyiv'];
    const listed: string[][] = [];
    for (const files of [wholeFiles, tiledFiles]) {
      const reader = await readerOf(files);
      reader.view.tab = 'article';
      reader.selectOnMap(ids);
      expect(reader.view.tab).toBe('excerpts');
      await reader.openSelection();
      expect(reader.openFailure).toBeNull();
      expect(reader.excerptEntries.map((x) => x.place.place_id)).toEqual(ids);
      listed.push(reader.excerptEntries[0].here.map((e) => e.event_id).sort());
      expect(reader.announcement).toMatch(/^Excerpts: \d+ events at Kyiv$/);
    }
    expect(listed[1]).toEqual(listed[0]);
    expect(listed[0].length).toBeGreaterThan(1);
  });

  it('shows the latest selection: places still on their way when another is chosen, or none, are dropped', async () => {
    const data = await dataOf(tiledFiles);
    const held: (() => void)[] = [];
    // The story's own answers, each held until the test lets it through, in the order it chooses.
    const slow: StoryData = Object.create(data);
    Object.assign(slow, {
      open: (ids: readonly string[]) => new Promise((resolve) => held.push(() => resolve(data.open(ids)))),
    });
    const reader = new Reader();
    reader.loaded(slow, []);
    const area = data.areas.find((a) => a.place_id !== 'kyiv')!.place_id;
    reader.selectOnMap(['kyiv']);
    const first = reader.openSelection();
    reader.selectOnMap([area]);
    const second = reader.openSelection();
    expect(held.length).toBe(2);
    held[1]();
    await second;
    held[0]();
    await first;
    expect(reader.shown!.events.some((e) => e.places.includes('kyiv'))).toBe(false);
    expect(reader.excerptEntries.map((x) => x.place.place_id)).toEqual([area]);

    held.length = 0;
    reader.selectOnMap(['kyiv']);
    const third = reader.openSelection();
    reader.selectOnMap([]);
    await reader.openSelection();
    held[0]();
    await third;
    expect(reader.shown!.events.some((e) => e.places.includes('kyiv'))).toBe(false);
  });

  it('says why places could not be opened, naming the file', async () => {
    const failing: typeof fetch = async () => new Response('x', { status: 503, statusText: 'Service Unavailable' });
    const reader = await readerOf(tiledFiles, failing);
    reader.selectOnMap(['kyiv']);
    await reader.openSelection();
    expect(reader.openFailure).toMatch(
      /^The selected place could not be loaded: shard-\d{4}\.json: the server answered 503 Service Unavailable$/,
    );
  });

  it('a place chosen in a list is flown to, and a phone shows its excerpts', async () => {
    for (const files of [wholeFiles, tiledFiles]) {
      const reader = await readerOf(files);
      const area = files === tiledFiles ? reader.data!.areas[0] : reader.data!.place('kyiv')!;
      reader.view.tab = 'places';
      reader.selectFromList(area.place_id);
      expect(reader.view.places).toEqual([area.place_id]);
      expect(reader.view.focus).toMatchObject({ lng: area.label_lng, lat: area.label_lat, jump: false });
      expect(reader.view.tab).toBe('places');
      reader.phone = true;
      reader.selectFromList(area.place_id);
      expect(reader.view.tab).toBe('excerpts');
    }
  });

  it('an excerpt shown in its article, a source read, and a passage of the article chosen', async () => {
    const reader = await readerOf(wholeFiles);
    const e = story.events.find((x) => !x.places.length && x.about.length) ?? story.events[0];
    const x = e.excerpts[0];
    reader.showInArticle(x, e);
    expect(reader.view).toMatchObject({ tab: 'article', reading: e.source_id, excerpt: { source: e.source_id, start: x.start } });
    reader.readSource(DRAFT);
    expect(reader.view.reading).toBe(DRAFT);
    reader.view.select([]);
    reader.fromPassage([e.event_id], x.start);
    // An event the article gives no place for is found at what it is about.
    expect(reader.view.places).toEqual(e.places.length ? e.places : e.about);
    expect(reader.view.event).toBe(e.event_id);
    expect(reader.view.focus).not.toBeNull();
    // A tiled story has no article to choose a passage in: nothing happens.
    const tiled = await readerOf(tiledFiles);
    tiled.fromPassage([e.event_id], x.start);
    expect(tiled.view.places).toEqual([]);
  });
});
