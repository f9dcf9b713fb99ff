/**
 * Does a configuration keep up with its demand? One that does not has no steady-state time to
 * production: its work in progress grows through the run and every figure depends on how long
 * it is run. The verdict reads the growth of work in progress over the measured window (a
 * least-squares slope per replication, then its mean and 95% interval over replications) and
 * names the saturated people.
 */
import type { Estimate } from './experiment-summary.js';

/** Utilisation at or above which a pool of people is called saturated. */
export const SATURATED_UTILIZATION = 0.95;

/**
 * Utilisation at or above which a pool is taken to be over its capacity whatever the growth
 * of work in progress shows: busy all the time, its queue never empties, and with few
 * replications the growth may not yet be clear.
 */
export const OVERLOADED_UTILIZATION = 0.99;

/**
 * Growth of work in progress per quarter, as a share of the mean work in progress, above
 * which a clear growth is called a failure to keep up (below it, the growth is a slow
 * transient such as a pipeline still filling, and the verdict says so).
 */
export const MATERIAL_GROWTH_PER_QUARTER = 0.02;

export interface SaturatedPool {
  team: string;
  role: string;
  utilization: number;
}

export interface StabilityVerdict {
  stable: boolean;
  saturated: SaturatedPool[];
  /** A plain sentence for the terminal and the report. */
  statement: string;
}

const oneDecimal = (x: number): string => x.toLocaleString('en', { maximumFractionDigits: 1, minimumFractionDigits: 1 });

/** Pools at or above the saturation threshold, most used first; `utilization` maps `team/role`. */
export function saturatedPools(utilization: Record<string, number>): SaturatedPool[] {
  return Object.entries(utilization)
    .filter(([, u]) => u >= SATURATED_UTILIZATION)
    .map(([key, u]) => {
      const slash = key.lastIndexOf('/');
      return { team: key.slice(0, slash), role: key.slice(slash + 1), utilization: u };
    })
    .sort((a, b) => b.utilization - a.utilization);
}

/** `; the busiest: team/role 93% busy`, or nothing when there is no pool. */
function busiest(utilization: Record<string, number>): string {
  const top = Object.entries(utilization).sort((a, b) => b[1] - a[1])[0];
  return top === undefined ? '' : ` (the busiest: ${top[0]} ${Math.round(top[1] * 100)}%)`;
}

/** The verdict for configuration `name`, from its work-in-progress growth and mean and its utilisation. */
export function stabilityOf(name: string, growth: Estimate, meanWip: Estimate, utilization: Record<string, number>): StabilityVerdict {
  const saturated = saturatedPools(utilization);
  const low = Number.isFinite(growth.ci95[0]) ? growth.ci95[0] : growth.estimate;
  const material = growth.estimate > MATERIAL_GROWTH_PER_QUARTER * Math.max(meanWip.estimate, 1);
  const growing = low > 0 && material;
  const overloaded = saturated.filter((p) => p.utilization >= OVERLOADED_UTILIZATION);
  const stable = !growing && overloaded.length === 0;
  const interval = Number.isFinite(growth.ci95[0]) ? ` (95% CI ${oneDecimal(growth.ci95[0])} to ${oneDecimal(growth.ci95[1])})` : ' (one replication: no interval)';
  const busy = (pools: SaturatedPool[]): string => pools.map((p) => `${p.team}/${p.role} ${Math.round(p.utilization * 100)}% busy`).join(', ');
  const depends = 'its time to production depends on how long you run it.';
  let statement: string;
  if (stable) {
    statement = `${name} keeps up with its demand: work in progress changes by ${oneDecimal(growth.estimate)} per quarter${interval}.${saturated.length ? ` Near saturation: ${busy(saturated)}.` : ''}`;
  } else if (growing) {
    statement = `${name} does not keep up with demand: work in progress grows by ${oneDecimal(growth.estimate)} per quarter${interval}; ${depends}${saturated.length ? ` Saturated: ${busy(saturated)}.` : ` No pool of people is ${Math.round(SATURATED_UTILIZATION * 100)}% busy${busiest(utilization)}: look also at gates, planning and handovers.`}`;
  } else {
    statement = `${name} does not keep up with demand: ${busy(overloaded)} all the time, so the work waiting for ${overloaded.length > 1 ? 'them' : 'it'} can only grow (work in progress changes by ${oneDecimal(growth.estimate)} per quarter${interval}, not yet clear over these replications); ${depends}`;
  }
  return { stable, saturated, statement };
}
