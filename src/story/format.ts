/**
 * How the story's data reads on screen: dates with their precision, who claims what, and labels.
 * Plain strings only: the UI renders them as text, never as HTML.
 */
import { isIsoDay } from '../catalogue/dates';
import { inWindow, type SideShown, type TimeWindow } from './visibility';

/** A figure in the article's words, as the panels print it (visibility.ts, where the map's label is made). */
export { figureWords, quantityWords } from './visibility';
import type { Category, Precision } from '../catalogue/schema';
import type { StoryEvent } from './types';

export const CATEGORY_LABELS: Record<Category, string> = {
  troops: 'Troops & deployments',
  drills: 'Drills',
  aircraft: 'Aircraft',
  naval: 'Naval',
  'military-aid': 'Military aid',
  diplomacy: 'Diplomacy',
  statement: 'Statements',
  civilians: 'Civilians',
  sanctions: 'Sanctions',
  energy: 'Energy',
  conflict: 'Conflict',
};

/** The claimant filter's names for the sides (visibility.ts SIDES_SHOWN), in the reader's words. */
export const SIDE_LABELS: Record<SideShown, string> = {
  russia: 'Russia',
  ukraine: 'Ukraine',
  us: 'U.S.',
  nato: 'NATO and allies',
  'other-government': 'Other governments',
  media: "Media's own reporting",
  unknown: 'Side not given',
};

export const PRECISION_LABELS: Record<Precision, string> = {
  exact: 'an exact place',
  city: 'a city',
  region: 'a region',
  country: 'a whole country',
  zone: 'an approximate zone',
};

const WEEKDAY = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTH = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function utc(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d ?? 1));
}

const dayText = (d: Date) => `${d.getUTCDate()} ${MONTH[d.getUTCMonth()].slice(0, 3)} ${d.getUTCFullYear()}`;

/**
 * "Tue 25 Jan 2022", "Week of 24 Jan 2022", "February 2022", "Between 27 Jan and 9 Feb 2022", "Date not
 * given": never sharper than the data.
 */
export function formatDate(e: Pick<StoryEvent, 'date' | 'date_precision' | 'date_start'> & { date_end?: string | null }): string {
  switch (e.date_precision) {
    case 'day': {
      const d = utc(e.date!);
      return `${WEEKDAY[d.getUTCDay()]} ${dayText(d)}`;
    }
    case 'week':
      return `Week of ${dayText(utc(e.date_start!))}`;
    case 'month': {
      const d = utc(e.date!);
      return `${MONTH[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
    }
    case 'window': {
      const [a, b] = [utc(e.date_start!), utc(e.date_end!)];
      const first = a.getUTCFullYear() === b.getUTCFullYear() ? dayText(a).replace(/ \d{4}$/, '') : dayText(a);
      return `Between ${first} and ${dayText(b)}`;
    }
    default:
      return 'Date not given';
  }
}

/**
 * "59 → 62 battalion tactical groups (Week of 17 Jan 2022 → Wed 26 Jan 2022)": a change the article
 * reports, read as one when the window holds both dates (or there is no window); null otherwise, and for
 * an event that reports no change. The earlier date is as precise as the article's phrase.
 */
export function changeText(
  e: Pick<StoryEvent, 'change' | 'date' | 'date_precision' | 'date_start' | 'date_end'>,
  w: TimeWindow | null,
): string | null {
  const c = e.change;
  if (!c || !e.date_start || !e.date_end) return null;
  if (!inWindow(c.date_start, c.date_end, w) || !inWindow(e.date_start, e.date_end, w)) return null;
  return `${thousands(c.from)} → ${thousands(c.to)} ${c.unit} (${formatDate(c)} → ${formatDate(e)})`;
}

const thousands = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

const STANCE: Record<StoryEvent['stance'], string> = {
  reported: 'Reported',
  asserted: 'Said',
  announced: 'Announced',
  signaled: 'Signaled',
  assessed: 'Assessed',
  denied: 'Denied',
  planned: 'Planned',
  warned: 'Warning',
};

/** "Reported — according to a U.S. defense official…", "Denied — as reported by NBC News". */
export function attribution(e: Pick<StoryEvent, 'claim_by' | 'claim_kind' | 'stance'>, publisher: string): string {
  if (e.claim_kind === 'article')
    return e.stance === 'reported' ? `Reported by ${publisher}` : `${STANCE[e.stance]} — as reported by ${publisher}`;
  return `${STANCE[e.stance]} — ${e.claim_kind === 'official' ? `according to ${e.claim_by}` : e.claim_by}`;
}

export const SITE_LABELS: Record<StoryEvent['site'], string> = {
  happened: 'Where it happened',
  said: 'Where it was said',
  seat: 'Place not given in the article: listed here at the capital of the government that acted or spoke, not drawn as this place’s own',
};

/**
 * The Excerpts panel's groups of events about a place: those that happened or were said at another place
 * the map draws ("elsewhere"), and those the article gives no place for at all, which are not "elsewhere"
 * but nowhere said (an intelligence assessment, NATO's announcement). Empty groups are left out.
 */
export function aboutGroups<E extends Pick<StoryEvent, 'places'>>(
  placeName: string,
  about: E[],
): { kind: 'elsewhere' | 'unplaced'; heading: string; list: E[] }[] {
  const placed = about.filter((e) => e.places.length > 0);
  const unplaced = about.filter((e) => e.places.length === 0);
  return [
    { kind: 'elsewhere' as const, heading: `About ${placeName}, elsewhere`, list: placed },
    { kind: 'unplaced' as const, heading: `About ${placeName}: where, the article does not say`, list: unplaced },
  ].filter((g) => g.list.length > 0);
}

/**
 * The scope of an event's figure when the event has several places: one figure for all of them, never
 * one place's own ("over 100,000 troops near its shared border with Ukraine and in Belarus"). Null when
 * the figure has one place.
 */
export function quantityScope(e: Pick<StoryEvent, 'places' | 'quantity'>, nameOf: (placeId: string) => string): string | null {
  if (!e.quantity || e.places.length < 2) return null;
  // The count first and the names after a colon, one from the next by a semicolon: a name may hold "and"
  // ("Russia near the border with Ukraine"), so "A and B together" could be read as one place.
  const count = ['two', 'three', 'four', 'five'][e.places.length - 2] ?? String(e.places.length);
  return `One figure for ${count} places together: ${e.places.map(nameOf).join('; ')}`;
}

/** "26 January 2022", a source's publication day in words (UTC); the ISO text itself if it is not a date. */
export function publishedText(iso: string): string {
  // Only a real day: not a month, and not 2022-13-01, which Date would roll over into the next year.
  if (!isIsoDay(iso)) return iso;
  const d = utc(iso);
  return `${d.getUTCDate()} ${MONTH[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}
