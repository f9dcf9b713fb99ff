/**
 * Small, hand-made experiment results with known numbers, for analysis tests that must be
 * fast (they run once per mutant under Stryker) and exact (every expected value worked out by
 * hand). Only what the analysis reads is filled in; the rest is empty or zero.
 */
import { expect } from 'vitest';
import type { ExperimentResult, ReplicationResult, ScenarioResult } from '../../src/experiment/index.js';
import type { ReplicationMetrics, TimeToProduction } from '../../src/metrics/replication-metrics.js';
import type { FlowSeries, ItemRecord } from '../../src/model/index.js';
import { newItemRecord } from '../../src/model/item-record.js';

/** Student's t 97.5% quantile with 2 degrees of freedom (3 replications), exactly: sqrt(2 / (0.05 * 1.95) - 2). */
export const T2 = Math.sqrt(2 / (0.05 * 1.95) - 2);

/** The 95% interval of the mean of three values, worked out by hand. */
export function interval3(xs: [number, number, number]): [number, number] {
  const mean = (xs[0] + xs[1] + xs[2]) / 3;
  const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / 2;
  const half = T2 * Math.sqrt(variance / 3);
  return [mean - half, mean + half];
}

/** Expects `actual` to equal `expected` number by number, to 9 decimals. */
export function close(actual: readonly number[], expected: readonly number[]): void {
  expect(actual).toHaveLength(expected.length);
  for (const [i, x] of expected.entries()) expect(actual[i]).toBeCloseTo(x, 9);
}

/** Time to production of one replication; `atLeast` defaults to the values (all reached). */
export function ttp(
  p: { mean: number; p50: number; p85: number; p95: number },
  atLeast: Partial<{ mean: number; p50: number; p85: number; p95: number }> = {},
  count = 10,
): TimeToProduction {
  const bound = (k: 'mean' | 'p50' | 'p85' | 'p95') => atLeast[k] ?? p[k];
  return { ...p, atLeast: { mean: bound('mean'), p50: bound('p50'), p85: bound('p85'), p95: bound('p95') }, count };
}

/** The metrics of one replication: every scalar 1 unless given. */
export function metrics(over: Partial<ReplicationMetrics> = {}): ReplicationMetrics {
  return {
    timeToProduction: ttp({ mean: 100, p50: 90, p85: 150, p95: 200 }),
    throughputPerYear: 1,
    abandonmentRate: 0.1,
    unfinishedShare: 0.1,
    wipGrowthPerQuarter: 0,
    meanWip: 1,
    arrivalsPerQuarter: 10,
    handoversPerItem: 1,
    crossBoundaryHandoversPerItem: 1,
    iterationsPerItem: 1,
    reworkPassesPerItem: 1,
    flowEfficiency: 0.5,
    costPerGoLive: 1,
    valuePerYear: 1,
    costOfDelayPerYear: 1,
    costOfDelayPerUseCase: 1,
    peopleCostPerYear: 1,
    netValuePerYear: 0,
    utilization: {},
    timeSplit: { work: 1, rework: 1, waiting: 1, handover: 1, clarification: 1, gate: 1, planning: 1 },
    waitingByRole: {},
    byDomain: {},
    byType: {},
    throughputByQuarter: [],
    curve: [],
    netValueByMonth: [],
    byQuarter: [],
    trendFrom: 500,
    utilizationFrom: 0,
    periodTrends: [],
    ...over,
  };
}

export const emptyFlow = (): FlowSeries => ({
  time: [],
  arrived: [],
  live: [],
  abandoned: [],
  inLoop: {},
  inProduction: [],
});

/** One replication with `m` as its metrics. */
export function replication(
  m: ReplicationMetrics,
  over: Partial<ReplicationResult> = {},
  index = 0,
): ReplicationResult {
  return {
    scenarioIndex: 0,
    replication: index,
    seed: 1000 + index,
    metrics: m,
    horizon: 1000,
    items: [],
    pools: [],
    changes: [],
    flow: emptyFlow(),
    littles: [],
    events: 0,
    peopleCost: 0,
    ...over,
  };
}

export function scenario(name: string, ms: readonly ReplicationMetrics[], over: Partial<ScenarioResult> = {}) {
  return { name, replications: ms.map((m, r) => replication(m, {}, r)), ...over } satisfies ScenarioResult;
}

export function experimentOf(scenarios: ScenarioResult[], seed = 5): ExperimentResult {
  return {
    seed,
    replications: Math.max(0, ...scenarios.map((s) => s.replications.length)),
    commonRandomNumbers: true,
    scenarios,
  };
}

/** A use case that went live (`end` given) or is still in progress (`end` NaN). */
export function item(id: number, arrival: number, end: number, over: Partial<ItemRecord> = {}): ItemRecord {
  const live = Number.isFinite(end);
  return {
    ...newItemRecord(id, 'd', 't', arrival),
    end,
    outcome: live ? 'live' : 'in_progress',
    timeToProduction: live ? end - arrival : NaN,
    ...over,
  };
}
