/**
 * The map's first pixels, as a page script sees them: the first WebGL draw call in the page (the map's
 * context is its only one), with whether the map had loaded its view then. MapLibre's `render` event is no
 * guide, since it fires for a frame the app holds undrawn (src/map/firstView.ts). Used by the benchmark's
 * probe (tests/bench/page.ts) and the end-to-end tests of that hold (tests/e2e/basemap.spec.ts).
 *
 * `recordFirstDraw` is handed to Playwright's `addInitScript`, which serialises it into the page: it may
 * use nothing from this module's scope.
 */

export interface FirstDraw {
  /** performance.now() at the call. */
  at: number;
  /** window.situationMap.loaded() then (false where the page had no map yet). */
  loaded: boolean;
}

export interface FirstDrawWindow {
  __firstDraw?: FirstDraw;
}

/** Notes the page's first WebGL draw call in window.__firstDraw, then gives the contexts their own methods back. */
export function recordFirstDraw(): void {
  const w = window as unknown as FirstDrawWindow & { situationMap?: { loaded(): boolean } };
  const contexts = [window.WebGLRenderingContext, window.WebGL2RenderingContext].filter(Boolean);
  const draws = ['drawElements', 'drawArrays'] as const;
  const own = contexts.map((c) => draws.map((d) => c.prototype[d]));
  const drawn = () => {
    w.__firstDraw ??= { at: performance.now(), loaded: !!w.situationMap?.loaded() };
    contexts.forEach((c, i) => draws.forEach((d, k) => Object.assign(c.prototype, { [d]: own[i][k] })));
  };
  contexts.forEach((c, i) =>
    draws.forEach((d, k) =>
      Object.assign(c.prototype, {
        [d](this: WebGLRenderingContext, ...args: unknown[]) {
          drawn();
          return (own[i][k] as (...a: unknown[]) => unknown).apply(this, args);
        },
      }),
    ),
  );
}
