/**
 * What the benchmark's scale runs rely on, and the scale fixes they led to: the synthetic catalogues go
 * through the real build; the compact story.json loads to the same story as the full one; the story's
 * lookups and the article reader give what the plain scans gave; a dense story waits for a zoom to name
 * its points.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FeatureCollection, Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { formatError, SIDES } from '../../../src/catalogue/schema';
import { buildLayers } from '../../../src/layers/build';
import { APP_EVENT_FIELDS } from '../../../src/layers/format';
import { loadInputs } from '../../../src/layers/inputs';
import { independentSources } from '../../../src/story/across';
import { loadStory } from '../../../src/story/load';
import { DENSE_LABEL_MINZOOM, DENSE_POINTS, labelPoints, placeShapes } from '../../../src/map/data';
import { eventsAt, readerBlocks } from '../../../src/story/model';
import type { PlaceProperties, StoryEvent, StorySource } from '../../../src/story/types';
import { ANCHORS, realBasemap, syntheticCatalogue, syntheticInput, writeSyntheticLayers } from '../../support/synthetic';
import { filesFetch, ROOT, seedFolders, tempProject } from '../../support/helpers';
import { mulberry32 } from '../../support/prng';

/** The fields the app's StoryEvent declares: what both forms of story.json must agree on. */
const APP_FIELDS: (keyof StoryEvent)[] = [...APP_EVENT_FIELDS, 'excerpts', 'places', 'about'];
const appView = (e: StoryEvent) => Object.fromEntries(APP_FIELDS.map((k) => [k, e[k]]));

describe('the compact story.json (BuildOptions.compactStory)', () => {
  const { input } = loadInputs(seedFolders());
  const full = buildLayers(input!);
  const compact = buildLayers(input!, { appOnly: true, compactStory: true });

  it('is the seed story, loaded, field for field, with every excerpt the article verbatim', async () => {
    if (!full.ok || !compact.ok) throw new Error('the seed catalogue does not build');
    const a = await loadStory('/full/', filesFetch(full.files));
    const b = await loadStory('/compact/', filesFetch(compact.files));
    expect(a.failures).toEqual([]);
    expect(b.failures).toEqual([]);
    expect(b.story!.events.map(appView)).toEqual(a.story!.events.map(appView));
    expect(b.story!.sources).toEqual(a.story!.sources);
    expect(b.story!.places).toEqual(a.story!.places);
    const text = b.story!.sources[0].text_content;
    for (const e of b.story!.events) for (const x of e.excerpts) expect(x.text).toBe(text.slice(x.start, x.end));
  });

  it('is smaller, and the app-only build writes only what the app reads', () => {
    if (!full.ok || !compact.ok) throw new Error('the seed catalogue does not build');
    expect(compact.files.get('story.json')!.length).toBeLessThan(full.files.get('story.json')!.length / 2);
    expect([...compact.files.keys()].sort()).toEqual(['index.json', 'measures.json', 'places.geojson', 'story.json']);
    expect(compact.files.get('places.geojson')).toBe(full.files.get('places.geojson'));
  });

  it('refuses an excerpt with neither text nor offsets into its source', async () => {
    if (!compact.ok) throw new Error('the seed catalogue does not build');
    const story = JSON.parse(compact.files.get('story.json')!) as { events: { excerpts: { start: number }[] }[] };
    story.events[0].excerpts[0].start = -5;
    const files = new Map(compact.files).set('story.json', JSON.stringify(story));
    const { story: loaded, failures } = await loadStory('/bad/', filesFetch(files));
    expect(loaded).toBeNull();
    expect(failures[0].reason).toMatch(/no text and no offsets/);
  });
});

