/**
 * The review screen's state and actions, apart from any layout: the queue of drafts, the draft opened and
 * its review (model.ts holds the pure rules), the words selected in the article, the form for a place the
 * gazetteer lacks, what the map beside it draws, and every call to the editor's server. The layout
 * (Editor.svelte) renders it and keeps only what a view alone needs (a disclosure, a search box's words).
 * The server's answers come through `api`, so the unit tests drive it as the page does, without a browser.
 */
import type { FeatureCollection, Geometry } from 'geojson';
import { SvelteMap } from 'svelte/reactivity';
import type { Place, ValidationError } from '../catalogue/schema';
import type { PlaceProperties } from '../story/types';
import { getJson, postJson } from './client';
import {
  acceptEvent,
  acceptRest,
  captionBlock,
  claimantsBefore,
  decidePlace,
  errorsByRecord,
  eventFromSelection,
  figureFromSelection,
  freshId,
  marksOf,
  mergeEvents,
  placeFromForm,
  placeViews,
  rejectEvent,
  releasePlaces,
  renamePlace,
  reviewOf,
  saveRequest,
  splitEvent,
  withDateAdditions,
  type EventItem,
  type OutsideForm,
  type PlaceItem,
  type Review,
  type Status,
} from './model';
import {
  QUEUE_STATUSES,
  type DraftSummary,
  type GazetteerHit,
  type OpenedDraft,
  type PreviewResult,
  type SaveResult,
} from './protocol';

/** The editor's server as the screen asks it (client.ts): JSON in, JSON out, an error's message thrown. */
export interface EditorApi {
  get<T>(url: string): Promise<T>;
  post<T>(url: string, body: unknown): Promise<T>;
}

export const serverApi: EditorApi = { get: getJson, post: postJson };

/** A place from the gazetteer that the catalogue can draw. */
export type DrawableHit = GazetteerHit & { place: NonNullable<GazetteerHit['place']> };

export type Selection = { start: number; end: number };

const PLACES_FILE = 'geodata/catalogue/places.json';

const emptyForm = (): OutsideForm => ({
  name: '',
  kind: 'zone',
  precision: 'zone',
  basis: 'article',
  note: '',
  shape: 'point',
  coordinates: '',
  along: '',
  within: '',
  km: '50',
});

const without = <T>(list: T[] | undefined, i: number): T[] => (list ?? []).filter((_, j) => j !== i);

export class EditorState {
  drafts: DraftSummary[] = $state([]);
  /** The draft chosen in the bar's list: the one opened, or being opened. */
  chosen = $state('');
  opened: OpenedDraft | null = $state.raw(null);
  review: Review = $state({ places: [], events: [] });
  /** The words selected in the article, as offsets into its text, or null. */
  selection: Selection | null = $state(null);
  /** The last Check, Save or Publish: its errors are shown on the cards of the records they name. */
  result: SaveResult | null = $state(null);
  /** What the bar says: what an action did, or why it failed. */
  message = $state('');
  busy = $state(false);
  /** The map's places: the accepted ones as a layer build draws them (null until the first preview). */
  preview: FeatureCollection<Geometry, PlaceProperties> | null = $state.raw(null);
  previewErrors: ValidationError[] = $state([]);
  /** Why the selection's paragraph could not be marked a photo caption. */
  captionError = $state('');
  /** Why the selected words could not be a figure. */
  figureError = $state('');
  /** The form for a place the gazetteer lacks: a point, an area drawn as corners, or a band along a border. */
  outside: OutsideForm = $state(emptyForm());
  outsideErrors: string[] = $state([]);
  /** Drawing on the map: each click is the point, or the next corner, in the form's coordinates field. */
  drawing = $state(false);
  /** Why the last rename of each place was refused, by the place's review item. */
  readonly renameErrors = new SvelteMap<PlaceItem, string>();

