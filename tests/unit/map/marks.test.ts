/**
 * The map's visual hierarchy in data: each category's shape (map/symbols.ts) and the marks each place gets
 * (map/data.ts placeMarks), checked on the seed's own layers where the story is the point; and what the map's
 * sources are given (placeShapes, labelPoints), down to a dense story's labels. Where the build
 * hangs an area's label is tests/unit/layers/geometry.test.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FeatureCollection, Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../../src/catalogue/vocabulary';
import type { PlaceProperties } from '../../../src/layers/format';
import {
  BADGE_RADIUS,
  DENSE_LABEL_MINZOOM,
  DENSE_POINTS,
  labelPoints,
  labelTexts,
  placeShapes,
  markOff,
  placeMarks,
  badgeChoices,
  choicesKey,
  shownBadges,
} from '../../../src/map/data';
import { independentSources } from '../../../src/story/across';
import { drawnBadges, styleExpression } from '../../support/helpers';
import { CATEGORY_SHAPES, insideShape, MARK_PAD, MARK_SIZE, shapeSdf } from '../../../src/map/symbols';
import { buildStyle } from '../../../src/map/style';
import { storyLayers } from '../../../src/map/storyLayers';
import { defaultTheme } from '../../../src/map/theme';
import { placeViews } from '../../../src/story/model';
import type { Story } from '../../../src/story/types';
import { seedProject } from '../../support/helpers';

const layers = path.join(seedProject(), 'geodata/layers');
const places = JSON.parse(readFileSync(path.join(layers, 'places.geojson'), 'utf8')) as FeatureCollection<
  Geometry,
  PlaceProperties
>;
const storyFile = JSON.parse(readFileSync(path.join(layers, 'story.json'), 'utf8')) as Omit<Story, 'places'>;
const story: Story = { ...storyFile, places };
const everything = placeViews(story, { hidden: new Set() });
const place = (id: string) => places.features.find((f) => f.properties.place_id === id)!;

describe("categories' shapes", () => {
  /** Which of a grid of points over the square are inside a shape. */
  const mask = (c: (typeof CATEGORIES)[number]) => {
    const out: boolean[] = [];
    for (let i = 0; i < 40; i++) for (let j = 0; j < 40; j++) out.push(insideShape(CATEGORY_SHAPES[c], -1 + i / 20, -1 + j / 20));
    return out;
  };

  it('every category has a shape of its own: each differs from every other in over a seventh of its ink', () => {
    for (const [i, a] of CATEGORIES.entries()) {
      const ma = mask(a);
      const ink = ma.filter(Boolean).length / ma.length;
      expect(ink, `${a} has ink, and is no square block`).toBeGreaterThan(0.15);
      expect(ink).toBeLessThan(0.8);
      for (const b of CATEGORIES.slice(i + 1)) {
        const mb = mask(b);
        const differ = ma.filter((v, k) => v !== mb[k]).length;
        const union = ma.filter((v, k) => v || mb[k]).length;
        // A square and a circle, the closest pair, differ in 0.2.
        expect(differ / union, `${a} and ${b}`).toBeGreaterThan(0.15);
      }
    }
  });

  it('draws each as a signed distance field: the outline at the edge value, ink inside, nothing outside', () => {
    for (const c of CATEGORIES) {
      const img = shapeSdf(CATEGORY_SHAPES[c]);
      expect(img.sdf).toBe(true);
      expect(img.width).toBe((MARK_SIZE + 2 * MARK_PAD) * img.pixelRatio);
      expect(img.data.length).toBe(img.width * img.height * 4);
      const alpha = (x: number, y: number) => img.data[(y * img.width + x) * 4 + 3];
      // The corners are far outside every shape; MapLibre's edge is at 192 of 255.
      expect(alpha(0, 0), c).toBe(0);
      let inside = 0;
      for (let y = 0; y < img.height; y++) for (let x = 0; x < img.width; x++) if (alpha(x, y) > 192) inside++;
      expect(inside / (img.width * img.height), c).toBeGreaterThan(0.08);
    }
    // A square's centre is deep inside; its edge (0.85 of the half side) is where the value crosses 192.
    const img = shapeSdf(CATEGORY_SHAPES.troops);
    const mid = img.width / 2;
    const at = (units: number) =>
      img.data[(mid * img.width + Math.floor(mid + units * (MARK_SIZE / 2) * img.pixelRatio)) * 4 + 3];
    expect(at(0)).toBe(255);
    expect(at(0.75)).toBeGreaterThan(192);
    expect(at(0.95)).toBeLessThan(192);
  });

  it('encodes, for every pixel, the distance to the nearest edge, signed by whether the pixel is inside', () => {
    // Directly from the definition, a pixel at a time: every edge's distance, and insideShape.
    const segment = (px: number, py: number, [ax, ay]: number[], [bx, by]: number[]) => {
      const dx = bx - ax;
      const dy = by - ay;
      const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy || 1)));
      return Math.hypot(px - ax - t * dx, py - ay - t * dy);
    };
    for (const c of CATEGORIES) {
      const rings = CATEGORY_SHAPES[c];
      const img = shapeSdf(rings);
      const side = img.width;
      const scale = 2 / (MARK_SIZE * img.pixelRatio);
      let worst = 0;
      for (let row = 0; row < side; row++) {
        for (let col = 0; col < side; col++) {
          const x = (col + 0.5 - side / 2) * scale;
          const y = (row + 0.5 - side / 2) * scale;
          const d = Math.min(...rings.flatMap((r) => r.map((b, i) => segment(x, y, r[(i + r.length - 1) % r.length], b))));
          const signed = (insideShape(rings, x, y) ? -d : d) / scale;
          const want = Math.max(0, Math.min(255, Math.round(255 - 255 * (signed / 8 + 0.25))));
          worst = Math.max(worst, Math.abs(img.data[(row * side + col) * 4 + 3] - want));
        }
      }
      // Rounding apart (a square root for a hypotenuse), the same byte.
      expect(worst, c).toBeLessThanOrEqual(1);
    }
  });
});

