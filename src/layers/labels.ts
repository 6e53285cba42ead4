/**
 * Where an area's label goes: its box estimated from its text, the area it belongs in, and what it makes
 * way for (geometry.ts labelAnchor judges the anchors against these).
 */
import type { Geometry } from 'geojson';
import { THEATRE } from '../basemap/theatre';
import type { Place } from '../catalogue/schema';
import type { Area, Basemap } from './basemap';
import { dissolve, type LabelBoxes, type Obstacle } from './geometry';

/**
 * The zooms a label's box is judged at: the first view's (the theatre, basemap/theatre.ts) on a phone, a laptop
 * and a wide screen. Zoomed in, the same box covers less ground, so a label inside its area there stays
 * inside it.
 */
const LABEL_JUDGED_AT_ZOOMS = [3.5, 4.1, 4.5];

/**
 * A label's box in pixels, estimated from its text as the map sets it (map/storyLayers.ts: 12 px bold,
 * an area's lines of at most 9 em): its name, and the figures that may hang under it.
 */
export function labelBox(name: string, figures: string[]): LabelBoxes {
  const EM = 12;
  const MAX = 9 * EM;
  let width = 0;
  let lines = 0;
  for (const [text, advance] of [[name, 0.7], ...figures.map((f) => [f, 0.6] as const)] as [string, number][]) {
    if (!text) continue;
    const w = text.length * advance * EM;
    width = Math.max(width, Math.min(w, MAX));
    lines += Math.ceil(w / MAX);
  }
  return { width, height: lines * 1.2 * EM, gap: 0.2 * EM, zooms: LABEL_JUDGED_AT_ZOOMS, view: THEATRE };
}

/**
 * The area an area's label belongs in: the area itself, or the countries a band along a border lies in
 * (the band is too thin to hold its label; its country is where the reader looks for it).
 */
export function labelHome(p: Place, shape: Area, basemap: Basemap): Area {
  const g = p.geometry;
  return 'within' in g ? dissolve(g.within.map((c) => basemap.countries.get(c)!)) : shape;
}

const dot = (at: number[]): Obstacle => ({ at, halfWidth: 0, halfHeight: 0 });

/**
 * What the story's labels make way for (geometry.ts labelAnchor): the dots the map draws at every zoom
 * (map/style.ts places-dot: the basemap's main places, and the story's own points, `shown`), and the
 * basemap's names of countries (map/style.ts country-labels: capitals, 15 px for the story's countries, else 11).
 */
export function labelObstacles(basemap: Basemap, shown: Iterable<Geometry>): Obstacle[] {
  return [
    ...[...basemap.gazetteer.values()].filter((g) => g.rank <= 1).map((g) => dot(g.point.coordinates)),
    ...[...shown].flatMap((g) => (g.type === 'Point' ? [dot(g.coordinates)] : [])),
    ...[...basemap.countryLabels.values()].map(({ at, name, story }) => {
      const size = story ? 15 : 11;
      return { at, halfWidth: (name.length * (0.72 + 0.15) * size) / 2, halfHeight: (1.2 * size) / 2 };
    }),
  ];
}
