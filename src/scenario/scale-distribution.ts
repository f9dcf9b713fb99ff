import type { DistributionSpec } from './distribution-spec.js';

/** The same distribution with every value multiplied by `factor` (its mean scales by `factor`). */
export function scaleDistribution(spec: DistributionSpec, factor: number): DistributionSpec {
  if (!(factor > 0)) throw new RangeError(`scale factor must be > 0, got ${factor}`);
  if (typeof spec === 'number') return spec * factor;
  if ('constant' in spec) return { constant: spec.constant * factor };
  if ('uniform' in spec) return { uniform: { min: spec.uniform.min * factor, max: spec.uniform.max * factor } };
  if ('exponential' in spec) return { exponential: { mean: spec.exponential.mean * factor } };
  if ('normal' in spec) {
    const { mean, sd, min } = spec.normal;
    return { normal: { mean: mean * factor, sd: sd * factor, ...(min !== undefined ? { min: min * factor } : {}) } };
  }
  if ('lognormal' in spec) {
    const l = spec.lognormal;
    return {
      lognormal:
        'median' in l
          ? { median: l.median * factor, p90: l.p90 * factor }
          : { mean: l.mean * factor, sd: l.sd * factor },
    };
  }
  if ('gamma' in spec) return { gamma: { shape: spec.gamma.shape, scale: spec.gamma.scale * factor } };
  if ('erlang' in spec) return { erlang: { k: spec.erlang.k, mean: spec.erlang.mean * factor } };
  if ('weibull' in spec) return { weibull: { shape: spec.weibull.shape, scale: spec.weibull.scale * factor } };
  if ('triangular' in spec)
    return {
      triangular: {
        min: spec.triangular.min * factor,
        mode: spec.triangular.mode * factor,
        max: spec.triangular.max * factor,
      },
    };
  if ('pert' in spec)
    return {
      pert: { ...spec.pert, min: spec.pert.min * factor, mode: spec.pert.mode * factor, max: spec.pert.max * factor },
    };
  return { empirical: { ...spec.empirical, data: spec.empirical.data.map((x) => x * factor) } };
}
