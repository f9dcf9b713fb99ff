/**
 * What a comparison found, computed from the results: the configuration with the shortest
 * median time to production, by how much it beats the runner-up, and how sure we are; with
 * the caveats that go with it. Plain text, for the terminal, the report and notebooks alike.
 */
import type { ExperimentResult } from '../experiment/experiment.js';
import { estimateText } from './estimate-text.js';
import { isReached, summariseExperiment, valueOrBound, type ScenarioSummary } from './experiment-summary.js';
import { compareScenarios, type Comparison } from './paired-comparison.js';

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
  /** The configuration with the next shortest median, or null with a single scenario. */
  runnerUp: string | null;
  /** The best configuration against each other one, metric by metric. */
  comparisons: Comparison[];
  headline: Headline;
}

/** Shortest median first; a median not reached within the run ranks after every reached one, by its bound. */
function byMedian(a: ScenarioSummary, b: ScenarioSummary): number {
  const [x, y] = [a.timeToProduction.p50, b.timeToProduction.p50];
  if (isReached(x) !== isReached(y)) return isReached(x) ? -1 : 1;
  return valueOrBound(x) - valueOrBound(y);
}

/** `median 138 days` or `median over 915 days`, the run having ended before half were live. */
function medianText(s: ScenarioSummary): string {
  const e = s.timeToProduction.p50;
  return isReached(e) ? `median ${estimateText(e).value} days` : `median over ${estimateText(e).value.slice(2)} days`;
}

/** What a median not reached means, said once after the sentence that gives it. */
function unreachedNote(...summaries: ScenarioSummary[]): string {
  const names = summaries.filter((s) => !isReached(s.timeToProduction.p50)).map((s) => s.name);
  return names.length === 0
    ? ''
    : ` (${names.join(' and ')}: in at least one replication the run ended before half of the use cases that go live were live.)`;
}

export function findingsOf(
  experiment: ExperimentResult,
  summaries: readonly ScenarioSummary[] = summariseExperiment(experiment),
): Findings {
  const ranked = [...summaries].sort(byMedian);
  const best = ranked[0];
  const verdicts = new Map(summaries.map((s) => [s.name, s.verdict]));
  const against = new Map(
    ranked.slice(1).map((other) => [other.name, compareScenarios(experiment, best.name, other.name, verdicts)]),
  );
  const comparisons = [...against.values()].flat();
  const unstable = ranked.filter((s) => !s.stable);
  const caveats = [
    ...unstable.map((s) => s.stability),
    experiment.replications === 1
      ? `Simulated: one replication of ${experiment.scenarios.length === 1 ? 'the scenario' : 'each configuration'}, with the same use cases in each (common random numbers); there is no interval from one replication, so no figure here is a finding yet.`
      : `Simulated: ${experiment.replications} replications of ${experiment.scenarios.length === 1 ? 'the scenario' : 'each configuration'}, with the same use cases in each (common random numbers); intervals are 95% confidence intervals over replications.`,
    `Use cases still open when the run ends count as unfinished, not as left out: each took at least its age (${ranked.map((s) => `${s.name} ${estimateText(s.unfinishedShare, 0, 100, '%').value}`).join(', ')} of use cases were still open at the end).`,
    'The numbers follow from the assumptions below (demand, efforts, handover delays, headcount), which are illustrative until replaced with your own.',
  ];
  const warning = (s: ScenarioSummary): string =>
    s.verdict === 'keeps-up'
      ? ''
      : s.verdict === 'does-not-keep-up'
        ? ` ${s.name} does not keep up with its demand, so this figure grows with the length of the run.`
        : ` It is not yet clear whether ${s.name} keeps up with its demand (run more replications).`;
  if (ranked.length < 2) {
    return {
      summaries,
      best: best.name,
      runnerUp: null,
      comparisons,
      headline: {
        text: `${best.name}: ${medianText(best)} to production.${unreachedNote(best)}${warning(best)}`,
        best: best.name,
        caveats,
      },
    };
  }
  const runnerUp = ranked[1];
  const median = against.get(runnerUp.name)?.find((c) => c.metric === 'timeToProduction.p50');
  if (median === undefined)
    throw new Error(`no paired comparison of median time to production between ${best.name} and ${runnerUp.name}`);
  const faster = 1 - median.ratio;
  const [low, high] = [1 - median.ratioCi95[1], 1 - median.ratioCi95[0]];
  const warnings = `${warning(best)}${warning(runnerUp)}`;
  let text: string;
  if (median.better === best.name) {
    text = `${best.name}: ${medianText(best)} to production, ${pct(faster)} faster than ${runnerUp.name} (95% CI ${pct(low)} to ${pct(high)}).${warnings}`;
  } else if (!Number.isFinite(median.difference) && isReached(best.timeToProduction.p50)) {
    // the runner-up's median is beyond the run in some replication: no paired difference to give
    text = `${best.name}: ${medianText(best)} to production; the median of ${runnerUp.name} is beyond the run in some replications (at least ${Math.round(valueOrBound(runnerUp.timeToProduction.p50))} days on average), so no paired difference can be given.${warnings}`;
  } else if (experiment.replications < 2 && Number.isFinite(median.difference)) {
    text = `${best.name}: ${medianText(best)} to production against ${medianText(runnerUp).replace(/^median /, '')} for ${runnerUp.name}, over one replication: no interval from one replication, so no finding yet (run more, --reps).${warnings}`;
  } else {
    text = `${best.name} and ${runnerUp.name} are not clearly different: ${medianText(best)} against ${medianText(runnerUp).replace(/^median /, '')} to production (${Number.isFinite(median.difference) ? 'the 95% CI of the difference includes zero' : 'no paired difference: a median is not reached within the run'}).${unreachedNote(best, runnerUp)}${warnings}`;
  }
  if (ranked.some((s) => s.littleViolations > 0))
    caveats.push("Little's law did not hold in some runs: treat these results with suspicion and report it.");
  return {
    summaries,
    best: best.name,
    runnerUp: runnerUp.name,
    comparisons,
    headline: { text, best: best.name, caveats },
  };
}

/** The headline alone (see {@link findingsOf}). */
export function headlineOf(experiment: ExperimentResult, summaries: readonly ScenarioSummary[]): Headline {
  return findingsOf(experiment, summaries).headline;
}
