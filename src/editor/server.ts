/**
 * The review screen's local server:
 *
 *   npm run editor [-- --draft geodata/catalogue/<id>.draft.json] [--root <project folder>] [--port 4390]
 *
 * Serves the review screen (src/editor/index.html, through Vite in middleware mode, with no hot reload),
 * the reader's data mounts (the basemap's tile archives, the labels' glyphs, the project's layers:
 * src/server/data-mounts.ts) and a small JSON API (api.ts) on 127.0.0.1 only. The gazetteer is read here
 * and only here: the page asks for search results, never for the file. Vite may read the source and the
 * packages the page is built from, nothing else of the project (no geodata, no package.json), and nothing
 * at all is answered to another origin: another site, or another port of this machine.
 */
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { createServer as createViteServer, type ViteDevServer } from 'vite';
import { CSP_DIRECTIVES, SECURITY_HEADERS, serialize } from '../server/csp';
import { formatError } from '../catalogue/schema';
import { dataMounts, folder, serveData } from '../server/data-mounts';
import {
  EditorError,
  draftIdOf,
  listDrafts,
  openDraft,
  previewPlaces,
  publishUnreviewed,
  saveReview,
  searchGazetteer,
  setQueueStatus,
  type Project,
} from './api';
import { LockBusy, withSaveLock } from './lock';
import type { SaveRequest } from './protocol';

const REPO = path.resolve(import.meta.dirname, '../..');
/** The largest request body: a review's places and events are kilobytes; a drawn polygon a few hundred. */
export const MAX_BODY = 8 * 1024 * 1024;
const TOO_LARGE = `request body over ${MAX_BODY / 1024 / 1024} MB: a review is far smaller; nothing was read or written`;

/**
 * The reader's headers and policy, but for styles: Vite serves each component's CSS as a <style> element
 * it adds, which 'self' alone refuses. The page still loads and connects to its own origin only.
 */
const HEADERS: Record<string, string> = {
  ...SECURITY_HEADERS,
  'Content-Security-Policy': serialize({ ...CSP_DIRECTIVES, 'style-src': ["'self'", "'unsafe-inline'"] }),
};

/**
 * The body as JSON. One over MAX_BODY is a 413 as soon as it is known (from Content-Length, before
 * reading, or on the byte past the limit); the rest is read and dropped, so the client, still sending,
 * gets the answer rather than a reset connection.
 */
function readBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const tooLarge = () => {
      reject(new EditorError(TOO_LARGE, 413));
      req.removeAllListeners('data');
      req.resume();
    };
    if (Number(req.headers['content-length']) > MAX_BODY) return tooLarge();
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) tooLarge();
      else chunks.push(c);
    });
    req.on('end', () => {
      if (size > MAX_BODY) return;
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        reject(new EditorError('the request body is not JSON'));
      }
    });
    req.on('error', reject);
  });
}

const send = (res: ServerResponse, status: number, body: unknown) => {
  res.statusCode = status;
  // Answered before the body was read: the connection closes once the client has sent it.
  if (status === 413) res.setHeader('Connection', 'close');
  res.setHeader('Content-Type', 'application/json');
  res.setHeader('Cache-Control', 'no-store');
  res.end(JSON.stringify(body));
};

/** The API's routes; undefined when the path is not one of them. */
async function api(project: Project, initial: string | undefined, req: IncomingMessage, url: URL): Promise<unknown> {
  const route = `${req.method} ${url.pathname}`;
  switch (route) {
    case 'GET /api/drafts':
      return { drafts: listDrafts(project), initial: initial ?? null };
    case 'GET /api/draft':
      return openDraft(project, url.searchParams.get('id'));
    case 'GET /api/gazetteer':
      return { hits: searchGazetteer(project, url.searchParams.get('q') ?? '') };
    case 'POST /api/preview': {
      const body = (await readBody(req)) as { id?: unknown; places?: unknown };
      return previewPlaces(project, body?.id, body?.places);
    }
    case 'POST /api/publish': {
      const body = (await readBody(req)) as { id?: unknown };
      return locked(project, () => publishUnreviewed(project, body?.id));
    }
    case 'POST /api/status': {
      const body = (await readBody(req)) as { id?: unknown; status?: unknown };
      return setQueueStatus(project, body?.id, body?.status);
    }
    case 'POST /api/validate':
    case 'POST /api/save': {
      const body = (await readBody(req)) as SaveRequest;
      if (route === 'POST /api/validate') return saveReview(project, body, { dryRun: true });
      return locked(project, () => saveReview(project, body));
    }
  }
  if (url.pathname.startsWith('/api/')) throw new EditorError(`no such route: ${route}`, 404);
  return undefined;
}

/** A write to the catalogue, kept apart from every other editor's (lock.ts); a lock held too long is a 409. */
async function locked<T>(project: Project, write: () => Promise<T>): Promise<T> {
  try {
    return await withSaveLock(path.join(project.root, 'geodata/catalogue'), write);
  } catch (err) {
    throw err instanceof LockBusy ? new EditorError(err.message, 409) : err;
  }
}

export interface EditorServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

