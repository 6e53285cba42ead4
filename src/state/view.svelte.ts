/**
 * The reader's view in one place: layers turned off, the time window, sources and claimant sides shown, the selection,
 * the open panel, and requests to move the map. Mirrored to the URL by App (see hash.ts); the camera itself lives in the map.
 */
import { SvelteSet } from 'svelte/reactivity';
import type { FocusRequest } from '../map/camera';
import type { Category } from '../catalogue/vocabulary';
import type { SideShown, TimeWindow, ViewFilter } from '../story/visibility';
import type { OpenPart } from './hash';

export type Tab = 'layers' | 'places' | 'excerpts' | 'article';

export type { FocusRequest };

export class View {
  readonly hidden = new SvelteSet<Category>();
  places: string[] = $state([]);
  event: string | null = $state(null);
  /** What the Excerpts panel has open at the selection: a group of reports, or a place's figures in a unit. */
  open: OpenPart | null = $state.raw(null);
  /** The passage "show in article" asked for. */
  excerpt: { source: string; start: number; end: number } | null = $state(null);
  /** The source the article reader shows; null for the one the passage asked for, or the first. */
  reading: string | null = $state(null);
  tab: Tab = $state('excerpts');
  focus: FocusRequest | null = $state.raw(null);
  /** A time window, when one is set (the timeline, or &t= in a link). */
  window: TimeWindow | null = $state.raw(null);
  /** The sources shown; null for all of them. */
  sources: ReadonlySet<string> | null = $state.raw(null);
  /** The claimant sides shown (the claimant filter, or &claimant= in a link); null for all of them. */
  sides: ReadonlySet<SideShown> | null = $state.raw(null);
  /** Reviewed events only: the unreviewed drafts' left out (the drafts filter, or &drafts=hide in a link). */
  hideDrafts = $state(false);
  /** The story's sources published unreviewed (visibility.ts draftSources), once it has loaded. */
  // A value replaced whole when the story loads, never changed in place: a plain set.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  draftSources: ReadonlySet<string> = $state.raw(new Set());

  /** What the story's visibility rule reads of the view (src/story/visibility.ts). */
  get filter(): ViewFilter {
    return {
      // A plain copy of the reactive set: read once here, not once per event by the rule.
      // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a snapshot, not state
      hidden: new Set(this.hidden),
      window: this.window,
      sources: this.sources,
      sides: this.sides,
      drafts: this.draftsLeftOut,
    };
  }

  /** The sources the view leaves out as unreviewed drafts (ViewFilter.drafts); null when drafts are shown. */
  get draftsLeftOut(): ReadonlySet<string> | null {
    return this.hideDrafts && this.draftSources.size ? this.draftSources : null;
  }

  toggle(category: Category): void {
    if (this.hidden.has(category)) this.hidden.delete(category);
    else this.hidden.add(category);
  }

  /** A new selection closes what was open at the last one, unless it names what to open. */
  select(places: string[], event: string | null = null, open: OpenPart | null = null): void {
    this.places = places;
    this.event = event;
    this.open = open;
  }
}
