/**
 * The production server: serves the Vite build in dist/ with the app's security headers and content
 * types. Files are served by sirv (the static server under Vite's own preview): lookup, the brotli/gzip
 * copies written at build time (precompress.ts), ETag. Preconditions (304) and Range (206, 416) are
 * answered by ranges.ts, as the development server's data files are. The thin handler around sirv does
 * what sirv does not, each said where it is done.
 *
 *   npm start                                  builds, then serves at http://127.0.0.1:4173/
 *   tsx src/server/serve.ts [--host H] [--port P] [--dir D] [--frame-ancestors 'https://a.example https://b.example']
 *
 * The app refuses to be framed; --frame-ancestors lists the origins that may frame the embed's page
 * (embed.html) and nothing else (csp.ts embedHeaders).
 *
 * Binds to 127.0.0.1 unless --host says otherwise. Only GET and HEAD; "/" is index.html and no other
 * folder is served; names are decoded one path segment at a time and any "..", ".", slash, backslash or
 * NUL inside a segment is refused (400), so a request can never name a file outside the folder.
 */
import { createReadStream, realpathSync, statSync, type Stats } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import sirv from 'sirv';
import { contentType } from './content-types';
import { EMBED_PATH, embedHeaders, readFrameAncestors, SECURITY_HEADERS } from './csp';
import { answerFor, sendPartial } from './ranges';

export { CONTENT_TYPES, contentType } from './content-types';

const DEFAULT_HOST = '127.0.0.1';
const DEFAULT_PORT = 4173;

export type Encoding = 'br' | 'gzip';

/**
 * The encoding to send for an Accept-Encoding header (RFC 9110 §12.5.3): the accepted one with the
 * highest q, brotli on a tie; `*` stands for any coding not named; q=0 refuses. Null: send it as is.
 */
export function chooseEncoding(header: string | undefined): Encoding | null {
  if (!header) return null;
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    let weight = 1;
    for (const p of params) {
      const [key, value = ''] = p.split('=').map((t) => t.trim());
      // A qvalue is 0–1 with at most three decimals; anything else is taken as a refusal.
      if (key === 'q') weight = /^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(value) ? Number(value) : 0;
    }
    q.set(name.trim(), weight);
  }
  const weight = (name: Encoding) => q.get(name) ?? q.get('*') ?? 0;
  const [br, gz] = [weight('br'), weight('gzip')];
  if (br <= 0 && gz <= 0) return null;
  return br >= gz ? 'br' : 'gzip';
}

type Outcome = { file: string } | { status: 400 | 404; reason: string };

/**
 * Maps a request target to a file under `root` without touching the file system. Each path segment is
 * percent-decoded on its own, so "%2e%2e", "..%2f" and "%5c" are seen for what they are.
 */
function resolveTarget(root: string, target: string): Outcome {
  const pathname = target.split(/[?#]/, 1)[0];
  if (!pathname.startsWith('/')) return { status: 400, reason: 'the request target must be a path' };
  const segments: string[] = [];
  for (const raw of pathname.split('/').slice(1)) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { status: 400, reason: 'malformed percent-encoding in the path' };
    }
    if (segment === '') continue;
    if (segment === '.' || segment === '..' || /[/\\\0]/.test(segment))
      return { status: 400, reason: 'path segments may not be ".", ".." or hold a slash, backslash or NUL' };
    // Dot-files (.git, .env, …) are never part of a build.
    if (segment.startsWith('.')) return { status: 404, reason: 'not found' };
    segments.push(segment);
  }
  if (segments.length === 0) {
    // Only the root folder has an index; "/assets/" is a folder and 404s like any other.
    return pathname === '/' ? { file: path.join(root, 'index.html') } : { status: 404, reason: 'not found' };
  }
  const file = path.join(root, ...segments);
  // Cannot happen after the checks above; kept so that a change to them cannot open the folder.
  if (!file.startsWith(root + path.sep)) return { status: 400, reason: 'outside the served folder' };
  return { file };
}

