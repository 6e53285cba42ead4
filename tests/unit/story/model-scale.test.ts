/**
 * The story's lookups at the benchmark's scale: the article reader's segments and the events at a place
 * give what the plain scans they replaced gave. (The build at scale is tests/unit/layers/build-scale.test.ts,
 * what the map is given tests/unit/map/marks.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { loadStory } from '../../../src/story/load';
import { eventsAt, readerBlocks } from '../../../src/story/model';
import type { StoryEvent, StorySource } from '../../../src/story/types';
import { filesFetch, ROOT, tempProject } from '../../support/helpers';
import { mulberry32 } from '../../support/prng';
import { writeSyntheticLayers } from '../../support/synthetic';

describe('the story lookups at scale', () => {
  const text = 'x'.repeat(500);
  /** The reader's segments the way they were first written: every excerpt against every block. */
  function plainReaderBlocks(source: StorySource, events: StoryEvent[]) {
    const spans = events.flatMap((e) =>
      e.excerpts.filter(() => e.source_id === source.id).map((x) => ({ start: x.start, end: x.end, id: e.event_id })),
    );
    return source.blocks.map((b) => {
      const cuts = new Set([b.start, b.end]);
      for (const s of spans) {
        if (s.start > b.start && s.start < b.end) cuts.add(s.start);
        if (s.end > b.start && s.end < b.end) cuts.add(s.end);
      }
      const points = [...cuts].sort((x, y) => x - y);
      return {
        kind: b.kind,
        start: b.start,
        segments: points.slice(0, -1).map((start, i) => ({
          start,
          end: points[i + 1],
          text: text.slice(start, points[i + 1]),
          events: [...new Set(spans.filter((s) => s.start <= start && s.end >= points[i + 1]).map((s) => s.id))],
        })),
      };
    });
  }

  it('readerBlocks cuts the text as a scan of every excerpt against every block would', () => {
    const rand = mulberry32(11);
    const int = (k: number) => Math.floor(rand() * k);
    for (let t = 0; t < 200; t++) {
      const blocks: StorySource['blocks'] = [];
      for (let at = 0; at < 480;) {
        const start = at + int(4);
        const end = Math.min(500, start + 1 + int(70));
        blocks.push({ kind: 'paragraph', start, end });
        at = end;
      }
      const events = Array.from({ length: 1 + int(10) }, (_, k) => ({
        event_id: `e${k}`,
        source_id: rand() < 0.9 ? 's' : 'other',
        excerpts: Array.from({ length: 1 + int(3) }, () => {
          const start = int(490);
          return { start, end: Math.min(500, start + 1 + int(150)), text: '', block: 'paragraph' as const };
        }),
      })) as unknown as StoryEvent[];
      const source = { id: 's', blocks, text_content: text } as unknown as StorySource;
      expect(readerBlocks(source, events)).toEqual(plainReaderBlocks(source, events));
    }
  });

  it('eventsAt finds the same events through the index as by scanning them all', async () => {
    const dir = tempProject([], ROOT, 'bench-');
    writeSyntheticLayers(400, dir, ROOT);
    const { story, failures } = await loadStory('/s/', filesFetch(dir));
    expect(failures).toEqual([]);
    const ids = story!.places.features.map((f) => f.properties.place_id).filter((_, i) => i % 7 === 0);
    const hidden = new Set(['drills'] as const);
    const entries = eventsAt(story!, ids, { hidden });
    expect(entries).toHaveLength(ids.length);
    expect(entries.some((entry) => entry.here.length > 0)).toBe(true);
    for (const entry of entries) {
      const visible = story!.events.filter((e) => !hidden.has(e.category as 'drills'));
      expect(entry.here).toEqual(visible.filter((e) => e.places.includes(entry.place.place_id)));
      expect(entry.about).toEqual(visible.filter((e) => e.about.includes(entry.place.place_id)));
    }
  });
});
