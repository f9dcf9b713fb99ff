import { InvalidDistributionError } from '../distribution.js';
import type { Rng } from '../streams.js';

/**
 * A choice among options with given weights (they need not sum to 1), one uniform per
 * draw. Options are kept in the order given, so draws are reproducible.
 *
 * ```ts
 * const next = categorical({ retry: 0.3, deploy: 0.6, abandon: 0.1 });
 * next.pick(rng); // 'deploy' 60% of the time
 * ```
 */
export class Categorical<T> {
  readonly kind = 'categorical';
  readonly options: readonly T[];
  readonly probabilities: readonly number[];
  private readonly cumulative: number[];

  constructor(options: readonly T[], weights: readonly number[]) {
    if (options.length === 0)
      throw new InvalidDistributionError('categorical', 'options', options, 'at least one option');
    if (weights.length !== options.length) {
      throw new InvalidDistributionError(
        'categorical',
        'weights',
        weights,
        `one weight per option (${options.length})`,
      );
    }
    weights.forEach((w, i) => {
      if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) {
        throw new InvalidDistributionError('categorical', `weight of ${String(options[i])}`, w, 'a finite number >= 0');
      }
    });
    const total = weights.reduce((s, w) => s + w, 0);
    if (!(total > 0))
      throw new InvalidDistributionError('categorical', 'weights', weights, 'a list with a positive total');
    this.options = [...options];
    this.probabilities = weights.map((w) => w / total);
    let running = 0;
    this.cumulative = this.probabilities.map((p) => (running += p));
    this.cumulative[this.cumulative.length - 1] = 1; // no rounding gap at the top
  }

  /** The index of the option drawn. */
  pickIndex(rng: Rng): number {
    const u = rng();
    const c = this.cumulative;
    let i = 0;
    while (u >= c[i]) i++;
    return i;
  }

  /** The option drawn. */
  pick(rng: Rng): T {
    return this.options[this.pickIndex(rng)];
  }
}

/** A weighted choice among the keys of `weights`. */
export function categorical<K extends string>(weights: Readonly<Record<K, number>>): Categorical<K> {
  const keys = Object.keys(weights) as K[];
  return new Categorical<K>(
    keys,
    keys.map((k) => weights[k]),
  );
}
