/**
 * Maximum-likelihood fits of each family to finished durations (closed forms, or a
 * one-dimensional root for the gamma and Weibull shapes), and the Kolmogorov-Smirnov distance
 * of a fit to the observations.
 */
import digamma from '@stdlib/math-base-special-digamma';
import gammaln from '@stdlib/math-base-special-gammaln';
import { type FamilyFit, type FittedFamily, familyWith } from './fitted-family.js';

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
