/**
 * The benchmark: builds the app, serves the build with the production server, drives Chromium, and
 * returns what it measured. `tests/bench/run.ts` is the command line (`npm run bench`); the smoke test
 * (tests/e2e/bench-smoke.spec.ts) calls runBench with tiny sizes.
 *
 * Every timing is taken inside the page (see page.ts). Runs of the app and of the baseline alternate,
 * each in a fresh browser context, after one warm-up of each that is not counted. The server sends the
 * brotli copies the build wrote (src/server/precompress.ts); the synthetic catalogues are given theirs
 * the same way.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { precompress } from '../../src/server/precompress';
import { CHROMIUM_ARGS, findChromium } from '../chromium.js';
import {
  armSelect,
  changeHash,
  clickApplied,
  installProbe,
  readLoad,
  relayoutLabels,
  repaint,
  selectResult,
  settle,
  SHIM,
  toggleCategory,
  type BenchWindow,
  type LoadTimings,
  type SelectTimings,
} from './page';
import { serve, type ServedFile } from './served';
import { recordFirstDraw } from '../support/firstDraw';
import { round, summarize, type Summary } from './stats';
import { ANCHORS, type WrittenCatalogue } from '../support/synthetic';

export interface BenchOptions {
  /** The project folder. */
  root: string;
  /** The folder to build into and serve (default: <root>/dist). */
  dist?: string;
  /** Run `vite build` first (default true). */
  build?: boolean;
  /** Load runs of each page, app and baseline (default 5). */
  runs?: number;
  /** Samples of each interaction on the seed story (default 10). */
  interactionRuns?: number;
  /** Sizes of the synthetic catalogues (default 1k, 10k, 100k events). */
  sizes?: number[];
  /** Load runs at each size (default 3). */
  scaleRuns?: number;
  /** Samples of each interaction at each size (default 10). */
  scaleInteractionRuns?: number;
  /** Give up on a page load after this long (default 120 s). */
  loadTimeoutMs?: number;
  /** One uncounted load of each page first (default true; the smoke test skips it). */
  warmup?: boolean;
  log?: (line: string) => void;
}

export const KINDS = ['js', 'css', 'fonts', 'basemap', 'story', 'other'] as const;
export type Kind = (typeof KINDS)[number];

export interface Bytes {
  /** As stored (uncompressed). */
  raw: number;
  /** Compressed with gzip (level 6), from the same bytes. */
  gzip: number;
  /** What went over the wire: the production server sends brotli to Chromium. */
  served: number;
  files: number;
}

export interface FileBytes extends Bytes {
  path: string;
  kind: Kind;
}

export interface PageBytes {
  byKind: Record<Kind, Bytes>;
  total: Bytes;
  files: FileBytes[];
}

export interface LoadRun extends Omit<LoadTimings, 'sources'> {
  errors: string[];
}

export interface ScaleResult {
  events: number;
  places: number;
  /** Bytes of what the app reads at this size. */
  files: Record<string, { raw: number; gzip: number }>;
  generateMs: number;
  buildMs: number;
  load: Summary | null;
  dataEnd: Summary | null;
  longTaskTotal: Summary | null;
  repaint: Summary | null;
  toggleHide: Summary | null;
  toggleShow: Summary | null;
  toggleDrawn: Summary | null;
  toggleFrames: Summary | null;
  /** The timeline's window stepped a day: until the map has the view, until idle, frames drawn between. */
  stepApplied: Summary | null;
  stepIdle: Summary | null;
  stepFrames: Summary | null;
  select: Summary | null;
  /** Where the interactions were measured: the first view, or a tiled story's full-detail zoom. */
  interactionsAt?: string;
  /** JS heap of the page (main thread; MapLibre's workers not included) after load and a GC, MB. */
  heapMB: number | null;
  errors: string[];
}

/** A page's load beyond its first idle: when its map's style loaded, its first pixels, its data, its long tasks. */
export interface LoadDetail {
  mapLoad: Summary;
  /** The first WebGL draw call (page.ts Probe.firstDrawn); absent from results written before it was measured. */
  firstDrawn?: Summary;
  dataEnd: Summary;
  longTaskTotal: Summary;
}

