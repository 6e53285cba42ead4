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
  for (const [i, src] of (s.sources as StorySource[]).entries()) {
    if (typeof src?.text_content !== 'string' || !Array.isArray(src.blocks))
      throw new StoryShapeError(`sources[${i}] has no text`);
  }
  for (const [i, e] of (s.events as StoryEvent[]).entries()) {
    if (typeof e?.event_id !== 'string' || !Array.isArray(e.places) || !Array.isArray(e.excerpts))
      throw new StoryShapeError(`events[${i}] is malformed`);
  }
  return { sources: s.sources, events: s.events, measures: Array.isArray(s.measures) ? s.measures : [] };
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
