/**
 * The one rule for what a reader sees: whether an event is visible in a view. The map's marks and labels,
 * the lists of places, the Excerpts panel and the layer counts all ask it, and nothing else decides.
 *
 * A view hides categories, and may hold a time window, a set of sources and a set of claimant sides (the
 * timeline, the sources panel, the claimant filter). With a window set, an event whose date the article does not give is not placed
 * in it: it leaves the map and the counts, and the panels list it apart.
 */
import { SIDES, type Side } from '../catalogue/schema';
import { CATEGORIES, listedAsSeat, type Category } from '../catalogue/vocabulary';
import { isPlan } from '../layers/format';
import type { StoryEvent, StoryQuantity } from './types';

/** Inclusive ISO days; `overlaps` keeps an event whose interval meets the window, `within` one inside it. */
export interface TimeWindow {
  start: string;
  end: string;
  mode: 'overlaps' | 'within';
}

export interface ViewFilter {
  hidden: ReadonlySet<Category>;
  window?: TimeWindow | null;
  /** The sources shown; null or absent for all of them. */
  sources?: ReadonlySet<string> | null;
  /**
   * The claimant sides shown (schema.ts SIDES); null or absent for all of them. 'unknown' stands for the
   * events whose file gives no side.
   */
  sides?: ReadonlySet<SideShown> | null;
  /**
   * The sources left out as unreviewed drafts (draftSources), when the reader shows reviewed events only
   * (the drafts filter, or &drafts=hide in a link); null or absent when drafts are shown.
   */
  drafts?: ReadonlySet<string> | null;
}

/** A side as the claimant filter offers it: a catalogue side, or 'unknown' where the file gives none. */
export type SideShown = Side | 'unknown';
const sideShown = (side: Side | null | undefined): SideShown => side ?? 'unknown';

/** A view that hides nothing: every event is visible in it (what isVisible says, known without asking). */
export const showsEverything = (v: ViewFilter): boolean =>
  v.hidden.size === 0 && !v.window && !v.sources && !v.sides && !v.drafts?.size;

/** What the rule reads of an event: a tiled story's combos (layers/format.ts TiledCombo) have the same fields. */
export type Filterable = Pick<StoryEvent, 'category' | 'source_id' | 'date_start' | 'date_end'> & {
  side?: StoryEvent['side'];
};

export function isVisible(e: Filterable, v: ViewFilter): boolean {
  if (v.hidden.has(e.category)) return false;
  if (v.sources && !v.sources.has(e.source_id)) return false;
  if (v.sides && !v.sides.has(sideShown(e.side))) return false;
  if (v.drafts?.has(e.source_id)) return false;
  if (!v.window) return true;
  if (!e.date_start || !e.date_end) return false;
  return inWindow(e.date_start, e.date_end, v.window);
}

/** Whether an interval of inclusive ISO days is in a window (no window: always), by the window's mode. */
export function inWindow(start: string, end: string, w: TimeWindow | null | undefined): boolean {
  if (!w) return true;
  return w.mode === 'within' ? start >= w.start && end <= w.end : start <= w.end && end >= w.start;
}

const NOTHING_HIDDEN: ReadonlySet<Category> = new Set();
/**
 * An event a time window leaves out only because the article gives no date for it: shown in the view
 * but for the window. The panels list these apart, as "date not given", never on a day.
 */
export const undatedApart = (e: StoryEvent, v: ViewFilter): boolean =>
  !!v.window && (!e.date_start || !e.date_end) && isVisible(e, { ...v, window: null });

/** The same view with no category hidden: what a category's count is counted in. */
export const allCategories = (v: ViewFilter): ViewFilter => ({ ...v, hidden: NOTHING_HIDDEN });

/**
 * Whether an event is a plan, not yet done (layers/format.ts isPlan, where the tiled build reads it too):
 * the map draws it as one (outlined, not filled), the legend says so and the Excerpts panel marks it.
 */
export { isPlan };

/**
 * The sources published from their drafts before anyone reviewed them (the story file's `review: "draft"`,
 * layers/format.ts StorySource): every event of one is a draft, not reviewed. The one rule for both forms
 * of a story (a tiled story's summary carries its sources' `review` too) and for every mark, count and
 * badge that tells a draft from a reviewed event.
 */