export interface BenchResult {
  version: 1;
  date: string;
  /** The commit measured (git rev-parse), with "+changes" when the tree had uncommitted changes. */
  commit: string;
  machine: {
    os: string;
    cpus: number;
    cpuModel: string;
    memoryGB: number;
    node: string;
    chromium: string;
    /** 1-minute load average when the benchmark started and when it ended: others' work skews figures. */
    loadAverage: { start: number; end: number };
  };
  options: Required<Omit<BenchOptions, 'log' | 'root' | 'dist'>>;
  viewport: { app: { width: number; height: number }; baseline: { width: number; height: number } };
  load: {
    app: Summary;
    baseline: Summary;
    /** MapLibre with an empty style in the baseline's window (baseline.html?style=empty): MapLibre's own floor. */
    empty: Summary;
    /**
     * The baseline's map in the app's window, where the app's map is (baseline.html?area=…): the same map, and
     * the same window for the browser to composite, without the app.
     */
    window: Summary;
    /**
     * The baseline drawing its first view whole, as the app does (baseline.html?whole, src/map/firstView.ts):
     * what the app's story and page cost, apart from what drawing the first view whole saves. Absent from
     * results written before the app drew it so.
     */
    whole?: Summary;
    /** Median of the app's first idle over the baseline's. */
    ratio: number;
    /** Median of the app's first idle over the baseline's in the app's window. */
    ratioWindow: number;
    /** Median of the app's first idle over the baseline's drawing its first view whole. */
    ratioWhole?: number;
    /** Medians of the app's and the baseline's first idle over the empty style's. */
    ratioEmpty: { app: number; baseline: number };
    /** WebGL programs MapLibre had compiled by the first idle (its program cache), by page; null where unreadable. */
    programs: { app: number | null; baseline: number | null; window: number | null; empty: number | null; whole?: number | null };
    /** The app and both baseline pages open on the same camera (the baseline's map is the app's map area). */
    sameView: boolean;
    cameras: { app: LoadTimings['camera']; baseline: LoadTimings['camera']; window: LoadTimings['camera'] };
    appDetail: LoadDetail;
    baselineDetail: LoadDetail;
    emptyDetail: LoadDetail;
    windowDetail: LoadDetail;
    wholeDetail?: LoadDetail;
    errors: string[];
  };
  bytes: {
    app: PageBytes;
    baseline: PageBytes;
    /** The app's JS and CSS beyond MapLibre's (its chunk, worker and CSS). */
    appOwnJsCss: Bytes & { files: number; paths: string[] };
    /** The app's main chunk alone. */
    appChunk: FileBytes | null;
  };
  interactions: {
    /** One frame with nothing changed, drawn to the end by the GPU, in the app and in the baseline: the floor. */
    repaint: Summary;
    baselineRepaint: Summary;
    /** A category hidden → map idle, and shown again → map idle: two actions, two figures. */
    toggleHide: Summary;
    toggleShow: Summary;
    toggleDrawn: Summary;
    /** Map frames drawn between the click on a toggle and the map's idle. */
    toggleFrames: Summary;
    /**
     * MapLibre's floor for a toggle that changes labels (page.ts relayoutLabels): the seed's labels laid
     * out again and placed, nothing else changed; and the frames drawn meanwhile. Absent from results
     * written before it was measured.
     */
    labelRelayout?: Summary;
    labelRelayoutFrames?: Summary;
    stepApplied: Summary;
    stepIdle: Summary;
    stepFrames: Summary;
    select: Summary;
    selectDom: Summary;
    hash: Summary;
    errors: string[];
  };
  scale: ScaleResult[];
}

const DEFAULTS = {
  build: true,
  runs: 5,
  interactionRuns: 10,
  sizes: [1000, 10000, 100000],
  scaleRuns: 3,
  scaleInteractionRuns: 10,
  loadTimeoutMs: 120_000,
  warmup: true,
};

/** The seed story's places to click, and a sentence each shows in the Excerpts panel. */
const SEED_SELECT: [number, number, string][] = [
  [30.5238, 50.4547, 'landed in Kyiv on Tuesday'],
  [28.3, 52.3, 'where it deployed fighter jets on Wednesday'],
];
const SCALE_SELECT: [number, number, string][] = ANCHORS.map((a) => [a.lngLat[0], a.lngLat[1], a.sentence]);
/** Where a tiled story's interactions are measured: its full-detail zoom (src/layers/tiled.ts FULL_DETAIL_ZOOM). */
const TILED_INTERACTION_ZOOM = 8.5;
/** Two views a link can name, #zoom/lat/lng, alternated. */
const HASHES: [string, number, number, number][] = [
  ['#5/49/32', 5, 49, 32],
  ['#6/50.45/30.52', 6, 50.45, 30.52],
];
const TOGGLED = 'troops';
/** The first day the timeline steps from: the seed's and the synthetic stories' busiest week follows it. */
const STEP_FROM = '2022-01-22';
/** The app's window in every benchmark load; the basemap page's is the app's map area in it. */
export const APP_VIEWPORT = { width: 1280, height: 800 };

