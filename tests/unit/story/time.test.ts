import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../../src/catalogue/vocabulary';
import { changeText } from '../../../src/story/format';
import { countByCategory, countBySource, eventsAt } from '../../../src/story/model';
import { addDays, daysBetween, isExactDay, shiftWindow, timelineBins } from '../../../src/story/time';
import type { Story, StoryEvent } from '../../../src/story/types';
import { undatedApart, type TimeWindow, type ViewFilter } from '../../../src/story/visibility';
import { seedProject } from '../../support/helpers';

const LAYERS = path.join(seedProject(), 'geodata/layers');
const story = {
  ...(JSON.parse(readFileSync(path.join(LAYERS, 'story.json'), 'utf8')) as Omit<Story, 'places'>),
  places: JSON.parse(readFileSync(path.join(LAYERS, 'places.geojson'), 'utf8')) as Story['places'],
} as Story;
const byId = (id: string) => story.events.find((e) => e.event_id === id)!;
const day = (d: string, mode: TimeWindow['mode'] = 'overlaps'): ViewFilter => ({
  hidden: new Set(),
  window: { start: d, end: d, mode },
});
const ev = (over: Partial<StoryEvent>): StoryEvent =>
  ({
    event_id: 'x',
    category: 'troops',
    date_start: null,
    date_end: null,
    source_id: 's',
    places: [],
    about: [],
    ...over,
  }) as StoryEvent;

describe('days', () => {
  it('counts and moves by whole days, across months and years', () => {
    expect(daysBetween('2022-01-24', '2022-01-26')).toBe(3);
    expect(daysBetween('2021-12-31', '2022-01-01')).toBe(2);
    expect(addDays('2022-01-31', 1)).toBe('2022-02-01');
    expect(addDays('2022-03-01', -1)).toBe('2022-02-28');
    expect(shiftWindow({ start: '2022-01-24', end: '2022-01-26', mode: 'within' }, 1)).toEqual({
      start: '2022-01-25',
      end: '2022-01-27',
      mode: 'within',
    });
  });
});

describe('timelineBins', () => {
  it('counts a day event on its day and spreads an interval evenly, 1 in all; undated apart', () => {
    const events = [
      ev({ date_start: '2022-01-25', date_end: '2022-01-25' }),
      ev({ category: 'drills', date_start: '2022-01-24', date_end: '2022-01-27' }),
      ev({}),
    ];
    const b = timelineBins(events);
    expect(b.span).toEqual({ start: '2022-01-24', end: '2022-01-27' });
    expect(b.undated).toBe(1);
    const troops = CATEGORIES.indexOf('troops');
    const drills = CATEGORIES.indexOf('drills');
    expect(b.days.map((d) => d.exact[troops])).toEqual([0, 1, 0, 0]);
    expect(b.days.map((d) => d.spread[drills])).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(b.max).toBe(1.25);
    const total = b.days.reduce((s, d) => s + d.exact.reduce((a, x) => a + x, 0) + d.spread.reduce((a, x) => a + x, 0), 0);
    expect(total).toBe(2);
    expect(isExactDay(events[0])).toBe(true);
    expect(isExactDay(events[1])).toBe(false);
  });

  it('keeps a given span, cutting intervals at its edges; the seed spans December 2021 to March 2022', () => {
    const b = timelineBins([ev({ date_start: '2022-01-20', date_end: '2022-01-29' })], {
      start: '2022-01-25',
      end: '2022-01-26',
    });
    expect(b.days.map((d) => d.day)).toEqual(['2022-01-25', '2022-01-26']);
    expect(b.days.map((d) => d.spread[0])).toEqual([0.1, 0.1]);
    const seed = timelineBins(story.events);
    expect(seed.span).toEqual({ start: '2021-12-01', end: '2022-03-09' });
    expect(seed.undated).toBe(story.events.filter((e) => !e.date_start).length);
    // No interval leaves a rounding crumb on the days after it ends.
    expect(seed.days.at(-1)!.spread.every((v) => v >= 0)).toBe(true);
  });
});

describe('a time window through the one visibility rule', () => {
  it('Tuesday 25 January: no fighter jets in Belarus, no aircraft at all; Wednesday 26: they are back', () => {
    const tue = day('2022-01-25');
    const [belarus] = eventsAt(story, ['belarus'], tue);
    expect(belarus.here.map((e) => e.event_id)).not.toContain('fighter-jets-belarus');
    expect(countByCategory(story.events, tue).aircraft).toBe(0);
    const wed = day('2022-01-26');
    expect(eventsAt(story, ['belarus'], wed)[0].here.map((e) => e.event_id)).toContain('fighter-jets-belarus');
    expect(countByCategory(story.events, wed).aircraft).toBe(1);
  });

  it('overlaps keeps a month that meets the window; within keeps only what lies inside it', () => {
    const joint = byId('joint-drills-belarus'); // February 2022
    expect(eventsAt(story, ['belarus'], day('2022-02-10'))[0].here).toContain(joint);
    expect(eventsAt(story, ['belarus'], day('2022-02-10', 'within'))[0].here).not.toContain(joint);
  });

  it('lists undated events apart while a window is set, never on a day', () => {
    const tue = day('2022-01-25');
    const undated = story.events.filter((e) => undatedApart(e, tue));
    expect(undated.length).toBe(story.events.filter((e) => !e.date_start).length);
    expect(undated.every((e) => e.date_precision === 'unknown')).toBe(true);
    expect(story.events.filter((e) => undatedApart(e, { hidden: new Set() }))).toEqual([]);
    const denial = byId('russia-denies-invasion-plans');
    const [at] = eventsAt(story, denial.places, tue);
    expect(at.undated).toContain(denial);
    expect(at.here).not.toContain(denial);
  });

  it('counts events per source whatever the source filter, in the rest of the view', () => {
    const [only] = story.sources;
    expect(countBySource(story, { hidden: new Set(), sources: new Set(['none']) }).get(only.id)).toBe(story.events.length);
    expect(countBySource(story, day('2022-01-25')).get(only.id)).toBe(
      story.events.filter((e) => e.date_start && e.date_start <= '2022-01-25' && e.date_end! >= '2022-01-25').length,
    );
  });
});

describe('changeText: 59 → 62 reads as a change when the window holds both dates', () => {
  const btg = byId('battalion-tactical-groups');
  it('is in the story: the earlier count and the week it was counted in', () => {
    expect(btg.change).toEqual({
      from: 59,
      to: 62,
      unit: 'battalion tactical groups',
      date: '2022-W03',
      date_precision: 'week',
      date_start: '2022-01-17',
      date_end: '2022-01-23',
    });
  });
  it.each([
    [null, '59 → 62 battalion tactical groups (Week of 17 Jan 2022 → Wed 26 Jan 2022)'],
    [
      { start: '2022-01-17', end: '2022-01-26', mode: 'overlaps' },
      '59 → 62 battalion tactical groups (Week of 17 Jan 2022 → Wed 26 Jan 2022)',
    ],
    [
      { start: '2022-01-20', end: '2022-01-26', mode: 'overlaps' },
      '59 → 62 battalion tactical groups (Week of 17 Jan 2022 → Wed 26 Jan 2022)',
    ],
    [{ start: '2022-01-20', end: '2022-01-26', mode: 'within' }, null],
    [{ start: '2022-01-26', end: '2022-01-26', mode: 'overlaps' }, null],
  ] as const)('window %j → %s', (w, text) => expect(changeText(btg, w)).toBe(text));
  it('no change reported, no change text', () => expect(changeText(byId('rostov-drills'), null)).toBeNull());
});
