/**
 * The figures-over-time chart's layout (src/ui/figureChart.ts) on the seed's 59 → 62 and the fixture
 * corpus's troops near the border: a week's figure across its week, a day's at its day, "about" as a span,
 * differing figures side by side and joined, an agency copy drawn once, an undated figure not drawn.
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { decodeStory } from '../../../src/layers/format';
import { figureSeries, type FigureEvent, type FigureSeries } from '../../../src/story/figures';
import { figureChart } from '../../../src/ui/figureChart';
import { buildWithFixture } from '../../support/two-sources';

import { ROOT, seedStory } from '../../support/helpers';
const BORDER = 'russia-near-ukraine-border';
const seed = seedStory();
const corpus = decodeStory(
  JSON.parse(buildWithFixture(path.join(ROOT, 'tests/fixtures/across-sources'), { seed: false }).get('story.json')!),
);
const btg = figureSeries(seed.events as FigureEvent[], seed.sources, BORDER).find((s) => s.unit === 'battalion tactical groups')!;
const [troops] = figureSeries(corpus.events as FigureEvent[], corpus.sources, BORDER);

describe('figureChart', () => {
  it('draws the week of 17 January across its seven days and 26 January as a dot, each at its value', () => {
    const c = figureChart(btg);
    const [was, now] = c.marks;
    expect([was.key, was.shape, now.key, now.shape]).toEqual([
      'battalion-tactical-groups:earlier',
      'window',
      'battalion-tactical-groups',
      'dot',
    ]);
    // Seven days wide; 26 January lies three days past the week's end.
    const perDay = (was.x1 - was.x0) / 7;
    expect(now.cx - was.x1).toBeCloseTo(perDay * 2.5, 5);
    expect(now.y).toBeLessThan(was.y);
    expect(c.marks.map((m) => m.label?.text)).toEqual(['59', '62']);
    expect(c.pairs).toEqual([]);
    for (const m of c.marks) {
      expect(m.x0).toBeGreaterThanOrEqual(c.plot.left);
      expect(m.x1).toBeLessThanOrEqual(c.plot.right);
    }
    expect(c.xTicks.map((t) => t.label)).toEqual(['17 Jan', '26 Jan']);
  });

  it('draws "about 100,000" as a span, the copy once, and the two figures of one Monday side by side, joined', () => {
    const c = figureChart(troops);
    expect(c.marks.map((m) => [m.key, m.shape])).toEqual([
      ['hl10-troops', 'range'],
      ['vc17-troops', 'dot'],
      ['np24-troops', 'dot'],
      ['vc25-troops', 'range'],
      ['np04-troops', 'dot'],
    ]);
    const at = new Map(c.marks.map((m) => [m.key, m]));
    const about = at.get('hl10-troops')!;
    // 90,000 to 110,000: the span's top is the 110,000 figure's height.
    expect(about.top).toBeCloseTo(at.get('vc17-troops')!.y, 5);
    const [np, vc] = [at.get('np24-troops')!, at.get('vc25-troops')!];
    expect(vc.cx - np.cx).toBeGreaterThanOrEqual(10);
    expect([np.differs, vc.differs, about.differs]).toEqual([true, true, false]);
    expect(c.pairs.map(([a, b]) => [a.key, b.key])).toEqual([['np24-troops', 'vc25-troops']]);
  });

  it('draws an open range to the plot’s edge and leaves an undated figure out', () => {
    const s: FigureSeries = {
      ...troops,
      points: [
        { ...troops.points[0], key: 'more', qualifier: 'more than', low: 100000, high: Infinity },
        { ...troops.points[1], key: 'none', start: null, end: null, precision: 'unknown' },
        { ...troops.points[2], key: 'day' },
      ],
      differing: [],
    };
    const c = figureChart(s);
    expect(c.marks.map((m) => [m.key, m.openUp, m.top === c.plot.top])).toEqual([
      ['more', true, true],
      ['day', false, false],
    ]);
  });
});
