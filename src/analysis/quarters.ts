/**
 * The measured window quarter by quarter, over replications: each quarter's figures with 95%
 * intervals, and for two configurations run with common random numbers (a reorganisation and
 * staying as it was) their paired differences, with when the dip after a change ends and from
 * when the change has paid back in go-lives.
 */
import type { ExperimentResult } from '../experiment/experiment.js';
import type { ReplicationMetrics } from '../metrics/replication-metrics.js';
import { boundedEstimateOf, estimateOf, type BoundedEstimate, type Estimate } from '../statistics/estimate.js';

/** One quarter over replications. */
export interface QuarterSummary {
  start: number;
  end: number;
  arrived: Estimate;
  goLives: Estimate;
  /** Days to production of the quarter's arrivals (open ones censored at the horizon). */
  p50: BoundedEstimate;
  p85: BoundedEstimate;
  meanWip: Estimate;
  utilization: Estimate;
}

/** The quarters of replications `m` (which share their quarters: one scenario, one horizon). */
export function quarterSummaries(m: readonly ReplicationMetrics[]): QuarterSummary[] {
  const first = m[0]?.byQuarter ?? [];
  return first.map((q, k) => {
    const of = (value: (x: ReplicationMetrics['byQuarter'][number]) => number) =>
      estimateOf(m.map((x) => value(x.byQuarter[k])));
    const percentile = (p: 'p50' | 'p85') =>
      boundedEstimateOf(
        m.map((x) => x.byQuarter[k].timeToProduction[p]),
        m.map((x) => x.byQuarter[k].timeToProduction.atLeast[p]),
      );
    return {
      start: q.start,
      end: q.end,
      arrived: of((x) => x.arrived),
      goLives: of((x) => x.goLives),
      p50: percentile('p50'),
      p85: percentile('p85'),
      meanWip: of((x) => x.meanWip),
      utilization: of((x) => x.utilization),
    };
  });
}

/** One quarter of `variant` less `baseline`, replication by replication (common random numbers). */
export interface QuarterDifference {
  start: number;
  end: number;
  goLives: Estimate;
  /** Go-lives from `since` (the change) to the end of the quarter. */
  cumulativeGoLives: Estimate;
  /** NaN estimate (and interval) where either did not reach it in some replication. */
  p85: Estimate;
  meanWip: Estimate;
}

/** What the quarterly differences say about a change on day `since`. */
export interface Payback {
  since: number;
  differences: QuarterDifference[];
  /** Whether the first quarter after the change has significantly fewer go-lives than the baseline. */
  dipped: boolean;
  /**
   * The end of the dip: the end of the last of the quarters right after the change that each
   * have significantly fewer go-lives (a later quarter below, after one that is not, is no part
   * of it: the cumulative difference tells a lasting shortfall). The change's day when there is
   * no dip; null when the run ends in it.
   */
  dipEndsBy: number | null;
  /** The end of the first quarter from which the go-lives since the change are significantly more than the baseline's and stay so; null when they never are within the run. */
  aheadFrom: number | null;
  /** Go-lives since the change, less the baseline's, at the end of the run. */
  atTheEnd: Estimate;
}

const difference = (a: readonly number[], b: readonly number[]): Estimate => estimateOf(a.map((x, r) => x - b[r]));

/**
 * Per quarter, `variant` less `baseline` (replications paired: the same seeds), and the reading
 * of a change on day `since`: when its dip ends and from when it is ahead in go-lives.
 */
export function quarterPayback(
  variant: readonly ReplicationMetrics[],
  baseline: readonly ReplicationMetrics[],
  since: number,
): Payback {
  const n = Math.min(variant.length, baseline.length);
  const quarters = Math.min(variant[0]?.byQuarter.length ?? 0, baseline[0]?.byQuarter.length ?? 0);
  const cumulative = (m: readonly ReplicationMetrics[], k: number) =>
    m.slice(0, n).map((x) =>
      x.byQuarter
        .slice(0, k + 1)
        .filter((q) => q.end > since)
        .reduce((s, q) => s + q.goLives, 0),
    );
  const differences: QuarterDifference[] = [];
  for (let k = 0; k < quarters; k++) {
    const value = (m: readonly ReplicationMetrics[], f: (q: ReplicationMetrics['byQuarter'][number]) => number) =>
      m.slice(0, n).map((x) => f(x.byQuarter[k]));
    const q = variant[0].byQuarter[k];
    differences.push({
      start: q.start,
      end: q.end,
      goLives: difference(
        value(variant, (x) => x.goLives),
        value(baseline, (x) => x.goLives),
      ),
      cumulativeGoLives: difference(cumulative(variant, k), cumulative(baseline, k)),
      p85: difference(
        value(variant, (x) => x.timeToProduction.p85),
        value(baseline, (x) => x.timeToProduction.p85),
      ),
      meanWip: difference(
        value(variant, (x) => x.meanWip),
        value(baseline, (x) => x.meanWip),
      ),
    });
  }
  const after = differences.filter((d) => d.end > since);
  const dipped = after.length > 0 && after[0].goLives.ci95[1] < 0;
  const last = differences[differences.length - 1];
  return {
    since,
    differences,
    dipped,
    dipEndsBy: dipped ? dipEnd(after) : since,
    aheadFrom: aheadFrom(differences, since),
    atTheEnd: last?.cumulativeGoLives ?? estimateOf([]),
  };
}