describe('the synthetic catalogues', () => {
  it('validate and build through the real pipeline, the same bytes every time', () => {
    const dir = tempProject([], ROOT, 'bench-');
    const a = writeSyntheticLayers(300, path.join(dir, 'a'), ROOT);
    const b = writeSyntheticLayers(300, path.join(dir, 'b'), ROOT);
    expect(a.summary).toMatch(/^300 events/);
    expect(b.summary).toBe(a.summary);
    for (const name of ['story.json', 'places.geojson'])
      expect(readFileSync(path.join(dir, 'a', name), 'utf8')).toBe(readFileSync(path.join(dir, 'b', name), 'utf8'));
  });

  it('quote their own sentences, and put the anchors the benchmark clicks where it clicks', async () => {
    const c = syntheticCatalogue(120, realBasemap(ROOT));
    for (const e of c.events) for (const x of e.excerpts) expect(c.text.slice(x.start, x.end)).toBe(x.text);
    for (const [i, a] of ANCHORS.entries()) {
      expect(c.events[i].excerpts[0].text).toBe(a.sentence);
      expect(c.events[i].places).toEqual([a.id]);
    }
    expect(new Set(c.events.map((e) => e.category)).size).toBeGreaterThan(5);
  });

  it('spread over several sources: one file each, four weeks, every claimant with a side, agency copies counted once', async () => {
    const basemap = realBasemap(ROOT);
    const c = syntheticCatalogue(600, basemap, { sources: 12 });
    expect(c.articles).toHaveLength(12);
    const input = syntheticInput(c, basemap);
    // One events file per source, each naming it, every event in it that source's (the validator's rule).
    for (const [k, f] of input.events.entries()) {
      const json = f.json as { source: string; events: { source: string }[] };
      expect(json.source).toBe(c.articles[k].source.id);
      expect(json.events.length).toBeGreaterThan(0);
      expect(json.events.every((e) => e.source === json.source)).toBe(true);
    }
    for (const a of c.articles)
      for (const e of a.events) for (const x of e.excerpts) expect(a.text.slice(x.start, x.end)).toBe(x.text);
    const days = c.articles.map((a) => a.source.published).sort();
    // Four weeks from 10 January: the twelfth article on day 25 (11 × 28 / 12, rounded down).
    expect([days[0], days.at(-1)]).toEqual(['2022-01-10', '2022-02-04']);
    expect(new Set(c.articles.map((a) => a.source.carries)).size).toBe(3); // two agency stories, and none

    const built = buildLayers(input, { appOnly: true, compactStory: true });
    if (!built.ok) throw new Error(built.errors.slice(0, 3).map(formatError).join('\n'));
    const { story, failures } = await loadStory('/s/', filesFetch(built.files));
    expect(failures).toEqual([]);
    expect(story!.sources).toHaveLength(12);
    expect(new Set(story!.events.map((e) => e.source_id)).size).toBe(12);
    // Every claimant has a side, the outlet's own voice 'media'; none is "side not given".
    expect(new Set(story!.events.map((e) => e.side))).toEqual(new Set(SIDES));
    // Copies of one agency story at a place count once: somewhere fewer independent sources than sources.
    const counts = independentSources(story!.events, story!.sources);
    const sourcesAt = (p: string) => new Set(story!.events.filter((e) => e.places.includes(p)).map((e) => e.source_id)).size;
    expect([...counts].some(([p, k]) => k < sourcesAt(p))).toBe(true);
    expect([...counts].every(([p, k]) => k <= sourcesAt(p))).toBe(true);
    // The busy place the frame benchmark opens: Kyiv's anchor, about 1 % of the events, from many sources.
    expect(story!.events.filter((e) => e.places.includes(ANCHORS[0].id)).length).toBeGreaterThanOrEqual(5);
    expect(counts.get(ANCHORS[0].id)).toBeGreaterThanOrEqual(3);
  });

  it('of one source by default, its claimant given no side', () => {
    const c = syntheticCatalogue(120, realBasemap(ROOT));
    expect(c.articles.map((a) => a.source.id)).toEqual(['synthetic']);
    expect(c.articles[0].claimants).toBeUndefined();
    expect(c.events.every((e) => e.source === 'synthetic')).toBe(true);
    expect(() => syntheticCatalogue(10, realBasemap(ROOT), { sources: 11 })).toThrow(/1 to 10 sources/);
  });
});

