/**
 * Proportions counted from trials: Wilson's score interval for one proportion (it keeps to
 * [0, 1] and stays honest for small counts and shares near 0 or 1, where the normal
 * approximation does not), Pearson's chi-square test that several groups share one
 * proportion, and the chi-square tail used by likelihood-ratio tests.
 */
import gammaCdf from '@stdlib/stats-base-dists-gamma-cdf';
import { normalQuantile } from '../random/index.js';

/** Wilson's score interval for `successes` out of `trials` at `level`; [0, 1] when there are no trials. */
export function proportionInterval(successes: number, trials: number, level = 0.95): [number, number] {
  if (trials <= 0) return [0, 1];
  const z = normalQuantile(1 - (1 - level) / 2);
  const p = successes / trials;
  const z2 = z * z;
  const centre = (p + z2 / (2 * trials)) / (1 + z2 / trials);
  const half = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / (1 + z2 / trials);
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** P(X >= x) for X chi-square with `df` degrees of freedom. */
export function chiSquareTail(x: number, df: number): number {
  if (!(x > 0)) return 1;
  return 1 - gammaCdf(x, df / 2, 0.5);
}

/**
 * Pearson's chi-square test that every group has the same proportion of successes; the
 * p-value, or NaN when it cannot be tested: fewer than two groups with trials, no success or
 * no failure at all, or an expected count below 5 (where the chi-square approximation fails).
 */
/** Fewest expected successes and failures per group for the chi-square test (the textbook rule). */
const MIN_EXPECTED = 5;

export function sameProportionP(groups: readonly { successes: number; trials: number }[]): number {
  const used = groups.filter((g) => g.trials > 0);
  const trials = used.reduce((s, g) => s + g.trials, 0);
  const successes = used.reduce((s, g) => s + g.successes, 0);
  if (used.length < 2 || successes === 0 || successes === trials) return Number.NaN;
  const p = successes / trials;
  if (used.some((g) => g.trials * p < MIN_EXPECTED || g.trials * (1 - p) < MIN_EXPECTED)) return Number.NaN;
  let statistic = 0;
  for (const g of used) {
    const expected = g.trials * p;
    statistic += (g.successes - expected) ** 2 / expected;
    statistic += (g.trials - g.successes - (g.trials - expected)) ** 2 / (g.trials - expected);
  }
  return chiSquareTail(statistic, used.length - 1);
}

/** A share as a whole percentage: 0.123 -> "12%". */
export const percentText = (share: number): string => `${Math.round(share * 100)}%`;
