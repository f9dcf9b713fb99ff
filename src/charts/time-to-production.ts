/**
 * Time to production per configuration: its distribution as an ECDF (the share of use cases
 * live within x days), with the median and 85th percentile marked, and as a box plot.
 */
import { quantileSorted } from 'simple-statistics';
import type { ScenarioSummary } from '../analysis/experiment-summary.js';
import type { ExperimentResult } from '../experiment/experiment.js';
import { scenarioColour, themed, type VegaLiteSpec } from './theme.js';

function pooledTimes(experiment: ExperimentResult): { scenario: string; sorted: number[] }[] {
  return experiment.scenarios.map((s) => ({
    scenario: s.name,
    sorted: s.replications.flatMap((r) => r.items.filter((i) => i.outcome === 'live').map((i) => i.timeToProduction)).sort((a, b) => a - b),
  }));
}

/** ECDF of time to production over all replications, with median and p85 (estimates over replications). */
export function timeToProductionChart(experiment: ExperimentResult, summaries: readonly ScenarioSummary[]): VegaLiteSpec {
  const names = experiment.scenarios.map((s) => s.name);
  const curve: Record<string, unknown>[] = [];
  for (const { scenario, sorted } of pooledTimes(experiment)) {
    if (sorted.length === 0) continue;
    for (let k = 0; k <= 100; k++) curve.push({ scenario, days: quantileSorted(sorted, k / 100), share: k / 100 });
  }
  const marks = summaries.flatMap((s) => [
    { scenario: s.name, statistic: 'median', days: s.timeToProduction.p50.estimate, share: 0.5 },
    { scenario: s.name, statistic: '85th percentile', days: s.timeToProduction.p85.estimate, share: 0.85 },
  ]);
  return themed(
    {
      width: 640,
      height: 340,
      layer: [
        {
          data: { values: curve },
          mark: { type: 'line', strokeWidth: 2.5, interpolate: 'monotone' },
          encoding: {
            x: { field: 'days', type: 'quantitative', title: 'Days from request to production' },
            y: { field: 'share', type: 'quantitative', title: 'Share of use cases live', axis: { format: '%' }, scale: { domain: [0, 1] } },
            color: scenarioColour(names),
          },
        },
        {
          data: { values: marks },
          mark: { type: 'point', filled: true, size: 90, stroke: 'white', strokeWidth: 1.5 },
          encoding: {
            x: { field: 'days', type: 'quantitative' },
            y: { field: 'share', type: 'quantitative' },
            color: scenarioColour(names),
            shape: { field: 'statistic', type: 'nominal', title: 'Marked', scale: { domain: ['median', '85th percentile'], range: ['circle', 'diamond'] } },
          },
        },
      ],
    },
    'Time to production',
    'Share of use cases in production within a number of days; median and 85th percentile marked',
  );
}

/** Box plot of time to production per configuration: box from p25 to p75, whiskers p5 to p95, median tick. */
export function timeToProductionBoxChart(experiment: ExperimentResult): VegaLiteSpec {
  const names = experiment.scenarios.map((s) => s.name);
  const rows = pooledTimes(experiment)
    .filter((p) => p.sorted.length > 0)
    .map(({ scenario, sorted }) => {
      const q = (p: number) => quantileSorted(sorted, p);
      return { scenario, p5: q(0.05), p25: q(0.25), p50: q(0.5), p75: q(0.75), p95: q(0.95) };
    });
  const y = { field: 'scenario', type: 'nominal', title: null, sort: names };
  return themed(
    {
      width: 600,
      height: { step: 46 },
      data: { values: rows },
      layer: [
        { mark: { type: 'rule', strokeWidth: 1.5 }, encoding: { y, x: { field: 'p5', type: 'quantitative', title: 'Days from request to production' }, x2: { field: 'p95' }, color: { ...scenarioColour(names), legend: null } } },
        { mark: { type: 'bar', size: 24 }, encoding: { y, x: { field: 'p25', type: 'quantitative' }, x2: { field: 'p75' }, color: { ...scenarioColour(names), legend: null } } },
        { mark: { type: 'tick', color: 'white', thickness: 3, size: 24 }, encoding: { y, x: { field: 'p50', type: 'quantitative' } } },
        { mark: { type: 'text', align: 'left', dx: 6, fontSize: 12 }, encoding: { y, x: { field: 'p95', type: 'quantitative' }, text: { field: 'p50', type: 'quantitative', format: '.0f', title: 'median' } } },
      ],
    },
    'Time to production per configuration',
    'Box: middle half of use cases; line: 5th to 95th percentile; white tick and label: median days',
  );
}
