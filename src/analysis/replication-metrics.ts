/**
 * The metrics of one replication, computed from its run over the measured window (use
 * cases that arrived after the warm-up; go-lives and costs within the window).
 */
import { mean, quantileSorted } from 'simple-statistics';
import type { ItemRecord, RunResult } from '../model/index.js';

/** Where the time of live use cases went, mean days per use case. */
export const TIME_PARTS = ['work', 'rework', 'waiting', 'handover', 'clarification', 'gate', 'planning'] as const;
export type TimePart = (typeof TIME_PARTS)[number];

/** Mean, median, 85th and 95th percentile of a quantity, as numbers or as estimates. */
export interface Percentiles<T> {
  mean: T;
  p50: T;
  p85: T;
  p95: T;
}

export interface TimeToProduction extends Percentiles<number> {
  /** Live use cases behind it. */
  count: number;
}

/**
 * The metrics that are one number per replication, as numbers (one replication) or as
 * estimates (a summary over replications).
 */
export interface ScalarMetrics<T> {
  /** Go-lives per year within the measured window. */
  throughputPerYear: T;
  /** Abandoned / (live + abandoned), of use cases arrived in the window. */
  abandonmentRate: T;
  handoversPerItem: T;
  crossBoundaryHandoversPerItem: T;
  iterationsPerItem: T;
  reworkPassesPerItem: T;
  /** Mean over live use cases of (work + rework) / time to production. */
  flowEfficiency: T;
  /** People cost in the window / go-lives in the window. */
  costPerGoLive: T;
}

const SCALAR_METRIC_SET: Record<keyof ScalarMetrics<number>, true> = {
  throughputPerYear: true, abandonmentRate: true, handoversPerItem: true, crossBoundaryHandoversPerItem: true,
  iterationsPerItem: true, reworkPassesPerItem: true, flowEfficiency: true, costPerGoLive: true,
};
/** The names of the scalar metrics (the type checks that none is missing). */
export const SCALAR_METRICS = Object.keys(SCALAR_METRIC_SET) as (keyof ScalarMetrics<number>)[];

export interface ReplicationMetrics extends ScalarMetrics<number> {
  timeToProduction: TimeToProduction;
  /** team/role -> utilisation over the window. */
  utilization: Record<string, number>;
  /** Mean days per live use case. */
  timeSplit: Record<TimePart, number>;
  /** Mean days waiting for each role, per live use case. */
  waitingByRole: Record<string, number>;
  /** Time to production by domain and by use-case type (NaN where none went live). */
  byDomain: Record<string, TimeToProduction>;
  byType: Record<string, TimeToProduction>;
  /** Go-lives per complete quarter of the measured window. */
  throughputByQuarter: number[];
}

/** Mean, median, 85th and 95th percentile of time to production of `live` use cases. */
export function timeToProductionOf(live: readonly ItemRecord[]): TimeToProduction {
  if (live.length === 0) return { mean: NaN, p50: NaN, p85: NaN, p95: NaN, count: 0 };
  const sorted = live.map((i) => i.timeToProduction).sort((a, b) => a - b);
  return { mean: mean(sorted), p50: quantileSorted(sorted, 0.5), p85: quantileSorted(sorted, 0.85), p95: quantileSorted(sorted, 0.95), count: sorted.length };
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    (groups.get(k) ?? groups.set(k, []).get(k)!).push(item);
  }
  return groups;
}

const perItem = (items: readonly ItemRecord[], f: (i: ItemRecord) => number): number => (items.length ? mean(items.map(f)) : NaN);

/** Metrics of one run. */
export function replicationMetrics(run: Pick<RunResult, 'items' | 'pools' | 'warmup' | 'horizon' | 'peopleCost'>): ReplicationMetrics {
  const measured = run.items.filter((i) => i.arrival >= run.warmup);
  const live = measured.filter((i) => i.outcome === 'live');
  const ended = measured.filter((i) => i.outcome !== 'in_progress');
  const years = (run.horizon - run.warmup) / 365;
  const goLivesInWindow = run.items.filter((i) => i.outcome === 'live' && i.end >= run.warmup);
  // complete quarters only: a last, partial quarter would show as a false drop
  const quarters = Math.floor((run.horizon - run.warmup) / (365 / 4) + 1e-9);
  const throughputByQuarter = Array.from({ length: quarters }, () => 0);
  for (const i of goLivesInWindow) {
    const q = Math.floor((i.end - run.warmup) / (365 / 4));
    if (q < quarters) throughputByQuarter[q]++;
  }
  const timeSplit = Object.fromEntries(TIME_PARTS.map((p) => [p, perItem(live, (i) => i[p])])) as Record<TimePart, number>;
  const roles = new Set(live.flatMap((i) => Object.keys(i.waitingByRole)));
  return {
    timeToProduction: timeToProductionOf(live),
    throughputPerYear: goLivesInWindow.length / years,
    abandonmentRate: ended.length ? ended.filter((i) => i.outcome === 'abandoned').length / ended.length : NaN,
    utilization: Object.fromEntries(run.pools.map((p) => [`${p.team}/${p.role}`, p.utilisation])),
    handoversPerItem: perItem(ended, (i) => i.handovers),
    crossBoundaryHandoversPerItem: perItem(ended, (i) => i.crossBoundaryHandovers),
    iterationsPerItem: perItem(ended, (i) => i.iterations),
    reworkPassesPerItem: perItem(ended, (i) => i.reworkPasses),
    flowEfficiency: perItem(live, (i) => (i.work + i.rework) / i.timeToProduction),
    costPerGoLive: goLivesInWindow.length ? run.peopleCost / goLivesInWindow.length : NaN,
    timeSplit,
    waitingByRole: Object.fromEntries([...roles].sort().map((r) => [r, perItem(live, (i) => i.waitingByRole[r] ?? 0)])),
    byDomain: Object.fromEntries([...groupBy(live, (i) => i.domain)].sort().map(([k, v]) => [k, timeToProductionOf(v)])),
    byType: Object.fromEntries([...groupBy(live, (i) => i.type)].sort().map(([k, v]) => [k, timeToProductionOf(v)])),
    throughputByQuarter,
  };
}
