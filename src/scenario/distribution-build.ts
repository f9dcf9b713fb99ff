/** Turns a distribution written in a scenario into a sampler from src/random. */
import {
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
} from '../random/index.js';
import type { ResolvedDistribution } from './model-parameters.js';

/**
 * Builds the distribution; throws the distribution's own error (naming the parameter and
 * the value) when a parameter is out of range.
 */
export function buildDistribution(spec: ResolvedDistribution): Distribution {
  if (typeof spec === 'number') return constant(spec);
  if ('constant' in spec) return constant(spec.constant);
  if ('uniform' in spec) return uniform(spec.uniform);
  if ('exponential' in spec) return exponential(spec.exponential);
  if ('normal' in spec) return normal(spec.normal);
  if ('lognormal' in spec) return lognormal(spec.lognormal);
  if ('gamma' in spec) return gamma(spec.gamma);
  if ('erlang' in spec) return erlang(spec.erlang);
  if ('weibull' in spec) return weibull(spec.weibull);
  if ('triangular' in spec) return triangular(spec.triangular);
  if ('pert' in spec) return pert(spec.pert);
  return spec.empirical.interpolate ? empiricalPiecewise(spec.empirical.data) : empiricalDiscrete(spec.empirical.data);
}

/** The mean of a distribution spec (NaN when its parameters are invalid). */
export function expectedMean(spec: ResolvedDistribution): number {
  try {
    return buildDistribution(spec).mean;
  } catch {
    return NaN;
  }
}
