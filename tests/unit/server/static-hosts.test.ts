/**
 * The headers for hosts other than the production server (docs/hosting.md): the `_headers` file the build
 * writes and the nginx include say exactly what src/server/serve.ts sends.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SECURITY_HEADERS } from '../../../src/server/csp';
import { headersFile } from '../../../src/server/static-hosts';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/** `_headers` rules: path → header → value. */
function rules(text: string): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  let current: Record<string, string> | null = null;
  for (const line of text.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    if (!line.startsWith(' ')) out.set(line.trim(), (current = {}));
    else {
      const [, name, value] = /^\s+([^:]+):\s*(.*)$/.exec(line)!;
      current![name] = value;
    }
  }
  return out;
}

describe('headers for static hosts', () => {
  it("_headers gives every path the server's security headers, and each header by one rule only", () => {
    const r = rules(headersFile());
    expect(r.get('/*')).toEqual(SECURITY_HEADERS);
    expect(r.get('/assets/*')).toEqual({ 'Cache-Control': 'public, max-age=31536000, immutable' });
    expect(r.get('/data/tiles/*')?.['Cache-Control']).toContain('no-transform');
    const names = [...r.values()].flatMap((h) => Object.keys(h));
    expect(names.filter((n) => n === 'Cache-Control')).toHaveLength(2);
    expect(new Set(Object.keys(r.get('/*')!)).size + 3).toBe(names.length);
  });

  it("the nginx include sends the server's security headers, on errors too", () => {
    const conf = readFileSync(path.join(ROOT, 'docs/hosting/situation-map-headers.conf'), 'utf8');
    const sent = Object.fromEntries([...conf.matchAll(/^add_header (\S+) "([^"]*)" always;$/gm)].map((m) => [m[1], m[2]]));
    expect(sent).toEqual(SECURITY_HEADERS);
    const site = readFileSync(path.join(ROOT, 'docs/hosting/situation-map.conf'), 'utf8');
    // Every location includes them (nginx drops inherited add_header where a location adds its own).
    const locations = site.split(/^location /m).slice(1);
    expect(locations.length).toBeGreaterThanOrEqual(3);
    for (const l of locations) expect(l).toContain('include /etc/nginx/situation-map-headers.conf;');
  });
});
