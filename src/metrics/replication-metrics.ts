/**
 * The metrics of one replication, computed from its run over the measured window (use
 * cases that arrived after the warm-up; go-lives and costs within the window).
 */
import { linearRegression, mean } from 'simple-statistics';
import type { ItemRecord, RunResult } from '../model/index.js';
import { DAYS_PER_MONTH, DAYS_PER_QUARTER, DAYS_PER_YEAR } from '../scenario/time-units.js';
import {
  timeToProductionDistribution,
  type Observation,
  type TimeToProductionDistribution,
} from '../statistics/competing-risks.js';
import { quarterFigures, type QuarterFigures } from './quarters.js';

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

/**
 * Time to production of one replication, estimated with the use cases still open at the end
 * counted as censored (see competing-risks.ts). A statistic the run does not reach is NaN,
 * and `atLeast` holds its lower bound; where it is reached `atLeast` equals it.
 */
export interface TimeToProduction extends Percentiles<number> {
  atLeast: Percentiles<number>;
  /** Live use cases behind it. */
  count: number;
}

/** The shares at which the distribution curve is kept: 1%, 2%, ..., 99%. */
export const CURVE_SHARES = Array.from({ length: 99 }, (_, k) => (k + 1) / 100);

/**
 * The metrics that are one number per replication, as numbers (one replication) or as
 * estimates (a summary over replications).
 */
export interface ScalarMetrics<T> {
  /** Go-lives per year within the measured window. */
  throughputPerYear: T;
  /** Share of the use cases arrived in the window that are abandoned (the open ones counted as censored). */
  abandonmentRate: T;
  /** Share of the use cases arrived in the window still open when the run ends. */
  unfinishedShare: T;
  /** Growth of work in progress (use cases arrived and not ended) per quarter: a least-squares slope over the second half of the window. */
  wipGrowthPerQuarter: T;
  /** Mean work in progress over the second half of the window. */
  meanWip: T;
  /** Use cases arriving per quarter of the window. */
  arrivalsPerQuarter: T;
  handoversPerItem: T;
  crossBoundaryHandoversPerItem: T;
  iterationsPerItem: T;
  reworkPassesPerItem: T;
  /** Mean over live use cases of (work + rework) / time to production. */
  flowEfficiency: T;
  /** People cost in the window / go-lives in the window; NaN (not given) where no role has a cost_per_year. */
  costPerGoLive: T;
  /** Yearly value added per year of the window: the value_per_year of the use cases that go live in it, per year (see valueMetrics). */
  valuePerYear: T;
  /** Value forgone while use cases are on their way, per year of the window: value_per_year over each one's days from request to go-live (or to the end, if still open) within the window; abandoned ones count none. */
  costOfDelayPerYear: T;
  /** Value forgone per use case: value_per_year over its days from request to go-live, or to the end of the run if still open (so far, a lower bound), for the valued use cases arrived in the window and not abandoned. */
  costOfDelayPerUseCase: T;
  /** People cost per year of the window (the teams, at their cost per year). */
  peopleCostPerYear: T;
  /** valuePerYear - peopleCostPerYear: a year's added value less a year's people cost. */
  netValuePerYear: T;
}

const SCALAR_METRIC_SET: Record<keyof ScalarMetrics<number>, true> = {
  throughputPerYear: true,
  abandonmentRate: true,
  unfinishedShare: true,
  wipGrowthPerQuarter: true,
  meanWip: true,
  arrivalsPerQuarter: true,
  handoversPerItem: true,
  crossBoundaryHandoversPerItem: true,
  iterationsPerItem: true,
  reworkPassesPerItem: true,
  flowEfficiency: true,
  costPerGoLive: true,
  valuePerYear: true,
  costOfDelayPerYear: true,
  peopleCostPerYear: true,
  netValuePerYear: true,
  costOfDelayPerUseCase: true,
};
/** The names of the scalar metrics (the type checks that none is missing). */
export const SCALAR_METRICS = Object.keys(SCALAR_METRIC_SET) as (keyof ScalarMetrics<number>)[];

