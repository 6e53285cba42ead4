/**
 * The unit tier at two speeds. `npm run test:unit` (vitest run) is the fast tier a developer runs while
 * working: everything that runs in the test's own process. `npm test`, and so CI, sets UNIT_TIER=full
 * (tests/run.mjs) and adds what starts another process (a command line, a server, a second editor, a
 * Vite build) and the fuzzer's full count. A test left out of the fast tier is reported as skipped under
 * its own name, and the run starts by saying so (tests/support/tier-banner.ts).
 */
import { describe, it } from 'vitest';

export const FULL_TIER = process.env.UNIT_TIER === 'full';

/** Tests that start another process: run in the full tier only, skipped (and counted so) in the fast one. */
export const full = { it: it.skipIf(!FULL_TIER), describe: describe.skipIf(!FULL_TIER) };
