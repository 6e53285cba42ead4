/**
 * `npm run bench:parts`: where the app's first idle goes beside the bare basemap's, by taking parts of the
 * page away. The same production build is loaded as it is, with the story's layers not drawn, with the
 * page beside the map not painted, and with neither; and beside them the basemap page (baseline.html) in
 * the app's map area, the reference of `npm run bench`. Loads alternate, the order turning each round, each
 * in a fresh context. For each variant: the first idle (the probe `npm run bench` uses, page.ts), and the
 * cost of one map frame once idle (harness.ts repaints: a frame drawn to the end, the median of several).
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
 * `--layers` asks instead what each of the story's layers costs of a map frame: in the app, once idle, a
 * frame drawn to the end (harness.ts repaints, the median of `--repaints`) with the layer shown, hidden and
 * shown again, for every layer of a story source that is drawn, one at a time, and for all of them at
 * once; `--runs` loads. What a layer costs the first idle is the variants' question, not this one: a
 * frame made cheaper did not shorten it (docs/performance.md, the ninth session).
 *
 *   npm run bench:parts [-- --no-build] [--runs 8] [--repaints 9] [--css 'aside svg { display: none }']
 *   npm run bench:parts -- --layers [--no-build] [--runs 3] [--repaints 9]
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { Map as MaplibreMap } from 'maplibre-gl';
import { STORY_SOURCES } from '../../src/map/storyLayers';
import { APP_VIEWPORT, openPage, repaints, type PageChanges } from './harness';
import { serveBuild, SERVED_OPTIONS } from './served';
import { median } from './stats';

const { values } = parseArgs({
  options: {
    'no-build': SERVED_OPTIONS['no-build'],
    runs: { type: 'string' },
    repaints: { type: 'string', default: '9' },
    css: { type: 'string', multiple: true, default: [] },
    layers: { type: 'boolean', default: false },
  },
});
// Loads: 8 of each variant; 3 for --layers, whose every load repaints each layer three times over.
const RUNS = Number(values.runs ?? (values.layers ? 3 : 8));
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

/** The story's layers the map draws now (a draft layer of a story without drafts is not laid out). */
function drawnStoryLayers(sources: readonly string[]): string[] {
  const m = (window as unknown as { situationMap: MaplibreMap }).situationMap;
  return m.getLayersOrder().filter((id) => {
    const layer = m.getLayer(id) as { source?: string } | undefined;
    return !!layer?.source && sources.includes(layer.source) && m.getLayoutProperty(id, 'visibility') !== 'none';
  });
}

/** Shows or hides layers, and resolves once the map is idle again (their tiles laid out anew when shown). */
function setVisibility({ ids, visibility }: { ids: string[]; visibility: 'visible' | 'none' }): Promise<void> {
  const m = (window as unknown as { situationMap: MaplibreMap }).situationMap;
  return new Promise((resolve) => {
    for (const id of ids) m.setLayoutProperty(id, 'visibility', visibility);
    m.once('idle', () => resolve());
    m.triggerRepaint();
  });
}

const { base, browser, close } = await serveBuild({ build: !values['no-build'] });

/** Each story layer's share of a map frame, and all of them together (see --layers above). */
async function layerCosts(): Promise<void> {
  const cost = new Map<string, number[]>();
  const frame: number[] = [];
  const ALL = 'Every story layer at once';
  console.error(
    `load average at the start: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')}; ${RUNS} loads`,
  );
  for (let run = 0; run < RUNS; run++) {
    const p = await openPage(browser, `${base}/`, APP_VIEWPORT, 120_000);
    try {
      if (p.errors.length) throw new Error(p.errors.join('; '));
      const drawFrame = async () => median(await repaints(p.page, REPAINTS, 60_000));
      const ids = await p.page.evaluate(drawnStoryLayers, STORY_SOURCES);
      if (!ids.length) throw new Error('the app draws none of the story sources’ layers');
      for (const [name, hidden] of [[ALL, ids] as const, ...ids.map((id) => [id, [id]] as const)]) {
        const shown = await drawFrame();
        await p.page.evaluate(setVisibility, { ids: [...hidden], visibility: 'none' as const });
        const without = await drawFrame();
        await p.page.evaluate(setVisibility, { ids: [...hidden], visibility: 'visible' as const });
        const again = await drawFrame();
        if (name === ALL) frame.push((shown + again) / 2);
        cost.set(name, [...(cost.get(name) ?? []), (shown + again) / 2 - without]);
      }
      console.error(
        `load ${run + 1}: a frame ${Math.round(frame.at(-1)!)} ms, the story's layers ${cost.get(ALL)!.at(-1)!.toFixed(1)} of it`,
      );
    } finally {
      await p.context.close();
    }
  }
  console.log(
    [
      `Load average at the end ${loadavg()
        .map((l) => l.toFixed(2))
        .join(', ')}; ${RUNS} loads; one map frame of the app once idle: ${Math.round(median(frame))} ms (median).`,
      '',
      '| Hidden | Ms of a frame (median) | Each load |',
      '| --- | ---: | --- |',
      ...[...cost].map(([name, ms]) => `| ${name} | ${median(ms).toFixed(1)} | ${ms.map((x) => x.toFixed(1)).join(', ')} |`),
    ].join('\n'),
  );
}

async function variantsTable(): Promise<void> {
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
          // The variant took: its story layers drawn or not, its style in force (one the page's policy
          // refused has no sheet). An error, not a figure, if not.
          const drawn = (await p.page.evaluate(drawnStoryLayers, STORY_SOURCES)).length;
          if (v.hide ? drawn > 0 : drawn === 0) throw new Error(`${v.name}: ${drawn} of the story's layers drawn`);
          const style = await p.page.evaluate(() => !!document.querySelector<HTMLStyleElement>('style[data-bench]')?.sheet);
          if (!!v.css !== style) throw new Error(`${v.name}: the added style is ${style ? '' : 'not '}in force`);
        }
        if (round < 0) continue;
        idle.get(v.name)!.push(p.load.firstIdle);
        frame.get(v.name)!.push(median(await repaints(p.page, REPAINTS, 60_000)));
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
}

try {
  await (values.layers ? layerCosts() : variantsTable());
} finally {
  await close();
}
