import { positive, type Distribution } from '../distribution.js';
import type { Rng } from '../streams.js';
import { standardGamma } from './gamma.js';
import { checkThreePoint } from './triangular.js';

export interface PertOptions {
  min: number;
  mode: number;
  max: number;
  /** Weight of the mode; 4 is the classic PERT. Default 4. */
  lambda?: number;
}

/**
 * PERT: a beta distribution rescaled to [min, max] from a three-point estimate, smoother
 * than the triangular and less swayed by the extremes. Drawn from two gamma variates.
 */
export class Pert implements Distribution {
  readonly kind = 'pert';
  readonly min: number;
  readonly mode: number;
  readonly max: number;
  readonly lambda: number;
  private readonly alpha: number;
  private readonly beta: number;

  constructor(options: PertOptions) {
    checkThreePoint('pert', options);
    ({ min: this.min, mode: this.mode, max: this.max } = options);
    this.lambda = positive('pert', 'lambda', options.lambda ?? 4);
    const range = this.max - this.min;
    this.alpha = 1 + (this.lambda * (this.mode - this.min)) / range;
    this.beta = 1 + (this.lambda * (this.max - this.mode)) / range;
  }
  get mean(): number {
    return (this.min + this.lambda * this.mode + this.max) / (this.lambda + 2);
  }
  get variance(): number {
    const { alpha: a, beta: b } = this;
    const range = this.max - this.min;
    return (range * range * a * b) / ((a + b) * (a + b) * (a + b + 1));
  }
  sample(rng: Rng): number {
    const x = standardGamma(this.alpha, rng);
    const y = standardGamma(this.beta, rng);
    return this.min + ((this.max - this.min) * x) / (x + y);
  }
}

/** PERT from `min`, `mode` and `max` (and optionally `lambda`, default 4). */
export function pert(options: PertOptions): Pert {
  return new Pert(options);
}
