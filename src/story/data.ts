/**
 * One story, whichever form it came in. The build writes a story whole (story.json with every event and
 * places.geojson) or, from layers/tiled.ts TILE_THRESHOLD events, tiled (a summary, vector tiles and
 * shards). The app asks a StoryData what it shows, never which form it has: each form answers in its
 * own way, as MapLibre's sources each implement one interface for their type. The form is chosen once,
 * at load (storyData).
 *
 * Both forms count through the same weighed items (visibility.ts): a whole story's events, each one
 * event, and a tiled story's combos, each as many events as it stands for.
 */
import { CATEGORIES, type Category } from '../catalogue/vocabulary';
import { independentSources, type SourceCounts } from './across';
import type { TiledArea, TiledStoryFile } from '../layers/format';
import { notDrawn, placeViews, storyIndex, type StoryIndex } from './model';
import { combosVisible, nothingOpened, ShardCache, timelineItems } from './tiled';
import type { Dated } from './time';
import type { PlaceProperties, Story, StorySource } from './types';
import {
  countByCategoryOf,
  countBySide,
  countBySourceOf,
  countDrafts,
  draftSources,
  isVisible,
  showsEverything,
  SIDES_SHOWN,
  type Filterable,
  type PlaceView,
  type SideShown,
  type ViewFilter,
} from './visibility';

/** A source as both forms have it: a tiled story's come without their text. */
export type SourceInfo = Omit<StorySource, 'text_content' | 'blocks'>;

/**
 * What the header calls the story: the article itself when there is one (`article`, whose title and link
 * the header shows), or, for several, how many and by whom.
 */
export interface StoryTitle {
  text: string;
  article: SourceInfo | null;
}

/** The story's title from all its sources: one article's own, or "N articles: publisher, publisher". */
export function storyTitle(sources: readonly SourceInfo[]): StoryTitle | null {
  const [one, ...more] = sources;
  if (!one) return null;
  if (!more.length) return { text: one.title, article: one };
  return { text: `${sources.length} articles: ${sources.map((s) => s.publisher).join(', ')}`, article: null };
}

/** A place the map can be moved to: its label point and how precisely it is placed (map/camera.ts focusOn). */
export type PlaceTarget = Pick<PlaceProperties, 'place_id' | 'name' | 'label_lng' | 'label_lat' | 'location_precision'>;

/** What the map draws of a story in a view: the places with their views, or a tiled story's archives. */
export type StoryOnMap =
  | {
      places: Story['places'];
      /** What each place shows in the view (visibility.ts placeView); `everything` when nothing is hidden. */
      views: ReadonlyMap<string, PlaceView>;
      /** Each place with nothing hidden: every category its marks can show. The same object from view to view. */
      everything: ReadonlyMap<string, PlaceView>;
      /**
       * How many independent sources each place's visible events come from (across.ts independentSources),
       * and each place's most, with nothing hidden: the count the map draws on a place's mark from 2.
       */
      sources: SourceCounts;
      tiled: null;
    }
  | {
      places: null;
      views: null;
      everything: null;
      /**
       * None per place here: a tiled story's archives hold no count, and its places are not all known
       * without their tiles. The map counts the places in view from their marks' combos and `visible`,
       * by the same rule (map/tiledStory.ts tiledSourceCounts).
       */
      sources: null;
      /** The summary, the folder its archives are in, and each combo's visibility in the view (map/tiledStory.ts). */
      tiled: { summary: TiledStoryFile; base: string; visible: readonly boolean[] };
    };

export interface StoryData {
  /** The articles, in order of publication. */
  readonly sources: readonly SourceInfo[];
  readonly title: StoryTitle | null;
  /** The categories the story has, whatever the view (their toggles stay, at 0 when a window empties one). */
  readonly categories: readonly Category[];
  /** The sources published unreviewed (visibility.ts draftSources). */
  readonly drafts: ReadonlySet<string>;
  /** The claimant sides the story has events of, in the claimant filter's order. */
  readonly sides: ReadonlySet<SideShown>;
  /** What the timeline counts, each weighing its events. */
  readonly dated: readonly Dated[];
  /** Events per category in the view, whether the category is shown or not (the legend's counts). */
  counts(view: ViewFilter): Record<Category, number>;
  /** Events per source in the view, whether the source is shown or not. */
  sourceCounts(view: ViewFilter): Map<string, number>;
  /** Events per claimant side in the view, whether the side is shown or not. */
  sideCounts(view: ViewFilter): Record<SideShown, number>;
  /** Unreviewed drafts' events in the view, shown or not; null for a story without drafts. */
  draftCount(view: ViewFilter): number | null;
  /**
   * With a window set: the visible events the map draws nothing for and where they are listed
   * (model.ts notDrawn); null where that is not known (a tiled story's summary does not say).
   */
  offMap(view: ViewFilter): { count: number; places: string[] } | null;
  /** The story the panels read before any place is opened. */
  readonly opened: Story;
  /**
   * The story the panels read with `placeIds` opened: everything at and about them. A whole story has it
   * already; a tiled one fetches the shards it needs (each once). Rejects with the reason, in words.
   */
  open(placeIds: readonly string[]): Promise<Story>;
  /** A place by id, where it is known without fetching; for moving the map to it. */
  place(id: string): PlaceTarget | undefined;
  /** How many places the story has. */
  readonly placeCount: number;
  /**
   * The places listed by name where the story is not whole (a tiled story's areas, few whatever its size),
   * in alphabetical order; a whole story's Places panel lists every place from `whole`, and this is empty.
   */
  readonly areas: readonly PlaceTarget[];
  /** The story with its articles' text, when it loaded whole: the article reader and the data download read it. */
  readonly whole: Story | null;
  /** The ids of every place and event, when they are all known (a link's ids are checked against them). */
  readonly index: StoryIndex | null;
  /** What the map draws in the view. */
  onMap(view: ViewFilter): StoryOnMap;
}

