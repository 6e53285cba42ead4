import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { attribution, formatDate, publishedText, quantityScope } from '../../../src/story/format';
import { countByCategory, eventsAt, notDrawn, placeViews, readerBlocks } from '../../../src/story/model';
import { figureLabel, figureWords, isVisible, quantityWords, type ViewFilter } from '../../../src/story/visibility';
import { CATEGORIES, type Category } from '../../../src/catalogue/vocabulary';
import type { Story } from '../../../src/story/types';
import { seedProject } from '../../support/helpers';

const LAYERS = path.join(seedProject(), 'geodata/layers');
const story = {
  ...(JSON.parse(readFileSync(path.join(LAYERS, 'story.json'), 'utf8')) as Omit<Story, 'places'>),
  places: JSON.parse(readFileSync(path.join(LAYERS, 'places.geojson'), 'utf8')) as Story['places'],
} as Story;

describe('formatDate', () => {
  it.each([
    [{ date: '2022-01-25', date_precision: 'day', date_start: '2022-01-25' }, 'Tue 25 Jan 2022'],
    [{ date: '2022-W04', date_precision: 'week', date_start: '2022-01-24' }, 'Week of 24 Jan 2022'],
    [{ date: '2022-02', date_precision: 'month', date_start: '2022-02-01' }, 'February 2022'],
    [
      { date: '2022-01-27/2022-02-09', date_precision: 'window', date_start: '2022-01-27', date_end: '2022-02-09' },
      'Between 27 Jan and 9 Feb 2022',
    ],
    [
      { date: '2021-12-20/2022-01-05', date_precision: 'window', date_start: '2021-12-20', date_end: '2022-01-05' },
      'Between 20 Dec 2021 and 5 Jan 2022',
    ],
    [{ date: null, date_precision: 'unknown', date_start: null }, 'Date not given'],
  ] as const)('%j → %s', (e, text) => expect(formatDate(e)).toBe(text));
});

describe('publishedText', () => {
  it.each([
    ['2022-01-26', '26 January 2022'],
    ['2021-12-01', '1 December 2021'],
    ['2022-02', '2022-02'],
    ['26 Jan 2022', '26 Jan 2022'],
    ['2022-13-01', '2022-13-01'],
  ])('%s → %s', (iso, text) => expect(publishedText(iso)).toBe(text));
});

describe('quantityScope', () => {
  it('says that a figure of several places is one figure for all of them, and nothing for one place', () => {
    const name = (id: string) => ({ a: 'Russia near the border with Ukraine', b: 'Belarus' })[id] ?? id;
    expect(quantityScope({ places: ['a', 'b'], quantity: 'over 100,000 troops' }, name)).toBe(
      'One figure for two places together: Russia near the border with Ukraine; Belarus',
    );
    expect(quantityScope({ places: ['a', 'b', 'c'], quantity: '3 drills' }, name)).toBe(
      'One figure for three places together: Russia near the border with Ukraine; Belarus; c',
    );
    expect(quantityScope({ places: ['a'], quantity: '62 battalion tactical groups' }, name)).toBeNull();
    expect(quantityScope({ places: ['a', 'b'], quantity: null }, name)).toBeNull();
  });
});

describe('attribution', () => {
  it.each([
    [
      { claim_by: 'A U.S. defense official', claim_kind: 'official', stance: 'reported' },
      'Reported — according to A U.S. defense official',
    ],
    [{ claim_by: 'x', claim_kind: 'article', stance: 'denied' }, 'Denied — as reported by NBC News'],
    [{ claim_by: 'x', claim_kind: 'article', stance: 'reported' }, 'Reported by NBC News'],
    [
      { claim_by: 'Kremlin spokesperson Dmitri Peskov', claim_kind: 'person', stance: 'asserted' },
      'Said — Kremlin spokesperson Dmitri Peskov',
    ],
  ] as const)('%j → %s', (e, text) => expect(attribution(e, 'NBC News')).toBe(text));
});

