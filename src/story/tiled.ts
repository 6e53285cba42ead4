/**
 * A tiled story as the app holds it (src/layers/tiled.ts builds it): the summary from story.json, and the
 * places opened so far, each read from its shard when it is first asked for. Counts and the timeline come
 * from the summary's combos, each decided by the one visibility rule (visibility.ts) as an event would be.
 */
import { CATEGORIES, type Category } from '../catalogue/vocabulary';
import { fetchJson } from '../io/fetch';
import { decodeShard, shardFile, shardOf, type StoryShard, type TiledStoryFile } from '../layers/format';
import type { Dated } from './time';
import type { Story, StoryEvent } from './types';
import { allCategories, isVisible, type ViewFilter } from './visibility';

export type { TiledStoryFile };

/** The combos as the timeline counts them: each weighs its events. */
export const timelineItems = (t: TiledStoryFile): Dated[] => t.combos.map((c) => ({ ...c, weight: c.events }));

/** Events per category in the view, whether the category is shown or not (model.ts countByCategory's). */
export function countCombosByCategory(t: TiledStoryFile, view: ViewFilter): Record<Category, number> {
  const counts = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  const all = allCategories(view);
  for (const c of t.combos) if (isVisible(c, all)) counts[c.category] += c.events;
  return counts;
}

/** Events per source in the view, whether the source is shown or not (model.ts countBySource's). */
export function countCombosBySource(t: TiledStoryFile, view: ViewFilter): Map<string, number> {
  const counts = new Map(t.sources.map((s) => [s.id, 0]));
  const all = { ...view, sources: null };
  for (const c of t.combos) if (isVisible(c, all)) counts.set(c.source_id, (counts.get(c.source_id) ?? 0) + c.events);
  return counts;
}

/** Each combo's visibility in the view: what the map's marks follow (map/tiledStory.ts). */
export const combosVisible = (t: TiledStoryFile, view: ViewFilter): boolean[] => t.combos.map((c) => isVisible(c, view));

/**
 * The places asked for, as a Story the panels read (model.ts eventsAt): their shards fetched once each,
 * their events with their excerpts' words. The sources carry no text: a tiled story's article is not
 * loaded whole.
 */
export class ShardCache {
  private shards = new Map<number, Promise<StoryShard>>();
  constructor(
    private base: string,
    private summary: TiledStoryFile,
    private fetchFn: typeof fetch = fetch,
  ) {}

  private shard(i: number): Promise<StoryShard> {
    let s = this.shards.get(i);
    if (!s) {
      const file = shardFile(i);
      s = fetchJson(`${this.base}${file}`, this.fetchFn).then((json) => decodeShard(json, file));
      // A failed shard is asked for again next time, not remembered as failed.
      s.catch(() => this.shards.delete(i));
      this.shards.set(i, s);
    }
    return s;
  }

  async story(placeIds: readonly string[]): Promise<Story> {
    const n = this.summary.tiled.shards;
    const shards = await Promise.all([...new Set(placeIds.map((id) => shardOf(id, n)))].map((i) => this.shard(i)));
    const wanted = new Set(placeIds);
    const events = new Map<string, StoryEvent>();
    const features: Story['places']['features'] = [];
    for (const s of shards) {
      for (const p of s.places)
        if (wanted.has(p.place_id))
          features.push({ type: 'Feature', properties: p, geometry: { type: 'Point', coordinates: [p.label_lng, p.label_lat] } });
      for (const e of s.events)
        if (e.places.some((p) => wanted.has(p)) || e.about.some((p) => wanted.has(p))) events.set(e.event_id, e);
    }
    return { ...nothingOpened(this.summary), events: [...events.values()], places: { type: 'FeatureCollection', features } };
  }
}

/** A tiled story before any place is opened, as the panels read it: its sources, no events, no places. */
export const nothingOpened = (summary: TiledStoryFile): Story => ({
  sources: summary.sources.map((s) => ({ ...s, blocks: [], text_content: '' })),
  events: [],
  places: { type: 'FeatureCollection', features: [] },
  measures: summary.measures,
});
