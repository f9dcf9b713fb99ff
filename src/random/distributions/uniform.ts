import { InvalidDistributionError, finite, type Distribution } from '../distribution.js';
import type { Rng } from '../streams.js';

export interface UniformOptions {
  min: number;
  max: number;
}

/** Uniform on [min, max). */
export class Uniform implements Distribution {
  readonly kind = 'uniform';
  readonly min: number;
  readonly max: number;
  constructor(options: UniformOptions) {
    this.min = finite('uniform', 'min', options.min);
    this.max = finite('uniform', 'max', options.max);
    if (this.max < this.min) throw new InvalidDistributionError('uniform', 'max', this.max, `>= min (${this.min})`);
  }
  get mean(): number {
    return (this.min + this.max) / 2;
  }
  get variance(): number {
    return (this.max - this.min) ** 2 / 12;
  }
  sample(rng: Rng): number {
    return this.min + (this.max - this.min) * rng();
  }
}

/** Uniform between `min` and `max`. */
export function uniform(options: UniformOptions): Uniform {
  return new Uniform(options);
}
