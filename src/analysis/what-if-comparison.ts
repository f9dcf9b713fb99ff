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
