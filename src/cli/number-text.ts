/** Numbers and days as the commands print them. */

/** `x` with `digits` decimals, or '-' where it is not a finite number (nothing to show). */
export const fixed = (x: number | undefined, digits = 2): string =>
  x !== undefined && Number.isFinite(x) ? x.toFixed(digits) : '-';

/** The calendar day (UTC) of epoch milliseconds `ms`, as YYYY-MM-DD. */
export { dayText as day } from '../calibration/index.js';

/** `n days`, or `1 day`. */
export const daysText = (n: number): string => `${n} day${n === 1 ? '' : 's'}`;

/** How a time should be written: read with --date-format when given, else ISO 8601. */
export const timeExample = (dateFormat: string | undefined): string =>
  dateFormat === undefined ? 'e.g. 2026-03-01' : `times are read with --date-format ${JSON.stringify(dateFormat)}`;
