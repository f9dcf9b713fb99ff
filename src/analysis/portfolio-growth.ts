/**
 * How delivery changes as the portfolio of live models grows: time to production by the
 * quarter a use case arrived in, the maintenance work per quarter (from the event logs) and
 * the models in production (from the flow series), which level off once as many retire as go live.
 */
import type { ExperimentResult } from '../experiment/experiment.js';
import { timeToProductionDistribution, type Observation } from '../statistics/competing-risks.js';
import { observationOf } from '../metrics/replication-metrics.js';
import { keptItems } from './tables.js';

import { DAYS_PER_QUARTER as QUARTER } from '../scenario/time-units.js';

/**
 * Median time to production of the use cases arriving in each quarter (after the warm-up),
 * pooled over replications (a quarter holds too few use cases per replication for a median of
 * its own), with the same estimator as every other figure: use cases still open at the end
 * count as censored (needs runExperiment with keepItems). A quarter whose median the run does not reach (its use cases arrived too
 * late to see half of them live) is left out: `open` says how many were still open.
 */
export function deliveryByArrivalQuarter(
  experiment: ExperimentResult,
  warmup: number,
): { scenario: string; quarter: number; medianDays: number; useCases: number; open: number }[] {
  const rows: { scenario: string; quarter: number; medianDays: number; useCases: number; open: number }[] = [];
  for (const s of experiment.scenarios) {
    const byQuarter = new Map<number, Observation[]>();
    for (const r of s.replications) {
      for (const i of keptItems(r, 'deliveryByArrivalQuarter')) {
        const q = Math.floor((i.arrival - warmup) / QUARTER) + 1;
        const observations = byQuarter.get(q);
        if (observations) observations.push(observationOf(i, r.horizon));
        else byQuarter.set(q, [observationOf(i, r.horizon)]);
      }
    }
    for (const [quarter, observations] of [...byQuarter].sort((a, b) => a[0] - b[0])) {
      const median = timeToProductionDistribution(observations).quantile(0.5);
      if (!median.reached) continue;
      rows.push({
        scenario: s.name,
        quarter,
        medianDays: median.value,
        useCases: observations.length,
        open: observations.filter((o) => o.resolution === 'open').length,
      });
    }
  }
  return rows;
}

/**
 * Person-days of maintenance started per quarter (after the warm-up), mean over replications;
 * needs the replications' logs (runExperiment with keepLogs).
 */
export function maintenanceByQuarter(
  experiment: ExperimentResult,
  warmup: number,
  horizon: number,
): { scenario: string; quarter: number; maintenanceDays: number }[] {
  const quarters = Math.floor((horizon - warmup) / QUARTER);
  const rows: { scenario: string; quarter: number; maintenanceDays: number }[] = [];
  for (const s of experiment.scenarios) {
    const totals = Array.from({ length: quarters }, () => 0);
    for (const r of s.replications) {
      const log = r.log;
      if (!log)
        throw new RangeError('maintenanceByQuarter needs the event logs: run the experiment with keepLogs: true');
      for (let k = 0; k < log.kind.length; k++) {
        if (log.kind[k] !== 'maintenance_end') continue;
        const q = Math.floor((log.time[k] - warmup) / QUARTER);
        if (q >= 0 && q < quarters) totals[q] += log.duration[k];
      }
    }
    for (const [q, t] of totals.entries())
      rows.push({ scenario: s.name, quarter: q + 1, maintenanceDays: t / s.replications.length });
  }
  return rows;
}

/**
 * Models in production at the end of each quarter after the warm-up (the last sample of the
 * flow series in it), mean over replications: the build-up of the portfolio and, with
 * retirement, its plateau.
 */
export function modelsInProductionByQuarter(
  experiment: ExperimentResult,
  warmup: number,
  horizon: number,
): { scenario: string; quarter: number; models: number }[] {
  const quarters = Math.floor((horizon - warmup) / QUARTER);
  const rows: { scenario: string; quarter: number; models: number }[] = [];
  for (const s of experiment.scenarios) {
    const totals = Array.from({ length: quarters }, () => 0);
    for (const r of s.replications) {
      const { time, inProduction } = r.flow;
      let k = 0;
      for (let q = 0; q < quarters; q++) {
        const end = warmup + (q + 1) * QUARTER;
        while (k + 1 < time.length && time[k + 1] <= end) k++;
        totals[q] += inProduction[k];
      }
    }
    for (const [q, t] of totals.entries())
      rows.push({ scenario: s.name, quarter: q + 1, models: t / Math.max(1, s.replications.length) });
  }
  return rows;
}
