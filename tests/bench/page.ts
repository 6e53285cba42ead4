/**
 * What runs inside the page. Every timing is taken there, with performance.now() (milliseconds since
 * navigation start), so that Playwright's round trips never enter a figure: the Node side only starts an
 * action and collects what the page measured.
 *
 * These functions are serialised into the page by Playwright: they may use nothing from this module's
 * scope. (tsx wraps named inner functions in `__name(...)`; SHIM defines it in the page.)
 */
import type { GeoJSONSource, Map as MaplibreMap } from 'maplibre-gl';
import type { FirstDrawWindow } from '../support/firstDraw';

/** Defines the helper that tsx's transform calls inside serialised functions. */
export const SHIM = 'globalThis.__name = globalThis.__name || ((f) => f);';

export interface Probe {
  /** performance.now() at the first `idle` after which every source drawn at this zoom has features. */
  firstIdle: number | null;
  mapLoad: number | null;
  firstRender: number | null;
  /** `idle` events seen before (and including) the one that counted. */
  idles: number;
  /** [start, duration] of each long task (> 50 ms of main-thread work). */
  longTasks: [number, number][];
  sources: string[];
}

export interface BenchWindow {
  situationMap?: MaplibreMap;
  __bench?: Probe;
}

/**
 * Installed before any script of the page: catches the assignment of window.situationMap (the app and
 * the baseline both make it) and from then on watches the map's `idle` events.
 */
export function installProbe(): void {
  const w = window as unknown as BenchWindow;
  const probe: Probe = {
    firstIdle: null,
    mapLoad: null,
    firstRender: null,
    idles: 0,
    longTasks: [],
    sources: [],
  };
  w.__bench = probe;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) probe.longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No long task timing: the figure is left out, not guessed.
  }
  /**
   * Sources (and, for vector tiles, their layers: "source/layer") used by a layer drawn at the current
   * zoom: each must have features for the view to be complete.
   */
  const drawnSources = (m: MaplibreMap): string[] => {
    const z = m.getZoom();
    const ids = new Set<string>();
    for (const id of m.getLayersOrder()) {
      const l = m.getLayer(id) as unknown as
        { source?: string; sourceLayer?: string; minzoom?: number; maxzoom?: number } | undefined;
      if (!l?.source || (l.minzoom ?? 0) > z || z >= (l.maxzoom ?? 24)) continue;
      if (m.getLayoutProperty(id, 'visibility') === 'none') continue;
      ids.add(l.sourceLayer ? `${l.source}/${l.sourceLayer}` : l.source);
    }
    return [...ids];
  };
  const hasFeatures = (m: MaplibreMap, id: string): boolean => {
    const [source, sourceLayer] = id.split('/');
    return m.querySourceFeatures(source, sourceLayer ? { sourceLayer } : undefined).length > 0;
  };
  /** Every drawn source has features: for a vector source, one of its drawn layers (a lake layer may have none in view). */
  const complete = (m: MaplibreMap, ids: string[]): boolean => {
    const bySource = new Map<string, string[]>();
    for (const id of ids) bySource.set(id.split('/')[0], [...(bySource.get(id.split('/')[0]) ?? []), id]);
    return [...bySource.values()].every((layers) => layers.some((id) => hasFeatures(m, id)));
  };
  /**
   * The app (the page with #app) adds its story's sources and layers once the story has loaded, and says
   * so on the map's container when it has applied the story's view (MapView: data-view-applied): until
   * then an idle map is the basemap alone. The baseline pages have no story.
   */
  const storyPending = (m: MaplibreMap): boolean => !!document.getElementById('app') && !m.getContainer().dataset.viewApplied;
  let map: MaplibreMap | undefined;
  Object.defineProperty(window, 'situationMap', {
    configurable: true,
    get: () => map,
    set: (m: MaplibreMap) => {
      map = m;
      m.once('load', () => (probe.mapLoad ??= performance.now()));
      m.once('render', () => (probe.firstRender ??= performance.now()));
      const onIdle = () => {
        const t = performance.now();
        probe.idles += 1;
        const sources = drawnSources(m);
        if (!storyPending(m) && complete(m, sources)) {
          probe.firstIdle = t;
          probe.sources = sources;
          m.off('idle', onIdle);
        }
      };
      m.on('idle', onIdle);
    },
  });
}

export interface LoadTimings {
  firstIdle: number;
  mapLoad: number | null;
  firstRender: number | null;
  /** The page's first WebGL draw call: its first pixels (tests/support/firstDraw.ts). */
  firstDrawn: number | null;
  idles: number;
  /** End of the last response of the data files (basemap, story), from Resource Timing. */
  dataEnd: number | null;
  domContentLoaded: number;
  longTaskCount: number;
  longTaskTotal: number;
  longTaskMax: number;
  sources: string[];
  /** WebGL programs MapLibre had compiled (its program cache, not public API: null if it moved). */
  programs: number | null;
  camera: { zoom: number; lng: number; lat: number };
  /** The map's canvas in the window, CSS pixels. */
  canvas: { left: number; top: number; width: number; height: number };
}

