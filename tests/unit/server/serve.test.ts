/**
 * The production server (src/server/serve.ts) over real sockets: security headers on every response,
 * content types, compression from the build's precompressed copies (decompressed and compared), path
 * traversal, 404/405, HEAD, revalidation, Range;
 * its command line; and the Content-Security-Policy it shares with the build's <meta> element.
 */
import { execFileSync, spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FONT_PRELOADING_PAGES, PRELOADED_FONT_FILES } from '../../../src/fontPreload';
import { CSP_DIRECTIVES, CSP_HEADER, CSP_META, SECURITY_HEADERS } from '../../../src/server/csp';
import { MIN_COMPRESS_BYTES, precompress } from '../../../src/server/precompress';
import { chooseEncoding, startServer, type Running } from '../../../src/server/serve';
import { ROOT, runTsx } from '../../support/helpers';
import { full } from '../../support/tier';

const SECRET = 'TOP-SECRET-OUTSIDE-THE-BUILD';

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A raw request: the path goes on the wire exactly as given (fetch would normalise "..", Node does not). */
function request(base: string, target: string, { method = 'GET', headers = {} as Record<string, string> } = {}) {
  const { hostname, port } = new URL(base);
  return new Promise<Reply>((resolve, reject) => {
    const req = httpRequest({ host: hostname, port, path: target, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** Text that compresses well and is over the threshold. */
const big = (line: string) => Array.from({ length: 200 }, (_, i) => `${line} ${i}`).join('\n') + '\n';

const FILES: Record<string, string | Buffer> = {
  'index.html': '<!doctype html><title>t</title><p>small index</p>\n',
  'app.js': big('console.log("app");'),
  'worker.mjs': big('export const worker = true;'),
  'style.css': big('.a { color: red; }'),
  'data.json': JSON.stringify({ rows: big('row').split('\n') }),
  'shape.geojson': JSON.stringify({ type: 'FeatureCollection', features: [], note: big('geo') }),
  'notes.txt': big('plain text'),
  'icon.svg': `<svg xmlns="http://www.w3.org/2000/svg">${big('<!-- path -->')}</svg>`,
  'image.png': Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.alloc(4000, 7)]),
  'font.woff2': Buffer.alloc(4000, 1),
  'font.woff': Buffer.alloc(4000, 2),
  'blob.bin': Buffer.alloc(4000, 3),
  'UPPER.JS': big('upper case extension'),
  'tiny.js': 'export {};\n',
  'assets/chunk-abc123.js': big('hashed chunk'),
  'sub/index.html': '<p>not an index for a folder</p>\n',
  '.secret': SECRET,
};

let dir: string;
let root: string;
let server: Running;
let compressed: string[];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'serve-'));
  root = path.join(dir, 'dist');
  for (const [name, content] of Object.entries(FILES)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), content);
  }
  writeFileSync(path.join(dir, 'outside.txt'), SECRET);
  symlinkSync(path.join(dir, 'outside.txt'), path.join(root, 'link-out.txt'));
  // What the build does to dist/ (vite.config.ts): the server compresses nothing itself.
  compressed = await precompress(root);
  server = await startServer({ root, port: 0 });
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (target: string, headers: Record<string, string> = {}) => request(server.url, target, { headers });

