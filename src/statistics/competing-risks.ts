/**
 * Time to production when not every use case has finished: the Aalen-Johansen estimator of
 * competing risks. Each use case either goes live, is abandoned (the competing outcome), or
 * is still open when the run ends; an open one is a censored observation: it took at least
 * its age. Leaving the open ones out keeps only the fast use cases and makes a slow
 * organisation look fast; counting them as finished at the end does the same. The estimator
 * uses each open use case for as long as it was seen, and no longer.
 *
 * Percentiles are of the time to production of the use cases that go live (abandoned ones
 * count in the abandonment share, as the operating model defines it). The share that will
 * eventually go live is what has gone live by the end of the follow-up plus the still-open
 * share split as the use cases that finished late split between live and abandoned: the last
 * quarter of the finishes, by the estimator's weight. Splitting the open ones like all the
 * finished ones would be biased: abandonment comes early in the workflow and go-live late, so
 * the use cases still open are mostly ones that will go live. A percentile that the
 * follow-up does not reach is reported as a lower bound, never as a value.
 */

/** The share of the finishes, counted from the last, whose split between live and abandoned is taken for the open use cases. */
export const LATE_FINISHES = 0.25;

/** How a use case's observation ended. */
export type Resolution = 'live' | 'abandoned' | 'open';

/** One observation: days from arrival to its end (or to the end of the run, when still open). */
export interface Observation {
  days: number;
  resolution: Resolution;
}

/** The cumulative incidence of going live and of abandonment, step functions over time. */
export interface CumulativeIncidence {
  /** Distinct days at which a use case went live or was abandoned, ascending. */
  times: number[];
  /** Probability of having gone live by times[k]. */
  live: number[];
  /** Probability of having been abandoned by times[k]. */
  abandoned: number[];
  /** Probability of being still open after the last observation (Kaplan-Meier of any end). */
  openAtEnd: number;
  /** The longest follow-up observed (days): nothing is known beyond it. */
  followUp: number;
  /** Observations behind the estimate. */
  count: number;
}

/**
 * Aalen-Johansen estimate from observations. At each distinct time t, with n(t) use cases
 * still at risk, the probability of still being open just before t is S(t-), and each
 * outcome's incidence grows by S(t-) * d(t) / n(t). Censorings at t leave the risk set after
 * the events at t (the usual convention).
 */
export function cumulativeIncidence(observations: readonly Observation[]): CumulativeIncidence {
  const sorted = [...observations].sort((a, b) => a.days - b.days);
  const times: number[] = [];
  const live: number[] = [];
  const abandoned: number[] = [];
  let atRisk = sorted.length;
  let open = 1;
  let cifLive = 0;
  let cifAbandoned = 0;
  let k = 0;
  while (k < sorted.length) {
    const t = sorted[k].days;
    let goLives = 0;
    let abandons = 0;
    let censored = 0;
    for (; k < sorted.length && sorted[k].days === t; k++) {
      const r = sorted[k].resolution;
      if (r === 'live') goLives++;
      else if (r === 'abandoned') abandons++;
      else censored++;
    }
    if (goLives + abandons > 0) {
      cifLive += (open * goLives) / atRisk;
      cifAbandoned += (open * abandons) / atRisk;
      open *= 1 - (goLives + abandons) / atRisk;
      times.push(t);
      live.push(cifLive);
      abandoned.push(cifAbandoned);
    }
    atRisk -= goLives + abandons + censored;
  }
  return {
    times,
    live,
    abandoned,
    openAtEnd: sorted.length === 0 ? NaN : open,
    followUp: sorted.length ? sorted[sorted.length - 1].days : NaN,
    count: sorted.length,
  };
}

/** A statistic that the follow-up may not reach: `value` when `reached`, else a lower bound. */
export interface BoundedValue {
  value: number;
  reached: boolean;
}

/** The distribution of time to production of the use cases that go live, from their incidence. */
export class TimeToProductionDistribution {
  /** Share of use cases that will go live, estimated (see the file's comment). */
  readonly eventualLiveShare: number;
  /** Share of finished use cases that were abandoned (weighted by the estimator). */
  readonly abandonedShare: number;

  constructor(readonly incidence: CumulativeIncidence) {
    const { live, abandoned, openAtEnd } = incidence;
    const n = live.length;
    const liveByEnd = n ? live[n - 1] : 0;
    const finished = liveByEnd + (n ? abandoned[n - 1] : 0);
    if (!(finished > 0)) {
      this.eventualLiveShare = NaN;
      this.abandonedShare = NaN;
      return;
    }
    // the finishes from the first time at which the last LATE_FINISHES of the finished mass remain
    let k = 0;
    while (k < n - 1 && live[k] + abandoned[k] < (1 - LATE_FINISHES) * finished) k++;
    const liveBefore = k > 0 ? live[k - 1] : 0;
    const finishedBefore = k > 0 ? live[k - 1] + abandoned[k - 1] : 0;
    const lateLiveShare = (liveByEnd - liveBefore) / (finished - finishedBefore);
    this.eventualLiveShare = liveByEnd + openAtEnd * lateLiveShare;
    this.abandonedShare = 1 - this.eventualLiveShare / (finished + openAtEnd);
  }

  /** Share of the eventual go-lives that are live within `days`. */
  shareLiveWithin(days: number): number {
    const { times, live } = this.incidence;
    let lo = 0;
    let hi = times.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (times[mid] <= days) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? 0 : live[lo - 1] / this.eventualLiveShare;
  }

  /**
   * The p-quantile (0 < p < 1): the first day by which a share p of the eventual go-lives
   * is live; not reached (a lower bound: the follow-up) when the share live by the end of the
   * follow-up is below p.
   */
  quantile(p: number): BoundedValue {
    const { times, live, followUp } = this.incidence;
    if (!(this.eventualLiveShare > 0)) return { value: followUp, reached: false };
    const target = p * this.eventualLiveShare * (1 - 1e-12);
    for (let k = 0; k < times.length; k++) if (live[k] >= target) return { value: times[k], reached: true };
    return { value: followUp, reached: false };
  }

  /**
   * The mean time to production of the eventual go-lives: reached only when no use case is
   * left open at the end of the follow-up; else a lower bound that puts the rest at the end.
   */
  mean(): BoundedValue {
    const { times, live, followUp } = this.incidence;
    if (!(this.eventualLiveShare > 0)) return { value: followUp, reached: false };
    let sum = 0;
    let previous = 0;
    for (let k = 0; k < times.length; k++) {
      sum += times[k] * (live[k] - previous);
      previous = live[k];
    }
    const rest = this.eventualLiveShare - previous;
    if (rest <= 1e-12 * this.eventualLiveShare) return { value: sum / this.eventualLiveShare, reached: true };
    return { value: (sum + rest * followUp) / this.eventualLiveShare, reached: false };
  }
}

/** The distribution of time to production from observations (see {@link cumulativeIncidence}). */
export function timeToProductionDistribution(observations: readonly Observation[]): TimeToProductionDistribution {
  return new TimeToProductionDistribution(cumulativeIncidence(observations));
}
