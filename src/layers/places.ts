/**
 * A place as the story gives it, in both forms (the GeoJSON form's places.geojson, the tiled form's
 * shards): what its events add up to (tallyPlaces) and its properties (placeProperties), computed here
 * once so that the two forms cannot count differently (tests/unit/layers/forms-contract.test.ts).
 */
import type { Geometry } from 'geojson';
import type { Place } from '../catalogue/schema';
import { placesWithin } from '../catalogue/within';
import { listedAsSeat, type Category } from '../catalogue/vocabulary';
import type { Area, Basemap } from './basemap';
import { labelName, type PlaceProperties, type StoryEvent } from './format';
import { labelAnchor, labelPoint, type Obstacle } from './geometry';
import { labelBox, labelHome } from './labels';
import { inkOf, PRECISION_RANK } from './shapes';

/** What a place's events add up to. */
export interface PlaceTally {
  /** Events that happened or were said there, or are listed there as a seat of government standing in. */
  here: number;
  /** Events about it. */
  about: number;
  /** The categories of what happened or was said there, in the order of first appearance. */
  categories: Category[];
  /** Apart, those of events only listed there as a seat (truth.md: 8,500 troops on alert are not troops in Washington). */
  seatCategories: Category[];
  /** Its label's figures: each event's there (not seat-listed) that has one, in the article's words. */
  figures: string[];
}

/**
 * The places each place lies within (catalogue/within.ts placesWithin), among those the story shows:
 * both forms write them, so that the panel joins reports at a place and one within it in either.
 */
export function storyWithin(places: readonly Place[], shown: (id: string) => boolean): Map<string, string[]> {
  const within = new Map<string, string[]>();
  for (const [id, outer] of placesWithin(places)) {
    const kept = outer.filter(shown);
    if (kept.length) within.set(id, kept);
  }
  return within;
}

/** Every place's tally, by place id, from the events in story order. */
export function tallyPlaces(
  events: Iterable<Pick<StoryEvent, 'places' | 'about' | 'category' | 'site' | 'quantity'>>,
): Map<string, PlaceTally> {
  const tallies = new Map<string, PlaceTally>();
  const tally = (id: string) => {
    let t = tallies.get(id);
    if (!t) tallies.set(id, (t = { here: 0, about: 0, categories: [], seatCategories: [], figures: [] }));
    return t;
  };
  for (const e of events) {
    const seat = listedAsSeat(e);
    for (const id of e.places) {
      const t = tally(id);
      t.here++;
      const list = seat ? t.seatCategories : t.categories;
      if (!list.includes(e.category)) list.push(e.category);
      if (!seat && e.quantity) t.figures.push(e.quantity);
    }
    for (const id of e.about) tally(id).about++;
  }
  return tallies;
}

/**
 * A place's properties in either form. `obstacles`: what an area's label makes way for, to choose its
 * anchor (labels.ts); null where the form draws no area labels (the tiled form sets its marks at the label
 * point), which spares judging anchors against a large story's every dot. `within`: the story's places it
 * lies within (storyWithin).
 */
export function placeProperties(
  p: Place,
  shape: Geometry,
  tally: PlaceTally,
  basemap: Basemap,
  obstacles: readonly Obstacle[] | null,
  within: readonly string[] = [],
): PlaceProperties {
  // A country the basemap names: its marks and figures go under the basemap's name of it (Russia's
  // pole of inaccessibility is in Siberia, far from where the reader sees "RUSSIA").
  const named = p.kind === 'country' && 'countries' in p.geometry && p.geometry.countries.length === 1;
  const nameAt = named ? basemap.countryLabels.get((p.geometry as { countries: string[] }).countries[0])?.at : undefined;
  const [lng, lat] = nameAt ? nameAt.map((n) => Math.round(n * 1e5) / 1e5) : labelPoint(shape);
  const home = shape.type === 'Point' || nameAt || !obstacles ? null : labelHome(p, shape as Area, basemap);
  return {
    place_id: p.id,
    name: p.names.en,
    name_uk: p.names.uk ?? null,
    name_ru: p.names.ru ?? null,
    kind: p.kind,
    location_precision: p.precision,
    precision_rank: PRECISION_RANK[p.precision],
    ink: inkOf(p, shape),
    place_basis: p.basis,
    place_note: p.note ?? null,
    // The basemap place it is drawn at: the map sets in bold the ones the article itself names.
    gazetteer: 'gazetteer' in p.geometry ? p.geometry.gazetteer : null,
    events_here: tally.here,
    events_about: tally.about,
    categories: tally.categories.join(','),
    seat_categories: tally.seatCategories.join(','),
    label_lng: lng,
    label_lat: lat,
    ...(within.length ? { within: within.join(',') } : {}),
    ...(nameAt ? { label_anchor: 'under-name' as const } : {}),
    ...(home
      ? { label_anchor: labelAnchor([lng, lat], labelBox(labelName(p.names.en, p.kind, true), tally.figures), home, obstacles!) }
      : {}),
  };
}