/** Read once firstIdle is set. */
export function readLoad(): LoadTimings {
  const w = window as unknown as BenchWindow;
  const p = w.__bench!;
  const m = w.situationMap!;
  const firstIdle = p.firstIdle!;
  const data = performance
    .getEntriesByType('resource')
    .filter((e) => /\/data\//.test(e.name))
    .map((e) => (e as PerformanceResourceTiming).responseEnd);
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  const tasks = p.longTasks.filter(([start]) => start < firstIdle);
  const c = m.getCenter();
  const canvas = m.getCanvas().getBoundingClientRect();
  return {
    firstIdle,
    mapLoad: p.mapLoad,
    firstRender: p.firstRender,
    firstDrawn: (window as unknown as FirstDrawWindow).__firstDraw?.at ?? null,
    idles: p.idles,
    dataEnd: data.length ? Math.max(...data) : null,
    domContentLoaded: nav?.domContentLoadedEventEnd ?? 0,
    longTaskCount: tasks.length,
    longTaskTotal: tasks.reduce((s, [, d]) => s + d, 0),
    longTaskMax: tasks.reduce((s, [, d]) => Math.max(s, d), 0),
    sources: p.sources,
    programs: (() => {
      const cache = (m as unknown as { painter?: { programCache?: { programs?: object } } }).painter?.programCache?.programs;
      return cache ? Object.keys(cache).length : null;
    })(),
    camera: { zoom: m.getZoom(), lng: c.lng, lat: c.lat },
    canvas: {
      left: Math.round(canvas.left),
      top: Math.round(canvas.top),
      width: Math.round(canvas.width),
      height: Math.round(canvas.height),
    },
  };
}

/**
 * Clicks a layer toggle (a real click event on the checkbox, as the browser sends for a click) and
 * measures until the map is idle again with the toggle applied: `idle` is MapLibre's event (tiles
 * reloaded, symbols placed); `drawn` is the first frame issued with every tile loaded; `frames` is how
 * many frames the map drew in between (each costs at least `repaint`'s floor). A toggle is applied
 * when the labels' text has changed (the places' layers change only through feature-state, which the
 * frame after the click draws); read until it has, not once a frame after.
 */
export function toggleCategory(category: string): Promise<{ idle: number; drawn: number; frames: number }> {
  const m = (window as unknown as BenchWindow).situationMap!;
  const input = document.querySelector<HTMLInputElement>(`input[data-category="${category}"]`);
  if (!input) throw new Error(`no toggle for ${category}`);
  // A tiled story has no labels' text to change: the view it has taken (MapView's data-view-applied) tells.
  const tiled = !m.getLayer('story-labels');
  const text = () =>
    tiled ? m.getContainer().dataset.viewApplied : JSON.stringify(m.getLayoutProperty('story-labels', 'text-field'));
  const before = text();
  let applied = false;
  const changed = () => (applied ||= text() !== before);
  return new Promise((resolve) => {
    let drawn: number | null = null;
    let frames = 0;
    const onRender = () => {
      frames += 1;
      if (drawn === null && changed() && m.areTilesLoaded()) drawn = performance.now() - t0;
    };
    const onIdle = () => {
      if (!changed()) return;
      const idle = performance.now() - t0;
      m.off('idle', onIdle);
      m.off('render', onRender);
      resolve({ idle, drawn: drawn ?? idle, frames });
    };
    m.on('render', onRender);
    m.on('idle', onIdle);
    const t0 = performance.now();
    input.click();
  });
}

/**
 * MapLibre's own floor for a toggle that changes labels: the story's labels' text-field set to the
 * same text written another way (wrapped in a `coalesce`, or unwrapped again), so that MapLibre lays the
 * labels out again in its worker and places them, and nothing else on the page changes: no panel, no
 * feature-state, no text a reader would see. A category toggle on the seed story does this and more,
 * so it cannot be faster than this, whatever the app does. Returns the milliseconds to `idle` and the
 * frames drawn in between.
 */
export function relayoutLabels(): Promise<{ idle: number; frames: number }> {
  const m = (window as unknown as BenchWindow).situationMap!;
  if (!m.getLayer('story-labels')) throw new Error('no story labels to lay out again');
  const now = m.getLayoutProperty('story-labels', 'text-field') as unknown;
  const wrapped = Array.isArray(now) && now[0] === 'coalesce' && now.length === 3 && now[2] === '';
  const next = wrapped ? (now as unknown[])[1] : ['coalesce', now, ''];
  return new Promise((resolve) => {
    let frames = 0;
    const onRender = () => (frames += 1);
    const onIdle = () => {
      const idle = performance.now() - t0;
      m.off('idle', onIdle);
      m.off('render', onRender);
      resolve({ idle, frames });
    };
    m.on('render', onRender);
    m.on('idle', onIdle);
    const t0 = performance.now();
    m.setLayoutProperty('story-labels', 'text-field', next as never);
  });
}

/**
 * MapLibre's own cost of a GeoJSON source set again with the data it already has, nothing on the map
 * changed: its worker parses and tiles the data again and its layers' tiles are laid out again. A story
 * drawn whole sets its count badges' source (story-source-counts) so on every view that changes a count.
 * Returns the milliseconds until idle with the GPU finished, and the frames drawn in between.
 */
export async function resetSource(id: string): Promise<{ idle: number; frames: number }> {
  const m = (window as unknown as BenchWindow).situationMap!;
  const source = m.getSource(id) as GeoJSONSource | undefined;
  if (!source?.setData) throw new Error(`no GeoJSON source ${id}`);
  const data = await source.getData();
  return new Promise((resolve) => {
    let frames = 0;
    const onRender = () => (frames += 1);
    m.on('render', onRender);
    m.once('idle', () => {
      m.off('render', onRender);
      const gl = (m.getCanvas().getContext('webgl2') ?? m.getCanvas().getContext('webgl'))!;
      gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
      resolve({ idle: performance.now() - t0, frames });
    });
    const t0 = performance.now();
    source.setData(data);
  });
}

/**
 * Clicks a control that changes the map's view (a real click event on it, as the browser sends for a
 * click: the timeline's step a day later, a claimant side's checkbox) and measures until the map has taken
 * the new view (MapView marks each view it applies on the map's container, data-view-applied) and is idle:
 * `applied` when the view was handed to MapLibre, `idle` when MapLibre had drawn it and the GPU had
 * finished its last frame (at once if the change changed nothing on the map, so no frame was asked for),
 * `frames` drawn in between. The same for both forms of a story.
 */
export function clickApplied(selector: string): Promise<{ applied: number; idle: number; frames: number }> {
  const m = (window as unknown as BenchWindow).situationMap!;
  const control = document.querySelector<HTMLButtonElement | HTMLInputElement>(selector);
  if (!control || control.disabled) throw new Error(`nothing to click at ${selector}`);
  const container = m.getContainer();
  const before = container.dataset.viewApplied;
  return new Promise((resolve) => {
    let frames = 0;
    const onRender = () => (frames += 1);
    m.on('render', onRender);
    const done = (applied: number) => {
      const finish = () => {
        m.off('render', onRender);
        // The last frame drawn to the end, as the floor (repaint) is: a one-pixel read waits for the GPU.
        if (frames) {
          const gl = (m.getCanvas().getContext('webgl2') ?? m.getCanvas().getContext('webgl'))!;
          gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
        }
        resolve({ applied, idle: performance.now() - t0, frames });
      };
      // A frame asked for and not yet drawn (MapLibre's own flag): wait for it; none: the map is idle now.
      if ((m as unknown as { _frameRequest?: unknown })._frameRequest || !m.areTilesLoaded()) m.once('idle', finish);
      else finish();
    };
    const seen = new MutationObserver(() => {
      if (container.dataset.viewApplied === before) return;
      seen.disconnect();
      done(performance.now() - t0);
    });
    seen.observe(container, { attributes: true, attributeFilter: ['data-view-applied'] });
    const t0 = performance.now();
    control.click();
  });
}

/**
 * The floor under every figure that draws the map: one frame with nothing changed, from the request
 * until the GPU (here SwiftShader, on the CPU) has drawn it: a one-pixel read of the drawing buffer
 * cannot return before. MapLibre's `render` and `idle` come when a frame's commands are issued, not
 * when they have been carried out. With software WebGL this floor is most of the budgets.
 */
export function repaint(): Promise<number> {
  const m = (window as unknown as BenchWindow).situationMap!;
  return new Promise((resolve) => {
    m.once('render', () => {
      const gl = (m.getCanvas().getContext('webgl2') ?? m.getCanvas().getContext('webgl'))!;
      gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
      resolve(performance.now() - t0);
    });
    const t0 = performance.now();
    m.triggerRepaint();
  });
}

/**
 * Sets location.hash to a #zoom/lat/lng view (as a link or the address bar would) and returns the
 * milliseconds until the map is idle at that view.
 */
export function changeHash([hash, zoom, lat, lng]: [string, number, number, number]): Promise<number> {
  const m = (window as unknown as BenchWindow).situationMap!;
  const there = () => {
    const c = m.getCenter();
    return Math.abs(m.getZoom() - zoom) < 0.01 && Math.abs(c.lat - lat) < 0.01 && Math.abs(c.lng - lng) < 0.01;
  };
  if (there()) throw new Error(`the map is already at ${hash}`);
  return new Promise((resolve) => {
    const onIdle = () => {
      if (!there()) return;
      m.off('idle', onIdle);
      resolve(performance.now() - t0);
    };
    m.on('idle', onIdle);
    const t0 = performance.now();
    location.hash = hash;
  });
}

/** What a click on a place measured (armSelect), in milliseconds from the click, and what the panel then listed. */
export interface SelectTimings {
  /** The Excerpts panel holds the text and some event (DOM). */
  dom: number;
  /** … and the next frame has been painted. */
  shown: number;
  /** … and the map is idle with the selection drawn, the GPU finished (`shown` when it asked for no frame). */
  drawn: number;
  /** Map frames drawn from the click until then. */
  frames: number;
  /** Events and groups of reports the panel then listed (it lists a page of each place's events). */
  events: number;
  groups: number;
}

/**
 * Arms the measurement of a click on the map: the clock starts at the click event (its timeStamp, on
 * the page's clock) and stops when the Excerpts panel holds `text` and an event, when the next frame
 * has been painted, and when the map is idle with the selection drawn (MapView sets its feature-state a
 * frame after the panel). Returns the pixel to click, relative to the map canvas. Collect the result with
 * `selectResult`.
 */
export function armSelect([lng, lat, text]: [number, number, string]): { x: number; y: number } {
  const w = window as unknown as BenchWindow & { __select?: Promise<SelectTimings> };
  const m = w.situationMap!;
  const panel = document.querySelector('section[aria-labelledby="excerpts-heading"]');
  if (!panel) throw new Error('no Excerpts panel');
  if (panel.textContent?.includes(text)) throw new Error(`the Excerpts panel already shows ${JSON.stringify(text)}`);
  let clickedAt: number | null = null;
  let frames = 0;
  const onRender = () => void (clickedAt !== null && frames++);
  w.__select = new Promise((resolve) => {
    const onClick = (e: MouseEvent) => (clickedAt ??= e.timeStamp);
    m.getCanvasContainer().addEventListener('click', onClick, { capture: true, once: true });
    m.on('render', onRender);
    const check = () => {
      const section = document.querySelector('section[aria-labelledby="excerpts-heading"]');
      if (clickedAt === null || !section?.textContent?.includes(text) || !section.querySelector('li.event')) return false;
      const dom = performance.now() - clickedAt;
      const listed = {
        events: section.querySelectorAll('li.event').length,
        groups: section.querySelectorAll('.report-group').length,
      };
      observer.disconnect();
      // After the next frame's rendering steps: the text is laid out and painted. MapView's selection
      // is set by then (a frame after the panel), and asks for a frame if it changes what is drawn.
      requestAnimationFrame(() =>
        setTimeout(() => {
          const shown = performance.now() - clickedAt!;
          const finish = (drawn: number) => {
            m.off('render', onRender);
            resolve({ dom, shown, drawn, frames, ...listed });
          };
          const drawn = () => {
            const gl = (m.getCanvas().getContext('webgl2') ?? m.getCanvas().getContext('webgl'))!;
            gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
            finish(performance.now() - clickedAt!);
          };
          if ((m as unknown as { _frameRequest?: unknown })._frameRequest || !m.areTilesLoaded()) m.once('idle', drawn);
          else finish(shown);
        }),
      );
      return true;
    };
    const observer = new MutationObserver(() => void check());
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  const p = m.project([lng, lat]);
  return { x: p.x, y: p.y };
}

export function selectResult(): Promise<SelectTimings> {
  const w = window as unknown as { __select?: Promise<SelectTimings> };
  return w.__select!;
}

/**
 * Resolves once the map is idle (at once if it already is), the GPU has carried out its drawing (a
 * one-pixel read cannot return before: `idle` comes when a frame's commands are issued, and with
 * software WebGL carrying them out takes 100-200 ms more), and two more frames have passed. Every
 * measurement starts from there, so none is charged for the frame before it.
 */
export function settle(): Promise<void> {
  const m = (window as unknown as BenchWindow).situationMap!;
  const finished = () => {
    const gl = (m.getCanvas().getContext('webgl2') ?? m.getCanvas().getContext('webgl'))!;
    gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
    return new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
  };
  if (m.loaded() && m.areTilesLoaded() && !m.isMoving()) return finished();
  return new Promise((resolve) => m.once('idle', () => void finished().then(resolve)));
}
