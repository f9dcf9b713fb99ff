import { InvalidDistributionError, positive, type Distribution } from '../distribution.js';
import type { Rng } from '../streams.js';

export interface ErlangOptions {
  /** Number of exponential phases (a whole number >= 1). */
  k: number;
  /** The mean of the whole (each phase has mean / k). */
  mean: number;
}

/** Erlang: the sum of k exponential phases (k uniforms per draw). */
export class Erlang implements Distribution {
  readonly kind = 'erlang';
  readonly k: number;
  readonly mean: number;
  constructor(options: ErlangOptions) {
    if (!Number.isInteger(options.k) || options.k < 1)
      throw new InvalidDistributionError('erlang', 'k', options.k, 'a whole number >= 1');
    this.k = options.k;
    this.mean = positive('erlang', 'mean', options.mean);
  }
  get variance(): number {
    return (this.mean * this.mean) / this.k;
  }
  sample(rng: Rng): number {
    let logSum = 0;
    for (let i = 0; i < this.k; i++) logSum += Math.log(1 - rng());
    return (-this.mean / this.k) * logSum;
  }
}

/** Erlang with `k` phases and total `mean`. */
export function erlang(options: ErlangOptions): Erlang {
  return new Erlang(options);
}
