/** Vitest's global setup: the fast tier says, before anything runs, what it leaves out (tests/support/tier.ts). */
import { FULL_TIER } from './tier';

export default function banner(): void {
  if (FULL_TIER) console.log('unit tier: full (UNIT_TIER=full): every test, the fuzzer at its full count.');
  else
    console.log(
      '\nunit tier: FAST. Tests that start another process (CLIs, servers, a Vite build) are SKIPPED and the\n' +
        'fuzzer runs 100 mutations, not 1000. `npm test` runs them all; so does UNIT_TIER=full npx vitest run.\n',
    );
}
