// The page's text font, every script subset of Noto Sans 400 and 700 declared with its unicode-range, so
// that the browser fetches only the subsets the page's text uses (English: the Latin files). The
// per-subset files (latin-400.css, …) declare no unicode-range: with them Chromium fetched all six files
// for any text. The map's labels name the same files as the style's font-faces (map/fonts.ts).
// Shared by the app and the benchmark's baseline page.
import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/700.css';
