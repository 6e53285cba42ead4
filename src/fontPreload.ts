/**
 * The text font files the reader's and the embed's HTML ask for before any script runs (vite.config.ts
 * `preloadTextFonts`): the Latin files of Noto Sans 400 and 700 that the page's English text is set in
 * (src/fonts.ts). Without it the browser asks for a weight only once the page lays out text in it: the
 * bold file when the panels' headings first appear, after the scripts have run. The text laid out before
 * then is drawn twice, in the fallback font and again when Noto Sans arrives, and on a machine without a
 * GPU each drawing is the CPU's (npm run bench: docs/performance.md). Preloaded, the files are in before
 * the first text is laid out.
 *
 * The benchmark's basemap page (baseline.html) is left as it is: it is the reference.
 */
export const PRELOADED_FONT_FILES = ['noto-sans-latin-400-normal.woff2', 'noto-sans-latin-700-normal.woff2'] as const;

/** The pages that preload them: those that set text in both weights at their first view. */
export const FONT_PRELOADING_PAGES = ['index.html', 'embed.html'] as const;
