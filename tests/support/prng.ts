/**
 * mulberry32: a small, fast, seeded PRNG, uniform in [0, 1), the same sequence on every machine. Shared
 * by the catalogue fuzz test and the benchmark's synthetic catalogues. (Eight lines of a well-known
 * algorithm; pure-rand would do too, but would change every recorded fuzz seed's sequence.)
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
