import { InvalidDistributionError, positive, type Distribution } from '../distribution.js';
import { normalQuantile } from '../special-functions.js';
import type { Rng } from '../streams.js';

/** Either the mean and standard deviation, or the median and the 90th percentile. */
export type LognormalOptions = { mean: number; sd: number } | { median: number; p90: number };

const Z90 = normalQuantile(0.9);

/**
 * Lognormal: the log of the value is normal. Right-skewed and positive, the usual shape of
 * task durations. By inversion (one uniform per draw).
 */
export class Lognormal implements Distribution {
  readonly kind = 'lognormal';
  /** Mean of the log. */
  readonly mu: number;
  /** Standard deviation of the log. */
  readonly sigma: number;

  constructor(options: LognormalOptions) {
    if ('median' in options) {
      const median = positive('lognormal', 'median', options.median);
      const p90 = positive('lognormal', 'p90', options.p90);
      if (!(p90 > median)) throw new InvalidDistributionError('lognormal', 'p90', p90, `> median (${median})`);
      this.mu = Math.log(median);
      this.sigma = (Math.log(p90) - this.mu) / Z90;
    } else {
      const mean = positive('lognormal', 'mean', options.mean);
      const sd = positive('lognormal', 'sd', options.sd);
      const s2 = Math.log(1 + (sd * sd) / (mean * mean));
      this.mu = Math.log(mean) - s2 / 2;
      this.sigma = Math.sqrt(s2);
    }
  }

  get mean(): number {
    return Math.exp(this.mu + (this.sigma * this.sigma) / 2);
  }
  get variance(): number {
    const s2 = this.sigma * this.sigma;
    return (Math.exp(s2) - 1) * Math.exp(2 * this.mu + s2);
  }
  sample(rng: Rng): number {
    const u = rng();
    return Math.exp(this.mu + this.sigma * normalQuantile(u === 0 ? Number.MIN_VALUE : u));
  }
}

/** Lognormal from `{ mean, sd }` or from `{ median, p90 }`. */
export function lognormal(options: LognormalOptions): Lognormal {
  return new Lognormal(options);
}