describe("places' marks", () => {
  const marks = placeMarks(places, everything);

  it('gives each place a mark for every category it has, in legend order, and places at one point one row', () => {
    const at = (id: string) =>
      marks.data['story-marks'].features
        .filter((f) => f.properties.place_ids.split(' ').includes(id))
        .map((f) => f.properties.category);
    expect(at('belarus')).toEqual(everything.get('belarus')!.categories);
    expect(at('belarus').length).toBeGreaterThan(2);
    // The ministry and the parliament "in Moscow" are drawn at one point: one row for both, no mark twice.
    expect(at('russian-foreign-ministry')).toEqual(at('russian-parliament'));
    expect(at('russian-parliament')).toEqual(['diplomacy', 'statement']);
    // A row's marks sit side by side, not on top of each other.
    for (const id of ['belarus', 'kyiv', 'washington']) {
      const xs = marks.data['story-marks'].features
        .filter((f) => f.properties.place_ids.split(' ').includes(id))
        .map((f) => f.properties.offset[0]);
      for (let i = 1; i < xs.length; i++) expect(xs[i] - xs[i - 1]).toBeGreaterThanOrEqual(MARK_SIZE);
    }
    // Every mark's id is its index, for its feature-state; the seed is no dense story.
    marks.data['story-marks'].features.forEach((f, i) => expect(f.id).toBe(i));
    expect(marks.data['story-marks-dense'].features).toEqual([]);
  });

  it('counts sources beside a row of marks from 2, clear of its marks; the seed, one article, has none', () => {
    const seed = independentSources(story.events, story.sources);
    expect(badgeChoices(marks.badgeSlots, seed).features.features).toEqual([]);
    // Two sources at Kyiv, three at the ministry and none at the parliament drawn at its point.
    const counts = new Map([
      ['kyiv', 2],
      ['russian-foreign-ministry', 3],
    ]);
    const choices = badgeChoices(marks.badgeSlots, counts);
    const badges = drawnBadges(choices, shownBadges(choices, marks.badgeSlots, counts));
    const of = (id: string) => badges.find((b) => b.properties.place_ids.split(' ').includes(id))!;
    expect(of('kyiv').properties.count).toBe('2');
    // Places at one point: the larger of their own counts, never a sum.
    expect(of('russian-parliament').properties.count).toBe('3');
    expect(badges).toHaveLength(2);
    for (const b of badges) {
      const row = marks.data['story-marks'].features.filter((f) => f.properties.place_ids === b.properties.place_ids);
      expect(row.every((f) => f.properties.dy === b.properties.dy)).toBe(true);
      // No mark under the disc: each is at least half a mark and the disc's radius away.
      for (const f of row)
        expect(Math.abs(f.properties.dx - b.properties.dx)).toBeGreaterThanOrEqual(MARK_SIZE / 2 + BADGE_RADIUS);
    }
  });

  it('lays out every count from 2 to the most once, and a view shows one a slot by feature-state', () => {
    const most = new Map([
      ['kyiv', 4],
      ['russian-foreign-ministry', 3],
      ['russian-parliament', 1],
    ]);
    const choices = badgeChoices(marks.badgeSlots, most);
    const laid = choices.features.features;
    const at = (id: string) => laid.filter((f) => f.properties.place_ids.split(' ').includes(id));
    // Kyiv's 2, 3, 4; the ministry's point (the parliament's too) 2 and 3, the larger most of its places.
    expect(at('kyiv').map((f) => f.properties.count)).toEqual(['2', '3', '4']);
    expect(at('russian-parliament').map((f) => f.properties.count)).toEqual(['2', '3']);
    expect(laid).toHaveLength(5);
    laid.forEach((f, i) => expect(f.id).toBe(i));
    // Each view shows the feature of its count; fewer than 2 shows none.
    const show = (counts: [string, number][]) =>
      drawnBadges(choices, shownBadges(choices, marks.badgeSlots, new Map(counts))).map((f) => [
        f.properties.place_ids,
        f.properties.count,
      ]);
    expect(show([['kyiv', 3]])).toEqual([['kyiv', '3']]);
    expect(
      show([
        ['kyiv', 4],
        ['russian-parliament', 2],
      ]).map(([, n]) => n),
    ).toEqual(['4', '2']);
    expect(show([['kyiv', 1]])).toEqual([]);
    // A count above the most laid out is a mistake of the caller's, said, not drawn as another number.
    expect(() => shownBadges(choices, marks.badgeSlots, new Map([['kyiv', 5]]))).toThrow(/kyiv: a count of 5 asked, at most 4/);
    // The same most, the same layout (the tiled form sends the source nothing then); another, another.
    expect(choicesKey(badgeChoices(marks.badgeSlots, new Map(most)))).toBe(choicesKey(choices));
    expect(choicesKey(badgeChoices(marks.badgeSlots, new Map([['kyiv', 3]])))).not.toBe(choicesKey(choices));
  });

  it('turns a mark off when none of its places shows its category, and only then', () => {
    const hidden = placeViews(story, { hidden: new Set(['aircraft']) });
    for (const mark of marks.marks)
      expect(markOff(mark, hidden), `${mark.places} ${mark.category}`).toBe(mark.category === 'aircraft');
    const none = placeViews(story, { hidden: new Set(CATEGORIES) });
    expect(marks.marks.every((m) => markOff(m, none))).toBe(true);
  });

  it("in a dense story, keeps the points' marks apart, for the labels' zoom; not the areas'", () => {
    const many: FeatureCollection<Geometry, PlaceProperties> = {
      type: 'FeatureCollection',
      features: [...Array(DENSE_POINTS + 1).keys()].map((i) => ({
        ...place('kyiv'),
        id: i,
        properties: { ...place('kyiv').properties, place_id: `p${i}`, label_lng: i / 100 },
      })),
    };
    many.features.push({ ...place('belarus'), id: DENSE_POINTS + 1 });
    const views = new Map([...many.features].map((f) => [f.properties.place_id, everything.get('kyiv')!]));
    views.set('belarus', everything.get('belarus')!);
    const dense = placeMarks(many, views);
    const ids = (source: 'story-marks' | 'story-marks-dense') =>
      new Set(dense.data[source].features.map((f) => f.properties.place_ids));
    expect(ids('story-marks-dense').has('p0')).toBe(true);
    expect(ids('story-marks-dense').has('belarus')).toBe(false);
    expect([...ids('story-marks')]).toEqual(['belarus']);
    for (const [id, mark] of dense.marks.entries()) expect(dense.data[mark.source].features.some((f) => f.id === id)).toBe(true);
    const layer = buildStyle(defaultTheme).layers.find((l) => l.id === 'story-marks-dense')!;
    expect(layer.minzoom).toBe(DENSE_LABEL_MINZOOM);
  });

  it("names an area in capitals, as maps name regions, and a city's or country's not at all", () => {
    const texts = labelTexts(places, everything);
    expect(texts.get('rostov-region')!.split('\n')[0]).toBe('ROSTOV REGION');
    expect(texts.get('kyiv')).not.toMatch(/Kyiv/);
    expect(texts.get('belarus')).toBe('');
  });
});

