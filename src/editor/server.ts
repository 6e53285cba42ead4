/**
 * The review screen's local server:
 *
 *   npm run editor [-- --draft geodata/catalogue/<id>.draft.json] [--root <project folder>] [--port 4390]
 *
 * Serves the review screen (src/editor/index.html, through Vite in middleware mode, with no hot reload),
 * the basemap's tile archives at /data/tiles/, and a small JSON API (api.ts) on 127.0.0.1 only. The gazetteer is
 * read here and only here: the page asks for search results, never for the file.
 */
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { createServer as createViteServer, type ViteDevServer } from 'vite';
import { createHandler } from '../server/serve';
import { CSP_DIRECTIVES, SECURITY_HEADERS, serialize } from '../server/csp';
import { formatError } from '../catalogue/schema';
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
import type { SaveRequest } from './protocol';

const REPO = path.resolve(import.meta.dirname, '../..');
/** Where the reader's map finds the basemap's archives (basemap/archives.ts). */
const TILES_URL = '/data/tiles/';
const MAX_BODY = 8 * 1024 * 1024;

/**
 * The reader's headers and policy, but for styles: Vite serves each component's CSS as a <style> element
 * it adds, which 'self' alone refuses. The page still loads and connects to its own origin only.
 */
const HEADERS: Record<string, string> = {
  ...SECURITY_HEADERS,
  'Content-Security-Policy': serialize({ ...CSP_DIRECTIVES, 'style-src': ["'self'", "'unsafe-inline'"] }),
};

function readBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new EditorError('request too large', 413));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => {
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
      return publishUnreviewed(project, body?.id);
    }
    case 'POST /api/status': {
      const body = (await readBody(req)) as { id?: unknown; status?: unknown };
      return setQueueStatus(project, body?.id, body?.status);
    }
    case 'POST /api/validate':
    case 'POST /api/save': {
      const body = (await readBody(req)) as SaveRequest;
      return saveReview(project, body, { dryRun: route === 'POST /api/validate' });
    }
  }
  if (url.pathname.startsWith('/api/')) throw new EditorError(`no such route: ${route}`, 404);
  return undefined;
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
  const tiles = createHandler(path.join(REPO, 'geodata/tiles'));
  // eslint-disable-next-line prefer-const -- the handler needs Vite, and Vite needs the server for its socket
  let vite: ViteDevServer;
  const server = createHttpServer((req, res) => {
    for (const [name, value] of Object.entries(HEADERS)) res.setHeader(name, value);
    const url = new URL(req.url ?? '/', `http://${host}`);
    // The API answers the page itself only: a page of another site may not save through it, nor reach it
    // under another host name that resolves here (DNS rebinding).
    const hostName = (req.headers.host ?? '').replace(/:\d+$/, '');
    if (!['127.0.0.1', 'localhost', '[::1]'].includes(hostName)) return send(res, 403, { error: 'unknown host' });
    const origin = req.headers.origin;
    if (req.method === 'POST' && origin && origin !== `http://${req.headers.host}`)
      return send(res, 403, { error: 'cross-origin request refused' });
    if (url.pathname.startsWith(TILES_URL)) {
      // The basemap's tile archives, read in parts (Range) by the map, as the production server sends them.
      req.url = url.pathname.slice(TILES_URL.length - 1);
      return tiles(req, res);
    }
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
    server: { middlewareMode: true, hmr: { server }, watch: null, fs: { allow: [REPO] } },
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
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await vite.close();
    },
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  const { values } = parseArgs({
    options: {
      root: { type: 'string' },
      port: { type: 'string', default: '4390' },
      draft: { type: 'string' },
      publish: { type: 'boolean', default: false },
    },
  });
  // --publish --draft <file>: publish the draft unreviewed (marked so on the map), then stop; no server.
  if (values.publish) {
    if (!values.draft) {
      console.error('--publish: the draft to publish expected: --draft geodata/catalogue/<id>.draft.json');
      process.exit(2);
    }
    const project = { root: path.resolve(values.root ?? REPO) };
    const result = publishUnreviewed(project, draftIdOf(values.draft));
    if (!result.ok) {
      console.error(`${values.draft}: not published, ${result.errors.length} problem(s); nothing written:`);
      for (const e of result.errors) console.error(`  ${formatError(e)}`);
      process.exit(1);
    }
    console.log(
      `published unreviewed: ${result.written.join(', ')}; ${result.layers?.folder}: ${result.layers?.summary ?? result.layers?.error}`,
    );
    process.exit(result.layers?.error ? 1 : 0);
  }
  const started = await startEditor({ root: values.root, port: Number(values.port), draft: values.draft });
  const drafts = listDrafts({ root: path.resolve(values.root ?? REPO) });
  console.log(`review screen: ${started.url}  (${drafts.length} draft(s): ${drafts.map((d) => d.id).join(', ') || 'none'})`);
}
