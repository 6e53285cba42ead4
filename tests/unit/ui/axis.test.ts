import { describe, expect, it } from 'vitest';
import { AXIS_CHAR_PX, AXIS_GAP_PX, axisLabels } from '../../../src/ui/axis';

const box = (l: ReturnType<typeof axisLabels>[number]) => {
  const w = l.label.length * AXIS_CHAR_PX;
  return l.anchor === 'start' ? [l.at, l.at + w] : [l.at - w, l.at];
};

describe('axisLabels', () => {
  it('names every month where there is room, each after its tick', () => {
    const months = [
      { x: 0, label: 'December 2021' },
      { x: 200, label: 'January 2022' },
      { x: 400, label: 'February 2022' },
    ];
    expect(axisLabels(months, 600).map((l) => [l.label, l.at, l.anchor])).toEqual([
      ['December 2021', 2, 'start'],
      ['January 2022', 202, 'start'],
      ['February 2022', 402, 'start'],
    ]);
  });

  it('ends a name near the right edge at the edge, and leaves out one that would overlap (seen at 1000 px)', () => {
    // The seed story's axis in a 286 px plot: February and March start 44 px apart near the end.
    const months = [
      { x: 0, label: 'December 2021' },
      { x: 100, label: 'January 2022' },
      { x: 230, label: 'February 2022' },
      { x: 274, label: 'March 2022' },
    ];
    const labels = axisLabels(months, 286);
    expect(labels.map((l) => l.label)).toEqual(['December 2021', 'January 2022', 'February 2022']);
    expect(labels.at(-1)).toMatchObject({ at: 285, anchor: 'end' });
  });

  it('never overlaps, never leaves the plot, however many months and however narrow', () => {
    for (const width of [60, 110, 286, 500, 1200]) {
      const months = Array.from({ length: 40 }, (_, i) => ({
        x: (i * width) / 40,
        label: i % 2 ? 'May 2022' : 'September 2022',
      }));
      const boxes = axisLabels(months, width).map(box);
      for (const [a, b] of boxes) expect(a >= 0 && b <= width).toBe(true);
      for (let i = 1; i < boxes.length; i++) expect(boxes[i][0]).toBeGreaterThanOrEqual(boxes[i - 1][1] + AXIS_GAP_PX);
    }
  });
});
