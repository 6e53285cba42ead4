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

type Directives = Record<string, readonly string[]>;

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

/** The embed's page (embed.html): the one route another site may frame, and only the origins the deployer lists. */
export const EMBED_PATH = '/embed.html';

/**
 * The origins a `--frame-ancestors` list names ("https://news.example, https://intranet.example:8443"),
 * each a scheme, host and optional port and nothing else; or the entries that are not, all of them.
 */
export function readFrameAncestors(list: string): { origins: string[]; errors: string[] } {
  const origins: string[] = [];
  const errors: string[] = [];
  for (const entry of list.split(/[\s,]+/).filter(Boolean)) {
    let url: URL | null = null;
    try {
      url = new URL(entry);
    } catch {
      url = null;
    }
    if (!url || !/^https?:$/.test(url.protocol) || url.origin !== entry.replace(/\/$/, ''))
      errors.push(`"${entry}": an origin expected (http:// or https://, a host, an optional port, no path)`);
    else origins.push(url.origin);
  }
  return { origins, errors };
}

/**
 * The headers the embed's page is sent with instead of the app's, when origins are listed: the same
 * policy with those origins as its frame-ancestors, and no X-Frame-Options (it has no list form; its
 * ALLOW-FROM is obsolete, and browsers that know frame-ancestors follow it instead). With none listed
 * the embed is as unframeable as the app.
 */
export function embedHeaders(origins: readonly string[]): Readonly<Record<string, string>> {
  if (!origins.length) return SECURITY_HEADERS;
  const { 'X-Frame-Options': _deny, ...rest } = SECURITY_HEADERS;
  void _deny;
  return { ...rest, 'Content-Security-Policy': serialize({ ...CSP_DIRECTIVES, 'frame-ancestors': origins }) };
}
