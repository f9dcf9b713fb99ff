/**
 * The measured window quarter by quarter, over replications: each quarter's figures with 95%
 * intervals, and for two configurations run with common random numbers (a reorganisation and
 * staying as it was) their paired differences, with when the dip after a change ends and from
 * when the change has paid back in go-lives.
 */
import type { ExperimentResult } from '../experiment/experiment.js';
import type { ReplicationMetrics } from '../metrics/replication-metrics.js';
import { boundedEstimateOf, estimateOf, type BoundedEstimate, type Estimate } from '../statistics/estimate.js';
import { studentTQuantile } from '../statistics/student-t.js';

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
  /**
   * Whether go-lives dip after the change: one of the first two quarters after it (the one it
   * falls in may hold only a few days after it) has significantly fewer go-lives than the
   * baseline. "Significantly" here, and for `aheadFrom`, with a Bonferroni correction over the
   * quarters after the change (each interval at 1 - 0.05 / their number), so that one quarter
   * among many is not taken for a finding by chance.
   */
  dipped: boolean;
  /**
   * The end of the dip: the end of the last of the consecutive quarters, from the first that is
   * significantly below, that each are (a later quarter below, after one that is not, is no
   * part of it: the go-lives since the change tell a lasting shortfall). The change's day when
   * there is no dip; null when the run ends in it.
   */
  dipEndsBy: number | null;
  /** The end of the first quarter from which the go-lives since the change are significantly more than the baseline's and stay so; null when they never are within the run. */
  aheadFrom: number | null;
  /** Go-lives since the change, less the baseline's, at the end of the run (a 95% interval). */
  atTheEnd: Estimate;
}

/** Per quarter the replications' values of `f`, by quarter start day. */
type Quarter = ReplicationMetrics['byQuarter'][number];

const differences_ = (a: readonly number[], b: readonly number[]): number[] => a.map((x, r) => x - b[r]);

/** The interval of the mean of `xs` at `level` (t over replications). */
function interval(xs: readonly number[], level: number): [number, number] {
  const n = xs.length;
  const mean = xs.reduce((s, x) => s + x, 0) / n;
  if (n < 2) return [Number.NaN, Number.NaN];
  const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1));
  const half = studentTQuantile(1 - (1 - level) / 2, n - 1) * (sd / Math.sqrt(n));
  return [mean - half, mean + half];
}

/**
 * Per quarter, `variant` less `baseline` (replications paired: the same seeds), and the reading
 * of a change on day `since`: whether and how long its go-lives dip, and from when it is ahead.
 * Null when the two are not the same run until the change (their quarters do not line up, or
 * some figure before the change differs): then the baseline is not the organisation staying
 * as it was, and the differences would not be the change's.
 */
export function quarterPayback(
  variant: readonly ReplicationMetrics[],
  baseline: readonly ReplicationMetrics[],
  since: number,
): Payback | null {
  const n = Math.min(variant.length, baseline.length);
  if (n === 0) return null;
  const v = variant.slice(0, n);
  const b = baseline.slice(0, n);
  if (!sameRunUntil(v, b, since)) return null;
  const quarters = v[0].byQuarter.length;
  const values = (m: readonly ReplicationMetrics[], k: number, f: (q: Quarter) => number) =>
    m.map((x) => f(x.byQuarter[k]));
  const sinceChange = (m: readonly ReplicationMetrics[], k: number) =>
    m.map((x) => x.byQuarter.slice(0, k + 1).reduce((s, q) => s + (q.end > since ? q.goLives : 0), 0));
  const after = v[0].byQuarter.filter((q) => q.end > since).length;
  const level = 1 - 0.05 / Math.max(1, after);
  const differences: QuarterDifference[] = [];
  const below: boolean[] = [];
  const ahead: boolean[] = [];
  for (let k = 0; k < quarters; k++) {
    const q = v[0].byQuarter[k];
    const goLives = differences_(
      values(v, k, (x) => x.goLives),
      values(b, k, (x) => x.goLives),
    );
    const cumulative = differences_(sinceChange(v, k), sinceChange(b, k));
    differences.push({
      start: q.start,
      end: q.end,
      goLives: estimateOf(goLives),
      cumulativeGoLives: estimateOf(cumulative),
      p85: estimateOf(
        differences_(
          values(v, k, (x) => x.timeToProduction.p85),
          values(b, k, (x) => x.timeToProduction.p85),
        ),
      ),
      meanWip: estimateOf(
        differences_(
          values(v, k, (x) => x.meanWip),
          values(b, k, (x) => x.meanWip),
        ),
      ),
    });
    below.push(q.end > since && interval(goLives, level)[1] < 0);
    ahead.push(q.end > since && interval(cumulative, level)[0] > 0);
  }
  const first = below.findIndex((x, k) => x && differences[k].end > since);
  const firstAfter = differences.findIndex((d) => d.end > since);
  const dipped = first >= 0 && first <= firstAfter + 1;
  const last = differences[differences.length - 1];
  return {
    since,
    differences,
    dipped,
    dipEndsBy: dipped ? dipEnd(differences, below, first) : since,
    aheadFrom: aheadFromOf(differences, ahead),
    atTheEnd: last.cumulativeGoLives,
  };
}

/** Whether `b` lines up with `v` quarter by quarter and is the same run until `since` (every figure before it equal). */
function sameRunUntil(v: readonly ReplicationMetrics[], b: readonly ReplicationMetrics[], since: number): boolean {
  const grid = v[0].byQuarter;
  const lined = b.every(
    (x) => x.byQuarter.length >= grid.length && grid.every((q, k) => x.byQuarter[k].start === q.start),
  );
  if (!lined) return false;
  const same = (x: Quarter, y: Quarter) =>
    x.goLives === y.goLives && x.meanWip === y.meanWip && x.arrived === y.arrived;
  return grid.every((q, k) => q.end > since || v.every((x, r) => same(x.byQuarter[k], b[r].byQuarter[k])));
}

/** The end of the consecutive quarters below from `first` on; null when they last to the end. */
function dipEnd(differences: readonly QuarterDifference[], below: readonly boolean[], first: number): number | null {
  let k = first;
  while (k < below.length && below[k]) k++;
  return k >= below.length ? null : differences[k - 1].end;
}

/** The end of the first quarter from which the go-lives since the change stay significantly more. */
function aheadFromOf(differences: readonly QuarterDifference[], ahead: readonly boolean[]): number | null {
  for (let k = 0; k < ahead.length; k++) if (ahead.slice(k).every(Boolean) && ahead[k]) return differences[k].end;
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
      if (p === null) continue; // not the same run until the change: not the organisation staying as it was
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
