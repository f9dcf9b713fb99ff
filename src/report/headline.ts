/**
 * The headline of a comparison, computed from the results: the configuration with the
 * shortest median time to production, by how much it beats the runner-up, and how sure we
 * are; with the caveats that go with it.
 */
import type { ExperimentResult } from '../experiment/experiment.js';
import type { ScenarioSummary } from '../analysis/experiment-summary.js';
import { compareScenarios, type Comparison } from '../analysis/paired-comparison.js';
import { summariseExperiment } from '../analysis/experiment-summary.js';

export interface Headline {
  text: string;
  /** The configuration with the shortest median, or null with a single scenario. */
  best: string | null;
  caveats: string[];
}

const pct = (x: number): string => `${Math.round(x * 100)}%`;

/**
 * What a comparison found, computed once for the terminal and the report: the summaries,
 * the configuration with the shortest median time to production, its paired comparisons
 * with each other configuration, and the headline.
 */
export interface Findings {
  summaries: readonly ScenarioSummary[];
  /** The configuration with the shortest median, or null with a single scenario. */
  best: string | null;
  /** The best configuration against each other one, metric by metric. */
  comparisons: Comparison[];
  headline: Headline;
}

export function findingsOf(experiment: ExperimentResult, summaries: readonly ScenarioSummary[] = summariseExperiment(experiment)): Findings {
  const ranked = [...summaries].sort((a, b) => a.timeToProduction.p50.estimate - b.timeToProduction.p50.estimate);
  const best = ranked[0];
  const comparisons = ranked.slice(1).flatMap((other) => compareScenarios(experiment, best.name, other.name));
  const days = Math.round(best.timeToProduction.p50.estimate);
  const caveats = [
    `Simulated: ${experiment.replications} replications of ${experiment.scenarios.length === 1 ? 'the scenario' : 'each configuration'}, with the same use cases in each (common random numbers); intervals are 95% confidence intervals over replications.`,
    'The numbers follow from the assumptions below (demand, efforts, handover delays, headcount), which are illustrative until replaced with your own.',
  ];
  if (ranked.length < 2) {
    return { summaries, best: best.name, comparisons, headline: { text: `${best.name}: median ${days} days to production.`, best: best.name, caveats } };
  }
  const runnerUp = ranked[1];
  const median = comparisons.find((c) => c.b === runnerUp.name && c.metric === 'timeToProduction.p50')!;
  const faster = 1 - median.ratio;
  const [low, high] = [1 - median.ratioCi95[1], 1 - median.ratioCi95[0]];
  const text =
    median.better === best.name
      ? `${best.name}: median ${days} days to production, ${pct(faster)} faster than ${runnerUp.name} (95% CI ${pct(low)} to ${pct(high)}).`
      : `${best.name} and ${runnerUp.name} are not clearly different: median ${days} and ${Math.round(runnerUp.timeToProduction.p50.estimate)} days to production (the 95% CI of the difference includes zero).`;
  if (ranked.some((s) => s.littleViolations > 0)) caveats.push("Little's law did not hold in some runs: treat these results with suspicion and report it.");
  return { summaries, best: best.name, comparisons, headline: { text, best: best.name, caveats } };
}

/** The headline alone (see {@link findingsOf}). */
export function headlineOf(experiment: ExperimentResult, summaries: readonly ScenarioSummary[]): Headline {
  return findingsOf(experiment, summaries).headline;
}
