/**
 * Who says it (issue 28): each event's claimant side carried from its file's `claimants` map into both
 * forms of the story, the claimant filter through the one visibility rule, its counts, and its link.
 * The expected sides were written down from the fixture corpus's files before the code.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeStory, type TiledStoryFile } from '../../../src/layers/format';
import { countBySource } from '../../../src/story/model';
import { combosVisible, countCombosBySource } from '../../../src/story/tiled';
import { countBySide, isVisible, SIDES_SHOWN, type SideShown, type ViewFilter } from '../../../src/story/visibility';
import { encodeHash, filterOf, ignoredText, readHash } from '../../../src/state/hash';
import { buildWithFixture } from '../../support/two-sources';

const CORPUS = path.resolve(import.meta.dirname, '../../fixtures/across-sources');
const storyText = buildWithFixture(CORPUS, { seed: false }).get('story.json')!;
const story = decodeStory(JSON.parse(storyText));
const tiled = JSON.parse(buildWithFixture(CORPUS, { seed: false, tiled: true }).get('story.json')!) as TiledStoryFile;

const SIDES: Record<string, SideShown> = {
  'hl10-troops': 'us',
  'hl10-shelling': 'ukraine',
  'np24-troops': 'ukraine',
  'np04-troops': 'nato',
  'np04-background': 'media',
  'pd24-troops': 'ukraine',
  'vc17-troops': 'nato',
  'vc17-shelling': 'media',
  'vc25-troops': 'us',
  'vc25-denial': 'russia',
};
const NO_PLACES = { type: 'FeatureCollection' as const, features: [] };
const only = (...sides: SideShown[]): ViewFilter => ({ hidden: new Set(), sides: new Set(sides) });

describe('claimant sides in the story', () => {
  it("gives each event its claimant's side from its file, the outlet's own reporting 'media'", () => {
    expect(Object.fromEntries(story.events.map((e) => [e.event_id, e.side]))).toEqual(SIDES);
  });

  it('carries the side into a tiled story: each combo one side, its events counted as the whole story counts them', () => {
    expect(tiled.tiled).toBeDefined();
    expect(tiled.combos.every((c) => c.side && SIDES_SHOWN.includes(c.side))).toBe(true);
    const all: ViewFilter = { hidden: new Set() };
    expect(countBySide(tiled.combos, all, (c) => c.events)).toEqual(countBySide(story.events, all));
    for (const side of SIDES_SHOWN) {
      const v = only(side);
      expect(countCombosBySource(tiled, v), side).toEqual(countBySource({ ...story, places: NO_PLACES }, v));
      const shown = tiled.combos.filter((_, i) => combosVisible(tiled, v)[i]).reduce((n, c) => n + c.events, 0);
      expect(shown, side).toBe(story.events.filter((e) => isVisible(e, v)).length);
    }
  });

  it('reads a story file without sides as "side not given", never a guessed side', () => {
    const json = JSON.parse(storyText) as { events: { side?: unknown }[] };
    for (const e of json.events) delete e.side;
    const old = decodeStory(json);
    expect(old.events.every((e) => e.side === null)).toBe(true);
    expect(countBySide(old.events, { hidden: new Set() }).unknown).toBe(10);
    expect(old.events.filter((e) => isVisible(e, only('unknown')))).toHaveLength(10);
    expect(old.events.filter((e) => isVisible(e, only('media')))).toHaveLength(0);
  });
});

describe('the claimant filter', () => {
  it('shows only the sides chosen, with every other filter', () => {
    const ids = (v: ViewFilter) => story.events.filter((e) => isVisible(e, v)).map((e) => e.event_id);
    expect(ids(only('russia'))).toEqual(['vc25-denial']);
    expect(ids(only('us', 'nato')).sort()).toEqual(['hl10-troops', 'np04-troops', 'vc17-troops', 'vc25-troops']);
    expect(ids({ ...only('us', 'nato'), hidden: new Set(['troops']) })).toEqual([]);
    expect(ids({ ...only('ukraine'), sources: new Set(['plainsview-daily-2022-01-24']) })).toEqual(['pd24-troops']);
    expect(ids({ hidden: new Set(), sides: null })).toHaveLength(10);
  });

  it("counts each side's events in the view, the claimant filter itself aside", () => {
    const expected = { russia: 1, ukraine: 3, us: 2, nato: 2, 'other-government': 0, media: 2, unknown: 0 };
    expect(countBySide(story.events, { hidden: new Set() })).toEqual(expected);
    expect(countBySide(story.events, only('russia'))).toEqual(expected);
    const window: ViewFilter = { hidden: new Set(), window: { start: '2022-01-24', end: '2022-01-25', mode: 'overlaps' } };
    const inWindow = countBySide(story.events, window);
    expect(inWindow.russia).toBe(1);
    expect(inWindow.nato).toBe(0);
  });
});

describe('&claimant= in a link', () => {
  it('reads and writes the sides, in the filter’s order, into the one rule’s filter', () => {
    const { view, ignored } = readHash('#5/49/38&claimant=us,russia');
    expect(ignored).toEqual([]);
    expect(view.sides).toEqual(['russia', 'us']);
    expect(encodeHash(view)).toBe('#5/49/38&claimant=russia,us');
    expect([...filterOf(view, new Set()).sides!]).toEqual(['russia', 'us']);
    expect(filterOf(readHash('#5/49/38').view, new Set()).sides).toBeNull();
  });

  it('ignores a side it does not know and says so, as it does other parts', () => {
    const { view, ignored } = readHash('#claimant=us,martians,<b>x</b>');
    expect(view.sides).toEqual(['us']);
    expect(ignoredText(ignored)).toBe('Ignored from the link: claimant “martians”, claimant “<b>x</b>”.');
  });

  it('keeps the last of two claimant keys, and says the first was ignored', () => {
    const { view, ignored } = readHash('#claimant=us&claimant=nato');
    expect(view.sides).toEqual(['nato']);
    expect(ignored).toEqual([{ what: 'claimant', value: 'us' }]);
  });
});
