/**
 * The points of a sweep with their summaries (each metric with its 95% CI over replications),
 * and each point's paired difference from a reference point: with common random numbers the
 * difference between two points is much better known than either point, and this shows it.
 */
import type { SweepResult } from '../experiment/sweep.js';
import type { ScenarioIssue } from '../scenario/index.js';
import { summariseScenario, type ScenarioSummary } from './experiment-summary.js';
import { type Comparison, COMPARED_METRICS, compareScenarios } from './paired-comparison.js';

/** The metrics each point is compared on with the reference point. */
const AGAINST_REFERENCE = COMPARED_METRICS.filter((m) =>
  ['timeToProduction.p50', 'timeToProduction.p85', 'throughputPerYear'].includes(m.metric),
);

export interface SweepPointSummary {
  /** path -> value at this point. */
  values: Record<string, unknown>;
  summary: ScenarioSummary;
  /** The warnings of the point's scenario check. */
  warnings: ScenarioIssue[];
  /** The point less the reference point, paired over replications (median, p85, go-lives a year); null at the reference itself. */
  againstReference: Comparison[] | null;
}

/**
 * Summarises every point of `sweep`, in grid order, each against point `reference` (an index
 * into sweep.points; default the first); with `reference` null, against none (againstReference
 * null everywhere: for a caller that only draws the points).
 */
export function summariseSweep(sweep: SweepResult, reference: number | null = 0): SweepPointSummary[] {
  const ref = reference === null ? undefined : sweep.points[reference];
  if (reference !== null && ref === undefined)
    throw new RangeError(`no point ${reference} in a sweep of ${sweep.points.length}`);
  const summaries = sweep.points.map((p) =>
    summariseScenario(sweep.experiment.scenarios[p.scenarioIndex], sweep.experiment.seed),
  );
  const verdicts = new Map(summaries.map((s) => [s.name, s.verdict]));
  return sweep.points.map((p, i) => ({
    values: p.values,
    summary: summaries[i],
    warnings: p.warnings,
    againstReference:
      ref === undefined || i === reference
        ? null
        : compareScenarios(sweep.experiment, p.scenarioIndex, ref.scenarioIndex, verdicts, AGAINST_REFERENCE),
  }));
}
