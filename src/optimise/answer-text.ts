/** What the search spent, and plain words where its front is not yet a finding: for the terminal and the report. */
import type { FrontRow } from './front-rows.js';
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
      `Whether ${unclear.join(', ')} keep up with demand is not yet clear from ${result.maxReplications} replications: read their days as provisional, or rerun with more (--reps) or a longer --horizon.`,
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