describe('eventsAt', () => {
  it('lists the most specific place first: Rostov region before the border zone before Russia', () => {
    const entries = eventsAt(story, ['russia', 'russia-near-ukraine-border', 'rostov-region']);
    expect(entries.map((e) => e.place.place_id)).toEqual(['rostov-region', 'russia-near-ukraine-border', 'russia']);
    expect(entries[0].here.map((e) => e.event_id)).toEqual(['rostov-drills']);
  });

  it('keeps events about a place apart from events at it', () => {
    const [ukraine] = eventsAt(story, ['ukraine']);
    expect(ukraine.here.map((e) => e.event_id)).toEqual(['americans-urged-to-leave']);
    expect(ukraine.about.map((e) => e.event_id)).toContain('no-us-forces-into-ukraine');
  });

  it('leaves out hidden categories', () => {
    const [belarus] = eventsAt(story, ['belarus'], { hidden: new Set(['troops']) });
    expect(belarus.here.map((e) => e.category).sort()).toEqual(['aircraft', 'drills']);
  });
});

describe('placeViews: what each place shows in a view', () => {
  const all = { hidden: new Set<Category>() };
  const at = (id: string, view: ViewFilter = all) => placeViews(story, view).get(id)!;

  it('never gives a place a figure it shares with other places (truth.md: a figure has a scope)', () => {
    // "over 100,000 troops near its shared border with Ukraine and in Belarus" is one figure for both.
    const buildup = story.events.find((e) => e.event_id === 'troop-buildup')!;
    expect(buildup.places.length).toBeGreaterThan(1);
    expect(buildup.quantity).toBe('over 100,000 troops');
    for (const id of buildup.places) expect(at(id).quantities.join()).not.toContain('100,000');
  });

  it('gives a place its own figures in their words: the 62, the 59 they are up from, and who said so', () => {
    // Issue 24.1: the label keeps the earlier value's words and the stance ("said"), not the bare figure.
    expect(at('russia-near-ukraine-border').quantities).toEqual([
      '62 Russian battalion tactical groups, up from 59 at this time last week (officials said)',
    ]);
    expect(at('russia-near-ukraine-border', { hidden: new Set(['troops']) }).quantities).toEqual([]);
  });

  it('neither colours nor labels a seat of government with what the article does not place there', () => {
    // Only troops shown: "Washington put 8,500 troops on heightened alert" keeps Washington listed, uncoloured.
    const onlyTroops = { hidden: new Set(CATEGORIES.filter((c) => c !== 'troops')) };
    expect(at('washington', onlyTroops)).toEqual({
      visible: true,
      category: null,
      categories: [],
      quantities: [],
      planned: [],
      draft: false,
      drafted: [],
      drafts: 0,
    });
    // Moscow is listed only as a seat (Russia's statements): shown, in no category's colour.
    expect(at('moscow')).toMatchObject({ visible: true, category: null });
    expect(at('belarus')).toMatchObject({ visible: true, category: 'troops' });
    expect(at('belarus', { hidden: new Set(['troops']) })).toMatchObject({ visible: true, category: 'drills' });
  });

  it('follows the time window and the sources, through the one rule', () => {
    const tuesday = {
      hidden: new Set<Category>(),
      window: { start: '2022-01-25', end: '2022-01-25', mode: 'overlaps' as const },
    };
    // Belarus: the fighter jets are Wednesday's, the buildup undated, the joint drills next month.
    expect(at('belarus', tuesday).visible).toBe(false);
    expect(at('kyiv', tuesday)).toMatchObject({ visible: true, category: 'military-aid' });
    expect(at('kyiv', { hidden: new Set(), sources: new Set(['another-source']) }).visible).toBe(false);
  });
});

describe('isVisible', () => {
  const e = story.events.find((x) => x.event_id === 'joint-drills-belarus')!; // February 2022, a month
  const w = (start: string, end: string, mode: 'overlaps' | 'within') => ({
    hidden: new Set<Category>(),
    window: { start, end, mode },
  });
  it('an interval overlaps a window that meets it, and is within one that holds it', () => {
    expect(isVisible(e, w('2022-02-10', '2022-02-12', 'overlaps'))).toBe(true);
    expect(isVisible(e, w('2022-02-10', '2022-02-12', 'within'))).toBe(false);
    expect(isVisible(e, w('2022-01-31', '2022-03-01', 'within'))).toBe(true);
    expect(isVisible(e, w('2022-01-01', '2022-01-31', 'overlaps'))).toBe(false);
  });
  it('an undated event is in no window', () => {
    const undated = story.events.find((x) => x.date_precision === 'unknown')!;
    expect(isVisible(undated, { hidden: new Set() })).toBe(true);
    expect(isVisible(undated, w('2000-01-01', '2099-12-31', 'overlaps'))).toBe(false);
  });
});

