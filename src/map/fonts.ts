/**
 * The label font, declared to MapLibre as the style's `font-faces`: one file per script subset and
 * weight, each with its unicode-range. MapLibre fetches a file only when a label has a character in its
 * range, so English labels fetch the two Latin files and nothing else. (Drawn with the page's CSS font,
 * as before, MapLibre's `document.fonts.load` made Chromium fetch every subset of the family: six files,
 * 155 kB, for labels in one script.) The files are the same @fontsource/noto-sans files the page's CSS
 * uses (src/fonts.ts), so a browser that has one has the other.
 */
import type { FontFacesSpecification } from 'maplibre-gl';
import ranges from '@fontsource/noto-sans/unicode.json';
import cyrillic400 from '@fontsource/noto-sans/files/noto-sans-cyrillic-400-normal.woff2?url';
import cyrillic700 from '@fontsource/noto-sans/files/noto-sans-cyrillic-700-normal.woff2?url';
import latin400 from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import latin700 from '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff2?url';
import latinExt400 from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2?url';
import latinExt700 from '@fontsource/noto-sans/files/noto-sans-latin-ext-700-normal.woff2?url';

type Subset = 'latin' | 'latin-ext' | 'cyrillic';

const face = (url: string, subset: Subset) => ({ url, 'unicode-range': (ranges as Record<Subset, string>)[subset].split(',') });

/** The names the theme's text-font stacks use (theme.ts), each with its files. */
export const FONT_FACES: FontFacesSpecification = {
  'Noto Sans': [face(latin400, 'latin'), face(latinExt400, 'latin-ext'), face(cyrillic400, 'cyrillic')],
  'Noto Sans Bold': [face(latin700, 'latin'), face(latinExt700, 'latin-ext'), face(cyrillic700, 'cyrillic')],
};
