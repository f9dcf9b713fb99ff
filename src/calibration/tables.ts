/**
 * Calibrations and back-tests as tables (arquero), for notebooks and programs: the fitted
 * effort of each activity, the arrival streams, and a back-test's measures.
 */
import { type ColumnTable, table } from 'arquero';
import type { Backtest } from './backtest.js';
import type { Calibration } from './calibrate.js';
import { BACKTEST_MEASURES } from './backtest.js';
import { BACKTEST_LABELS, insideInterval } from './backtest-windows.js';

/** One row per activity, in workflow order: its role, the finished instances fitted, the family chosen, median, p90, the fit's p-value, and how many were under way. */
export function effortTable(c: Calibration): ColumnTable {
  const as = c.workflow.activities;
  return table({
    activity: as.map((a) => a.key),
    role: as.map((a) => a.role),
    n: as.map((a) => a.effort?.n ?? 0),
    distribution: as.map((a) => a.effort?.chosen ?? 'none finished'),
    median: as.map((a) => a.effort?.median ?? Number.NaN),
    p90: as.map((a) => a.effort?.p90 ?? Number.NaN),
    fit_p: as.map((a) => a.effort?.p ?? Number.NaN),
    under_way: as.map((a) => a.open),
  });
}

/** One row per arrival stream (domain and type): the count, the rate per month and Laplace's test for a trend. */
export function arrivalsTable(c: Calibration): ColumnTable {
  return table({
    domain: c.arrivals.map((a) => a.domain),
    type: c.arrivals.map((a) => a.type),
    arrivals: c.arrivals.map((a) => a.count),
    per_month: c.arrivals.map((a) => a.perMonth),
    trend_p: c.arrivals.map((a) => a.trendP),
  });
}

/**
 * One row per measure: each forecast's figure with its 95% interval, what happened, whether
 * it lies inside each interval, and which forecast came closer. The Wasserstein distance has
 * no interval and no actual: its row leaves them empty.
 */
export function backtestTable(b: Backtest): ColumnTable {
  const rows = BACKTEST_MEASURES.map((k) => ({
    measure: BACKTEST_LABELS[k],
    model: b.model[k].estimate,
    model_low: b.model[k].pi95[0],
    model_high: b.model[k].pi95[1],
    naive: b.naive[k].estimate,
    naive_low: b.naive[k].pi95[0],
    naive_high: b.naive[k].pi95[1],
    actual: b.actual[k],
    inside_model: insideInterval(b.model[k], b.actual[k]) as boolean | null,
    inside_naive: insideInterval(b.naive[k], b.actual[k]) as boolean | null,
    closer: b.closer[k],
  }));
  rows.push({
    measure: BACKTEST_LABELS.cycleTimeW1,
    model: b.model.cycleTimeW1,
    model_low: Number.NaN,
    model_high: Number.NaN,
    naive: b.naive.cycleTimeW1,
    naive_low: Number.NaN,
    naive_high: Number.NaN,
    actual: Number.NaN,
    inside_model: null,
    inside_naive: null,
    closer: b.closer.cycleTimeW1,
  });
  const columns: Record<string, unknown[]> = {};
  for (const key of Object.keys(rows[0]) as (keyof (typeof rows)[number])[]) columns[key] = rows.map((r) => r[key]);
  return table(columns);
}
