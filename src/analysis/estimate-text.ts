/** How an estimate with its 95% interval reads, for the terminal and for the report alike. */
import { isUnreached, type BoundedEstimate } from './experiment-summary.js';
import type { Comparison } from './paired-comparison.js';

export interface EstimateText {
  /** The estimate, e.g. `141` or `12%`; `> 915` for a lower bound; `-` when there is none. */
  value: string;
  /** The interval, e.g. `137 to 145`, or null when it is not known. */
  interval: string | null;
}

const number = (x: number, digits: number): string =>
  x.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** `x` with `digits` decimals, `-` when it is not a number. */
const plainNumber = (x: number, digits = 0): string => (Number.isFinite(x) ? number(x, digits) : '-');

/** The estimate `e` times `scale` with `digits` decimals and `suffix` (say `%`), and its interval. */
export function estimateText(e: BoundedEstimate, digits = 0, scale = 1, suffix = ''): EstimateText {
  if (isUnreached(e)) return { value: `> ${number(e.atLeast * scale, digits)}${suffix}`, interval: null };
  if (!Number.isFinite(e.estimate)) return { value: '-', interval: null };
  const [low, high] = e.ci95;
  // bounds that are equal (every replication gave the same figure, as a fixed people cost) say nothing more
  const interval =
    Number.isFinite(low) && Number.isFinite(high) && low !== high
      ? `${number(low * scale, digits)} to ${number(high * scale, digits)}`
      : null;
  return { value: `${number(e.estimate * scale, digits)}${suffix}`, interval };
}

/**
 * A paired difference as it reads in a table: `-12 (-18 to -6)`, with `~` where the interval
 * includes 0; `not reached` where a replication has no figure (a percentile beyond the run);
 * `no interval` from a single replication. A bound that rounds to 0 gets the digits that show
 * its sign, so that an interval reads as excluding 0 exactly when it does.
 */
export function differenceText(
  c: Pick<Comparison, 'difference' | 'ci95' | 'better'>,
  digits: number,
  scale: number,
  suffix: string,
): string {
  if (!Number.isFinite(c.difference)) return 'not reached';
  // every pair the same (a what-if that changes nothing this metric sees)
  if (c.difference === 0 && c.ci95[0] === 0 && c.ci95[1] === 0) return 'no change';
  const signed = (x: number): string => {
    let d = digits;
    while (x !== 0 && Number(plainNumber(Math.abs(x * scale), d).replace(/,/g, '')) === 0 && d < digits + 3) d++;
    const text = plainNumber(Math.abs(x * scale), d);
    return Number(text.replace(/,/g, '')) === 0 ? plainNumber(0, digits) : `${x > 0 ? '+' : '-'}${text}`;
  };
  if (!Number.isFinite(c.ci95[0]) || !Number.isFinite(c.ci95[1]))
    return `${signed(c.difference)}${suffix} (no interval from one replication)`;
  const text = `${signed(c.difference)}${suffix} (${signed(c.ci95[0])} to ${signed(c.ci95[1])})`;
  return c.better === null ? `~ ${text}` : text;
}
