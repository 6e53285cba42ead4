/**
 * The figures-over-time chart's layout (src/ui/FigureSeries.svelte draws it as SVG): a pure function of a
 * series (src/story/figures.ts) and the chart's size. Each figure is drawn over the days its date covers
 * (a day's figure at its day, a week's or a month's across the whole of it, never on a day the article does
 * not give) and over the values its qualifier allows ("about 100,000": 90,000 to 110,000; "more than":
 * open upwards, to the plot's edge, with an arrow). Figures of overlapping windows stand side by side, and
 * each pair that cannot both be true is joined by a "≠". An agency copy is drawn once, by its first carrier;
 * figures without a date are not drawn at all (the table lists them).
 */
import type { FigurePoint, FigureSeries } from '../story/figures';
import { AXIS_CHAR_PX } from './axis';

interface ChartMark {
  key: string;
  /** A dot: one day, one value. A range: one day, several values. A window: several days, one value. A box: both. */
  shape: 'dot' | 'range' | 'window' | 'box';
  /** The days it covers, px (a day's figure: the day's own width, about its centre). */
  x0: number;
  x1: number;
  /** Where it stands: the window's centre, moved aside when it shares its days with another figure. */
  cx: number;
  /** Its value, and the top and bottom of the values it allows, px (top ≤ bottom). */
  y: number;
  top: number;
  bottom: number;
  /** The range has no end above (or below) and is drawn to the plot's edge with an arrow. */
  openUp: boolean;
  openDown: boolean;
  differs: boolean;
  /** Its value as the label prints it, and where; null when there is no room (the title and the table give it). */
  label: { text: string; x: number; y: number; anchor: 'start' | 'end' } | null;
}

interface FigureChart {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  marks: ChartMark[];
  /** Each pair that cannot both be true: the two marks, to join. */
  pairs: [ChartMark, ChartMark][];
  yTicks: { y: number; label: string }[];
  xTicks: { x: number; label: string; anchor: 'start' | 'end' }[];
}

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const dayLabel = (n: number) => {
  const d = new Date(n * DAY_MS);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
};
export const thousands = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** A figure's value as the chart prints it: its qualifier's words and the number. */
const valueText = (p: Pick<FigurePoint, 'value' | 'qualifier'>) => `${p.qualifier ? `${p.qualifier} ` : ''}${thousands(p.value)}`;

/** The narrowest a mark is drawn, px: a day's figure stays visible on a long axis. */
const MIN_W = 6;
/** How far apart figures that share their days stand, px. */
const ASIDE = 12;
const LABEL_H = 10;
const MAX_LABELS = 40;

/** A round step for about `n` ticks across `span`. */
function niceStep(span: number, n: number): number {
  const raw = span / n;
  const p = Math.pow(10, Math.floor(Math.log10(raw)));
  const f = raw / p;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
}

