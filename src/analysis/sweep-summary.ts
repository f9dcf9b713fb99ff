/** The points of a sweep with their summaries (each metric with its 95% CI over replications). */
import type { SweepResult } from '../experiment/sweep.js';
import type { ScenarioIssue } from '../scenario/index.js';
import { summariseScenario, type ScenarioSummary } from './experiment-summary.js';

export interface SweepPointSummary {
  /** path -> value at this point. */
  values: Record<string, unknown>;
  summary: ScenarioSummary;
  /** The warnings of the point's scenario check. */
  warnings: ScenarioIssue[];
}

/** Summarises every point of `sweep`, in grid order. */
export function summariseSweep(sweep: SweepResult): SweepPointSummary[] {
  return sweep.points.map((p) => ({
    values: p.values,
    summary: summariseScenario(sweep.experiment.scenarios[p.scenarioIndex], sweep.experiment.seed),
    warnings: p.warnings,
  }));
}
