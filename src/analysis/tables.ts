/**
 * Experiment results as arquero tables, ready to slice (filter, groupby, pivot) in a
 * notebook and to export. Column names are snake_case.
 */
import { table, type ColumnTable } from 'arquero';
import type { ExperimentResult } from '../experiment/experiment.js';
import type { ReplicationResult } from '../experiment/replication-task.js';
import type { ItemRecord } from '../model/index.js';
import type { Comparison } from './paired-comparison.js';
import {
  isUnreached,
  type BoundedEstimate,
  type ScenarioSummary,
  type TimeToProductionSummary,
} from './experiment-summary.js';
import { TIME_PARTS } from '../metrics/replication-metrics.js';
import { meanFlowSeries, quarterlyThroughput } from './over-time.js';

type Columns = Record<string, unknown[]>;

function columnsOf(rows: Record<string, unknown>[]): Columns {
  const cols: Columns = {};
  const names = rows.length ? Object.keys(rows[0]) : [];
  for (const n of names) cols[n] = rows.map((r) => r[n]);
  return cols;
}

const tableOf = (rows: Record<string, unknown>[]): ColumnTable => table(columnsOf(rows));

/**
 * The use cases a replication kept (runExperiment with keepItems); a RangeError naming `what`
 * needs them when it did not keep them.
 */
export function keptItems(replication: ReplicationResult, what: string): ItemRecord[] {
  if (replication.items === undefined)
    throw new RangeError(`${what} needs every use case's record: run the experiment with keepItems: true`);
  return replication.items;
}

/** Whether every replication of `experiment` kept its use cases (runExperiment with keepItems). */
export const keptAllItems = (experiment: ExperimentResult): boolean =>
  experiment.scenarios.every((s) => s.replications.every((r) => r.items !== undefined));

/** Every use case of every replication (measured window): one row each; needs keepItems. */
export function itemsTable(experiment: ExperimentResult): ColumnTable {
  const rows: Record<string, unknown>[] = [];
  for (const s of experiment.scenarios) {
    for (const r of s.replications) {
      for (const i of keptItems(r, 'itemsTable')) {
        rows.push({
          scenario: s.name,
          replication: r.replication,
          item: i.id,
          domain: i.domain,
          type: i.type,
          outcome: i.outcome,
          arrival: i.arrival,
          end: i.end,
          time_to_production: i.timeToProduction,
          work: i.work,
          rework: i.rework,
          waiting: i.waiting,
          handover: i.handover,
          clarification: i.clarification,
          gate: i.gate,
          planning: i.planning,
          handovers: i.handovers,
          cross_boundary_handovers: i.crossBoundaryHandovers,
          iterations: i.iterations,
          rework_passes: i.reworkPasses,
          gate_rejections: i.gateRejections,
        });
      }
    }
  }
  return tableOf(rows);
}

/** One row per scenario and replication, with its metrics. */
export function replicationsTable(experiment: ExperimentResult): ColumnTable {
  const rows: Record<string, unknown>[] = [];
  for (const s of experiment.scenarios) {
    for (const r of s.replications) {
      const m = r.metrics;
      rows.push({
        scenario: s.name,
        replication: r.replication,
        seed: r.seed,
        ttp_mean: m.timeToProduction.mean,
        ttp_p50: m.timeToProduction.p50,
        ttp_p85: m.timeToProduction.p85,
        ttp_p95: m.timeToProduction.p95,
        ttp_p85_at_least: m.timeToProduction.atLeast.p85,
        ttp_p95_at_least: m.timeToProduction.atLeast.p95,
        go_lives: m.timeToProduction.count,
        throughput_per_year: m.throughputPerYear,
        abandonment_rate: m.abandonmentRate,
        unfinished_share: m.unfinishedShare,
        wip_growth_per_quarter: m.wipGrowthPerQuarter,
        handovers_per_item: m.handoversPerItem,
        cross_boundary_handovers_per_item: m.crossBoundaryHandoversPerItem,
        iterations_per_item: m.iterationsPerItem,
        rework_passes_per_item: m.reworkPassesPerItem,
        flow_efficiency: m.flowEfficiency,
        cost_per_go_live: m.costPerGoLive,
        ...Object.fromEntries(TIME_PARTS.map((p) => [`${p}_days`, m.timeSplit[p]])),
        little_holds: r.littles.every((l) => l.holds),
      });
    }
  }
  return tableOf(rows);
}

