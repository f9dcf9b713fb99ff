/**
 * Paired comparison of two scenarios of one experiment. With common random numbers,
 * replication r of both saw the same use cases, so the per-replication differences carry
 * much less noise than the two results apart: the confidence interval is that of the mean
 * of the differences (and of the ratios).
 */
import type { ExperimentResult, ScenarioResult } from '../experiment/experiment.js';
import { estimateOf, summariseScenario } from './experiment-summary.js';
import type { Verdict } from './stability.js';
import { commonCurrency, withCurrency } from './money-text.js';
import type { ReplicationMetrics } from '../metrics/replication-metrics.js';

/** The unit of a money metric: its figures read in the scenarios' currency. */
export const MONEY = 'money';

/** A metric that can be compared, and whether lower is better. */
export interface ComparedMetric {
  metric: string;
  label: string;
  /** `days`, `per year`, MONEY, or '' for a plain number. */
  unit: string;
  lowerIsBetter: boolean;
  value: (m: ReplicationMetrics) => number;
}

export const COMPARED_METRICS: readonly ComparedMetric[] = [
  {
    metric: 'timeToProduction.p50',
    label: 'median time to production',
    unit: 'days',
    lowerIsBetter: true,
    value: (m) => m.timeToProduction.p50,
  },
  {
    metric: 'timeToProduction.p85',
    label: '85th percentile time to production',
    unit: 'days',
    lowerIsBetter: true,
    value: (m) => m.timeToProduction.p85,
  },
  {
    metric: 'timeToProduction.p95',
    label: '95th percentile time to production',
    unit: 'days',
    lowerIsBetter: true,
    value: (m) => m.timeToProduction.p95,
  },
  {
    metric: 'throughputPerYear',
    label: 'go-lives per year',
    unit: 'per year',
    lowerIsBetter: false,
    value: (m) => m.throughputPerYear,
  },
  {
    metric: 'costPerGoLive',
    label: 'cost per go-live',
    unit: MONEY,
    lowerIsBetter: true,
    value: (m) => m.costPerGoLive,
  },
  {
    metric: 'abandonmentRate',
    label: 'abandonment rate',
    unit: '',
    lowerIsBetter: true,
    value: (m) => m.abandonmentRate,
  },
];

export interface Comparison {
  a: string;
  b: string;
  metric: string;
  label: string;
  /** The unit of the difference: `days`, `per year`, the currency of a money metric (`money` when the scenarios name none), or '' for a share or count. */
  unit: string;
  /** Mean over replications of (a - b). */
  difference: number;
  ci95: [number, number];
  /** Mean over replications of a / b. */
  ratio: number;
  ratioCi95: [number, number];
  /** The better scenario when the interval excludes no difference; null when it is not clear. */
  better: string | null;
  /** A plain sentence: which is better, by how much, and how sure we are. */
  statement: string;
  replications: number;
  /** Why the comparison must be read with care (a configuration that does not keep up), or null. */
  caveat: string | null;
}

/** The caveat on time to production when either configuration does not keep up with its demand, or may not. */
function instabilityCaveat(a: ScenarioResult, b: ScenarioResult, known?: ReadonlyMap<string, Verdict>): string | null {
  const verdicts = [a, b].map((s) => ({
    name: s.name,
    verdict: known?.get(s.name) ?? summariseScenario(s, 0).verdict,
  }));
  const not = verdicts.filter((v) => v.verdict === 'does-not-keep-up').map((v) => v.name);
  const unsure = verdicts.filter((v) => v.verdict === 'cannot-tell').map((v) => v.name);
  const parts = [
    ...(not.length
      ? [
          `${not.join(' and ')} ${not.length > 1 ? 'do' : 'does'} not keep up with demand, so ${not.length > 1 ? 'their' : 'its'} time to production grows with the length of the run`,
        ]
      : []),
    ...(unsure.length
      ? [
          `it is not yet clear whether ${unsure.join(' and ')} ${unsure.length > 1 ? 'keep' : 'keeps'} up with demand (run more replications)`,
        ]
      : []),
  ];
  return parts.length ? `Caveat: ${parts.join('; ')}.` : null;
}

function formatAmountIn(x: number, unit: string, currency: string | null): string {
  const rounded =
    Math.abs(x) >= 100 ? Math.round(x).toLocaleString('en') : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2);
  if (unit === MONEY) return withCurrency(rounded, currency);
  return unit === 'days' ? `${rounded} days` : unit === 'per year' ? `${rounded} per year` : rounded;
}

