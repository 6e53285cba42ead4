/**
 * The labels' fonts, as the style names them (map/theme.ts, map/fonts.ts) and the build makes their glyphs
 * (src/tiles/glyphs.ts): one table, so the two cannot disagree on a name or on which characters come
 * ready-made. Here, with the basemap's archives, as a stage both the build and the map come after.
 */

/** A label font: its name in the style's `text-font`, and its weight in @fontsource/noto-sans. */
export const LABEL_FONTS = [
  { stack: 'NotoSans-Regular', weight: 400 },
  { stack: 'NotoSans-Bold', weight: 700 },
] as const;
export type LabelFont = (typeof LABEL_FONTS)[number];

/** The characters whose glyphs are made at build time: printable ASCII, all in the first range (0-255). */
export const GLYPH_CODE_POINTS = { first: 0x20, last: 0x7e } as const;

/** Where the glyphs are, under the site's base: the style's `glyphs` template, and a font's file. */
export const GLYPHS_PATH = 'data/glyphs/{fontstack}.{range}.pbf';
export const glyphFile = (stack: string): string => `${stack}.0-255.pbf`;
