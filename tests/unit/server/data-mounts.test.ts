/**
 * The data mounts (src/server/data-mounts.ts) that the development server and the editor's server serve,
 * over a real socket: the same 206, 416 and 304 answers as the production server (both are ranges.ts's),
 * 404 for a name the mount lacks, only GET and HEAD.
 */
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { folder, serveData } from '../../../src/server/data-mounts';

const body = Buffer.from(Array.from({ length: 3000 }, (_, i) => i % 251));
const size = body.length;
const mtime = new Date('2026-01-02T03:04:05Z');
let dir: string;
let server: Server;
let port: number;

function get(target: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: target, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'mounts-'));
  writeFileSync(path.join(dir, 'region.pmtiles'), body);
  utimesSync(path.join(dir, 'region.pmtiles'), mtime, mtime);
  const mounts = { 'data/tiles/': folder(dir) };
  server = createServer((req, res) => {
    if (!serveData(mounts, req, res)) res.writeHead(418).end('not a mount');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

const FILE = '/data/tiles/region.pmtiles';

describe('the data mounts', () => {
  it.each([
    ['bytes=0-0', 0, 0],
    ['bytes=-500', size - 500, size - 1],
    [`bytes=-${size + 10}`, 0, size - 1],
    ['bytes=100-', 100, size - 1],
    [`bytes=${size - 5}-${size + 100}`, size - 5, size - 1],
  ])('answers %s with 206 and those bytes', async (range, first, last) => {
    const r = await get(FILE, { Range: range });
    expect(r.status).toBe(206);
    expect(r.headers['content-range']).toBe(`bytes ${first}-${last}/${size}`);
    expect(r.headers['content-type']).toBe('application/vnd.pmtiles');
    expect(r.body.equals(body.subarray(first, last + 1))).toBe(true);
  });

  it.each([`bytes=${size}-`, 'bytes=-0'])('answers the unsatisfiable %s with 416 and the size', async (range) => {
    const r = await get(FILE, { Range: range });
    expect(r.status).toBe(416);
    expect(r.headers['content-range']).toBe(`bytes */${size}`);
  });

  it.each(['bytes=200-100', 'bytes=0-1,5-6', 'lines=1-2'])('sends the whole file for %s', async (range) => {
    const r = await get(FILE, { Range: range });
    expect(r.status).toBe(200);
    expect(r.body.equals(body)).toBe(true);
  });

  it('answers If-None-Match (a tag it sent, or *) and If-Modified-Since with 304; a 304 wins over a range', async () => {
    const first = await get(FILE);
    expect(first.status).toBe(200);
    expect(first.headers['last-modified']).toBe(mtime.toUTCString());
    for (const headers of <Record<string, string>[]>[
      { 'If-None-Match': first.headers.etag! },
      { 'If-None-Match': '*' },
      { 'If-Modified-Since': mtime.toUTCString() },
      { 'If-None-Match': '*', Range: 'bytes=0-0' },
    ]) {
      const r = await get(FILE, headers);
      expect(r.status, JSON.stringify(headers)).toBe(304);
      expect(r.body.length).toBe(0);
    }
    expect((await get(FILE, { 'If-Modified-Since': new Date(mtime.getTime() - 1000).toUTCString() })).status).toBe(200);
    expect((await get(FILE, { 'If-None-Match': 'W/"other"' })).status).toBe(200);
  });

  it('honours If-Range: the range for the file as it is, the whole file for another version', async () => {
    const { headers } = await get(FILE);
    expect((await get(FILE, { Range: 'bytes=0-9', 'If-Range': headers.etag! })).status).toBe(206);
    expect((await get(FILE, { Range: 'bytes=0-9', 'If-Range': headers['last-modified']! })).status).toBe(206);
    expect((await get(FILE, { Range: 'bytes=0-9', 'If-Range': 'W/"1-2"' })).status).toBe(200);
  });

  it('answers a name the mount lacks with 404, a write with 405, and leaves other paths alone', async () => {
    expect((await get('/data/tiles/missing.pmtiles')).status).toBe(404);
    expect((await get('/data/tiles/../region.pmtiles')).status).toBe(404);
    expect((await get(FILE, {}, 'POST')).status).toBe(405);
    expect((await get('/index.html')).status).toBe(418);
  });
});
