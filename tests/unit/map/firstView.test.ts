/**
 * drawFirstViewWhole (src/map/firstView.ts): until the first view is loaded, MapLibre's frames do all
 * but draw; the frame that completes it draws and ends the hold, and so do the end of the wait, the
 * reader's input, the first idle and a page that needs the picture now. MapLibre is stood in for by what
 * the function touches: its painter's render, loaded(), the idle and remove events and triggerRepaint;
 * the page by an EventTarget. That real MapLibre has such a painter, and that a key ends its hold, is
 * checked in Chromium (tests/e2e/basemap.spec.ts).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { drawFirstViewWhole, drawNow, FIRST_VIEW_WITHIN_MS } from '../../../src/map/firstView';

class Painter {
  calls: unknown[][] = [];
  self: unknown[] = [];
  render(...args: unknown[]) {
    this.calls.push(args);
    this.self.push(this);
    return 'drawn';
  }
}

class FakeMap {
  painter = new Painter();
  isLoaded = false;
  repaints = 0;
  private handlers = new Map<string, Set<() => void>>();
  loaded() {
    return this.isLoaded;
  }
  once(type: string, h: () => void) {
    (this.handlers.get(type) ?? this.handlers.set(type, new Set()).get(type)!).add(h);
    return this;
  }
  off(type: string, h: () => void) {
    this.handlers.get(type)?.delete(h);
    return this;
  }
  triggerRepaint() {
    this.repaints++;
  }
  fire(type: string) {
    for (const h of [...(this.handlers.get(type) ?? [])]) h();
  }
  listeners() {
    return [...this.handlers.values()].reduce((n, s) => n + s.size, 0);
  }
  /** What Map._render does once a frame. */
  frame(...args: unknown[]) {
    return this.painter.render(...args);
  }
}

/** An EventTarget that counts its listeners. */
class Page extends EventTarget {
  count = 0;
  override addEventListener(...args: Parameters<EventTarget['addEventListener']>) {
    this.count++;
    super.addEventListener(...args);
  }
  override removeEventListener(...args: Parameters<EventTarget['removeEventListener']>) {
    this.count--;
    super.removeEventListener(...args);
  }
}

function setUp(within?: number) {
  const map = new FakeMap();
  const page = new Page();
  let clock = 1000;
  const timers: [() => void, number][] = [];
  const cleared: unknown[] = [];
  const frames = drawFirstViewWhole(map as never, {
    within,
    now: () => clock,
    // A timer is its index in `timers`.
    setTimer: (f, ms) => timers.push([f, ms]) - 1,
    clearTimer: (t) => cleared.push(t),
    input: page,
  });
  return { map, page, frames, timers, cleared, tick: (ms: number) => (clock += ms) };
}

afterEach(() => vi.restoreAllMocks());

