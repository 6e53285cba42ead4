/**
 * Which of the catalogue's places lie within which others, read from how each is drawn (schema.ts
 * PlaceGeometry), never from where its shape happens to fall: the rule that says two reports are of one
 * thing when one place is within the other (story/across.ts groupReports) must not join a city to a zone
 * its dot only touches.
 *
 * - Basemap units (ISO 3166-2, "RU-ROS") and a border band lie in the countries they are parts of ("RU").
 *   A place made of whole countries lies in the countries it names.
 * - A place lies within one made of whole countries (no clip) when every country it lies in is among
 *   them and it is not those same whole countries itself: the Rostov region within Russia, Russia within
 *   a group of countries that names it.
 * - A place drawn at a gazetteer point that is not itself a city (a building) lies within the city the
 *   catalogue draws at that point: the ministry "in Moscow" within Moscow.
 *
 * A city is within nothing here: the catalogue gives its gazetteer point, not its country.
 */
import type { Place } from './schema';

/** The countries a place lies in, and whether it is those countries whole; null where its drawing does not say. */
function footprint(p: Place): { countries: Set<string>; whole: boolean } | null {
  const g = p.geometry;
  if ('units' in g) return { countries: new Set(g.units.map((u) => u.split('-')[0])), whole: false };
  if ('countries' in g) return { countries: new Set(g.countries), whole: !g.clip };
  if ('recipe' in g) return { countries: new Set(g.within), whole: false };
  return null;
}

/** Each place's containers among `places`, by place id, in catalogue order; a place within none is absent. */
export function placesWithin(places: readonly Place[]): Map<string, string[]> {
  const feet = new Map(places.map((p) => [p.id, footprint(p)]));
  const cities = new Map<string, string>();
  for (const p of places) if (p.kind === 'city' && 'gazetteer' in p.geometry) cities.set(p.geometry.gazetteer, p.id);
  const within = new Map<string, string[]>();
  for (const p of places) {
    const outer: string[] = [];
    const mine = feet.get(p.id);
    if (mine?.countries.size) {
      for (const q of places) {
        const theirs = feet.get(q.id);
        if (q.id === p.id || !theirs?.whole) continue;
        const inside = [...mine.countries].every((c) => theirs.countries.has(c));
        const same = mine.whole && mine.countries.size === theirs.countries.size;
        if (inside && !same) outer.push(q.id);
      }
    }
    if (p.kind !== 'city' && 'gazetteer' in p.geometry) {
      const city = cities.get(p.geometry.gazetteer);
      if (city && city !== p.id) outer.push(city);
    }
    if (outer.length) within.set(p.id, outer);
  }
  return within;
}
