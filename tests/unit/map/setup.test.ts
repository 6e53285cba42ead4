/**
 * watchBasemap (src/map/setup.ts) ends the page's "Loading" once each basemap archive has drawn or failed.
 * MapLibre is stood in for by the few events it fires, in the orders seen in Chromium.
 */
import { describe, expect, it } from 'vitest';
import type { Map as MaplibreMap } from 'maplibre-gl';

import { watchBasemap } from '../../../src/map/setup';

type Handler = (e: Record<string, unknown>) => void;

/** The events and the two questions watchBasemap asks of a map. */
class FakeMap {
  private handlers = new Map<string, Set<Handler>>();
  loaded = new Set<string>();
  on(type: string, h: Handler) {
    (this.handlers.get(type) ?? this.handlers.set(type, new Set()).get(type)!).add(h);
  }
  off(type: string, h: Handler) {
    this.handlers.get(type)?.delete(h);
  }
  fire(type: string, e: Record<string, unknown> = {}) {
    for (const h of [...(this.handlers.get(type) ?? [])]) h(e);
  }
  listeners(): number {
    return [...this.handlers.values()].reduce((n, s) => n + s.size, 0);
  }
  getSource(id: string) {
    return id === 'world' || id === 'region' ? {} : undefined;
  }
  isSourceLoaded(id: string) {
    return this.loaded.has(id);
  }
}

const settledWithin = async <T>(p: Promise<T>): Promise<T | 'pending'> =>
  Promise.race([p, new Promise<'pending'>((r) => setTimeout(() => r('pending'), 20))]);

describe('watchBasemap', () => {
  it('settles when each archive says it is loaded, and names failures by file', async () => {
    const m = new FakeMap();
    const done = watchBasemap(m as unknown as MaplibreMap);
    m.fire('sourcedata', { sourceId: 'world', isSourceLoaded: true });
    expect(await settledWithin(done)).toBe('pending');
    m.fire('error', { sourceId: 'region', error: new Error('the server answered 404') });
    expect(await done).toEqual([{ file: 'region.pmtiles', reason: 'the server answered 404' }]);
    expect(m.listeners()).toBe(0);
  });

  it('settles at idle when the last loading tile was dropped, which fires no data event', async () => {
    const m = new FakeMap();
    const done = watchBasemap(m as unknown as MaplibreMap);
    // Each tile that loads says the source is not loaded yet: one more tile is on its way...
    m.fire('sourcedata', { sourceId: 'world', isSourceLoaded: false });
    m.fire('sourcedata', { sourceId: 'region', isSourceLoaded: false });
    // ...and a resize drops that tile. Nothing is fired for it; the sources are now loaded.
    m.loaded.add('world').add('region');
    expect(await settledWithin(done)).toBe('pending');
    m.fire('idle');
    expect(await done).toEqual([]);
    expect(m.listeners()).toBe(0);
  });

  it('an idle map whose archive is still loading does not settle it', async () => {
    const m = new FakeMap();
    const done = watchBasemap(m as unknown as MaplibreMap);
    m.loaded.add('world');
    m.fire('idle');
    expect(await settledWithin(done)).toBe('pending');
    m.fire('sourcedata', { sourceId: 'region', isSourceLoaded: true });
    expect(await done).toEqual([]);
  });

  it('says nothing once the map is gone', async () => {
    const m = new FakeMap();
    let wanted = true;
    const done = watchBasemap(m as unknown as MaplibreMap, () => wanted);
    wanted = false;
    m.loaded.add('world').add('region');
    m.fire('idle');
    expect(await settledWithin(done)).toBe('pending');
  });
});
