/** Throughput over time (go-lives per quarter, from quarterlyThroughput) and abandonment rate per configuration. */
import type { ScenarioSummary } from '../analysis/experiment-summary.js';
import type { QuarterlyThroughput } from '../analysis/over-time.js';
import { intervalEnds, scenarioColour, themed, type VegaLiteSpec } from './theme.js';

export function throughputChart(throughput: readonly QuarterlyThroughput[]): VegaLiteSpec {
  const names = throughput.map((t) => t.scenario);
  const rows = throughput.flatMap(({ scenario, goLives }) =>
    goLives.map((mean, q) => ({ scenario, quarter: q + 1, goLives: mean })),
  );
  return themed(
    {
      width: 600,
      height: 300,
      data: { values: rows },
      mark: { type: 'line', point: { filled: true, size: 50 }, strokeWidth: 2.5 },
      encoding: {
        x: { field: 'quarter', type: 'ordinal', title: 'Quarter after the warm-up', axis: { labelAngle: 0 } },
        y: { field: 'goLives', type: 'quantitative', title: 'Use cases going live per quarter' },
        color: scenarioColour(names),
      },
    },
    'Throughput over time',
    'Go-lives per quarter, mean over replications',
  );
}

export function abandonmentChart(summaries: readonly ScenarioSummary[]): VegaLiteSpec {
  const names = summaries.map((s) => s.name);
  const rows = summaries.map((s) => ({
    scenario: s.name,
    rate: s.abandonmentRate.estimate,
    ...intervalEnds(s.abandonmentRate.estimate, s.abandonmentRate.ci95),
  }));
  const y = { field: 'scenario', type: 'nominal', title: null, sort: names };
  return themed(
    {
      width: 520,
      height: { step: 40 },
      data: { values: rows },
      layer: [
        {
          mark: { type: 'bar', size: 26 },
          encoding: {
            y,
            x: {
              field: 'rate',
              type: 'quantitative',
              title: 'Share of finished use cases abandoned',
              axis: { format: '%' },
            },
            color: { ...scenarioColour(names), legend: null },
          },
        },
        {
          mark: { type: 'rule', strokeWidth: 2 },
          encoding: { y, x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' } },
        },
        {
          mark: { type: 'text', align: 'left', dx: 8, fontSize: 12 },
          encoding: {
            y,
            x: { field: 'high', type: 'quantitative' },
            text: { field: 'rate', type: 'quantitative', format: '.0%' },
          },
        },
      ],
    },
    'Abandonment',
    'Use cases that never reach production, with 95% confidence intervals',
  );
}
