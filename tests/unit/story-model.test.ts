import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { attribution, formatDate } from '../../src/story/format';
import { countByCategory, eventsAt, mapPlaces, readerBlocks } from '../../src/story/model';
import type { Story } from '../../src/story/types';

const LAYERS = path.resolve(import.meta.dirname, '../../geodata/layers');
const story = {
  ...(JSON.parse(readFileSync(path.join(LAYERS, 'story.json'), 'utf8')) as Omit<Story, 'places'>),
  places: JSON.parse(readFileSync(path.join(LAYERS, 'places.geojson'), 'utf8')) as Story['places'],
} as Story;

describe('formatDate', () => {
  it.each([
    [{ date: '2022-01-25', date_precision: 'day', date_start: '2022-01-25' }, 'Tue 25 Jan 2022'],
    [{ date: '2022-W04', date_precision: 'week', date_start: '2022-01-24' }, 'Week of 24 Jan 2022'],
    [{ date: '2022-02', date_precision: 'month', date_start: '2022-02-01' }, 'February 2022'],
    [{ date: null, date_precision: 'unknown', date_start: null }, 'Date not given'],
  ] as const)('%j → %s', (e, text) => expect(formatDate(e)).toBe(text));
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
    const [belarus] = eventsAt(story, ['belarus'], new Set(['troops']));
    expect(belarus.here.map((e) => e.category).sort()).toEqual(['aircraft', 'drills']);
  });
});

describe('mapPlaces', () => {
  it('counts events by category per place and carries the quantity label', () => {
    const belarus = mapPlaces(story).features.find((f) => f.properties.place_id === 'belarus')!.properties;
    expect(belarus).toMatchObject({
      c_troops: 2,
      c_aircraft: 1,
      c_drills: 1,
      q_label: 'over 100,000 troops',
      q_category: 'troops',
    });
  });

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