function kindOf(urlPath: string): Kind {
  if (urlPath.startsWith('/data/tiles/')) return 'basemap';
  if (urlPath.startsWith('/data/layers/')) return 'story';
  // The labels' glyph files (src/tiles/glyphs.ts) are fonts, in another form.
  if (urlPath.startsWith('/data/glyphs/')) return 'fonts';
  const ext = path.extname(urlPath).toLowerCase();
  if (ext === '.js' || ext === '.mjs') return 'js';
  if (ext === '.css') return 'css';
  if (ext === '.woff2' || ext === '.woff' || ext === '.ttf') return 'fonts';
  return 'other';
}

/**
 * The app's worker (src/map/mapWorker.ts) is MapLibre's worker with the tile archives' protocol: only what
 * it adds to MapLibre's own (assets/maplibre-gl-worker-*.mjs, in the build for the empty-style page) is
 * the app's code, by each measure (raw, gzip, the brotli copy served).
 */
function workerOwnPart(dist: string, worker: FileBytes): FileBytes {
  const name = readdirSync(path.join(dist, 'assets')).find((f) => /^maplibre-gl-worker-[^/]+\.mjs$/.test(f));
  if (!name)
    throw new Error(
      `bench: no assets/maplibre-gl-worker-*.mjs in ${dist}, to tell MapLibre's part of ${worker.path} from the app's`,
    );
  const file = path.join(dist, 'assets', name);
  const base = sizesOf(file);
  const served = existsSync(`${file}.br`) ? statSync(`${file}.br`).size : base.raw;
  return { ...worker, raw: worker.raw - base.raw, gzip: worker.gzip - base.gzip, served: worker.served - served };
}

const gzipCache = new Map<string, { raw: number; gzip: number; mtimeMs: number }>();
function sizesOf(file: string): { raw: number; gzip: number } {
  const s = statSync(file);
  const hit = gzipCache.get(file);
  if (hit && hit.mtimeMs === s.mtimeMs && hit.raw === s.size) return hit;
  const bytes = readFileSync(file);
  const entry = { raw: bytes.length, gzip: gzipSync(bytes, { level: 6 }).length, mtimeMs: s.mtimeMs };
  gzipCache.set(file, entry);
  return entry;
}

