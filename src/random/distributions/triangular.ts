import { InvalidDistributionError, finite, type Distribution } from '../distribution.js';
import type { Rng } from '../streams.js';

export interface TriangularOptions {
  min: number;
  mode: number;
  max: number;
}

/** Checks min <= mode <= max and min < max for three-point estimates. */
export function checkThreePoint(kind: string, options: TriangularOptions): void {
  finite(kind, 'min', options.min);
  finite(kind, 'mode', options.mode);
  finite(kind, 'max', options.max);
  if (!(options.max > options.min))
    throw new InvalidDistributionError(kind, 'max', options.max, `> min (${options.min})`);
  if (options.mode < options.min || options.mode > options.max) {
    throw new InvalidDistributionError(
      kind,
      'mode',
      options.mode,
      `between min (${options.min}) and max (${options.max})`,
    );
  }
}

/** Triangular from a three-point estimate, by inversion (one uniform per draw). */
export class Triangular implements Distribution {
  readonly kind = 'triangular';
  readonly min: number;
  readonly mode: number;
  readonly max: number;
  constructor(options: TriangularOptions) {
    checkThreePoint('triangular', options);
    ({ min: this.min, mode: this.mode, max: this.max } = options);
  }
  get mean(): number {
    return (this.min + this.mode + this.max) / 3;
  }
  get variance(): number {
    const { min: a, mode: c, max: b } = this;
    return (a * a + b * b + c * c - a * b - a * c - b * c) / 18;
  }
  sample(rng: Rng): number {
    const { min: a, mode: c, max: b } = this;
    const u = rng();
    const split = (c - a) / (b - a);
    return u < split ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
  }
}

/** Triangular with `min`, `mode` (most likely) and `max`. */
export function triangular(options: TriangularOptions): Triangular {
  return new Triangular(options);
}
