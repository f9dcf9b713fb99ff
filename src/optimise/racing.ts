/**
 * Where replications go. Every design starts with a few; a design then gets more only while
 * it may still be on the front: no design of the current front beats it with confidence. A
 * design clearly beaten stays at its first few. "Beats with confidence" compares the two
 * designs replication by replication (common random numbers: replication r of every design
 * sees the same use cases), with a 95% interval of the paired differences per objective.
 */
import { confidenceInterval } from '../statistics/batch-means.js';
import { DOES_NOT_KEEP_UP, type DesignEvaluation } from './design-evaluation.js';
import { OBJECTIVE_INFO, designFigure, type ObjectiveName } from './objectives.js';
import { dominates, nonDominated } from './pareto.js';

/** The 95% interval's lower end of mean(b - a) over paired values, or NaN when it has none. */
function pairedLower(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  const d = Array.from({ length: n }, (_, r) => b[r] - a[r]);
  if (n < 2 || !d.every(Number.isFinite)) return NaN;
  const ci = confidenceInterval(d);
  return ci.mean - ci.halfWidth;
}

/** An objective's per-replication figures as minimised. */
const minimised = (e: DesignEvaluation, o: ObjectiveName): number[] =>
  e.replications.map((r) => OBJECTIVE_INFO[o].sense * designFigure(o, r.metrics, e.cost).value);

/**
 * Whether `a` beats `b` with confidence: in every objective the paired interval of b - a lies
 * at or above 0 (a no worse), and in one strictly above (a better).
 */
export function clearlyDominates(
  a: DesignEvaluation,
  b: DesignEvaluation,
  objectives: readonly ObjectiveName[],
): boolean {
  let better = false;
  for (const o of objectives) {
    const lower = pairedLower(minimised(a, o), minimised(b, o));
    if (!(lower >= 0)) return false;
    if (lower > 0) better = true;
  }
  return better;
}

/** The feasible evaluations no other feasible one dominates, by their estimates. */
export function currentFront(evaluations: readonly DesignEvaluation[]): DesignEvaluation[] {
  const feasible = evaluations.filter((e) => e.infeasible === null && e.replications.length > 0);
  return nonDominated(feasible.map((e) => e.point)).map((i) => feasible[i]);
}

/**
 * The designs with fewer than `most` replications that may still be on the front: feasible
 * ones on it or that no design of it clearly beats, and ones found not to keep up whose
 * figures no front design beats (their verdict may be noise). Each test is at 95% with no correction
 * for their number: it decides where replications go, not what the answer claims (the front's
 * figures come with their own intervals).
 */
export function worthMore(
  evaluations: readonly DesignEvaluation[],
  objectives: readonly ObjectiveName[],
  most: number,
): DesignEvaluation[] {
  const front = currentFront(evaluations);
  // a design on the front always gets more; one off it, while no front design clearly beats it
  const open = (e: DesignEvaluation): boolean =>
    e.infeasible === null && (front.includes(e) || !front.some((f) => clearlyDominates(f, e, objectives)));
  // a design called unstable on few replications, whose figures would put it on the front: the call is checked again
  const unsettled = (e: DesignEvaluation): boolean =>
    e.infeasible === DOES_NOT_KEEP_UP && !front.some((f) => dominates(f.point, e.point));
  return evaluations.filter(
    (e) => e.replications.length > 0 && e.replications.length < most && (open(e) || unsettled(e)),
  );
}