/** The end of the run of quarters right after the change with significantly fewer go-lives each; null when it lasts to the end. */
function dipEnd(after: readonly QuarterDifference[]): number | null {
  const k = after.findIndex((d) => !(d.goLives.ci95[1] < 0));
  return k < 0 ? null : after[k - 1].end;
}

/** The end of the first quarter from which the go-lives since the change stay significantly above. */
function aheadFrom(differences: readonly QuarterDifference[], since: number): number | null {
  const after = differences.filter((d) => d.end > since);
  for (let k = 0; k < after.length; k++) {
    if (after.slice(k).every((d) => d.cumulativeGoLives.ci95[0] > 0)) return after[k].end;
  }
  return null;
}

/** A change's payback against a configuration that does not change, in numbers and in words. */
export interface TimelinePayback extends Payback {
  /** The configuration that changes, the change, and the configuration compared with (staying as it was). */
  variant: string;
  change: string;
  baseline: string;
  statement: string;
}

const days = (d: number): string => `${Math.round(d)}`;

/** `5.3 fewer (95% CI 6.5 fewer to 4.0 fewer)`: a difference of go-lives in words. */
function goLivesText(e: Estimate): string {
  const part = (x: number) => `${Math.abs(x).toFixed(1)} ${x >= 0 ? 'more' : 'fewer'}`;
  const [low, high] = e.ci95;
  return Number.isFinite(low) && Number.isFinite(high)
    ? `${part(e.estimate)} (95% CI ${part(low)} to ${part(high)})`
    : part(e.estimate);
}

/** The reading of a payback in a sentence. */
export function paybackStatement(
  p: Payback,
  variant: string,
  change: string,
  baseline: string,
  horizon: number,
): string {
  const head = `${variant}, from "${change}" on day ${days(p.since)}, against ${baseline} (the same use cases):`;
  const dip = !p.dipped
    ? 'the first quarter after the change has no significantly fewer go-lives'
    : p.dipEndsBy === null
      ? `its quarterly go-lives are significantly below from the change to the end of the run (day ${days(horizon)})`
      : `its go-lives dip for ${days(p.dipEndsBy - p.since)} days (quarters with significantly fewer go-lives until day ${days(p.dipEndsBy)})`;
  const ahead =
    p.aheadFrom === null
      ? 'its go-lives since the change are never significantly more within the run'
      : `from day ${days(p.aheadFrom)} (${days(p.aheadFrom - p.since)} days after the change) it has had significantly more go-lives since the change, and stays ahead`;
  return `${head} ${dip}; ${ahead}; by day ${days(horizon)} it has had ${goLivesText(p.atTheEnd)} go-lives since the change.`;
}

/**
 * Each configuration that changes during the run (a timeline: its first change) against each
 * one that does not (replications paired by seed); see paybacksOf for an experiment.
 */
export function timelinePaybacks(
  scenarios: readonly {
    name: string;
    changes: readonly { day: number; name: string }[];
    metrics: readonly ReplicationMetrics[];
    horizon: number;
  }[],
): TimelinePayback[] {
  const out: TimelinePayback[] = [];
  for (const variant of scenarios) {
    const first = variant.changes[0];
    if (first === undefined) continue;
    for (const baseline of scenarios) {
      if (baseline.changes.length > 0) continue;
      const p = quarterPayback(variant.metrics, baseline.metrics, first.day);
      const horizon = Math.min(variant.horizon, baseline.horizon);
      out.push({
        ...p,
        variant: variant.name,
        change: first.name,
        baseline: baseline.name,
        statement: paybackStatement(p, variant.name, first.name, baseline.name, horizon),
      });
    }
  }
  return out;
}

/** The paybacks of an experiment's configurations that change during the run, against each that does not. */
export function paybacksOf(experiment: ExperimentResult): TimelinePayback[] {
  return timelinePaybacks(
    experiment.scenarios.map((s) => ({
      name: s.name,
      changes: s.replications[0]?.changes ?? [],
      metrics: s.replications.map((r) => r.metrics),
      horizon: s.replications[0]?.horizon ?? 0,
    })),
  );
}
