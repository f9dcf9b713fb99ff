import { probability, type Distribution } from '../distribution.js';
import type { Rng } from '../streams.js';

/** 1 with probability p, else 0 (one uniform per draw). */
export class Bernoulli implements Distribution {
  readonly kind = 'bernoulli';
  readonly p: number;
  constructor(p: number) {
    this.p = probability('bernoulli', 'p', p);
  }
  get mean(): number {
    return this.p;
  }
  get variance(): number {
    return this.p * (1 - this.p);
  }
  /** Whether the trial succeeds. */
  test(rng: Rng): boolean {
    return rng() < this.p;
  }
  sample(rng: Rng): number {
    return rng() < this.p ? 1 : 0;
  }
}

/** A yes/no trial that succeeds with probability `p`. */
export function bernoulli(p: number): Bernoulli {
  return new Bernoulli(p);
}
