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
import digamma from '@stdlib/math-base-special-digamma';
import gammaln from '@stdlib/math-base-special-gammaln';
import type { Rng } from '../random/index.js';
import { censoredFit } from './censored-fit.js';
import { FITTED_FAMILIES, type FamilyFit, type FittedFamily, familyWith } from './fitted-family.js';

export { FITTED_FAMILIES, familyWith, type FamilyFit, type FittedFamily } from './fitted-family.js';

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

const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;

function lognormalFit(xs: readonly number[]): Omit<FamilyFit, 'ks'> {
  const logs = xs.map(Math.log);
  const mu = mean(logs);
  // a floor: equal values give a spread of rounding noise, not 0 (the distribution still needs one)
  const sigma = Math.max(Math.sqrt(mean(logs.map((l) => (l - mu) ** 2))), 1e-6);
  const n = xs.length;
  const sumLog = logs.reduce((s, l) => s + l, 0);
  const logLikelihood = -sumLog - n * Math.log(sigma) - 0.5 * n * Math.log(2 * Math.PI) - n / 2;
  return familyWith('lognormal', { mu, sigma }, logLikelihood);
}

function exponentialFit(xs: readonly number[]): Omit<FamilyFit, 'ks'> {
  const m = mean(xs);
  return familyWith('exponential', { mean: m }, -xs.length * (Math.log(m) + 1));
}

/** The root in [lo, hi] of a decreasing function, by bisection (to relative precision 1e-10). */
function decreasingRoot(f: (k: number) => number, lo: number, hi: number): number {
  let [a, b] = [lo, hi];
  while (f(b) > 0 && b < 1e8) b *= 2;
  while (f(a) < 0 && a > 1e-8) a /= 2;
  for (let i = 0; i < 200 && (b - a) / b > 1e-10; i++) {
    const m = (a + b) / 2;
    if (f(m) > 0) a = m;
    else b = m;
  }
  return (a + b) / 2;
}

function gammaFit(xs: readonly number[]): Omit<FamilyFit, 'ks'> {
  const n = xs.length;
  const m = mean(xs);
  const meanLog = mean(xs.map(Math.log));
  const s = Math.log(m) - meanLog; // >= 0 by Jensen; 0 only when all are equal
  // the shape solves ln k - digamma(k) = s (decreasing in k); Minka's closed form starts it
  const start = s > 0 ? (3 - s + Math.sqrt((s - 3) ** 2 + 24 * s)) / (12 * s) : 1e6;
  const shape = s > 0 ? decreasingRoot((k) => Math.log(k) - digamma(k) - s, start / 2, start * 2) : start;
  const scale = m / shape;
  const logLikelihood = (shape - 1) * n * meanLog - (n * m) / scale - n * (shape * Math.log(scale) + gammaln(shape));
  return familyWith('gamma', { shape, scale }, logLikelihood);
}

function weibullFit(xs: readonly number[]): Omit<FamilyFit, 'ks'> {
  const n = xs.length;
  const logs = xs.map(Math.log);
  const meanLog = mean(logs);
  // the shape solves sum(x^k ln x) / sum(x^k) - 1/k - mean(ln x) = 0 (increasing in k);
  // x is scaled by its largest value first, so x^k cannot overflow
  const top = xs.reduce((m, x) => Math.max(m, x), 0);
  const scaledLogs = logs.map((l) => l - Math.log(top));
  const equation = (k: number): number => {
    let sumPow = 0;
    let sumPowLog = 0;
    for (const l of scaledLogs) {
      const p = Math.exp(k * l);
      sumPow += p;
      sumPowLog += p * l;
    }
    return -(sumPowLog / sumPow - 1 / k - (meanLog - Math.log(top)));
  };
  const shape = decreasingRoot(equation, 0.5, 5);
  const scale = top * mean(scaledLogs.map((l) => Math.exp(shape * l))) ** (1 / shape);
  const logLikelihood =
    n * Math.log(shape) -
    n * shape * Math.log(scale) +
    (shape - 1) * n * meanLog -
    xs.reduce((sum, x) => sum + (x / scale) ** shape, 0);
  return familyWith('weibull', { shape, scale }, logLikelihood);
}

const FITTERS: Record<FittedFamily, (xs: readonly number[]) => Omit<FamilyFit, 'ks'>> = {
  lognormal: lognormalFit,
  gamma: gammaFit,
  weibull: weibullFit,
  exponential: exponentialFit,
};

/** The largest distance between `cdf` and the empirical distribution function of `sorted`. */
export function ksDistance(sorted: readonly number[], cdf: (x: number) => number): number {
  const n = sorted.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(sorted[i]);
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  }
  return d;
}

/** `family` fitted to `sorted` (ascending, positive), with its KS distance. */
export function fitFamily(family: FittedFamily, sorted: readonly number[]): FamilyFit {
  const fit = FITTERS[family](sorted);
  return { ...fit, ks: ksDistance(sorted, fit.cdf) };
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

/** `k` of `sorted` drawn at random without replacement (a partial Fisher-Yates shuffle), ascending. */
function subsample(sorted: readonly number[], k: number, rng: Rng): number[] {
  const copy = [...sorted];
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rng() * (copy.length - i));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, k).sort((a, b) => a - b);
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
}

/**
 * Fits every family to the positive observations `values` and keeps the best by AIC; its KS
 * distance is tested by parametric bootstrap with `rng` (samples of the same size from the
 * fitted distribution, refitted, their distances compared). Throws on an empty sample.
 */
export function fitDistribution(values: readonly number[], rng: Rng, options: FitOptions = {}): DistributionFit {
  const sorted = values.filter((v) => v > 0 && Number.isFinite(v)).sort((a, b) => a - b);
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
  // with many observations any small misfit is "significant": the test runs on a random
  // TEST_SIZE of them (the fit itself uses all)
  const tested = n <= TEST_SIZE ? sorted : subsample(sorted, TEST_SIZE, rng);
  const testedFit = tested === sorted ? best : fitFamily(best.family, tested);
  const samples = options.bootstrap ?? 199;
  const minimumP = options.minimumP ?? 0.01;
  if (1 / (samples + 1) >= minimumP)
    throw new RangeError(
      `${samples} bootstrap samples cannot give a p-value below ${minimumP}: use at least ${Math.ceil(1 / minimumP)}`,
    );
  let asLarge = 0;
  for (let b = 0; b < samples; b++) {
    const simulated = Array.from({ length: tested.length }, () => testedFit.sampler.sample(rng)).sort((x, y) => x - y);
    if (fitFamily(best.family, simulated).ks >= testedFit.ks) asLarge++;
  }
  const p = (asLarge + 1) / (samples + 1);
  return { chosen: p < minimumP ? 'empirical' : best.family, best, families, p, ...summary };
}
