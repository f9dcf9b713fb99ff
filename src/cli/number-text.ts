/** Numbers and days as the commands print them. */

/** `x` with `digits` decimals, or '-' where it is not a finite number (nothing to show). */
export const fixed = (x: number | undefined, digits = 2): string =>
  x !== undefined && Number.isFinite(x) ? x.toFixed(digits) : '-';

/** The calendar day (UTC) of epoch milliseconds `ms`, as YYYY-MM-DD. */
export { dayText as day } from '../calibration/index.js';
