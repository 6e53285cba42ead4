#!/usr/bin/env node
/**
 * `npm test`: every check the project has, each one run even when an earlier one failed, so a single run
 * shows everything that is wrong. Ends with the line CI reads: `tests: N passed, M failed`.
 *
 * Static checks (format, lint, types, build) count as one test each; unit and end-to-end tests count one
 * per test case, read from the runners' JSON reports. The static checks and the build run at once (each
 * one's output kept and printed whole, in this order): none is a test of another, and together they fill
 * the cores that each one alone leaves idle part of the time. The unit tests then read the build just made
 * (BUILT_DIST), and the end-to-end tests serve it.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

/** @param {string[]} args @returns {[string, string[]]} */
const npx = (args) => ['npx', args];
/**
 * @typedef {{ name: string, cmd: [string, string[]], together?: boolean, report?: string,
 *   count?: (report: any) => { passed: number, failed: number, skipped: number },
 *   env?: (passed: Set<string>) => Record<string, string>, before?: () => Promise<string | null> }} Step
 */
/** @type {Step[]} */
const steps = [
  { name: 'format (prettier)', cmd: npx(['prettier', '--check', '.']), together: true },
  { name: 'lint (eslint)', cmd: npx(['eslint', '--max-warnings=0', '.']), together: true },
  {
    name: 'types (svelte-check)',
    cmd: npx(['svelte-check', '--tsconfig', './tsconfig.json', '--fail-on-warnings']),
    together: true,
  },
  { name: 'build (vite)', cmd: npx(['vite', 'build']), together: true },
  {
    name: 'unit (vitest)',
    cmd: npx(['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/unit.json']),
    report: 'test-results/unit.json',
    count: countVitest,
    // Every unit test, those that start another process included (tests/support/tier.ts); the test of the
    // built page reads this run's build instead of making its own, when the build passed.
    env: (passed) => ({ UNIT_TIER: 'full', ...(passed.has('build (vite)') ? { BUILT_DIST: 'dist' } : {}) }),
  },
  {
    name: 'end-to-end (playwright, chromium)',
    cmd: npx(['playwright', 'test']),
    report: 'test-results/e2e.json',
    count: countPlaywright,
    before: async () => {
      const { findChromium, HOW_TO_GET_CHROMIUM } = await import('./chromium.js');
      if (!findChromium()) return HOW_TO_GET_CHROMIUM;
      return null;
    },
  },
];

/** @param {{ numPassedTests: number, numFailedTests: number, numPendingTests: number, numTodoTests: number }} report */
function countVitest(report) {
  return { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + report.numTodoTests };
}

/** @param {{ stats: { expected: number, unexpected: number, flaky: number, skipped: number } }} report */
function countPlaywright(report) {
  const s = report.stats;
  return { passed: s.expected, failed: s.unexpected + s.flaky, skipped: s.skipped };
}

const begun = Date.now();
rmSync('test-results', { recursive: true, force: true });
mkdirSync('test-results', { recursive: true });

/** @type {Record<'passed' | 'failed' | 'skipped', number>} */
const totals = { passed: 0, failed: 0, skipped: 0 };
/** @type {string[]} */
const summary = [];
/** Names of the steps that passed so far. */
const passed = new Set();

/**
 * Runs one step's command. `quiet`: its output is kept and handed back (with stdout and stderr in the
 * order they came), for a step run beside others; otherwise it goes straight to the terminal.
 * @param {Step} step @param {boolean} quiet
 * @returns {Promise<{ status: number | null, seconds: string, output: string }>}
 */
function run(step, quiet) {
  const [bin, args] = step.cmd;
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(bin, args, {
      stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '0', ...step.env?.(passed) },
    });
    /** @type {Buffer[]} */
    const output = [];
    child.stdout?.on('data', (/** @type {Buffer} */ b) => output.push(b));
    child.stderr?.on('data', (/** @type {Buffer} */ b) => output.push(b));
    const done = (/** @type {number | null} */ status, /** @type {string} */ extra = '') =>
      resolve({ status, seconds: ((Date.now() - started) / 1000).toFixed(1), output: Buffer.concat(output).toString() + extra });
    child.on('error', (e) => done(null, `could not start ${bin}: ${e.message}\n`));
    child.on('close', (status) => done(status));
  });
}

/** Counts a finished step and adds its line to the summary. @param {Step} step @param {number | null} status @param {string} seconds */
function record(step, status, seconds) {
  const ok = status === 0;
  if (ok) passed.add(step.name);
  if (step.report && step.count) {
    if (existsSync(step.report)) {
      const c = step.count(JSON.parse(readFileSync(step.report, 'utf8')));
      // A runner that failed without failing a test (a crash, a config error) still counts as a failure.
      const failed = c.failed + (!ok && c.failed === 0 ? 1 : 0);
      totals.passed += c.passed;
      totals.failed += failed;
      totals.skipped += c.skipped;
      summary.push(
        `${ok ? '✓' : '✗'} ${step.name}: ${c.passed} passed, ${failed} failed${c.skipped ? `, ${c.skipped} SKIPPED` : ''} (${seconds} s)`,
      );
    } else {
      totals.failed += 1;
      summary.push(`✗ ${step.name}: no report written (exit ${status}) (${seconds} s)`);
    }
  } else {
    totals[ok ? 'passed' : 'failed'] += 1;
    summary.push(`${ok ? '✓' : '✗'} ${step.name} (${seconds} s)`);
  }
}

const together = steps.filter((s) => s.together);
console.log(`\n━━ ${together.map((s) => s.name.replace(/ \(.*/, '')).join(', ')}: at once, each one's output below ━━`);
const started = Date.now();
const results = await Promise.all(together.map((s) => run(s, true)));
console.log(`(all ${together.length} done in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
together.forEach((step, i) => {
  console.log(`\n━━ ${step.name} ━━`);
  process.stdout.write(results[i].output);
  record(step, results[i].status, results[i].seconds);
});

for (const step of steps.filter((s) => !s.together)) {
  console.log(`\n━━ ${step.name} ━━`);
  const refusal = step.before ? await step.before() : null;
  if (refusal) {
    console.error(refusal);
    totals.failed += 1;
    summary.push(`✗ ${step.name}: not run — no Chromium (see above)`);
    continue;
  }
  const { status, seconds } = await run(step, false);
  record(step, status, seconds);
}

console.log('\n━━ summary ━━');
for (const line of summary) console.log(line);
console.log(`time: ${((Date.now() - begun) / 1000).toFixed(1)} s in all`);
if (totals.skipped) console.log(`NOTE: ${totals.skipped} test(s) SKIPPED — each says why in the output above.`);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exitCode = totals.failed ? 1 : 0;
