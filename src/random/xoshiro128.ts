/**
 * Cheap independent streams for the many short-lived things of a run (one per use case and
 * purpose, one per model in production): xoshiro128** (Blackman and Vigna, "Scrambled linear
 * pseudorandom number generators", ACM TOMS 47(4), 2021), whose state is set from a hash of
 * (master seed, family, key) rather than by running a string-seeded generator.
 *
 * - The generator: 128 bits of state, period 2^128 - 1, 32-bit outputs; its authors report
 *   no failures in TestU01's BigCrush. `bench/random-quality.ts` feeds keyed streams of
 *   consecutive keys to dieharder, one after the other or interleaved (see the README).
 * - The key: each of the four state words is a different chain of murmur3's 32-bit finaliser
 *   over (seed word, family word, key). For one seed and family, each state word is a
 *   one-to-one function of the key, so two keys never share a state word, and nearby keys
 *   (item 7 and item 8) give unrelated states. The seed and the family enter as 32-bit hashes:
 *   two master seeds whose hashes collide (about one pair in 2^32) would give the same keyed
 *   streams, as two replication seeds that collide would give the same run.
 * - A uniform is the 32-bit output times 2^-32: in [0, 1), like the Alea streams.
 */
import type { Rng } from './streams.js';

/**
 * murmur3's 32-bit finaliser: a bijection on 32-bit words that mixes every bit into every bit.
 * Words are kept as signed 32-bit integers (the same bits), which the engine need not box.
 */
function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** A 32-bit hash of a string (FNV-1a, then mixed), for seeds and family names given as text. */
export function hashText(text: string, salt = 0): number {
  let h = (0x811c9dc5 ^ salt) >>> 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return mix32(h);
}

/** Distinct odd constants that start each state word's hash chain (the fractional bits of sqrt(2), sqrt(3), sqrt(5), sqrt(7)). */
const LANES = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a] as const;

/**
 * The part of each state word's hash chain that (seed word, family word) alone decide: worked
 * out once per family (see familyPrefix), not once per stream.
 */
export type FamilyPrefix = Int32Array;

/** The four lanes' chains over (seed word, family word), for keyedStreamOf. */
export function familyPrefix(seedWord: number, familyWord: number): FamilyPrefix {
  return Int32Array.from(LANES, (lane) => mix32((mix32(lane ^ seedWord) + familyWord) | 0));
}

/** State word `lane` of the stream for `key`: the lane's chain carried on over the key. */
const stateWord = (prefix: FamilyPrefix, lane: number, key: number): number =>
  mix32((mix32(prefix[lane] ^ key) + LANES[lane]) | 0);

/**
 * A stream of uniforms in [0, 1) from xoshiro128** with the given state (not all zero). The
 * state lives in an Int32Array: words kept in closure variables would be boxed as heap numbers
 * at every step, as most 32-bit words do not fit a small integer.
 */
export function xoshiro128(s0: number, s1: number, s2: number, s3: number): Rng {
  const s = Int32Array.of(s0, s1, s2, s3);
  if ((s[0] | s[1] | s[2] | s[3]) === 0) s[0] = 1; // the one state xoshiro cannot leave
  return () => {
    const a = s[0];
    const b = s[1];
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const c = s[2] ^ a;
    const d = s[3] ^ b;
    s[0] = a ^ d;
    s[1] = b ^ c;
    s[2] = c ^ (b << 9);
    s[3] = rotl(d, 11);
    return result * 2 ** -32;
  };
}

const rotl = (x: number, k: number): number => (x << k) | (x >>> (32 - k));

/** The stream for `key` of the family whose prefix is `prefix` (see familyPrefix). */
export function keyedStreamOf(prefix: FamilyPrefix, key: number): Rng {
  return xoshiro128(
    stateWord(prefix, 0, key),
    stateWord(prefix, 1, key),
    stateWord(prefix, 2, key),
    stateWord(prefix, 3, key),
  );
}

/**
 * The stream for (seed word, family word, key): `key` is a whole number below 2^32 (an item's
 * id, a model's index), `seedWord` and `familyWord` 32-bit hashes (see hashText).
 */
export function keyedStream(seedWord: number, familyWord: number, key: number): Rng {
  return keyedStreamOf(familyPrefix(seedWord, familyWord), key);
}
