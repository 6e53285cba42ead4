/**
 * The end-to-end tests' shared guard: every test fails on a page error, a console error, a failed
 * request, or any request to an origin other than the page's own.
 */
import { test as base, expect, type Page } from '@playwright/test';

export interface Guard {
  pageErrors: string[];
  consoleErrors: string[];
  foreignRequests: string[];
  failedRequests: string[];
  /** Console errors a test provokes on purpose (a file it breaks) and expects. */
  allowConsole(pattern: RegExp): void;
}

export const test = base.extend<{ guard: Guard }>({
  guard: [
    async ({ page, baseURL }, use) => {
      const origin = new URL(baseURL!).origin;
      const allowed: RegExp[] = [];
      const guard: Guard = {
        pageErrors: [],
        consoleErrors: [],
        foreignRequests: [],
        failedRequests: [],
        allowConsole: (p) => allowed.push(p),
      };
      page.on('pageerror', (e) => guard.pageErrors.push(e.message));
      page.on('console', (m) => {
        // SwiftShader's "GPU stall due to ReadPixels" and similar are warnings; only errors fail a test.
        if (m.type() === 'error' && !allowed.some((p) => p.test(m.text()))) guard.consoleErrors.push(m.text());
      });
      page.on('request', (r) => {
        const url = new URL(r.url());
        if (url.origin !== origin && url.protocol !== 'data:' && url.protocol !== 'blob:') guard.foreignRequests.push(r.url());
      });
      page.on('requestfailed', (r) => guard.failedRequests.push(`${r.url()}: ${r.failure()?.errorText}`));
      await use(guard);
      expect(guard.pageErrors, 'page errors').toEqual([]);
      expect(guard.consoleErrors, 'console errors').toEqual([]);
      expect(guard.foreignRequests, 'requests to other origins').toEqual([]);
      expect(guard.failedRequests, 'failed requests').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

interface MapHandle {
  loaded(): boolean;
  areTilesLoaded(): boolean;
  isMoving(): boolean;
  getZoom(): number;
  getCenter(): { lng: number; lat: number };
  querySourceFeatures(id: string): unknown[];
  queryRenderedFeatures(options?: { layers?: string[] }): { properties: Record<string, unknown> }[];
}

declare global {
  interface Window {
    situationMap?: MapHandle;
  }
}

/** Waits until the map is idle: style and sources loaded, every tile drawn, no camera movement. */
export async function mapIdle(page: Page, { source = 'units' }: { source?: string } = {}): Promise<void> {
  await page.waitForFunction(
    (src) => {
      const map = window.situationMap;
      return !!map && map.loaded() && map.areTilesLoaded() && !map.isMoving() && map.querySourceFeatures(src).length > 0;
    },
    source,
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