export interface ReplicationMetrics extends ScalarMetrics<number> {
  timeToProduction: TimeToProduction;
  /**
   * team/role -> utilization over the window: the time of the people who hold the role spent
   * on it; for people who hold several roles also team/role+role -> all their time busy.
   */
  utilization: Record<string, number>;
  /** Mean days per live use case. */
  timeSplit: Record<TimePart, number>;
  /** Mean days waiting for each role, per live use case. */
  waitingByRole: Record<string, number>;
  /** Time to production by domain and by use-case type (NaN where not reached, as for the whole). */
  byDomain: Record<string, TimeToProduction>;
  byType: Record<string, TimeToProduction>;
  /** Go-lives per complete quarter of the measured window. */
  throughputByQuarter: number[];
  /** Days by which 1%, 2%, ..., 99% of the eventual go-lives are live (CURVE_SHARES); NaN where not reached. */
  curve: number[];
  /**
   * Value earned less people cost, summed from day 0 to the end of each whole month of the run:
   * each live use case earns its value_per_year from its go-live on. Empty where no type has a
   * value. What a what-if's break-even is read from (see break-even.ts in analysis).
   */
  netValueByMonth: number[];
  /** The measured window quarter by quarter (see quarters.ts). */
  byQuarter: QuarterFigures[];
  /** The day from which the trend of work in progress (the stability verdict) is read: see trendFrom. */
  trendFrom: number;
  /** The day from which `utilization` is measured: the end of the warm-up, or the timeline's last change of people after it. */
  utilizationFrom: number;
  /** With a timeline: the trend of work in progress in each period between changes (see periodTrends). */
  periodTrends: { from: number; to: number; growthPerQuarter: number }[];
}

/** A use case as an observation of time to production: open ones are censored at `horizon`. */
export function observationOf(item: ItemRecord, horizon: number): Observation {
  if (item.outcome === 'in_progress') return { days: horizon - item.arrival, resolution: 'open' };
  return { days: item.end - item.arrival, resolution: item.outcome };
}

const bounded = (b: { value: number; reached: boolean }): number => (b.reached ? b.value : NaN);

/** Mean, median, 85th and 95th percentile of time to production from a distribution estimate. */
export function percentilesOf(distribution: TimeToProductionDistribution): TimeToProduction {
  const mean = distribution.mean();
  const [p50, p85, p95] = [0.5, 0.85, 0.95].map((p) => distribution.quantile(p));
  return {
    mean: bounded(mean),
    p50: bounded(p50),
    p85: bounded(p85),
    p95: bounded(p95),
    atLeast: { mean: mean.value, p50: p50.value, p85: p85.value, p95: p95.value },
    count: 0,
  };
}

/** Time to production of the use cases `items` (arrived in the window), open ones censored at `horizon`. */
export function timeToProductionOf(items: readonly ItemRecord[], horizon: number): TimeToProduction {
  const result = percentilesOf(timeToProductionDistribution(items.map((i) => observationOf(i, horizon))));
  result.count = items.filter((i) => i.outcome === 'live').length;
  return result;
}

/**
 * Least-squares growth per quarter of work in progress from `from` to the end of the run, and
 * the mean work in progress over that time (see trendFrom).
 */
function wipTrend(flow: RunResult['flow'], from: number, to = Infinity): { growthPerQuarter: number; mean: number } {
  const points: [number, number][] = [];
  for (let k = 0; k < flow.time.length; k++) {
    if (flow.time[k] >= from && flow.time[k] < to)
      points.push([flow.time[k], flow.arrived[k] - flow.live[k] - flow.abandoned[k]]);
  }
  if (points.length < 2) return { growthPerQuarter: NaN, mean: points.length ? points[0][1] : NaN };
  return { growthPerQuarter: linearRegression(points).m * DAYS_PER_QUARTER, mean: mean(points.map((p) => p[1])) };
}

/**
 * Where the trend of work in progress is read from: the second half of the measured window (so
 * that a pipeline still filling just after the warm-up is not taken for growth), and with a
 * timeline not before its last change has settled (the organisation the verdict is about).
 */
export function trendFrom(run: Pick<RunResult, 'warmup' | 'horizon' | 'changes'>): number {
  const half = run.warmup + (run.horizon - run.warmup) / 2;
  return run.changes.reduce((from, c) => Math.max(from, c.settledBy), half);
}

/**
 * With a timeline, the periods between its changes within the measured window (the first from
 * the end of the warm-up, each next once the change before it has settled, each to the next
 * change, the last to the end), with the trend of work in progress in each; none without one.
 */
