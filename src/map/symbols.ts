/**
 * A shape per category, so that no category is told from another by colour alone: on the map (point
 * and area marks, drawn by MapLibre from signed distance fields made here) and in the panels (the same
 * outlines as SVG paths, CategoryMark.svelte). One definition serves both, so the legend always shows
 * what the map draws.
 *
 * Each shape is one or more closed rings in a square of side 2 centred on the origin, y pointing down as
 * on the screen. Rings of one shape never overlap: a point is inside the shape when it is inside one ring.
 */
import type { Category } from '../catalogue/vocabulary';
import type { RasterImage } from './patterns';

type Ring = [number, number][];

/** A regular star or polygon: `points` corners at radius `outer`, alternating with `inner` when given. */
function radial(points: number, outer: number, inner?: number, turn = -Math.PI / 2, cy = 0): Ring {
  const ring: Ring = [];
  const n = inner === undefined ? points : points * 2;
  for (let i = 0; i < n; i++) {
    const r = inner === undefined || i % 2 === 0 ? outer : inner;
    const a = turn + (i * 2 * Math.PI) / n;
    ring.push([r * Math.cos(a), cy + r * Math.sin(a)]);
  }
  return ring;
}

const rotate = (ring: Ring, a: number): Ring =>
  ring.map(([x, y]) => [x * Math.cos(a) - y * Math.sin(a), x * Math.sin(a) + y * Math.cos(a)]);

const PLUS: Ring = [
  [-0.3, -0.95],
  [0.3, -0.95],
  [0.3, -0.3],
  [0.95, -0.3],
  [0.95, 0.3],
  [0.3, 0.3],
  [0.3, 0.95],
  [-0.3, 0.95],
  [-0.3, 0.3],
  [-0.95, 0.3],
  [-0.95, -0.3],
  [-0.3, -0.3],
];

export const CATEGORY_SHAPES: Record<Category, Ring[]> = {
  // A unit's frame, as on military maps.
  troops: [
    [
      [-0.85, -0.7],
      [0.85, -0.7],
      [0.85, 0.7],
      [-0.85, 0.7],
    ],
  ],
  drills: [
    [
      [0, -0.95],
      [0.95, 0.8],
      [-0.95, 0.8],
    ],
  ],
  // An aircraft seen from above, nose up.
  aircraft: [
    [
      [0, -1],
      [0.2, -0.6],
      [0.2, -0.2],
      [1, 0.25],
      [1, 0.5],
      [0.2, 0.25],
      [0.16, 0.65],
      [0.45, 0.85],
      [0.45, 1],
      [0, 0.9],
      [-0.45, 1],
      [-0.45, 0.85],
      [-0.16, 0.65],
      [-0.2, 0.25],
      [-1, 0.5],
      [-1, 0.25],
      [-0.2, -0.2],
      [-0.2, -0.6],
    ],
  ],
  // A hull under a sail.
  naval: [
    [
      [-1, 0.2],
      [1, 0.2],
      [0.6, 0.85],
      [-0.6, 0.85],
    ],
    [
      [0.1, -1],
      [0.75, 0.05],
      [0.1, 0.05],
    ],
    [
      [-0.1, -0.65],
      [-0.1, 0.05],
      [-0.6, 0.05],
    ],
  ],
  'military-aid': [PLUS],
  diplomacy: [radial(40, 0.85)],
  // A speech bubble.
  statement: [
    [
      [-0.95, -0.8],
      [0.95, -0.8],
      [0.95, 0.4],
      [-0.1, 0.4],
      [-0.6, 0.95],
      [-0.45, 0.4],
      [-0.95, 0.4],
    ],
  ],
  // A person: a head over shoulders.
  civilians: [
    radial(24, 0.36, undefined, 0, -0.58),
    [
      [-0.8, 0.95],
      [-0.6, 0.05],
      [0.6, 0.05],
      [0.8, 0.95],
    ],
  ],
  sanctions: [rotate(PLUS, Math.PI / 4)],
  // A lightning bolt.
  energy: [
    [
      [0.15, -1],
      [-0.85, 0.2],
      [-0.05, 0.2],
      [-0.15, 1],
      [0.85, -0.2],
      [0.05, -0.2],
    ],
  ],
  // A burst.
  conflict: [radial(8, 1, 0.45)],
};

