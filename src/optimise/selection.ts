/**
 * NSGA-II's selection with constraints (Deb et al., 2002): feasible designs rank by
 * non-dominated sorting of their estimates; every infeasible design ranks below them, the
 * less infeasible first. Within a rank, a design in a sparser part of the front (a larger
 * crowding distance) is preferred, so the front stays spread from cheap to fast.
 */
import type { Rng } from '../random/index.js';
import type { DesignEvaluation } from './design-evaluation.js';
import { crowdingDistances, nonDominatedSort } from './pareto.js';

export interface Ranked {
  evaluation: DesignEvaluation;
  /** 0 for the first front. */
  rank: number;
  crowding: number;
}

/** Ranks and crowding distances of `evaluations`, best first. */
export function ranked(evaluations: readonly DesignEvaluation[]): Ranked[] {
  const feasible = evaluations.filter((e) => e.infeasible === null);
  const infeasible = evaluations
    .filter((e) => e.infeasible !== null)
    .sort((a, b) => a.violation - b.violation || (a.key < b.key ? -1 : 1));
  const out: Ranked[] = [];
  const fronts = nonDominatedSort(feasible.map((e) => e.point));
  fronts.forEach((front, rank) => {
    const crowding = crowdingDistances(front.map((i) => feasible[i].point));
    const members = front.map((i, k) => ({ evaluation: feasible[i], rank, crowding: crowding[k] }));
    members.sort((a, b) => b.crowding - a.crowding || (a.evaluation.key < b.evaluation.key ? -1 : 1));
    out.push(...members);
  });
  infeasible.forEach((evaluation, k) => {
    out.push({ evaluation, rank: fronts.length + k, crowding: 0 });
  });
  return out;
}

/** Whether `a` wins a tournament against `b`: a lower rank, or the same rank and more room around it. */
const beats = (a: Ranked, b: Ranked): boolean => a.rank < b.rank || (a.rank === b.rank && a.crowding > b.crowding);

/** A parent by binary tournament. */
export function tournament(population: readonly Ranked[], rng: Rng): DesignEvaluation {
  const a = population[Math.floor(rng() * population.length)];
  const b = population[Math.floor(rng() * population.length)];
  return (beats(b, a) ? b : a).evaluation;
}

/**
 * The best `size` of `evaluations` (each design once), ranked; each structure with a feasible
 * design keeps its best one among them (in place of the last chosen), so that "which
 * structure" stays a live question while one structure leads.
 */
export function survivors(evaluations: readonly DesignEvaluation[], size: number): Ranked[] {
  const unique = [...new Map(evaluations.map((e) => [e.key, e])).values()];
  const all = ranked(unique);
  const chosen = all.slice(0, size);
  const structures = new Set(
    all.filter((r) => r.evaluation.infeasible === null).map((r) => r.evaluation.design.structure),
  );
  for (const s of structures) {
    if (chosen.some((r) => r.evaluation.design.structure === s)) continue;
    const best = all.find((r) => r.evaluation.design.structure === s);
    // replace the last chosen design of a structure that has more than one
    const count = (r: Ranked): number =>
      chosen.filter((c) => c.evaluation.design.structure === r.evaluation.design.structure).length;
    let last = chosen.length - 1;
    while (last >= 0 && count(chosen[last]) < 2) last--;
    if (best !== undefined && last >= 0) chosen[last] = best;
  }
  return chosen;
}
