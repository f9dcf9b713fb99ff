import type { Rng } from './streams.js';

/**
 * A probability distribution of a number (a duration, an effort, a count).
 *
 * `sample` takes the stream to draw from, so one distribution can serve several streams
 * (common random numbers need each source of randomness on its own stream).
 */
export interface Distribution {
  /** The family's name, e.g. `lognormal`. */
  readonly kind: string;
  /** The expected value. */
  readonly mean: number;
  /** The variance (Infinity where it does not exist). */
  readonly variance: number;
  /** Draws one value. */
  sample(rng: Rng): number;
}

/** A distribution parameter out of its valid range; the message names the parameter and the value. */
export class InvalidDistributionError extends RangeError {
  constructor(kind: string, parameter: string, value: unknown, expected: string) {
    super(`${kind}: ${parameter} must be ${expected}, got ${formatValue(value)}`);
    this.name = 'InvalidDistributionError';
  }
}

function formatValue(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(formatValue).join(', ')}]`;
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** Checks that `value` is a finite number; returns it. */
export function finite(kind: string, parameter: string, value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new InvalidDistributionError(kind, parameter, value, 'a finite number');
  return value;
}

/** Checks that `value` is a finite number > 0; returns it. */
export function positive(kind: string, parameter: string, value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new InvalidDistributionError(kind, parameter, value, 'a finite number > 0');
  }
  return value;
}

/** Checks that `value` is a probability in [0, 1]; returns it. */
export function probability(kind: string, parameter: string, value: number): number {
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
    throw new InvalidDistributionError(kind, parameter, value, 'a probability in [0, 1]');
  }
  return value;
}
