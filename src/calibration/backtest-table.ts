/**
 * A back-test as a table (arquero), one row per measure: each forecast's figure with its 95%
 * interval, what happened, and which forecast came closer. The Wasserstein distance has no
 * interval and no actual: its row leaves them empty.
 */
import { type ColumnTable, table } from 'arquero';
import type { Backtest } from './backtest.js';
import { BACKTEST_MEASURES } from './backtest.js';
import { BACKTEST_LABELS, insideInterval } from './backtest-windows.js';

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
    inside_model: insideInterval(b.model[k], b.actual[k]),
    inside_naive: insideInterval(b.naive[k], b.actual[k]),
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
    inside_model: false,
    inside_naive: false,
    closer: b.closer.cycleTimeW1,
  });
  const columns: Record<string, unknown[]> = {};
  for (const key of Object.keys(rows[0]) as (keyof (typeof rows)[number])[]) columns[key] = rows.map((r) => r[key]);
  return table(columns);
}
