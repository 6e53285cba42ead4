/**
 * The app's Content-Security-Policy, in one place: the production server (serve.ts) sends it as a header,
 * and the build (vite.config.ts) writes it into index.html as a <meta> element for static hosts. The
 * end-to-end guard (tests/e2e/fixtures.ts) fails any test that provokes a violation, so each entry is
 * what the app needs in Chromium, no more. Why each one is as it is, in short:
 * - style-src 'self': Svelte's styles are in the built CSS; style bindings go through the CSSOM, which CSP
 *   does not govern, but a static style="…" attribute is a violation: use a class or a style: directive.
 * - img-src data:: MapLibre's control icons are data: SVGs in its CSS.
 * - worker-src 'self', no blob:: MapLibre 6 starts its worker straight from a same-origin URL.
 * - frame-ancestors 'none' cannot be in a <meta> policy (CSP 3): header only, with X-Frame-Options.
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
