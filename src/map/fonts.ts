/**
 * The label font. Printable ASCII comes ready-made, as glyph files the build cuts (style `glyphs`:
 * basemap/labelFonts.ts, src/tiles/glyphs.ts). Every other character is drawn by MapLibre from the font files
 * declared here as the style's `font-faces`: one file per script subset and weight, each with its
 * unicode-range less the ready-made characters (a declared file wins over the glyph files). MapLibre
 * fetches a file only when a label has a character in its range. The files are the same
 * @fontsource/noto-sans files the page's CSS uses (src/fonts.ts), so a browser that has one has the other.
 */
import type { FontFacesSpecification } from 'maplibre-gl';
import ranges from '@fontsource/noto-sans/unicode.json';
import cyrillic400 from '@fontsource/noto-sans/files/noto-sans-cyrillic-400-normal.woff2?url';
import cyrillic700 from '@fontsource/noto-sans/files/noto-sans-cyrillic-700-normal.woff2?url';
import latin400 from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import latin700 from '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff2?url';
import latinExt400 from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2?url';
import latinExt700 from '@fontsource/noto-sans/files/noto-sans-latin-ext-700-normal.woff2?url';
import { GLYPH_CODE_POINTS, LABEL_FONTS } from '../basemap/labelFonts';

type Subset = 'latin' | 'latin-ext' | 'cyrillic';

const hex = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');

/**
 * A unicode-range ("U+0000-00FF", "U+0131", …) less the code points first…last, as unicode-range parts.
 */
export function rangeWithout(parts: readonly string[], first: number, last: number): string[] {
  return parts.flatMap((part) => {
    const m = /^U\+([0-9A-F]+)(?:-([0-9A-F]+))?$/i.exec(part.trim());
    if (!m) throw new Error(`not a unicode-range part: ${part}`);
    const [from, to] = [parseInt(m[1], 16), parseInt(m[2] ?? m[1], 16)];
    // The part below first, and the part above last; a part that misses first…last is one of the two.
    const kept: [number, number][] = [
      [from, Math.min(to, first - 1)],
      [Math.max(from, last + 1), to],
    ];
    return kept.filter(([a, b]) => a <= b).map(([a, b]) => (a === b ? `U+${hex(a)}` : `U+${hex(a)}-${hex(b)}`));
  });
}

/**
 * The control characters, C0 (U+0000-001F) and DEL with C1 (U+007F-009F), on either side of the ready-made
 * printable ASCII: no font file is named for them. A label's line break is one (a story's label is its name,
 * a newline, and its figures: map/data.ts): MapLibre asks a glyph for every character of a label, and with a
 * font file declared for U+000A it fetched the bold Latin file at every first view, loaded it as a
 * FontFace and drew an empty glyph from it, while the tiles of the labels waited. Undeclared, a control
 * character is looked up in the glyph file of its range (0-255), already fetched, which has none, and
 * MapLibre draws nothing for it, as it does for a line break anyway.
 */
export const CONTROL_CHARACTERS = [
  [0x00, 0x1f],
  [0x7f, 0x9f],
] as const;

/** A font file for the characters of `range`, but the ready-made ones and the control characters. */
const face = (url: string, range: string) => ({
  url,
  'unicode-range': [[GLYPH_CODE_POINTS.first, GLYPH_CODE_POINTS.last] as const, ...CONTROL_CHARACTERS].reduce(
    (parts, [first, last]) => rangeWithout(parts, first, last),
    range.split(','),
  ),
});
const subset = (url: string, name: Subset) => face(url, (ranges as Record<Subset, string>)[name]);

/**
 * Last, every other character: drawn with the font's Latin file, and where it has no glyph (an emoji, a
 * script Noto Sans leaves to others) with the browser's sans-serif, as MapLibre draws a character no file
 * covers. Without it MapLibre would ask the glyph files for its range, and the build makes only the first.
 */
const rest = (url: string) => face(url, 'U+0000-10FFFF');

const [regular, bold] = LABEL_FONTS;

/** The names the theme's text-font stacks use (theme.ts), each with its files; the first that covers a character draws it. */
export const FONT_FACES: FontFacesSpecification = {
  [regular.stack]: [subset(latin400, 'latin'), subset(latinExt400, 'latin-ext'), subset(cyrillic400, 'cyrillic'), rest(latin400)],
  [bold.stack]: [subset(latin700, 'latin'), subset(latinExt700, 'latin-ext'), subset(cyrillic700, 'cyrillic'), rest(latin700)],
};