const NO_FILTER: ViewFilter = { hidden: new Set() };

/** What both forms compute the same way from their weighed items. */
abstract class Weighed<T extends Filterable> {
  readonly categories: readonly Category[];
  readonly drafts: ReadonlySet<string>;
  readonly sides: ReadonlySet<SideShown>;
  readonly title: StoryTitle | null;

  constructor(
    readonly sources: readonly SourceInfo[],
    private readonly items: readonly T[],
    private readonly weight: (x: T) => number,
  ) {
    const present = new Set(items.map((x) => x.category));
    this.categories = CATEGORIES.filter((c) => present.has(c));
    this.drafts = draftSources(sources);
    const all = countBySide(items, NO_FILTER);
    this.sides = new Set(SIDES_SHOWN.filter((s) => all[s] > 0));
    this.title = storyTitle(sources);
  }

  counts(view: ViewFilter): Record<Category, number> {
    return countByCategoryOf(this.items, view, this.weight);
  }
  sourceCounts(view: ViewFilter): Map<string, number> {
    return countBySourceOf(this.sources, this.items, view, this.weight);
  }
  sideCounts(view: ViewFilter): Record<SideShown, number> {
    return countBySide(this.items, view, this.weight);
  }
  draftCount(view: ViewFilter): number | null {
    return this.drafts.size ? countDrafts(this.items, view, this.drafts, this.weight) : null;
  }
}

/** A story loaded whole: every event, place and article's text in memory. */
class WholeStory extends Weighed<Story['events'][number]> implements StoryData {
  readonly dated: readonly Dated[];
  readonly opened: Story;
  readonly whole: Story;
  readonly placeCount: number;
  readonly areas: readonly PlaceTarget[] = [];
  private everything: ReadonlyMap<string, PlaceView> | null = null;
  private allSources: ReadonlyMap<string, number> | null = null;

  constructor(private readonly story: Story) {
    super(story.sources, story.events, () => 1);
    this.dated = story.events;
    this.opened = story;
    this.whole = story;
    this.placeCount = story.places.features.length;
  }

  get index(): StoryIndex {
    return storyIndex(this.story);
  }
  offMap(view: ViewFilter) {
    return view.window ? notDrawn(this.story, view) : null;
  }
  open(): Promise<Story> {
    return Promise.resolve(this.story);
  }
  place(id: string): PlaceTarget | undefined {
    return storyIndex(this.story).places.get(id);
  }
  onMap(view: ViewFilter): StoryOnMap {
    // Worked out once: the map compares views by identity, and "nothing hidden" is this same object.
    const everything = (this.everything ??= placeViews(this.story, NO_FILTER));
    const all = showsEverything(view);
    const most = (this.allSources ??= independentSources(this.story.events, this.story.sources));
    const now = all
      ? most
      : independentSources(
          this.story.events.filter((e) => isVisible(e, view)),
          this.story.sources,
        );
    return {
      places: this.story.places,
      views: all ? everything : placeViews(this.story, view),
      everything,
      sources: { now, most },
      tiled: null,
    };
  }
}

/** A tiled story: its summary in memory, its places read from shards as they are opened, its map from archives. */
class TiledStory extends Weighed<TiledStoryFile['combos'][number]> implements StoryData {
  readonly dated: readonly Dated[];
  readonly opened: Story;
  readonly whole = null;
  readonly index = null;
  readonly placeCount: number;
  readonly areas: readonly PlaceTarget[];
  private readonly shards: ShardCache;
  private readonly byId: Map<string, TiledArea>;

  constructor(
    private readonly summary: TiledStoryFile,
    private readonly base: string,
    fetchFn: typeof fetch,
  ) {
    super(summary.sources, summary.combos, (c) => c.events);
    this.dated = timelineItems(summary);
    this.opened = nothingOpened(summary);
    this.shards = new ShardCache(base, summary, fetchFn);
    this.byId = new Map(summary.areas.map((a) => [a.place_id, a]));
    this.areas = [...summary.areas].sort((a, b) => a.name.localeCompare(b.name));
    this.placeCount = summary.tiled.places;
  }

  offMap(): null {
    return null;
  }
  open(placeIds: readonly string[]): Promise<Story> {
    return this.shards.story(placeIds);
  }
  place(id: string): PlaceTarget | undefined {
    return this.byId.get(id);
  }
  onMap(view: ViewFilter): StoryOnMap {
    return {
      places: null,
      views: null,
      everything: null,
      sources: null,
      tiled: { summary: this.summary, base: this.base, visible: combosVisible(this.summary, view) },
    };
  }
}

/**
 * The story as loaded (load.ts loadStory) in the form it came in; null when story.json did not load.
 * `base` is the folder a tiled story's archives and shards are read from.
 */
export function storyData(
  loaded: { story: Story | null; tiled: TiledStoryFile | null },
  base: string,
  fetchFn: typeof fetch = fetch,
): StoryData | null {
  if (loaded.tiled) return new TiledStory(loaded.tiled, base, fetchFn);
  if (loaded.story) return new WholeStory(loaded.story);
  return null;
}