describe('what the map is given', () => {
  const feature = (i: number, geometry: Geometry): FeatureCollection<Geometry, PlaceProperties>['features'][number] => ({
    type: 'Feature',
    id: i,
    geometry,
    properties: {
      place_id: `p${i}`,
      name: `P${i}`,
      kind: 'city',
      location_precision: 'city',
      precision_rank: 1,
      place_basis: 'article',
      place_note: 'a note the map never reads',
      events_here: 1,
      events_about: 0,
      label_lng: 30,
      label_lat: 50,
    },
  });
  const area: Geometry = {
    type: 'Polygon',
    coordinates: [
      [
        [30, 50],
        [31, 50],
        [31, 51],
        [30, 50],
      ],
    ],
  };
  const collection = (n: number) => ({
    type: 'FeatureCollection' as const,
    features: [...Array.from({ length: n }, (_, i) => feature(i, { type: 'Point', coordinates: [30, 50] })), feature(n, area)],
  });

  it('only the properties the style reads', () => {
    const shapes = placeShapes(collection(2));
    expect(shapes.features[0]).toEqual({
      type: 'Feature',
      id: 0,
      geometry: { type: 'Point', coordinates: [30, 50] },
      properties: { place_id: 'p0', location_precision: 'city' },
    });
    const labels = labelPoints(collection(2), new Map([['p0', 'P0']])).features;
    expect(labels[0].properties).toEqual({
      place_id: 'p0',
      text: 'P0',
      kind: 'city',
      precision_rank: labels[0].properties.precision_rank,
    });
  });

  it(`names the points of a story of more than ${DENSE_POINTS} from zoom ${DENSE_LABEL_MINZOOM}, its areas always`, () => {
    expect(labelPoints(collection(DENSE_POINTS), new Map()).features.some((f) => 'label_minzoom' in f.properties)).toBe(false);
    const dense = labelPoints(collection(DENSE_POINTS + 1), new Map()).features;
    expect(dense[0].properties.label_minzoom).toBe(DENSE_LABEL_MINZOOM);
    expect(dense.at(-1)!.properties.label_minzoom).toBeUndefined();
  });
});

describe("the marks' offset", () => {
  const layout = (storyLayers(defaultTheme).find((l) => l.id === 'story-marks') as { layout: Record<string, unknown> }).layout;
  const offset = styleExpression(layout['icon-offset'], { type: 'array', value: 'number', length: 2 });

  it('is each mark\'s [dx, dy], read from numbers, also where the tiles keep "offset" as a string', () => {
    const { data } = placeMarks(places, everything);
    const features = [...data['story-marks'].features, ...data['story-marks-dense'].features];
    expect(features.length).toBeGreaterThan(0);
    for (const f of features) {
      // As a vector tile keeps the properties: an array becomes its JSON.
      const tiled = { ...f.properties, offset: JSON.stringify(f.properties.offset) };
      const got = offset(tiled) as number[];
      expect(got[0]).toBeCloseTo(f.properties.offset[0], 6);
      expect(got[1]).toBeCloseTo(f.properties.offset[1], 6);
    }
  });
});