/** estimate, ci_low, ci_high and at_least: a lower bound where the run did not reach the statistic (then estimate is null). */
function estimateColumns(e: BoundedEstimate): Record<string, unknown> {
  return isUnreached(e)
    ? { estimate: null, ci_low: null, ci_high: null, at_least: e.atLeast }
    : { estimate: e.estimate, ci_low: e.ci95[0], ci_high: e.ci95[1], at_least: e.estimate };
}

function estimateRow(scenario: string, metric: string, e: BoundedEstimate): Record<string, unknown> {
  return { scenario, metric, ...estimateColumns(e) };
}

/** Long format: scenario, metric, estimate, ci_low, ci_high, at_least. */
export function summaryTable(summaries: readonly ScenarioSummary[]): ColumnTable {
  const rows: Record<string, unknown>[] = [];
  for (const s of summaries) {
    for (const stat of ['mean', 'p50', 'p85', 'p95'] as const)
      rows.push(estimateRow(s.name, `time_to_production_${stat}`, s.timeToProduction[stat]));
    rows.push(estimateRow(s.name, 'throughput_per_year', s.throughputPerYear));
    rows.push(estimateRow(s.name, 'abandonment_rate', s.abandonmentRate));
    rows.push(estimateRow(s.name, 'unfinished_share', s.unfinishedShare));
    rows.push(estimateRow(s.name, 'wip_growth_per_quarter', s.wipGrowthPerQuarter));
    rows.push(estimateRow(s.name, 'handovers_per_item', s.handoversPerItem));
    rows.push(estimateRow(s.name, 'cross_boundary_handovers_per_item', s.crossBoundaryHandoversPerItem));
    rows.push(estimateRow(s.name, 'iterations_per_item', s.iterationsPerItem));
    rows.push(estimateRow(s.name, 'rework_passes_per_item', s.reworkPassesPerItem));
    rows.push(estimateRow(s.name, 'flow_efficiency', s.flowEfficiency));
    rows.push(estimateRow(s.name, 'cost_per_go_live', s.costPerGoLive));
  }
  return tableOf(rows);
}

/**
 * Money a year, long format like the summary: scenario, currency (empty where none is named),
 * metric (people_cost_per_year, cost_per_go_live, value_per_year, cost_of_delay_per_year,
 * cost_of_delay_per_use_case, net_value_per_year), estimate, ci_low, ci_high; a figure not
 * given (no value, no cost) is null.
 */
export function valueTable(summaries: readonly ScenarioSummary[]): ColumnTable {
  const metrics = [
    ['people_cost_per_year', (s: ScenarioSummary) => s.peopleCostPerYear],
    ['cost_per_go_live', (s: ScenarioSummary) => s.costPerGoLive],
    ['value_per_year', (s: ScenarioSummary) => s.valuePerYear],
    ['cost_of_delay_per_year', (s: ScenarioSummary) => s.costOfDelayPerYear],
    ['cost_of_delay_per_use_case', (s: ScenarioSummary) => s.costOfDelayPerUseCase],
    ['net_value_per_year', (s: ScenarioSummary) => s.netValuePerYear],
  ] as const;
  const known = (x: number): number | null => (Number.isFinite(x) ? x : null);
  return tableOf(
    summaries.flatMap((s) =>
      metrics.map(([metric, of]) => {
        const e = of(s);
        return {
          scenario: s.name,
          currency: s.currency ?? '',
          metric,
          estimate: known(e.estimate),
          ci_low: known(e.ci95[0]),
          ci_high: known(e.ci95[1]),
        };
      }),
    ),
  );
}

