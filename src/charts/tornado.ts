/** Tornado chart from sensitivity results: the levers that move the 85th percentile most, on top. */
import { estimateText } from '../analysis/estimate-text.js';
import type { SensitivityResult } from '../experiment/sensitivity.js';
import { humanise, intervalEnds, OTHER_PALETTE, themed, type VegaLiteSpec } from './theme.js';

export function tornadoChart(result: SensitivityResult, top = 12): VegaLiteSpec {
  const levers = result.levers.slice(0, top).map((l) => ({
    ...l,
    label: `${humanise(l.label)} (${[l.low ? `down: ${l.low.label}` : '', l.high ? `up: ${l.high.label}` : ''].filter(Boolean).join(', ')})`,
  }));
  const rows = levers.flatMap((l) =>
    (['low', 'high'] as const).flatMap((side) => {
      const e = l[side];
      if (e === null || !Number.isFinite(e.effect)) return [];
      return [
        {
          lever: l.label,
          setting: side === 'low' ? 'Lever down' : 'Lever up',
          label: e.label,
          effect: e.effect,
          shown: e.kind === 'estimate' ? 'estimate' : 'a bound (p85 beyond the run)',
          ...intervalEnds(e.effect, e.ci95),
        },
      ];
    }),
  );
  const y = {
    field: 'lever',
    type: 'nominal',
    title: null,
    sort: levers.map((l) => l.label),
    // vega measures text in Node by an estimate (0.8 em a character), wider than it draws
    axis: { labelLimit: 1000 },
  };
  return themed(
    {
      width: 520,
      height: { step: 30 },
      data: { values: rows },
      layer: [
        {
          mark: { type: 'bar', size: 20 },
          encoding: {
            y,
            x: {
              field: 'effect',
              type: 'quantitative',
              title: `Change in 85th percentile time to production (days; base ${estimateText(result.baseP85).value})`,
            },
            color: {
              field: 'setting',
              type: 'nominal',
              title: null,
              scale: { domain: ['Lever down', 'Lever up'], range: [OTHER_PALETTE[0], OTHER_PALETTE[1]] },
            },
            opacity: {
              field: 'shown',
              type: 'ordinal',
              title: null,
              sort: ['estimate', 'a bound (p85 beyond the run)'],
              scale: { domain: ['estimate', 'a bound (p85 beyond the run)'], range: [0.9, 0.35] },
            },
          },
        },
        {
          mark: { type: 'rule', color: '#333' },
          encoding: { y, x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' } },
        },
        {
          data: { values: [{ zero: 0 }] },
          mark: { type: 'rule', color: '#000', strokeWidth: 1.5 },
          encoding: { x: { field: 'zero', type: 'quantitative' } },
        },
      ],
    },
    `Which lever matters most: ${result.base}`,
    [
      'Each lever moved one step down and up; bars show the effect with its 95% confidence interval',
      'Pale bars are bounds: a p85 beyond the run in some replication',
    ],
  );
}
