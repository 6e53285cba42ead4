/**
 * The reader's view in one place: layers turned off, the selection, the open panel, and requests to move
 * the map. Mirrored to the URL by App (see hash.ts); the camera itself lives in the map.
 */
import { SvelteSet } from 'svelte/reactivity';
import type { Category } from '../map/theme';

export type Tab = 'layers' | 'places' | 'excerpts' | 'article';

/** A request to move the map: to a place's label point at a zoom, or to a camera from a link. */
export interface FocusRequest {
  lng: number;
  lat: number;
  zoom: number;
  /** Jump without animation (back/forward, reduced motion). */
  jump: boolean;
}

export class View {
  readonly hidden = new SvelteSet<Category>();
  places: string[] = $state([]);
  event: string | null = $state(null);
  /** The passage "show in article" asked for. */
  excerpt: { start: number; end: number } | null = $state(null);
  tab: Tab = $state('excerpts');
  focus: FocusRequest | null = $state.raw(null);

  toggle(category: Category): void {
    if (this.hidden.has(category)) this.hidden.delete(category);
    else this.hidden.add(category);
  }

  select(places: string[], event: string | null = null): void {
    this.places = places;
    this.event = event;
  }
}