  /** The queue: each status with its count, in the order an article moves through them. */
  readonly counts = $derived(QUEUE_STATUSES.map((s) => [s, this.drafts.filter((d) => d.status === s).length] as const));
  /** The open draft's place in the queue. */
  readonly openedSummary = $derived(this.drafts.find((d) => d.id === this.opened?.id));
  /** The words selected, as the article has them ('' without a selection). */
  readonly selected = $derived(
    this.selection && this.opened ? this.opened.text.slice(this.selection.start, this.selection.end) : '',
  );
  readonly marks = $derived(this.opened ? marksOf(this.opened, this.review) : []);
  /** The last result's errors by the card that shows them, and those no card does. */
  readonly grouped = $derived(
    this.opened && this.result
      ? errorsByRecord(this.result.errors, { events: this.opened.eventsFile, places: PLACES_FILE }, this.review)
      : null,
  );
  readonly views = $derived(placeViews(this.review));
  /** Places an event may name: this review's, then the catalogue's that it does not repeat. */
  readonly choices = $derived([
    ...this.review.places.map((p) => ({ id: p.place.id, name: p.place.names.en, status: p.status as Status | 'catalogue' })),
    ...(this.opened?.catalogue ?? [])
      .filter((c) => !this.review.places.some((p) => p.place.id === c.id))
      .map((c) => ({ id: c.id, name: c.names.en, status: 'catalogue' as const })),
  ]);
  readonly takenIds = $derived([
    ...this.review.places.map((p) => p.place.id),
    ...(this.opened?.catalogue ?? []).map((c) => c.id),
  ]);
  /** The accepted places as text: the same text when an edit elsewhere leaves them as they were. */
  readonly accepted = $derived(JSON.stringify(this.review.places.filter((p) => p.status === 'accepted').map((p) => p.place)));
  /** Clicks on the map are points of the place being drawn (a band is not drawn by clicks). */
  readonly drawingOnMap = $derived(this.drawing && this.outside.shape !== 'border-band');
  /** What the map draws: the accepted places, with the place being drawn once its corners make one. */
  readonly previewPlaces: Place[] = $derived.by(() => {
    const sketch = this.drawingOnMap
      ? placeFromForm(
          { ...this.outside, name: this.outside.name || this.selected || 'Drawn place', note: 'drawing' },
          this.takenIds,
        )
      : null;
    return [...(JSON.parse(this.accepted) as Place[]), ...(sketch && 'place' in sketch ? [sketch.place] : [])];
  });

  constructor(private readonly api: EditorApi = serverApi) {}

  /** The queue, and the draft the server was started with (or the only one) opened. */
  async load(): Promise<void> {
    try {
      const r = await this.api.get<{ drafts: DraftSummary[]; initial: string | null }>('/api/drafts');
      this.drafts = r.drafts;
      const first = r.initial ?? (r.drafts.length === 1 ? r.drafts[0].id : '');
      if (first) await this.open(first);
    } catch (err) {
      this.message = (err as Error).message;
    }
  }

  /** A draft opened for review: one still to review is now in review. */
  async open(id: string): Promise<void> {
    this.chosen = id;
    this.message = '';
    this.result = null;
    this.selection = null;
    try {
      const o = await this.api.get<OpenedDraft>(`/api/draft?id=${encodeURIComponent(id)}`);
      this.review = reviewOf(o);
      this.opened = o;
      if (this.drafts.find((d) => d.id === id)?.status === 'to review') await this.moveInQueue(id, 'in review');
    } catch (err) {
      this.message = (err as Error).message;
    }
  }

  private async moveInQueue(id: string, status: 'in review' | 'rejected' | 'to review') {
    const moved = await this.api.post<DraftSummary>('/api/status', { id, status });
    this.drafts = this.drafts.map((d) => (d.id === id ? moved : d));
  }

  private async refreshQueue() {
    this.drafts = (await this.api.get<{ drafts: DraftSummary[] }>('/api/drafts')).drafts;
  }

  /** The next article still to decide on after the open one (wrapping round), or none. */
  nextInQueue(): DraftSummary | undefined {
    const at = this.drafts.findIndex((d) => d.id === this.opened?.id);
    const order = [...this.drafts.slice(at + 1), ...this.drafts.slice(0, Math.max(at, 0))];
    return (
      order.find((d) => d.status === 'to review') ??
      order.find((d) => d.status === 'in review') ??
      order.find((d) => d.unreviewed)
    );
  }

  async openNext(): Promise<void> {
    const next = this.nextInQueue();
    if (next) await this.open(next.id);
    else this.message = 'Nothing left to review.';
  }

  /** On the map at once, marked as a draft not reviewed; reviewing and saving it later makes it reviewed. */
  async publishArticle(): Promise<void> {
    if (!this.opened) return;
    this.busy = true;
    try {
      const result = await this.api.post<SaveResult>('/api/publish', { id: this.opened.id });
      this.result = result;
      this.message = result.ok
        ? `Published unreviewed: ${savedMessage(result).replace(/^Saved: /, '')}`
        : `Not published: ${result.errors.length} problem(s) in the draft, shown below at each record. Nothing was written.`;
      await this.refreshQueue();
    } catch (err) {
      this.message = (err as Error).message;
    } finally {
      this.busy = false;
    }
  }

