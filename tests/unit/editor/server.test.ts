/**
 * The editor's HTTP server (src/editor/server.ts): its API routes, what it refuses (other host names,
 * saves from another origin, bodies that are not JSON, files outside the basemap), and its headers.
 */
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { glyphFile, LABEL_FONTS } from '../../../src/basemap/labelFonts';
import { MAX_BODY, startEditor, type EditorServer } from '../../../src/editor/server';
import { ROOT } from '../../support/helpers';

let editor: EditorServer;

beforeAll(async () => {
  editor = await startEditor({ root: ROOT, port: 0 });
}, 120_000);
afterAll(() => editor?.close());

/** A request with the headers given as they are (fetch would not let a test set Host). */
function request(
  method: string,
  target: string,
  { headers = {}, body }: { headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const url = new URL(target, editor.url);
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('the editor server', () => {
  it('lists the drafts and answers a gazetteer search', async () => {
    const drafts = await request('GET', '/api/drafts');
    expect(drafts.status).toBe(200);
    expect(JSON.parse(drafts.body)).toMatchObject({ drafts: expect.any(Array), initial: null });
    const search = JSON.parse((await request('GET', '/api/gazetteer?q=Kiev')).body) as { hits: { id: string }[] };
    expect(search.hits[0].id).toBe('geonames:703448');
  });

  it('sends the security headers, its policy allowing inline styles only beyond the reader’s', async () => {
    const page = await request('GET', '/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<div id="editor">');
    expect(page.headers['content-security-policy']).toMatch(/default-src 'none'.*style-src 'self' 'unsafe-inline'/);
    expect(page.headers['x-frame-options']).toBe('DENY');
  });

  it('refuses other host names, saves from other origins, bodies that are not JSON and unknown routes', async () => {
    expect((await request('GET', '/api/drafts', { headers: { Host: 'attacker.example' } })).status).toBe(403);
    const save = { headers: { Origin: 'https://attacker.example', 'Content-Type': 'application/json' }, body: '{}' };
    expect((await request('POST', '/api/save', save)).status).toBe(403);
    const notJson = await request('POST', '/api/save', { body: '{"id": ' });
    expect([notJson.status, JSON.parse(notJson.body)]).toEqual([400, { error: 'the request body is not JSON' }]);
    expect((await request('POST', '/api/save', { body: '{"id": "../places"}' })).status).toBe(400);
    expect((await request('GET', '/api/nothing')).status).toBe(404);
  });

  it("serves the basemap's tile archives by name, in parts, and nothing beside them", async () => {
    const whole = await request('GET', '/data/tiles/region.pmtiles');
    expect([whole.status, whole.headers['content-type']]).toEqual([200, 'application/vnd.pmtiles']);
    const part = await request('GET', '/data/tiles/region.pmtiles', { headers: { Range: 'bytes=0-6' } });
    expect([part.status, part.body]).toEqual([206, 'PMTiles']);
    expect((await request('GET', '/data/tiles/..%2Fcatalogue%2Fplaces.json')).status).toBe(404);
    expect((await request('GET', '/data/tiles/missing.pmtiles')).status).toBe(404);
  });

  it("serves the reader's glyph files as glyphs, not the page", async () => {
    for (const { stack: font } of LABEL_FONTS) {
      const glyphs = await request('GET', `/data/glyphs/${glyphFile(font)}`);
      expect([glyphs.status, glyphs.headers['content-type']], font).toEqual([200, 'application/x-protobuf']);
      expect(glyphs.body).not.toContain('<!doctype');
    }
    expect((await request('GET', '/data/glyphs/NotoSans-Regular.256-511.pbf')).status).toBe(404);
  });

  it('serves no project file outside what the screen is built from', async () => {
    for (const file of [
      'package.json',
      'geodata/gazetteer/gazetteer.jsonl',
      'geodata/catalogue/places.json',
      'README.md',
      'tests/support/helpers.ts',
    ]) {
      const r = await request('GET', `/@fs${path.join(ROOT, file)}`);
      expect(r.status, file).toBe(403);
      expect(r.body.length, file).toBeLessThan(1000);
    }
    expect((await request('GET', '/package.json')).body).not.toContain('"devDependencies"');
    // The screen's own modules are served to the screen.
    expect((await request('GET', `/@fs${path.join(ROOT, 'src/editor/main.ts')}`)).status).toBe(200);
  });

  it('answers nothing to another origin: another site, or a page on another port of this machine', async () => {
    const target = `/@fs${path.join(ROOT, 'src/editor/main.ts')}`;
    for (const headers of <Record<string, string>[]>[
      { Origin: 'http://127.0.0.1:9' },
      { Origin: 'http://localhost:5173' },
      { 'Sec-Fetch-Site': 'same-site' },
      { 'Sec-Fetch-Site': 'cross-site' },
    ]) {
      for (const url of [target, '/', '/api/drafts', '/data/tiles/region.pmtiles']) {
        const r = await request('GET', url, { headers });
        expect(r.status, `${url} ${JSON.stringify(headers)}`).toBe(403);
        expect(r.headers['access-control-allow-origin']).toBeUndefined();
      }
    }
    expect((await request('GET', target, { headers: { 'Sec-Fetch-Site': 'same-origin' } })).status).toBe(200);
  });

  it('answers a body over the limit with 413 and says why, before reading it', async () => {
    const big = Buffer.alloc(MAX_BODY * 6, 0x20); // ~50 MB
    const started = Date.now();
    const r = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(
        new URL('/api/save', editor.url),
        { method: 'POST', headers: { 'Content-Length': big.length } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString('utf8') }));
        },
      );
      req.on('error', reject);
      req.end(big);
    });
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body).error).toMatch(/request body over 8 MB.*nothing was read or written/);
    expect(Date.now() - started).toBeLessThan(20_000);
    // The same without a length announced (chunked): stopped on the byte past the limit.
    const chunked = await new Promise<number>((resolve, reject) => {
      const req = http.request(new URL('/api/save', editor.url), { method: 'POST' }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode!));
      });
      req.on('error', reject);
      for (let i = 0; i < 10; i++) req.write(big.subarray(0, MAX_BODY / 4 + 1));
      req.end();
    });
    expect(chunked).toBe(413);
  });
});
