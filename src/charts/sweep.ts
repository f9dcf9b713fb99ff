/** A sweep: a metric against one swept parameter, with its 95% confidence band, one line per configuration. */
import type { ScenarioSummary, TimeToProductionSummary } from '../analysis/experiment-summary.js';
import { summariseSweep } from '../analysis/sweep-summary.js';
import type { SweepResult } from '../experiment/sweep.js';
import { boundShape, plottedEstimate, scenarioColour, shownAs, themed, type VegaLiteSpec } from './theme.js';

const AT_LEAST = 'at least (beyond the run)';

export type SweepMetric = keyof TimeToProductionSummary | 'throughputPerYear' | 'costPerGoLive';

const LABELS: Record<SweepMetric, string> = {
  mean: 'Mean time to production (days)',
  p50: 'Median time to production (days)',
  p85: '85th percentile time to production (days)',
  p95: '95th percentile time to production (days)',
  throughputPerYear: 'Go-lives per year',
  costPerGoLive: 'Cost per go-live',
};

function estimate(s: ScenarioSummary, metric: SweepMetric) {
  return metric === 'throughputPerYear' || metric === 'costPerGoLive' ? s[metric] : s.timeToProduction[metric];
}

/** `sweeps`: one sweep per configuration (named), all over the same parameter `path`. */
export function sweepChart(
  sweeps: readonly { name: string; sweep: SweepResult }[],
  path: string,
  metric: SweepMetric = 'p85',
  parameterLabel = path,
): VegaLiteSpec {
  const names = sweeps.map((s) => s.name);
  const rows = sweeps.flatMap(({ name, sweep }) =>
    // the chart draws the points alone: no comparison with a reference
    summariseSweep(sweep, null).map((p) => {
      const e = plottedEstimate(estimate(p.summary, metric));
      return { scenario: name, value: Number(p.values[path]), ...e, shown: shownAs(e, AT_LEAST) };
    }),
  );
  const x = { field: 'value', type: 'quantitative', title: parameterLabel, axis: { tickMinStep: 1 } };
  return themed(
    {
      width: 560,
      height: 320,
      data: { values: rows },
      layer: [
        {
          mark: { type: 'area', opacity: 0.18 },
          encoding: {
            x,
            y: { field: 'low', type: 'quantitative', title: LABELS[metric], scale: { zero: false } },
            y2: { field: 'high' },
            color: scenarioColour(names),
          },
        },
        {
          mark: { type: 'line', strokeWidth: 2.5 },
          encoding: { x, y: { field: 'estimate', type: 'quantitative' }, color: scenarioColour(names) },
        },
        {
          mark: { type: 'point', filled: true, size: 60 },
          encoding: {
            x,
            y: { field: 'estimate', type: 'quantitative' },
            color: scenarioColour(names),
            shape: boundShape(AT_LEAST, 'triangle-up'),
          },
        },
      ],
    },
    `${LABELS[metric].replace(/ \(.*\)$/, '')} as ${parameterLabel} changes`,
    [
      'Mean over replications with common random numbers; band: 95% confidence interval',
      'A triangle is a lower bound: the run ended before that share was live in some replication',
    ],
  );
}
