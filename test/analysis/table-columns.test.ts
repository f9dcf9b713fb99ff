/**
 * The tables users slice and export, from hand-made results: their snake_case column names, in
 * order, and the value each cell holds. Users' scripts read these names.
 */
import { describe, expect, it } from 'vitest';
import { summariseScenario, type ScenarioSummary } from '../../src/analysis/experiment-summary.js';
import type { Comparison } from '../../src/analysis/paired-comparison.js';
import {
  comparisonTable,
  flowTable,
  groupTable,
  itemsTable,
  replicationsTable,
  summaryTable,
  timeSplitTable,
  utilizationTable,
  valueTable,
} from '../../src/analysis/tables.js';
import { experimentOf, item, metrics, replication, scenario, ttp } from './synthetic.js';

const e = (estimate: number, low: number, high: number) => ({ estimate, ci95: [low, high] as [number, number] });
const unreached = (atLeast: number) => ({ estimate: null, atLeast, ci95: null });

/** A summary whose every estimate is distinct: metric k of the list below is k with interval k - 0.5 to k + 0.5. */
const SUMMARY_METRICS = [
  ['throughput_per_year', 'throughputPerYear'],
  ['abandonment_rate', 'abandonmentRate'],
  ['unfinished_share', 'unfinishedShare'],
  ['wip_growth_per_quarter', 'wipGrowthPerQuarter'],
  ['handovers_per_item', 'handoversPerItem'],
  ['cross_boundary_handovers_per_item', 'crossBoundaryHandoversPerItem'],
  ['iterations_per_item', 'iterationsPerItem'],
  ['rework_passes_per_item', 'reworkPassesPerItem'],
  ['flow_efficiency', 'flowEfficiency'],
  ['cost_per_go_live', 'costPerGoLive'],
] as const;

function summary(name: string): ScenarioSummary {
  const base = summariseScenario(scenario(name, [metrics()]), 1);
  const scalars = Object.fromEntries(SUMMARY_METRICS.map(([, key], k) => [key, e(k + 1, k + 0.5, k + 1.5)]));
  return {
    ...base,
    ...scalars,
    timeToProduction: { mean: e(100, 90, 110), p50: e(50, 45, 55), p85: e(150, 140, 160), p95: unreached(400) },
  };
}

describe('the summary table', () => {
  it('has one row per scenario and metric, long format, with estimate, interval and lower bound', () => {
    const rows = summaryTable([summary('A'), summary('B')]).objects();
    expect(rows).toHaveLength(2 * 14);
    expect(rows.slice(0, 14)).toEqual([
      { scenario: 'A', metric: 'time_to_production_mean', estimate: 100, ci_low: 90, ci_high: 110, at_least: 100 },
      { scenario: 'A', metric: 'time_to_production_p50', estimate: 50, ci_low: 45, ci_high: 55, at_least: 50 },
      { scenario: 'A', metric: 'time_to_production_p85', estimate: 150, ci_low: 140, ci_high: 160, at_least: 150 },
      { scenario: 'A', metric: 'time_to_production_p95', estimate: null, ci_low: null, ci_high: null, at_least: 400 },
      ...SUMMARY_METRICS.map(([metric], k) => ({
        scenario: 'A',
        metric,
        estimate: k + 1,
        ci_low: k + 0.5,
        ci_high: k + 1.5,
        at_least: k + 1,
      })),
    ]);
    expect(rows[14]).toMatchObject({ scenario: 'B', metric: 'time_to_production_mean' });
  });

  it('is empty, with no columns, for no scenario', () => {
    expect(summaryTable([]).numRows()).toBe(0);
    expect(summaryTable([]).columnNames()).toEqual([]);
  });
});