/**
 * Compares scenario `a` with scenario `b` (indices or names) on every metric of `metrics`
 * (default: COMPARED_METRICS).
 * `verdicts` (scenario name -> stability verdict) saves summarising the two scenarios again
 * when the caller has their summaries already.
 */
export function compareScenarios(
  experiment: ExperimentResult,
  a: number | string,
  b: number | string,
  verdicts?: ReadonlyMap<string, Verdict>,
  metrics: readonly ComparedMetric[] = COMPARED_METRICS,
): Comparison[] {
  const find = (k: number | string) =>
    typeof k === 'number' ? experiment.scenarios[k] : experiment.scenarios.find((s) => s.name === k);
  const sa = find(a);
  const sb = find(b);
  if (!sa || !sb) throw new RangeError(`no scenario ${String(sa ? b : a)} in this experiment`);
  const n = Math.min(sa.replications.length, sb.replications.length);
  const ttpCaveat = instabilityCaveat(sa, sb, verdicts);
  const currency = metrics.some((m) => m.unit === MONEY) ? commonCurrency([sa, sb]) : null;
  const formatAmount = (x: number, unit: string): string => formatAmountIn(x, unit, currency);
  return metrics.map((m) => {
    const diffs: number[] = [];
    const ratios: number[] = [];
    let missing = 0;
    for (let r = 0; r < n; r++) {
      const x = m.value(sa.replications[r].metrics);
      const y = m.value(sb.replications[r].metrics);
      if (!Number.isFinite(x) || !Number.isFinite(y)) missing++;
      diffs.push(x - y);
      ratios.push(x / y);
    }
    const caveat = m.metric.startsWith('timeToProduction.') ? ttpCaveat : null;
    const unit = m.unit === MONEY ? (currency ?? MONEY) : m.unit;
    const base = { a: sa.name, b: sb.name, metric: m.metric, label: m.label, unit, replications: n, caveat };
    if (missing > 0) {
      const statement = `No comparison of ${m.label} between ${sa.name} and ${sb.name}: it is not reached within the run (or not defined) in ${missing} of ${n} replications; run longer (--horizon) or read the stability verdicts.`;
      return {
        ...base,
        difference: NaN,
        ci95: [NaN, NaN] as [number, number],
        ratio: NaN,
        ratioCi95: [NaN, NaN] as [number, number],
        better: null,
        statement,
      };
    }
    const d = estimateOf(diffs);
    const q = estimateOf(ratios);
    const estimates = { difference: d.estimate, ci95: d.ci95, ratio: q.estimate, ratioCi95: q.ci95 };
    if (n < 2) {
      const statement = `One replication: ${sa.name} less ${sb.name} on ${m.label} is ${formatAmount(d.estimate, m.unit)}; there is no interval from one replication (run more, --reps).`;
      return { ...base, ...estimates, better: null, statement };
    }
    if (diffs.every((x) => x === 0)) {
      const statement = `${sa.name} and ${sb.name} do not differ on ${m.label}: every one of the ${n} paired replications gave the same figure.`;
      return { ...base, ...estimates, better: null, statement };
    }
    const clear = d.ci95[0] > 0 || d.ci95[1] < 0;
    const aBetter = m.lowerIsBetter ? d.estimate < 0 : d.estimate > 0;
    const better = clear ? (aBetter ? sa.name : sb.name) : null;
    const pct = (x: number): string => `${Math.abs(Math.round((x - 1) * 100))}%`;
    const [near, far] = [Math.abs(d.ci95[0]), Math.abs(d.ci95[1])].sort((x, y) => x - y);
    const statement = clear
      ? `${better} is better on ${m.label}: ${sa.name} ${m.lowerIsBetter === d.estimate < 0 ? 'beats' : 'trails'} ${sb.name} by ${formatAmount(Math.abs(d.estimate), m.unit)} (${pct(q.estimate)}; 95% CI ${formatAmount(near, m.unit)} to ${formatAmount(far, m.unit)}), over ${n} paired replications.`
      : `No clear difference on ${m.label} between ${sa.name} and ${sb.name}: the 95% CI of the difference (${formatAmount(d.ci95[0], m.unit)} to ${formatAmount(d.ci95[1], m.unit)}) includes zero, over ${n} paired replications.`;
    return { ...base, ...estimates, better, statement: caveat ? `${statement} ${caveat}` : statement };
  });
}
