/**
 * Fitted against observed, for a calibration: a distribution fitted to observations drawn over
 * their empirical distribution function, and arrivals counted over time against the fitted
 * rate. Both take plain numbers, so the charts know nothing of how the fit was made.
 */
import type { FittedActivity } from '../calibration/index.js';
import { OTHER_PALETTE, themed, type VegaLiteSpec } from './theme.js';

const SMALL = { width: 300, height: 170 };

/**
 * The observations' empirical distribution function (a step) and the fitted one (a line, when
 * given: an empirical fit has none of its own) on one axis.
 */
export function fitChart(
  title: string,
  sorted: readonly number[],
  fitted: ((x: number) => number) | null,
  fittedLabel: string,
  unit: string,
): VegaLiteSpec {
  const n = sorted.length;
  const observed = sorted.map((x, i) => ({ x, share: (i + 1) / n, series: `observed (n ${n})` }));
  const top = sorted[n - 1] ?? 1;
  const line =
    fitted === null
      ? []
      : Array.from({ length: 101 }, (_, k) => ({
          x: (top * k) / 100,
          share: fitted((top * k) / 100),
          series: fittedLabel,
        }));
  const series = [`observed (n ${n})`, ...(fitted === null ? [] : [fittedLabel])];
  return themed(
    {
      ...SMALL,
      data: { values: [...observed, ...line] },
      mark: { type: 'line', strokeWidth: 2 },
      encoding: {
        x: { field: 'x', type: 'quantitative', title: unit },
        y: { field: 'share', type: 'quantitative', title: 'share at most', axis: { format: '%' } },
        color: {
          field: 'series',
          type: 'nominal',
          title: null,
          scale: { domain: series, range: [OTHER_PALETTE[7], OTHER_PALETTE[1]] },
        },
        strokeDash: {
          field: 'series',
          type: 'nominal',
          legend: null,
          scale: {
            domain: series,
            range: [
              [1, 0],
              [6, 3],
            ],
          },
        },
      },
    },
    title,
    fitted === null
      ? `observed, n ${n} (no family fits: the observations are used)`
      : `solid: observed, n ${n}; dashed: ${fittedLabel}`,
  );
}

/** Arrivals counted over the window (a step) against a constant fitted rate (a line). */
export function arrivalsChart(
  title: string,
  days: readonly number[],
  perDay: number,
  windowDays: number,
): VegaLiteSpec {
  const sorted = [...days].sort((a, b) => a - b);
  const counted = sorted.map((day, i) => ({ day, count: i + 1, series: 'arrived' }));
  const fitted = [0, windowDays].map((day) => ({ day, count: perDay * day, series: 'fitted rate' }));
  const x = { field: 'day', type: 'quantitative', title: 'days since the first arrival' };
  const y = { field: 'count', type: 'quantitative', title: 'use cases' };
  const color = {
    field: 'series',
    type: 'nominal',
    title: null,
    scale: { domain: ['arrived', 'fitted rate'], range: [OTHER_PALETTE[7], OTHER_PALETTE[1]] },
  };
  return themed(
    {
      ...SMALL,
      layer: [
        {
          data: { values: counted },
          mark: { type: 'line', strokeWidth: 2, interpolate: 'step-after' },
          encoding: { x, y, color },
        },
        {
          data: { values: fitted },
          mark: { type: 'line', strokeWidth: 2, strokeDash: [6, 3] },
          encoding: { x, y, color },
        },
      ],
    },
    title,
  );
}

/** A fitted activity's effort against its observations; null when no instance finished. */
export function activityFitChart(a: FittedActivity): VegaLiteSpec | null {
  const fit = a.effort;
  if (fit === null || fit.values.length === 0) return null;
  const fitted = fit.chosen === 'empirical' ? null : fit.best.cdf;
  const label = fit.chosen === 'empirical' ? 'empirical' : `fitted ${fit.chosen}`;
  return fitChart(a.key, fit.values, fitted, label, 'person-days');
}
