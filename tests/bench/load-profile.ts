/**
 * `npm run bench:load-profile`: where the app's first idle goes beside the bare basemap's. Loads of the
 * app and of baseline.html alternate, each in a fresh context (the app at 1280×800, the baseline in the
 * app's map area, as `npm run bench` has them), each under Chromium's sampling CPU profiler from
 * navigation to the first idle the benchmark counts (page.ts installProbe). Prints, per load and per page,
 * the main thread's self time by where it was spent: MapLibre, the app's own code (its chunks), the
 * engine's native work ("(program)": style, layout, paint, WebGL calls, compiling), the garbage collector,
 * and idle (waiting on the map's workers, the GPU process and the network). The profiler slows every page,
 * so read the parts against each other, not as times; `npm run bench` gives the first idle itself.
 *
 *   npm run bench:load-profile [-- --no-build] [--runs 3]
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { installProbe, SHIM, type BenchWindow } from './page';
import { serveBuild, SERVED_OPTIONS } from './served';
import { median } from './stats';

const { values } = parseArgs({ options: { 'no-build': SERVED_OPTIONS['no-build'], runs: { type: 'string', default: '3' } } });
const RUNS = Number(values.runs);
if (!Number.isInteger(RUNS) || RUNS < 1) {
  console.error(`--runs: an integer ≥ 1 expected, ${JSON.stringify(values.runs)} found`);
  process.exit(2);
}

const PAGES = {
  app: { path: '/', viewport: { width: 1280, height: 800 } },
  baseline: { path: '/baseline.html', viewport: { width: 590, height: 607 } },
} as const;
type PageName = keyof typeof PAGES;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a sample's self time is counted: a script by its chunk's name (hash dropped), or the engine's own. */
function part(node: ProfileNode): string {
  const file = node.callFrame.url.replace(/^.*\//, '').replace(/-[\w-]{8}\.(m?js)$/, '.$1');
  if (/^maplibre(-gl-worker)?\.m?js$/.test(file)) return 'MapLibre';
  if (file) return `app: ${file}`;
  const name = node.callFrame.functionName;
  return name.startsWith('(') ? name : 'browser API (fetch, DOM, …)';
}

const { base, browser, close } = await serveBuild({ build: !values['no-build'] });
const spent: Record<PageName, Map<string, number[]>> = { app: new Map(), baseline: new Map() };
const idles: Record<PageName, number[]> = { app: [], baseline: [] };
const frames: Record<PageName, number[]> = { app: [], baseline: [] };
try {
  for (let i = 0; i < RUNS * 2; i++) {
    const name: PageName = i % 2 ? 'baseline' : 'app';
    const context = await browser.newContext({ viewport: PAGES[name].viewport });
    const page = await context.newPage();
    // The profiler attaches to this origin's renderer, which the page then loads in.
    await page.goto(`${base}/favicon.svg`);
    await page.addInitScript({ content: SHIM });
    await page.addInitScript(installProbe);
    // The frames MapLibre draws until then: each one is main-thread work (and SwiftShader's) of its own.
    await page.addInitScript(() => {
      const w = window as unknown as BenchWindow & { __frames?: number };
      w.__frames = 0;
      const wait = setInterval(() => {
        if (!w.situationMap) return;
        clearInterval(wait);
        w.situationMap.on('render', () => {
          if (w.__bench?.firstIdle == null) w.__frames! += 1;
        });
      }, 1);
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
    await cdp.send('Profiler.start');
    await page.goto(`${base}${PAGES[name].path}`);
    await page.waitForFunction(() => (window as unknown as BenchWindow).__bench?.firstIdle != null, undefined, {
      timeout: 120_000,
      polling: 20,
    });
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
    idles[name].push(await page.evaluate(() => (window as unknown as BenchWindow).__bench!.firstIdle!));
    frames[name].push(await page.evaluate(() => (window as unknown as { __frames: number }).__frames));
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const run = new Map<string, number>();
    profile.samples.forEach((id, j) => {
      const where = part(byId.get(id)!);
      run.set(where, (run.get(where) ?? 0) + (profile.timeDeltas[j] ?? 0) / 1000);
    });
    for (const [where, ms] of run) spent[name].set(where, [...(spent[name].get(where) ?? []), ms]);
    await context.close();
  }
} finally {
  await close();
}

console.log(
  `load average (1, 5, 15 min): ${loadavg()
    .map((l) => l.toFixed(2))
    .join(', ')}; ${RUNS} loads of each page, alternated`,
);
const parts = [...new Set([...spent.app.keys(), ...spent.baseline.keys()])];
/** A part's median over the loads of a page, a load that spent nothing in it counting 0. */
const of = (name: PageName, where: string) => {
  const xs = spent[name].get(where) ?? [];
  return median([...xs, ...Array<number>(RUNS - xs.length).fill(0)]);
};
parts.sort((a, b) => of('app', b) - of('app', a));
console.log('\nMain thread, self time to the first idle (median ms of the loads, under the profiler):\n');
console.log('| Where | App | Baseline | App − baseline |\n| --- | ---: | ---: | ---: |');
for (const where of parts.filter((w) => Math.max(of('app', w), of('baseline', w)) >= 10)) {
  const [a, b] = [of('app', where), of('baseline', where)];
  console.log(`| ${where} | ${a.toFixed(0)} | ${b.toFixed(0)} | ${(a - b >= 0 ? '+' : '') + (a - b).toFixed(0)} |`);
}
const [ia, ib] = [median(idles.app), median(idles.baseline)];
console.log(`\nFirst idle under the profiler: app ${ia.toFixed(0)} ms, baseline ${ib.toFixed(0)} ms (${(ia / ib).toFixed(2)}×).`);
console.log(`Frames MapLibre drew until then (median): app ${median(frames.app)}, baseline ${median(frames.baseline)}.`);
