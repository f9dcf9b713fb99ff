/** Distributions as written in a scenario: built into samplers, their means, and scaled. */
import { describe, expect, it } from 'vitest';
import { buildDistribution, scaleDistribution, type DistributionSpec } from '../../src/scenario/index.js';
import { expectedMean } from '../../src/scenario/distribution-build.js';

/** One of each family, with its mean worked out by hand. */
const FAMILIES: [string, DistributionSpec, number][] = [
  ['a plain number', 3, 3],
  ['constant', { constant: 4 }, 4],
  ['uniform', { uniform: { min: 1, max: 5 } }, 3],
  ['exponential', { exponential: { mean: 2 } }, 2],
  ['normal', { normal: { mean: 10, sd: 1 } }, 10],
  ['lognormal from mean and sd', { lognormal: { mean: 4, sd: 2 } }, 4],
  [
    'lognormal from median and p90',
    { lognormal: { median: 3, p90: 6 } },
    3 * Math.exp((Math.log(2) / 1.2815515655446004) ** 2 / 2),
  ],
  ['gamma', { gamma: { shape: 2, scale: 3 } }, 6],
  ['erlang', { erlang: { k: 3, mean: 6 } }, 6],
  ['weibull', { weibull: { shape: 1, scale: 2 } }, 2],
  ['triangular', { triangular: { min: 1, mode: 3, max: 5 } }, 3],
  ['pert', { pert: { min: 0, mode: 1, max: 8 } }, 2],
  ['pert with a lambda', { pert: { min: 0, mode: 1, max: 8, lambda: 2 } }, 2.5],
  ['empirical', { empirical: { data: [1, 2, 6] } }, 3],
  ['empirical, interpolated', { empirical: { data: [0, 4], interpolate: true } }, 2],
];

describe('building a distribution', () => {
  it.each(FAMILIES)('%s has the mean its parameters give', (_name, spec, mean) => {
    expect(buildDistribution(spec).mean).toBeCloseTo(mean, 6);
    expect(expectedMean(spec)).toBeCloseTo(mean, 6);
  });

  it('resamples observed values unless told to interpolate between them', () => {
    const sample = (spec: DistributionSpec): number[] => {
      const d = buildDistribution(spec);
      let u = 0;
      return Array.from({ length: 50 }, () => d.sample(() => (u = (u + 0.137) % 1)));
    };
    expect(new Set(sample({ empirical: { data: [1, 2] } }))).toEqual(new Set([1, 2]));
    expect(sample({ empirical: { data: [1, 2], interpolate: true } }).some((x) => x > 1 && x < 2)).toBe(true);
  });

  it("throws the family's own error for a parameter out of range; the mean of such a spec is NaN", () => {
    expect(() => buildDistribution({ lognormal: { median: 5, p90: 4 } })).toThrow(
      'lognormal: p90 must be > median (5), got 4',
    );
    expect(expectedMean({ exponential: { mean: -1 } })).toBeNaN();
  });
});

describe('scaling a distribution', () => {
  it.each(FAMILIES)('%s scaled by 2 has twice the mean', (_name, spec, mean) => {
    expect(buildDistribution(scaleDistribution(spec, 2)).mean).toBeCloseTo(2 * mean, 6);
  });

  it('scales every value and keeps the shape parameters', () => {
    expect(scaleDistribution({ normal: { mean: 10, sd: 1, min: 2 } }, 3)).toEqual({
      normal: { mean: 30, sd: 3, min: 6 },
    });
    expect(scaleDistribution({ normal: { mean: 10, sd: 1 } }, 3)).toEqual({ normal: { mean: 30, sd: 3 } });
    expect(scaleDistribution({ lognormal: { median: 3, p90: 6 } }, 2)).toEqual({ lognormal: { median: 6, p90: 12 } });
    expect(scaleDistribution({ lognormal: { mean: 4, sd: 2 } }, 2)).toEqual({ lognormal: { mean: 8, sd: 4 } });
    expect(scaleDistribution({ gamma: { shape: 2, scale: 3 } }, 2)).toEqual({ gamma: { shape: 2, scale: 6 } });
    expect(scaleDistribution({ erlang: { k: 3, mean: 6 } }, 2)).toEqual({ erlang: { k: 3, mean: 12 } });
    expect(scaleDistribution({ weibull: { shape: 1.5, scale: 2 } }, 2)).toEqual({ weibull: { shape: 1.5, scale: 4 } });
    expect(scaleDistribution({ uniform: { min: 1, max: 5 } }, 2)).toEqual({ uniform: { min: 2, max: 10 } });
    expect(scaleDistribution({ triangular: { min: 1, mode: 3, max: 6 } }, 2)).toEqual({
      triangular: { min: 2, mode: 6, max: 12 },
    });
    expect(scaleDistribution({ pert: { min: 1, mode: 2, max: 4, lambda: 3 } }, 2)).toEqual({
      pert: { min: 2, mode: 4, max: 8, lambda: 3 },
    });
    expect(scaleDistribution({ empirical: { data: [1, 2], interpolate: true } }, 2)).toEqual({
      empirical: { data: [2, 4], interpolate: true },
    });
    expect(scaleDistribution({ constant: 4 }, 0.5)).toEqual({ constant: 2 });
    expect(scaleDistribution(3, 0.5)).toBe(1.5);
  });

  it('refuses a factor that is not above 0', () => {
    expect(() => scaleDistribution(1, 0)).toThrow('scale factor must be > 0, got 0');
    expect(() => scaleDistribution(1, -2)).toThrow('scale factor must be > 0, got -2');
    expect(() => scaleDistribution(1, Number.NaN)).toThrow('scale factor must be > 0, got NaN');
  });
});
