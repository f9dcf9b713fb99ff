import seedrandom from 'seedrandom';
import { familyPrefix, hashText, keyedStreamOf, type FamilyPrefix } from './xoshiro128.js';

/** A source of uniform random numbers in [0, 1). */
export type Rng = () => number;

/**
 * Named random streams derived from one master seed.
 *
 * Each stream is seeded from (master seed, stream name) alone, so a stream draws the same
 * numbers in every model that uses it, whatever other streams exist or in which order they
 * are created. Giving each source of randomness its own name (say `arrivals/marketing`) is
 * what lets two scenarios share random numbers (common random numbers).
 *
 * Streams use seedrandom's Alea generator: seedrandom's default (ARC4) made a whole model
 * about 1.4x slower in our baselines, Alea costs within noise of an inline generator.
 *
 * The many short-lived streams of a run (one per use case and purpose, one per model in
 * production) are keyed instead: `keyed('item/effort', id)` is a xoshiro128** stream whose
 * state is a hash of (master seed, family, id) (see xoshiro128.ts). It costs a few hashes to
 * make, not a string-seeded generator, and is not kept: the caller holds it as long as it
 * needs it. The same (seed, family, id) gives the same numbers in any model, so keyed streams
 * give common random numbers as named ones do.
 *
 * ```ts
 * const streams = new RandomStreams(42);
 * const arrivals = streams.stream('arrivals/marketing');
 * const u = arrivals(); // in [0, 1)
 * ```
 */
export class RandomStreams {
  private readonly byName = new Map<string, Rng>();
  /** The master seed hashed to a 32-bit word, and each family seen so far with its hash chains' prefix, for keyed streams. */
  private readonly seedWord: number;
  private readonly families = new Map<string, FamilyPrefix>();

  constructor(readonly masterSeed: number | string) {
    if (typeof masterSeed === 'number' && !Number.isFinite(masterSeed)) {
      throw new RangeError(`master seed must be a finite number or a string, got ${masterSeed}`);
    }
    this.seedWord = hashText(`orgflow|${String(masterSeed)}`);
  }

  /**
   * A new stream for `key` (a whole number from 0 to 2^32 - 1: an item's id, a model's index)
   * of `family` (what it draws, e.g. `item/effort`): the same numbers for the same master seed,
   * family and key, on every call; not kept by this object.
   */
  keyed(family: string, key: number): Rng {
    if (!(Number.isInteger(key) && key >= 0 && key <= 0xffffffff))
      throw new RangeError(`a keyed stream's key must be a whole number from 0 to 2^32 - 1, got ${key} (${family})`);
    let prefix = this.families.get(family);
    if (prefix === undefined) {
      prefix = familyPrefix(this.seedWord, hashText(family, 0x5bd1e995));
      this.families.set(family, prefix);
    }
    return keyedStreamOf(prefix, key);
  }

  /** The stream called `name`: the same object on every call with that name. */
  stream(name: string): Rng {
    let rng = this.byName.get(name);
    if (rng === undefined) {
      rng = seedrandom.alea(`orgflow|${String(this.masterSeed)}|${name}`);
      this.byName.set(name, rng);
    }
    return rng;
  }

  /** The names of the streams created so far, sorted. */
  names(): string[] {
    return [...this.byName.keys()].sort();
  }
}

/**
 * A seed for replication `replication` of an experiment with `masterSeed`: a fixed,
 * well-mixed 32-bit integer, so replications are independent and reproducible.
 */
export function replicationSeed(masterSeed: number | string, replication: number): number {
  const rng = seedrandom.alea(`orgflow-replication|${String(masterSeed)}|${replication}`);
  return rng.int32() >>> 0;
}