describe('countByCategory', () => {
  it('counts every event once per category in the legend', () => {
    const counts = countByCategory(story.events);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(story.events.length);
    expect(counts.drills).toBe(4);
  });
});

describe('readerBlocks', () => {
  const blocks = readerBlocks(story.sources[0], story.events);

  it('rebuilds each block of the source text exactly from its segments', () => {
    const source = story.sources[0];
    expect(blocks.map((b) => [b.kind, b.start])).toEqual(source.blocks.map((b) => [b.kind, b.start]));
    for (const [i, b] of blocks.entries()) {
      const { start, end } = source.blocks[i];
      const at = `block ${i} (${start}–${end})`;
      expect(b.segments.map((s) => s.text).join(''), at).toBe(source.text_content.slice(start, end));
      // The segments tile the block end to end, none empty, each one's text the source at its own offsets.
      expect(b.segments[0].start, at).toBe(start);
      expect(b.segments.at(-1)!.end, at).toBe(end);
      for (const [k, s] of b.segments.entries()) {
        if (k > 0) expect(s.start, `${at} segment ${k}`).toBe(b.segments[k - 1].end);
        expect(s.end, `${at} segment ${k}`).toBeGreaterThan(s.start);
        expect(s.text, `${at} segment ${k}`).toBe(source.text_content.slice(s.start, s.end));
      }
    }
  });

  it('marks each excerpt with the events that quote it', () => {
    const plane = blocks.flatMap((b) => b.segments).find((s) => s.text.includes('landed in Kyiv on Tuesday'))!;
    expect(plane.events).toContain('us-plane-kyiv');
    const caption = blocks.find((b) => b.kind === 'caption' && b.segments.some((s) => s.text.includes('Yaroslavl')))!;
    expect(caption.segments.flatMap((s) => s.events)).toContain('yaroslavl-drills');
  });
});

describe('notDrawn', () => {
  const day = (d: string): ViewFilter => ({ hidden: new Set(), window: { start: d, end: d, mode: 'overlaps' } });

  it('says what an event with no place is about, apart from where seat-listed events are listed', () => {
    // 20 January 2022: NATO's announcement alone, about eastern Europe, placed nowhere; not "listed at" it.
    expect(notDrawn(story, day('2022-01-20'))).toEqual({ count: 1, places: [], about: ['Eastern Europe (NATO members)'] });
    // 24 January: the 8,500 on alert, listed at Washington, a seat.
    const monday = notDrawn(story, day('2022-01-24'));
    expect(monday.places).toContain('Washington');
    expect(monday.about).not.toContain('Washington');
  });
});

describe('figureLabel', () => {
  const e = {
    quantity: '8,500 troops',
    quantity_previous: null,
    claim_by: 'NBC News',
    claim_kind: 'article',
    stance: 'reported',
  } as const;

  it("prints the article's own figure alone, and anyone else's with who gives it and the stance's verb", () => {
    expect(figureLabel(e)).toBe('8,500 troops');
    expect(figureLabel({ ...e, stance: 'planned' })).toBe('8,500 troops (planned)');
    expect(figureLabel({ ...e, claim_kind: 'official', claim_by: 'a defense official', stance: 'asserted' })).toBe(
      '8,500 troops (an official said)',
    );
    expect(
      figureLabel({ ...e, claim_kind: 'official', claim_by: 'intelligence and defense officials', stance: 'assessed' }),
    ).toBe('8,500 troops (officials assessed)');
    expect(
      figureLabel({ ...e, claim_kind: 'government', claim_by: 'Russia', stance: 'denied', quantity_previous: 'up from 5,000' }),
    ).toBe('8,500 troops, up from 5,000 (Russia denied)');
  });
});

describe('figureWords and quantityWords', () => {
  it('give a figure in its words with the value it is compared with, and an event its first or none', () => {
    expect(figureWords({ text: '3 test trucks', previous: null })).toBe('3 test trucks');
    expect(figureWords({ text: '62 groups', previous: 'up from 59' })).toBe('62 groups, up from 59');
    expect(quantityWords({ quantity: '62 groups', quantity_previous: 'up from 59' })).toBe('62 groups, up from 59');
    expect(quantityWords({ quantity: null, quantity_previous: null })).toBeNull();
  });
});
