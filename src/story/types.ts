/**
 * The story as the app holds it: the story file's sources and events (their format: src/layers/format.ts,
 * which the build writes and the loader reads) and places.geojson's places.
 */
import type { FeatureCollection, Geometry } from 'geojson';
import type { PlaceProperties, StoryEvent, StorySource } from '../layers/format';

export type { PlaceProperties, StoryEvent, StoryExcerpt, StoryQuantity, StorySource } from '../layers/format';

export interface Story {
  sources: StorySource[];
  events: StoryEvent[];
  places: FeatureCollection<Geometry, PlaceProperties>;
  measures: { id: string; from: string; km: number }[];
}
