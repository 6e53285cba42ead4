/**
 * The end-to-end tests' shared guard: every test fails on a page error, a console error, a failed
 * request, any request to an origin other than the page's own, or any Content-Security-Policy violation
 * (the server sends the app's policy, src/server/csp.ts, with every response).
 */
import { test as base, expect, type BrowserContext, type BrowserContextOptions, type Page } from '@playwright/test';

/** The page's own scripts: the app's and MapLibre's chunks and workers, and blob: workers MapLibre starts. */
const MAP_SCRIPT = /\/assets\/[^/]+\.m?js$|^blob:/;
/** What Chromium's GL driver reports about SwiftShader, in the console of the page that drew. */
export const GL_DRIVER = /^\[\.WebGL-/;

export interface Guard {
  pageErrors: string[];
  /** Console errors, and warnings the map or the app logged (see MAP_SCRIPT). */
  consoleErrors: string[];
  foreignRequests: string[];
  failedRequests: string[];
  /** `securitypolicyviolation` events in the page: what was blocked, by which directive, from where. */
  cspViolations: string[];
  /** Console errors (or map warnings) a test provokes on purpose (a file it breaks) and expects. */
  allowConsole(pattern: RegExp): void;
}

/**
 * Watches a page from now on: its errors, its console, its requests and the policy's violations, each kept
 * in the guard's lists (see `check`).
 */
async function watch(page: Page, origin: string): Promise<Guard> {
  const allowed: RegExp[] = [];
  const guard: Guard = {
    pageErrors: [],
    consoleErrors: [],
    foreignRequests: [],
    failedRequests: [],
    cspViolations: [],
    allowConsole: (p) => allowed.push(p),
  };
  page.on('pageerror', (e) => guard.pageErrors.push(e.message));
  page.on('console', (m) => {
    const { url, lineNumber } = m.location();
    // A warning fails a test when the map (MapLibre, in its own chunk or its worker's) or the app logged
    // it: "Expected value to be of type …" is a style expression that is wrong for some feature.
    // SwiftShader's "GPU stall due to ReadPixels" and the like are the GL driver's, logged by Chromium
    // itself with a "[.WebGL-…]" prefix: those do not.
    const mapWarning = m.type() === 'warning' && MAP_SCRIPT.test(url) && !GL_DRIVER.test(m.text());
    if ((m.type() !== 'error' && !mapWarning) || allowed.some((p) => p.test(m.text()))) return;
    // Where it was logged from too: an Error logged as an object can read as a bare "Error".
    guard.consoleErrors.push(url ? `${m.text()} (at ${url.replace(origin, '')}:${lineNumber})` : m.text());
  });
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.origin !== origin && url.protocol !== 'data:' && url.protocol !== 'blob:') guard.foreignRequests.push(r.url());
  });
  page.on('requestfailed', (r) => {
    // A part of a tile archive the map cancelled: MapLibre aborts the loads of tiles it no longer needs
    // (the camera moved, the canvas changed size). Any other failure, of any request, counts.
    const cancelledTile = /\.pmtiles$/.test(new URL(r.url()).pathname) && r.failure()?.errorText === 'net::ERR_ABORTED';
    if (!cancelledTile) guard.failedRequests.push(`${r.url()}: ${r.failure()?.errorText}`);
  });
  // Each violation is kept in window.__cspViolations (to look at in a debugger) and handed to the test
  // at once through a binding, so that none is lost when the page navigates or closes.
  await page.exposeBinding('__reportCspViolation', (_source, v: string) => guard.cspViolations.push(v));
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[]; __reportCspViolation?: (v: string) => void };
    w.__cspViolations = [];
    document.addEventListener(
      'securitypolicyviolation',
      (e) => {
        const where = e.sourceFile ? ` at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}` : '';
        const sample = e.sample ? ` (${JSON.stringify(e.sample)})` : '';
        const v = `${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'}${sample}${where} [${e.disposition}]`;
        w.__cspViolations.push(v);
        void w.__reportCspViolation?.(v);
      },
      true,
    );
  });
  return guard;
}

/** Fails on anything the guard's lists hold, all of it at once, then empties them for what comes next. */
async function check(page: Page, guard: Guard): Promise<void> {
  // A violation is reported by an event task on the page's main thread, which a busy page runs late:
  // let it run, and its binding call arrive, before looking at the list. A page that never left about:blank
  // (a test's own page, unused by a test on a shared one) has nothing to report.
  if (!page.isClosed() && page.url() !== 'about:blank')
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50)));
  // All at once: a console error is best read beside the failed request that caused it.
  const lists = {
    'page errors': guard.pageErrors,
    // Chrome logs each violation in the console too, less precisely: listed first.
    'Content-Security-Policy violations': guard.cspViolations,
    'console errors': guard.consoleErrors,
    'requests to other origins': guard.foreignRequests,
    'failed requests': guard.failedRequests,
  };
  const found = Object.fromEntries(
    Object.entries(lists)
      .filter(([, list]) => list.length > 0)
      .map(([k, v]) => [k, [...v]]),
  );
  for (const list of Object.values(lists)) list.length = 0;
  expect(found, 'what went wrong in the page').toEqual({});
}