function pageBytes(dist: string, served: ServedFile[]): PageBytes {
  const zero = (): Bytes => ({ raw: 0, gzip: 0, served: 0, files: 0 });
  const byKind = Object.fromEntries(KINDS.map((k) => [k, zero()])) as Record<Kind, Bytes>;
  const total = zero();
  const files: FileBytes[] = [];
  for (const r of served.filter((s) => s.status === 200 || s.status === 206)) {
    const rel = r.path === '/' ? 'index.html' : decodeURIComponent(r.path).replace(/^\//, '');
    // A part of a tile archive (206): the bytes sent, which are gzip-compressed tiles already.
    const { raw, gzip } = r.status === 206 ? { raw: r.sent, gzip: r.sent } : sizesOf(path.join(dist, rel));
    const kind = kindOf(r.path);
    files.push({ path: r.path, kind, raw, gzip, served: r.sent, files: 1 });
    for (const b of [byKind[kind], total]) {
      b.raw += raw;
      b.gzip += gzip;
      b.served += r.sent;
      b.files += 1;
    }
  }
  return { byKind, total, files };
}

function commitOf(root: string): string {
  const git = (...args: string[]) => spawnSync('git', args, { cwd: root, encoding: 'utf8' });
  const head = git('rev-parse', '--short', 'HEAD');
  if (head.status !== 0) return 'unknown';
  const dirty = git('status', '--porcelain', '--untracked-files=no').stdout.trim() !== '';
  return `${head.stdout.trim()}${dirty ? '+changes' : ''}`;
}

/** A promise that fails after `ms`, for the in-page waits (Playwright's evaluate has no timeout). */
export function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

interface OpenPage {
  context: BrowserContext;
  page: Page;
  errors: string[];
  load: LoadTimings;
}

/**
 * A synthetic catalogue generated and built in a Node process of its own (synthetic.ts run as a script):
 * a million events take several GB while they are built, which this process would otherwise keep while
 * the browser runs, and more than Node's default heap.
 */
function syntheticInChild(n: number, dir: string, root: string): WrittenCatalogue {
  const script = path.join(root, 'tests/support/synthetic.ts');
  const r = spawnSync(process.execPath, ['--max-old-space-size=10240', '--import', 'tsx', script, String(n), dir, root], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`the synthetic catalogue of ${n} events failed (exit ${r.status}):\n${r.stderr}`);
  return JSON.parse(r.stdout) as WrittenCatalogue;
}

/**
 * What a benchmark may change in the page it opens (bench:parts): Content-Security-Policy bypassed, so that
 * a style it adds is applied (the app's policy refuses a `<style>` element, and says so only in the
 * console); and scripts added after the benchmark's probe, before the page's own.
 */
export interface PageChanges {
  bypassCSP?: boolean;
  prepare?: (page: Page) => Promise<unknown>;
}

/** Opens `url` in a fresh context and waits for the first complete idle. */
export async function openPage(
  browser: Browser,
  url: string,
  viewport: { width: number; height: number },
  timeoutMs: number,
  changes: PageChanges = {},
): Promise<OpenPage> {
  const context = await browser.newContext({ viewport, bypassCSP: changes.bypassCSP ?? false });
  const page = await context.newPage();
  const errors: string[] = [];
  // Closing the context cuts the requests still under way (MapLibre fetches tiles of other zooms once
  // idle): what fails then is the teardown's doing, not the page's, and is not counted.
  let closing = false;
  const close = context.close.bind(context);
  context.close = (...args: Parameters<BrowserContext['close']>) => ((closing = true), close(...args));
  const note = (e: string) => closing || errors.push(e);
  page.on('pageerror', (e) => note(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') note(`console: ${m.text()}`);
  });
  page.on('crash', () => note('the page crashed'));
  page.on('requestfailed', (r) => {
    // A part of a tile archive the map cancelled (it aborts the loads of tiles it no longer needs once the
    // camera moves), as the end-to-end tests' guard allows (tests/e2e/fixtures.ts). Any other failure counts.
    const cancelledTile = /\.pmtiles$/.test(new URL(r.url()).pathname) && r.failure()?.errorText === 'net::ERR_ABORTED';
    if (!cancelledTile) note(`request failed: ${r.url()}: ${r.failure()?.errorText}`);
  });
  // The page asks its own server and nothing else (data: and blob: are in the page).
  const origin = new URL(url).origin;
  page.on('request', (r) => {
    const at = new URL(r.url());
    if (at.origin !== origin && at.protocol !== 'data:' && at.protocol !== 'blob:') note(`foreign request: ${r.url()}`);
  });
  await page.addInitScript({ content: SHIM });
  await page.addInitScript(installProbe);
  // Its first pixels: the first WebGL draw call (the `render` event fires for a held frame too).
  await page.addInitScript(recordFirstDraw);
  await changes.prepare?.(page);
  try {
    await page.goto(url, { waitUntil: 'commit', timeout: timeoutMs });
    await page.waitForFunction(() => (window as unknown as BenchWindow).__bench?.firstIdle != null, undefined, {
      timeout: timeoutMs,
      polling: 100,
    });
    return { context, page, errors, load: await page.evaluate(readLoad) };
  } catch (err) {
    await context.close().catch(() => undefined);
    const first = (err instanceof Error ? err.message : String(err)).split('\n')[0];
    throw new Error([first, ...errors].join('; '), { cause: err });
  }
}

async function heapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return round((metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN) / 1e6);
}

/**
 * Takes the selection out of the address (as Back would) and waits until the Excerpts panel no longer
 * shows `text`: a click on the same place can then be measured again.
 */
export async function clearSelection(page: Page, text: string, timeoutMs: number): Promise<void> {
  await page.evaluate(() => {
    location.hash = location.hash.replace(/&(place|event)=[^&]*/g, '');
  });
  await page.waitForFunction(
    (t) => !document.querySelector('section[aria-labelledby="excerpts-heading"]')?.textContent?.includes(t),
    text,
    { timeout: timeoutMs },
  );
}

/**
 * Points at the place, lets the map draw its hover highlight, then clicks, as a person does: the pointer
 * arrives, then the button goes down. Clicking in the same instant as the pointer arrives would time the
 * hover's map frame (170 ms here) into the click's, which no reader's hand does.
 */
export async function clickAndWait(page: Page, target: [number, number, string], timeoutMs: number): Promise<SelectTimings> {
  const { x, y } = await page.evaluate(armSelect, target);
  const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
  await page.mouse.move(box.x + x, box.y + y);
  await page.evaluate(settle);
  await page.mouse.click(box.x + x, box.y + y);
  return within(page.evaluate(selectResult), timeoutMs, `select ${target[2]}`);
}

