/** How an estimate with its 95% interval reads, for the terminal and for the report alike. */
import { isUnreached, type BoundedEstimate } from './experiment-summary.js';

export interface EstimateText {
  /** The estimate, e.g. `141` or `12%`; `> 915` for a lower bound; `-` when there is none. */
  value: string;
  /** The interval, e.g. `137 to 145`, or null when it is not known. */
  interval: string | null;
}

const number = (x: number, digits: number): string =>
  x.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });

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
