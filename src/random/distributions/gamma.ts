import { positive, type Distribution } from '../distribution.js';
import { normalQuantile } from '../special-functions.js';
import type { Rng } from '../streams.js';

export interface GammaOptions {
  shape: number;
  scale: number;
}

/**
 * Draws a standard gamma variate (scale 1) by Marsaglia and Tsang's squeeze method; for a
 * shape below 1 it boosts the shape by one and scales by u^(1/shape).
 */
export function standardGamma(shape: number, rng: Rng): number {
  if (shape < 1) {
    const u = rng();
    return standardGamma(shape + 1, rng) * (u === 0 ? Number.MIN_VALUE : u) ** (1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      const u0 = rng();
      x = normalQuantile(u0 === 0 ? Number.MIN_VALUE : u0);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** Gamma with `shape` and `scale` (mean = shape x scale). */
export class Gamma implements Distribution {
  readonly kind = 'gamma';
  readonly shape: number;
  readonly scale: number;
  constructor(options: GammaOptions) {
    this.shape = positive('gamma', 'shape', options.shape);
    this.scale = positive('gamma', 'scale', options.scale);
  }
  get mean(): number {
    return this.shape * this.scale;
  }
  get variance(): number {
    return this.shape * this.scale * this.scale;
  }
  sample(rng: Rng): number {
    return this.scale * standardGamma(this.shape, rng);
  }
}

/** Gamma with `shape` and `scale`. */
export function gamma(options: GammaOptions): Gamma {
  return new Gamma(options);
}
