/**
 * The labels' glyphs, made at build time (vite.config.ts): signed distance fields in MapLibre's glyph
 * format (one protobuf per font and range of 256 code points; the style's `glyphs`), cut from the same
 * Noto Sans files the page uses (@fontsource/noto-sans). MapLibre otherwise draws each glyph on the page's
 * main thread at the first view, from the font files, with TinySDF: a canvas and a distance transform per
 * letter (on the benchmark's machine, without a GPU, the basemap alone was idle 17 % sooner without it).
 *
 * Only printable ASCII is made (GLYPH_CODE_POINTS): the letters of nearly every label, in 24 kB per font
 * (gzip). Every other character is still drawn from the font files, which the style declares for all but
 * these (map/fonts.ts): a file of glyphs holding more would cost its bytes at every first view, and one
 * holding the data's characters only would draw nothing for a character it lacks.
 *
 * The fields are those of MapLibre's own glyph servers (node-fontnik): 24 px glyphs, a 3 px border, the
 * distance measured to the glyph's outline (its curves cut into short segments) up to 8 px, the outline
 * at 192 of 255. The font is read with fontkit; the distance is computed here, exactly, not rasterised.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import { PbfWriter } from 'pbf';
import { GLYPH_CODE_POINTS, type LabelFont } from '../basemap/labelFonts';

/** MapLibre's glyph metrics are in pixels of a 24 px font (its ONE_EM), with a 3 px border (GLYPH_PBF_BORDER). */
export const GLYPH_SIZE = 24;
export const GLYPH_BORDER = 3;
/** The distance, in px, that the field spans outside the outline; the outline's value is 255 × (1 - CUTOFF). */
const RADIUS = 8;
const CUTOFF = 0.25;

export interface Glyph {
  id: number;
  /** The field, (width + 6) × (height + 6) bytes, rows from the top; empty for a glyph with no outline. */
  bitmap: Uint8Array;
  width: number;
  height: number;
  left: number;
  top: number;
  advance: number;
}

type Point = [number, number];

/** A glyph's outline as closed rings of points, in px of a GLYPH_SIZE font, y up from the baseline. */
function rings(glyph: fontkit.Glyph, scale: number): Point[][] {
  const out: Point[][] = [];
  let ring: Point[] = [];
  let at: Point = [0, 0];
  const close = () => {
    if (ring.length > 1) {
      const [a, b] = [ring[0], ring[ring.length - 1]];
      if (a[0] !== b[0] || a[1] !== b[1]) ring.push([a[0], a[1]]);
      out.push(ring);
    }
    ring = [];
  };
  // A curve cut into segments of about a quarter pixel (by its control polygon's length).
  const curve = (controls: Point[], point: (t: number) => Point) => {
    let length = 0;
    for (let i = 1; i < controls.length; i++)
      length += Math.hypot(controls[i][0] - controls[i - 1][0], controls[i][1] - controls[i - 1][1]);
    const n = Math.min(64, Math.max(1, Math.ceil(length * 4)));
    for (let i = 1; i <= n; i++) ring.push(point(i / n));
  };
  for (const { command, args } of glyph.path.commands) {
    const p = args.map((v) => v * scale);
    if (command === 'moveTo') {
      close();
      at = [p[0], p[1]];
      ring.push(at);
    } else if (command === 'lineTo') {
      at = [p[0], p[1]];
      ring.push(at);
    } else if (command === 'quadraticCurveTo') {
      const [p0, c, e]: Point[] = [at, [p[0], p[1]], [p[2], p[3]]];
      curve([p0, c, e], (t) => {
        const u = 1 - t;
        return [u * u * p0[0] + 2 * u * t * c[0] + t * t * e[0], u * u * p0[1] + 2 * u * t * c[1] + t * t * e[1]];
      });
      at = e;
    } else if (command === 'bezierCurveTo') {
      const [p0, c1, c2, e]: Point[] = [at, [p[0], p[1]], [p[2], p[3]], [p[4], p[5]]];
      curve([p0, c1, c2, e], (t) => {
        const u = 1 - t;
        const [a, b, c, d] = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
        return [a * p0[0] + b * c1[0] + c * c2[0] + d * e[0], a * p0[1] + b * c1[1] + c * c2[1] + d * e[1]];
      });
      at = e;
    } else if (command === 'closePath') close();
    else throw new Error(`glyph ${glyph.id}: unknown path command ${command as string}`);
  }
  close();
  return out;
}

/**
 * The glyph's distance field and metrics. Each pixel's value is 255 - (d × 32 + 64), clamped to 0-255,
 * with d its centre's distance in px to the outline (at most RADIUS), negative inside (non-zero winding,
 * as TrueType fills).
 */
