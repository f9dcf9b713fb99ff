/**
 * What-ifs against their baselines: each variant compared with its baseline replication by
 * replication (common random numbers), on the headline metrics overall and on the time to
 * production of each domain. A difference is the variant's figure less the baseline's.
 */
import { type ColumnTable, table } from 'arquero';
import type { ExperimentResult, WhatIfScenario } from '../experiment/index.js';
import { summariseExperiment } from './experiment-summary.js';
import {
  type Comparison,
  type ComparedMetric,
  COMPARED_METRICS,
  compareScenarios,
  MONEY,
} from './paired-comparison.js';
import type { Verdict } from './stability.js';
import { differenceText } from './estimate-text.js';

/** The headline metrics of a what-if: those of every comparison, the share of use cases still open at the end, and value, cost of delay and net value per year. */
export const WHAT_IF_METRICS: readonly ComparedMetric[] = [
  ...COMPARED_METRICS,
  {
    metric: 'unfinishedShare',
    label: 'share of use cases still open at the end',
    unit: '',
    lowerIsBetter: true,
    value: (m) => m.unfinishedShare,
  },
  {
    metric: 'valuePerYear',
    label: 'value delivered per year',
    unit: MONEY,
    lowerIsBetter: false,
    value: (m) => m.valuePerYear,
  },
  {
    metric: 'costOfDelayPerYear',
    label: 'cost of delay per year',
    unit: MONEY,
    lowerIsBetter: true,
    value: (m) => m.costOfDelayPerYear,
  },
  {
    metric: 'netValuePerYear',
    label: 'net value per year',
    unit: MONEY,
    lowerIsBetter: false,
    value: (m) => m.netValuePerYear,
  },
];

/** Time to production (median and 85th percentile) of use cases of `domain`. */
export function domainMetrics(domain: string): ComparedMetric[] {
  return (['p50', 'p85'] as const).map((p) => ({
    metric: `domains.${domain}.timeToProduction.${p}`,
    label: `${p === 'p50' ? 'median' : '85th percentile'} time to production in ${domain}`,
    unit: 'days',
    lowerIsBetter: true,
    value: (m) => m.byDomain[domain]?.[p] ?? Number.NaN,
  }));
}

export interface WhatIfComparison extends Comparison {
  baseline: string;
  variant: string;
  /** The domain the metric is about, or null for the whole organisation. */
  domain: string | null;
}

/**
 * Every variant of `scenarios` (see whatIfScenarios) against its baseline, overall and per
 * domain. `verdicts` (scenario name -> stability verdict) saves summarising them again.
 */
export function compareWhatIfs(
  experiment: ExperimentResult,
  scenarios: readonly WhatIfScenario[],
  verdicts: ReadonlyMap<string, Verdict> = new Map(summariseExperiment(experiment).map((x) => [x.name, x.verdict])),
): WhatIfComparison[] {
  return scenarios.flatMap((s) => {
    const w = s.whatif;
    if (w === undefined) return [];
    const tag = (domain: string | null) => (c: Comparison) => ({ ...c, baseline: w.baseline, variant: s.name, domain });
    // a metric neither scenario has (value figures where no type has a value) is left out, not "not reached"
    const given = (name: string, m: ComparedMetric): boolean =>
      experiment.scenarios.find((x) => x.name === name)?.replications.some((r) => !Number.isNaN(m.value(r.metrics))) ??
      false;
    const metrics = WHAT_IF_METRICS.filter((m) => given(s.name, m) || given(w.baseline, m));
    const overall = compareScenarios(experiment, s.name, w.baseline, verdicts, metrics).map(tag(null));
    const byDomain = Object.keys(s.spec.domains).flatMap((d) =>
      compareScenarios(experiment, s.name, w.baseline, verdicts, domainMetrics(d)).map(tag(d)),
    );
    return [...overall, ...byDomain];
  });
}

/** The unit of a comparison's difference, for its table. */
function unitOf(c: Comparison): string {
  if (c.metric === 'abandonmentRate' || c.metric === 'unfinishedShare') return 'share (0 to 1)';
  return c.metric === 'throughputPerYear' ? 'go-lives a year' : c.unit;
}

