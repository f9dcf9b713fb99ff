/**
 * The four families orgflow fits to durations, and one of them with its parameters: the
 * distribution function, a sampler and the AIC, whatever way its parameters were estimated.
 */
import gammaCdf from '@stdlib/stats-base-dists-gamma-cdf';
import {
  Exponential,
  Gamma,
  Lognormal,
  normalCdf,
  normalQuantile,
  Weibull,
  type Distribution,
} from '../random/index.js';

const Z90 = normalQuantile(0.9);

export type FittedFamily = 'lognormal' | 'gamma' | 'weibull' | 'exponential';
export const FITTED_FAMILIES: readonly FittedFamily[] = ['lognormal', 'gamma', 'weibull', 'exponential'];

/** A family's maximum-likelihood fit. Parameters: lognormal mu, sigma; gamma shape, scale; weibull shape, scale; exponential mean. */
export interface FamilyFit {
  family: FittedFamily;
  parameters: Record<string, number>;
  logLikelihood: number;
  /** Akaike's information criterion: 2 x parameters - 2 x log-likelihood (lower is better). */
  aic: number;
  /** Kolmogorov-Smirnov distance between the fitted and the observed distribution functions. */
  ks: number;
  cdf: (x: number) => number;
  sampler: Distribution;
}

/** A family with its parameters and the log-likelihood they reached: its AIC, distribution function and sampler. */
export function familyWith(
  family: FittedFamily,
  parameters: Record<string, number>,
  logLikelihood: number,
): Omit<FamilyFit, 'ks'> {
  const aic = 2 * Object.keys(parameters).length - 2 * logLikelihood;
  const base = { family, parameters, logLikelihood, aic };
  switch (family) {
    case 'lognormal': {
      const { mu, sigma } = parameters;
      return {
        ...base,
        cdf: (x) => (x <= 0 ? 0 : normalCdf((Math.log(x) - mu) / sigma)),
        sampler: new Lognormal({ median: Math.exp(mu), p90: Math.exp(mu + Z90 * sigma) }),
      };
    }
    case 'gamma': {
      const { shape, scale } = parameters;
      return {
        ...base,
        cdf: (x) => (x <= 0 ? 0 : gammaCdf(x, shape, 1 / scale)),
        sampler: new Gamma({ shape, scale }),
      };
    }
    case 'weibull': {
      const { shape, scale } = parameters;
      return {
        ...base,
        cdf: (x) => (x <= 0 ? 0 : 1 - Math.exp(-((x / scale) ** shape))),
        sampler: new Weibull({ shape, scale }),
      };
    }
    default: {
      const m = parameters.mean;
      return { ...base, cdf: (x) => (x <= 0 ? 0 : 1 - Math.exp(-x / m)), sampler: new Exponential({ mean: m }) };
    }
  }
}
