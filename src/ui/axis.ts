/**
 * The timeline's month names under its axis, placed so that none overlaps another or runs off the plot.
 * SVG text cannot be measured before it is drawn, so each name's width is reckoned from its letters at
 * the axis's size (10 px Noto Sans: its widest digits and capitals are under 0.6 em), on the wide side.
 */

interface AxisMonth {
  /** Where the month starts on the plot, px from its left. */
  x: number;
  label: string;
}
interface AxisLabel extends AxisMonth {
  /** Where the text is anchored, and how: at its start after the tick, or at its end against the right edge. */
  at: number;
  anchor: 'start' | 'end';
}

export const AXIS_CHAR_PX = 6;
/** Space kept between two names, and between a tick and the name that follows it. */
export const AXIS_GAP_PX = 6;
const TICK_PAD = 2;

/** The names to draw, left to right: a name that would overlap the one before it is left out (its tick stays). */
export function axisLabels<M extends AxisMonth>(months: readonly M[], width: number): (M & AxisLabel)[] {
  const out: (M & AxisLabel)[] = [];
  let end = -Infinity;
  for (const m of months) {
    const w = m.label.length * AXIS_CHAR_PX;
    // A month that starts near the right edge is named up to the edge, not cut by it.
    const fits = m.x + TICK_PAD + w <= width - 1;
    const left = fits ? m.x + TICK_PAD : width - 1 - w;
    if (left < 0 || left < end + AXIS_GAP_PX) continue;
    out.push({ ...m, at: fits ? left : width - 1, anchor: fits ? 'start' : 'end' });
    end = left + w;
  }
  return out;
}
