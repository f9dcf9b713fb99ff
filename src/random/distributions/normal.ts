import { InvalidDistributionError, finite, positive, type Distribution } from '../distribution.js';
import { normalCdf, normalPdf, normalQuantile } from '../special-functions.js';
import type { Rng } from '../streams.js';

export interface NormalOptions {
  mean: number;
  sd: number;
  /**
   * Lower truncation point: values below it are never drawn (the density above it is
   * rescaled, not piled up at the bound). Use `min: 0` for durations.
   */
  min?: number;
}

/**
 * Normal, optionally truncated below, by inversion (one uniform per draw). `mean` and `sd`
 * are those of the untruncated normal; the `mean` property is that of the result.
 */
export class Normal implements Distribution {
  readonly kind = 'normal';
  readonly mu: number;
  readonly sd: number;
  readonly min: number;
  private readonly lowerTail: number;

  constructor(options: NormalOptions) {
    this.mu = finite('normal', 'mean', options.mean);
    this.sd = positive('normal', 'sd', options.sd);
    this.min = options.min === undefined ? -Infinity : finite('normal', 'min', options.min);
    this.lowerTail = this.min === -Infinity ? 0 : normalCdf((this.min - this.mu) / this.sd);
    if (this.lowerTail > 1 - 1e-12) {
      throw new InvalidDistributionError(
        'normal',
        'min',
        this.min,
        `well below mean + 7 sd (${this.mu + 7 * this.sd})`,
      );
    }
  }

  get mean(): number {
    if (this.min === -Infinity) return this.mu;
    const alpha = (this.min - this.mu) / this.sd;
    return this.mu + (this.sd * normalPdf(alpha)) / (1 - this.lowerTail);
  }

  get variance(): number {
    if (this.min === -Infinity) return this.sd * this.sd;
    const alpha = (this.min - this.mu) / this.sd;
    const lambda = normalPdf(alpha) / (1 - this.lowerTail);
    return this.sd * this.sd * (1 + alpha * lambda - lambda * lambda);
  }

  sample(rng: Rng): number {
    const u = this.lowerTail + (1 - this.lowerTail) * rng();
    const x = this.mu + this.sd * normalQuantile(u === 0 ? Number.MIN_VALUE : u);
    return Math.max(this.min, x);
  }
}

/** Normal with `mean` and `sd`; give `min: 0` to truncate a duration at zero. */
export function normal(options: NormalOptions): Normal {
  return new Normal(options);
}
