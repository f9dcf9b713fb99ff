import { mean, sampleVariance } from 'simple-statistics';
import { studentTQuantile } from './student-t.js';

/** A point estimate with the half-width of its confidence interval. */
export interface MeanInterval {
  mean: number;
  halfWidth: number;
  /** Confidence level of the interval, e.g. 0.95. */
  level: number;
  /** Number of independent observations behind it (batches or replications). */
  n: number;
}

/**
 * Confidence interval of a mean from independent observations (e.g. one value per
 * replication), with Student's t: mean +- t(1 - alpha/2, n - 1) s / sqrt(n).
 */
export function confidenceInterval(values: ArrayLike<number>, level = 0.95): MeanInterval {
  const xs = Array.from(values);
  if (xs.length < 2) throw new RangeError(`a confidence interval needs at least 2 values, got ${xs.length}`);
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be in (0, 1), got ${level}`);
  const t = studentTQuantile(1 - (1 - level) / 2, xs.length - 1);
  return { mean: mean(xs), halfWidth: t * Math.sqrt(sampleVariance(xs) / xs.length), level, n: xs.length };
}

/**
 * Confidence interval of the mean of one long, autocorrelated series (waits of successive
 * customers) by non-overlapping batch means: the series is cut into `batches` equal
 * batches whose means are nearly independent when batches are long. Leftover values at the
 * end are not used.
 */
export function batchMeans(series: ArrayLike<number>, batches = 20, level = 0.95): MeanInterval {
  const size = Math.floor(series.length / batches);
  if (size < 1) throw new RangeError(`${series.length} values cannot make ${batches} batches`);
  const means: number[] = [];
  for (let b = 0; b < batches; b++) {
    let sum = 0;
    for (let i = b * size; i < (b + 1) * size; i++) sum += series[i];
    means.push(sum / size);
  }
  return confidenceInterval(means, level);
}
