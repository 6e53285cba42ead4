/**
 * The one arithmetic of a row of category marks (src/layers/markRow.ts), which the tiled form's archive
 * and the map's marks both use: legend order, distinct, whole half-step slots, and the row beside a label
 * hung to one side.
 */
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../../src/catalogue/vocabulary';
import { markRow, MAX_SLOT } from '../../../src/layers/markRow';

describe('a row of marks', () => {
  it('is in legend order, each category once, centred on its point in half steps', () => {
    expect(markRow(['statement', 'troops', 'statement', 'naval'])).toEqual([
      { category: 'troops', slot: -2 },
      { category: 'naval', slot: 0 },
      { category: 'statement', slot: 2 },
    ]);
    expect(markRow(['diplomacy'])).toEqual([{ category: 'diplomacy', slot: 0 }]);
    expect(markRow([])).toEqual([]);
  });

  it('lies wholly before or after its point, half a step from it, when a label hangs to one side', () => {
    // Two marks: before the point at -1.5 and -0.5 steps; after it at 0.5 and 1.5.
    expect(markRow(['troops', 'drills'], 'before').map((m) => m.slot / 2)).toEqual([-1.5, -0.5]);
    expect(markRow(['troops', 'drills'], 'after').map((m) => m.slot / 2)).toEqual([0.5, 1.5]);
  });

  it('never goes past MAX_SLOT centred, whatever the categories', () => {
    const widest = markRow([...CATEGORIES].reverse());
    expect(widest.map((m) => m.category)).toEqual([...CATEGORIES]);
    expect(Math.max(...widest.map((m) => Math.abs(m.slot)))).toBe(MAX_SLOT);
    for (const m of widest) expect(Number.isInteger(m.slot)).toBe(true);
  });
});