export async function startEditor({
  root = REPO,
  port = 4390,
  host = '127.0.0.1',
  draft,
}: { root?: string; port?: number; host?: string; draft?: string } = {}): Promise<EditorServer> {
  const project: Project = { root: path.resolve(root) };
  const initial = draft ? draftIdOf(draft) : undefined;
  // The basemap and glyphs are the repository's; the layers are the project's (built from its catalogue).
  const mounts = { ...dataMounts(REPO), 'data/layers/': folder(path.join(project.root, 'geodata/layers')) };
  // eslint-disable-next-line prefer-const -- the handler needs Vite, and Vite needs the server for its socket
  let vite: ViteDevServer;
  const server = createHttpServer((req, res) => {
    for (const [name, value] of Object.entries(HEADERS)) res.setHeader(name, value);
    const url = new URL(req.url ?? '/', `http://${host}`);
    // The API answers the page itself only: a page of another site may not save through it, nor reach it
    // under another host name that resolves here (DNS rebinding).
    const hostName = (req.headers.host ?? '').replace(/:\d+$/, '');
    if (!['127.0.0.1', 'localhost', '[::1]'].includes(hostName)) return send(res, 403, { error: 'unknown host' });
    // Nothing for another origin: not a save, and not a read either (a page on another port of this
    // machine is another origin, and "same-site" to the browser). Browsers say where a request comes from
    // in Origin (on writes and module scripts) and Sec-Fetch-Site (on every request).
    const origin = req.headers.origin;
    if (origin && origin !== `http://${req.headers.host}`) return send(res, 403, { error: 'cross-origin request refused' });
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none')
      return send(res, 403, { error: `cross-origin request refused (${String(site)})` });
    if (serveData(mounts, req, res)) return;
    api(project, initial, req, url).then(
      (body) => (body === undefined ? vite.middlewares(req, res) : send(res, 200, body)),
      (err: unknown) => {
        if (err instanceof EditorError) return send(res, err.status, { error: err.message });
        console.error(err);
        send(res, 500, { error: err instanceof Error ? err.message : String(err) });
      },
    );
  });
  vite = await createViteServer({
    configFile: false,
    root: import.meta.dirname,
    cacheDir: path.join(REPO, 'node_modules/.vite-editor'),
    plugins: [svelte({ configFile: path.join(REPO, 'svelte.config.js') })],
    // Its socket on this server, so the page talks to its own origin only; no file is watched, so
    // nothing is ever reloaded under the editor's hands.
    // Vite reads files for the page from the source and the packages only (its /@fs/ URLs): not the
    // gazetteer, the catalogue or package.json. No CORS headers: Vite's default lets any localhost page read.
    server: {
      middlewareMode: true,
      hmr: { server },
      watch: null,
      cors: false,
      fs: { strict: true, allow: [path.join(REPO, 'src'), path.join(REPO, 'node_modules')] },
    },
    appType: 'spa',
    logLevel: 'warn',
    // The CommonJS packages bundled up front and no discovery: a dependency found on the first visit
    // would make Vite reload the page under the editor's hands (the ES modules are served as they are).
    optimizeDeps: { noDiscovery: true, include: ['maplibre-gl', 'topojson-client', 'polylabel', '@turf/turf'] },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const address = server.address() as AddressInfo;
  return {
    server,
    url: `http://${host}:${address.port}/`,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // A browser's keep-alive sockets would hold the close open until they time out.
      server.closeAllConnections();
      await closed;
      await vite.close();
    },
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  const { values } = parseArgs({
    options: {
      root: { type: 'string' },
      port: { type: 'string', default: '4390' },
      draft: { type: 'string', multiple: true },
      publish: { type: 'boolean', default: false },
    },
  });
  const drafts = values.draft ?? [];
  // --publish --draft <file>…: publish each draft unreviewed (marked so on the map), then stop; no server.
  if (values.publish) {
    if (!drafts.length) {
      console.error('--publish: the draft to publish expected: --draft geodata/catalogue/<id>.draft.json');
      process.exit(2);
    }
    const project = { root: path.resolve(values.root ?? REPO) };
    let failed = 0;
    for (const file of drafts) {
      const id = draftIdOf(file);
      const result = await locked(project, () => publishUnreviewed(project, id));
      if (!result.ok) {
        failed++;
        console.error(`${file}: not published, ${result.errors.length} problem(s); nothing written for it:`);
        for (const e of result.errors) console.error(`  ${formatError(e)}`);
        continue;
      }
      console.log(
        `published unreviewed: ${result.written.join(', ')}; ${result.layers?.folder}: ${result.layers?.summary ?? result.layers?.error}`,
      );
      if (result.layers?.error) failed++;
    }
    process.exit(failed ? 1 : 0);
  }
  if (drafts.length > 1) {
    console.error(`--draft: the screen opens one draft (the queue lists the others); ${drafts.length} given`);
    process.exit(2);
  }
  const started = await startEditor({ root: values.root, port: Number(values.port), draft: drafts[0] });
  const queue = listDrafts({ root: path.resolve(values.root ?? REPO) });
  console.log(`review screen: ${started.url}  (${queue.length} draft(s): ${queue.map((d) => d.id).join(', ') || 'none'})`);
}