  /** The open article rejected, and the next in the queue opened. */
  async rejectArticle(): Promise<void> {
    if (!this.opened) return;
    try {
      await this.moveInQueue(this.opened.id, 'rejected');
      await this.openNext();
    } catch (err) {
      this.message = (err as Error).message;
    }
  }

  /** Check (`dryRun`: the server validates, writes nothing) or Save the accepted places and events. */
  async submit(dryRun: boolean): Promise<void> {
    if (!this.opened) return;
    const request = saveRequest(this.opened.id, this.review);
    // Nothing to check or save: say so, not "Everything checks" (an article with nothing kept is rejected).
    if (request.events.length === 0) {
      this.message =
        'Nothing accepted yet: accept the events to keep (their places come with them), or Reject article. Nothing was checked or written.';
      return;
    }
    this.busy = true;
    this.message = '';
    try {
      const result = await this.api.post<SaveResult>(dryRun ? '/api/validate' : '/api/save', request);
      this.result = result;
      if (result.ok) {
        this.message = dryRun ? 'Everything checks.' : savedMessage(result);
        if (!dryRun) await this.refreshQueue();
      } else this.message = `Not saved: ${result.errors.length} problem(s), shown below at each record. Nothing was written.`;
    } catch (err) {
      this.message = (err as Error).message;
    } finally {
      this.busy = false;
    }
  }

  /** The map's places for draft `id` drawn as a layer build draws them, or why they cannot be. */
  async showPreview(id: string, places: Place[]): Promise<void> {
    if (places.length === 0) {
      this.preview = { type: 'FeatureCollection', features: [] };
      this.previewErrors = [];
      return;
    }
    try {
      const r = await this.api.post<PreviewResult>('/api/preview', { id, places });
      if (r.ok) {
        this.preview = r.places;
        this.previewErrors = [];
      } else this.previewErrors = r.errors;
    } catch (err) {
      this.message = (err as Error).message;
    }
  }

  decidePlace(item: PlaceItem, status: Status): void {
    decidePlace(item, status);
  }

  /** An event kept (with the places it names) or rejected (letting go of those only it brought). */
  decideEvent(item: EventItem, status: Status): void {
    if (status === 'accepted') acceptEvent(this.review, item);
    else rejectEvent(this.review, item);
  }

  /** The decision on the card at `index` of its kind (the keys a and r). */
  decideCard(kind: 'place' | 'event', index: number, status: 'accepted' | 'rejected'): void {
    if (kind === 'place') {
      const item = this.review.places[index];
      if (item) this.decidePlace(item, status);
    } else {
      const item = this.review.events[index];
      if (item) this.decideEvent(item, status);
    }
  }

  /** The events still proposed, kept with their places; what was decided stays so. */
  acceptTheRest(): void {
    const n = acceptRest(this.review);
    this.message = n
      ? `Accepted the ${n === 1 ? 'one event' : `${n} events`} still proposed, with the places they name. Reject what you do not keep, then Save.`
      : 'No event with a place is still proposed.';
  }

  /** The selection's paragraph marked as a photo caption: saved with the source record (model.ts withCaptions). */
  markCaption(): void {
    this.captionError = '';
    if (!this.opened || !this.selection) return;
    const block = captionBlock(this.opened.source, this.selection);
    if ('error' in block) this.captionError = block.error;
    else if (this.review.captions?.includes(block.start))
      this.captionError = 'That paragraph is marked as a photo caption already.';
    else this.review.captions = [...(this.review.captions ?? []), block.start];
  }

  /** A new event quoting the selected words, accepted, for the editor to complete. */
  addEvent(): void {
    if (!this.opened || !this.selection) return;
    const events = this.review.events.map((e) => e.event);
    const event = eventFromSelection(
      this.opened.text,
      this.selection,
      this.opened.source.id,
      events.map((e) => e.id),
      { published: this.opened.source.published, claimants: claimantsBefore(events, this.selection.start) },
    );
    this.review.events.push({ event, status: 'accepted', origin: 'added', confidence: null, notes: [], unresolved: [] });
  }

  /** A place from the gazetteer: the review's own proposal of it, accepted, if it has one; else a new place. */
  addPlace(hit: DrawableHit): void {
    const geometry = JSON.stringify(hit.place.geometry);
    const proposed = this.review.places.find((p) => JSON.stringify(p.place.geometry) === geometry);
    if (proposed) return decidePlace(proposed, 'accepted');
    this.review.places.push({
      place: { id: freshId(hit.place.names.en, this.takenIds), ...hit.place },
      status: 'accepted',
      origin: 'added',
      confidence: null,
      notes: [`from the gazetteer: ${hit.id}`],
      mentions: [],
    });
  }

