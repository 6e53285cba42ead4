/**
 * Loads the story layers. A file that fails is named with its reason; the app shows what loaded.
 */
import type { FeatureCollection, Geometry } from 'geojson';
import { fetchJson, type FileFailure } from '../basemap/load';
import type { PlaceProperties, Story, StoryEvent, StorySource } from './types';

export class StoryShapeError extends Error {}

function storyJson(json: unknown): Pick<Story, 'sources' | 'events' | 'measures'> {
  const s = json as Partial<Story> | null;
  if (!s || !Array.isArray(s.sources) || !Array.isArray(s.events))
    throw new StoryShapeError('not a story file: "sources" and "events" expected');
  const texts = new Map<unknown, string>();
  for (const [i, src] of (s.sources as StorySource[]).entries()) {
    if (typeof src?.text_content !== 'string' || !Array.isArray(src.blocks))
      throw new StoryShapeError(`sources[${i}] has no text`);
    texts.set(src.id, src.text_content);
  }
  for (const [i, e] of (s.events as StoryEvent[]).entries()) {
    if (typeof e?.event_id !== 'string' || !Array.isArray(e.places) || !Array.isArray(e.excerpts))
      throw new StoryShapeError(`events[${i}] is malformed`);
    completeEvent(e, i, texts.get(e.source_id));
  }
  return { sources: s.sources, events: s.events, measures: Array.isArray(s.measures) ? s.measures : [] };
}

/**
 * Restores what the compact story.json leaves out (BuildOptions.compactStory in src/catalogue/build.ts):
 * absent fields are null, an absent "about" is empty, an absent block is a paragraph, and an excerpt
 * without its text gets it from the source at its offsets. The full form passes through unchanged.
 */
function completeEvent(e: StoryEvent, i: number, text: string | undefined): void {
  e.about ??= [];
  if (!Array.isArray(e.about)) throw new StoryShapeError(`events[${i}].about is malformed`);
  e.date ??= null;
  e.date_start ??= null;
  e.date_end ??= null;
  e.quantity ??= null;
  for (const [j, x] of e.excerpts.entries()) {
    x.block ??= 'paragraph';
    if (typeof x.text === 'string') continue;
    const inText = text !== undefined && Number.isInteger(x.start) && Number.isInteger(x.end) && x.start >= 0;
    if (!inText || x.start >= x.end || x.end > text.length)
      throw new StoryShapeError(`events[${i}].excerpts[${j}] has no text and no offsets into its source's text`);
    x.text = text.slice(x.start, x.end);
  }
}

function placesJson(json: unknown): FeatureCollection<Geometry, PlaceProperties> {
  const fc = json as Partial<FeatureCollection> | null;
  if (!fc || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features))
    throw new StoryShapeError('not a GeoJSON FeatureCollection');
  return fc as FeatureCollection<Geometry, PlaceProperties>;
}

export async function loadStory(
  baseUrl: string,
  fetchFn: typeof fetch = fetch,
): Promise<{ story: Story | null; failures: FileFailure[] }> {
  const failures: FileFailure[] = [];
  const attempt = async <T>(file: string, convert: (json: unknown) => T): Promise<T | null> => {
    try {
      return convert(await fetchJson(`${baseUrl}${file}`, fetchFn));
    } catch (err) {
      failures.push({ file, reason: err instanceof Error ? err.message : String(err) });
      return null;
    }
  };
  const [story, places] = await Promise.all([attempt('story.json', storyJson), attempt('places.geojson', placesJson)]);
  if (!story) return { story: null, failures };
  // Without places.geojson the events, excerpts and article still show; only the map marks are missing.
  return { story: { ...story, places: places ?? { type: 'FeatureCollection', features: [] } }, failures };
}
