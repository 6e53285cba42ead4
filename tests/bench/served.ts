/**
 * What the one-figure benchmarks (`bench:png`, `bench:tint`) start from: the production build (built
 * first unless `--no-build`), served by the production server's handler on a free loopback port, and
 * Chromium; then, in a page, the wait for the map to have drawn the story. Their shared options too.
 */
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
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

/** Builds (unless told not to), serves dist/ and launches Chromium; exits saying how to get Chromium if there is none. */
export async function serveBuild({ build }: { build: boolean }): Promise<Served> {
  if (build) {
    const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
  const executablePath = findChromium();
  if (!executablePath) {
    console.error(HOW_TO_GET_CHROMIUM);
    process.exit(1);
  }
  const server = createServer(createHandler(path.join(ROOT, 'dist')));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  return {
    base,
    browser,
    close: async () => {
      await browser.close();
      await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
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