describe('drawFirstViewWhole', () => {
  it('draws no frame until the first view is loaded, then the frame that completes it', () => {
    const { map, frames, tick } = setUp();
    for (let i = 0; i < 6; i++) {
      tick(100);
      expect(map.frame('style', i)).toBeUndefined();
    }
    expect(map.painter.calls).toEqual([]);
    map.isLoaded = true;
    expect(map.frame('style', 6)).toBe('drawn');
    // MapLibre's render called as MapLibre calls it: on the painter, with the frame's arguments.
    expect(map.painter.calls).toEqual([['style', 6]]);
    expect(map.painter.self).toEqual([map.painter]);
    expect(frames).toEqual({ held: 6, drawn: 1 });
  });

  it('ends the hold when the wait is over, with a frame asked for then', () => {
    const { map, frames, timers, tick } = setUp(1500);
    tick(400);
    map.frame();
    tick(400);
    map.frame();
    // One frame asked for, at the end of the wait counted from the map's making, whatever arrives meanwhile.
    expect(timers.map(([, ms]) => ms)).toEqual([1100]);
    // The timer ends the hold outright: a timer fires a fraction of a ms early, and the frame it asks for
    // must not be held again, with nothing left to ask for another.
    tick(699.6);
    timers[0][0]();
    expect(map.repaints).toBe(1);
    expect(map.painter.render).toBe(Painter.prototype.render);
    expect(map.frame()).toBe('drawn');
    map.frame();
    expect(frames).toEqual({ held: 2, drawn: 0 });
    expect(map.painter.calls).toHaveLength(2);
  });

  it('holds once: the frame that draws the complete view gives MapLibre its own render back', () => {
    const { map, page, frames, timers, cleared } = setUp();
    const own = Painter.prototype.render;
    expect(map.frame()).toBeUndefined();
    expect(map.painter.render).not.toBe(own);
    map.isLoaded = true;
    map.frame();
    expect(map.painter.render).toBe(own);
    expect(map.listeners()).toBe(0);
    expect(page.count).toBe(0);
    // The frame asked for at the end of the wait is not asked for any more.
    expect(timers).toHaveLength(1);
    expect(cleared).toEqual([0]);
    // A frame after it, even one whose view is loading again (a link's camera, Back, a pan), is drawn.
    map.isLoaded = false;
    expect(map.frame()).toBe('drawn');
    expect(frames.drawn).toBe(1);
    expect(map.painter.calls).toHaveLength(2);
  });

  it('draws every frame from the reader’s first input on: a drag or a flight is seen as it happens', () => {
    for (const type of ['pointerdown', 'keydown', 'wheel', 'touchstart']) {
      const { map, page } = setUp();
      expect(map.frame()).toBeUndefined();
      page.dispatchEvent(new Event('mousemove'));
      expect(map.frame(), 'a pointer passing by is no input').toBeUndefined();
      page.dispatchEvent(new Event(type));
      expect(map.painter.render, type).toBe(Painter.prototype.render);
      // Drawn at once, as the view is: the input may ask for no frame of its own.
      expect(map.repaints).toBe(1);
      expect(map.frame()).toBe('drawn');
      expect(map.listeners()).toBe(0);
      expect(page.count).toBe(0);
    }
  });

  it('lets go at the first idle too', () => {
    const { map, page } = setUp();
    expect(map.frame()).toBeUndefined();
    map.fire('idle');
    expect(map.painter.render).toBe(Painter.prototype.render);
    expect(map.listeners()).toBe(0);
    expect(page.count).toBe(0);
  });

  it('lets go of the page once the map is removed mid-hold', () => {
    const { map, page } = setUp();
    map.fire('remove');
    expect(map.listeners()).toBe(0);
    expect(page.count).toBe(0);
    page.dispatchEvent(new Event('keydown'));
    expect(map.repaints).toBe(0);
  });

  it('draws the next frame when the page needs the picture now (drawNow), and only that map’s', () => {
    const { map } = setUp();
    const other = setUp().map;
    drawNow(map);
    expect(map.frame()).toBe('drawn');
    expect(other.frame()).toBeUndefined();
    // A map with no hold, or one already ended: nothing to do.
    drawNow(map);
    drawNow({});
    expect(map.frame()).toBe('drawn');
  });

  it('holds for FIRST_VIEW_WITHIN_MS unless told otherwise', () => {
    const { map, tick } = setUp();
    tick(FIRST_VIEW_WITHIN_MS - 1);
    expect(map.frame()).toBeUndefined();
    tick(1);
    expect(map.frame()).toBe('drawn');
  });

  it('says so on the console, and changes nothing, where MapLibre has no painter to hold', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const map = { loaded: () => false, once: vi.fn(), off: vi.fn(), triggerRepaint: vi.fn() };
    const page = new Page();
    expect(drawFirstViewWhole(map as never, { input: page })).toEqual({ held: 0, drawn: 0 });
    expect(error).toHaveBeenCalledWith(expect.stringMatching(/painter has no render\(\).*firstView\.ts/));
    expect(map.once).not.toHaveBeenCalled();
    expect(page.count).toBe(0);
  });
});
