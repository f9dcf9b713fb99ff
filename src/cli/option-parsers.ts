/** Parsers for option values: each rejects a bad value naming the option and the value. */
import { InvalidArgumentError } from 'commander';

export function wholeNumber(min: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min)
      throw new InvalidArgumentError(`expected a whole number >= ${min}, got ${JSON.stringify(value)}.`);
    return n;
  };
}

export function fraction(value: string): number {
  const n = Number(value);
  if (!(n > 0 && n < 1))
    throw new InvalidArgumentError(`expected a fraction between 0 and 1 such as 0.05, got ${JSON.stringify(value)}.`);
  return n;
}

export function positiveNumber(value: string): number {
  const n = Number(value);
  if (!(n > 0) || !Number.isFinite(n))
    throw new InvalidArgumentError(`expected a number > 0, got ${JSON.stringify(value)}.`);
  return n;
}

export function pathAssignment(value: string, previous: string[] = []): string[] {
  if (!/^[^=]+=.+$/.test(value))
    throw new InvalidArgumentError(
      `expected path=value, got ${JSON.stringify(value)} (e.g. teams.hub.headcount.ml_engineer=4).`,
    );
  return [...previous, value];
}

/** A calendar date such as 2026-01-01 (or an ISO 8601 date-time), as epoch milliseconds. */
export function calendarDate(value: string): number {
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (!Number.isFinite(ms))
    throw new InvalidArgumentError(`expected a date such as 2026-01-01, got ${JSON.stringify(value)}.`);
  return ms;
}