export function renderGlyph(font: fontkit.Font, codePoint: number): Glyph {
  const glyph = font.glyphForCodePoint(codePoint);
  const scale = GLYPH_SIZE / font.unitsPerEm;
  // As FreeType's size metrics: the ascender rounded up to whole pixels. `top` is from it, as fontnik's.
  const ascender = Math.ceil(font.ascent * scale);
  const advance = Math.round(glyph.advanceWidth * scale);
  const outline = rings(glyph, scale);
  const empty: Glyph = { id: codePoint, bitmap: new Uint8Array(0), width: 0, height: 0, left: 0, top: -ascender, advance };
  if (!outline.length) return empty;
  let [xMin, yMin, xMax, yMax] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of outline)
    for (const [x, y] of ring)
      [xMin, yMin, xMax, yMax] = [Math.min(xMin, x), Math.min(yMin, y), Math.max(xMax, x), Math.max(yMax, y)];
  [xMin, yMin, xMax, yMax] = [Math.round(xMin), Math.round(yMin), Math.round(xMax), Math.round(yMax)];
  const [width, height] = [xMax - xMin, yMax - yMin];
  if (!width || !height) return empty;

  // Segments as flat arrays, moved so the border's corner is at 0,0.
  const segs: number[] = [];
  for (const ring of outline)
    for (let i = 1; i < ring.length; i++)
      segs.push(
        ring[i - 1][0] - xMin + GLYPH_BORDER,
        ring[i - 1][1] - yMin + GLYPH_BORDER,
        ring[i][0] - xMin + GLYPH_BORDER,
        ring[i][1] - yMin + GLYPH_BORDER,
      );
  const [w, h] = [width + 2 * GLYPH_BORDER, height + 2 * GLYPH_BORDER];
  const bitmap = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const py = y + 0.5;
    for (let x = 0; x < w; x++) {
      const px = x + 0.5;
      let best = RADIUS * RADIUS;
      let winding = 0;
      for (let s = 0; s < segs.length; s += 4) {
        const [ax, ay, bx, by] = [segs[s], segs[s + 1], segs[s + 2], segs[s + 3]];
        const [dx, dy] = [bx - ax, by - ay];
        const len2 = dx * dx + dy * dy;
        const t = len2 ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2)) : 0;
        const [ex, ey] = [ax + t * dx - px, ay + t * dy - py];
        best = Math.min(best, ex * ex + ey * ey);
        // Non-zero winding: an edge crossing the ray to the right counts +1 going up, -1 going down.
        const side = dx * (py - ay) - (px - ax) * dy;
        if (ay <= py && by > py && side > 0) winding++;
        else if (ay > py && by <= py && side < 0) winding--;
      }
      const d = (winding !== 0 ? -1 : 1) * Math.sqrt(best) * (256 / RADIUS) + CUTOFF * 256;
      bitmap[(h - 1 - y) * w + x] = 255 - Math.max(0, Math.min(255, Math.trunc(d)));
    }
  }
  return { id: codePoint, bitmap, width, height, left: xMin, top: yMax - ascender, advance };
}

/** One range's protobuf (MapLibre's glyphs.proto: glyphs → fontstack → glyph). */
export function encodeRange(stack: string, range: number, glyphs: Glyph[]): Buffer {
  const pbf = new PbfWriter();
  pbf.writeMessage(
    1,
    (_: unknown, p: PbfWriter) => {
      p.writeStringField(1, stack);
      p.writeStringField(2, `${range * 256}-${range * 256 + 255}`);
      for (const g of glyphs)
        p.writeMessage(
          3,
          (_g: unknown, q: PbfWriter) => {
            q.writeVarintField(1, g.id);
            if (g.bitmap.length) q.writeBytesField(2, g.bitmap);
            q.writeVarintField(3, g.width);
            q.writeVarintField(4, g.height);
            q.writeSVarintField(5, g.left);
            q.writeSVarintField(6, g.top);
            q.writeVarintField(7, g.advance);
          },
          null,
        );
    },
    null,
  );
  return Buffer.from(pbf.finish());
}

const require = createRequire(import.meta.url);

/** A label font's file of glyphs (glyphFile): GLYPH_CODE_POINTS, from its @fontsource/noto-sans latin file. */
export function fontGlyphs(font: LabelFont): Buffer {
  const file = require.resolve(`@fontsource/noto-sans/files/noto-sans-latin-${font.weight}-normal.woff2`);
  const face = fontkit.create(readFileSync(file)) as fontkit.Font;
  const glyphs: Glyph[] = [];
  for (let cp = GLYPH_CODE_POINTS.first; cp <= GLYPH_CODE_POINTS.last; cp++) {
    if (!face.hasGlyphForCodePoint(cp)) throw new Error(`${file}: no glyph for U+${cp.toString(16).padStart(4, '0')}`);
    glyphs.push(renderGlyph(face, cp));
  }
  return encodeRange(font.stack, 0, glyphs);
}
