/**
 * `npm run bench:parts`: where the app's first idle goes beside the bare basemap's, by taking parts of the
 * page away. The same production build is loaded as it is, with the story's layers not drawn, with the
 * page beside the map not painted, and with neither; and beside them the basemap page (baseline.html) in
 * the app's map area, the reference of `npm run bench`. Loads alternate, the order turning each round, each
 * in a fresh context. For each variant: the first idle (the probe `npm run bench` uses, page.ts), and the
 * cost of one map frame once idle (page.ts repaint: a frame drawn to the end, the median of several).
 *
 * What is taken away is taken by the benchmark, not by the build:
 * - the story's layers: every layer of a story source made invisible as soon as it is added, so
 *   MapLibre neither loads nor draws them (the story is still read, indexed and put on the map, and the
 *   probe still waits for the story's view to be applied);
 * - the page beside the map: the header, the panels and the time strip `visibility: hidden`, so they are
 *   built and laid out as ever, and not painted. The app's Content-Security-Policy refuses a style the
 *   benchmark adds, so these loads bypass it (all of them, the app as it is included, so that they compare).
 *
 * `--css` adds a variant of the app with that style added (and may be given more than once): to try which
 * part of the page costs what before changing the code.
 *
 *   npm run bench:parts [-- --no-build] [--runs 8] [--repaints 9] [--css 'aside svg { display: none }']
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { Map as MaplibreMap } from 'maplibre-gl';
import { STORY_SOURCES } from '../../src/map/storyLayers';
import { APP_VIEWPORT, openPage, type PageChanges } from './harness';
import { repaint } from './page';
import { serveBuild, SERVED_OPTIONS } from './served';
import { median } from './stats';

const { values } = parseArgs({
  options: {
    'no-build': SERVED_OPTIONS['no-build'],
    runs: { type: 'string', default: '8' },
    repaints: { type: 'string', default: '9' },
    css: { type: 'string', multiple: true, default: [] },
  },
});
const RUNS = Number(values.runs);
const REPAINTS = Number(values.repaints);
for (const [name, n] of [
  ['--runs', RUNS],
  ['--repaints', REPAINTS],
] as const)
  if (!Number.isInteger(n) || n < 1) {
    console.error(`${name}: an integer ≥ 1 expected, ${n} found`);
    process.exit(2);
  }

const UNPAINTED = 'header, aside, .time-strip, .sheet { visibility: hidden !important; }';

/** Adds `css` to the page once its head is there (the page's policy is bypassed for these loads). */
function addStyle(css: string) {
  document.addEventListener('DOMContentLoaded', () => {
    const style = document.createElement('style');
    style.dataset.bench = '';
    style.textContent = css;
    document.head.append(style);
  });
}

/**
 * Makes every layer of a story source (map/storyLayers.ts STORY_SOURCES) invisible as it is added: wraps
 * the probe's `situationMap` setter (page.ts installProbe), which the app calls with its map.
 */
function hideStoryLayers(sources: readonly string[]) {
  const probe = Object.getOwnPropertyDescriptor(window, 'situationMap');
  if (!probe?.set) throw new Error('the benchmark probe is not installed');
  Object.defineProperty(window, 'situationMap', {
    configurable: true,
    get: probe.get,
    set: (m: MaplibreMap) => {
      probe.set!.call(window, m);
      m.on('styledata', () => {
        for (const id of m.getLayersOrder()) {
          const layer = m.getLayer(id) as { source?: string } | undefined;
          if (layer?.source && sources.includes(layer.source) && m.getLayoutProperty(id, 'visibility') !== 'none')
            m.setLayoutProperty(id, 'visibility', 'none');
        }
      });
    },
  });
}

interface Variant {
  name: string;
  path: string;
  viewport?: { width: number; height: number };
  /** The story's layers hidden (hideStoryLayers). */
  hide?: boolean;
  /** A style added (addStyle). */
  css?: string;
}

/**
 * What the loaded page shows of the variant's changes: how many story layers are drawn, and whether the
 * added style is in force (a style the page's policy refused has no sheet). Checked after every load, so
 * that a variant that did not take is an error, not a figure.
 */