export function figureChart(series: FigureSeries, width = 320, height = 170): FigureChart {
  const plot = { left: 56, right: width - 10, top: 12, bottom: height - 22 };
  const drawn = series.points.filter((p) => p.start && p.end && !p.copy_of);
  const chart: FigureChart = { width, height, plot, marks: [], pairs: [], yTicks: [], xTicks: [] };
  if (!drawn.length) return chart;

  // Days: each inclusive day is [d, d + 1); a day of room either side.
  const first = Math.min(...drawn.map((p) => dayNumber(p.start!))) - 1;
  const last = Math.max(...drawn.map((p) => dayNumber(p.end!))) + 2;
  const x = (day: number) => plot.left + ((day - first) / (last - first)) * (plot.right - plot.left);

  // Values: every finite value and bound, a tenth of room above and below (the axis need not start at 0).
  const values = drawn.flatMap((p) => [p.value, p.low, p.high]).filter(Number.isFinite);
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (hi === lo) [lo, hi] = [lo - Math.max(1, Math.abs(lo) * 0.1), hi + Math.max(1, Math.abs(hi) * 0.1)];
  const step = niceStep(hi - lo, 3);
  lo = Math.max(Math.min(0, lo), Math.floor((lo - (hi - lo) * 0.1) / step) * step);
  hi = Math.ceil((hi + (hi - lo) * 0.1) / step) * step;
  const y = (v: number) => plot.bottom - ((v - lo) / (hi - lo)) * (plot.bottom - plot.top);
  for (let v = lo; v <= hi + step / 2; v += step) chart.yTicks.push({ y: y(v), label: thousands(Math.round(v)) });

  const differing = new Set(series.differing.flat());
  for (const p of drawn) {
    const [d0, d1] = [dayNumber(p.start!), dayNumber(p.end!) + 1];
    let [x0, x1] = [x(d0), x(d1)];
    // A day's figure stands at its day, however wide a day is drawn; a week's or a month's spans it.
    const wide = d1 - d0 > 1 && x1 - x0 > MIN_W * 1.5;
    if (!wide) [x0, x1] = [(x0 + x1) / 2 - MIN_W / 2, (x0 + x1) / 2 + MIN_W / 2];
    const openUp = p.high === Infinity;
    const openDown = p.low < lo;
    const top = openUp ? plot.top : y(p.high);
    const bottom = openDown ? plot.bottom : y(p.low);
    const ranged = bottom - top > 1;
    chart.marks.push({
      key: p.key,
      shape: wide ? (ranged ? 'box' : 'window') : ranged ? 'range' : 'dot',
      x0,
      x1,
      cx: (x0 + x1) / 2,
      y: y(p.value),
      top,
      bottom,
      openUp,
      openDown,
      differs: differing.has(p.key),
      label: null,
    });
  }

  // Figures whose days overlap stand side by side, in the series' order.
  const byStart = [...chart.marks].sort((a, b) => a.x0 - b.x0);
  let cluster: ChartMark[] = [];
  let clusterEnd = -Infinity;
  const spread = () => {
    cluster.forEach((m, i) => (m.cx += (i - (cluster.length - 1) / 2) * ASIDE));
    cluster = [];
  };
  for (const m of byStart) {
    if (m.x0 >= clusterEnd) spread();
    cluster.push(m);
    clusterEnd = cluster.length === 1 ? m.x1 : Math.max(clusterEnd, m.x1);
  }
  spread();

  // Labels: right of the mark, else left of it, else none; never over another label or off the plot.
  const boxes: { x0: number; x1: number; y0: number; y1: number }[] = [];
  const byKey = new Map(drawn.map((p) => [p.key, p]));
  // More figures than the plot has room to name: the marks alone (the titles and the table give each).
  const labelled = chart.marks.length <= MAX_LABELS ? chart.marks : [];
  for (const m of labelled) {
    const text = valueText(byKey.get(m.key)!);
    const w = text.length * AXIS_CHAR_PX * 0.9;
    const ly = Math.min(Math.max(m.y + 3, plot.top + LABEL_H), plot.bottom - 2);
    const right = m.shape === 'window' || m.shape === 'box' ? m.x1 + 3 : m.cx + 6;
    const left = m.shape === 'window' || m.shape === 'box' ? m.x0 - 3 : m.cx - 6;
    for (const [at, anchor] of [
      [right, 'start'],
      [left, 'end'],
    ] as const) {
      const b = { x0: anchor === 'start' ? at : at - w, x1: anchor === 'start' ? at + w : at, y0: ly - LABEL_H + 1, y1: ly + 1 };
      const clear =
        b.x0 >= plot.left && b.x1 <= width && boxes.every((o) => b.x1 <= o.x0 || b.x0 >= o.x1 || b.y1 <= o.y0 || b.y0 >= o.y1);
      const overMark = chart.marks.some((o) => o !== m && o.cx > b.x0 - 3 && o.cx < b.x1 + 3 && o.top < b.y1 && o.bottom > b.y0);
      if (clear && !overMark) {
        boxes.push(b);
        m.label = { text, x: at, y: ly, anchor };
        break;
      }
    }
  }

  const markOf = new Map(chart.marks.map((m) => [m.key, m]));
  for (const [a, b] of series.differing) {
    const [ma, mb] = [markOf.get(a), markOf.get(b)];
    if (ma && mb) chart.pairs.push([ma, mb]);
  }
  chart.xTicks = [
    { x: x(first + 1), label: dayLabel(first + 1), anchor: 'start' },
    { x: x(last - 1), label: dayLabel(last - 2), anchor: 'end' },
  ];
  if (last - first <= 3) chart.xTicks.pop();
  return chart;
}