export const test = base.extend<{ guard: Guard }>({
  guard: [
    async ({ page, baseURL }, use) => {
      const guard = await watch(page, new URL(baseURL!).origin);
      await use(guard);
      await check(page, guard);
    },
    { auto: true },
  ],
});

/**
 * One page for several tests of a describe block, opened once at the bare address: for tests that each
 * begin by setting the view they need by a link's hash ('/#' for the first view), which the page applies
 * as it does Back and Forward. The block then pays for one arrival of the app instead of one per test,
 * the dearest thing in this tier (a load draws some ten frames in software GL). The page is watched as a
 * test's own page is, and each test fails on what went wrong during it. Tests about arriving (a bare
 * address, a first view, a link opened fresh) keep their own `page`. `options` are the block's, as its
 * `test.use` gives them to its own pages; `prepare` readies the page before it opens (the layers it is
 * served, say).
 */
export function onePage(options: BrowserContextOptions = {}, prepare?: (page: Page) => Promise<void>): { readonly page: Page } {
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  let guard: Guard | undefined;
  test.beforeAll(async ({ browser }) => {
    const use = test.info().project.use;
    context = await browser.newContext({ baseURL: use.baseURL, viewport: use.viewport, ...options });
    page = await context.newPage();
    guard = await watch(page, new URL(use.baseURL!).origin);
    await prepare?.(page);
    // Opened at the bare address: its first view is the app's own, and '/#' returns to it.
    await page.goto('/');
  });
  test.afterEach(async () => {
    if (page && guard) await check(page, guard);
  });
  test.afterAll(async () => {
    await context?.close();
  });
  return {
    get page() {
      if (!page) throw new Error('onePage: the page is opened in beforeAll; read it inside a test');
      return page;
    },
  };
}

export { expect };

interface MapHandle {
  loaded(): boolean;
  areTilesLoaded(): boolean;
  isMoving(): boolean;
  getZoom(): number;
  getCenter(): { lng: number; lat: number };
  project(lngLat: [number, number]): { x: number; y: number };
  getLayer(id: string): unknown;
  querySourceFeatures(id: string, options?: { sourceLayer?: string }): unknown[];
  queryRenderedFeatures(options?: {
    layers?: string[];
  }): { properties: Record<string, unknown>; state: Record<string, unknown> }[];
}

declare global {
  interface Window {
    situationMap?: MapHandle;
  }
}

/**
 * The counts of independent sources the map draws beside the marks now (layer story-source-counts, both
 * forms of a story), by the places of each badge; null before the layer exists.
 */
export function drawnCounts(page: Page): Promise<Record<string, string> | null> {
  return page.evaluate(() => {
    const m = window.situationMap;
    if (!m?.getLayer('story-source-counts')) return null;
    // Every count a badge can show is laid out; the one shown has the feature-state (map/data.ts badgeChoices).
    const drawn = m.queryRenderedFeatures({ layers: ['story-source-counts'] }).filter((f) => f.state.shown);
    return Object.fromEntries(drawn.map((f) => [String(f.properties.place_ids), String(f.properties.count)]));
  });
}

/**
 * Waits until the map is idle: style and sources loaded, every tile drawn, no camera movement, and the
 * source (by default the basemap archive's units layer) has features; or, given `layer`, that layer has
 * features drawn on the screen.
 */
export async function mapIdle(
  page: Page,
  {
    source = 'region',
    sourceLayer = source === 'region' ? 'units' : undefined,
    layer,
  }: { source?: string; sourceLayer?: string; layer?: string } = {},
): Promise<void> {
  await page.waitForFunction(
    ([src, srcLayer, drawn]) => {
      const map = window.situationMap;
      return (
        !!map &&
        map.loaded() &&
        map.areTilesLoaded() &&
        !map.isMoving() &&
        (drawn
          ? map.queryRenderedFeatures({ layers: [drawn] }).length > 0
          : map.querySourceFeatures(src!, srcLayer ? { sourceLayer: srcLayer } : undefined).length > 0)
      );
    },
    [source, sourceLayer, layer],
    { timeout: 30_000 },
  );
}

export async function camera(page: Page): Promise<{ zoom: number; lng: number; lat: number }> {
  return page.evaluate(() => {
    const map = window.situationMap!;
    const c = map.getCenter();
    return { zoom: map.getZoom(), lng: c.lng, lat: c.lat };
  });
}

/** Names drawn by the given symbol layers right now (after collision detection). */
export async function renderedNames(page: Page, layers: string[]): Promise<string[]> {
  return page.evaluate(
    (ids) => window.situationMap!.queryRenderedFeatures({ layers: ids }).map((f) => String(f.properties.name)),
    layers,
  );
}

/** Clicks the map at a longitude and latitude, as a person would. */
export async function clickAt(page: Page, lng: number, lat: number): Promise<void> {
  const { x, y } = await page.evaluate(([ln, la]) => window.situationMap!.project([ln, la]), [lng, lat] as [number, number]);
  const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
  await page.mouse.click(box.x + x, box.y + y);
}
