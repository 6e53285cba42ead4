/**
 * Drafts on the map as drafts (issue 27, point 5): which events are unreviewed drafts (story/visibility.ts
 * draftSources and isDraft, the one rule), what a place and a mark then show (placeView, placeState,
 * markDraft), the filter that leaves them out (ViewFilter.drafts, `&drafts=hide`) and its counts, and a
 * tiled story telling the same from its combos. Checked on the seed with the second-source fixture article
 * published unreviewed, built through the real validator and layer build. The draft layers and their
 * dashed ring are tests/unit/map/style.test.ts and patterns.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { buildWithFixture } from '../../support/two-sources';
import { decodeStory, type PlaceProperties, type TiledStoryFile } from '../../../src/layers/format';
import { markDraft, placeMarks, placeState } from '../../../src/map/data';
import { defaultTheme } from '../../../src/map/theme';
import { areaView } from '../../../src/map/tiledStory';
import { encodeHash, filterOf, ignoredText, readHash } from '../../../src/state/hash';
import { countByCategory, countBySource, placeViews } from '../../../src/story/model';
import { combosVisible, countCombosByCategory } from '../../../src/story/tiled';
import type { Story } from '../../../src/story/types';
import { countDrafts, draftSources, isDraft, isVisible, marksPlace, type ViewFilter } from '../../../src/story/visibility';
import type { FeatureCollection, Geometry } from 'geojson';
import path from 'node:path';
import { ROOT } from '../../support/helpers';

const FIXTURE = path.join(ROOT, 'tests/fixtures/second-source');
const DRAFT = 'fixture-wire-2022-01-27';
const built = buildWithFixture(FIXTURE, { drafts: [DRAFT] });
const story: Story = {
  ...decodeStory(JSON.parse(built.get('story.json')!)),
  places: JSON.parse(built.get('places.geojson')!) as FeatureCollection<Geometry, PlaceProperties>,
};
const drafts = draftSources(story.sources);
const ALL: ViewFilter = { hidden: new Set() };
const REVIEWED: ViewFilter = { hidden: new Set(), drafts };

describe('which events are drafts', () => {
  it('the sources whose events file says review: draft, and only they, are drafts; every event of one is', () => {
    expect([...drafts]).toEqual([DRAFT]);
    expect(story.sources.length).toBeGreaterThan(1);
    const draftEvents = story.events.filter((e) => isDraft(e, drafts));
    expect(draftEvents.map((e) => e.event_id)).toEqual(['fixture-convoy-kyiv']);
    // The same story built without the flag has no draft at all.
    const reviewed = decodeStory(JSON.parse(buildWithFixture(FIXTURE).get('story.json')!));
    expect(draftSources(reviewed.sources).size).toBe(0);
  });
});

describe('a place and a mark of drafts', () => {
  const views = placeViews(story, ALL);

  it("each place's drafted categories, its draft flag and its count, computed again from the events", () => {
    let mixed = 0;
    for (const [id, v] of views) {
      const here = story.events.filter((e) => e.places.includes(id));
      const marking = here.filter(marksPlace);
      expect(v.drafts, id).toBe(here.filter((e) => isDraft(e, drafts)).length);
      expect(v.draft, id).toBe(here.length > 0 && here.every((e) => isDraft(e, drafts)));
      expect(v.drafted, id).toEqual(
        v.categories.filter((c) => marking.filter((e) => e.category === c).every((e) => isDraft(e, drafts))),
      );
      expect(placeState(defaultTheme, v).draft, id).toBe(!!v.draft);
      if (v.drafts && !v.draft) mixed++;
    }
    // Kyiv: the seed's reviewed events and the draft's convoy; drawn as its reviewed events are.
    expect(mixed).toBeGreaterThan(0);
    expect(views.get('kyiv')).toMatchObject({ draft: false, drafts: 1, drafted: [] });
    expect(placeState(defaultTheme, views.get('kyiv')).color).toBe(defaultTheme.categories[views.get('kyiv')!.category!]);
  });

  it('a place whose visible events are all drafts is a draft; its marks are drafts', () => {
    // The draft's day alone: at Kyiv only the convoy, dated that Thursday, is left.
    const day = story.events.find((e) => e.event_id === 'fixture-convoy-kyiv')!.date_start!;
    const now = placeViews(story, { hidden: new Set(), window: { start: day, end: day, mode: 'overlaps' } });
    expect(now.get('kyiv')).toMatchObject({ visible: true, draft: true, drafts: 1, drafted: ['military-aid'] });
    expect(placeState(defaultTheme, now.get('kyiv')).draft).toBe(true);
    const { marks } = placeMarks(story.places, views);
    const kyivAid = marks.find((m) => m.places.includes('kyiv') && m.category === 'military-aid')!;
    expect(markDraft(kyivAid, now)).toBe(true);
    expect(markDraft(kyivAid, views), 'with the seed’s reviewed aid at Kyiv too, the mark is reviewed').toBe(false);
    // No mark of a reviewed category is ever a draft.
    for (const mark of marks)
      if (markDraft(mark, views))
        for (const p of mark.places)
          expect(
            story.events
              .filter((e) => e.places.includes(p) && e.category === mark.category && marksPlace(e))
              .every((e) => isDraft(e, drafts)),
          ).toBe(true);
  });
});

describe('the drafts filter', () => {
  it('leaves out the drafts and nothing else, through the one visibility rule', () => {
    for (const e of story.events) expect(isVisible(e, REVIEWED), e.event_id).toBe(!isDraft(e, drafts));
    const views = placeViews(story, REVIEWED);
    for (const v of views.values()) expect(v.drafts ?? 0).toBe(0);
    expect(views.get('kyiv')?.visible).toBe(true);
  });

  it("updates the legend's, the sources' and the filter's own counts", () => {
    const all = countByCategory(story.events, ALL);
    const reviewed = countByCategory(story.events, REVIEWED);
    expect(all['military-aid'] - reviewed['military-aid']).toBe(1);
    expect(countBySource(story, REVIEWED).get(DRAFT)).toBe(0);
    // The filter's own count says what it would show, whether it shows it or not.
    expect(countDrafts(story.events, ALL, drafts)).toBe(1);
    expect(countDrafts(story.events, REVIEWED, drafts)).toBe(1);
    expect(countDrafts(story.events, { hidden: new Set(['military-aid']) }, drafts)).toBe(0);
  });

  it('is in the link as &drafts=hide, read back, and applied to the story it is opened with', () => {
    const { view, ignored } = readHash('#5/49/31&place=kyiv&drafts=hide&t=2022-01-20/2022-01-28');
    expect(ignored).toEqual([]);
    expect(view.drafts).toBe('hide');
    expect(encodeHash(view)).toBe('#5/49/31&place=kyiv&drafts=hide&t=2022-01-20/2022-01-28');
    expect(encodeHash({ ...view, drafts: undefined })).toBe('#5/49/31&place=kyiv&t=2022-01-20/2022-01-28');
    expect([...filterOf(view, drafts).drafts!]).toEqual([DRAFT]);
    expect(filterOf(readHash('#5/49/31').view, drafts).drafts).toBeNull();
    // A story without drafts: the key hides nothing.
    expect(filterOf(view, new Set()).drafts).toBeNull();
  });

  it('says what it ignored: a value other than hide', () => {
    const { view, ignored } = readHash('#drafts=show');
    expect(view.drafts).toBeUndefined();
    expect(ignoredText(ignored)).toBe('Ignored from the link: drafts “show”.');
  });
});

describe('a tiled story', () => {
  const tiled = JSON.parse(buildWithFixture(FIXTURE, { drafts: [DRAFT], tiled: true }).get('story.json')!) as TiledStoryFile;

  it('carries its sources’ review, so the one rule finds the same drafts', () => {
    expect([...draftSources(tiled.sources)]).toEqual([DRAFT]);
  });

  it('tells an area a draft, and its drafted categories, as the GeoJSON story tells the same place', () => {
    const day = story.events.find((e) => e.event_id === 'fixture-convoy-kyiv')!.date_start!;
    const views: ViewFilter[] = [ALL, REVIEWED, { hidden: new Set(), window: { start: day, end: day, mode: 'overlaps' } }];
    for (const view of views) {
      const places = placeViews(story, view);
      const visible = combosVisible(tiled, view);
      expect(tiled.areas.length).toBeGreaterThan(0);
      for (const a of tiled.areas) {
        const want = places.get(a.place_id)!;
        const got = areaView(a, tiled, visible);
        expect({ draft: got.draft, drafted: got.drafted, drafts: got.drafts }, a.place_id).toEqual({
          draft: want.draft,
          drafted: want.drafted,
          drafts: want.drafts,
        });
      }
      expect(countCombosByCategory(tiled, view)).toEqual(countByCategory(story.events, view));
    }
  });
});
