/**
 * Summaries of an experiment: each metric's mean over replications with its 95% confidence
 * interval, per scenario, and by domain and use-case type. The shape is what the CLI prints
 * with --json.
 */
import type { ExperimentResult, ScenarioResult } from '../experiment/experiment.js';
import { confidenceInterval } from './batch-means.js';
import { SCALAR_METRICS, TIME_PARTS, type Percentiles, type ReplicationMetrics, type ScalarMetrics, type TimePart, type TimeToProduction } from './replication-metrics.js';

/** A mean over replications with its 95% confidence interval ([NaN, NaN] with one replication). */
export interface Estimate {
  estimate: number;
  ci95: [number, number];
}

export type TimeToProductionSummary = Percentiles<Estimate>;

export interface ScenarioSummary extends ScalarMetrics<Estimate> {
  name: string;
  replications: number;
  seed: number;
  hash?: string;
  timeToProduction: TimeToProductionSummary;
  /** team/role -> mean utilisation over replications. */
  utilization: Record<string, number>;
  timeSplit: Record<TimePart, Estimate>;
  waitingByRole: Record<string, Estimate>;
  byDomain: Record<string, TimeToProductionSummary>;
  byType: Record<string, TimeToProductionSummary>;
  /** Replications where Little's law did not hold in some loop (should be 0). */
  littleViolations: number;
}

/** Mean and 95% CI of the finite values. */
export function estimateOf(values: readonly number[]): Estimate {
  const xs = values.filter(Number.isFinite);
  if (xs.length === 0) return { estimate: NaN, ci95: [NaN, NaN] };
  if (xs.length === 1) return { estimate: xs[0], ci95: [NaN, NaN] };
  const ci = confidenceInterval(xs);
  return { estimate: ci.mean, ci95: [ci.mean - ci.halfWidth, ci.mean + ci.halfWidth] };
}

function ttpSummary(values: readonly TimeToProduction[]): TimeToProductionSummary {
  return {
    mean: estimateOf(values.map((v) => v.mean)),
    p50: estimateOf(values.map((v) => v.p50)),
    p85: estimateOf(values.map((v) => v.p85)),
    p95: estimateOf(values.map((v) => v.p95)),
  };
}

function scalarSummary(m: readonly ReplicationMetrics[]): ScalarMetrics<Estimate> {
  const summary = {} as ScalarMetrics<Estimate>;
  for (const k of SCALAR_METRICS) summary[k] = estimateOf(m.map((x) => x[k]));
  return summary;
}

function keysOf(records: readonly Record<string, unknown>[]): string[] {
  return [...new Set(records.flatMap((r) => Object.keys(r)))].sort();
}

export function summariseScenario(result: ScenarioResult, seed: number): ScenarioSummary {
  const m: ReplicationMetrics[] = result.replications.map((r) => r.metrics);
  const of = (f: (x: ReplicationMetrics) => number): Estimate => estimateOf(m.map(f));
  const missing: TimeToProduction = { mean: NaN, p50: NaN, p85: NaN, p95: NaN, count: 0 };
  return {
    name: result.name,
    replications: m.length,
    seed,
    ...(result.hash ? { hash: result.hash } : {}),
    timeToProduction: ttpSummary(m.map((x) => x.timeToProduction)),
    ...scalarSummary(m),
    utilization: Object.fromEntries(keysOf(m.map((x) => x.utilization)).map((k) => [k, estimateOf(m.map((x) => x.utilization[k])).estimate])),
    timeSplit: Object.fromEntries(TIME_PARTS.map((p) => [p, of((x) => x.timeSplit[p])])) as Record<TimePart, Estimate>,
    waitingByRole: Object.fromEntries(keysOf(m.map((x) => x.waitingByRole)).map((k) => [k, of((x) => x.waitingByRole[k] ?? 0)])),
    byDomain: Object.fromEntries(keysOf(m.map((x) => x.byDomain)).map((k) => [k, ttpSummary(m.map((x) => x.byDomain[k] ?? missing))])),
    byType: Object.fromEntries(keysOf(m.map((x) => x.byType)).map((k) => [k, ttpSummary(m.map((x) => x.byType[k] ?? missing))])),
    littleViolations: result.replications.filter((r) => r.littles.some((l) => !l.holds)).length,
  };
}

/** A summary per scenario of an experiment. */
export function summariseExperiment(experiment: ExperimentResult): ScenarioSummary[] {
  return experiment.scenarios.map((s) => summariseScenario(s, experiment.seed));
}
