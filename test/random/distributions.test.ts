/**
 * Each distribution's sample mean and variance against its analytic moments, with a
 * tolerance from the sample's own standard errors at 99.9% (z = 3.29): 14 distributions x 2
 * checks, so the family-wise false-alarm rate stays near 3%.
 */
import { describe, expect, it } from 'vitest';
import { confidenceInterval } from '../../src/statistics/batch-means.js';
import {
  RandomStreams,
  bernoulli,
  categorical,
  constant,
  empiricalDiscrete,
  empiricalPiecewise,
  erlang,
  exponential,
  gamma,
  lognormal,
  normal,
  pert,
  triangular,
  uniform,
  weibull,
  type Distribution,
} from '../../src/random/index.js';

const Z = 3.29;
const N = 100_000;

function sampleOf(dist: Distribution, name: string): Float64Array {
  const rng = new RandomStreams(2024).stream(name);
  const xs = new Float64Array(N);
  for (let i = 0; i < N; i++) xs[i] = dist.sample(rng);
  return xs;
}

function moments(xs: Float64Array): { mean: number; variance: number; m4: number } {
  let mean = 0;
  for (const x of xs) mean += x;
  mean /= xs.length;
  let m2 = 0;
  let m4 = 0;
  for (const x of xs) {
    const d = (x - mean) ** 2;
    m2 += d;
    m4 += d * d;
  }
  return { mean, variance: m2 / (xs.length - 1), m4: m4 / xs.length };
}

const cases: [string, Distribution][] = [
  ['uniform', uniform({ min: 2, max: 5 })],
  ['exponential', exponential({ mean: 3 })],
  ['normal', normal({ mean: 10, sd: 2 })],
  ['normal truncated at 0', normal({ mean: 1, sd: 2, min: 0 })],
  ['lognormal (mean, sd)', lognormal({ mean: 5, sd: 3 })],
  ['lognormal (median, p90)', lognormal({ median: 4, p90: 10 })],
  ['gamma', gamma({ shape: 2.5, scale: 1.5 })],
  ['gamma with shape < 1', gamma({ shape: 0.5, scale: 2 })],
  ['erlang', erlang({ k: 3, mean: 6 })],
  ['weibull', weibull({ shape: 1.5, scale: 4 })],
  ['triangular', triangular({ min: 1, mode: 2, max: 6 })],
  ['pert', pert({ min: 1, mode: 2, max: 6 })],
  ['empirical discrete', empiricalDiscrete([1, 2, 2, 3, 10])],
  ['empirical piecewise', empiricalPiecewise([1, 2, 4, 8])],
];

describe('distributions: sample moments match the analytic ones', () => {
  it.each(cases)('%s', (name, dist) => {
    const { mean, variance, m4 } = moments(sampleOf(dist, name));
    const meanTolerance = Z * Math.sqrt(variance / N);
    expect(Math.abs(mean - dist.mean), `mean ${mean} vs ${dist.mean}`).toBeLessThan(meanTolerance);
    const varianceTolerance = Z * Math.sqrt(Math.max(m4 - variance * variance, 0) / N);
    expect(Math.abs(variance - dist.variance), `variance ${variance} vs ${dist.variance}`).toBeLessThan(
      varianceTolerance,
    );
  });
});