describe('the group tables', () => {
  const s: ScenarioSummary = {
    ...summary('A'),
    byDomain: { hr: { mean: e(10, 9, 11), p50: e(8, 7, 9), p85: unreached(30), p95: unreached(40) } },
    byType: {
      genai: { mean: e(1, 0, 2), p50: e(1, 0, 2), p85: e(1, 0, 2), p95: e(1, 0, 2) },
      ml: { mean: e(2, 1, 3), p50: e(2, 1, 3), p85: e(2, 1, 3), p95: e(2, 1, 3) },
    },
  };

  it('give each statistic of each domain', () => {
    expect(groupTable([s], 'domain').objects()).toEqual([
      { scenario: 'A', domain: 'hr', statistic: 'mean', estimate: 10, ci_low: 9, ci_high: 11, at_least: 10 },
      { scenario: 'A', domain: 'hr', statistic: 'p50', estimate: 8, ci_low: 7, ci_high: 9, at_least: 8 },
      { scenario: 'A', domain: 'hr', statistic: 'p85', estimate: null, ci_low: null, ci_high: null, at_least: 30 },
      { scenario: 'A', domain: 'hr', statistic: 'p95', estimate: null, ci_low: null, ci_high: null, at_least: 40 },
    ]);
  });

  it('give each statistic of each use-case type', () => {
    const rows = groupTable([s], 'type').objects();
    expect(rows).toHaveLength(8);
    expect(rows[4]).toEqual({
      scenario: 'A',
      type: 'ml',
      statistic: 'mean',
      estimate: 2,
      ci_low: 1,
      ci_high: 3,
      at_least: 2,
    });
  });
});

describe('the utilization and time-split tables', () => {
  it('give utilization per scenario, team and role, under its published name', () => {
    const s = { ...summary('A'), utilization: { 'hub/ml': 0.8, 'hr-sme/sme': 0.3 } };
    expect(utilizationTable([s]).objects()).toEqual([
      { scenario: 'A', team: 'hub', role: 'ml', utilisation: 0.8 },
      { scenario: 'A', team: 'hr-sme', role: 'sme', utilisation: 0.3 },
    ]);
  });

  it('give the days of each part with their interval, then the waiting for each role', () => {
    const parts = ['work', 'rework', 'waiting', 'handover', 'clarification', 'gate', 'planning'] as const;
    const s = {
      ...summary('A'),
      timeSplit: Object.fromEntries(parts.map((p, k) => [p, e(k, k - 1, k + 1)])) as ScenarioSummary['timeSplit'],
      waitingByRole: { analyst: e(3, 2, 4) },
    };
    expect(timeSplitTable([s]).objects()).toEqual([
      ...parts.map((part, k) => ({ scenario: 'A', part, role: '', days: k, ci_low: k - 1, ci_high: k + 1 })),
      { scenario: 'A', part: 'waiting_for_role', role: 'analyst', days: 3, ci_low: 2, ci_high: 4 },
    ]);
  });
});

describe('the tables of use cases and replications', () => {
  const counts = {
    work: 1,
    rework: 2,
    waiting: 3,
    handover: 4,
    clarification: 5,
    gate: 6,
    planning: 7,
    handovers: 8,
    crossBoundaryHandovers: 9,
    iterations: 10,
    reworkPasses: 11,
    gateRejections: 12,
  };
  const check = (holds: boolean) => ({ loop: 'w', l: 1, lambdaW: 1, relativeError: 0, holds });
  const experiment = experimentOf([
    {
      name: 'A',
      replications: [
        replication(
          metrics({
            timeToProduction: ttp({ mean: 20, p50: 21, p85: NaN, p95: NaN }, { p85: 85, p95: 95 }, 4),
            timeSplit: { work: 1, rework: 2, waiting: 3, handover: 4, clarification: 5, gate: 6, planning: 7 },
          }),
          { items: [item(7, 10, 40, { domain: 'hr', type: 'genai', ...counts })], littles: [check(true)] },
          0,
        ),
        replication(metrics(), { littles: [check(true), check(false)] }, 1),
      ],
    },
  ]);

  it('give every use case with its times and counts', () => {
    const rows = itemsTable(experiment).objects();
    expect(rows).toEqual([
      {
        scenario: 'A',
        replication: 0,
        item: 7,
        domain: 'hr',
        type: 'genai',
        outcome: 'live',
        arrival: 10,
        end: 40,
        time_to_production: 30,
        work: 1,
        rework: 2,
        waiting: 3,
        handover: 4,
        clarification: 5,
        gate: 6,
        planning: 7,
        handovers: 8,
        cross_boundary_handovers: 9,
        iterations: 10,
        rework_passes: 11,
        gate_rejections: 12,
      },
    ]);
  });

  it("give each replication's metrics and whether Little's law held in every loop", () => {
    const rows = replicationsTable(experiment).objects();
    expect(rows[0]).toEqual({
      scenario: 'A',
      replication: 0,
      seed: 1000,
      ttp_mean: 20,
      ttp_p50: 21,
      ttp_p85: NaN,
      ttp_p95: NaN,
      ttp_p85_at_least: 85,
      ttp_p95_at_least: 95,
      go_lives: 4,
      throughput_per_year: 1,
      abandonment_rate: 0.1,
      unfinished_share: 0.1,
      wip_growth_per_quarter: 0,
      handovers_per_item: 1,
      cross_boundary_handovers_per_item: 1,
      iterations_per_item: 1,
      rework_passes_per_item: 1,
      flow_efficiency: 0.5,
      cost_per_go_live: 1,
      work_days: 1,
      rework_days: 2,
      waiting_days: 3,
      handover_days: 4,
      clarification_days: 5,
      gate_days: 6,
      planning_days: 7,
      little_holds: true,
    });
    expect(rows[1]).toMatchObject({ replication: 1, seed: 1001, little_holds: false });
  });
});

