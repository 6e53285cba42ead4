import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadStory } from '../../../src/story/load';
import { filesFetch, ROOT } from '../../support/helpers';

/** The committed story layers, with some files replaced by a broken answer. */
const serve = (broken: Record<string, () => Response> = {}): typeof fetch => {
  const files = filesFetch(path.join(ROOT, 'geodata/layers'));
  return async (input, init) => broken[path.basename(String(input))]?.() ?? files(input, init);
};

/** What the build says it wrote (index.json), to check the loader against. */
const built = JSON.parse(readFileSync(path.join(ROOT, 'geodata/layers/index.json'), 'utf8')) as {
  events: number;
  files: { name: string; features: number | null }[];
};
const placeCount = built.files.find((f) => f.name === 'places.geojson')!.features;

describe('loadStory', () => {
  it('loads the events, sources and places', async () => {
    const { story, failures } = await loadStory('/data/layers/', serve());
    expect(failures).toEqual([]);
    expect(story!.events.length).toBe(built.events);
    expect(story!.places.features.length).toBe(placeCount);
    expect(story!.sources[0].text_content.length).toBeGreaterThan(7000);
  });

  it('without places.geojson still gives the events and the article, and names the file', async () => {
    const { story, failures } = await loadStory(
      '/data/layers/',
      serve({ 'places.geojson': () => new Response('{"type":"Feat', { headers: { 'content-type': 'application/geo+json' } }) }),
    );
    expect(story!.events.length).toBe(built.events);
    expect(story!.places.features).toEqual([]);
    expect(failures).toEqual([
      { file: 'places.geojson', reason: 'is not valid JSON (13 bytes of application/geo+json; truncated or corrupt?)' },
    ]);
  });

  it('without story.json has no story, and says so', async () => {
    const { story, failures } = await loadStory(
      '/data/layers/',
      serve({ 'story.json': () => new Response('x', { status: 404, statusText: 'Not Found' }) }),
    );
    expect(story).toBeNull();
    expect(failures).toEqual([{ file: 'story.json', reason: 'the server answered 404 Not Found' }]);
  });

  it('rejects a file of the wrong shape', async () => {
    const { failures } = await loadStory('/data/layers/', serve({ 'story.json': () => new Response('{"events":"no"}') }));
    expect(failures).toEqual([{ file: 'story.json', reason: 'not a story file: "sources" and "events" expected' }]);
  });
});
