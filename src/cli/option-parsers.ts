/** Parsers for option values: each rejects a bad value naming the option and the value. */
import { InvalidArgumentError } from 'commander';
import { parseWhatIf, type WhatIf, WhatIfError } from '../scenario/index.js';

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

/** A calendar date YYYY-MM-DD (read as UTC), as epoch milliseconds; a date that does not exist is refused. */
export function calendarDate(value: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const ms = m === null ? NaN : Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (m === null || new Date(ms).toISOString().slice(0, 10) !== value)
    throw new InvalidArgumentError(`expected a date YYYY-MM-DD such as 2026-01-01, got ${JSON.stringify(value)}.`);
  return ms;
}

/** A --whatif, "Name: path=value; path=value", parsed; repeatable. */
export function whatIfOption(value: string, previous: WhatIf[] = []): WhatIf[] {
  try {
    return [...previous, parseWhatIf(value)];
  } catch (error) {
    if (error instanceof WhatIfError) throw new InvalidArgumentError(error.message);
    throw error;
  }
}
