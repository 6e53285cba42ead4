/**
 * The labels' ready-made glyphs (src/tiles/glyphs.ts): distance fields from the Noto Sans files, in
 * MapLibre's glyph format, read back as MapLibre reads them (glyphs.proto); and the font files' ranges
 * less those characters (src/map/fonts.ts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import { PbfReader } from 'pbf';
import { describe, expect, it } from 'vitest';
import { encodeRange, fontGlyphs, GLYPH_BORDER, GLYPH_SIZE, renderGlyph, type Glyph } from '../../../src/tiles/glyphs';
import { GLYPH_CODE_POINTS, LABEL_FONTS } from '../../../src/basemap/labelFonts';
import { rangeWithout } from '../../../src/map/fonts';

const require = createRequire(import.meta.url);
const font = fontkit.create(
  readFileSync(require.resolve('@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2')),
) as fontkit.Font;
const px = (units: number) => (units * GLYPH_SIZE) / font.unitsPerEm;
/** The field's value at column x, row y (rows from the top, border included). */
const at = (g: Glyph, x: number, y: number) => g.bitmap[y * (g.width + 2 * GLYPH_BORDER) + x];
const EDGE = 191; // 255 × (1 - 0.25): the outline

/** glyphs.proto, as MapLibre's parseGlyphPbf reads it. */
function decode(buf: Uint8Array) {
  const stacks: { name: string; range: string; glyphs: Glyph[] }[] = [];
  new PbfReader(buf).readFields((tag, _, pbf) => {
    if (tag !== 1) return;
    const stack = { name: '', range: '', glyphs: [] as Glyph[] };
    pbf.readMessage((t, s, p) => {
      if (t === 1) s.name = p.readString();
      else if (t === 2) s.range = p.readString();
      else if (t === 3) {
        const g = { bitmap: new Uint8Array(0) } as Glyph;
        p.readMessage((k, o, q) => {
          if (k === 1) o.id = q.readVarint();
          else if (k === 2) o.bitmap = q.readBytes();
          else if (k === 3) o.width = q.readVarint();
          else if (k === 4) o.height = q.readVarint();
          else if (k === 5) o.left = q.readSVarint();
          else if (k === 6) o.top = q.readSVarint();
          else if (k === 7) o.advance = q.readVarint();
        }, g);
        s.glyphs.push(g);
      }
    }, stack);
    stacks.push(stack);
  }, null);
  return stacks;
}

describe('renderGlyph', () => {
  it("measures a glyph as MapLibre's glyph servers do: 24 px, its advance, its top from the ascender", () => {
    const x = renderGlyph(font, 'x'.codePointAt(0)!);
    const glyph = font.glyphForCodePoint('x'.codePointAt(0)!);
    expect(x.advance).toBe(Math.round(px(glyph.advanceWidth)));
    expect(x.top).toBe(Math.round(px(glyph.bbox.maxY)) - Math.ceil(px(font.ascent)));
    expect(x.left).toBe(Math.round(px(glyph.bbox.minX)));
    expect(x.height).toBe(Math.round(px(glyph.bbox.maxY)) - Math.round(px(glyph.bbox.minY)));
    expect(x.bitmap.length).toBe((x.width + 6) * (x.height + 6));
  });

  it('is high inside the outline, low outside, and the counter of an "o" is outside (non-zero winding)', () => {
    const o = renderGlyph(font, 'o'.codePointAt(0)!);
    const [cx, cy] = [Math.floor((o.width + 6) / 2), Math.floor((o.height + 6) / 2)];
    // The middle of the counter, the ring to its left, and the border's corner.
    expect(at(o, cx, cy)).toBeLessThan(EDGE);
    const ring = Array.from({ length: cx }, (_, x) => at(o, x, cy));
    expect(Math.max(...ring)).toBeGreaterThanOrEqual(EDGE + 32);
    expect(at(o, 0, 0)).toBe(0);
    // Values fall off with the distance from the ink: across the left border, they only rise.
    for (let x = 1; x < GLYPH_BORDER; x++) expect(at(o, x, cy)).toBeGreaterThanOrEqual(at(o, x - 1, cy));
  });

  it('gives a space its advance and no field', () => {
    const space = renderGlyph(font, 0x20);
    expect(space.advance).toBeGreaterThan(0);
    expect([space.width, space.height, space.bitmap.length]).toEqual([0, 0, 0]);
  });
});

describe('the glyph files', () => {
  it('hold printable ASCII for each label font, read back as MapLibre reads them', () => {
    for (const f of LABEL_FONTS) {
      const [stack, ...more] = decode(fontGlyphs(f));
      expect(more).toEqual([]);
      expect([stack.name, stack.range]).toEqual([f.stack, '0-255']);
      const ids = stack.glyphs.map((g) => g.id);
      expect(ids).toEqual(
        Array.from({ length: GLYPH_CODE_POINTS.last - GLYPH_CODE_POINTS.first + 1 }, (_, i) => GLYPH_CODE_POINTS.first + i),
      );
      for (const g of stack.glyphs)
        expect(g.bitmap.length, String.fromCodePoint(g.id)).toBe(g.width ? (g.width + 6) * (g.height + 6) : 0);
    }
  });

  it('encode each field of a glyph, negative offsets included', () => {
    // A 3 × 2 glyph: its field is (3 + 6) × (2 + 6) bytes.
    const g: Glyph = {
      id: 65,
      bitmap: Uint8Array.from({ length: 72 }, (_, i) => (i * 37) % 256),
      width: 3,
      height: 2,
      left: -1,
      top: -9,
      advance: 12,
    };
    const [back] = decode(encodeRange('S', 0, [g]))[0].glyphs;
    expect({ ...back, bitmap: [...back.bitmap] }).toEqual({ ...g, bitmap: [...g.bitmap] });
  });
});

describe('rangeWithout', () => {
  it('takes the ready-made characters out of a unicode-range, and keeps the rest', () => {
    expect(rangeWithout(['U+0000-00FF', 'U+0131', 'U+0020-007E', 'U+0041', 'U+0010-0030'], 0x20, 0x7e)).toEqual([
      'U+0000-001F',
      'U+007F-00FF',
      'U+0131',
      'U+0010-001F',
    ]);
    expect(() => rangeWithout(['0041'], 0x20, 0x7e)).toThrow(/not a unicode-range part: 0041/);
  });
});
