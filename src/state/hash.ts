/**
 * The view in the URL: MapLibre's standard camera hash (#zoom/lat/lng, as its `hash` option writes it),
 * then the layers turned off and the selection as &key=value pairs:
 *
 *   #5.5/48.9/35.2&hide=energy,sanctions&place=kyiv&event=us-plane-kyiv&group=us-plane-kyiv&source=nbc&claimant=us,nato&drafts=hide&t=2022-01-24/2022-01-26
 *
 * What the Excerpts panel has open goes after the event: a group of reports of one thing as `group=` one
 * of its event ids (its first; any of its events opens it, so the link holds when a rebuild adds reports),
 * or a place's figures in a unit as `figures=<place>/<unit slug>` (src/story/figures.ts).
 * `drafts=hide` shows reviewed events only: the events of sources published unreviewed are left out.
 *
 * The time window comes last, as an ISO 8601 interval of inclusive days (`t=start/end`; one day alone is
 * that day), with `tmode=within` before it when only events entirely inside it are shown.
 *
 * A bare #zoom/lat/lng link is a valid view, and so is one without a camera (#hide=energy). Unknown keys and
 * malformed parts are ignored, never fatal, and readHash says which, so that the app can tell the reader and
 * put the canonical form (encodeHash of what was used) back in the address bar.
 */
import { isIsoDay } from '../catalogue/dates';
import { CATEGORIES, type Category } from '../catalogue/vocabulary';
import type { Camera } from '../map/camera';
import { SIDES_SHOWN, type SideShown, type TimeWindow, type ViewFilter } from '../story/visibility';

export type { Camera };

export interface ViewHash {
  camera: Camera | null;
  hidden: Category[];
  places: string[];
  event: string | null;
  /** What the Excerpts panel has open, if anything. */
  open?: OpenPart | null;
  /** The sources shown, when not all of them. */
  sources?: string[];
  /** The claimant sides shown (visibility.ts SIDES_SHOWN), when not all of them. */
  sides?: SideShown[];
  /** 'hide': reviewed events only, the unreviewed drafts' left out (visibility.ts draftSources). */
  drafts?: 'hide';
  window?: TimeWindow | null;
}

/** A group of reports of one thing, by one of its event ids; or a place's figures in one unit (figures.ts FigureSeries.key). */
export type OpenPart = { kind: 'group'; id: string } | { kind: 'figures'; id: string };

/** `2022-01-24/2022-01-26`, or `2022-01-25` for one day: the window, or null if it is not one. */
function readInterval(value: string): { start: string; end: string } | null {
  const [start, end = start, ...rest] = value.split('/');
  if (rest.length || !isIsoDay(start) || !isIsoDay(end) || end < start) return null;
  return { start, end };
}

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** MapLibre's precision: enough decimals for the zoom level (its Hash does the same). */
const decimals = (zoom: number) => Math.max(0, Math.ceil((zoom * Math.LN2 + Math.log(512 / 360 / 0.5)) / Math.LN10));

export function encodeHash(v: ViewHash): string {
  const parts: string[] = [];
  if (v.camera) {
    const d = decimals(v.camera.zoom);
    const m = Math.pow(10, d);
    const round = (n: number) => Math.round(n * m) / m;
    parts.push(`${Math.round(v.camera.zoom * 100) / 100}/${round(v.camera.lat)}/${round(v.camera.lng)}`);
  }
  const hidden = CATEGORIES.filter((c) => v.hidden.includes(c));
  if (hidden.length) parts.push(`hide=${hidden.join(',')}`);
  if (v.places.length) parts.push(`place=${v.places.join(',')}`);
  if (v.event) parts.push(`event=${v.event}`);
  if (v.open) parts.push(`${v.open.kind}=${v.open.id}`);
  if (v.sources?.length) parts.push(`source=${v.sources.join(',')}`);
  const sides = SIDES_SHOWN.filter((x) => v.sides?.includes(x));
  if (sides.length) parts.push(`claimant=${sides.join(',')}`);
  if (v.drafts === 'hide') parts.push('drafts=hide');
  if (v.window) {
    if (v.window.mode === 'within') parts.push('tmode=within');
    parts.push(`t=${v.window.start}/${v.window.end}`);
  }
  return parts.length ? `#${parts.join('&')}` : '';
}

/** Something a link named that the view could not use, for the reader's note. */
export interface Ignored {
  /** view: a camera that is not one; part: a key the app does not know, or no key at all. */
  what: 'view' | 'layer' | 'place' | 'event' | 'group' | 'figures' | 'source' | 'claimant' | 'drafts' | 'dates' | 'part';
  value: string;
}

