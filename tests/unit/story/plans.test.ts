/**
 * Plans drawn as plans (issue 24, point 10): which stances mean "not happened yet" (story/visibility.ts
 * isPlan, the one rule), what a place and a mark then show (placeView, placeState, markPlan), in a tiled
 * story too (its combos marked by the same rule, its areas' views). The marks' offset, read from numbers,
 * is tests/unit/map/marks.test.ts. Checked on the seed's own story against the rule computed again here from its events.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FeatureCollection, Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { STANCES } from '../../../src/catalogue/schema';
import { decodeStory, type PlaceProperties, type TiledStoryFile } from '../../../src/layers/format';
import { combosOf } from '../../../src/layers/tiled';
import { areaView, tiledLayers } from '../../../src/map/tiledStory';
import { combosVisible } from '../../../src/story/tiled';
import { buildWithFixture } from '../../support/two-sources';
import { markPlan, placeMarks, placeState } from '../../../src/map/data';
import { defaultTheme } from '../../../src/map/theme';
import { placeViews } from '../../../src/story/model';
import type { Story } from '../../../src/story/types';
import { isPlan, marksPlace } from '../../../src/story/visibility';
import { ROOT } from '../../support/helpers';

const layers = path.join(ROOT, 'geodata/layers');
const FIXTURE = path.join(ROOT, 'tests/fixtures/second-source');
const places = JSON.parse(readFileSync(path.join(layers, 'places.geojson'), 'utf8')) as FeatureCollection<
  Geometry,
  PlaceProperties
>;
const story: Story = { ...(JSON.parse(readFileSync(path.join(layers, 'story.json'), 'utf8')) as Omit<Story, 'places'>), places };
const views = placeViews(story, { hidden: new Set() });

describe('a plan is drawn as a plan', () => {
  it('planned and announced are the stances of what has not happened yet; every other stance is not', () => {
    expect(STANCES.filter((s) => isPlan({ stance: s }))).toEqual(['announced', 'planned']);
  });

  it('the seed has plans, at places where nothing else of their category is done', () => {
    const plans = story.events.filter((e) => isPlan(e) && marksPlace(e));
    expect(plans.length).toBeGreaterThan(0);
    const planOnly = [...views].filter(([, v]) => v.planned?.length);
    expect(planOnly.length).toBeGreaterThan(0);
  });

  it("each place's planned categories are those only plans show there, computed again from the events", () => {
    for (const [id, v] of views) {
      const marking = story.events.filter((e) => e.places.includes(id) && marksPlace(e));
      const expected = v.categories.filter((c) => marking.filter((e) => e.category === c).every(isPlan));
      expect(v.planned, id).toEqual(expected);
      // The place itself is a plan when every category it shows is.
      expect(placeState(defaultTheme, v).plan, id).toBe(v.categories.length > 0 && expected.length === v.categories.length);
    }
  });

  it('a mark is a plan when each of its places showing its category shows it by plans alone', () => {
    const { marks } = placeMarks(places, views);
    let plans = 0;
    for (const mark of marks) {
      const expected = mark.places
        .filter((p) => views.get(p)?.categories.includes(mark.category))
        .every((p) =>
          story.events.filter((e) => e.places.includes(p) && marksPlace(e) && e.category === mark.category).every(isPlan),
        );
      expect(markPlan(mark, views), `${mark.places.join()} ${mark.category}`).toBe(expected);
      if (expected) plans++;
    }
    expect(plans).toBeGreaterThan(0);
  });

  it('with the plans hidden by a window, what is left is drawn as done', () => {
    // A window of the publication day: every plan the seed has there is still a plan; no done event turns into one.
    const day = story.sources[0].published.slice(0, 10);
    const now = placeViews(story, { hidden: new Set(), window: { start: day, end: day, mode: 'overlaps' } });
    for (const [id, v] of now) for (const c of v.planned ?? []) expect(views.get(id)?.categories, id).toContain(c);
  });

  it("a tiled story's combos say which are plans, by the same rule, and its areas are drawn as the GeoJSON story's places", () => {
    const tiled = JSON.parse(buildWithFixture(FIXTURE, { tiled: true }).get('story.json')!) as TiledStoryFile;
    const flat = buildWithFixture(FIXTURE);
    const whole: Story = {
      ...decodeStory(JSON.parse(flat.get('story.json')!)),
      places: JSON.parse(flat.get('places.geojson')!) as Story['places'],
    };
    // Every event is in a combo of its own plan-ness: a combo's events are all plans, or none is.
    const { combos, of } = combosOf(whole.events);
    for (const e of whole.events) expect(!!combos[of.get(e)!].plan, e.event_id).toBe(isPlan(e));
    expect(tiled.combos.filter((c) => c.plan).length).toBeGreaterThan(0);
    const views = placeViews(whole, { hidden: new Set() });
    const visible = combosVisible(tiled, { hidden: new Set() });
    let plans = 0;
    for (const a of tiled.areas) {
      const got = areaView(a, tiled, visible);
      expect(got.planned, a.place_id).toEqual(views.get(a.place_id)!.planned);
      expect(placeState(defaultTheme, got).plan, a.place_id).toBe(placeState(defaultTheme, views.get(a.place_id)).plan);
      if (got.planned?.length) plans++;
    }
    expect(plans, 'an area some category of which only plans show').toBeGreaterThan(0);
    // Its marks hollow by the plan state, as the GeoJSON story's are (storyLayers.ts markPaint).
    const marks = tiledLayers(defaultTheme).find((l) => l.id === 'tiled-marks') as unknown as { paint: Record<string, unknown> };
    expect(JSON.stringify(marks.paint['icon-color'])).toContain('["feature-state","plan"]');
    expect(tiledLayers(defaultTheme).map((l) => l.id)).toContain('tiled-story-outline-plan');
  });
});
