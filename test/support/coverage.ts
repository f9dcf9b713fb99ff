/**
 * Helpers for checking simulation estimates against theory with a tolerance taken from the
 * run's own confidence interval (never a hand-picked margin).
 */
import { confidenceInterval, type MeanInterval } from '../../src/statistics/batch-means.js';
import { replicationSeed } from '../../src/random/index.js';

/** Whether the estimate's confidence interval contains `theory`. */
export function covers(estimate: MeanInterval, theory: number): boolean {
  return Math.abs(estimate.mean - theory) <= estimate.halfWidth;
}

/** A readable account of an estimate against theory, for assertion messages. */
export function describeCoverage(estimate: MeanInterval, theory: number): string {
  const lo = estimate.mean - estimate.halfWidth;
  const hi = estimate.mean + estimate.halfWidth;
  return `estimate ${estimate.mean.toFixed(4)}, ${Math.round(estimate.level * 100)}% CI [${lo.toFixed(4)}, ${hi.toFixed(4)}] over ${estimate.n} replications, theory ${theory.toFixed(4)}`;
}

/**
 * Runs `replications` independent replications (seeded from `masterSeed`) and returns a
 * 95% confidence interval of each named statistic over them.
 */
export function replicate<K extends string>(
  replications: number,
  masterSeed: number,
  run: (seed: number) => Record<K, number>,
): Record<K, MeanInterval> {
  const samples = new Map<K, number[]>();
  for (let r = 0; r < replications; r++) {
    const result = run(replicationSeed(masterSeed, r));
    for (const [k, v] of Object.entries(result) as [K, number][]) {
      (samples.get(k) ?? samples.set(k, []).get(k)!).push(v);
    }
  }
  const out = {} as Record<K, MeanInterval>;
  for (const [k, xs] of samples) out[k] = confidenceInterval(xs, 0.95);
  return out;
}

/** Mean of a typed array. */
export function meanOf(xs: Float64Array): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return s / xs.length;
}
