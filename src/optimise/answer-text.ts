/** What the search spent, and plain words where its front is not yet a finding: for the terminal and the report. */
import type { DesignEvaluation } from './design-evaluation.js';
import { figureText } from './design-words.js';
import type { FrontRow } from './front-rows.js';
import { OBJECTIVE_INFO } from './objectives.js';
import type { OptimisationResult } from './optimise.js';

/** What the search spent and why it stopped. */
export function spentLine(result: OptimisationResult): string {
  const why = {
    evaluations: 'its budget of designs was spent',
    time: 'its time was up (with a time budget the answer depends on the machine)',
    exhausted: 'no new design was left to try',
  }[result.stoppedBy];
  const infeasible = result.evaluated.filter((e) => e.infeasible !== null).length;
  return `${result.method === 'nsga2' ? 'NSGA-II' : 'Random search'} simulated ${result.evaluations} designs with ${result.replications} replications in ${result.seconds.toFixed(1)} s, and stopped because ${why}; ${infeasible} of the ${result.evaluated.length} designs looked at could not stand on the front (invalid, over the total or budget, not keeping up, too busy).`;
}

/** Plain words where the front's figures are not yet findings. */
export function cautionLines(result: OptimisationResult, rows: readonly FrontRow[]): string[] {
  const lines: string[] = [];
  const unclear = rows.filter((r) => r.verdict === 'cannot-tell').map((r) => `#${r.number}`);
  if (unclear.length > 0)
    lines.push(
      `Whether ${unclear.join(', ')} ${unclear.length > 1 ? 'keep' : 'keeps'} up with demand is not yet clear from ${result.maxReplications} replications: read ${unclear.length > 1 ? 'their' : 'its'} days as provisional, or rerun with more (--reps) or a longer --horizon.`,
    );
  const dropped = result.notConfirmed.length;
  if (dropped > 0)
    lines.push(
      `${dropped} more design${dropped > 1 ? 's' : ''} the search put on its front ${dropped > 1 ? 'were' : 'was'} beaten by another on fresh replications, or did not hold up on them, and ${dropped > 1 ? 'are' : 'is'} left out: ${dropped > 1 ? 'their' : 'its'} place came from the luck of the search's replications.`,
    );
  if (rows.length === 0)
    lines.push(
      'No design met every constraint: no front. Loosen --total, --budget or --max-utilisation, or widen --vary.',
    );
  return lines;
}

/** Whether any design met every constraint and was simulated: what a chart of the search can show. */
export const hasFeasibleDesign = (result: OptimisationResult): boolean =>
  result.evaluated.some((e) => e.infeasible === null && e.replications.length > 0);

/** Per structure: designs simulated, how many met every constraint, and its best first objective among them. */
export function structureLines(result: OptimisationResult): string[] {
  if (result.structures.length < 2) return [];
  const [o] = result.objectives;
  return result.structures.map((s, i) => {
    const tried = result.evaluated.filter((e) => e.design.structure === i && e.replications.length > 0);
    const feasible = tried.filter((e) => e.infeasible === null);
    const best = feasible.reduce<DesignEvaluation | null>(
      (a, e) => (a === null || e.point[0] < a.point[0] ? e : a),
      null,
    );
    const bestText =
      best === null
        ? 'none met every constraint'
        : `its best ${OBJECTIVE_INFO[o].words} ${figureText(o, best.estimates[0].estimate ?? Number.NaN, s.spec.currency)} (on the search's replications)`;
    return `${s.name}: ${tried.length} designs simulated, ${feasible.length} met every constraint; ${bestText}.`;
  });
}
