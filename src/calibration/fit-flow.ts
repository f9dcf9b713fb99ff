/**
 * How work arrives and moves between people, as the history shows it: arrivals per domain and
 * use-case type (a Poisson rate per month, with Laplace's test for a trend), and handovers:
 * the delay between one person's activity and the next person's, by the boundary crossed,
 * counting only what the next person's being busy does not explain, and the clarification
 * rounds with the domain's experts that follow some handovers.
 */
import { normalCdf, type Rng } from '../random/index.js';
import { DAYS_PER_MONTH } from '../scenario/index.js';
import { type DistributionFit, fitDistribution } from '../statistics/distribution-fit.js';
import type { FittedOrganisation } from './fit-organisation.js';
import { CLARIFICATION, idOf, MS_PER_DAY, SME } from './fit-workflow.js';
import type { ActivityInstance, History } from './history.js';

export interface FittedArrivals {
  domain: string;
  type: string;
  count: number;
  /** Use cases per month over the window. */
  perMonth: number;
  /** Laplace's trend statistic (standard normal without a trend; > 0: arrivals speed up). */
  trend: number;
  /** Its two-sided p-value. */
  trendP: number;
}

export type Boundary = 'same_team' | 'same_home' | 'cross_home';
export const BOUNDARIES: readonly Boundary[] = ['same_team', 'same_home', 'cross_home'];

export interface FittedHandovers {
  /** boundary -> fit of the delays (days); absent where no handover crossed it. */
  delay: Map<Boundary, DistributionFit>;
  /** boundary -> handovers seen. */
  count: Map<Boundary, number>;
  /** Handovers whose gap the next person's being busy explained in part (the busy time taken out). */
  busyExplained: number;
  /** boundary -> share of handovers followed by a clarification round. */
  clarification: Map<Boundary, number>;
  /** Days of clarification rounds (their queue included). */
  clarificationEffort: DistributionFit | null;
  /** Days from arrival to the first activity's enabled time, where both are known. */
  intakeWaits: number[];
}

/** Arrivals per domain and type over [start, exportTime]. */
export function fitArrivals(history: History): FittedArrivals[] {
  const window = history.exportTime - history.start;
  const streams = new Map<string, number[]>();
  for (const c of history.cases) {
    const key = `${idOf(c.domain)}|${idOf(c.type)}`;
    (streams.get(key) ?? streams.set(key, []).get(key))?.push(c.arrival - history.start);
  }
  return [...streams].map(([key, times]) => {
    const [domain, type] = key.split('|');
    const n = times.length;
    const trend = n > 1 ? (times.reduce((s, t) => s + t, 0) / n - window / 2) / (window * Math.sqrt(1 / (12 * n))) : 0;
    return {
      domain,
      type,
      count: n,
      perMonth: (n / (window / MS_PER_DAY)) * DAYS_PER_MONTH,
      trend,
      trendP: 2 * (1 - normalCdf(Math.abs(trend))),
    };
  });
}

/** The boundary between the teams of two activities (see the scenario's handovers); `homeOf` gives a team's home. */
function boundaryOf(
  a: ActivityInstance,
  b: ActivityInstance,
  homeOf: (x: ActivityInstance) => string | undefined,
): Boundary {
  if (a.team === b.team) return 'same_team';
  return homeOf(a) === homeOf(b) ? 'same_home' : 'cross_home';
}

/** For an activity, when its person was last busy with other work before it started (-Infinity: never). */
function busyBefore(history: History): (b: ActivityInstance) => number {
  const byPerson = new Map<string, ActivityInstance[]>();
  for (const c of history.cases)
    for (const a of c.activities)
      if (a.resource !== '') (byPerson.get(a.resource) ?? byPerson.set(a.resource, []).get(a.resource))?.push(a);
  for (const list of byPerson.values()) list.sort((x, y) => x.start - y.start);
  return (b) => {
    let until = -Infinity;
    for (const a of byPerson.get(b.resource) ?? []) {
      if (a.start >= b.start) break;
      until = Math.max(until, Number.isNaN(a.end) ? Infinity : a.end);
    }
    return until;
  };
}

/**
 * Handovers and clarification rounds of `history`. A handover is two consecutive activities
 * of a case done by different people; its delay is the gap from the first one's end to the
 * second one's enabled time (when the file has it), else to its start less the time its
 * person was still busy with other work, less any clarification round in between.
 */
export function fitHandovers(history: History, organisation: FittedOrganisation, rng: Rng): FittedHandovers {
  const homes = new Map(organisation.teams.map((t) => [t.id, t.home]));
  const busyUntil = busyBefore(history);
  const delays = new Map<Boundary, number[]>(BOUNDARIES.map((b) => [b, []]));
  const rounds = new Map<Boundary, number>(BOUNDARIES.map((b) => [b, 0]));
  const clarificationDays: number[] = [];
  const intakeWaits: number[] = [];
  let busyExplained = 0;
  for (const c of history.cases) {
    const first = c.activities[0];
    if (first !== undefined && Number.isFinite(first.enabled))
      intakeWaits.push((first.enabled - c.arrival) / MS_PER_DAY);
    let previous: ActivityInstance | undefined;
    let clarified = 0; // days of clarification since the previous step
    for (const a of c.activities) {
      if (a.activity === CLARIFICATION) {
        if (!Number.isNaN(a.end)) {
          clarified += (a.end - a.start) / MS_PER_DAY;
          clarificationDays.push((a.end - a.start) / MS_PER_DAY);
        }
        continue;
      }
      if (previous !== undefined && !Number.isNaN(previous.end) && a.resource !== previous.resource) {
        // a domain's experts are at home in their domain
        const homeOf = (x: ActivityInstance): string | undefined =>
          x.role === SME ? idOf(c.domain) : homes.get(idOf(x.team));
        const boundary = boundaryOf(previous, a, homeOf);
        let ready = a.enabled;
        if (!Number.isFinite(ready)) {
          const busy = busyUntil(a);
          ready = busy > previous.end ? Math.min(a.start, busy) : a.start;
          if (busy > previous.end) busyExplained++;
        }
        const gap = (ready - previous.end) / MS_PER_DAY - clarified;
        delays.get(boundary)?.push(Math.max(gap, 0));
        if (clarified > 0) rounds.set(boundary, (rounds.get(boundary) ?? 0) + 1);
      }
      previous = a;
      clarified = 0;
    }
  }
  const delay = new Map<Boundary, DistributionFit>();
  const count = new Map<Boundary, number>();
  const clarification = new Map<Boundary, number>();
  for (const b of BOUNDARIES) {
    const xs = delays.get(b) ?? [];
    count.set(b, xs.length);
    if (xs.some((x) => x > 0)) delay.set(b, fitDistribution(xs, rng));
    if (xs.length > 0) clarification.set(b, (rounds.get(b) ?? 0) / xs.length);
  }
  return {
    delay,
    count,
    busyExplained,
    clarification,
    clarificationEffort: clarificationDays.length > 0 ? fitDistribution(clarificationDays, rng) : null,
    intakeWaits,
  };
}
