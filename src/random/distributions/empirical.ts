import { InvalidDistributionError, type Distribution } from '../distribution.js';
import type { Rng } from '../streams.js';

function checkData(kind: string, data: readonly number[], minimum: number): number[] {
  if (!Array.isArray(data) || data.length < minimum) {
    throw new InvalidDistributionError(kind, 'data', data, `a list of at least ${minimum} numbers`);
  }
  data.forEach((x, i) => {
    if (typeof x !== 'number' || !Number.isFinite(x))
      throw new InvalidDistributionError(kind, `data[${i}]`, x, 'a finite number');
  });
  return [...data];
}

function moments(values: readonly number[]): { mean: number; variance: number } {
  const mean = values.reduce((s, x) => s + x, 0) / values.length;
  const variance = values.reduce((s, x) => s + (x - mean) ** 2, 0) / values.length;
  return { mean, variance };
}

/**
 * Discrete empirical: each observed value is drawn with equal probability (resampling the
 * data), one uniform per draw.
 */
export class EmpiricalDiscrete implements Distribution {
  readonly kind = 'empirical-discrete';
  readonly mean: number;
  readonly variance: number;
  private readonly values: number[];
  constructor(data: readonly number[]) {
    this.values = checkData('empirical-discrete', data, 1);
    ({ mean: this.mean, variance: this.variance } = moments(this.values));
  }
  sample(rng: Rng): number {
    return this.values[Math.floor(rng() * this.values.length)];
  }
}

/**
 * Piecewise-linear empirical: the observed values sorted, with the CDF rising linearly from
 * 0 at the smallest to 1 at the largest, so draws fall between observed values. By
 * inversion (one uniform per draw).
 */
export class EmpiricalPiecewise implements Distribution {
  readonly kind = 'empirical-piecewise';
  readonly mean: number;
  readonly variance: number;
  private readonly sorted: number[];
  constructor(data: readonly number[]) {
    this.sorted = checkData('empirical-piecewise', data, 2).sort((a, b) => a - b);
    const s = this.sorted;
    const n = s.length - 1;
    // mean and variance of the mixture of n uniform segments of weight 1/n each
    let m = 0;
    let m2 = 0;
    for (let i = 0; i < n; i++) {
      const a = s[i];
      const b = s[i + 1];
      m += (a + b) / 2 / n;
      m2 += (a * a + a * b + b * b) / 3 / n;
    }
    this.mean = m;
    this.variance = m2 - m * m;
  }
  sample(rng: Rng): number {
    const s = this.sorted;
    const position = rng() * (s.length - 1);
    const i = Math.floor(position);
    return s[i] + (s[i + 1] - s[i]) * (position - i);
  }
}

/** Draws one of the observed `data` values, each equally likely. */
export function empiricalDiscrete(data: readonly number[]): EmpiricalDiscrete {
  return new EmpiricalDiscrete(data);
}

/** Draws between the observed `data` values, by linear interpolation of their CDF. */
export function empiricalPiecewise(data: readonly number[]): EmpiricalPiecewise {
  return new EmpiricalPiecewise(data);
}
