import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadStory } from '../../src/story/load';

const DIR = path.resolve(import.meta.dirname, '../../geodata/layers');
const serve =
  (broken: Record<string, () => Response> = {}): typeof fetch =>
  async (input) => {
    const name = String(input).split('/').pop()!;
    return (
      broken[name]?.() ??
      new Response(readFileSync(path.join(DIR, name), 'utf8'), { headers: { 'content-type': 'application/json' } })
    );
  };

describe('loadStory', () => {
  it('loads the events, sources and places', async () => {
    const { story, failures } = await loadStory('/data/layers/', serve());
    expect(failures).toEqual([]);
    expect(story!.events.length).toBe(34);
    expect(story!.places.features.length).toBe(19);
    expect(story!.sources[0].text_content.length).toBeGreaterThan(7000);
  });

  it('without places.geojson still gives the events and the article, and names the file', async () => {
    const { story, failures } = await loadStory(
      '/data/layers/',
      serve({ 'places.geojson': () => new Response('{"type":"Feat', { headers: { 'content-type': 'application/geo+json' } }) }),
    );
    expect(story!.events.length).toBe(34);
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
