import { positive, type Distribution } from '../distribution.js';
import type { Rng } from '../streams.js';

export interface ExponentialOptions {
  /** The mean (1 / rate). */
  mean: number;
}

/** Exponential with the given mean, by inversion (one uniform per draw). */
export class Exponential implements Distribution {
  readonly kind = 'exponential';
  readonly mean: number;
  constructor(options: ExponentialOptions) {
    this.mean = positive('exponential', 'mean', options.mean);
  }
  get variance(): number {
    return this.mean * this.mean;
  }
  sample(rng: Rng): number {
    return -this.mean * Math.log(1 - rng());
  }
}

/** Exponential with mean `mean`: inter-arrival times of a Poisson process. */
export function exponential(options: ExponentialOptions): Exponential {
  return new Exponential(options);
}
