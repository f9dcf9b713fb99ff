/**
 * How loop-backs become less likely as a use case goes round: the model multiplies an
 * activity's loop-back probability by decay^k after k loop-backs from it (teams learn), and
 * closes them after `cap`. Here the decay is fitted by maximum likelihood from every move
 * seen out of an activity that has both loop-backs and forward moves: the k-th departure
 * from an activity in a case loops back with probability B * decay^k, B the activity's own
 * first-pass loop-back probability, profiled out. The 95% interval is the profile-likelihood
 * one (where twice the drop in log-likelihood stays under chi-square's 3.84), and the test of
 * "no learning" (decay 1) the likelihood-ratio test, whose statistic is, at that edge of the
 * decay's range, an even mix of 0 and chi-square with one degree of freedom (Self and Liang, 1987).
 */
import { pValueText } from '../statistics/p-value-text.js';
import { chiSquareTail } from '../statistics/proportion.js';
import type { HistoryCase } from './history.js';
import { keyOf, moveAfter, stepsOf } from './fit-workflow.js';

/** Loop-backs per activity at most when the history shows no more: the scenario default. */
export const DEFAULT_CAP = 10;
/** Chi-square with one degree of freedom at 95%. */
const CHI2_1_95 = 3.841458820694124;
/** The decays tried: 0.001 to 1 by 0.001. */
const GRID = Array.from({ length: 1000 }, (_, i) => (i + 1) / 1000);

export interface FittedIterations {
  /** The fitted decay; 1 when no activity shows both loop-backs and forward moves. */
  decay: number;
  /** Its 95% profile-likelihood interval; null when the decay could not be fitted. */
  ci95: [number, number] | null;
  /** p-value of the likelihood-ratio test of no learning (decay 1); NaN when not fitted. */
  noLearningP: number;
  /** Loop-backs per activity at most: the default, or more when a case took more. */
  cap: number;
  /** Activity key -> its first-pass loop-back probability at the fitted decay (activities with both kinds of move). */
  firstPassBack: Map<string, number>;
  /** Moves the fit rests on. */
  moves: number;
}

/** Departures from one activity: by loop-backs already taken from it, how many and how many looped back. */
type Departures = Map<number, { n: number; back: number }>;

function departuresOf(
  cases: readonly HistoryCase[],
  order: readonly string[],
  skipLoops: ReadonlyMap<string, readonly string[]>,
): Map<string, Departures> {
  const index = new Map(order.map((key, i) => [key, i]));
  // as for the transitions (see movesByActivity): the moves of types that skip a loop are
  // redirected past it, so they count only where no other case left the activity
  const others = new Map<string, Departures>();
  const skipping = new Map<string, Departures>();
  for (const c of cases) {
    const byActivity = (skipLoops.get(c.type) ?? []).length > 0 ? skipping : others;
    const steps = stepsOf(c);
    const taken = new Map<string, number>();
    steps.forEach((a, i) => {
      const target = moveAfter(c, steps, i);
      if (target === undefined) return;
      const key = keyOf(a.activity);
      const back = (index.get(target) ?? Number.POSITIVE_INFINITY) <= (index.get(key) ?? -1);
      const k = taken.get(key) ?? 0;
      const byK = byActivity.get(key) ?? byActivity.set(key, new Map()).get(key);
      const cell = byK?.get(k) ?? byK?.set(k, { n: 0, back: 0 }).get(k);
      if (cell === undefined) return;
      cell.n++;
      if (back) {
        cell.back++;
        taken.set(key, k + 1);
      }
    });
  }
  for (const [key, d] of skipping) if (!others.has(key)) others.set(key, d);
  return others;
}

/** The log-likelihood of one activity's departures at decay `d` and first-pass probability `b`. */
function logLikelihood(departures: Departures, d: number, b: number): number {
  let ll = 0;
  for (const [k, { n, back }] of departures) {
    const p = b * d ** k;
    if (back > 0) ll += back * Math.log(p);
    if (n > back) ll += (n - back) * Math.log1p(-p);
  }
  return ll;
}

/** The first-pass probability that maximises the likelihood at decay `d` (the score is decreasing in b). */
function bestFirstPass(departures: Departures, d: number): number {
  const score = (b: number): number => {
    let s = 0;
    for (const [k, { n, back }] of departures) {
      const q = d ** k;
      s += back / b - ((n - back) * q) / (1 - b * q);
    }
    return s;
  };
  let [low, high] = [1e-12, 1 - 1e-12];
  if (score(high) >= 0) return high;
  for (let i = 0; i < 60; i++) {
    const mid = (low + high) / 2;
    if (score(mid) > 0) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

const mixed = (d: Departures): boolean => {
  let [n, back] = [0, 0];
  for (const cell of d.values()) {
    n += cell.n;
    back += cell.back;
  }
  return back > 0 && back < n;
};

/**
 * Fits the loop-back decay and cap of `cases`, activities ordered as the workflow (`order`,
 * keys); `skipLoops` (type -> loops it skips) leaves out the moves the transitions leave out.
 */
export function fitIterations(
  cases: readonly HistoryCase[],
  order: readonly string[],
  skipLoops: ReadonlyMap<string, readonly string[]> = new Map(),
): FittedIterations {
  const all = departuresOf(cases, order, skipLoops);
  let most = 0;
  for (const d of all.values()) for (const [k, cell] of d) if (cell.back > 0) most = Math.max(most, k + 1);
  const cap = Math.max(DEFAULT_CAP, most);
  const used = [...all].filter(([, d]) => mixed(d));
  const moves = used.reduce((s, [, d]) => s + [...d.values()].reduce((t, c) => t + c.n, 0), 0);
  const identified = used.some(([, d]) => [...d.entries()].some(([k, c]) => k > 0 && c.n > 0));
  if (!identified)
    return { decay: 1, ci95: null, noLearningP: Number.NaN, cap, firstPassBack: firstPass(used, 1), moves };
  const profile = GRID.map((d) => used.reduce((s, [, dep]) => s + logLikelihood(dep, d, bestFirstPass(dep, d)), 0));
  let best = profile.length - 1;
  profile.forEach((ll, i) => {
    if (ll > profile[best]) best = i;
  });
  const inside = GRID.filter((_, i) => 2 * (profile[best] - profile[i]) <= CHI2_1_95);
  return {
    decay: GRID[best],
    ci95: [inside[0], inside[inside.length - 1]],
    // decay 1 is the edge of its range, so the statistic is half 0, half chi-square(1) under no learning
    noLearningP:
      best === profile.length - 1 ? 1 : 0.5 * chiSquareTail(2 * (profile[best] - profile[profile.length - 1]), 1),
    cap,
    firstPassBack: firstPass(used, GRID[best]),
    moves,
  };
}

function firstPass(used: readonly [string, Departures][], d: number): Map<string, number> {
  return new Map(used.map(([key, dep]) => [key, bestFirstPass(dep, d)]));
}

/** What the fitted decay rests on, in words. */
export function iterationsNote(it: FittedIterations): string {
  if (it.ci95 === null) return 'no activity was left more than once both backwards and forwards: no learning assumed';
  return `from ${it.moves} moves out of activities with loop-backs: 95% CI ${it.ci95[0]} to ${it.ci95[1]}; no learning (1): p ${pValueText(it.noLearningP)}`;
}
