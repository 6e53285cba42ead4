/**
 * The editor's HTTP server (src/editor/server.ts): its API routes, what it refuses (other host names,
 * saves from another origin, bodies that are not JSON, files outside the basemap), and its headers.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEditor, type EditorServer } from '../../src/editor/server';
import { ROOT } from '../helpers';

let editor: EditorServer;

beforeAll(async () => {
  editor = await startEditor({ root: ROOT, port: 0 });
});
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
    expect((await request('GET', '/data/tiles/..%2Fcatalogue%2Fplaces.json')).status).toBe(400);
    expect((await request('GET', '/data/tiles/missing.pmtiles')).status).toBe(404);
  });
});
