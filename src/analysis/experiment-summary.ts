/**
 * Summaries of an experiment: each metric's mean over replications with its 95% confidence
 * interval, per scenario, and by domain and use-case type. The shape is what the CLI prints
 * with --json.
 */
import type { ExperimentResult, ScenarioResult } from '../experiment/experiment.js';
import type { ReplicationResult } from '../experiment/replication-task.js';
import {
  SCALAR_METRICS,
  TIME_PARTS,
  type Percentiles,
  type ReplicationMetrics,
  type ScalarMetrics,
  type TimePart,
  type TimeToProduction,
} from '../metrics/replication-metrics.js';
import { boundedEstimateOf, estimateOf, type BoundedEstimate, type Estimate } from '../statistics/estimate.js';
import { stabilityOf, type SaturatedPool, type Verdict } from './stability.js';
import { quarterSummaries, type QuarterSummary } from './quarters.js';
import type { AppliedChange } from '../model/index.js';

export {
  boundedEstimateOf,
  estimateOf,
  isReached,
  isUnreached,
  valueOrBound,
  type BoundedEstimate,
  type Estimate,
  type Unreached,
} from '../statistics/estimate.js';

export type TimeToProductionSummary = Percentiles<BoundedEstimate>;

export interface ScenarioSummary extends ScalarMetrics<Estimate> {
  name: string;
  replications: number;
  seed: number;
  hash?: string;
  /** The unit of its money figures (the scenario's currency), or null when it names none. */
  currency: string | null;
  timeToProduction: TimeToProductionSummary;
  /** team/role -> mean utilization over replications. */
  utilization: Record<string, number>;
  timeSplit: Record<TimePart, Estimate>;
  waitingByRole: Record<string, Estimate>;
  byDomain: Record<string, TimeToProductionSummary>;
  byType: Record<string, TimeToProductionSummary>;
  /** Replications where Little's law did not hold in some loop (should be 0). */
  littleViolations: number;
  /** Whether it keeps up with its demand: true only when the verdict is 'keeps-up' (see stability.ts). */
  stable: boolean;
  /** keeps-up, does-not-keep-up, or cannot-tell (too few replications or too short a window). */
  verdict: Verdict;
  /** People at or above the saturation threshold, most used first. */
  saturated: SaturatedPool[];
  /** The stability verdict in a plain sentence. */
  stability: string;
  /**
   * For a scenario whose organisation changes during the run (a timeline): the changes, each
   * quarter's figures, and whether it keeps up with its demand in each period between changes.
   */
  timeline?: {
    changes: AppliedChange[];
    quarters: QuarterSummary[];
    periods: { from: number; to: number; verdict: Verdict; statement: string }[];
  };
}

function ttpSummary(values: readonly TimeToProduction[]): TimeToProductionSummary {
  const of = (k: keyof Percentiles<number>): BoundedEstimate =>
    boundedEstimateOf(
      values.map((v) => v[k]),
      values.map((v) => v.atLeast[k]),
    );
  return { mean: of('mean'), p50: of('p50'), p85: of('p85'), p95: of('p95') };
}

/** Metrics that are shares: their intervals are kept within 0 and 1 (a t interval over few replications can overshoot). */
const SHARES: ReadonlySet<keyof ScalarMetrics<number>> = new Set([
  'abandonmentRate',
  'unfinishedShare',
  'flowEfficiency',
]);

function scalarSummary(m: readonly ReplicationMetrics[]): ScalarMetrics<Estimate> {
  const summary = {} as ScalarMetrics<Estimate>;
  for (const k of SCALAR_METRICS) {
    const e = estimateOf(m.map((x) => x[k]));
    summary[k] =
      SHARES.has(k) && Number.isFinite(e.ci95[0])
        ? { estimate: e.estimate, ci95: [Math.max(0, e.ci95[0]), Math.min(1, e.ci95[1])] }
        : e;
  }
  return summary;
}

function keysOf(records: readonly Record<string, unknown>[]): string[] {
  return [...new Set(records.flatMap((r) => Object.keys(r)))].sort();
}

/** What a summary reads of a scenario's replications (a whole ScenarioResult will do). */
export interface ScenarioReplications extends Pick<ScenarioResult, 'name' | 'hash' | 'currency'> {
  replications: readonly Pick<ReplicationResult, 'metrics' | 'littles' | 'changes' | 'horizon'>[];
}

