/**
 * Framing: the embed's page (embed.html) may be framed by the origins the deployer lists and by no
 * other; the app never. Over a real socket, with the production server's handler, and its command line's
 * refusal of a list that holds something other than origins.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSP_HEADER, EMBED_PATH, embedHeaders, readFrameAncestors, SECURITY_HEADERS } from '../../../src/server/csp';
import { startServer, type Running } from '../../../src/server/serve';
import { runTsx } from '../../support/helpers';
import { full } from '../../support/tier';

describe('readFrameAncestors', () => {
  it.each([
    ['https://news.example', ['https://news.example'], []],
    ['https://a.example, http://127.0.0.1:4283/', ['https://a.example', 'http://127.0.0.1:4283'], []],
    ['', [], []],
  ])('%j lists %j', (list, origins, errors) => expect(readFrameAncestors(list)).toEqual({ origins, errors }));

  it('names every entry that is not an origin, all at once', () => {
    expect(readFrameAncestors("https://a.example/page *  'self' ftp://b.example").errors).toEqual([
      '"https://a.example/page": an origin expected (http:// or https://, a host, an optional port, no path)',
      '"*": an origin expected (http:// or https://, a host, an optional port, no path)',
      `"'self'": an origin expected (http:// or https://, a host, an optional port, no path)`,
      '"ftp://b.example": an origin expected (http:// or https://, a host, an optional port, no path)',
    ]);
  });
});

describe('the server frames the embed, and only the embed, for the listed origins', () => {
  let dir: string;
  let running: Running;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'embed-headers-'));
    for (const f of ['index.html', 'embed.html']) writeFileSync(path.join(dir, f), `<!doctype html><title>${f}</title>`);
    running = await startServer({ root: dir, port: 0, frameAncestors: ['https://news.example'] });
  });
  afterAll(async () => {
    await running.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends embed.html with the listed origin as its frame-ancestors, and no X-Frame-Options', async () => {
    for (const target of [EMBED_PATH, `${EMBED_PATH}?x=1`]) {
      const res = await fetch(new URL(target, running.url));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-security-policy')).toBe(
        CSP_HEADER.replace("frame-ancestors 'none'", 'frame-ancestors https://news.example'),
      );
      expect(res.headers.get('x-frame-options')).toBeNull();
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('sends the app, and anything else, unframeable', async () => {
    for (const target of ['/', '/index.html', '/missing.html', '/embed.html/x']) {
      const res = await fetch(new URL(target, running.url));
      expect(res.headers.get('content-security-policy'), target).toBe(CSP_HEADER);
      expect(res.headers.get('x-frame-options'), target).toBe('DENY');
    }
  });

  it('keeps the embed unframeable when no origin is listed', () => {
    expect(embedHeaders([])).toBe(SECURITY_HEADERS);
    expect(CSP_HEADER).toContain("frame-ancestors 'none'");
  });

  full.it('refuses, on the command line, a list with something other than origins', () => {
    const run = runTsx('src/server/serve.ts', ['--dir', dir, '--port', '0', '--frame-ancestors', 'https://a.example/x']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--frame-ancestors:\n  "https://a.example/x": an origin expected');
  });
});