export function draftSources(sources: readonly { id: string; review?: 'draft' }[]): ReadonlySet<string> {
  return new Set(sources.filter((s) => s.review === 'draft').map((s) => s.id));
}

/** Whether an event (or a tiled story's combo) is a draft, not reviewed: its source is one (draftSources). */
export const isDraft = (e: Pick<StoryEvent, 'source_id'>, drafts: ReadonlySet<string>): boolean => drafts.has(e.source_id);

const NO_DRAFTS: ReadonlySet<string> = new Set();

/**
 * Unreviewed drafts' events in the view, whether drafts are shown or not (the drafts filter's count): for
 * a story's events, or a tiled story's combos weighed by their events.
 */
export function countDrafts<T extends Filterable>(
  items: readonly T[],
  view: ViewFilter,
  drafts: ReadonlySet<string>,
  weight: (x: T) => number = () => 1,
): number {
  if (!drafts.size) return 0;
  const all = { ...view, drafts: null };
  let n = 0;
  for (const x of items) if (isDraft(x, drafts) && isVisible(x, all)) n += weight(x);
  return n;
}

/** Whether an event marks its place with its category and figures: it happened or was said there. */
export const marksPlace = (e: StoryEvent) => !listedAsSeat(e);
/**
 * Whether an event's figures are its place's own: drawn there, and the only place it has. A figure of
 * several places at once ("over 100,000 troops near the border and in Belarus") is none of them alone.
 */
export const figuresOwnPlace = (e: StoryEvent) => marksPlace(e) && e.places.length === 1;

/**
 * A figure as the article gives it, with the earlier value it is compared with: "62 Russian battalion
 * tactical groups, up from 59 at this time last week".
 */
export const figureWords = (q: StoryQuantity): string => (q.previous ? `${q.text}, ${q.previous}` : q.text);

/** An event's first figure in those words (the one its place's label prints); null when it has none. */
export function quantityWords(e: Pick<StoryEvent, 'quantity' | 'quantity_previous'>): string | null {
  return e.quantity ? figureWords({ text: e.quantity, previous: e.quantity_previous }) : null;
}

/** The verb a figure's label closes on, by the claim's stance: "(officials said)". */
const LABEL_VERB: Record<StoryEvent['stance'], string> = {
  reported: 'reported',
  asserted: 'said',
  announced: 'announced',
  signaled: 'signaled',
  assessed: 'assessed',
  denied: 'denied',
  planned: 'planned',
  warned: 'warned',
};

/**
 * A place's own figure as the map's label prints it: the quantity's words, its earlier value's words and,
 * unless the article reports it in its own voice, who gives it and how ("62 Russian battalion tactical
 * groups, up from 59 at this time last week (officials said)"). Officials the article does not name are
 * "officials" (their full description is in the place's panel); anyone else is named as the article does.
 */
export function figureLabel(
  e: Pick<StoryEvent, 'quantity' | 'quantity_previous' | 'claim_by' | 'claim_kind' | 'stance'>,
): string {
  const words = quantityWords(e) ?? '';
  if (e.claim_kind === 'article' && e.stance === 'reported') return words;
  const who =
    e.claim_kind === 'article'
      ? ''
      : e.claim_kind === 'official'
        ? /\band\b|officials\b/.test(e.claim_by)
          ? 'officials '
          : 'an official '
        : `${e.claim_by} `;
  return `${words} (${who}${LABEL_VERB[e.stance]})`;
}

/** What a place shows in a view, from the events listed at it. */
export interface PlaceView {
  /** At least one of its events is visible. */
  visible: boolean;
  /**
   * The first category, in legend order, of a visible event that happened or was said there; null when
   * only events listed at it as a seat of government standing in are visible (then it takes no colour).
   */
  category: Category | null;
  /** Every category of the visible events that happened or were said there, in legend order. */
  categories: Category[];
  /** Its own figures among the visible events, in legend order of their categories. */
  quantities: string[];
  /**
   * The categories (of `categories`) that only plans show here (isPlan): drawn outlined. When every one
   * is, the place itself is drawn as a plan (data.ts placeState). Absent where the form of the story
   * cannot tell (a tiled story's areas, the editor's preview): drawn as done.
   */
  planned?: Category[];
  /**
   * Every visible event here is an unreviewed draft (isDraft): the place takes the draft mark. A place
   * with reviewed events as well is drawn as its reviewed events are, and says how many drafts it has.
   */
  draft?: boolean;
  /** The categories (of `categories`) that only drafts show here: their marks take the draft mark. */
  drafted?: Category[];
  /** How many of the visible events here are drafts. */
  drafts?: number;
}

