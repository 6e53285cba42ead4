/**
 * The production server's headers for hosts that are not it: a `_headers` file, the format Netlify and
 * Cloudflare Pages read from the site's root, written into every build from the same table the server
 * sends (csp.ts SECURITY_HEADERS). docs/hosting.md says what any other host must do.
 *
 * Such hosts join the values of a header two rules give, so each header is set by one rule only:
 * everything gets the security headers; the hashed assets are cached for good; the tile archives keep
 * their bytes (no-transform: a host that recompressed them could not answer Range).
 */
import { SECURITY_HEADERS } from './csp';
import { contentType } from './content-types';

export const HEADERS_FILE = '_headers';

export function headersFile(): string {
  const rule = (path: string, headers: Record<string, string>) =>
    [path, ...Object.entries(headers).map(([k, v]) => `  ${k}: ${v}`)].join('\n');
  return (
    [
      '# Written by the build (src/server/static-hosts.ts): the headers src/server/serve.ts sends.',
      rule('/*', { ...SECURITY_HEADERS }),
      rule('/assets/*', { 'Cache-Control': 'public, max-age=31536000, immutable' }),
      rule('/data/tiles/*', { 'Content-Type': contentType('x.pmtiles'), 'Cache-Control': 'no-cache, no-transform' }),
    ].join('\n\n') + '\n'
  );
}