/** What-if comparisons as a table (arquero): the what-if, its baseline, the domain (empty: overall), the metric (its key, words and unit), the difference with its 95% CI, and whether it is clear. */
export function whatIfTable(comparisons: readonly WhatIfComparison[]): ColumnTable {
  return table({
    what_if: comparisons.map((c) => c.variant),
    baseline: comparisons.map((c) => c.baseline),
    domain: comparisons.map((c) => c.domain ?? ''),
    metric: comparisons.map((c) => c.metric),
    label: comparisons.map((c) => c.label),
    unit: comparisons.map(unitOf),
    difference: comparisons.map((c) => c.difference),
    ci_low: comparisons.map((c) => c.ci95[0]),
    ci_high: comparisons.map((c) => c.ci95[1]),
    clear: comparisons.map((c) => c.better !== null),
  });
}

/** A column of a what-if table: the metric, its header, and how its differences read (decimals, scale, suffix). */
export interface WhatIfColumn {
  metric: string;
  header: string;
  digits: number;
  scale: number;
  suffix: string;
}

/** One what-if's row: its name, its baseline, and each column's difference as text with whether it is clear. */
export interface WhatIfRow {
  variant: string;
  baseline: string;
  cells: { text: string; clear: boolean }[];
}

/**
 * The overall comparisons of each what-if as rows of paired differences, for a terminal or a
 * report table; the columns are those of WHAT_IF_COLUMNS (or `metrics`, by key) that some
 * comparison has, money headers with the currency.
 */
export function whatIfRows(
  comparisons: readonly WhatIfComparison[],
  metrics: readonly string[] = WHAT_IF_METRICS.map((m) => m.metric).filter((m) => m !== 'abandonmentRate'),
): { columns: WhatIfColumn[]; rows: WhatIfRow[] } {
  const overall = comparisons.filter((c) => c.domain === null);
  // a money comparison's unit is the currency, or MONEY where the scenarios name none
  const moneyUnit = overall.find(
    (c) => c.unit !== MONEY && WHAT_IF_METRICS.some((m) => m.metric === c.metric && m.unit === MONEY),
  )?.unit;
  const currency = moneyUnit === undefined ? '' : ` (${moneyUnit})`;
  const column = (metric: string): WhatIfColumn => {
    const money = WHAT_IF_METRICS.find((m) => m.metric === metric)?.unit === MONEY;
    const header = COLUMN_HEADERS[metric] ?? metric;
    if (metric === 'throughputPerYear') return { metric, header, digits: 1, scale: 1, suffix: '' };
    if (metric === 'unfinishedShare') return { metric, header, digits: 1, scale: 100, suffix: ' pts' };
    return { metric, header: money ? `${header}${currency}` : header, digits: 0, scale: 1, suffix: '' };
  };
  const columns = metrics.filter((m) => overall.some((c) => c.metric === m)).map(column);
  const rows = [...new Set(overall.map((c) => c.variant))].map((variant) => {
    const of = overall.filter((c) => c.variant === variant);
    return {
      variant,
      baseline: of[0].baseline,
      cells: columns.map(({ metric, digits, scale, suffix }) => {
        const c = of.find((x) => x.metric === metric);
        return c === undefined
          ? { text: '-', clear: false }
          : { text: differenceText(c, digits, scale, suffix), clear: c.better !== null };
      }),
    };
  });
  return { columns, rows };
}

const COLUMN_HEADERS: Record<string, string> = {
  'timeToProduction.p50': 'Median days',
  'timeToProduction.p85': '85th percentile days',
  'timeToProduction.p95': '95th percentile days',
  throughputPerYear: 'Go-lives a year',
  unfinishedShare: 'Still open at the end',
  costPerGoLive: 'Cost per go-live',
  valuePerYear: 'Value added a year',
  costOfDelayPerYear: 'Cost of delay a year',
  netValuePerYear: 'Net value a year',
};