export async function runBench(options: BenchOptions): Promise<BenchResult> {
  // Options given as undefined (the command line's unset flags) keep their defaults.
  const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as BenchOptions;
  const o = { ...DEFAULTS, ...given };
  const log = o.log ?? (() => undefined);
  const dist = path.resolve(options.dist ?? path.join(o.root, 'dist'));
  const loadStart = os.loadavg()[0];
  const executable = findChromium();
  if (!executable) throw new Error('no Chromium found: see tests/chromium.js');

  if (o.build) {
    log(`building into ${path.relative(o.root, dist) || '.'} …`);
    const args = ['vite', 'build', '--logLevel', 'warn'];
    if (dist !== path.join(o.root, 'dist')) args.push('--outDir', dist, '--emptyOutDir');
    const r = spawnSync('npx', args, { cwd: o.root, stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`vite build failed (exit ${r.status})`);
  }

  // The synthetic catalogues, through the real build, into a folder of their own outside the build (so
  // that `npm start` never serves them); each is served by a server of its own in place of the story.
  const generated = new Map<number, WrittenCatalogue>();
  const benchData = mkdtempSync(path.join(os.tmpdir(), 'situation-map-bench-'));
  for (const n of o.sizes) {
    log(`generating ${n.toLocaleString('en-US')} events …`);
    const g = syntheticInChild(n, path.join(benchData, String(n)), o.root);
    generated.set(n, g);
    log(`${n.toLocaleString('en-US')} events: generated in ${Math.round(g.generateMs)} ms, built in ${Math.round(g.buildMs)} ms`);
    // As the build does for the seed story's layers: the server sends these copies, compresses nothing.
    // A tiled story's shards (hundreds of MB at a million events, one read per click) are sent as they are.
    await precompress(path.join(benchData, String(n)), (file) => !path.basename(file).startsWith('shard-'));
  }

  const server = await serve(dist);
  const scaleServers = new Map<number, Awaited<ReturnType<typeof serve>>>();
  for (const n of o.sizes) scaleServers.set(n, await serve(dist, path.join(benchData, String(n))));
  const browser = await chromium.launch({ executablePath: executable, args: CHROMIUM_ARGS });
  const timeout = o.loadTimeoutMs;
  try {
    // 1. Load: app and baseline, alternated, fresh context each; the baseline's window is the app's map.
    // The app's first load (a warm-up, or the first run itself) gives the size of its map area.
    log(o.warmup ? 'load: warming up …' : 'load …');
    const first = await openPage(browser, `${server.url}/`, APP_VIEWPORT, timeout);
    await first.context.close();
    const { left, top, width, height } = first.load.canvas;
    const baselineViewport = { width, height };
    const firstServed = server.take();
    if (o.warmup) {
      const warmBase = await openPage(browser, `${server.url}/baseline.html`, baselineViewport, timeout);
      await warmBase.context.close();
      server.take();
    }

    const PAGES = ['app', 'baseline', 'window', 'empty', 'whole'] as const;
    type PageName = (typeof PAGES)[number];
    const runs = Object.fromEntries(PAGES.map((k) => [k, []])) as unknown as Record<PageName, LoadRun[]>;
    const served: Partial<Record<PageName, ServedFile[]>> = {};
    const URLS = {
      app: '/',
      baseline: '/baseline.html',
      window: `/baseline.html?area=${left},${top},${width},${height}`,
      empty: '/baseline.html?style=empty',
      whole: '/baseline.html?whole',
    } as const;
    /** The app's window for the app and for the baseline's map placed where the app's is; the map's area for the others. */
    const viewportOf = (which: keyof typeof URLS) => (which === 'app' || which === 'window' ? APP_VIEWPORT : baselineViewport);
    const loadErrors: string[] = [];
    if (!o.warmup) {
      runs.app.push({ ...first.load, errors: first.errors });
      served.app = firstServed;
      loadErrors.push(...first.errors.map((e) => `app: ${e}`));
    }
    if (o.warmup) {
      for (const which of ['window', 'empty', 'whole'] as const) {
        const warm = await openPage(browser, `${server.url}${URLS[which]}`, viewportOf(which), timeout);
        await warm.context.close();
        server.take();
      }
    }
    for (let i = 0; i < o.runs; i++) {
      // Each run a different order (rotated), so no page always comes first or last.
      const order = PAGES.map((_, k) => PAGES[(k + i) % PAGES.length]);
      for (const which of order) {
        // Without a warm-up, the first app load above is the app's first run.
        if (!o.warmup && which === 'app' && i === 0) continue;
        const url = `${server.url}${URLS[which]}`;
        const p = await openPage(browser, url, viewportOf(which), timeout);
        await p.context.close();
        served[which] ??= server.take();
        server.take();
        runs[which].push({ ...p.load, errors: p.errors });
        loadErrors.push(...p.errors.map((e) => `${which}: ${e}`));
        log(`load ${which} #${i + 1}: first idle ${Math.round(p.load.firstIdle)} ms`);
      }
    }
    const detail = (rs: LoadRun[]): LoadDetail => ({
      mapLoad: summarize(rs.map((r) => r.mapLoad ?? NaN)),
      firstDrawn: summarize(rs.map((r) => r.firstDrawn ?? NaN)),
      dataEnd: summarize(rs.map((r) => r.dataEnd ?? NaN)),
      longTaskTotal: summarize(rs.map((r) => r.longTaskTotal)),
    });
    const app = summarize(runs.app.map((r) => r.firstIdle));
    const baseline = summarize(runs.baseline.map((r) => r.firstIdle));
    const empty = summarize(runs.empty.map((r) => r.firstIdle));
    const inWindow = summarize(runs.window.map((r) => r.firstIdle));
    const whole = summarize(runs.whole.map((r) => r.firstIdle));
    const [ca, cb, cw] = [runs.app[0].camera, runs.baseline[0].camera, runs.window[0].camera];
    const same = (a: typeof ca, b: typeof ca) =>
      Math.abs(a.zoom - b.zoom) < 0.01 && Math.abs(a.lng - b.lng) < 0.01 && Math.abs(a.lat - b.lat) < 0.01;
    const sameView = same(ca, cb) && same(ca, cw) && same(ca, runs.whole[0].camera);

    // 2. Bytes of the first view, from what the server sent.
    const appBytes = pageBytes(dist, served.app!);
    const baselineBytes = pageBytes(dist, served.baseline!);
    const own = appBytes.files
      .filter((f) => (f.kind === 'js' || f.kind === 'css') && !/\/maplibre[-.]/.test(f.path))
      .map((f) => (/\/mapWorker-[^/]+\.mjs$/.test(f.path) ? workerOwnPart(dist, f) : f));
    const sum = (fs: FileBytes[], k: 'raw' | 'gzip' | 'served') => fs.reduce((s, f) => s + f[k], 0);
    const appChunk = appBytes.files.find((f) => /^\/assets\/index-[^/]+\.js$/.test(f.path)) ?? null;

    // 3. Interactions on the seed story, in one page.
    log('interactions on the seed story …');
    const seed = await openPage(browser, `${server.url}/`, APP_VIEWPORT, timeout);
    // MapLibre's floor under a toggle first: at the first view, where the toggles are measured.
    const floor = await labelFloor(seed.page, o.interactionRuns, timeout);
    const inter = await interactions(seed.page, o.interactionRuns, SEED_SELECT, timeout, true);
    await seed.context.close();
    const base = await openPage(browser, `${server.url}/baseline.html`, baselineViewport, timeout);
    const baselineRepaint = summarize(await repaints(base.page, o.interactionRuns, timeout));
    await base.context.close();
    const interErrors = [...seed.errors, ...base.errors.map((e) => `baseline: ${e}`)];

    // 4. Scale: loads alternated across sizes, then interactions and heap at each size.
    const scale: ScaleResult[] = [];
    const loads = new Map<number, LoadRun[]>(o.sizes.map((n) => [n, []]));
    const failures = new Map<number, string[]>(o.sizes.map((n) => [n, []]));
    /** Sizes whose page did not load: not tried again. */
    const broken = new Set<number>();
    const scaleUrl = (n: number) => `${scaleServers.get(n)!.url}/`;
    for (const n of o.warmup ? o.sizes : []) {
      // Warm-up (not counted).
      log(`scale ${n}: warming up …`);
      try {
        const w = await openPage(browser, scaleUrl(n), APP_VIEWPORT, timeout);
        await w.context.close();
      } catch (err) {
        failures.get(n)!.push(`warm-up: ${(err as Error).message}`);
        broken.add(n);
      }
    }
    for (let i = 0; i < o.scaleRuns; i++) {
      for (const n of i % 2 === 0 ? o.sizes : [...o.sizes].reverse()) {
        if (broken.has(n)) continue;
        try {
          const p = await openPage(browser, scaleUrl(n), APP_VIEWPORT, timeout);
          await p.context.close();
          loads.get(n)!.push({ ...p.load, errors: p.errors });
          failures.get(n)!.push(...p.errors);
          log(`scale ${n} load #${i + 1}: first idle ${Math.round(p.load.firstIdle)} ms`);
        } catch (err) {
          failures.get(n)!.push(`load: ${(err as Error).message}`);
          broken.add(n);
          log(`scale ${n}: load failed: ${(err as Error).message}`);
        }
      }
    }
    server.take();
    for (const n of o.sizes) {
      const g = generated.get(n)!;
      // A tiled story's shards (read a place at a time, on a click) are counted as one entry.
      const shardNames = Object.keys(g.files).filter((name) => name.startsWith('shard-'));
      const files = Object.fromEntries(
        Object.keys(g.files)
          .filter((name) => !name.startsWith('shard-'))
          .map((name) => [name, sizesOf(path.join(g.dir, name))] as const),
      ) as ScaleResult['files'];
      if (shardNames.length) {
        const all = shardNames.map((name) => sizesOf(path.join(g.dir, name)));
        files[`${shardNames.length} shards (on a click)`] = {
          raw: all.reduce((t, f) => t + f.raw, 0),
          gzip: all.reduce((t, f) => t + f.gzip, 0),
        };
      }
      const rs = loads.get(n)!;
      const result: ScaleResult = {
        events: n,
        places: g.places,
        files: Object.fromEntries(Object.entries(files).map(([k, v]) => [k, { raw: v.raw, gzip: v.gzip }])),
        generateMs: round(g.generateMs, 0),
        buildMs: round(g.buildMs, 0),
        load: rs.length ? summarize(rs.map((r) => r.firstIdle)) : null,
        dataEnd: rs.length ? summarize(rs.map((r) => r.dataEnd ?? NaN)) : null,
        longTaskTotal: rs.length ? summarize(rs.map((r) => r.longTaskTotal)) : null,
        repaint: null,
        toggleHide: null,
        toggleShow: null,
        toggleDrawn: null,
        toggleFrames: null,
        stepApplied: null,
        stepIdle: null,
        stepFrames: null,
        select: null,
        heapMB: null,
        errors: failures.get(n)!,
      };
      if (rs.length) {
        log(`scale ${n}: interactions …`);
        try {
          // A tiled story's first view shows thinned marks, a click on which zooms in: its interactions are
          // measured at Kyiv's anchor at a zoom where every place has its own marks (layers/tiled.ts).
          // Moved there once the first view is idle: opened there, the load probe would wait on basemap
          // sources that have no feature in so small a view.
          const tiled = Object.keys(g.files).some((f) => f.endsWith('.pmtiles'));
          const [lng, lat] = ANCHORS[0].lngLat;
          const p = await openPage(browser, scaleUrl(n), APP_VIEWPORT, timeout);
          const there: [string, number, number, number] = [
            `#${TILED_INTERACTION_ZOOM}/${lat}/${lng}`,
            TILED_INTERACTION_ZOOM,
            lat,
            lng,
          ];
          if (tiled) await within(p.page.evaluate(changeHash, there), timeout, `zoom to ${ANCHORS[0].name}`);
          result.heapMB = await heapMB(p.page);
          const targets = tiled ? SCALE_SELECT.slice(0, 1) : SCALE_SELECT;
          // One target in view: the selection is taken out of the address before each click, as back would.
          const unselect = () => clearSelection(p.page, ANCHORS[0].sentence, timeout);
          const r = await interactions(p.page, o.scaleInteractionRuns, targets, timeout, false, tiled ? unselect : undefined);
          result.interactionsAt = tiled ? `zoom ${TILED_INTERACTION_ZOOM} at ${ANCHORS[0].name}` : 'first view';
          result.repaint = r.repaint;
          result.toggleHide = r.toggleHide;
          result.toggleShow = r.toggleShow;
          result.toggleDrawn = r.toggleDrawn;
          result.toggleFrames = r.toggleFrames;
          result.stepApplied = r.stepApplied;
          result.stepIdle = r.stepIdle;
          result.stepFrames = r.stepFrames;
          result.select = r.select;
          result.errors.push(...p.errors);
          await p.context.close();
        } catch (err) {
          result.errors.push(`interactions: ${(err as Error).message}`);
        }
      }
      scale.push(result);
    }

    return {
      version: 1,
      date: new Date().toISOString(),
      commit: commitOf(o.root),
      machine: {
        os: `${os.type()} ${os.release()} ${os.arch()}`,
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
        memoryGB: round(os.totalmem() / 2 ** 30),
        node: process.version,
        chromium: browser.version(),
        loadAverage: { start: round(loadStart, 2), end: round(os.loadavg()[0], 2) },
      },
      options: {
        warmup: o.warmup,
        build: o.build,
        runs: o.runs,
        interactionRuns: o.interactionRuns,
        sizes: o.sizes,
        scaleRuns: o.scaleRuns,
        scaleInteractionRuns: o.scaleInteractionRuns,
        loadTimeoutMs: o.loadTimeoutMs,
      },
      viewport: { app: APP_VIEWPORT, baseline: baselineViewport },
      load: {
        app,
        baseline,
        empty,
        window: inWindow,
        whole,
        ratio: round(app.median / baseline.median, 2),
        ratioWindow: round(app.median / inWindow.median, 2),
        ratioWhole: round(app.median / whole.median, 2),
        ratioEmpty: { app: round(app.median / empty.median, 2), baseline: round(baseline.median / empty.median, 2) },
        programs: {
          app: runs.app[0].programs,
          baseline: runs.baseline[0].programs,
          window: runs.window[0].programs,
          empty: runs.empty[0].programs,
          whole: runs.whole[0].programs,
        },
        sameView,
        cameras: { app: ca, baseline: cb, window: cw },
        appDetail: detail(runs.app),
        baselineDetail: detail(runs.baseline),
        emptyDetail: detail(runs.empty),
        windowDetail: detail(runs.window),
        wholeDetail: detail(runs.whole),
        errors: loadErrors,
      },
      bytes: {
        app: appBytes,
        baseline: baselineBytes,
        appOwnJsCss: {
          raw: sum(own, 'raw'),
          gzip: sum(own, 'gzip'),
          served: sum(own, 'served'),
          files: own.length,
          paths: own.map((f) => f.path),
        },
        appChunk,
      },
      interactions: { ...inter, ...floor, baselineRepaint, errors: interErrors },
      scale,
    };
  } finally {
    await browser.close();
    await server.close();
    for (const s of scaleServers.values()) await s.close();
    rmSync(benchData, { recursive: true, force: true });
  }
}

export async function repaints(page: Page, n: number, timeoutMs: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    await page.evaluate(settle);
    out.push(await within(page.evaluate(repaint), timeoutMs, 'repaint'));
  }
  return out;
}