function applied(sources: readonly string[]): { storyLayers: number; style: boolean } {
  const m = (window as unknown as { situationMap: MaplibreMap }).situationMap;
  const storyLayers = m.getLayersOrder().filter((id) => {
    const layer = m.getLayer(id) as { source?: string } | undefined;
    return !!layer?.source && sources.includes(layer.source) && m.getLayoutProperty(id, 'visibility') !== 'none';
  }).length;
  return { storyLayers, style: !!document.querySelector<HTMLStyleElement>('style[data-bench]')?.sheet };
}

const { base, browser, close } = await serveBuild({ build: !values['no-build'] });
try {
  // The app's map area, for the basemap page's window (as npm run bench sizes it).
  const first = await openPage(browser, `${base}/`, APP_VIEWPORT, 120_000, { bypassCSP: true });
  const { width, height } = first.load.canvas;
  await first.context.close();

  const variants: Variant[] = [
    { name: 'The app as it is', path: '/' },
    { name: "The story's layers not drawn", path: '/', hide: true },
    { name: 'The page beside the map not painted', path: '/', css: UNPAINTED },
    { name: 'Neither', path: '/', hide: true, css: UNPAINTED },
    ...values.css.map((css) => ({ name: `The app with ${css}`, path: '/', css })),
    { name: 'The basemap page, in the app’s map area', path: '/baseline.html', viewport: { width, height } },
  ];
  const idle = new Map<string, number[]>(variants.map((v) => [v.name, []]));
  const frame = new Map<string, number[]>(variants.map((v) => [v.name, []]));
  const startLoad = loadavg();
  console.error(`load average at the start: ${startLoad.map((l) => l.toFixed(2)).join(', ')}; ${RUNS} loads of each variant`);
  // One load of each first, not counted: the browser's caches and Chromium's program cache warm.
  for (let round = -1; round < RUNS; round++) {
    for (let k = 0; k < variants.length; k++) {
      const v = variants[(k + Math.max(round, 0)) % variants.length];
      const changes: PageChanges = {
        bypassCSP: true,
        prepare: async (page) => {
          if (v.hide) await page.addInitScript(hideStoryLayers, STORY_SOURCES);
          if (v.css) await page.addInitScript(addStyle, v.css);
        },
      };
      const p = await openPage(browser, `${base}${v.path}`, v.viewport ?? APP_VIEWPORT, 120_000, changes);
      try {
        if (p.errors.length) throw new Error(`${v.name}: ${p.errors.join('; ')}`);
        if (v.path === '/') {
          const shown = await p.page.evaluate(applied, STORY_SOURCES);
          if (v.hide ? shown.storyLayers > 0 : shown.storyLayers === 0)
            throw new Error(`${v.name}: ${shown.storyLayers} of the story's layers drawn`);
          if (!!v.css !== shown.style) throw new Error(`${v.name}: the added style is ${shown.style ? '' : 'not '}in force`);
        }
        if (round < 0) continue;
        idle.get(v.name)!.push(p.load.firstIdle);
        const frames: number[] = [];
        for (let i = 0; i < REPAINTS; i++) frames.push(await p.page.evaluate(repaint));
        frame.get(v.name)!.push(median(frames));
        console.error(`round ${round + 1}: ${v.name}: first idle ${Math.round(p.load.firstIdle)} ms`);
      } finally {
        await p.context.close();
      }
    }
  }
  const reference = median(idle.get(variants.at(-1)!.name)!);
  const rows = variants.map((v) => {
    const i = idle.get(v.name)!;
    const f = frame.get(v.name)!;
    return `| ${v.name} | ${Math.round(median(i))} | ${Math.round(Math.min(...i))}–${Math.round(Math.max(...i))} | ${(median(i) / reference).toFixed(2)}× | ${Math.round(median(f))} |`;
  });
  console.log(
    [
      `Load average at the start ${startLoad.map((l) => l.toFixed(2)).join(', ')}, at the end ${loadavg()
        .map((l) => l.toFixed(2))
        .join(', ')}; ${RUNS} loads of each, alternated; medians.`,
      '',
      '| Variant | First idle, ms | Min–max | ÷ the basemap page | One map frame once idle, ms |',
      '| --- | ---: | --- | ---: | ---: |',
      ...rows,
    ].join('\n'),
  );
} finally {
  await close();
}
