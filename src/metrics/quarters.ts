/**
 * The measured window quarter by quarter, for a run whose organisation changes during it (see
 * the timeline): use cases arrived and gone live, time to production of each quarter's
 * arrivals, work in progress and the use of the teams' people, so that the figures before,
 * during and after a change can be read apart.
 */
import type { RunResult } from '../model/index.js';
import { observationOf, percentilesOf, type TimeToProduction } from './replication-metrics.js';
import { timeToProductionDistribution } from '../statistics/competing-risks.js';

/** One quarter of the measured window (the last may be shorter: it ends at the horizon). */
export interface QuarterFigures {
  start: number;
  end: number;
  /** Use cases that arrived in the quarter. */
  arrived: number;
  /** Use cases that went live in the quarter. */
  goLives: number;
  /**
   * Days to production of the use cases that arrived in the quarter, those still open at the
   * horizon counted as censored: NaN where the run does not reach a percentile (`atLeast`
   * holds its bound), as later quarters' arrivals have less time to finish.
   */
  timeToProduction: TimeToProduction;
  /** Work in progress: the mean of the weekly samples in the quarter. */
  meanWip: number;
  /** Share of the teams' people's time there spent busy, and by role. */
  utilization: number;
  utilizationByRole: Record<string, number>;
}

/** The quarters of the measured window of `run`. */
export function quarterFigures(run: Pick<RunResult, 'items' | 'horizon' | 'flow' | 'periods'>): QuarterFigures[] {
  return run.periods.map((period) => {
    const { start, end } = period;
    const inQuarter = (t: number) => t >= start && t < end;
    const arrivals = run.items.filter((i) => inQuarter(i.arrival));
    const cohort = percentilesOf(timeToProductionDistribution(arrivals.map((i) => observationOf(i, run.horizon))));
    cohort.count = arrivals.filter((i) => i.outcome === 'live').length;
    return {
      start,
      end,
      arrived: arrivals.length,
      goLives: run.items.filter((i) => i.outcome === 'live' && inQuarter(i.end)).length,
      timeToProduction: cohort,
      meanWip: meanWipIn(run.flow, start, end),
      utilization: period.utilization,
      utilizationByRole: period.byRole,
    };
  });
}

/** Mean over the flow's samples in [start, end) of the use cases in all loops (NaN without a sample). */
function meanWipIn(flow: RunResult['flow'], start: number, end: number): number {
  let sum = 0;
  let n = 0;
  const loops = Object.values(flow.inLoop);
  for (let k = 0; k < flow.time.length; k++) {
    if (flow.time[k] < start || flow.time[k] >= end) continue;
    for (const series of loops) sum += series[k];
    n++;
  }
  return n > 0 ? sum / n : Number.NaN;
}
