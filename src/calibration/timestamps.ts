/**
 * Times in a history file: ISO 8601 (`2026-03-01`, `2026-03-01T09:30:00Z`, `2026-03-01
 * 09:30:00+01:00`) read directly; any other layout with an explicit format (`--date-format
 * dd/MM/yyyy HH:mm`, luxon's tokens). A time without an offset is in `zone` (default UTC).
 */
import { DateTime } from 'luxon';

const ISO = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?))?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/** How to read the times of one file. */
export interface TimestampFormat {
  /** luxon format tokens, e.g. `dd/MM/yyyy HH:mm`; absent: ISO 8601. */
  format?: string;
  /** IANA zone of times written without an offset, e.g. `Europe/Paris` (default UTC). */
  zone?: string;
}

/** Checks the zone once, so a typo is one clear error and not one per row. */
export function checkZone(zone: string): void {
  if (!DateTime.now().setZone(zone).isValid)
    throw new RangeError(`unknown time zone ${JSON.stringify(zone)} (e.g. UTC, Europe/Paris)`);
}

/** Epoch milliseconds of `text`, or NaN when it is not a time in `how`. */
export function parseTimestamp(text: string, how: TimestampFormat = {}): number {
  const zone = how.zone ?? 'UTC';
  if (how.format !== undefined) return DateTime.fromFormat(text.trim(), how.format, { zone }).toMillis();
  const m = ISO.exec(text.trim());
  if (m === null) return NaN;
  const [, date, time, offset] = m;
  if (!isCalendarDate(date)) return NaN; // 2024-02-30 is not a day, though Date.parse rolls it over
  if (offset !== undefined || zone === 'UTC') {
    const suffix =
      offset === undefined || offset.toUpperCase() === 'Z' ? 'Z' : offset.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
    return Date.parse(`${date}T${time ?? '00:00'}${suffix}`);
  }
  return DateTime.fromISO(`${date}T${time ?? '00:00'}`, { zone }).toMillis();
}

/** Whether `yyyy-mm-dd` names a day of the calendar. */
function isCalendarDate(date: string): boolean {
  const [y, m, d] = date.split('-').map(Number);
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

/** The calendar day (UTC) of epoch milliseconds `ms`, as yyyy-mm-dd. */
export const dayText = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