  /** A place changed to the gazetteer's, keeping its id (the events name it). */
  usePlace(item: PlaceItem, hit: DrawableHit): void {
    item.place = { id: item.place.id, ...hit.place };
    item.notes = [...item.notes, `replaced from the gazetteer: ${hit.id}`];
  }

  /** A click on the map while drawing: the point, or the next corner. */
  addPoint([lng, lat]: [number, number]): void {
    // Three decimals, about 100 m: finer than a click on a map of countries can mean.
    const at = `${lng.toFixed(3)} ${lat.toFixed(3)}`;
    const form = this.outside;
    if (form.shape === 'point') form.coordinates = at.replace(' ', ', ');
    else form.coordinates = form.coordinates.trim() ? `${form.coordinates.trim()}; ${at}` : at;
  }

  /** The place the form gives, added and accepted; or every reason it cannot be made. */
  addOutside(): void {
    const made = placeFromForm({ ...this.outside, name: this.outside.name || this.selected }, this.takenIds);
    if ('errors' in made) return void (this.outsideErrors = made.errors);
    this.outsideErrors = [];
    this.review.places.push({
      place: made.place,
      status: 'accepted',
      origin: 'added',
      confidence: null,
      notes: ['drawn by hand'],
      mentions: [],
    });
    this.outside.name = '';
    this.outside.coordinates = '';
    this.outside.note = '';
    this.drawing = false;
  }

  /**
   * A place's id changed, and every event that names it with it. Returns why not (kept on the card, by
   * `renameErrors`), or null.
   */
  rename(item: PlaceItem, to: string): string | null {
    const why = renamePlace(this.review, item.place.id, to.trim(), this.opened?.catalogue.map((c) => c.id) ?? []);
    this.renameErrors.set(item, why ?? '');
    return why;
  }

  /** A place ticked or unticked on an event, where it happened (`places`) or what it is about. */
  togglePlace(item: EventItem, id: string, field: 'places' | 'about' = 'places'): void {
    const ids = item.event[field] ?? [];
    const next = ids.includes(id) ? ids.filter((p) => p !== id) : [...ids, id];
    if (field === 'about' && next.length === 0) delete item.event.about;
    else item.event[field] = next;
    // A kept event keeps what it names: a proposed place ticked on it is kept with it, and one unticked
    // that only came with it is let go.
    if (item.status === 'accepted' && next.includes(id)) acceptEvent(this.review, item);
    else releasePlaces(this.review);
  }

  /** The selected words as another excerpt of the event, in the article's order. */
  addExcerpt(item: EventItem): void {
    if (!this.opened || !this.selection) return;
    const { start, end } = this.selection;
    item.event.excerpts = [...item.event.excerpts, { start, end, text: this.opened.text.slice(start, end) }].sort(
      (a, b) => a.start - b.start,
    );
  }

  removeExcerpt(item: EventItem, i: number): void {
    item.event.excerpts = without(item.event.excerpts, i);
  }

  /** A figure read from the selected words, or why they give none. */
  addFigure(item: EventItem): void {
    if (!this.opened || !this.selection) return;
    const figure = figureFromSelection(this.opened.text, this.selection);
    this.figureError = figure ? '' : `No number in "${this.selected}": select the words that give it.`;
    if (figure) item.event.quantities = [...(item.event.quantities ?? []), figure];
  }

  removeFigure(item: EventItem, i: number): void {
    item.event.quantities = without(item.event.quantities, i);
  }

  split(item: EventItem): void {
    splitEvent(this.review, item);
  }

  /** The event merged into the one whose id is `intoId` (nothing when there is none). */
  merge(item: EventItem, intoId: string): void {
    const into = this.review.events.find((x) => x.event.id === intoId);
    if (into) mergeEvents(into, item);
  }

  /** The date's additions changed: a weekday to come, or its duration in the article's words. */
  changeDate(item: EventItem, change: { ahead?: boolean; lasting?: string }): void {
    item.event.date = withDateAdditions(item.event.date, change);
  }
}

function savedMessage(r: SaveResult): string {
  const saved = `Saved: ${r.written.join(', ')}.`;
  if (r.layers?.error) return `${saved} The layers could not be built again: ${r.layers.error}`;
  return `${saved} ${r.layers?.folder} built again (${r.layers?.summary}): reload the reader (npm run dev), or start it again (npm start).`;
}