/** The shape as an SVG path in the square (-1.2, -1.2) to (1.2, 1.2), for a panel's legend. */
export function shapePath(rings: readonly Ring[]): string {
  return rings.map((ring) => 'M' + ring.map(([x, y]) => `${+x.toFixed(3)} ${+y.toFixed(3)}`).join('L') + 'Z').join('');
}

/** Whether a point is inside a shape: crossings of a ray, counted over every ring. */
export function insideShape(rings: readonly Ring[], x: number, y: number): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** The side of a category's mark on the map, in CSS pixels. */
export const MARK_SIZE = 15;
/** Room around a mark's shape for its halo, in CSS pixels: part of the mark's box when labels make way for it. */
export const MARK_PAD = 3;

/** MapLibre's SDF encoding, as its glyphs use it: 8 pixels of distance, the edge at 3/4 of the range. */
const SDF_RADIUS = 8;
const SDF_CUTOFF = 0.25;

/**
 * A shape as a signed distance field MapLibre draws in any colour with a halo of any width (addImage with
 * `sdf: true`): `size` CSS pixels across at `pixelRatio`, with room around it for the halo. The alpha of
 * each pixel encodes its distance to the outline, exactly, from the rings rather than from a rasterised
 * mask, so the edge stays sharp at every size.
 *
 * Drawn while the map waits for it, in the page's first seconds, when this code still runs in V8's
 * interpreter: so the edges are laid out flat once, and one pass over them gives each pixel both its
 * distance and its crossings (insideShape's rule). Written with a function per edge and per test, the
 * marks took 100-170 ms of the main thread at the first view (a trace of the first view, 30 November).
 */
export function shapeSdf(
  rings: readonly Ring[],
  size = MARK_SIZE,
  pixelRatio = 2,
): RasterImage & { pixelRatio: number; sdf: true } {
  const inner = Math.round(size * pixelRatio);
  const side = inner + 2 * MARK_PAD * pixelRatio;
  const scale = 2 / inner; // shape units per image pixel
  // Each edge from a = ring[j] to b = ring[i]: ax, ay, bx, by, dx, dy, 1 / its squared length.
  const flat: number[] = [];
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [ax, ay] = ring[j];
      const [bx, by] = ring[i];
      const dx = bx - ax;
      const dy = by - ay;
      flat.push(ax, ay, bx, by, dx, dy, 1 / (dx * dx + dy * dy || 1));
    }
  }
  const edges = Float64Array.from(flat);
  const data = new Uint8Array(side * side * 4);
  for (let row = 0; row < side; row++) {
    const y = (row + 0.5 - side / 2) * scale;
    for (let col = 0; col < side; col++) {
      const x = (col + 0.5 - side / 2) * scale;
      let d2 = Infinity;
      let inside = false;
      for (let k = 0; k < edges.length; k += 7) {
        const ax = edges[k];
        const ay = edges[k + 1];
        const by = edges[k + 3];
        const dx = edges[k + 4];
        const dy = edges[k + 5];
        const px = x - ax;
        const py = y - ay;
        let t = (px * dx + py * dy) * edges[k + 6];
        t = t < 0 ? 0 : t > 1 ? 1 : t;
        const ex = px - t * dx;
        const ey = py - t * dy;
        const q = ex * ex + ey * ey;
        if (q < d2) d2 = q;
        const bx = edges[k + 2];
        if (by > y !== ay > y && x < ((ax - bx) * (y - by)) / (ay - by) + bx) inside = !inside;
      }
      const d = Math.sqrt(d2);
      const signed = (inside ? -d : d) / scale; // in image pixels
      const alpha = Math.round(255 - 255 * (signed / SDF_RADIUS + SDF_CUTOFF));
      const at = (row * side + col) * 4;
      data[at] = 255;
      data[at + 1] = 255;
      data[at + 2] = 255;
      data[at + 3] = alpha < 0 ? 0 : alpha > 255 ? 255 : alpha;
    }
  }
  return { width: side, height: side, data, pixelRatio, sdf: true };
}

/** The map image name of a category's shape. */
export const markImage = (c: Category) => `mark-${c}`;