describe('the story lookups at scale', () => {
  const text = 'x'.repeat(500);
  /** The reader's segments the way they were first written: every excerpt against every block. */
  function plainReaderBlocks(source: StorySource, events: StoryEvent[]) {
    const spans = events.flatMap((e) =>
      e.excerpts.filter(() => e.source_id === source.id).map((x) => ({ start: x.start, end: x.end, id: e.event_id })),
    );
    return source.blocks.map((b) => {
      const cuts = new Set([b.start, b.end]);
      for (const s of spans) {
        if (s.start > b.start && s.start < b.end) cuts.add(s.start);
        if (s.end > b.start && s.end < b.end) cuts.add(s.end);
      }
      const points = [...cuts].sort((x, y) => x - y);
      return {
        kind: b.kind,
        start: b.start,
        segments: points.slice(0, -1).map((start, i) => ({
          start,
          end: points[i + 1],
          text: text.slice(start, points[i + 1]),
          events: [...new Set(spans.filter((s) => s.start <= start && s.end >= points[i + 1]).map((s) => s.id))],
        })),
      };
    });
  }

  it('readerBlocks cuts the text as a scan of every excerpt against every block would', () => {
    const rand = mulberry32(11);
    const int = (k: number) => Math.floor(rand() * k);
    for (let t = 0; t < 200; t++) {
      const blocks: StorySource['blocks'] = [];
      for (let at = 0; at < 480;) {
        const start = at + int(4);
        const end = Math.min(500, start + 1 + int(70));
        blocks.push({ kind: 'paragraph', start, end });
        at = end;
      }
      const events = Array.from({ length: 1 + int(10) }, (_, k) => ({
        event_id: `e${k}`,
        source_id: rand() < 0.9 ? 's' : 'other',
        excerpts: Array.from({ length: 1 + int(3) }, () => {
          const start = int(490);
          return { start, end: Math.min(500, start + 1 + int(150)), text: '', block: 'paragraph' as const };
        }),
      })) as unknown as StoryEvent[];
      const source = { id: 's', blocks, text_content: text } as unknown as StorySource;
      expect(readerBlocks(source, events)).toEqual(plainReaderBlocks(source, events));
    }
  });

  it('eventsAt finds the same events through the index as by scanning them all', async () => {
    const dir = tempProject([], ROOT, 'bench-');
    writeSyntheticLayers(400, dir, ROOT);
    const { story, failures } = await loadStory('/s/', filesFetch(dir));
    expect(failures).toEqual([]);
    const ids = story!.places.features.map((f) => f.properties.place_id).filter((_, i) => i % 7 === 0);
    const hidden = new Set(['drills'] as const);
    const entries = eventsAt(story!, ids, { hidden });
    expect(entries).toHaveLength(ids.length);
    expect(entries.some((entry) => entry.here.length > 0)).toBe(true);
    for (const entry of entries) {
      const visible = story!.events.filter((e) => !hidden.has(e.category as 'drills'));
      expect(entry.here).toEqual(visible.filter((e) => e.places.includes(entry.place.place_id)));
      expect(entry.about).toEqual(visible.filter((e) => e.about.includes(entry.place.place_id)));
    }
  });
});

describe('what the map is given', () => {
  const place = (i: number, geometry: Geometry): FeatureCollection<Geometry, PlaceProperties>['features'][number] => ({
    type: 'Feature',
    id: i,
    geometry,
    properties: {
      place_id: `p${i}`,
      name: `P${i}`,
      kind: 'city',
      location_precision: 'city',
      precision_rank: 1,
      place_basis: 'article',
      place_note: 'a note the map never reads',
      events_here: 1,
      events_about: 0,
      label_lng: 30,
      label_lat: 50,
    },
  });
  const area: Geometry = {
    type: 'Polygon',
    coordinates: [
      [
        [30, 50],
        [31, 50],
        [31, 51],
        [30, 50],
      ],
    ],
  };
  const collection = (n: number) => ({
    type: 'FeatureCollection' as const,
    features: [...Array.from({ length: n }, (_, i) => place(i, { type: 'Point', coordinates: [30, 50] })), place(n, area)],
  });

  it('only the properties the style reads', () => {
    const shapes = placeShapes(collection(2));
    expect(shapes.features[0]).toEqual({
      type: 'Feature',
      id: 0,
      geometry: { type: 'Point', coordinates: [30, 50] },
      properties: { place_id: 'p0', location_precision: 'city' },
    });
    const labels = labelPoints(collection(2), new Map([['p0', 'P0']])).features;
    expect(labels[0].properties).toEqual({
      place_id: 'p0',
      text: 'P0',
      kind: 'city',
      precision_rank: labels[0].properties.precision_rank,
    });
  });

  it(`names the points of a story of more than ${DENSE_POINTS} from zoom ${DENSE_LABEL_MINZOOM}, its areas always`, () => {
    expect(labelPoints(collection(DENSE_POINTS), new Map()).features.some((f) => 'label_minzoom' in f.properties)).toBe(false);
    const dense = labelPoints(collection(DENSE_POINTS + 1), new Map()).features;
    expect(dense[0].properties.label_minzoom).toBe(DENSE_LABEL_MINZOOM);
    expect(dense.at(-1)!.properties.label_minzoom).toBeUndefined();
  });
});
