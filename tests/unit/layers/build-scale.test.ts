/**
 * What the benchmark's scale runs rely on in the build: the synthetic catalogues go through the real
 * build, and the compact story.json loads to the same story as the full one.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatError, SIDES } from '../../../src/catalogue/schema';
import { buildLayers } from '../../../src/layers/build';
import { APP_EVENT_FIELDS } from '../../../src/layers/format';
import { loadInputs } from '../../../src/layers/inputs';
import { independentSources } from '../../../src/story/across';
import { loadStory } from '../../../src/story/load';
import type { StoryEvent } from '../../../src/story/types';
import { ANCHORS, realBasemap, syntheticCatalogue, syntheticInput, writeSyntheticLayers } from '../../support/synthetic';
import { filesFetch, ROOT, seedFolders, tempProject } from '../../support/helpers';

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
