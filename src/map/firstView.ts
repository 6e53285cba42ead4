/**
 * The map's first view drawn whole, in one frame, rather than tile by tile.
 *
 * Until its first view is loaded, MapLibre draws a frame each time a tile, a glyph range or a source's data
 * arrives: 7-9 frames in the app before the first view is complete. With software WebGL (SwiftShader, on
 * a machine without a GPU) each one is 60-100 ms of drawing and compositing, on the same cores that are
 * laying out the tiles still to come, and every frame but the last shows a view about to change. So until
 * the map has loaded its first view (`map.loaded()`: the style, every source and every tile in view), a
 * frame does everything but draw: MapLibre still asks for tiles and places labels, and the frame in which
 * the view is complete draws it. From then on, MapLibre's painter is as it was; and from the
 * reader's first touch of the page too (a pointer pressed, a key, the wheel: a drag, or a click in the list
 * of places that flies the map, must be seen as it happens), and whenever the page needs the picture now
 * (`drawNow`: the PNG download, printing). Not at a move MapLibre makes itself: the map's canvas resizes
 * during a load (the panels fill), and a resize is a move.
 *
 * Nothing is held for long: the hold ends in any case once `within` ms have passed since the map was
 * made (a slow network then fills the map tile by tile, as MapLibre would), with a frame asked for at that
 * moment, so that a view waiting on a tile that never comes is not left empty. And it holds once: the frame
 * that draws the complete view ends it.
 *
 * What it costs: the map's first pixels come later (once the view is complete rather than with the first
 * tile), and the complete view sooner. Measured in docs/performance.md ("The first view drawn whole").
 *
 * MapLibre has no public way to hold a frame: this wraps its painter's `render`, which `Map._render` calls
 * once a frame to draw (MapLibre 5-6). If a later MapLibre has no such method the map is drawn as MapLibre
 * draws it, and the console says so (the end-to-end tests fail on any console error).
 */
import type { Map as MaplibreMap } from 'maplibre-gl';

/** How long a first view is drawn whole at most, in ms from the map's making. */
export const FIRST_VIEW_WITHIN_MS = 1500;

/** What the map needs for this: MapLibre's `Map`, with the painter it keeps. */
type Painted = Pick<MaplibreMap, 'loaded' | 'once' | 'off' | 'triggerRepaint'>;
interface Painter {
  render: (...args: unknown[]) => unknown;
}

export interface FirstViewOptions {
  within?: number;
  /** The clock (ms), for the tests. */
  now?: () => number;
  /** Timers, for the tests. */
  setTimer?: (f: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
  /** Where the reader's input is heard (the document). */
  input?: EventTarget;
}

/** The reader's input that ends a hold: what starts a drag, a zoom, a click or a key's action. */
const INPUT = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/** How to end each map's hold at once, while it lasts. */
const holds = new WeakMap<object, () => void>();

/** Ends `map`'s hold (drawFirstViewWhole), if it has one: its next frame is drawn, whatever has loaded. */
export function drawNow(map: object): void {
  holds.get(map)?.();
}

/** Frames of the first view held and drawn, for the tests. */
export interface FirstViewFrames {
  held: number;
  drawn: number;
}

/**
 * Holds `map`'s frames until its first view is loaded (see above). Call it once the map is made, before
 * its first frame (which MapLibre draws in a later animation frame).
 */
export function drawFirstViewWhole(map: Painted, options: FirstViewOptions = {}): FirstViewFrames {
  const {
    within = FIRST_VIEW_WITHIN_MS,
    now = () => performance.now(),
    setTimer = setTimeout,
    clearTimer = (t) => clearTimeout(t as ReturnType<typeof setTimeout>),
    input = globalThis.document,
  } = options;
  const frames: FirstViewFrames = { held: 0, drawn: 0 };
  const painter = (map as unknown as { painter?: Partial<Painter> }).painter;
  const render = painter?.render;
  if (!painter || typeof render !== 'function') {
    console.error("map: MapLibre's painter has no render(); the first view is drawn tile by tile (src/map/firstView.ts)");
    return frames;
  }
  const made = now();
  /** The frame asked for at the end of the wait, once a frame has been held. */
  let timer: unknown;
  let asked = false;
  // From the frame that draws (the view complete, or the wait over), the first idle, input or drawNow on,
  // MapLibre's own render again; and once the map is removed.
  const release = () => {
    painter.render = render;
    holds.delete(map);
    if (asked) clearTimer(timer);
    map.off('idle', release);
    map.off('remove', release);
    for (const type of INPUT) input?.removeEventListener(type, drawAsItIs, { capture: true });
  };
  // The view as it is, drawn at once: the input may change nothing that asks for a frame (a Tab); the wait
  // may end with nothing arriving (a tile that never comes).
  const drawAsItIs = () => {
    release();
    map.triggerRepaint();
  };
  map.once('idle', release);
  map.once('remove', release);
  for (const type of INPUT) input?.addEventListener(type, drawAsItIs, { capture: true, passive: true });
  holds.set(map, release);
  painter.render = function (this: Painter, ...args: unknown[]) {
    const waited = now() - made;
    if (waited < within && !map.loaded()) {
      frames.held++;
      // The hold ends when the wait is over, with a frame, in case nothing else asks for one by then. Ended
      // outright, not left to this test: a timer may fire a fraction of a ms early.
      if (!asked) {
        asked = true;
        timer = setTimer(drawAsItIs, within - waited);
      }
      return;
    }
    // The first view complete, or the wait over: drawn, and the hold is done. Not held again if the view
    // then changes before the first idle (a link's camera, Back): that is a view of the reader's choosing.
    release();
    frames.drawn++;
    return render.apply(this, args);
  };
  return frames;
}
