/** Summaries of repeated measurements: the machine is shared and noisy, so medians, with min and max. */

export interface Summary {
  n: number;
  median: number;
  min: number;
  max: number;
  /** Every sample, in the order taken, rounded to 0.1 ms. */
  samples: number[];
}

export const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

export function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** The `p` quantile by nearest rank: of 10 samples, p95 is the largest. */
export function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
}

export function summarize(samples: number[]): Summary {
  return {
    n: samples.length,
    median: round(median(samples)),
    min: round(Math.min(...samples)),
    max: round(Math.max(...samples)),
    samples: samples.map((x) => round(x)),
  };
}