/** Time to production by domain or by use-case type: scenario, group, statistic, estimate, CI. */
export function groupTable(summaries: readonly ScenarioSummary[], by: 'domain' | 'type'): ColumnTable {
  const rows: Record<string, unknown>[] = [];
  for (const s of summaries) {
    const groups: Record<string, TimeToProductionSummary> = by === 'domain' ? s.byDomain : s.byType;
    for (const [group, g] of Object.entries(groups)) {
      for (const stat of ['mean', 'p50', 'p85', 'p95'] as const)
        rows.push({ scenario: s.name, [by]: group, statistic: stat, ...estimateColumns(g[stat]) });
    }
  }
  return tableOf(rows);
}

/**
 * The name under which utilization is published beside the report and by `orgflow run`: the
 * table file (tables/utilisation.csv, .json, .arrow), its column, the chart file and the chart's
 * field. Users' scripts read these names, so they keep their spelling; the summary JSON, and
 * every identifier in the code, say utilization.
 */
export const UTILIZATION_OUTPUT_NAME = 'utilisation';

/** Utilization per scenario, team and role. */
export function utilizationTable(summaries: readonly ScenarioSummary[]): ColumnTable {
  return tableOf(
    summaries.flatMap((s) =>
      Object.entries(s.utilization).map(([key, u]) => {
        const [team, role] = key.split('/');
        return { scenario: s.name, team, role, [UTILIZATION_OUTPUT_NAME]: u };
      }),
    ),
  );
}

/** Where the time goes: mean days per live use case by part (and waiting by role). */
export function timeSplitTable(summaries: readonly ScenarioSummary[]): ColumnTable {
  const rows: Record<string, unknown>[] = [];
  for (const s of summaries) {
    for (const p of TIME_PARTS)
      rows.push({
        scenario: s.name,
        part: p,
        role: '',
        days: s.timeSplit[p].estimate,
        ci_low: s.timeSplit[p].ci95[0],
        ci_high: s.timeSplit[p].ci95[1],
      });
    for (const [role, e] of Object.entries(s.waitingByRole))
      rows.push({
        scenario: s.name,
        part: 'waiting_for_role',
        role,
        days: e.estimate,
        ci_low: e.ci95[0],
        ci_high: e.ci95[1],
      });
  }
  return tableOf(rows);
}

/** Work in progress and cumulative counts over time, averaged over replications (see meanFlowSeries). */
export function flowTable(experiment: ExperimentResult): ColumnTable {
  const rows: Record<string, unknown>[] = [];
  for (const flow of meanFlowSeries(experiment)) {
    flow.time.forEach((day, k) => {
      const row: Record<string, unknown> = {
        scenario: flow.scenario,
        day,
        arrived: flow.arrived[k],
        live: flow.live[k],
        abandoned: flow.abandoned[k],
      };
      for (const [loop, series] of Object.entries(flow.inLoop)) row[`in_${loop}`] = series[k];
      row.models_in_production = flow.inProduction[k];
      rows.push(row);
    });
  }
  return tableOf(rows);
}

/** Go-lives per quarter of the measured window, mean over replications (see quarterlyThroughput). */
export function throughputTable(experiment: ExperimentResult): ColumnTable {
  return tableOf(
    quarterlyThroughput(experiment).flatMap(({ scenario, goLives }) =>
      goLives.map((mean, q) => ({ scenario, quarter: q + 1, go_lives: mean })),
    ),
  );
}

/** Paired comparisons: a, b, metric, difference and ratio with their CIs, and the verdict. */
export function comparisonTable(comparisons: readonly Comparison[]): ColumnTable {
  return tableOf(
    comparisons.map((c) => ({
      a: c.a,
      b: c.b,
      metric: c.metric,
      difference: c.difference,
      ci_low: c.ci95[0],
      ci_high: c.ci95[1],
      ratio: c.ratio,
      ratio_ci_low: c.ratioCi95[0],
      ratio_ci_high: c.ratioCi95[1],
      better: c.better ?? '',
      statement: c.statement,
    })),
  );
}