describe('the production server', () => {
  it('binds to 127.0.0.1 by default and says where', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it.each([
    ['GET', '/'],
    ['GET', '/app.js'],
    ['HEAD', '/data.json'],
    ['GET', '/missing.js'],
    ['GET', '/../outside.txt'],
    ['POST', '/'],
    ['DELETE', '/app.js'],
  ])('sends the security headers on %s %s, whatever the status', async (method, target) => {
    const r = await request(server.url, target, { method });
    expect(r.headers['content-security-policy']).toBe(CSP_HEADER);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['referrer-policy']).toBe('no-referrer');
    expect(r.headers['x-frame-options']).toBe('DENY');
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(r.headers[name.toLowerCase()], name).toBe(value);
    expect(r.headers['x-powered-by']).toBeUndefined();
  });

  it('sends them on a 304 too', async () => {
    const first = await get('/app.js');
    const r = await get('/app.js', { 'If-None-Match': String(first.headers.etag) });
    expect(r.status).toBe(304);
    expect(r.headers['content-security-policy']).toBe(CSP_HEADER);
  });

  it.each([
    ['/', 'text/html; charset=utf-8'],
    ['/index.html', 'text/html; charset=utf-8'],
    ['/app.js', 'text/javascript; charset=utf-8'],
    ['/worker.mjs', 'text/javascript; charset=utf-8'],
    ['/UPPER.JS', 'text/javascript; charset=utf-8'],
    ['/style.css', 'text/css; charset=utf-8'],
    ['/data.json', 'application/json'],
    ['/shape.geojson', 'application/geo+json'],
    ['/notes.txt', 'text/plain; charset=utf-8'],
    ['/icon.svg', 'image/svg+xml'],
    ['/image.png', 'image/png'],
    ['/font.woff2', 'font/woff2'],
    ['/font.woff', 'font/woff'],
    ['/blob.bin', 'application/octet-stream'],
  ])('serves %s as %s, byte for byte', async (target, type) => {
    const r = await get(target);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe(type);
    const name = target === '/' ? 'index.html' : target.slice(1);
    expect(r.body.equals(Buffer.from(FILES[name]))).toBe(true);
    expect(Number(r.headers['content-length'])).toBe(r.body.length);
  });

  describe('compression', () => {
    it.each(['/app.js', '/worker.mjs', '/style.css', '/data.json', '/shape.geojson', '/notes.txt', '/icon.svg'])(
      '%s: gzip and brotli, each decompressing to the file',
      async (target) => {
        const file = Buffer.from(FILES[target.slice(1)]);
        expect(file.length).toBeGreaterThan(MIN_COMPRESS_BYTES);
        const gz = await get(target, { 'Accept-Encoding': 'gzip' });
        expect(gz.headers['content-encoding']).toBe('gzip');
        expect(gz.headers.vary).toBe('Accept-Encoding');
        expect(Number(gz.headers['content-length'])).toBe(gz.body.length);
        expect(gz.body.length).toBeLessThan(file.length / 2);
        expect(gunzipSync(gz.body).equals(file)).toBe(true);
        const br = await get(target, { 'Accept-Encoding': 'gzip, deflate, br' });
        expect(br.headers['content-encoding']).toBe('br');
        expect(brotliDecompressSync(br.body).equals(file)).toBe(true);
        // The same copy every time.
        const again = await get(target, { 'Accept-Encoding': 'br' });
        expect(again.body.equals(br.body)).toBe(true);
        const plain = await get(target);
        expect(plain.headers['content-encoding']).toBeUndefined();
        expect(plain.headers.vary).toBe('Accept-Encoding');
        expect(plain.body.equals(file)).toBe(true);
      },
    );

    it('leaves small files, images, fonts and unknown types as they are', async () => {
      for (const target of ['/', '/tiny.js', '/image.png', '/font.woff2', '/font.woff', '/blob.bin']) {
        const r = await get(target, { 'Accept-Encoding': 'gzip, br' });
        expect(r.headers['content-encoding'], target).toBeUndefined();
        expect(r.body.equals(Buffer.from(FILES[target === '/' ? 'index.html' : target.slice(1)])), target).toBe(true);
      }
    });

    it('writes copies for the text files over the threshold only, each smaller than its file', () => {
      const names = compressed.map((f) => path.relative(root, f)).sort();
      expect(names).toEqual(
        [
          'app.js',
          'worker.mjs',
          'style.css',
          'data.json',
          'shape.geojson',
          'notes.txt',
          'icon.svg',
          'UPPER.JS',
          'assets/chunk-abc123.js',
        ].sort(),
      );
      for (const name of names) {
        for (const ext of ['br', 'gz'])
          expect(statSync(path.join(root, `${name}.${ext}`)).size).toBeLessThan(statSync(path.join(root, name)).size);
      }
      expect(existsSync(path.join(root, 'tiny.js.br'))).toBe(false);
      expect(existsSync(path.join(root, 'image.png.br'))).toBe(false);
    });

    it('honours q-values and refusals', async () => {
      expect((await get('/app.js', { 'Accept-Encoding': 'br;q=0, gzip' })).headers['content-encoding']).toBe('gzip');
      expect((await get('/app.js', { 'Accept-Encoding': 'gzip;q=0.5, br;q=0.4' })).headers['content-encoding']).toBe('gzip');
      expect((await get('/app.js', { 'Accept-Encoding': 'identity' })).headers['content-encoding']).toBeUndefined();
      expect((await get('/app.js', { 'Accept-Encoding': '*;q=0' })).headers['content-encoding']).toBeUndefined();
    });

    it.each([
      [undefined, null],
      ['', null],
      ['gzip', 'gzip'],
      ['br', 'br'],
      ['gzip, br', 'br'],
      ['GZIP', 'gzip'],
      ['deflate', null],
      ['*', 'br'],
      ['*;q=0.5, br;q=0', 'gzip'],
      ['gzip;q=0, br;q=0', null],
      ['br;q=0.1, gzip;q=0.9', 'gzip'],
      ['br;q=bogus, gzip', 'gzip'],
      [' ,, gzip ;q=1 ,', 'gzip'],
    ])('chooseEncoding(%j) is %j', (header, want) => {
      expect(chooseEncoding(header)).toBe(want);
    });

    it('gives each encoding its own ETag', async () => {
      const tags = await Promise.all(
        ['identity', 'gzip', 'br'].map(async (e) => (await get('/app.js', { 'Accept-Encoding': e })).headers.etag),
      );
      expect(new Set(tags).size).toBe(3);
    });
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    for (const target of ['/', '/app.js', '/missing']) {
      for (const ae of ['', 'gzip', 'br']) {
        const headers: Record<string, string> = ae ? { 'Accept-Encoding': ae } : {};
        const [g, h] = [await get(target, headers), await request(server.url, target, { method: 'HEAD', headers })];
        expect(h.status).toBe(g.status);
        expect(h.body.length).toBe(0);
        for (const name of ['content-type', 'content-length', 'content-encoding', 'etag', 'vary', 'content-security-policy'])
          expect(h.headers[name], `${target} ${ae} ${name}`).toBe(g.headers[name]);
      }
    }
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])('refuses %s with 405 and Allow: GET, HEAD', async (method) => {
    const r = await request(server.url, '/app.js', { method });
    expect(r.status).toBe(405);
    expect(r.headers.allow).toBe('GET, HEAD');
    expect(r.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(r.body.toString()).toMatch(/^405 /);
  });

  it.each([
    '/../outside.txt',
    '/assets/../../outside.txt',
    '/%2e%2e/outside.txt',
    '/%2E%2E/outside.txt',
    '/..%2foutside.txt',
    '/..%2Foutside.txt',
    '/assets/..%2f..%2foutside.txt',
    '/..%5coutside.txt',
    '/%5c..%5coutside.txt',
    '/./index.html',
    '/app.js%00.png',
    '/%E0%A4%A',
  ])('refuses the traversal %s with 400', async (target) => {
    const r = await get(target);
    expect(r.status).toBe(400);
    expect(r.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(r.body.toString()).not.toContain(SECRET);
  });

  it('answers what Node cannot parse itself, with the same headers', async () => {
    const notAPath = await get('outside.txt');
    const huge = await get('/app.js', { 'X-Padding': 'x'.repeat(64 * 1024) });
    for (const [r, status] of [
      [notAPath, 400],
      [huge, 431],
    ] as const) {
      expect(r.status).toBe(status);
      expect(r.headers['content-security-policy']).toBe(CSP_HEADER);
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(r.body.toString()).toMatch(new RegExp(`^${status} `));
    }
  });

  it('serves neither a symbolic link out of the folder nor a dot-file', async () => {
    for (const target of ['/link-out.txt', '/.secret', '/%2esecret']) {
      const r = await get(target);
      expect(r.status, target).toBe(404);
      expect(r.body.toString()).not.toContain(SECRET);
    }
  });

  it('serves index.html for "/" only: other folders are 404', async () => {
    expect((await get('/')).body.toString()).toContain('small index');
    expect((await get('/?utm=x#frag')).body.toString()).toContain('small index');
    for (const target of ['/sub', '/sub/', '/assets', '/assets/', '//']) expect((await get(target)).status, target).toBe(404);
    expect((await get('/sub/index.html')).status).toBe(200);
  });

  it('answers a missing file with 404 and a plain-text body', async () => {
    const r = await get('/nope/missing.js');
    expect(r.status).toBe(404);
    expect(r.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(r.body.toString()).toBe('404 not found\n');
    expect((await get('/app.js/child')).status).toBe(404);
  });

  it.each([
    ['one name over 255 bytes', `/${'a'.repeat(300)}.js`],
    ['a path of many names, 5,000 bytes', `/${'abcdefghi/'.repeat(500)}x.js`],
  ])('answers a path too long for the file system (%s) with 404 and one short log line', async (_, target) => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const r = await get(target);
      expect(r.status).toBe(404);
      expect(r.body.toString()).toBe('404 not found\n');
      expect(errors).toHaveBeenCalledTimes(1);
      const line = errors.mock.calls[0].map(String).join(' ');
      expect(line).not.toContain('\n');
      expect(line.length).toBeLessThan(200);
      expect(line).not.toContain(target);
      expect(line).toMatch(/too long/);
    } finally {
      errors.mockRestore();
    }
  });

  it('revalidates with ETag and caches hashed assets for good', async () => {
    const r = await get('/app.js');
    // sirv's tag, weak (size and time, not content), matched whole: a browser sends back the one it holds.
    expect(r.headers.etag).toMatch(/^W\/"[^"]+"$/);
    expect(r.headers['last-modified']).toBeTruthy();
    expect(r.headers['cache-control']).toBe('no-cache');
    const again = await get('/app.js', { 'If-None-Match': String(r.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers['cache-control']).toBe('no-cache');
    expect((await get('/app.js', { 'If-None-Match': '"other"' })).status).toBe(200);
    expect((await get('/assets/chunk-abc123.js')).headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('answers If-None-Match: * with 304 for a file that exists, and 404 for one that does not', async () => {
    const r = await get('/app.js', { 'If-None-Match': '*' });
    expect(r.status).toBe(304);
    expect(r.body.length).toBe(0);
    expect(r.headers.etag).toMatch(/^W\/"[^"]+"$/);
    expect(r.headers['content-security-policy']).toBe(CSP_HEADER);
    expect((await get('/missing.js', { 'If-None-Match': '*' })).status).toBe(404);
  });

  it('answers If-Modified-Since with 304 from the file date on, and 200 before it or for no date', async () => {
    const r = await get('/app.js');
    const modified = Date.parse(String(r.headers['last-modified']));
    const at = (ms: number) => new Date(ms).toUTCString();
    for (const since of [at(modified), at(modified + 3600_000)]) {
      const again = await get('/app.js', { 'If-Modified-Since': since });
      expect(again.status, since).toBe(304);
      expect(again.body.length).toBe(0);
    }
    for (const since of [at(modified - 1000), 'not a date']) {
      const again = await get('/app.js', { 'If-Modified-Since': since });
      expect(again.status, since).toBe(200);
      expect(again.body.toString()).toBe(FILES['app.js']);
    }
    // If-None-Match, when sent, decides alone (RFC 9110 §13.1.3).
    expect((await get('/app.js', { 'If-None-Match': '"other"', 'If-Modified-Since': at(modified) })).status).toBe(200);
    // A precondition comes before a range.
    expect((await get('/app.js', { 'If-None-Match': '*', Range: 'bytes=0-0' })).status).toBe(304);
  });
});

describe('Range requests', () => {
  const file = Buffer.from(FILES['app.js']);
  const size = file.length;

  it.each([
    ['a range', 'bytes=100-199', 100, 199],
    ['an open range', `bytes=${size - 10}-`, size - 10, size - 1],
    ['a suffix range', 'bytes=-500', size - 500, size - 1],
    ['a suffix longer than the file', `bytes=-${size + 10}`, 0, size - 1],
    ['a range past the end', `bytes=${size - 5}-${size + 100}`, size - 5, size - 1],
    ['one byte', 'bytes=7-7', 7, 7],
    // The probe a tile-archive reader may send first; sirv alone sends the whole file for it.
    ['the first byte', 'bytes=0-0', 0, 0],
  ])('answers %s (%s) with 206, its Content-Range and those bytes of the file itself', async (_, range, first, last) => {
    // Accept-Encoding as a browser sends it: a range is of the file's bytes, never of its brotli copy.
    const r = await get('/app.js', { Range: range, 'Accept-Encoding': 'gzip, deflate, br' });
    expect(r.status).toBe(206);
    expect(r.headers['content-range']).toBe(`bytes ${first}-${last}/${size}`);
    expect(r.headers['content-encoding']).toBeUndefined();
    expect(r.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(r.headers['content-security-policy']).toBe(CSP_HEADER);
    expect(Number(r.headers['content-length'])).toBe(last - first + 1);
    expect(r.body.equals(file.subarray(first, last + 1))).toBe(true);
  });

  it.each([`bytes=${size}-`, `bytes=${size + 1000}-${size + 2000}`, 'bytes=-0'])(
    'answers the unsatisfiable %s with 416 and the size',
    async (range) => {
      const r = await get('/app.js', { Range: range });
      expect(r.status).toBe(416);
      expect(r.headers['content-range']).toBe(`bytes */${size}`);
      expect(r.headers['content-security-policy']).toBe(CSP_HEADER);
      expect(r.body.length).toBe(0);
    },
  );

  it.each(['bytes=200-100', 'bytes=0-1,5-6', 'lines=1-2', 'bytes=-', 'bytes=x-y'])(
    'ignores the range %s it will not serve as asked, and sends the whole file (200)',
    async (range) => {
      const r = await get('/app.js', { Range: range });
      expect(r.status).toBe(200);
      expect(r.headers['content-range']).toBeUndefined();
      expect(r.body.equals(file)).toBe(true);
    },
  );

  it('sends the whole file when If-Range names another version of it', async () => {
    for (const ifRange of ['Wed, 21 Oct 2015 07:28:00 GMT', 'W/"1-2"', '"x"']) {
      const r = await get('/app.js', { Range: 'bytes=0-9', 'If-Range': ifRange });
      expect(r.status).toBe(200);
      expect(r.body.equals(file)).toBe(true);
    }
  });

  it('sends the range when If-Range names the file as it is: its ETag (as Chromium sends it) or its date', async () => {
    const head = await get('/app.js');
    for (const ifRange of [head.headers.etag as string, head.headers['last-modified'] as string]) {
      const r = await get('/app.js', { Range: 'bytes=0-9', 'If-Range': ifRange });
      expect(r.status, ifRange).toBe(206);
      expect(r.body.equals(file.subarray(0, 10))).toBe(true);
    }
  });

  it('still refuses what it refuses', async () => {
    expect((await get('/../outside.txt', { Range: 'bytes=0-3' })).status).toBe(400);
    expect((await get('/missing.js', { Range: 'bytes=0-3' })).status).toBe(404);
    expect((await get('/link-out.txt', { Range: 'bytes=0-3' })).status).toBe(404);
  });
});

full.describe('the server on the command line', () => {
  const cli = (args: string[]) =>
    spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/server/serve.ts'), ...args], { cwd: ROOT });

  it('prints the URL it serves and serves it', async () => {
    const child = cli(['--port', '0', '--dir', root]);
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = '';
        let err = '';
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString();
          if (out.includes('\n')) resolve(out.split('\n')[0]);
        });
        child.stderr.on('data', (c: Buffer) => (err += c.toString()));
        child.on('exit', (code) => reject(new Error(`exited with ${code}: ${err}`)));
      });
      const m = /^Situation Map: (http:\/\/127\.0\.0\.1:\d+\/)$/.exec(line);
      expect(m, line).not.toBeNull();
      const r = await request(m![1], '/');
      expect(r.status).toBe(200);
      expect(r.headers['content-security-policy']).toBe(CSP_HEADER);
    } finally {
      child.kill('SIGTERM');
    }
  }, 30_000);

  it.each([
    [['--port', 'eighty'], 2, /--port: a port number 0–65535 expected/],
    [['--port', '70000'], 2, /--port: a port number/],
    [['--colour', 'red'], 2, /Unknown option '--colour'/],
    [['--dir', '/nonexistent/dist'], 1, /index\.html not found: build the app first/],
  ])(
    '%j exits %i, saying why',
    (args, code, message) => {
      const { status, stderr } = runTsx('src/server/serve.ts', args);
      expect(status).toBe(code);
      expect(stderr).toMatch(message);
    },
    30_000,
  );
});

describe('the Content-Security-Policy', () => {
  const parse = (policy: string) =>
    new Map(
      policy.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );

  it('is strict: nothing inline, nothing evaluated, nothing from another origin', () => {
    const p = parse(CSP_HEADER);
    expect(CSP_HEADER).not.toMatch(/unsafe-|\*|https?:|blob:/);
    expect(p.get('default-src')).toEqual(["'none'"]);
    expect(p.get('script-src')).toEqual(["'self'"]);
    expect(p.get('style-src')).toEqual(["'self'"]);
    expect(p.get('connect-src')).toEqual(["'self'"]);
    expect(p.get('worker-src')).toEqual(["'self'"]);
    expect(p.get('frame-ancestors')).toEqual(["'none'"]);
    expect(p.get('base-uri')).toEqual(["'none'"]);
    expect(p.get('object-src') ?? p.get('default-src')).toEqual(["'none'"]);
    expect([...p.keys()]).toEqual(Object.keys(CSP_DIRECTIVES));
  });

  it('is the same policy in the meta element, less what a meta policy ignores', () => {
    const header = parse(CSP_HEADER);
    const meta = parse(CSP_META);
    header.delete('frame-ancestors');
    expect(meta).toEqual(header);
  });

  full.it(
    'is in the built index.html, first in <head>, and the build has no inline script',
    () =>
      withBuild((out) => {
        const html = readFileSync(path.join(out, 'index.html'), 'utf8');
        const head = /<head>\s*(<meta[^>]*>)/.exec(html);
        expect(head, 'a meta element first in <head>').not.toBeNull();
        expect(head![1]).toMatch(/^<meta http-equiv="Content-Security-Policy" content="[^"]*">$/);
        const content = /content="([^"]*)"/
          .exec(head![1])![1]
          .replace(/&#39;/g, "'")
          .replace(/&quot;/g, '"')
          .replace(/&amp;/g, '&');
        expect(content).toBe(CSP_META);
        const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
        expect(scripts.length).toBeGreaterThan(0);
        for (const [, attrs, body] of scripts) {
          expect(attrs).toMatch(/\ssrc="\//);
          expect(body.trim()).toBe('');
        }
        expect(html).not.toMatch(/\son[a-z]+=|\sstyle=/i);
      }),
    120_000,
  );
});

/**
 * Runs `check` on a production build: `npm test`'s own when it has passed (tests/run.mjs BUILT_DIST), or
 * else one made here from the sources as they are now, and removed after.
 */
function withBuild(check: (dist: string) => void): void {
  const built = process.env.BUILT_DIST ? path.resolve(ROOT, process.env.BUILT_DIST) : null;
  const out = built ?? mkdtempSync(path.join(tmpdir(), 'build-'));
  try {
    if (!built)
      execFileSync(
        process.execPath,
        [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', out, '--emptyOutDir'],
        {
          cwd: ROOT,
          stdio: 'pipe',
        },
      );
    check(out);
  } finally {
    if (!built) rmSync(out, { recursive: true, force: true });
  }
}

describe('the built pages', () => {
  full.it(
    "preload the text fonts their first view is set in, as the build named them; the basemap's reference page does not",
    () =>
      withBuild((out) => {
        const preloads = (page: string) =>
          [...readFileSync(path.join(out, page), 'utf8').matchAll(/<link rel="preload"([^>]*)>/g)].map(([, attrs]) => attrs);
        const css = readdirSync(path.join(out, 'assets'))
          .filter((f) => f.endsWith('.css'))
          .map((f) => readFileSync(path.join(out, 'assets', f), 'utf8'))
          .join('\n');
        for (const page of FONT_PRELOADING_PAGES) {
          const links = preloads(page);
          expect(links, page).toHaveLength(PRELOADED_FONT_FILES.length);
          PRELOADED_FONT_FILES.forEach((file, i) => {
            const href = /\shref="([^"]+)"/.exec(links[i])?.[1] ?? '';
            // The file is in the build, and is the very one the page's @font-face rules ask for: a preload of
            // another URL would be a second download.
            expect(href, `${page}: ${file}`).toMatch(new RegExp(`^/assets/${file.replace('.woff2', '')}-[\\w-]+\\.woff2$`));
            expect(existsSync(path.join(out, href)), `${page}: ${href}`).toBe(true);
            expect(css, `${page}: ${href} in the built CSS`).toContain(href);
            // Fonts are fetched in CORS mode: a preload without crossorigin would not be used for them.
            expect(links[i]).toMatch(/\sas="font"[^>]*\scrossorigin/);
          });
        }
        expect(preloads('baseline.html')).toEqual([]);
      }),
    120_000,
  );
});
