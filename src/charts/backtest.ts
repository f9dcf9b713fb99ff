/**
 * A back-test at a glance: for each measure, the model's and the naive forecast's 95%
 * intervals (bars) and figures (points), and what happened (a black line). One panel per
 * measure, each on its own scale (days and counts do not share an axis).
 */
import { BACKTEST_LABELS, BACKTEST_MEASURES, type Backtest } from '../calibration/index.js';
import { OTHER_PALETTE, themed, type VegaLiteSpec } from './theme.js';

const FORECASTS = ['model', 'naive forecast'] as const;

export function backtestChart(b: Backtest, title = 'Forecast against what happened'): VegaLiteSpec {
  const values = BACKTEST_MEASURES.flatMap((k) => [
    ...FORECASTS.map((name) => {
      const f = name === 'model' ? b.model[k] : b.naive[k];
      return { measure: BACKTEST_LABELS[k], series: name, value: f.estimate, low: f.pi95[0], high: f.pi95[1] };
    }),
    { measure: BACKTEST_LABELS[k], series: 'actual', value: b.actual[k], low: b.actual[k], high: b.actual[k] },
  ]);
  const series = [...FORECASTS, 'actual'];
  const color = {
    field: 'series',
    type: 'nominal',
    title: null,
    scale: { domain: series, range: [OTHER_PALETTE[0], OTHER_PALETTE[1], OTHER_PALETTE[7]] },
  };
  const y = { field: 'series', type: 'nominal', title: null, sort: FORECASTS, axis: null };
  const x = { field: 'value', type: 'quantitative', title: null, scale: { zero: false } };
  return themed(
    {
      data: { values },
      facet: {
        row: {
          field: 'measure',
          type: 'nominal',
          title: null,
          sort: BACKTEST_MEASURES.map((k) => BACKTEST_LABELS[k]),
          header: { labelOrient: 'top', labelAnchor: 'start', labelAngle: 0, labelLimit: 0 },
        },
      },
      spec: {
        width: 380,
        height: 54,
        layer: [
          {
            transform: [{ filter: "datum.series !== 'actual'" }],
            mark: { type: 'rule', strokeWidth: 3 },
            encoding: { y, x: { ...x, field: 'low' }, x2: { field: 'high' }, color },
          },
          {
            transform: [{ filter: "datum.series !== 'actual'" }],
            mark: { type: 'point', filled: true, size: 70 },
            encoding: { y, x, color },
          },
          {
            transform: [{ filter: "datum.series === 'actual'" }],
            mark: { type: 'rule', strokeWidth: 3 },
            encoding: { x, color },
          },
        ],
      },
      resolve: { scale: { x: 'independent' } },
    },
    title,
    'points: the forecasts, bars their 95% intervals; black: what happened',
  );
}
