/** Configurations compared: each metric's estimate with its 95% interval, one panel per metric. */
import { type BoundedEstimate, type ScenarioSummary, valueOrBound } from '../analysis/experiment-summary.js';
import { boundShape, plottedEstimate, scenarioColour, shownAs, themed, type VegaLiteSpec } from './theme.js';

const AT_LEAST = 'at least';

const METRICS: { label: string; value: (s: ScenarioSummary) => BoundedEstimate }[] = [
  { label: 'Median time to production (days)', value: (s) => s.timeToProduction.p50 },
  { label: '85th percentile time to production (days)', value: (s) => s.timeToProduction.p85 },
  { label: 'Go-lives per year', value: (s) => s.throughputPerYear },
  { label: 'Cost per go-live', value: (s) => s.costPerGoLive },
];

export function comparisonChart(summaries: readonly ScenarioSummary[]): VegaLiteSpec {
  const names = summaries.map((s) => s.name);
  const currency = summaries[0]?.currency;
  // a metric no configuration has (costs not given) gets no panel
  const metrics = METRICS.filter((m) => summaries.some((s) => Number.isFinite(valueOrBound(m.value(s))))).map((m) =>
    m.label === 'Cost per go-live' && currency ? { ...m, label: `${m.label} (${currency})` } : m,
  );
  const rows = summaries.flatMap((s) =>
    metrics.map((m) => {
      const e = plottedEstimate(m.value(s));
      return { scenario: s.name, metric: m.label, ...e, shown: shownAs(e, AT_LEAST) };
    }),
  );
  const y = { field: 'scenario', type: 'nominal', title: null, sort: names };
  return themed(
    {
      data: { values: rows },
      facet: {
        row: {
          field: 'metric',
          type: 'nominal',
          title: null,
          sort: metrics.map((m) => m.label),
          header: { labelAngle: 0, labelAlign: 'left', labelAnchor: 'start', labelOrient: 'top' },
        },
      },
      spec: {
        width: 520,
        height: { step: 30 },
        layer: [
          {
            mark: { type: 'rule', strokeWidth: 3 },
            encoding: {
              y,
              x: { field: 'low', type: 'quantitative', title: null, scale: { zero: false } },
              x2: { field: 'high' },
              color: scenarioColour(names),
            },
          },
          {
            mark: { type: 'point', filled: true, size: 110 },
            encoding: {
              y,
              x: { field: 'estimate', type: 'quantitative' },
              color: scenarioColour(names),
              shape: boundShape(AT_LEAST, 'triangle-right'),
            },
          },
        ],
      },
      resolve: { scale: { x: 'independent' } },
    },
    'Configurations compared',
    [
      'Mean over replications, with its 95% confidence interval',
      'A triangle is a lower bound: the run ended before that share was live in some replication',
    ],
  );
}
