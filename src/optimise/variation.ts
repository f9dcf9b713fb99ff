/**
 * New designs from old: at random within the bounds, by mixing two parents (uniform
 * crossover), by small moves (mutation), each then repaired to the fixed total when there is
 * one. With a total, a mutation moves people from one group to another rather than hiring.
 */
import type { Rng } from '../random/index.js';
import { baseValues, type Structure } from './decision-space.js';
import type { Design } from './design-evaluation.js';

/** A whole number from `min` to `max` inclusive. */
const between = (rng: Rng, min: number, max: number): number => min + Math.floor(rng() * (max - min + 1));

/** One of `items`, at random. */
export const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)];

/** Whether the structure's bounds allow exactly `total` people. */
export function canMeetTotal(structure: Structure, total: number): boolean {
  const target = total - structure.fixedPeople;
  const low = structure.variables.reduce((s, v) => s + v.min, 0);
  const high = structure.variables.reduce((s, v) => s + v.max, 0);
  return low <= target && target <= high;
}

/**
 * The values within their bounds and, with a total, summing to it: people taken from or added
 * to groups chosen at random, one at a time. The structure must be able to meet the total.
 */
export function repaired(structure: Structure, values: readonly number[], rng: Rng, total?: number): number[] {
  const vars = structure.variables;
  const x = values.map((v, i) => Math.min(vars[i].max, Math.max(vars[i].min, v)));
  if (total === undefined) return x;
  let gap = total - structure.fixedPeople - x.reduce((s, v) => s + v, 0);
  while (gap !== 0) {
    const movable = x.flatMap((v, i) => ((gap > 0 ? v < vars[i].max : v > vars[i].min) ? [i] : []));
    if (movable.length === 0) break; // cannot happen when canMeetTotal holds
    const i = pick(rng, movable);
    x[i] += Math.sign(gap);
    gap -= Math.sign(gap);
  }
  return x;
}

/** A design of `structure` drawn at random within the bounds (then repaired to the total). */
export function randomDesign(structures: readonly Structure[], rng: Rng, total?: number): Design {
  const structure = Math.floor(rng() * structures.length);
  const s = structures[structure];
  const values = s.variables.map((v) => between(rng, v.min, v.max));
  return { structure, values: repaired(s, values, rng, total) };
}

/** The structure's design as its file has it (repaired to the total). */
export function baseDesign(structures: readonly Structure[], structure: number, rng: Rng, total?: number): Design {
  const s = structures[structure];
  return { structure, values: repaired(s, baseValues(s), rng, total) };
}

/** Uniform crossover of two designs of one structure; of two structures, a copy of one of them. */
export function crossover(a: Design, b: Design, structures: readonly Structure[], rng: Rng, total?: number): Design {
  if (a.structure !== b.structure) return rng() < 0.5 ? a : b;
  const values = a.values.map((x, i) => (rng() < 0.5 ? x : b.values[i]));
  return { structure: a.structure, values: repaired(structures[a.structure], values, rng, total) };
}

/** Moves one or two people between two groups (a fixed total), or adds or removes one or two in some groups. */
export function mutated(d: Design, structures: readonly Structure[], rng: Rng, total?: number): Design {
  // now and then, another structure, from its file's staffing
  if (structures.length > 1 && rng() < 0.1) {
    const others = structures.map((_, i) => i).filter((i) => i !== d.structure);
    return mutated(baseDesign(structures, pick(rng, others), rng, total), structures, rng, total);
  }
  const s = structures[d.structure];
  const x = [...d.values];
  if (x.length === 0) return d;
  if (total !== undefined) {
    const moves = rng() < 0.5 ? 1 : 2;
    for (let m = 0; m < moves; m++) {
      const from = x.flatMap((v, i) => (v > s.variables[i].min ? [i] : []));
      const to = x.flatMap((v, i) => (v < s.variables[i].max ? [i] : []));
      if (from.length === 0 || to.length === 0) break;
      const i = pick(rng, from);
      const others = to.filter((k) => k !== i);
      if (others.length === 0) break;
      const j = pick(rng, others);
      x[i]--;
      x[j]++;
    }
    return { structure: d.structure, values: x };
  }
  const adjustable = x.flatMap((_, i) => (s.variables[i].min < s.variables[i].max ? [i] : []));
  if (adjustable.length === 0) return d;
  // each group changes with probability 1 / n; at least one does
  const chosen = adjustable.filter(() => rng() < 1 / adjustable.length);
  for (const i of chosen.length > 0 ? chosen : [pick(rng, adjustable)]) {
    const step = (rng() < 0.5 ? -1 : 1) * (rng() < 0.8 ? 1 : 2);
    const clamp = (v: number): number => Math.min(s.variables[i].max, Math.max(s.variables[i].min, v));
    // at a bound, the other way
    x[i] = clamp(x[i] + step) !== x[i] ? clamp(x[i] + step) : clamp(x[i] - step);
  }
  return { structure: d.structure, values: x };
}

/**
 * The designs one step from `d`: with a total, one person moved from one group to another;
 * without, one person more or less in one group (within the bounds).
 */
export function neighbours(d: Design, structures: readonly Structure[], total?: number): Design[] {
  const vars = structures[d.structure].variables;
  const out: Design[] = [];
  const withValues = (change: (x: number[]) => void): Design => {
    const x = [...d.values];
    change(x);
    return { structure: d.structure, values: x };
  };
  vars.forEach((vi, i) => {
    if (total === undefined) {
      if (d.values[i] > vi.min) out.push(withValues((x) => x[i]--));
      if (d.values[i] < vi.max) out.push(withValues((x) => x[i]++));
      return;
    }
    vars.forEach((vj, j) => {
      if (i !== j && d.values[i] > vi.min && d.values[j] < vj.max)
        out.push(
          withValues((x) => {
            x[i]--;
            x[j]++;
          }),
        );
    });
  });
  return out;
}

/** `items` in an order drawn from `rng` (Fisher-Yates). */
export function shuffled<T>(items: readonly T[], rng: Rng): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