describe('distributions: shape', () => {
  it('lognormal from median and p90 puts half the draws below the median and 90% below p90', () => {
    // proportions over 20 independent streams, with a t interval over the streams (one stream alone is one draw)
    const dist = lognormal({ median: 4, p90: 10 });
    const streams = new RandomStreams(2024);
    const belowMedian: number[] = [];
    const belowP90: number[] = [];
    for (let s = 0; s < 20; s++) {
      const rng = streams.stream(`quantiles/${s}`);
      let a = 0;
      let b = 0;
      for (let i = 0; i < 20_000; i++) {
        const x = dist.sample(rng);
        if (x < 4) a++;
        if (x < 10) b++;
      }
      belowMedian.push(a / 20_000);
      belowP90.push(b / 20_000);
    }
    const median = confidenceInterval(belowMedian, 0.999);
    const p90 = confidenceInterval(belowP90, 0.999);
    expect(Math.abs(median.mean - 0.5)).toBeLessThan(median.halfWidth);
    expect(Math.abs(p90.mean - 0.9)).toBeLessThan(p90.halfWidth);
  });

  it('keeps bounded distributions within their bounds', () => {
    const within = (d: Distribution, lo: number, hi: number): boolean =>
      sampleOf(d, 'b').every((x) => x >= lo && x <= hi);
    expect(within(normal({ mean: 1, sd: 2, min: 0 }), 0, Infinity)).toBe(true);
    expect(within(pert({ min: 1, mode: 2, max: 6 }), 1, 6)).toBe(true);
    expect(within(triangular({ min: 1, mode: 1, max: 6 }), 1, 6)).toBe(true);
    expect(within(empiricalPiecewise([3, 1, 2]), 1, 3)).toBe(true);
  });

  it('draws only observed values from the discrete empirical, and always the value from a constant', () => {
    expect(new Set(sampleOf(empiricalDiscrete([1, 5, 9]), 'e'))).toEqual(new Set([1, 5, 9]));
    expect(constant(4).sample()).toBe(4);
  });

  it('bernoulli and categorical hit their probabilities', () => {
    const rng = new RandomStreams(5).stream('choice');
    const coin = bernoulli(0.3);
    const next = categorical({ retry: 0.2, deploy: 0.7, abandon: 0.1 });
    let heads = 0;
    const counts: Record<string, number> = { retry: 0, deploy: 0, abandon: 0 };
    for (let i = 0; i < N; i++) {
      if (coin.test(rng)) heads++;
      counts[next.pick(rng)]++;
    }
    const se = (p: number): number => Z * Math.sqrt((p * (1 - p)) / N);
    expect(Math.abs(heads / N - 0.3)).toBeLessThan(se(0.3));
    for (const [k, p] of Object.entries({ retry: 0.2, deploy: 0.7, abandon: 0.1 }))
      expect(Math.abs(counts[k] / N - p)).toBeLessThan(se(p));
  });
});

describe('distributions: invalid parameters fail at construction, naming the parameter and the value', () => {
  it.each([
    [() => exponential({ mean: -1 }), 'exponential: mean must be a finite number > 0, got -1'],
    [() => uniform({ min: 5, max: 2 }), 'uniform: max must be >= min (5), got 2'],
    [() => normal({ mean: 0, sd: 0 }), 'normal: sd must be a finite number > 0, got 0'],
    [() => lognormal({ median: 5, p90: 4 }), 'lognormal: p90 must be > median (5), got 4'],
    [() => lognormal({ mean: 5, sd: NaN }), 'lognormal: sd must be a finite number > 0, got NaN'],
    [() => gamma({ shape: 0, scale: 1 }), 'gamma: shape must be a finite number > 0, got 0'],
    [() => erlang({ k: 2.5, mean: 1 }), 'erlang: k must be a whole number >= 1, got 2.5'],
    [() => weibull({ shape: 1, scale: -2 }), 'weibull: scale must be a finite number > 0, got -2'],
    [() => triangular({ min: 1, mode: 9, max: 6 }), 'triangular: mode must be between min (1) and max (6), got 9'],
    [() => pert({ min: 3, mode: 3, max: 3 }), 'pert: max must be > min (3), got 3'],
    [() => empiricalPiecewise([1]), 'empirical-piecewise: data must be a list of at least 2 numbers, got [1]'],
    [() => bernoulli(1.5), 'bernoulli: p must be a probability in [0, 1], got 1.5'],
    [() => categorical({ a: -1, b: 2 }), 'categorical: weight of a must be a finite number >= 0, got -1'],
    [() => constant(Infinity), 'constant: value must be a finite number, got Infinity'],
  ] as const)('%#: %s', (make, message) => {
    expect(make).toThrow(message);
  });
});