describe('the flow and comparison tables', () => {
  it('give the flow series with a column per loop, then the models in production', () => {
    const flow = {
      time: [0, 7],
      arrived: [1, 3],
      live: [0, 1],
      abandoned: [0, 1],
      inLoop: { design: [1, 0], build: [0, 1] },
      inProduction: [5, 6],
    };
    const experiment = experimentOf([{ name: 'A', replications: [replication(metrics(), { flow })] }]);
    expect(flowTable(experiment).objects()).toEqual([
      { scenario: 'A', day: 0, arrived: 1, live: 0, abandoned: 0, in_design: 1, in_build: 0, models_in_production: 5 },
      { scenario: 'A', day: 7, arrived: 3, live: 1, abandoned: 1, in_design: 0, in_build: 1, models_in_production: 6 },
    ]);
  });

  it('give each comparison with its intervals, and an empty "better" when it is not clear', () => {
    const c: Comparison = {
      a: 'A',
      b: 'B',
      metric: 'throughputPerYear',
      label: 'go-lives per year',
      unit: 'per year',
      difference: 5,
      ci95: [-1, 11],
      ratio: 1.1,
      ratioCi95: [0.9, 1.3],
      better: null,
      statement: 'No clear difference.',
      replications: 3,
      caveat: null,
    };
    expect(comparisonTable([c, { ...c, better: 'A' }]).objects()).toEqual([
      {
        a: 'A',
        b: 'B',
        metric: 'throughputPerYear',
        difference: 5,
        ci_low: -1,
        ci_high: 11,
        ratio: 1.1,
        ratio_ci_low: 0.9,
        ratio_ci_high: 1.3,
        better: '',
        statement: 'No clear difference.',
      },
      expect.objectContaining({ better: 'A' }),
    ]);
  });
});

describe('the value table', () => {
  it('gives each money figure a year with its currency and interval, and null where it is not given', () => {
    const s = {
      ...summary('A'),
      currency: 'EUR',
      peopleCostPerYear: e(100, 100, 100),
      valuePerYear: { estimate: Number.NaN, ci95: [Number.NaN, Number.NaN] as [number, number] },
    };
    const rows = valueTable([s]).objects() as Record<string, unknown>[];
    expect(rows.map((r) => r.metric)).toEqual([
      'people_cost_per_year',
      'cost_per_go_live',
      'value_per_year',
      'cost_of_delay_per_year',
      'cost_of_delay_per_use_case',
      'net_value_per_year',
    ]);
    expect(rows[0]).toEqual({
      scenario: 'A',
      currency: 'EUR',
      metric: 'people_cost_per_year',
      estimate: 100,
      ci_low: 100,
      ci_high: 100,
    });
    expect(rows[2]).toMatchObject({ metric: 'value_per_year', estimate: null, ci_low: null, ci_high: null });
  });
});