/** A request target for a log line: printable ASCII, at most 80 characters, its length said when cut. */
function shortTarget(target: string | undefined, max = 80): string {
  const t = (target ?? '').replace(/[^\x20-\x7e]/g, '?');
  return t.length <= max ? t : `${t.slice(0, max)}… (${t.length} characters)`;
}

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * The request handler for the build in `root` (an absolute or relative path to an existing folder);
 * `frameAncestors`: the origins that may frame the embed's page.
 */
export function createHandler(root: string, { frameAncestors = [] as readonly string[] } = {}): Handler {
  const embed = embedHeaders(frameAncestors);
  const base = realpathSync(path.resolve(root));
  // Production mode: sirv lists the folder once, now; a file added later is not served.
  const files = sirv(base, {
    etag: true,
    brotli: true,
    gzip: true,
    // No "/about" → about.html, no folder → its index.html: a name is served as it is or not at all.
    extensions: [],
    setHeaders: (res, pathname) => res.setHeader('Content-Type', contentType(pathname)),
    onNoMatch: (req, res) => plain(req, res, 404, 'not found'),
  });

  function plain(req: IncomingMessage, res: ServerResponse, status: number, message: string, headers = {}): void {
    const body = Buffer.from(`${status} ${message}\n`);
    res.writeHead(status, {
      ...headers,
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Length': body.length,
      'Cache-Control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const isEmbed = req.url?.split(/[?#]/, 1)[0] === EMBED_PATH;
    for (const [name, value] of Object.entries(isEmbed ? embed : SECURITY_HEADERS)) res.setHeader(name, value);
    // sirv answers any method with the file.
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return plain(req, res, 405, 'method not allowed: only GET and HEAD', { Allow: 'GET, HEAD' });
    // sirv answers a traversal with a 404 (it normalises the path); it is refused here, with a reason.
    const target = resolveTarget(base, req.url ?? '');
    if ('status' in target) return plain(req, res, target.status, target.reason);

    // sirv serves what a symbolic link in the folder points to, wherever that is, and treats every
    // file-system error alike: the link's real place is checked here, and a name too long said.
    let stats: Stats;
    try {
      // stat first: it says ENAMETOOLONG where realpath, stopping at the first missing name, says ENOENT.
      stats = await stat(target.file);
      if (!(await realpath(target.file)).startsWith(base + path.sep)) return plain(req, res, 404, 'not found');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return plain(req, res, 404, 'not found');
      // A name over the file system's limit (255 bytes a name, 4,096 a path) names no file of ours. A line
      // to say so, short: the target is the client's, and may be kilobytes long.
      if (code === 'ENAMETOOLONG') {
        console.error(`serve: ${req.method} ${shortTarget(req.url)}: 404, name too long for the file system`);
        return plain(req, res, 404, 'not found');
      }
      throw err;
    }
    if (req.url?.split(/[?#]/, 1)[0] === '/') req.url = '/index.html';
    // Vite puts a content hash in every name under assets/: those never change. The rest is revalidated.
    const immutable = target.file.startsWith(path.join(base, 'assets') + path.sep);
    res.setHeader('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    // sirv compares If-None-Match only as one exact tag, reads no If-Modified-Since or If-Range, and sends
    // "bytes=0-0" whole and "bytes=-500" as the first 501 bytes: the 304, 416 and 206 answers are
    // ranges.ts's, the same as the development server's. A range is of the file's own bytes (a range of
    // its brotli copy could not be decoded alone), read from the file itself.
    const answer = answerFor(req.headers, stats);
    if (
      sendPartial(req, res, answer, stats, contentType(target.file), (start, end) =>
        createReadStream(target.file, { start, end }),
      )
    )
      return;
    // sirv takes any mention of "br" or "gzip" as acceptance, q=0 included: it is shown the one choice.
    const encoding = chooseEncoding(req.headers['accept-encoding']);
    // The whole file: sirv is not to look at a range or precondition already decided against.
    delete req.headers.range;
    delete req.headers['if-range'];
    req.headers['accept-encoding'] = encoding ?? 'identity';
    files(req, res);
  }

  return (req, res) => {
    serve(req, res).catch((err: unknown) => {
      console.error(
        `serve: ${req.method} ${shortTarget(req.url)}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
      );
      if (!res.headersSent) plain(req, res, 500, 'internal server error');
      else res.destroy(err instanceof Error ? err : undefined);
    });
  };
}

export interface Running {
  server: Server;
  /** http://host:port/ as a browser would write it (IPv6 hosts in brackets). */
  url: string;
  close(): Promise<void>;
}

/** Starts serving `root`; port 0 picks a free port (the tests' way). */
export function startServer({
  root,
  host = DEFAULT_HOST,
  port = DEFAULT_PORT,
  frameAncestors = [],
}: {
  root: string;
  host?: string;
  port?: number;
  frameAncestors?: readonly string[];
}): Promise<Running> {
  const server = createServer(createHandler(root, { frameAncestors }));
  // A request Node cannot parse (a target that is not a path, a header too large) is answered here,
  // with the same headers as any other response, rather than by Node's bare default.
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (err.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
    const status = err.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
    const body = `${status.toLowerCase()}\n`;
    const headers = Object.entries({
      ...SECURITY_HEADERS,
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Length': String(Buffer.byteLength(body)),
      'Cache-Control': 'no-store',
      Connection: 'close',
    });
    socket.end(`HTTP/1.1 ${status}\r\n${headers.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n${body}`);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address() as AddressInfo;
      const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      resolve({
        server,
        url: `http://${shown}:${address.port}/`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((err) => (err ? fail(err) : done()));
            server.closeAllConnections();
          }),
      });
    });
  });
}

async function main(): Promise<void> {
  const usage =
    "usage: tsx src/server/serve.ts [--host 127.0.0.1] [--port 4173] [--dir dist] [--frame-ancestors 'https://a.example ...']";
  let values: { host?: string; port?: string; dir?: string; 'frame-ancestors'?: string };
  try {
    ({ values } = parseArgs({
      options: {
        host: { type: 'string' },
        port: { type: 'string' },
        dir: { type: 'string' },
        'frame-ancestors': { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    console.error(`${(err as Error).message}\n${usage}`);
    process.exit(2);
  }
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port: a port number 0–65535 expected, ${JSON.stringify(values.port)} found\n${usage}`);
    process.exit(2);
  }
  const ancestors = readFrameAncestors(values['frame-ancestors'] ?? '');
  if (ancestors.errors.length) {
    console.error(`--frame-ancestors:\n  ${ancestors.errors.join('\n  ')}\n${usage}`);
    process.exit(2);
  }
  const root = path.resolve(values.dir ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '../../dist'));
  let index: Stats | undefined;
  try {
    index = statSync(path.join(root, 'index.html'));
  } catch {
    index = undefined;
  }
  if (!index?.isFile()) {
    console.error(`${path.join(root, 'index.html')} not found: build the app first (npm run build), or give --dir`);
    process.exit(1);
  }
  let running: Running;
  try {
    running = await startServer({ root, host: values.host ?? DEFAULT_HOST, port, frameAncestors: ancestors.origins });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const hint = e.code === 'EADDRINUSE' ? ' (is another server running there? try --port)' : '';
    console.error(`cannot listen on ${values.host ?? DEFAULT_HOST}:${port}: ${e.message}${hint}`);
    process.exit(1);
  }
  console.log(`Situation Map: ${running.url}`);
  if (ancestors.origins.length) console.log(`  ${EMBED_PATH} may be framed by ${ancestors.origins.join(', ')}`);
  const stop = () => void running.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
