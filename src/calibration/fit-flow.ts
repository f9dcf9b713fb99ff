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
import type { ActivityInstance, History, HistoryCase } from './history.js';

export interface FittedArrivals {
  domain: string;
  type: string;
  count: number;
  /** The arrivals, in days since the history's first. */
  days: number[];
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
  /** boundary -> handovers seen (those left out of the delays included). */
  count: Map<Boundary, number>;
  /** Handovers left out of the delays: the next person was busy with other work until they started, so the gap only bounds the delay. */
  busyBounded: number;
  /** boundary -> share of handovers followed by a clarification round. */
  clarification: Map<Boundary, number>;
  /** Days of clarification rounds, from an expert's start to the answer (fitted as the experts' effort). */
  clarificationEffort: DistributionFit | null;
  /** Days from arrival to the first activity's enabled time (or start, where its person was not busy until then); none without an arrival column. */
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
      days: times.map((t) => t / MS_PER_DAY),
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

/**
 * For an activity, when its person was last busy with other work that started before it
 * (-Infinity: never): the latest end among their earlier activities, a running maximum over
 * each person's activities in order of start (under way: Infinity).
 */
function busyBefore(history: History): (b: ActivityInstance) => number {
  const byPerson = new Map<string, ActivityInstance[]>();
  for (const c of history.cases)
    for (const a of c.activities)
      if (a.resource !== '') (byPerson.get(a.resource) ?? byPerson.set(a.resource, []).get(a.resource))?.push(a);
  const busy = new Map<ActivityInstance, number>();
  for (const list of byPerson.values()) {
    list.sort((x, y) => x.start - y.start);
    let latest = -Infinity;
    let i = 0;
    while (i < list.length) {
      // activities that start together do not keep each other busy
      let j = i;
      while (j < list.length && list[j].start === list[i].start) busy.set(list[j++], latest);
      for (let k = i; k < j; k++) latest = Math.max(latest, Number.isNaN(list[k].end) ? Infinity : list[k].end);
      i = j;
    }
  }
  return (b) => busy.get(b) ?? -Infinity;
}

/** Days within which a start counts as "as soon as the person was free" (a minute). */
const AT_ONCE = 1 / (24 * 60);

/**
 * When the use case was ready for activity `b` after `a`: the file's enabled time; else its
 * start, unless its person was busy with other work until about then (started within a minute
 * of being free): the gap then only bounds the delay (the handover may have ended while they
 * were busy) and null is returned.
 */
function readyTime(
  a: ActivityInstance,
  b: ActivityInstance,
  busyUntil: (x: ActivityInstance) => number,
): number | null {
  if (Number.isFinite(b.enabled)) return b.enabled;
  const busy = busyUntil(b);
  if (busy > a.end && (b.start - busy) / MS_PER_DAY < AT_ONCE) return null;
  return b.start;
}

/**
 * Days from a case's arrival to when its first activity was ready: the file's enabled time,
 * else the start, unless its person was busy with other work until about then (see
 * readyTime); null when only bounded or when there is no activity.
 */
function intakeWait(c: HistoryCase, busyUntil: (x: ActivityInstance) => number): number | null {
  const first = c.activities[0];
  if (first === undefined) return null;
  if (Number.isFinite(first.enabled)) return (first.enabled - c.arrival) / MS_PER_DAY;
  const busy = busyUntil(first);
  if (busy > c.arrival && (first.start - busy) / MS_PER_DAY < AT_ONCE) return null;
  return (first.start - c.arrival) / MS_PER_DAY;
}

/**
 * Handovers and clarification rounds of `history`. A handover is two consecutive activities
 * of a case done by different people; its delay is the gap from the first one's end to the
 * second one's enabled time (when the file has it), else to its start, less any clarification
 * round in between; where the second one's person was busy with other work until it started,
 * the delay is only bounded and left out (counted in busyBounded).
 */
export function fitHandovers(history: History, organisation: FittedOrganisation, rng: Rng): FittedHandovers {
  const homes = new Map(organisation.teams.map((t) => [t.id, t.home]));
  const busyUntil = busyBefore(history);
  const delays = new Map<Boundary, number[]>(BOUNDARIES.map((b) => [b, []]));
  const rounds = new Map<Boundary, number>(BOUNDARIES.map((b) => [b, 0]));
  const clarificationDays: number[] = [];
  const intakeWaits: number[] = [];
  const handovers = new Map<Boundary, number>(BOUNDARIES.map((b) => [b, 0]));
  let busyBounded = 0;
  for (const c of history.cases) {
    const wait = history.has.arrival ? intakeWait(c, busyUntil) : null;
    if (wait !== null) intakeWaits.push(wait);
    let previous: ActivityInstance | undefined;
    let clarified = 0; // days of clarification since the previous step
    for (const a of c.activities) {
      if (a.activity === CLARIFICATION) {
        if (!Number.isNaN(a.end)) {
          // the whole round, from the request to the experts (its queue included) to their answer
          const round = (a.end - (Number.isFinite(a.enabled) ? a.enabled : a.start)) / MS_PER_DAY;
          clarified += round;
          clarificationDays.push((a.end - a.start) / MS_PER_DAY);
        }
        continue;
      }
      if (previous !== undefined && !Number.isNaN(previous.end) && a.resource !== previous.resource) {
        // a domain's experts are at home in their domain
        const homeOf = (x: ActivityInstance): string | undefined =>
          x.role === SME ? idOf(c.domain) : homes.get(idOf(x.team));
        const boundary = boundaryOf(previous, a, homeOf);
        handovers.set(boundary, (handovers.get(boundary) ?? 0) + 1);
        if (clarified > 0) rounds.set(boundary, (rounds.get(boundary) ?? 0) + 1);
        const ready = readyTime(previous, a, busyUntil);
        if (ready === null) busyBounded++;
        else delays.get(boundary)?.push(Math.max((ready - previous.end) / MS_PER_DAY - clarified, 0));
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
    const n = handovers.get(b) ?? 0;
    count.set(b, n);
    if (xs.some((x) => x > 0)) delay.set(b, fitDistribution(xs, rng));
    if (n > 0) clarification.set(b, (rounds.get(b) ?? 0) / n);
  }
  return {
    delay,
    count,
    busyBounded,
    clarification,
    clarificationEffort: clarificationDays.length > 0 ? fitDistribution(clarificationDays, rng) : null,
    intakeWaits,
  };
}
