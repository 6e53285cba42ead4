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
 * Then, in as many loads again without the profiler, the CPU time every thread of the browser spent from
 * navigation to the first idle, read from Linux's /proc: the page's main thread, MapLibre's worker, the
 * renderer's thread pool, the GPU process and SwiftShader's threads that draw WebGL and the page's frames
 * in software. On a machine of two cores busy with all of them, that sum is what the first idle waits on.
 *
 *   npm run bench:load-profile [-- --no-build] [--runs 3]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
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

/**
 * The CPU time (ms) of every thread of one Chromium and its child processes, from Linux's /proc: user and
 * system time, by process type and thread name. The browser is the one started with `marker` among its
 * arguments; its renderers, GPU process and utilities are its descendants. Unlike a trace, this counts
 * SwiftShader's own threads, where the GPU process's drawing is done.
 */
function cpuByThread(marker: string): Map<string, number> {
  const read = (file: string) => {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      return null; // A process that ended between listing and reading.
    }
  };
  const parent = new Map<number, number>();
  const command = new Map<number, string>();
  for (const entry of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    const stat = read(`/proc/${entry}/stat`);
    const cmd = read(`/proc/${entry}/cmdline`);
    if (!stat || cmd === null) continue;
    parent.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    command.set(Number(entry), cmd.replaceAll('\0', ' '));
  }
  const root = [...command].find(([, cmd]) => cmd.includes(marker))?.[0];
  if (root === undefined) throw new Error(`load-profile: no process with ${marker} in /proc`);
  const ours = (pid: number): boolean => pid === root || (parent.has(pid) && pid > 1 && ours(parent.get(pid)!));
  const ticks = 1000 / 100; // USER_HZ is 100 on Linux.
  const cpu = new Map<string, number>();
  for (const [pid, cmd] of command) {
    if (!ours(pid)) continue;
    const type = /--type=([\w-]+)/.exec(cmd)?.[1] ?? 'browser';
    const sub = /--utility-sub-type=([\w.]+)/.exec(cmd)?.[1]?.replace(/\.mojom\..*$/, '');
    let tids: string[];
    try {
      tids = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue; // Ended since it was listed: what it spent is lost with it, as a short-lived helper's.
    }
    for (const tid of tids) {
      const stat = read(`/proc/${pid}/task/${tid}/stat`);
      if (!stat) continue;
      // A process's first thread is its main thread. SwiftShader's scheduler names its own Thread<NN>; a
      // thread never given a name keeps the program's (in these loads, threads of the GPU process).
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const program = comm === /^(?:\S*\/)?([^/\s]+)/.exec(cmd)?.[1]?.slice(0, 15);
      const thread =
        tid === String(pid)
          ? 'main'
          : /^Thread<\d+>$/.test(comm)
            ? 'SwiftShader threads'
            : program
              ? 'threads without a name'
              : comm.replace(/\d+$/, '');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const key = `${sub ?? type} / ${thread}`;
      cpu.set(key, (cpu.get(key) ?? 0) + (Number(f[11]) + Number(f[12])) * ticks);
    }
  }
  return cpu;
}

const threads: Record<PageName, Map<string, number[]>> = { app: new Map(), baseline: new Map() };
const cpuIdles: Record<PageName, number[]> = { app: [], baseline: [] };
const marker = `--situation-map-load-profile=${process.pid}`;
if (!existsSync('/proc/self/task')) {
  console.error("load-profile: SKIPPED the CPU time by thread: it reads Linux's /proc, which this system has not.");
} else {
  const measured = await serveBuild({ build: false, chromiumArgs: [marker] });
  try {
    for (let i = 0; i < RUNS * 2; i++) {
      const name: PageName = i % 2 ? 'baseline' : 'app';
      const context = await measured.browser.newContext({ viewport: PAGES[name].viewport });
      const page = await context.newPage();
      await page.goto(`${measured.base}/favicon.svg`);
      await page.addInitScript({ content: SHIM });
      await page.addInitScript(installProbe);
      const before = cpuByThread(marker);
      await page.goto(`${measured.base}${PAGES[name].path}`);
      await page.waitForFunction(() => (window as unknown as BenchWindow).__bench?.firstIdle != null, undefined, {
        timeout: 120_000,
        polling: 20,
      });
      const after = cpuByThread(marker);
      cpuIdles[name].push(await page.evaluate(() => (window as unknown as BenchWindow).__bench!.firstIdle!));
      for (const [t, ms] of after) threads[name].set(t, [...(threads[name].get(t) ?? []), ms - (before.get(t) ?? 0)]);
      await context.close();
    }
  } finally {
    await measured.close();
  }
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

/** A thread's median CPU time over a page's loads, a load where it did nothing counting 0. */
const cpuOf = (name: PageName, t: string) => {
  const xs = threads[name].get(t) ?? [];
  return median([...xs, ...Array<number>(RUNS - xs.length).fill(0)]);
};
if (threads.app.size) {
  const names = [...new Set([...threads.app.keys(), ...threads.baseline.keys()])].sort(
    (a, b) => cpuOf('app', b) - cpuOf('app', a),
  );
  console.log('\nCPU time by process and thread, navigation to the first idle (median ms of the loads, from /proc):\n');
  console.log('| Process / thread | App | Baseline | App − baseline |\n| --- | ---: | ---: | ---: |');
  const sum = { app: 0, baseline: 0 };
  for (const t of names) {
    const [a, b] = [cpuOf('app', t), cpuOf('baseline', t)];
    sum.app += a;
    sum.baseline += b;
    if (Math.max(a, b) >= 30)
      console.log(`| ${t} | ${a.toFixed(0)} | ${b.toFixed(0)} | ${(a - b >= 0 ? '+' : '') + (a - b).toFixed(0)} |`);
  }
  console.log(
    `| every thread | ${sum.app.toFixed(0)} | ${sum.baseline.toFixed(0)} | ${(sum.app - sum.baseline >= 0 ? '+' : '') + (sum.app - sum.baseline).toFixed(0)} |`,
  );
  const [ca, cb] = [median(cpuIdles.app), median(cpuIdles.baseline)];
  console.log(
    `\nFirst idle in these loads: app ${ca.toFixed(0)} ms, baseline ${cb.toFixed(0)} ms (${(ca / cb).toFixed(2)}×); ` +
      `CPU time ÷ first idle: app ${(sum.app / ca).toFixed(2)} cores, baseline ${(sum.baseline / cb).toFixed(2)} cores.`,
  );
}
