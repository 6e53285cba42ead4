/**
 * A tiled story as the app holds it (src/layers/tiled.ts builds it): the summary from story.json, and the
 * places opened so far, each read from its shard when it is first asked for. Counts and the timeline come
 * from the summary's combos, each decided by the one visibility rule (visibility.ts) as an event would be.
 */
import type { Category } from '../catalogue/vocabulary';
import { errorText, fetchJson } from '../io/fetch';
import { decodeShard, shardFile, shardOf, type StoryShard, type TiledStoryFile } from '../layers/format';
import type { Dated } from './time';
import type { Story, StoryEvent } from './types';
import { countByCategoryOf, countBySourceOf, isVisible, type ViewFilter } from './visibility';

export type { TiledStoryFile };

/** The combos as the timeline counts them: each weighs its events. */
export const timelineItems = (t: TiledStoryFile): Dated[] => t.combos.map((c) => ({ ...c, weight: c.events }));

/** Events per category in the view, whether the category is shown or not (model.ts countByCategory's). */
export const countCombosByCategory = (t: TiledStoryFile, view: ViewFilter): Record<Category, number> =>
  countByCategoryOf(t.combos, view, (c) => c.events);

/** Events per source in the view, whether the source is shown or not (model.ts countBySource's). */
export const countCombosBySource = (t: TiledStoryFile, view: ViewFilter): Map<string, number> =>
  countBySourceOf(t.sources, t.combos, view, (c) => c.events);

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
      // A failure names the shard's file, as the loader names story.json's (decodeShard's own errors do).
      s = fetchJson(`${this.base}${file}`, this.fetchFn).then(
        (json) => decodeShard(json, file),
        (err: unknown) => {
          throw new Error(`${file}: ${errorText(err)}`, { cause: err });
        },
      );
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
