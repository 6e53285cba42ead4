/**
 * The page as painted: screenshots decoded to pixels, and the few measures the end-to-end tests take of
 * them (colours near a colour, the commonest colour).
 */
import type { Page } from '@playwright/test';
import { inflateSync } from 'node:zlib';

export interface Pixels {
  width: number;
  height: number;
  /** RGBA, row by row. */
  data: Uint8Array;
}

/** Decodes the 8-bit, non-interlaced RGB or RGBA PNG that Chromium's screenshots are. */
export function decodePng(png: Buffer): Pixels {
  let pos = 8;
  let width = 0;
  let height = 0;
  let colourType = -1;
  const idat: Buffer[] = [];
  while (pos < png.length) {
    const length = png.readUInt32BE(pos);
    const type = png.toString('latin1', pos + 4, pos + 8);
    const body = png.subarray(pos + 8, pos + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [depth, interlace] = [body[8], body[12]];
      colourType = body[9];
      if (depth !== 8 || interlace !== 0 || (colourType !== 2 && colourType !== 6))
        throw new Error(`unexpected PNG: depth ${depth}, colour type ${colourType}, interlace ${interlace}`);
    } else if (type === 'IDAT') idat.push(body);
    pos += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const bpp = colourType === 6 ? 4 : 3;
  const stride = width * bpp;
  const rows = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const a = i >= bpp ? rows[y * stride + i - bpp] : 0;
      const b = y > 0 ? rows[(y - 1) * stride + i] : 0;
      const c = i >= bpp && y > 0 ? rows[(y - 1) * stride + i - bpp] : 0;
      let predicted: number;
      if (filter === 0) predicted = 0;
      else if (filter === 1) predicted = a;
      else if (filter === 2) predicted = b;
      else if (filter === 3) predicted = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
        predicted = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      } else throw new Error(`unknown PNG filter ${filter}`);
      rows[y * stride + i] = (line[i] + predicted) & 0xff;
    }
  }
  const data = new Uint8Array(width * height * 4);
  for (let p = 0; p < width * height; p++) {
    for (let k = 0; k < 3; k++) data[p * 4 + k] = rows[p * bpp + k];
    data[p * 4 + 3] = bpp === 4 ? rows[p * bpp + 3] : 255;
  }
  return { width, height, data };
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The page as painted in a box of CSS pixels (one image pixel per CSS pixel). */
export async function shoot(page: Page, clip: Box): Promise<Pixels> {
  return decodePng(await page.screenshot({ clip, scale: 'css', animations: 'disabled', caret: 'hide' }));
}

export type RGB = [number, number, number];

/** "rgb(1, 2, 3)" or "rgba(1, 2, 3, 0.5)" as numbers, with the alpha (1 when not given). */
export function parseColour(css: string): { rgb: RGB; alpha: number } {
  const m = /^rgba?\((\d+(?:\.\d+)?),? (\d+(?:\.\d+)?),? (\d+(?:\.\d+)?)(?:(?:,| \/) ([\d.]+))?\)$/.exec(css);
  if (!m) throw new Error(`not an rgb() colour: ${css}`);
  return { rgb: [Number(m[1]), Number(m[2]), Number(m[3])], alpha: m[4] === undefined ? 1 : Number(m[4]) };
}

export const near = (px: Pixels, i: number, c: RGB, tolerance = 10) =>
  Math.abs(px.data[i * 4] - c[0]) <= tolerance &&
  Math.abs(px.data[i * 4 + 1] - c[1]) <= tolerance &&
  Math.abs(px.data[i * 4 + 2] - c[2]) <= tolerance;

/** The share of the pixels inside a box (relative to the image, inset by a pixel) that are near a colour. */
export function shareNear(px: Pixels, box: Box, colour: RGB): number {
  const [x0, y0] = [Math.ceil(box.x) + 1, Math.ceil(box.y) + 1];
  const [x1, y1] = [
    Math.min(px.width, Math.floor(box.x + box.width) - 1),
    Math.min(px.height, Math.floor(box.y + box.height) - 1),
  ];
  let hit = 0;
  let all = 0;
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++) {
      all++;
      if (near(px, y * px.width + x, colour)) hit++;
    }
  if (all === 0) throw new Error(`empty box ${JSON.stringify(box)}`);
  return hit / all;
}

/** The most common colour in an image. */
export function commonest(px: Pixels): RGB {
  const counts = new Map<number, number>();
  for (let i = 0; i < px.width * px.height; i++) {
    const key = (px.data[i * 4] << 16) | (px.data[i * 4 + 1] << 8) | px.data[i * 4 + 2];
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const [key] = [...counts].sort((a, b) => b[1] - a[1])[0];
  return [key >> 16, (key >> 8) & 0xff, key & 0xff];
}