/** A value as the reader typed it: percent-decoded when that is possible, as it is when not. */
function shown(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

const unique = <T>(xs: T[]) => [...new Set(xs)];
type Key = 'hide' | 'place' | 'event' | 'group' | 'figures' | 'source' | 'claimant' | 'drafts' | 't';
/** A place id, a slash, a unit's slug. */
const FIGURES = /^[a-z0-9]+(-[a-z0-9]+)*\/[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * The view a hash names, and what in it was ignored: malformed cameras, unknown keys and layers, ids that
 * are not ids. Names given twice count once (a place twice was two selections of one place); a key given
 * twice keeps its last value.
 */
export function readHash(hash: string): { view: ViewHash; ignored: Ignored[] } {
  const view: ViewHash = { camera: null, hidden: [], places: [], event: null };
  let mode: TimeWindow['mode'] = 'overlaps';
  const ignored: Ignored[] = [];
  const parts = hash.replace(/^#/, '').split('&');
  const first = parts[0] ?? '';
  if (!first.includes('=')) {
    parts.shift();
    const [zoom, lat, lng] = first.split('/').map((n) => (n.trim() === '' ? NaN : Number(n)));
    if (
      [zoom, lat, lng].every(Number.isFinite) &&
      zoom >= 0 &&
      zoom <= 24 &&
      lat >= -90 &&
      lat <= 90 &&
      lng >= -180 &&
      lng <= 180
    ) {
      view.camera = { zoom, lat, lng };
    } else if (first !== '') ignored.push({ what: 'view', value: shown(first) });
  }
  const earlier: Partial<Record<Key, Ignored[]>> = {};
  for (const part of parts) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? '' : part.slice(eq + 1);
    const list = unique(value.split(',').filter(Boolean));
    const mine: Ignored[] = [];
    if (eq >= 0 && key === 'hide') {
      view.hidden = CATEGORIES.filter((c) => list.includes(c));
      for (const x of list) if (!(CATEGORIES as readonly string[]).includes(x)) mine.push({ what: 'layer', value: shown(x) });
    } else if (eq >= 0 && key === 'place') {
      view.places = list.filter((id) => ID.test(id));
      for (const x of list) if (!ID.test(x)) mine.push({ what: 'place', value: shown(x) });
    } else if (eq >= 0 && key === 'event') {
      view.event = ID.test(value) ? value : null;
      if (value && !ID.test(value)) mine.push({ what: 'event', value: shown(value) });
    } else if (eq >= 0 && (key === 'group' || key === 'figures')) {
      // One thing open at a time: the last of the two keys given.
      const ok = (key === 'group' ? ID : FIGURES).test(value);
      if (ok) {
        if (view.open && view.open.kind !== key) mine.push({ what: view.open.kind, value: view.open.id });
        view.open = { kind: key, id: value };
      } else {
        if (view.open?.kind === key) view.open = null;
        mine.push({ what: key, value: shown(value) });
      }
    } else if (eq >= 0 && key === 'source') {
      view.sources = list.filter((id) => ID.test(id));
      for (const x of list) if (!ID.test(x)) mine.push({ what: 'source', value: shown(x) });
    } else if (eq >= 0 && key === 'claimant') {
      view.sides = SIDES_SHOWN.filter((x) => list.includes(x));
      for (const x of list) if (!(SIDES_SHOWN as readonly string[]).includes(x)) mine.push({ what: 'claimant', value: shown(x) });
    } else if (eq >= 0 && key === 'drafts') {
      if (value === 'hide') view.drafts = 'hide';
      else {
        delete view.drafts;
        // 'show' is the view without the key: said as ignored, like any value the app does not know.
        mine.push({ what: 'drafts', value: shown(value) });
      }
    } else if (eq >= 0 && key === 'tmode' && (value === 'within' || value === 'overlaps')) {
      mode = value;
    } else if (eq >= 0 && key === 't') {
      const w = readInterval(value);
      if (w) view.window = { ...w, mode };
      else {
        delete view.window;
        mine.push({ what: 'dates', value: shown(value) });
      }
    } else {
      ignored.push({ what: 'part', value: shown(part) });
      continue;
    }
    if (key === 'tmode') continue;
    // The value this key replaces: its usable entries are ignored now, as its unusable ones were.
    const k = key as Key;
    if (earlier[k]) ignored.push(...earlier[k]);
    earlier[k] = [];
    ignored.push(...mine);
    if (k === 'place') earlier[k] = view.places.map((value) => ({ what: 'place', value }));
    if (k === 'event' && view.event) earlier[k] = [{ what: 'event', value: view.event }];
    if ((k === 'group' || k === 'figures') && view.open?.kind === k) earlier[k] = [{ what: k, value: view.open.id }];
    if (k === 'hide') earlier[k] = view.hidden.map((value) => ({ what: 'layer', value }));
    if (k === 'source') earlier[k] = (view.sources ?? []).map((value) => ({ what: 'source', value }));
    if (k === 'claimant') earlier[k] = (view.sides ?? []).map((value) => ({ what: 'claimant', value }));
    if (k === 'drafts' && view.drafts) earlier[k] = [{ what: 'drafts', value: view.drafts }];
    if (k === 't' && view.window) earlier[k] = [{ what: 'dates', value }];
  }
  // The mode applies to the window wherever it stands; without a window it says nothing.
  if (view.window) view.window = { ...view.window, mode };
  return { view, ignored };
}

export function decodeHash(hash: string): ViewHash {
  return readHash(hash).view;
}

/**
 * What the visibility rule reads of a link's view (visibility.ts ViewFilter): the one place a hash's
 * filters become the rule's, for the data export and its command line. A filter the link gains (a
 * claimant) is added here and in ViewFilter, and every caller of the rule takes it. `drafts` is the
 * story's unreviewed sources (visibility.ts draftSources): what `drafts=hide` leaves out.
 */
export function filterOf(v: ViewHash, drafts: ReadonlySet<string>): ViewFilter {
  return {
    hidden: new Set(v.hidden),
    window: v.window ?? null,
    sources: v.sources?.length ? new Set(v.sources) : null,
    sides: v.sides?.length ? new Set(v.sides) : null,
    drafts: v.drafts === 'hide' && drafts.size ? drafts : null,
  };
}

/** What the story has, to check a link's ids against once it is loaded. */
interface KnownIds {
  places: { has(id: string): boolean };
  events: { has(id: string): boolean };
  sources: { has(id: string): boolean };
}

/** The view less the places and events the story does not have, and those it dropped. */
export function knownOnly(view: ViewHash, known: KnownIds): { view: ViewHash; ignored: Ignored[] } {
  const ignored: Ignored[] = view.places.filter((id) => !known.places.has(id)).map((value) => ({ what: 'place', value }));
  const eventKnown = view.event === null || known.events.has(view.event);
  if (!eventKnown) ignored.push({ what: 'event', value: view.event! });
  const open = view.open ?? null;
  const openKnown =
    !open || (open.kind === 'group' ? known.events.has(open.id) : known.places.has(open.id.slice(0, open.id.indexOf('/'))));
  if (!openKnown) ignored.push({ what: open.kind, value: open.id });
  const sources = view.sources ?? [];
  for (const id of sources) if (!known.sources.has(id)) ignored.push({ what: 'source', value: id });
  if (!ignored.length) return { view, ignored };
  return {
    view: {
      ...view,
      places: view.places.filter((id) => known.places.has(id)),
      event: eventKnown ? view.event : null,
      open: openKnown ? view.open : null,
      ...(view.sources ? { sources: sources.filter((id) => known.sources.has(id)) } : {}),
    },
    ignored,
  };
}

/**
 * A link that opens a group of reports without naming a place (`&group=<event id>` alone) opens it at
 * that event's places (where it happened or was said; for an event the article gives no place for, what
 * it is about), as a choice of that event in a list would. `placesOf` gives an event's places, or
 * undefined for one the story does not have. The same view when there is nothing to add.
 */
export function withGroupPlaces(view: ViewHash, placesOf: (event: string) => readonly string[] | undefined): ViewHash {
  if (view.places.length || view.open?.kind !== 'group') return view;
  const places = placesOf(view.open.id);
  return places?.length ? { ...view, places: [...places] } : view;
}

const MAX_SHOWN = 5;
const MAX_VALUE = 40;

/** The reader's note: "Ignored from the link: place “nowhere”, layer “weather”." Empty when nothing was. */
export function ignoredText(ignored: readonly Ignored[]): string {
  if (!ignored.length) return '';
  const cut = (v: string) => (v.length > MAX_VALUE ? `${v.slice(0, MAX_VALUE - 1)}…` : v);
  const items = ignored
    .slice(0, MAX_SHOWN)
    .map((x) => `${x.what === 'part' ? '' : `${x.what} `}“${cut(x.value)}”`)
    .join(', ');
  const more = ignored.length > MAX_SHOWN ? ` and ${ignored.length - MAX_SHOWN} more` : '';
  return `Ignored from the link: ${items}${more}.`;
}
