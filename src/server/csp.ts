/**
 * The app's Content-Security-Policy, in one place: the production server (serve.ts) sends it as a header
 * with every response, and the build (vite.config.ts) writes it into index.html as a <meta> element for
 * static hosts that cannot set headers. The end-to-end guard (tests/e2e/fixtures.ts) fails any test that
 * provokes a violation, so every entry below is what the real app needs in Chromium, checked, not guessed.
 *
 * - script-src 'self': Vite's build emits external module scripts only; no inline script, no eval.
 * - style-src 'self', no 'unsafe-inline': Svelte 5 compiles component <style> into the build's CSS file;
 *   `style={…}` and `style:prop` are applied through the CSSOM (element.style.cssText / setProperty), as
 *   are MapLibre's styles, and CSP does not govern the CSSOM. Measured in Chromium 2026-11: a STATIC
 *   `style="…"` attribute in a component's markup is parsed from a <template> and IS reported as a
 *   style-src-attr violation (so is setAttribute('style', …)): use a class or a `style:` directive.
 * - img-src 'self' data:: MapLibre's control icons are data: SVGs in its CSS (removing data: gives two
 *   img-src violations at load); the favicon is ours.
 * - font-src 'self': the bundled Noto Sans files. connect-src 'self': the basemap and story layers are
 *   fetched from this origin only (the app is offline by construction).
 * - worker-src 'self', no blob:. MapLibre GL 6 starts its worker with `new Worker(url, { type: 'module' })`
 *   straight from the URL given to setWorkerUrl() whenever that URL is same-origin (workerFactory in
 *   maplibre-gl's src/util/web_worker.ts); it wraps the worker in a blob: URL only for a cross-origin
 *   worker URL, and in a data: URL only on a page with an opaque origin. Ours is the bundled
 *   /assets/maplibre-gl-worker-*.mjs. Verified in Chromium 2026-11-28: the page's only worker is that
 *   http URL; with `worker-src 'self'` the map becomes idle with no violation; with `worker-src 'none'`
 *   the one violation is "worker-src blocked http://…/assets/maplibre-gl-worker-….mjs" (not a blob:)
 *   and MapLibre says "Worker failed to load"; a blob: worker made by hand is blocked and reported.
 *   (MapLibre's loadScript() in the worker would need blob: or 'unsafe-eval' only for plugins such as
 *   the RTL-text plugin loaded from a non-.mjs URL; the app loads none.) The worker's own policy is the
 *   header sent with its script: this same one.
 * - default-src 'none' shuts everything not listed (object, media, frame, manifest…); base-uri and
 *   form-action do not fall back to default-src and are shut explicitly.
 * - frame-ancestors 'none': the page is never framed (clickjacking). A <meta> policy cannot carry it
 *   (CSP 3), so it is in the header only, with X-Frame-Options: DENY for older browsers.
 */

export type Directives = Record<string, readonly string[]>;

export const CSP_DIRECTIVES: Directives = Object.freeze({
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'manifest-src': ["'self'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
});

/** Directives a <meta http-equiv="Content-Security-Policy"> cannot carry (CSP 3: they are ignored there). */
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'report-to', 'sandbox']);

export const serialize = (directives: Directives): string =>
  Object.entries(directives)
    .map(([name, values]) => [name, ...values].join(' '))
    .join('; ');

/** The Content-Security-Policy header's value. */
export const CSP_HEADER = serialize(CSP_DIRECTIVES);

/** The same policy for a <meta> element: without the directives a meta policy ignores. */
export const CSP_META = serialize(Object.fromEntries(Object.entries(CSP_DIRECTIVES).filter(([name]) => !HEADER_ONLY.has(name))));

/** Every response carries these, the policy included. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': CSP_HEADER,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
});
