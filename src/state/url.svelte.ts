/**
 * The URL mirrors the reader's view (hash.ts gives its form): camera moves replace the history entry,
 * toggles and selections add one (a Play adds one, for its first day), so back and forward step through them, from the first change, with or
 * without a camera in the address (a bare address is the first view, and Back from the first change
 * returns to it). A link is shown in its canonical form, and what it named that the view could not use
 * is kept for the page to say.
 */
import type { StoryIndex } from '../story/model';
import { encodeHash, ignoredText, knownOnly, readHash, withGroupPlaces, type Camera, type Ignored, type ViewHash } from './hash';
import type { View } from './view.svelte';

/** An event's places as a link's group opens it: where it is, or, where the article gives none, what it is about. */
const placesOfEvent =
  (index: StoryIndex) =>
  (id: string): readonly string[] | undefined => {
    const e = index.events.get(id);
    return e && (e.places.length ? e.places : e.about);
  };

/** The same view: a resize keeps the camera, and a jump to one reports it back as it was asked. */
const sameCamera = (a: Camera, b: Camera) =>
  Math.abs(a.zoom - b.zoom) < 1e-6 && Math.abs(a.lat - b.lat) < 1e-7 && Math.abs(a.lng - b.lng) < 1e-7;

export class UrlState {
  /** What the last link opened (or typed into the address bar) named that the view could not use. */
  ignored: Ignored[] = $state([]);
  /** That, in words for the page; empty when nothing was ignored. */
  readonly note = $derived(ignoredText(this.ignored));
  /** The view the address held when the page opened. */
  readonly initial: ViewHash;
  private camera: Camera | null;
  private applyingHistory = false;
  /** The next change of the view replaces the current history entry rather than adding one (Play). */
  private replacing = false;

  /**
   * Reads the address into `view`, and from then on keeps the two in step. Call while a component is
   * being set up: it registers effects. `index` gives the story's ids, once a story has loaded whole.
   */
  constructor(
    private readonly view: View,
    private readonly index: () => StoryIndex | null,
  ) {
    const link = readHash(location.hash);
    this.initial = link.view;
    this.ignored = link.ignored;
    this.camera = link.view.camera;
    for (const c of link.view.hidden) view.hidden.add(c);
    view.select(link.view.places, link.view.event, link.view.open);
    this.applyTime(link.view);
    if (location.hash) this.replace(this.currentHash());

    $effect(() => {
      const hash = this.currentHash();
      if (this.applyingHistory || hash === location.hash) return;
      if (this.replacing) {
        this.replacing = false;
        return this.replace(hash);
      }
      history.pushState(null, '', hash || location.pathname + location.search);
    });
    $effect(() => {
      // Back, forward, or a hash typed into the address bar.
      const onPop = () => this.fromAddress();
      addEventListener('popstate', onPop);
      return () => removeEventListener('popstate', onPop);
    });
  }

  private current = (): ViewHash => ({
    camera: this.camera,
    hidden: [...this.view.hidden],
    places: this.view.places,
    event: this.view.event,
    open: this.view.open,
    sources: this.view.sources ? [...this.view.sources].sort() : [],
    sides: this.view.sides ? [...this.view.sides] : [],
    ...(this.view.hideDrafts ? { drafts: 'hide' as const } : {}),
    window: this.view.window,
  });

  /** The link's sources, claimant sides, drafts filter and time window into the view (none named: all of them, no window). */
  private applyTime(v: ViewHash) {
    // A value replaced whole, never changed in place: a plain set.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    this.view.sources = v.sources?.length ? new Set(v.sources) : null;
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    this.view.sides = v.sides?.length ? new Set(v.sides) : null;
    this.view.hideDrafts = v.drafts === 'hide';
    this.view.window = v.window ?? null;
  }
  private currentHash = () => encodeHash(this.current());

  /** Puts `hash` in the address bar in place of the current entry ('' is the bare address). */
  private replace(hash: string) {
    if (hash !== location.hash) history.replaceState(history.state, '', hash || location.pathname + location.search);
  }

  /** The next change of the view takes the current history entry's place: a step of Play after its first. */
  replaceNext() {
    this.replacing = true;
  }

  /**
   * The camera the map was made with. An address without a camera (a bare one, before the map first
   * moved) is that view: Back to it returns the map there, wherever the reader has flown it since.
   */
  private first: Camera | null = null;
  firstView(c: Camera) {
    this.first ??= c;
  }

  /**
   * The map moved: the current entry follows it; an address without a camera stays so at the first view.
   * A jump (reduced motion) moves the map before the change of view that asked for it reaches the
   * address: that change then adds its own entry, with this camera, and the entry before it keeps its own.
   */
  moved(c: Camera) {
    if (!this.camera && this.first && sameCamera(c, this.first)) return;
    this.camera = c;
    if (this.viewAhead()) return;
    this.replace(this.currentHash());
  }

  /** The view has changed and the address does not say so yet (the effect that writes it has not run). */
  private viewAhead(): boolean {
    const noCamera = (v: ViewHash) => encodeHash({ ...v, camera: null });
    return !this.applyingHistory && noCamera(this.current()) !== noCamera(readHash(location.hash).view);
  }

  /**
   * Drops from the view, and from the address, the places and events the story does not have; and gives
   * a group the link opens alone the places of its event (withGroupPlaces).
   */
  dropUnknown(index: StoryIndex) {
    const known = knownOnly(this.current(), index);
    const v = withGroupPlaces(known.view, placesOfEvent(index));
    if (!known.ignored.length && v === known.view) return;
    this.ignored = [...this.ignored, ...known.ignored];
    // The address first: the view's change then finds it already there, and adds no history entry.
    this.replace(encodeHash(v));
    this.view.select(v.places, v.event, v.open);
    this.applyTime(v);
  }

  private fromAddress() {
    const read = readHash(location.hash);
    const index = this.index();
    const known = index ? knownOnly(read.view, index) : { view: read.view, ignored: [] };
    const v = index ? withGroupPlaces(known.view, placesOfEvent(index)) : known.view;
    if (read.ignored.length || known.ignored.length || v !== known.view) {
      this.ignored = [...read.ignored, ...known.ignored];
      this.replace(encodeHash(v));
    }
    this.applyingHistory = true;
    this.view.hidden.clear();
    for (const c of v.hidden) this.view.hidden.add(c);
    this.view.select(v.places, v.event, v.open);
    this.applyTime(v);
    const camera = v.camera ?? this.first;
    if (camera) {
      this.camera = v.camera;
      this.view.focus = { ...camera, jump: true };
    }
    queueMicrotask(() => (this.applyingHistory = false));
  }
}
