#!/usr/bin/env node
/**
 * `npm test`: every check the project has, in order, each one run even when an earlier one failed, so a
 * single run shows everything that is wrong. Ends with the line CI reads: `tests: N passed, M failed`.
 *
 * Static checks (format, lint, types, build) count as one test each; unit and end-to-end tests count one
 * per test case, read from the runners' JSON reports.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

/** @param {string[]} args @returns {[string, string[]]} */
const npx = (args) => ['npx', args];
const steps = [
  { name: 'format (prettier)', cmd: npx(['prettier', '--check', '.']) },
  { name: 'lint (eslint)', cmd: npx(['eslint', '--max-warnings=0', '.']) },
  { name: 'types (svelte-check)', cmd: npx(['svelte-check', '--tsconfig', './tsconfig.json', '--fail-on-warnings']) },
  {
    name: 'unit (vitest)',
    cmd: npx(['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/unit.json']),
    report: 'test-results/unit.json',
    count: countVitest,
    // Every unit test, those that start another process included (tests/support/tier.ts).
    env: { UNIT_TIER: 'full' },
  },
  { name: 'build (vite)', cmd: npx(['vite', 'build']) },
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

rmSync('test-results', { recursive: true, force: true });
mkdirSync('test-results', { recursive: true });

/** @type {Record<'passed' | 'failed' | 'skipped', number>} */
const totals = { passed: 0, failed: 0, skipped: 0 };
/** @type {string[]} */
const summary = [];
for (const step of steps) {
  console.log(`\n━━ ${step.name} ━━`);
  const refusal = step.before ? await step.before() : null;
  if (refusal) {
    console.error(refusal);
    totals.failed += 1;
    summary.push(`✗ ${step.name}: not run — no Chromium (see above)`);
    continue;
  }
  const [bin, args] = step.cmd;
  const started = Date.now();
  const result = spawnSync(bin, args, {
    stdio: 'inherit',
    env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '0', ...step.env },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = result.status === 0;
  if (step.report) {
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
      summary.push(`✗ ${step.name}: no report written (exit ${result.status}) (${seconds} s)`);
    }
  } else {
    totals[ok ? 'passed' : 'failed'] += 1;
    summary.push(`${ok ? '✓' : '✗'} ${step.name} (${seconds} s)`);
  }
}

console.log('\n━━ summary ━━');
for (const line of summary) console.log(line);
if (totals.skipped) console.log(`NOTE: ${totals.skipped} test(s) SKIPPED — each says why in the output above.`);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exitCode = totals.failed ? 1 : 0;