/** `n` pairs of page.ts relayoutLabels (wrapped, then unwrapped: the labels end as they began). */
async function labelFloor(page: Page, n: number, timeoutMs: number) {
  const [idle, frames]: number[][] = [[], []];
  for (let i = 0; i < 2 * n; i++) {
    await page.evaluate(settle);
    const r = await within(page.evaluate(relayoutLabels), timeoutMs, 'labels laid out again');
    idle.push(r.idle);
    frames.push(r.frames);
  }
  return { labelRelayout: summarize(idle), labelRelayoutFrames: summarize(frames) };
}

/** Repaint, toggle, select and (on the seed story) hash changes, `n` samples each, in an idle, loaded page. */
async function interactions(
  page: Page,
  n: number,
  targets: [number, number, string][],
  timeoutMs: number,
  withHash: boolean,
  /** Before each selection (a tiled story's: one target, so the last selection is cleared first). */
  beforeSelect?: () => Promise<void>,
) {
  const frame = await repaints(page, n, timeoutMs);
  const [hide, show]: number[][] = [[], []];
  const toggleDrawn: number[] = [];
  const toggleFrames: number[] = [];
  const select: number[] = [];
  const selectDom: number[] = [];
  const hash: number[] = [];
  // n hides and n shows, alternated; every layer is shown again at the end.
  for (let i = 0; i < 2 * n; i++) {
    await page.evaluate(settle);
    const t = await within(page.evaluate(toggleCategory, TOGGLED), timeoutMs, `toggle ${TOGGLED}`);
    (i % 2 === 0 ? hide : show).push(t.idle);
    toggleDrawn.push(t.drawn);
    toggleFrames.push(t.frames);
  }
  for (let i = 0; i < n; i++) {
    await beforeSelect?.();
    await page.evaluate(settle);
    const r = await clickAndWait(page, targets[i % targets.length], timeoutMs);
    select.push(r.shown);
    selectDom.push(r.dom);
  }
  if (withHash) {
    for (let i = 0; i < n; i++) {
      await page.evaluate(settle);
      hash.push(await within(page.evaluate(changeHash, HASHES[i % HASHES.length]), timeoutMs, 'hash change'));
    }
  }
  // The timeline's step, a day at a time from STEP_FROM (a link names the first window, as a reader's would).
  const [stepApplied, stepIdle, stepFrames]: number[][] = [[], [], []];
  await page.evaluate((day) => {
    const rest = location.hash.replace(/^#/, '').replace(/(^|&)t=[^&]*/, '');
    location.hash = `${rest}${rest ? '&' : ''}t=${day}/${day}`;
  }, STEP_FROM);
  await page.waitForFunction(() => !!document.querySelector('button[data-step="1"]:not(:disabled)'), undefined, {
    timeout: timeoutMs,
  });
  for (let i = 0; i < n; i++) {
    await page.evaluate(settle);
    const r = await within(page.evaluate(clickApplied, 'button[data-step="1"]'), timeoutMs, 'timeline step');
    stepApplied.push(r.applied);
    stepIdle.push(r.idle);
    stepFrames.push(r.frames);
  }
  return {
    repaint: summarize(frame),
    toggleHide: summarize(hide),
    toggleShow: summarize(show),
    toggleDrawn: summarize(toggleDrawn),
    toggleFrames: summarize(toggleFrames),
    stepApplied: summarize(stepApplied),
    stepIdle: summarize(stepIdle),
    stepFrames: summarize(stepFrames),
    select: summarize(select),
    selectDom: summarize(selectDom),
    hash: summarize(hash),
  };
}