export function summariseScenario(result: ScenarioReplications, seed: number): ScenarioSummary {
  const m: ReplicationMetrics[] = result.replications.map((r) => r.metrics);
  const of = (f: (x: ReplicationMetrics) => number): Estimate => estimateOf(m.map(f));
  const none = { mean: NaN, p50: NaN, p85: NaN, p95: NaN };
  const missing: TimeToProduction = { ...none, atLeast: none, count: 0 };
  const scalars = scalarSummary(m);
  const utilization = Object.fromEntries(
    keysOf(m.map((x) => x.utilization)).map((k) => [k, estimateOf(m.map((x) => x.utilization[k])).estimate]),
  );
  const verdict = stabilityOf(result.name, scalars.wipGrowthPerQuarter, scalars.arrivalsPerQuarter, utilization);
  return {
    name: result.name,
    replications: m.length,
    seed,
    ...(result.hash ? { hash: result.hash } : {}),
    currency: result.currency ?? null,
    timeToProduction: ttpSummary(m.map((x) => x.timeToProduction)),
    ...scalars,
    utilization,
    timeSplit: Object.fromEntries(TIME_PARTS.map((p) => [p, of((x) => x.timeSplit[p])])) as Record<TimePart, Estimate>,
    waitingByRole: Object.fromEntries(
      keysOf(m.map((x) => x.waitingByRole)).map((k) => [k, of((x) => x.waitingByRole[k] ?? 0)]),
    ),
    byDomain: Object.fromEntries(
      keysOf(m.map((x) => x.byDomain)).map((k) => [k, ttpSummary(m.map((x) => x.byDomain[k] ?? missing))]),
    ),
    byType: Object.fromEntries(
      keysOf(m.map((x) => x.byType)).map((k) => [k, ttpSummary(m.map((x) => x.byType[k] ?? missing))]),
    ),
    littleViolations: result.replications.filter((r) => r.littles.some((l) => !l.holds)).length,
    stable: verdict.stable,
    verdict: verdict.verdict,
    saturated: verdict.saturated,
    stability: verdict.statement + settledClause(result, m),
    ...timelineOf(result, m),
  };
}

/**
 * For a scenario with a timeline: the verdict is about the organisation after its last change
 * has settled, and its figures of use by pool about its people after their last change.
 */
function settledClause(result: ScenarioReplications, m: readonly ReplicationMetrics[]): string {
  const changes = result.replications[0]?.changes ?? [];
  const last = changes[changes.length - 1];
  if (last === undefined || m.length === 0) return '';
  const horizon = result.replications[0].horizon;
  const from = Math.round(m[0].trendFrom);
  const trend =
    m[0].trendFrom >= horizon
      ? `The run ends before its last change, "${last.name}", has settled: there is no trend of work in progress to read after it.`
      : `Its trend of work in progress is read from day ${from} on, once its last change, "${last.name}", has settled.`;
  const use =
    m[0].utilizationFrom > (m[0].byQuarter[0]?.start ?? 0)
      ? ` How busy each pool is counts from day ${Math.round(m[0].utilizationFrom)}, its last change of people.`
      : '';
  return ` (${trend}${use})`;
}

/** The changes and quarters of a scenario with a timeline; nothing for one without. */
function timelineOf(result: ScenarioReplications, m: readonly ReplicationMetrics[]): Pick<ScenarioSummary, 'timeline'> {
  const changes = result.replications[0]?.changes ?? [];
  if (changes.length === 0) return {};
  const periods = (m[0]?.periodTrends ?? []).map(({ from, to }, k) => {
    const v = stabilityOf(
      `${result.name}, days ${Math.round(from)} to ${Math.round(to)},`,
      estimateOf(m.map((x) => x.periodTrends[k].growthPerQuarter)),
      estimateOf(m.map((x) => x.arrivalsPerQuarter)),
      {},
    );
    return { from, to, verdict: v.verdict, statement: v.statement };
  });
  return { timeline: { changes, quarters: quarterSummaries(m), periods } };
}

/** A summary per scenario of an experiment. */
export function summariseExperiment(experiment: ExperimentResult): ScenarioSummary[] {
  return experiment.scenarios.map((s) => summariseScenario(s, experiment.seed));
}
