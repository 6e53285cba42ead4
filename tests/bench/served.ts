/**
 * What the benchmarks start from: the production build served by the production server's handler on a
 * free loopback port (`serve`, every response's size noted, a synthetic story in place of the build's
 * when given one). The one-figure benchmarks (`bench:png`, `bench:tint`, `bench:across-frame`) take the
 * rest here too: the build (unless `--no-build`), Chromium, and, in a page, the wait for the map to have
 * drawn the story; and their shared options.
 */
import { spawnSync } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import type { Map as MaplibreMap } from 'maplibre-gl';
import { createHandler } from '../../src/server/serve';
import { CHROMIUM_ARGS, findChromium, HOW_TO_GET_CHROMIUM } from '../chromium.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The options every such benchmark takes (node:util parseArgs): the build step and the window's size. */
export const SERVED_OPTIONS = {
  'no-build': { type: 'boolean', default: false },
  width: { type: 'string', default: '1440' },
  height: { type: 'string', default: '900' },
} as const;

export interface Served {
  /** The build's origin, as http://127.0.0.1:port. */
  base: string;
  browser: Browser;
  close(): Promise<void>;
}

/** A response the server sent: its path, status and the bytes that went over the wire. */
export interface ServedFile {
  path: string;
  status: number;
  sent: number;
}

const LAYERS = '/data/layers/';

/**
 * The production server's handler, with every response's size noted. With `layers`, the story's files
 * (/data/layers/…) come from that folder instead of the build's: how a synthetic catalogue is opened in the
 * production build, which reads its story from there and nowhere else.
 */
export async function serve(dist: string, layers?: string) {
  const build = createHandler(dist);
  const story = layers ? createHandler(layers) : null;
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    if (story && req.url?.startsWith(LAYERS)) {
      req.url = req.url.slice(LAYERS.length - 1);
      return story(req, res);
    }
    build(req, res);
  };
  let log: ServedFile[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    // sirv streams a file through write() calls; the handler's own answers are one end(body): count both.
    let sent = 0;
    const count = (chunk: unknown) => {
      if (Buffer.isBuffer(chunk) || typeof chunk === 'string') sent += Buffer.byteLength(chunk);
    };
    const [write, end] = [res.write.bind(res), res.end.bind(res)] as ((...args: unknown[]) => unknown)[];
    Object.assign(res, {
      write: (...args: unknown[]) => (count(args[0]), write(...args)),
      end: (...args: unknown[]) => (count(args[0]), end(...args)),
    });
    res.on('finish', () => log.push({ path: (req.url ?? '').split(/[?#]/)[0], status: res.statusCode, sent }));
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    take(): ServedFile[] {
      const taken = log;
      log = [];
      return taken;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Builds (unless told not to), serves dist/ (with `layers`, that folder's story in place of the build's)
 * and launches Chromium; exits saying how to get Chromium if there is none.
 */
export async function serveBuild({
  build,
  layers,
  chromiumArgs = [],
}: {
  build: boolean;
  layers?: string;
  /** Added to CHROMIUM_ARGS: a marker to find the browser's processes by (load-profile.ts). */
  chromiumArgs?: readonly string[];
}): Promise<Served> {
  if (build) {
    const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
  const executablePath = findChromium();
  if (!executablePath) {
    console.error(HOW_TO_GET_CHROMIUM);
    process.exit(1);
  }
  const server = await serve(path.join(ROOT, 'dist'), layers);
  const browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS, ...chromiumArgs] });
  return {
    base: server.url,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** Until the map is idle with its tiles loaded and the story's places among its features. */
export async function storyDrawn(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const m = (window as unknown as { situationMap?: MaplibreMap }).situationMap;
      return !!m && m.loaded() && m.areTilesLoaded() && !m.isMoving() && m.querySourceFeatures('story-places').length > 0;
    },
    undefined,
    { timeout: 120_000 },
  );
}
