import { positive, type Distribution } from '../distribution.js';
import { gammaFunction } from '../special-functions.js';
import type { Rng } from '../streams.js';

export interface WeibullOptions {
  /** Shape k: below 1 a falling hazard, above 1 a rising one. */
  shape: number;
  /** Scale lambda. */
  scale: number;
}

/** Weibull by inversion (one uniform per draw). */
export class Weibull implements Distribution {
  readonly kind = 'weibull';
  readonly shape: number;
  readonly scale: number;
  constructor(options: WeibullOptions) {
    this.shape = positive('weibull', 'shape', options.shape);
    this.scale = positive('weibull', 'scale', options.scale);
  }
  get mean(): number {
    return this.scale * gammaFunction(1 + 1 / this.shape);
  }
  get variance(): number {
    const g1 = gammaFunction(1 + 1 / this.shape);
    return this.scale * this.scale * (gammaFunction(1 + 2 / this.shape) - g1 * g1);
  }
  sample(rng: Rng): number {
    return this.scale * (-Math.log(1 - rng())) ** (1 / this.shape);
  }
}

/** Weibull with `shape` and `scale`. */
export function weibull(options: WeibullOptions): Weibull {
  return new Weibull(options);
}
