/**
 * Estimates over replications: a mean with its 95% confidence interval, or, for a statistic
 * that some replication did not reach within its run, a lower bound alone.
 */
import { confidenceInterval } from './batch-means.js';

/** A mean over replications with its 95% confidence interval ([NaN, NaN] with one replication). */
export interface Estimate {
  estimate: number;
  ci95: [number, number];
}

/**
 * A statistic that some replication did not reach within its run (a percentile of time to
 * production beyond the follow-up): no estimate, only a lower bound, the mean over
 * replications of each one's value or bound.
 */
export interface Unreached {
  estimate: null;
  atLeast: number;
  ci95: null;
}

/** An estimate, or a lower bound where the run did not reach the statistic. */
export type BoundedEstimate = Estimate | Unreached;

/** Whether a bounded estimate has a value. */
export function isReached(e: BoundedEstimate): e is Estimate {
  return e.estimate !== null;
}

/**
 * Whether a bounded estimate is only a lower bound. Branches that read `atLeast` test this
 * one: without strict null checks (tslab compiles notebooks that way) an Unreached is also an
 * Estimate, so only this guard narrows both ways.
 */
export function isUnreached(e: BoundedEstimate): e is Unreached {
  return e.estimate === null;
}

/** The estimate, or the lower bound where the run did not reach the statistic. */
export function valueOrBound(e: BoundedEstimate): number {
  return isUnreached(e) ? e.atLeast : e.estimate;
}

/** Mean and 95% CI of the finite values. */
export function estimateOf(values: readonly number[]): Estimate {
  const xs = values.filter(Number.isFinite);
  if (xs.length === 0) return { estimate: NaN, ci95: [NaN, NaN] };
  if (xs.length === 1) return { estimate: xs[0], ci95: [NaN, NaN] };
  const ci = confidenceInterval(xs);
  return { estimate: ci.mean, ci95: [ci.mean - ci.halfWidth, ci.mean + ci.halfWidth] };
}

/**
 * The mean over replications of a statistic that each replication either reached (`values`)
 * or bounded from below (`bounds`, NaN where the replication had no use case at all): an
 * estimate when all reached it, else the mean of the values and bounds as a lower bound.
 */
export function boundedEstimateOf(values: readonly number[], bounds: readonly number[]): BoundedEstimate {
  const seen = bounds.map((b, r) => [values[r], b] as const).filter(([, b]) => Number.isFinite(b));
  if (seen.length === 0) return estimateOf([]);
  if (seen.every(([v]) => Number.isFinite(v))) return estimateOf(seen.map(([v]) => v));
  return { estimate: null, atLeast: seen.reduce((sum, [, b]) => sum + b, 0) / seen.length, ci95: null };
}
