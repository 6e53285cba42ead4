/**
 * The reader's state and actions, apart from any layout: the story as loaded (story/data.ts, whichever
 * form it came in), the view (view.svelte.ts), what each panel shows in it, what failed, and what a
 * choice in a list, on the map or in the article does. The layout (ui/ReaderLayout.svelte) renders it
 * and says whether it is a phone's (`phone`), which decides where a choice takes the reader; the URL
 * is kept in step by url.svelte.ts. Nothing here needs a browser: the unit tests drive it as the page does.
 */
import { CATEGORIES } from '../catalogue/vocabulary';
import { errorText, type FileFailure } from '../io/fetch';
import { focusOn } from '../map/camera';
import { articleUrl } from '../story/article-link';
import type { StoryData } from '../story/data';
import { eventsAt, storyIndex, type StoryIndex } from '../story/model';
import type { Story, StoryEvent, StoryExcerpt } from '../story/types';
import { View } from './view.svelte';

export class Reader {
  readonly view = new View();
  /** The story, once loaded (null before, and when story.json failed): asked, never branched on by form. */
  data: StoryData | null = $state.raw(null);
  /** The story the panels read with the selected places opened (StoryData.open); until then, data.opened. */
  opened: Story | null = $state.raw(null);
  /** Why the selected places could not be opened, in words; null when they were. */
  openFailure: string | null = $state(null);
  storyFailures: FileFailure[] = $state([]);
  basemapFailures: FileFailure[] = $state([]);
  /** The map could not be created (no WebGL): the reason, in words. */
  mapFailure: string | null = $state(null);
  storySettled = $state(false);
  basemapSettled = $state(false);
  /** The layout is a phone's (one sheet of tabs): a choice then shows its panel, which is otherwise beside the map. */
  phone = $state(false);

  readonly failures = $derived([...this.basemapFailures, ...this.storyFailures]);
  /** Until the story and the basemap's data have come (or failed, which the page then says). */
  readonly loading = $derived(!this.storySettled || !(this.basemapSettled || this.mapFailure));
  /** What the story's one visibility rule reads of the view; every panel and the map follow it. */
  readonly filter = $derived(this.view.filter);
  readonly title = $derived(this.data?.title ?? null);
  /** The link of the article the story is, when it is one and gives an http(s) address. */
  readonly titleUrl = $derived(this.title?.article ? articleUrl(this.title.article) : null);
  /** The legend's counts: a category's events whether it is shown or not, so a toggle does not count again. */
  readonly counts = $derived(this.data?.counts(this.filter) ?? null);
  /** Events visible now: the counted events of the categories shown. */
  readonly shownCount = $derived(
    this.counts ? CATEGORIES.reduce((n, c) => n + (this.view.hidden.has(c) ? 0 : this.counts![c]), 0) : 0,
  );
  readonly sourceCounts = $derived(this.data?.sourceCounts(this.filter) ?? null);
  /** Who says it (issue 28): each claimant side's events in the view. */
  readonly sideCounts = $derived(this.data?.sideCounts(this.filter) ?? null);
  /** Unreviewed drafts' events in the view, shown or not (the drafts filter's count); null without drafts. */
  readonly draftCount = $derived(this.data?.draftCount(this.filter) ?? null);
  /** What the map draws in the view. */
  readonly onMap = $derived(this.data?.onMap(this.filter) ?? null);
  /**
   * The map draws some place's count of sources (2 or more): the legend then explains it. Said by the map
   * (MapView `oncounts`), whichever form the story has: a whole story's counts come with its view
   * (onMap.sources), a tiled story's are worked out for the places in view (map/tiledStory.ts).
   */
  severalSources = $state(false);
  /** The story the panels read: the selected places opened, or the story before any is. */
  readonly shown = $derived(this.opened ?? this.data?.opened ?? null);
  /** What the Excerpts panel lists: everything visible at the selected places, from the story's index. */
  readonly excerptEntries = $derived(this.shown ? eventsAt(this.shown, this.view.places, this.filter) : []);
  /** What screen readers hear the Excerpts panel now shows: its places, and its events counted once each. */
  readonly announcement = $derived.by(() => {
    const entries = this.excerptEntries;
    if (!entries.length) return '';
    // A count, not state.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    const n = new Set(entries.flatMap((x) => [...x.here, ...x.about])).size;
    return `Excerpts: ${n} ${n === 1 ? 'event' : 'events'} at ${entries.map((x) => x.place.name).join(', ')}`;
  });

  /** The ids a link is checked against: those of a story that loaded whole, every file of it. */
  get index(): StoryIndex | null {
    return this.storyFailures.length ? null : (this.data?.index ?? null);
  }

  /** The story has loaded (`data` null when its story.json did not), with the files that failed. */
  loaded(data: StoryData | null, failures: FileFailure[]): void {
    this.data = data;
    if (data) this.view.draftSources = data.drafts;
    this.storyFailures = failures;
    this.storySettled = true;
  }

  private opening = 0;
  /**
   * Opens the places selected (a tiled story fetches their shards): the latest selection wins, and one
   * emptied meanwhile drops what was on its way. Resolves once they are shown, or their failure is.
   */
  async openSelection(): Promise<void> {
    const token = ++this.opening;
    const ids = this.view.places;
    const d = this.data;
    if (!d || !ids.length) return;
    this.openFailure = null;
    try {
      const s = await d.open(ids);
      if (token === this.opening) this.opened = s;
    } catch (err) {
      if (token === this.opening) this.openFailure = `The selected place could not be loaded: ${errorText(err)}`;
    }
  }

  /** The map moves to a place, where the story knows where it is. */
  private flyTo(placeId: string) {
    const p = this.data?.place(placeId);
    if (p) this.view.focus = focusOn(p);
  }

  /** A place (and one of its events) chosen in a list: shown on the map, its excerpts listed. */
  selectFromList(place: string, event: string | null = null): void {
    this.view.select([place], event);
    this.flyTo(place);
    if (this.phone) this.view.tab = 'excerpts';
  }

  /** Places chosen on the map (none: an empty spot, which clears the selection). */
  selectOnMap(ids: string[]): void {
    this.view.select(ids);
    if (ids.length && (this.phone || this.view.tab === 'article')) this.view.tab = 'excerpts';
  }

  /** An excerpt's "show in article": its passage in its own article. */
  showInArticle(x: StoryExcerpt, e: StoryEvent): void {
    this.view.excerpt = { source: e.source_id, start: x.start, end: x.end };
    this.view.reading = e.source_id;
    this.view.tab = 'article';
  }

  /** A source's article opened in the reader. */
  readSource(id: string): void {
    this.view.reading = id;
    this.view.tab = 'article';
  }

  /** A passage of the article chosen (the article reader: a story loaded whole): its event, where it is. */
  fromPassage(events: string[], start: number): void {
    const whole = this.data?.whole;
    const e = whole && storyIndex(whole).events.get(events[0]);
    if (!e) return;
    const x = e.excerpts.find((ex) => start >= ex.start && start < ex.end) ?? e.excerpts[0];
    this.view.excerpt = { source: e.source_id, start: x.start, end: x.end };
    // An event the article gives no place for is found at what it is about.
    const at = e.places.length ? e.places : e.about;
    this.view.select(at, e.event_id);
    this.flyTo(at[0]);
    if (this.phone) this.view.tab = 'excerpts';
  }
}
