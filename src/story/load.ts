/**
 * Loads the story layers. A file that fails is named with its reason; the app shows what loaded.
 */
import type { FeatureCollection, Geometry } from 'geojson';
import { errorText, fetchJson, type FileFailure } from '../io/fetch';
import { decodeStory, isTiledStory, StoryShapeError, type TiledStoryFile } from '../layers/format';
import type { PlaceProperties, Story } from './types';

export { StoryShapeError };

function placesJson(json: unknown): FeatureCollection<Geometry, PlaceProperties> {
  const fc = json as Partial<FeatureCollection> | null;
  if (!fc || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features))
    throw new StoryShapeError('not a GeoJSON FeatureCollection');
  return fc as FeatureCollection<Geometry, PlaceProperties>;
}

export async function loadStory(
  baseUrl: string,
  fetchFn: typeof fetch = fetch,
): Promise<{ story: Story | null; tiled: TiledStoryFile | null; failures: FileFailure[] }> {
  const failures: FileFailure[] = [];
  const attempt = async <T>(file: string, convert: (json: unknown) => T): Promise<T | null> => {
    try {
      return convert(await fetchJson(`${baseUrl}${file}`, fetchFn));
    } catch (err) {
      failures.push({ file, reason: errorText(err) });
      return null;
    }
  };
  // A tiled story's story.json is its summary (layers/format.ts TiledStoryFile); its places are in its archives.
  const [read, places] = await Promise.all([
    attempt('story.json', (json) => (isTiledStory(json) ? json : decodeStory(json))),
    attempt('places.geojson', placesJson),
  ]);
  if (read && 'tiled' in read) return { story: null, tiled: read, failures };
  const story = read;
  if (!story) return { story: null, tiled: null, failures };
  // Without places.geojson the events, excerpts and article still show; only the map marks are missing.
  return { story: { ...story, places: places ?? { type: 'FeatureCollection', features: [] } }, tiled: null, failures };
}
