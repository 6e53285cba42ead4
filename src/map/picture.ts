/**
 * "Download PNG": the map's own WebGL canvas, drawn once more on demand (a `render` after
 * `triggerRepaint`, read in that same frame, so no `preserveDrawingBuffer` cost on every frame), composed
 * on a 2D canvas with a title, a legend of what the view shows, the date window, the sources and the
 * map's credits. Every word is drawn with fillText: nothing from data is interpreted as HTML.
 */
import type { Map as MaplibreMap } from 'maplibre-gl';
import { CATEGORIES, PRECISIONS, type Category, type Precision } from '../catalogue/vocabulary';
import { CATEGORY_LABELS, PRECISION_LABELS, publishedText } from '../story/format';
import { exportFeatures } from '../story/export';
import { placeViews } from '../story/model';
import type { Story } from '../story/types';
import { isVisible, type ViewFilter } from '../story/visibility';
import { independentSources } from '../story/across';
import { defaultTheme } from './theme';
import { CATEGORY_SHAPES, shapePath } from './symbols';
import { drawNow } from './firstView';

/** The credits of the map, in words (attribution.ts has the same, as links, for the page). */
const PNG_CREDITS = 'Map data: Natural Earth (public domain); GeoNames (CC BY 4.0); font Noto Sans (OFL 1.1)';

interface PictureText {
  title: string;
  categories: { category: Category; label: string; colour: string }[];
  precisions: { precision: Precision; label: string }[];
  /** The map shows a hollow mark, dot or area: some category at a visible place is only planned there. */
  plans: boolean;
  /** The map shows a grey seat: a capital at which only events listed there as a seat are visible. */
  seat: boolean;
  /** The map draws some place's count of independent sources (2 or more: storyLayers.ts SOURCE_COUNTS). */
  counts: boolean;
  window: string;
  sources: string;
  credits: string;
}

/** What the picture says of a view: the categories and precisions its visible records have, in the legend's order. */
export function pictureText(story: Story, filter: ViewFilter): PictureText {
  const rows = exportFeatures(story, filter).map((f) => f.properties);
  const cats = new Set(rows.map((r) => r.category));
  const precs = new Set(rows.map((r) => r.location_precision));
  const shown = story.sources.filter((s) => !filter.sources || filter.sources.has(s.id));
  const w = filter.window;
  // What the map draws, from the one rule that draws it (visibility.ts placeView, data.ts placeState).
  const views = [...placeViews(story, filter).values()].filter((v) => v.visible);
  return {
    title: shown.map((s) => s.title).join('; ') || 'Situation map',
    categories: CATEGORIES.filter((c) => cats.has(c)).map((c) => ({
      category: c,
      label: CATEGORY_LABELS[c],
      colour: defaultTheme.categories[c],
    })),
    precisions: PRECISIONS.filter((p) => precs.has(p)).map((p) => ({ precision: p, label: PRECISION_LABELS[p] })),
    plans: views.some((v) => (v.planned?.length ?? 0) > 0),
    seat: views.some((v) => v.category === null),
    counts: [
      ...independentSources(
        story.events.filter((e) => isVisible(e, filter)),
        story.sources,
      ).values(),
    ].some((n) => n >= 2),
    window: w ? `Dates: ${w.start} to ${w.end} (${w.mode === 'within' ? 'within' : 'overlapping'})` : 'Dates: all',
    sources: `Sources: ${shown.map((s) => `${s.publisher}, ${publishedText(s.published)}`).join('; ')}`,
    credits: PNG_CREDITS,
  };
}

/** The file's name: the story (its first source's date) and the view (zoom). */
export function pngName(story: Story, zoom: number, scale: number): string {
  const day = story.sources.map((s) => s.published).sort()[0] ?? 'story';
  return `situation-map-${day}-z${zoom.toFixed(1)}${scale === 1 ? '' : `@${scale}x`}.png`;
}

/** The map's canvas as drawn in the next frame, at `ratio` device pixels per CSS pixel (restored after). */
async function mapPixels(map: MaplibreMap, ratio: number): Promise<HTMLCanvasElement> {
  // The first view's frames may still be held (firstView.ts): this one is drawn, whatever has loaded.
  drawNow(map);
  const before = map.getPixelRatio();
  if (ratio !== before) map.setPixelRatio(ratio);
  try {
    return await new Promise<HTMLCanvasElement>((resolve, reject) => {
      map.once('render', () => {
        // Read inside the frame that drew it: the drawing buffer is still whole here.
        try {
          resolve(copyOf(map.getCanvas()));
        } catch (err) {
          reject(err);
        }
      });
      map.triggerRepaint();
    });
  } finally {
    if (ratio !== before) map.setPixelRatio(before);
  }
}

