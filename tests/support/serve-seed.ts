/**
 * The end-to-end tests' server: the production server (src/server/serve.ts) on the production build with
 * the seed story alone (seed.ts seedDist), so that an editor who has added articles to geodata/ keeps the
 * seed's tests true. Arguments are the server's own; --dir is chosen here.
 *
 *   tsx tests/support/serve-seed.ts --port 4180 [--frame-ancestors …]
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { seedDist } from './seed';

const ROOT = path.resolve(import.meta.dirname, '../..');
const dir = seedDist();
if (dir !== path.join(ROOT, 'dist')) console.log(`serving the seed story alone from ${dir} (geodata/ holds other articles too)`);
const server = spawn(
  process.execPath,
  ['--import', 'tsx', path.join(ROOT, 'src/server/serve.ts'), '--dir', dir, ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
