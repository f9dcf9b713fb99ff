/**
 * Does a configuration keep up with its demand? One that does not has no steady-state time to
 * production: its work in progress grows through the run and every figure depends on how long
 * it is run. The verdict reads the growth of work in progress over the measured window (a
 * least-squares slope per replication, then its mean and 95% interval over replications) and
 * names the saturated people.
 */
import type { Estimate } from './experiment-summary.js';

/** Utilization at or above which a pool of people is called saturated. */
export const SATURATED_UTILIZATION = 0.95;

/**
 * Utilization at or above which a pool is taken to be over its capacity whatever the growth
 * of work in progress shows: at that load the queue behind it has no useful steady state, and
 * with few replications its growth may not be clear yet.
 */
export const OVERLOADED_UTILIZATION = 0.99;

/**
 * Growth of work in progress per quarter, as a share of the use cases arriving per quarter
 * (the share of demand left undone), above which a clear growth is called a failure to keep
 * up. Below it, a clear but small growth is taken for a slow transient (a pipeline still
 * filling).
 */
export const MATERIAL_GROWTH_PER_QUARTER = 0.02;

/**
 * Growth per quarter, as a share of the use cases arriving per quarter, that the 95% interval
 * must rule out before a configuration is said to keep up; a wider interval gives no verdict.
 */
export const RULED_OUT_GROWTH_PER_QUARTER = 0.1;

/** keeps-up, does-not-keep-up, or cannot-tell (too few replications, or too short a window, to say). */
export type Verdict = 'keeps-up' | 'does-not-keep-up' | 'cannot-tell';

export interface SaturatedPool {
  team: string;
  role: string;
  utilization: number;
}

export interface StabilityVerdict {
  verdict: Verdict;
  /** verdict === 'keeps-up'. */
  stable: boolean;
  saturated: SaturatedPool[];
  /** A plain sentence for the terminal and the report. */
  statement: string;
}

const oneDecimal = (x: number): string =>
  x.toLocaleString('en', { maximumFractionDigits: 1, minimumFractionDigits: 1 });

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

const busy = (pools: SaturatedPool[]): string =>
  pools.map((p) => `${p.team}/${p.role} ${Math.round(p.utilization * 100)}% busy`).join(', ');

/** The verdict for configuration `name`, from its work-in-progress growth, its arrivals per quarter and its utilization. */
export function stabilityOf(
  name: string,
  growth: Estimate,
  arrivalsPerQuarter: Estimate,
  utilization: Record<string, number>,
): StabilityVerdict {
  const saturated = saturatedPools(utilization);
  const overloaded = saturated.filter((p) => p.utilization >= OVERLOADED_UTILIZATION);
  const [low, high] = growth.ci95;
  const hasInterval = Number.isFinite(low) && Number.isFinite(high);
  const scale = Math.max(arrivalsPerQuarter.estimate, 1);
  const change = `work in progress changes by ${oneDecimal(growth.estimate)} per quarter${hasInterval ? ` (95% CI ${oneDecimal(low)} to ${oneDecimal(high)})` : ''}`;
  const depends = 'its time to production depends on how long you run it.';
  const verdict = (v: Verdict, statement: string): StabilityVerdict => ({
    verdict: v,
    stable: v === 'keeps-up',
    saturated,
    statement,
  });

  if (overloaded.length > 0) {
    return verdict(
      'does-not-keep-up',
      `${name} does not keep up with demand: ${busy(overloaded)} all the time, so the work waiting for ${overloaded.length > 1 ? 'them' : 'it'} keeps piling up (${change}); ${depends}`,
    );
  }
  if (!Number.isFinite(growth.estimate)) {
    return verdict(
      'cannot-tell',
      `Cannot tell whether ${name} keeps up with its demand: the measured window is too short to see a trend in work in progress (lengthen horizon_days).`,
    );
  }
  if (hasInterval && low > 0 && growth.estimate > MATERIAL_GROWTH_PER_QUARTER * scale) {
    const who = saturated.length
      ? ` Saturated: ${busy(saturated)}.`
      : ` No pool of people is ${Math.round(SATURATED_UTILIZATION * 100)}% busy${busiest(utilization)}: look also at gates, planning and handovers.`;
    return verdict(
      'does-not-keep-up',
      `${name} does not keep up with demand: work in progress grows by ${oneDecimal(growth.estimate)} per quarter (95% CI ${oneDecimal(low)} to ${oneDecimal(high)}); ${depends}${who}`,
    );
  }
  if (hasInterval && high < RULED_OUT_GROWTH_PER_QUARTER * scale) {
    return verdict(
      'keeps-up',
      `${name} keeps up with its demand: ${change}.${saturated.length ? ` Near saturation: ${busy(saturated)}.` : ''}`,
    );
  }
  return verdict(
    'cannot-tell',
    `Cannot tell yet whether ${name} keeps up with its demand: ${change}${hasInterval ? ', too uncertain' : ', with no interval from one replication'}; run more replications (--reps).${saturated.length ? ` Near saturation: ${busy(saturated)}.` : ''}`,
  );
}
