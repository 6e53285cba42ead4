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
 * Diagonal hatching (top-left to bottom-right), `lineWidth` pixels wide every `size` pixels. The pattern
 * tiles seamlessly because a pixel is inked when (x + y) mod size < lineWidth.
 */
export function hatch(color: string, size = 8, lineWidth = 2, alpha = 255): RasterImage {
  if (!Number.isInteger(size) || size < 2 || lineWidth < 1 || lineWidth >= size) {
    throw new Error(`hatch: size must be an integer >= 2 and 1 <= lineWidth < size, got ${size} and ${lineWidth}`);
  }
  const [r, g, b] = parseHex(color);
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if ((x + (size - 1 - y)) % size < lineWidth) data.set([r, g, b, alpha], (y * size + x) * 4);
    }
  }
  return { width: size, height: size, data };
}