const ORDER = new Map(CATEGORIES.map((c, i) => [c, i]));

export function placeView(here: readonly StoryEvent[], v: ViewFilter, drafts: ReadonlySet<string> = NO_DRAFTS): PlaceView {
  let visible = false;
  let draftCount = 0;
  let reviewed = false;
  const marked = new Set<Category>();
  /** Categories some visible event shows here as done. */
  const done = new Set<Category>();
  /** Categories some visible reviewed event shows here. */
  const checked = new Set<Category>();
  const figures: { rank: number; text: string }[] = [];
  const all = showsEverything(v);
  for (const e of here) {
    if (!all && !isVisible(e, v)) continue;
    visible = true;
    const draft = isDraft(e, drafts);
    if (draft) draftCount++;
    else reviewed = true;
    if (!marksPlace(e)) continue;
    marked.add(e.category);
    if (!isPlan(e)) done.add(e.category);
    if (!draft) checked.add(e.category);
    if (e.quantity && figuresOwnPlace(e)) figures.push({ rank: ORDER.get(e.category)!, text: figureLabel(e) });
  }
  figures.sort((a, b) => a.rank - b.rank);
  const categories = [...marked].sort((a, b) => ORDER.get(a)! - ORDER.get(b)!);
  return {
    visible,
    category: categories[0] ?? null,
    categories,
    quantities: figures.map((f) => f.text),
    planned: categories.filter((c) => !done.has(c)),
    draft: visible && !reviewed,
    drafted: categories.filter((c) => !checked.has(c)),
    drafts: draftCount,
  };
}

/**
 * The one count behind the legend, the sources panel and the claimant filter: the events in the view by
 * `key` (a category, a source, a side), every one of `keys` at 0 or more, each item weighing `weight`
 * events (a story's events 1, a tiled story's combos their events). `all` is the view without the
 * panel's own filter, so that a category, source or side turned off still says what it holds.
 */
function countWeighed<T extends Filterable, K extends string>(
  items: readonly T[],
  all: ViewFilter,
  keys: readonly K[],
  key: (x: T) => K,
  weight: (x: T) => number,
): Map<K, number> {
  const counts = new Map(keys.map((k) => [k, 0]));
  for (const x of items) if (isVisible(x, all)) counts.set(key(x), (counts.get(key(x)) ?? 0) + weight(x));
  return counts;
}

const ONE = () => 1;

/** Events per category in the view, whether the category itself is shown or not (the legend's counts). */
export const countByCategoryOf = <T extends Filterable>(
  items: readonly T[],
  view: ViewFilter,
  weight: (x: T) => number = ONE,
): Record<Category, number> =>
  Object.fromEntries(countWeighed(items, allCategories(view), CATEGORIES, (x) => x.category, weight)) as Record<Category, number>;

/** Events per source in the view, whether the source itself is shown or not (the sources panel's counts). */
export const countBySourceOf = <T extends Filterable>(
  sources: readonly { id: string }[],
  items: readonly T[],
  view: ViewFilter,
  weight: (x: T) => number = ONE,
): Map<string, number> =>
  countWeighed(
    items,
    { ...view, sources: null },
    sources.map((s) => s.id),
    (x) => x.source_id,
    weight,
  );

/** The sides the claimant filter offers, in its order: the catalogue's, then those the file gives none for. */
export const SIDES_SHOWN: readonly SideShown[] = [...SIDES, 'unknown'];

/** Events per claimant side in the view, whether the side itself is shown or not (the claimant filter's counts). */
export const countBySide = <T extends Filterable>(
  items: readonly T[],
  view: ViewFilter,
  weight: (x: T) => number = ONE,
): Record<SideShown, number> =>
  Object.fromEntries(countWeighed(items, { ...view, sides: null }, SIDES_SHOWN, (x) => sideShown(x.side), weight)) as Record<
    SideShown,
    number
  >;
