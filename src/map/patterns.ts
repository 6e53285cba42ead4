/**
 * Raster patterns for fill-pattern, drawn in code so that no sprite sheet has to be fetched.
 * MapLibre's addImage takes { width, height, data } with RGBA bytes.
 */
export interface RasterImage {
  width: number;
  height: number;
  data: Uint8Array;
  /** Image pixels per CSS pixel (1 when absent). */
  pixelRatio?: number;
  /** A signed distance field, drawn in the layer's icon colour and halo (symbols.ts). */
  sdf?: boolean;
}

/** Parses #rgb or #rrggbb; throws on anything else, naming the value. */
export function parseHex(color: string): [number, number, number] {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color);
  if (!m) throw new Error(`hex colour expected, "${color}" found`);
  const hex = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

/**
 * Diagonal hatching (top-left to bottom-right; bottom-left to top-right when `rising`), `lineWidth` pixels
 * wide every `size` pixels. The pattern tiles seamlessly because a pixel is inked when (x + y) mod size <
 * lineWidth.
 */
export function hatch(color: string, size = 8, lineWidth = 2, alpha = 255, rising = false): RasterImage {
  if (!Number.isInteger(size) || size < 2 || lineWidth < 1 || lineWidth >= size) {
    throw new Error(`hatch: size must be an integer >= 2 and 1 <= lineWidth < size, got ${size} and ${lineWidth}`);
  }
  const [r, g, b] = parseHex(color);
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if ((x + (rising ? y : size - 1 - y)) % size < lineWidth) data.set([r, g, b, alpha], (y * size + x) * 4);
    }
  }
  return { width: size, height: size, data };
}

const clamp = (v: number) => (v < 0 ? 0 : v > 1 ? 1 : v);

/**
 * A square image `side` device pixels wide, centred on the origin: `cover(x, y)` gives each pixel's
 * coverage and how much of it is `inner` rather than `rim` (x, y in CSS pixels from the centre). What the
 * ring and the disc below share: the walk over the pixels, and the colour mixed by coverage.
 */
function centred(
  side: number,
  pixelRatio: number,
  inner: number[],
  rim: number[],
  cover: (x: number, y: number) => [alpha: number, mix: number],
): RasterImage {
  const data = new Uint8Array(side * side * 4);
  for (let row = 0; row < side; row++) {
    for (let col = 0; col < side; col++) {
      const x = (col + 0.5) / pixelRatio - side / pixelRatio / 2;
      const y = (row + 0.5) / pixelRatio - side / pixelRatio / 2;
      const [a, mix] = cover(x, y);
      if (a === 0) continue;
      const at = (row * side + col) * 4;
      for (let i = 0; i < 3; i++) data[at + i] = Math.round(inner[i] * mix + rim[i] * (1 - mix));
      data[at + 3] = Math.round(255 * a);
    }
  }
  return { width: side, height: side, data, pixelRatio };
}

/**
 * A dashed ring, `radius` CSS pixels to the middle of its line, `dashes` dashes around: drawn round a dot
 * or a mark whose events are unreviewed drafts (storyLayers.ts). The dashes in `color`, each edged in
 * `edge` so that they hold on a dark area as on the land; antialiased by coverage.
 */
export function dashedRing(color: string, edge: string, radius = 8, lineWidth = 1.6, dashes = 10, pixelRatio = 2): RasterImage {
  const half = lineWidth / 2;
  const side = Math.ceil(2 * (radius + half + 1) * pixelRatio);
  return centred(side, pixelRatio, parseHex(color), parseHex(edge), (x, y) => {
    const off = Math.abs(Math.hypot(x, y) - radius);
    // Where along the ring, in dash periods: the first half of each period is a dash.
    const t = ((((Math.atan2(y, x) / (2 * Math.PI)) * dashes) % 1) + 1) % 1;
    const along = Math.min(t, 0.5 - t < 0 ? 0 : 0.5 - t) * ((2 * Math.PI * radius) / dashes);
    const dash = t < 0.5 ? clamp(along * pixelRatio + 0.5) : 0;
    const core = clamp((half - off) * pixelRatio + 0.5) * dash;
    const outline = clamp((half + 0.75 - off) * pixelRatio + 0.5) * clamp(along * pixelRatio + 1.5) * (t < 0.5 ? 1 : 0);
    const a = Math.max(core, outline);
    return [a, a === 0 ? 0 : core / a];
  });
}

/**
 * A filled disc, `radius` CSS pixels, in `fill` inside a ring of `edge` `edgeWidth` wide: the ground of the
 * count of sources on a place's marks (storyLayers.ts SOURCE_COUNTS), the number written on it in the edge's
 * colour. Antialiased by coverage.
 */
export function badge(fill: string, edge: string, radius = 8, edgeWidth = 1.5, pixelRatio = 2): RasterImage {
  const side = Math.ceil(2 * (radius + 1) * pixelRatio);
  return centred(side, pixelRatio, parseHex(fill), parseHex(edge), (x, y) => {
    const d = Math.hypot(x, y);
    return [clamp((radius - d) * pixelRatio + 0.5), clamp((radius - edgeWidth - d) * pixelRatio + 0.5)];
  });
}
