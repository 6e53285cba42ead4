import { defineConfig } from '@playwright/test';
import { E2E_CHROMIUM_ARGS, findChromium } from './tests/chromium.js';

const PORT = Number(process.env.E2E_PORT ?? 4180);
/** The other loopback origin the embed test frames the embed from, listed as the deployer would list it. */
export const FRAME_PARENT_PORT = Number(process.env.E2E_FRAME_PARENT_PORT ?? 4283);

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  // Two files at a time on this 2-core machine: the end-to-end tier 411 s against 438 s with one (7 December,
  // quiet, all 141 passed both ways; docs/performance.md, "Fewer arrivals and two workers"). Each file keeps
  // its order: a block's shared page (fixtures.ts onePage).
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 20_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1280, height: 800 },
    launchOptions: { executablePath: findChromium() ?? undefined, args: E2E_CHROMIUM_ARGS },
  },
  // Serves the production build with the production server, as `npm start` does, so the tests see what
  // readers get: its Content-Security-Policy and other headers included (the guard fails on a violation).
  webServer: {
    // The seed story alone, whatever else geodata/ holds (tests/support/serve-seed.ts).
    command: `npx tsx tests/support/serve-seed.ts --port ${PORT} --frame-ancestors http://127.0.0.1:${FRAME_PARENT_PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
