/**
 * `npm run bench`: builds the app, measures load (app against a basemap-only baseline), bytes, the seed
 * story's interactions and synthetic catalogues of 1k, 10k and 100k events; prints Markdown tables and
 * writes tests/bench/results/latest.json.
 *
 *   npm run bench
 *   npm run bench -- --runs 7 --sizes 1000,10000 --no-build --out /tmp/bench.json
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import prettier from 'prettier';
import { runBench } from './harness';
import { goals, markdown } from './report';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const usage =
  'usage: tsx tests/bench/run.ts [--runs 5] [--interactions 10] [--sizes 1000,10000,100000] [--scale-runs 3] ' +
  '[--scale-interactions 10] [--no-build] [--dist dist] [--out tests/bench/results/latest.json]';

const { values } = parseArgs({
  options: {
    runs: { type: 'string' },
    interactions: { type: 'string' },
    sizes: { type: 'string' },
    'scale-runs': { type: 'string' },
    'scale-interactions': { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    dist: { type: 'string' },
    out: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const count = (name: string, v: string | undefined, min: number): number | undefined => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) {
    console.error(`--${name}: an integer ≥ ${min} expected, ${JSON.stringify(v)} found\n${usage}`);
    process.exit(2);
  }
  return n;
};
const sizes = values.sizes?.split(',').map((s) => count('sizes', s.trim(), 2)!);
const out = path.resolve(values.out ?? path.join(ROOT, 'tests/bench/results/latest.json'));

const started = Date.now();
const result = await runBench({
  root: ROOT,
  dist: values.dist ? path.resolve(values.dist) : undefined,
  build: !values['no-build'],
  runs: count('runs', values.runs, 1),
  interactionRuns: count('interactions', values.interactions, 1),
  sizes,
  scaleRuns: count('scale-runs', values['scale-runs'], 1),
  scaleInteractionRuns: count('scale-interactions', values['scale-interactions'], 1),
  log: (line) => console.log(`· ${line}`),
});

console.log(`\n${markdown(result)}\n`);
const json = JSON.stringify({ ...result, goals: goals(result) });
mkdirSync(path.dirname(out), { recursive: true });
// Written as the repository's formatter would, so the committed file passes `prettier --check`.
const config = (await prettier.resolveConfig(out)) ?? {};
writeFileSync(out, await prettier.format(json, { ...config, filepath: out }));
console.log(`wrote ${path.relative(process.cwd(), out)} (${Math.round((Date.now() - started) / 1000)} s in all)`);
