/**
 * Fitting a distribution to positive observations (durations): maximum likelihood for the
 * lognormal, gamma, Weibull and exponential families, the family chosen by Akaike's
 * information criterion, and its goodness of fit by the Kolmogorov-Smirnov distance with a
 * parametric-bootstrap p-value (the parameters are estimated from the same data, so the
 * textbook Kolmogorov p-value would be too kind; Lilliefors' point). Where no family fits
 * (p below `minimumP`), the observations themselves are the answer (an empirical distribution).
 * With more than TEST_SIZE observations the test runs on a random TEST_SIZE of them: with very
 * many, a misfit too small to matter would reject every family.
 */
import type { Rng } from '../random/index.js';
import { censoredFit, censoredFitTest, type SeenDuration } from './censored-fit.js';
import { fitFamily, ksDistance } from './family-fits.js';
import { FITTED_FAMILIES, type FamilyFit, type FittedFamily } from './fitted-family.js';

export { FITTED_FAMILIES, familyWith, type FamilyFit, type FittedFamily } from './fitted-family.js';
export { fitFamily, ksDistance } from './family-fits.js';

export interface DistributionFit {
  /** The family AIC prefers, or 'empirical' when it does not fit (see `p`). */
  chosen: FittedFamily | 'empirical';
  /** The best family by AIC (even when it does not fit). */
  best: FamilyFit;
  /** Every family, best first. */
  families: FamilyFit[];
  /** Parametric-bootstrap p-value of the best family's KS distance; NaN with too few observations to test. */
  p: number;
  n: number;
  /** Unfinished durations in the fit as right-censored (see FitOptions.censored). */
  censored: number;
  median: number;
  p90: number;
  /** The observations fitted (the positive ones), ascending. */
  values: number[];
}

/** The p-quantile of sorted values (linear interpolation between order statistics). */
export function quantileSorted(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return sorted[lo] + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? sorted[lo]) - sorted[lo]);
}

/**
 * A distribution-free 95% interval for the median of sorted `values`: the order statistics
 * n/2 -+ 1.96 sqrt(n)/2 (the binomial's normal approximation), clamped to the sample.
 */
export function medianInterval(values: readonly number[]): [number, number] {
  const n = values.length;
  const half = (1.96 * Math.sqrt(n)) / 2;
  const at = (rank: number): number => values[Math.min(n - 1, Math.max(0, rank))];
  return [at(Math.floor(n / 2 - half) - 1), at(Math.ceil(n / 2 + half) - 1)];
}

/** Observations the goodness-of-fit test runs on at most (a random subsample of more). */
export const TEST_SIZE = 1000;

/** `k` of `items` drawn at random without replacement (a partial Fisher-Yates shuffle), in their order. */
function subsample<T>(items: readonly T[], k: number, rng: Rng): T[] {
  const index = items.map((_, i) => i);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rng() * (index.length - i));
    [index[i], index[j]] = [index[j], index[i]];
  }
  return index
    .slice(0, k)
    .sort((a, b) => a - b)
    .map((i) => items[i]);
}

export interface FitOptions {
  /** Bootstrap samples for the p-value (default 199). */
  bootstrap?: number;
  /** Below this p-value no family fits and the fit is empirical (default 0.01). */
  minimumP?: number;
  /** Fewest observations to fit a family at all (default 5; fewer: empirical). */
  minimumN?: number;
  /**
   * Durations that had not ended when seen, each a lower bound: the families are fitted with
   * them as right-censored (see censored-fit.ts). The test of fit and the summary figures
   * (median, p90, the empirical fallback) rest on the finished `values` alone.
   */
  censored?: readonly number[];
  /**
   * How long each of `values` could have been watched before the export (its start to the
   * export): with `censored`, the test of fit draws samples censored the same way. Absent:
   * never censored.
   */
  exposure?: readonly number[];
}

/**
 * Fits every family to the positive observations `values` and keeps the best by AIC; its KS
 * distance is tested by parametric bootstrap with `rng` (samples of the same size from the
 * fitted distribution, refitted, their distances compared). Throws on an empty sample.
 */
export function fitDistribution(values: readonly number[], rng: Rng, options: FitOptions = {}): DistributionFit {
  const seen = values
    .map((t, i): SeenDuration => ({ done: true, t, exposure: options.exposure?.[i] ?? Number.POSITIVE_INFINITY }))
    .filter((s) => s.t > 0 && Number.isFinite(s.t))
    .sort((a, b) => a.t - b.t);
  const sorted = seen.map((s) => s.t);
  if (sorted.length === 0) throw new RangeError('no positive observations to fit');
  const open = (options.censored ?? []).filter((c) => c > 0 && Number.isFinite(c));
  const families = FITTED_FAMILIES.map((f) => {
    const plain = fitFamily(f, sorted);
    if (open.length === 0 || sorted.length < 2) return plain;
    const fit = censoredFit(f, sorted, open, plain);
    return { ...fit, ks: ksDistance(sorted, fit.cdf) };
  }).sort((a, b) => a.aic - b.aic);
  const best = families[0];
  const n = sorted.length;
  const summary = {
    n,
    censored: open.length,
    median: quantileSorted(sorted, 0.5),
    p90: quantileSorted(sorted, 0.9),
    values: sorted,
  };
  if (n < (options.minimumN ?? 5)) return { chosen: 'empirical', best, families, p: NaN, ...summary };
  const samples = options.bootstrap ?? 199;
  const minimumP = options.minimumP ?? 0.01;
  if (1 / (samples + 1) >= minimumP)
    throw new RangeError(
      `${samples} bootstrap samples cannot give a p-value below ${minimumP}: use at least ${Math.ceil(1 / minimumP)}`,
    );
  const p =
    open.length === 0
      ? uncensoredP(best, sorted, rng, samples)
      : censoredP(best.family, [...seen, ...open.map((t) => ({ done: false, t, exposure: t }))], rng, samples);
  return { chosen: p < minimumP ? 'empirical' : best.family, best, families, p, ...summary };
}

/**
 * The bootstrap p-value of `best`'s fit to finished `sorted`: with many observations any small
 * misfit is "significant", so the test runs on a random TEST_SIZE of them (the fit uses all).
 */
function uncensoredP(best: FamilyFit, sorted: readonly number[], rng: Rng, samples: number): number {
  const tested = sorted.length <= TEST_SIZE ? sorted : subsample(sorted, TEST_SIZE, rng);
  const testedFit = tested === sorted ? best : fitFamily(best.family, tested);
  let asLarge = 0;
  for (let b = 0; b < samples; b++) {
    const simulated = Array.from({ length: tested.length }, () => testedFit.sampler.sample(rng)).sort((x, y) => x - y);
    if (fitFamily(best.family, simulated).ks >= testedFit.ks) asLarge++;
  }
  return (asLarge + 1) / (samples + 1);
}

/** As uncensoredP, for durations some of which are unfinished (see censoredFitTest); a random TEST_SIZE of them, finished or not. */
function censoredP(family: FittedFamily, seen: readonly SeenDuration[], rng: Rng, samples: number): number {
  const tested = seen.length <= TEST_SIZE ? seen : subsample(seen, TEST_SIZE, rng);
  return censoredFitTest(family, tested, rng, samples).p;
}