function periodTrends(
  run: Pick<RunResult, 'warmup' | 'horizon' | 'changes' | 'flow'>,
): { from: number; to: number; growthPerQuarter: number }[] {
  if (run.changes.length === 0) return [];
  const bounds = [run.warmup, ...run.changes.map((c) => c.settledBy)];
  return bounds.map((from, k) => {
    const to = Math.min(run.changes[k]?.day ?? run.horizon, run.horizon);
    const growth = to - from >= DAYS_PER_QUARTER ? wipTrend(run.flow, from, to).growthPerQuarter : Number.NaN;
    return { from, to, growthPerQuarter: growth };
  });
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

const perItem = (items: readonly ItemRecord[], f: (i: ItemRecord) => number): number =>
  items.length ? mean(items.map(f)) : NaN;

/**
 * Value, cost of delay and people cost per year of the measured window [warmup, horizon]. The
 * value is the yearly value the window's go-lives add: each use case that goes live in it
 * brings its type's value_per_year (a run rate, so the figure does not grow with the length of
 * the run). The cost of delay is the value forgone while use cases are on their way: each
 * one's value_per_year over its days from request to go-live (or to the end, if still open)
 * within the window, per year of the window; an abandoned one was never going to earn it. Net
 * value is the value added a year less the people cost a year. Where the scenario gives no
 * type a value_per_year the value figures are NaN: not given, rather than 0.
 */
function valueMetrics(
  run: Pick<RunResult, 'items' | 'warmup' | 'horizon' | 'peopleCost' | 'valuePerYear'>,
  years: number,
): Pick<
  ScalarMetrics<number>,
  'valuePerYear' | 'costOfDelayPerYear' | 'costOfDelayPerUseCase' | 'peopleCostPerYear' | 'netValuePerYear'
> {
  const inWindow = (from: number, to: number): number =>
    Math.max(0, Math.min(to, run.horizon) - Math.max(from, run.warmup));
  let added = 0;
  let forgone = 0;
  for (const i of run.items) {
    const value = run.valuePerYear[i.type] ?? 0;
    if (value === 0 || i.outcome === 'abandoned') continue;
    const live = i.outcome === 'live' ? i.end : run.horizon;
    if (i.outcome === 'live' && i.end >= run.warmup && i.end <= run.horizon) added += value;
    forgone += (value / DAYS_PER_YEAR) * inWindow(i.arrival, live);
  }
  // no role with a cost_per_year: costs are not given (NaN), not 0
  const peopleCostPerYear = run.peopleCost > 0 ? run.peopleCost / years : Number.NaN;
  const valued = Object.keys(run.valuePerYear).length > 0;
  const valuePerYear = valued ? added / years : Number.NaN;
  return {
    valuePerYear,
    costOfDelayPerYear: valued ? forgone / years : Number.NaN,
    costOfDelayPerUseCase: valued ? costOfDelayPerUseCase(run) : Number.NaN,
    peopleCostPerYear,
    netValuePerYear: valuePerYear - peopleCostPerYear,
  };
}

/** The mean value forgone by a valued use case arrived in the window and not abandoned, from its request to its go-live or the end of the run. */
function costOfDelayPerUseCase(run: Pick<RunResult, 'items' | 'warmup' | 'horizon' | 'valuePerYear'>): number {
  let forgone = 0;
  let count = 0;
  for (const i of run.items) {
    const value = run.valuePerYear[i.type] ?? 0;
    if (value === 0 || i.outcome === 'abandoned' || i.arrival < run.warmup) continue;
    forgone += (value / DAYS_PER_YEAR) * ((i.outcome === 'live' ? i.end : run.horizon) - i.arrival);
    count++;
  }
  return count > 0 ? forgone / count : Number.NaN;
}

/**
 * Value earned less people cost from day 0 to the end of each whole month of the run (see
 * ReplicationMetrics.netValueByMonth); empty where no type has a value.
 */
export function netValueByMonth(
  run: Pick<RunResult, 'items' | 'warmup' | 'horizon' | 'peopleCost' | 'valuePerYear'>,
): number[] {
  if (Object.keys(run.valuePerYear).length === 0) return [];
  const costPerDay = run.peopleCost / (run.horizon - run.warmup);
  const goLives = run.items
    .filter((i) => i.outcome === 'live' && (run.valuePerYear[i.type] ?? 0) > 0)
    .map((i) => ({ day: i.end, perDay: (run.valuePerYear[i.type] ?? 0) / DAYS_PER_YEAR }))
    .sort((a, b) => a.day - b.day);
  const months = Math.floor(run.horizon / DAYS_PER_MONTH + 1e-9);
  const result: number[] = [];
  let next = 0;
  let earningPerDay = 0; // of the use cases live so far
  let earnedBefore = 0; // sum of perDay * day of those: earned by t = earningPerDay * t - earnedBefore
  for (let m = 1; m <= months; m++) {
    const t = m * DAYS_PER_MONTH;
    for (; next < goLives.length && goLives[next].day <= t; next++) {
      earningPerDay += goLives[next].perDay;
      earnedBefore += goLives[next].perDay * goLives[next].day;
    }
    result.push(earningPerDay * t - earnedBefore - costPerDay * t);
  }
  return result;
}

/** Metrics of one run. */
export function replicationMetrics(
  run: Pick<
    RunResult,
    | 'items'
    | 'pools'
    | 'groups'
    | 'warmup'
    | 'horizon'
    | 'peopleCost'
    | 'valuePerYear'
    | 'flow'
    | 'periods'
    | 'changes'
    | 'statisticsFrom'
  >,
): ReplicationMetrics {
  const measured = run.items.filter((i) => i.arrival >= run.warmup);
  const live = measured.filter((i) => i.outcome === 'live');
  const ended = measured.filter((i) => i.outcome !== 'in_progress');
  const distribution = timeToProductionDistribution(measured.map((i) => observationOf(i, run.horizon)));
  const wip = wipTrend(run.flow, trendFrom(run));
  const years = (run.horizon - run.warmup) / DAYS_PER_YEAR;
  const goLivesInWindow = run.items.filter((i) => i.outcome === 'live' && i.end >= run.warmup);
  // complete quarters only: a last, partial quarter would show as a false drop
  const quarters = Math.floor((run.horizon - run.warmup) / DAYS_PER_QUARTER + 1e-9);
  const throughputByQuarter = Array.from({ length: quarters }, () => 0);
  for (const i of goLivesInWindow) {
    const q = Math.floor((i.end - run.warmup) / DAYS_PER_QUARTER);
    if (q < quarters) throughputByQuarter[q]++;
  }
  const timeSplit = Object.fromEntries(TIME_PARTS.map((p) => [p, perItem(live, (i) => i[p])])) as Record<
    TimePart,
    number
  >;
  const roles = new Set(live.flatMap((i) => Object.keys(i.waitingByRole)));
  return {
    timeToProduction: { ...percentilesOf(distribution), count: live.length },
    throughputPerYear: goLivesInWindow.length / years,
    abandonmentRate: distribution.abandonedShare,
    unfinishedShare: measured.length ? (measured.length - ended.length) / measured.length : NaN,
    wipGrowthPerQuarter: wip.growthPerQuarter,
    meanWip: wip.mean,
    arrivalsPerQuarter: measured.length / ((run.horizon - run.warmup) / DAYS_PER_QUARTER),
    // by role, and for people who hold several roles also by their group (team/role+role): all their time
    utilization: Object.fromEntries([
      ...run.pools.map((p) => [`${p.team}/${p.role}`, p.utilization]),
      ...run.groups.map((g) => [`${g.team}/${g.group}`, g.utilization]),
    ]),
    handoversPerItem: perItem(ended, (i) => i.handovers),
    crossBoundaryHandoversPerItem: perItem(ended, (i) => i.crossBoundaryHandovers),
    iterationsPerItem: perItem(ended, (i) => i.iterations),
    reworkPassesPerItem: perItem(ended, (i) => i.reworkPasses),
    flowEfficiency: perItem(live, (i) => (i.work + i.rework) / i.timeToProduction),
    // no role with a cost_per_year: costs are not given (NaN), not 0
    costPerGoLive: goLivesInWindow.length && run.peopleCost > 0 ? run.peopleCost / goLivesInWindow.length : NaN,
    ...valueMetrics(run, years),
    timeSplit,
    waitingByRole: Object.fromEntries([...roles].sort().map((r) => [r, perItem(live, (i) => i.waitingByRole[r] ?? 0)])),
    byDomain: Object.fromEntries(
      [...groupBy(measured, (i) => i.domain)].sort().map(([k, v]) => [k, timeToProductionOf(v, run.horizon)]),
    ),
    byType: Object.fromEntries(
      [...groupBy(measured, (i) => i.type)].sort().map(([k, v]) => [k, timeToProductionOf(v, run.horizon)]),
    ),
    throughputByQuarter,
    curve: CURVE_SHARES.map((p) => bounded(distribution.quantile(p))),
    netValueByMonth: netValueByMonth(run),
    byQuarter: quarterFigures(run),
    trendFrom: trendFrom(run),
    utilizationFrom: run.statisticsFrom,
    periodTrends: periodTrends(run),
  };
}
