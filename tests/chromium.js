/**
 * Finds a Chromium for the browser tests and says exactly how to get one where there is none.
 * Order: $CHROMIUM_PATH, the system's chromium (Debian: /usr/bin/chromium), Playwright's own download.
 * Plain JavaScript so that tests/run.mjs can use it without a TypeScript loader.
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const SYSTEM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export const HOW_TO_GET_CHROMIUM = [
  'No Chromium found for the browser tests. Any one of these works:',
  '  - Debian/Ubuntu: apt-get install -y chromium        (what .ci/run does)',
  '  - point at an existing one: CHROMIUM_PATH=/path/to/chrome npm test',
  '  - with internet access: npx playwright install chromium',
].join('\n');

/** @returns {string | null} */
export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  for (const candidate of SYSTEM) if (existsSync(candidate)) return candidate;
  let bundled = '';
  try {
    bundled = chromium.executablePath();
  } catch {
    // Playwright throws when it has no browser of its own: that is the "none found" answer.
  }
  return bundled && existsSync(bundled) ? bundled : null;
}

/**
 * Real WebGL 2 without a GPU: ANGLE on SwiftShader (never --use-gl=swiftshader, which gives no WebGL).
 * The network flags stop Chromium's own background requests, which this machine's closed network refuses.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * The end-to-end tests' browser: the same, with SwiftShader drawing WebGL alone and the page composited by
 * Chromium's software compositor instead of through SwiftShader too. The map is the same WebGL 2 (the
 * tests read its pixels from the WebGL drawing buffer); the tier ran 4.4 % faster (3 alternated pairs of
 * the same 52 tests, 7 December, load 8-10). The benchmark keeps CHROMIUM_ARGS, so that its figures stay
 * comparable from run to run.
 */
export const E2E_CHROMIUM_ARGS = CHROMIUM_ARGS.map((a) =>
  a === '--use-angle=swiftshader' ? '--use-angle=swiftshader-webgl' : a,
);