/**
 * The map for printing: drawn once, synchronously (MapLibre's `redraw`), and copied in the same task, while
 * its drawing buffer is still whole. `beforeprint` gives no time for a frame to come: the copy is taken
 * inside the handler, onto `into`, which prints in the WebGL canvas's place (print.css).
 */
export function mapSnapshot(map: MaplibreMap, into: HTMLCanvasElement): void {
  drawNow(map);
  map.redraw();
  copyOf(map.getCanvas(), into);
}

/** `copy` (a new canvas unless given) made to hold what `src` shows now, pixel for pixel. */
function copyOf(src: HTMLCanvasElement, copy = document.createElement('canvas')): HTMLCanvasElement {
  copy.width = src.width;
  copy.height = src.height;
  const ctx = copy.getContext('2d');
  if (!ctx) throw new Error('This browser gave no 2D canvas to draw the picture on.');
  ctx.drawImage(src, 0, 0);
  return copy;
}

const FONT = 'Noto Sans, system-ui, sans-serif';
const INK = '#111111';
const MUTED = '#444444';

/** Wraps `text` to lines no wider than `width` (in the context's current font). */
function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (line && ctx.measureText(next).width > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** Where the legend went in the picture, and the widest text in it: for a check that nothing was cut. */
interface LegendBox {
  x: number;
  y: number;
  width: number;
  height: number;
  widestText: number;
  textLeft: number;
}

/**
 * The picture: a title band above the map, a legend column right of it, and the window, sources and
 * credits below, all at `scale` (the map at the same pixel ratio).
 */
function composePicture(
  mapCanvas: HTMLCanvasElement,
  text: PictureText,
  scale: number,
): { canvas: HTMLCanvasElement; legend: LegendBox } {
  const s = scale;
  const pad = 12 * s;
  const legendW = 200 * s;
  const mapW = mapCanvas.width;
  const mapH = mapCanvas.height;
  const canvas = document.createElement('canvas');
  const measure = canvas.getContext('2d');
  if (!measure) throw new Error('This browser gave no 2D canvas to draw the picture on.');
  const width = mapW + legendW + 3 * pad;
  measure.font = `bold ${16 * s}px ${FONT}`;
  const titleLines = wrap(measure, text.title, width - 2 * pad);
  measure.font = `${12 * s}px ${FONT}`;
  const footLines = [text.window, text.sources, text.credits].flatMap((t) => wrap(measure, t, width - 2 * pad));
  const titleH = titleLines.length * 20 * s;
  const footH = footLines.length * 16 * s;
  canvas.width = width;
  canvas.height = pad + titleH + pad + mapH + pad + footH + pad;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.textBaseline = 'top';
  ctx.fillStyle = INK;
  ctx.font = `bold ${16 * s}px ${FONT}`;
  titleLines.forEach((l, i) => ctx.fillText(l, pad, pad + i * 20 * s));
  const mapY = pad + titleH + pad;
  ctx.drawImage(mapCanvas, pad, mapY);
  ctx.strokeStyle = '#888888';
  ctx.lineWidth = s;
  ctx.strokeRect(pad, mapY, mapW, mapH);

  // The legend: each category's mark (its shape, filled with its colour) and name, then the precisions.
  const lx = pad + mapW + pad;
  const textLeft = lx + 22 * s;
  let y = mapY;
  let widest = 0;
  const put = (t: string, x: number, font: string, colour = INK) => {
    ctx.font = font;
    ctx.fillStyle = colour;
    ctx.fillText(t, x, y);
    widest = Math.max(widest, x - lx + ctx.measureText(t).width);
  };
  /** A disc in the legend's 14-pixel cell at the row, filled and edged: the seat's dot, the count's ground. */
  const disc = (radius: number, fill: string, edge: string) => {
    ctx.beginPath();
    ctx.arc(lx + 7 * s, y + 7 * s, radius * s, 0, 2 * Math.PI);
    ctx.fillStyle = fill;
    ctx.fill();
    ctx.strokeStyle = edge;
    ctx.lineWidth = 1.5 * s;
    ctx.stroke();
  };
  put('What the map shows', lx, `bold ${13 * s}px ${FONT}`);
  y += 20 * s;
  /** A category's mark in a 14-pixel cell at the row: filled with its colour, or hollow and edged in it (a plan). */
  const mark = (category: Category, colour: string, planned: boolean) => {
    const path = new Path2D(shapePath(CATEGORY_SHAPES[category]));
    ctx.save();
    // The path's square is (-1.2, -1.2) to (1.2, 1.2): centred on a 14-pixel cell.
    ctx.translate(lx + 7 * s, y + 7 * s);
    ctx.scale((7 * s) / 1.2, (7 * s) / 1.2);
    ctx.fillStyle = planned ? '#ffffff' : colour;
    ctx.fill(path);
    ctx.strokeStyle = planned ? colour : defaultTheme.basemap.markEdge;
    ctx.lineWidth = (planned ? 2.4 : 1.2) / 7;
    ctx.stroke(path);
    ctx.restore();
  };
  for (const c of text.categories) {
    mark(c.category, c.colour, false);
    put(c.label, textLeft, `${12 * s}px ${FONT}`);
    y += 18 * s;
  }
  // The key of a plan's hollow mark, when the view's map draws one (a grey seat's is with the precisions).
  const first = text.categories[0];
  if (text.plans && first) {
    y += 6 * s;
    put('Done, or not yet', lx, `bold ${13 * s}px ${FONT}`);
    y += 20 * s;
    mark(first.category, first.colour, false);
    put('Done or under way', textLeft, `${12 * s}px ${FONT}`);
    y += 18 * s;
    mark(first.category, first.colour, true);
    put('Not yet done: outlined', textLeft, `${12 * s}px ${FONT}`);
    y += 18 * s;
  }
  if (text.precisions.length) {
    y += 6 * s;
    put('Placed by the article at', lx, `bold ${13 * s}px ${FONT}`);
    y += 20 * s;
    for (const p of text.precisions) {
      const st = defaultTheme.precision[p.precision];
      ctx.save();
      ctx.globalAlpha = Math.max(st.fillOpacity, 0.05) + 0.1;
      ctx.fillStyle = '#555555';
      ctx.fillRect(lx, y, 16 * s, 12 * s);
      ctx.restore();
      ctx.strokeStyle = '#333333';
      ctx.lineWidth = st.outlineWidth * s * 0.75;
      ctx.setLineDash(st.dash.map((d) => d * st.outlineWidth * s));
      ctx.strokeRect(lx, y, 16 * s, 12 * s);
      ctx.setLineDash([]);
      put(p.label, textLeft, `${12 * s}px ${FONT}`);
      y += 18 * s;
    }
  }
  if (text.seat) {
    if (!text.precisions.length) {
      y += 6 * s;
      put('Placed by the article at', lx, `bold ${13 * s}px ${FONT}`);
      y += 20 * s;
    }
    disc(5, defaultTheme.basemap.seat, '#ffffff');
    // Under "Placed by the article at", in two lines: the legend column is narrow.
    put('no place given: listed grey', textLeft, `${12 * s}px ${FONT}`);
    y += 15 * s;
    put("at the government's capital", textLeft, `${12 * s}px ${FONT}`);
    y += 18 * s;
  }
  if (text.counts) {
    // The count's disc as the map draws it (patterns.ts badge): the text's colour, edged white, a white number.
    y += 6 * s;
    put('How many sources', lx, `bold ${13 * s}px ${FONT}`);
    y += 20 * s;
    disc(7, defaultTheme.basemap.text, defaultTheme.basemap.halo);
    ctx.textAlign = 'center';
    put('3', lx + 7 * s, `bold ${10 * s}px ${FONT}`, defaultTheme.basemap.halo);
    ctx.textAlign = 'start';
    put('independent sources', textLeft, `${12 * s}px ${FONT}`);
    y += 18 * s;
  }
  const legend: LegendBox = { x: lx, y: mapY, width: legendW, height: y - mapY, widestText: widest, textLeft };

  ctx.font = `${12 * s}px ${FONT}`;
  ctx.fillStyle = MUTED;
  footLines.forEach((l, i) => ctx.fillText(l, pad, mapY + mapH + pad + i * 16 * s));
  return { canvas, legend };
}

/** The whole picture of the view, as PNG bytes, with where its legend is. */
export async function viewPng(
  map: MaplibreMap,
  story: Story,
  filter: ViewFilter,
  scale: number,
): Promise<{ blob: Blob; name: string; legend: LegendBox }> {
  const pixels = await mapPixels(map, scale);
  const { canvas, legend } = composePicture(pixels, pictureText(story, filter), scale);
  const blob = await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The picture could not be encoded as PNG.'))), 'image/png'),
  );
  return { blob, name: pngName(story, map.getZoom(), scale), legend };
}
