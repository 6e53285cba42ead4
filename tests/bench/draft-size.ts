/**
 * Drafting time against article size (issue: "1 MB at most ten times 100 kB"):
 *
 *   npx tsx tests/bench/draft-size.ts
 *
 * Builds English texts of about 100 kB and 1 MB from the drafting fixtures' own paragraphs (numbered so
 * that no two are the same), drafts each once after a warm-up, and prints the times, their ratio and the
 * machine's load. A figure, not a test: the machine is shared.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { draftArticle } from '../../src/draft/draft';
import { benchDraftContext } from './review-actions';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIX = path.join(ROOT, 'tests/fixtures/draft');
const ctx = benchDraftContext();
const paragraphs = readdirSync(FIX)
  .map((d) => path.join(FIX, d, 'article.txt'))
  .filter(existsSync)
  .flatMap((f) => readFileSync(f, 'utf8').split('\n\n').slice(2))
  .filter((p) => p.length > 80);

function article(bytes: number): string {
  const out = ['Bench article headline'];
  let size = out[0].length;
  for (let i = 0; size < bytes; i++) {
    const p = `(${i}) ${paragraphs[i % paragraphs.length]}`;
    out.push(p);
    size += p.length + 2;
  }
  return out.join('\n\n');
}

const time = (text: string) => {
  const t0 = performance.now();
  draftArticle(text, { id: 'bench', publisher: 'Bench', published: '2022-02-08', textName: 'b.txt', capturedFrom: 'bench' }, ctx);
  return performance.now() - t0;
};
time(article(20_000)); // warm-up
const small = time(article(100_000));
const large = time(article(1_000_000));
const load = execFileSync('uptime', { encoding: 'utf8' }).trim();
console.log(`100 kB: ${Math.round(small)} ms; 1 MB: ${Math.round(large)} ms; ratio ${(large / small).toFixed(1)} (goal ≤ 10)`);
console.log(load);
