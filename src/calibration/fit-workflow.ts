/**
 * The workflow as the history shows it: the activities and their loops in the order cases go
 * through them, the role that does each, where a case goes after each (transition
 * probabilities, counted from consecutive activities of a case), and the effort of each (a
 * distribution fitted to the observed durations, scaled by use-case type where the types
 * differ).
 */
import type { Rng } from '../random/index.js';
import { type DistributionFit, fitDistribution } from '../statistics/distribution-fit.js';
import type { ActivityInstance, History, HistoryCase } from './history.js';

/** A round with the domain's subject-matter experts, not a step of the workflow. */
export const CLARIFICATION = 'clarification';
/** The role of the domain's subject-matter experts. */
export const SME = 'sme';
/** The loop of activities whose names do not say one. */
export const DEFAULT_LOOP = 'work';
export const MS_PER_DAY = 86_400_000;

/** An id the scenario schema accepts: letters, digits, _ and -, starting with a letter. */
export function idOf(name: string): string {
  const id = name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return /^[a-z]/.test(id) ? id : `a_${id}`;
}

/** Where an activity name puts it: `loop.activity` (orgflow's own logs), else the default loop. */
export function placeOf(name: string): { loop: string; activity: string } {
  const dot = name.indexOf('.');
  if (dot > 0) return { loop: idOf(name.slice(0, dot)), activity: idOf(name.slice(dot + 1)) };
  return { loop: DEFAULT_LOOP, activity: idOf(name) };
}
/** Keys of the activity names seen so far: a history has few names and many rows. */
const MAX_KEYS = 10_000;
const keys = new Map<string, string>();
/** `loop.activity` of an activity name. */
export const keyOf = (name: string): string => {
  let key = keys.get(name);
  if (key === undefined) {
    const { loop, activity } = placeOf(name);
    key = `${loop}.${activity}`;
    if (keys.size >= MAX_KEYS) keys.clear(); // a long-lived process meets many histories: keep the cache small
    keys.set(name, key);
  }
  return key;
};

export interface FittedActivity {
  /** `loop.activity` */
  key: string;
  loop: string;
  activity: string;
  role: string;
  /** Share of its instances done by `role`. */
  roleShare: number;
  /** Effort in person-days of the reference use-case type (see effortScale); null when no instance finished. */
  effort: DistributionFit | null;
  /** Effort so far of the instances still under way (a lower bound of theirs, in the fit as censored), of the reference type. */
  openEffort: number[];
  /** Instances still under way at the export time. */
  open: number;
  /** Finished instances that took no time (an end equal to the start, e.g. dates without times), not in the fit. */
  instant: number;
  /** Where cases went next: target (activity key, live or abandon) -> count. */
  next: Map<string, number>;
}

export interface FittedWorkflow {
  /** In workflow order. */
  activities: FittedActivity[];
  loops: string[];
  start: string;
  /** Cases that started elsewhere than `start`. */
  otherStarts: number;
  /** type -> loop -> effort multiplier against the reference type (the commonest). */
  effortScale: Map<string, Map<string, number>>;
  referenceType: string;
  /** type -> loops none of its cases entered, where that is unlikely by chance (see skippedLoops). */
  skipLoops: Map<string, string[]>;
}

/** Fewest live cases of a type, none of them in a loop, before the type may be said to skip it. */
const MIN_CASES_TO_SKIP = 5;
/** How unlikely, by chance, a type's live cases' all avoiding a loop must be before it is said to skip it. */
const SKIP_CHANCE = 0.01;
/** Fewest instances of a type in a loop to estimate its effort scale there. */
const MIN_FOR_SCALE = 10;

/** A case's workflow steps, clarification rounds left out. */
export const stepsOf = (c: HistoryCase): ActivityInstance[] => c.activities.filter((a) => a.activity !== CLARIFICATION);

/** Person-days of effort in `ms` of calendar time at `workingDaysPerWeek` working days a week. */
export const effortDays = (ms: number, workingDaysPerWeek: number): number =>
  ((ms / MS_PER_DAY) * workingDaysPerWeek) / 7;

/** Days of effort in an instance: its calendar days at `workingDaysPerWeek` working days a week. */
const effortOf = (a: ActivityInstance, workingDaysPerWeek: number): number =>
  effortDays(a.end - a.start, workingDaysPerWeek);

/**
 * Orders activities by where cases first meet them (mean rank of first visit), loops by their
 * activities' mean; returns the activity keys in workflow order and the loops in order.
 */
function workflowOrder(cases: readonly HistoryCase[]): { keys: string[]; loops: string[] } {
  const ranks = new Map<string, number[]>();
  for (const c of cases) {
    const seen = new Set<string>();
    stepsOf(c).forEach((a, i) => {
      const key = keyOf(a.activity);
      if (seen.has(key)) return;
      seen.add(key);
      (ranks.get(key) ?? ranks.set(key, []).get(key))?.push(i);
    });
  }
  const meanRank = (key: string): number => {
    const r = ranks.get(key) ?? [];
    return r.reduce((s, x) => s + x, 0) / r.length;
  };
  const loopRank = new Map<string, number[]>();
  for (const key of ranks.keys()) {
    const loop = key.slice(0, key.indexOf('.'));
    (loopRank.get(loop) ?? loopRank.set(loop, []).get(loop))?.push(meanRank(key));
  }
  const loopMean = (loop: string): number => {
    const r = loopRank.get(loop) ?? [];
    return r.reduce((s, x) => s + x, 0) / r.length;
  };
  const loops = [...loopRank.keys()].sort((a, b) => loopMean(a) - loopMean(b));
  const keys = [...ranks.keys()].sort((a, b) => {
    const [la, lb] = [a.slice(0, a.indexOf('.')), b.slice(0, b.indexOf('.'))];
    return la === lb ? meanRank(a) - meanRank(b) : loops.indexOf(la) - loops.indexOf(lb);
  });
  return { keys, loops };
}

/** The commonest value of `values` and its share. */
function commonest(values: readonly string[]): { value: string; share: number } {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = '';
  let n = -1;
  for (const [v, c] of counts)
    if (c > n) {
      best = v;
      n = c;
    }
  return { value: best, share: n / values.length };
}

/** Loops each type's cases never entered, where the type has enough cases to say so. */
function skippedLoops(cases: readonly HistoryCase[], loops: readonly string[]): Map<string, string[]> {
  const byType = new Map<string, { n: number; entered: Set<string>; liveEntered: Map<string, number> }>();
  for (const c of cases) {
    const t =
      byType.get(c.type) ?? byType.set(c.type, { n: 0, entered: new Set(), liveEntered: new Map() }).get(c.type);
    if (t === undefined) continue;
    const loopsOf = new Set(stepsOf(c).map((a) => placeOf(a.activity).loop));
    for (const loop of loopsOf) t.entered.add(loop);
    if (c.outcome !== 'live') continue; // only a case that went all the way shows which loops it skips
    t.n++;
    for (const loop of loopsOf) t.liveEntered.set(loop, (t.liveEntered.get(loop) ?? 0) + 1);
  }
  // a type skips a loop only when its live cases' never entering it would be unlikely by chance:
  // (1 - q)^n below SKIP_CHANCE, q the share of the other types' live cases that entered it
  const skip = new Map<string, string[]>();
  for (const [type, t] of byType) {
    const skipped = loops.filter((loop) => {
      if (t.n < MIN_CASES_TO_SKIP || t.entered.has(loop)) return false;
      let others = 0;
      let entered = 0;
      for (const [other, o] of byType) {
        if (other === type) continue;
        others += o.n;
        entered += o.liveEntered.get(loop) ?? 0;
      }
      return others > 0 && (1 - entered / others) ** t.n < SKIP_CHANCE;
    });
    skip.set(type, skipped);
  }
  return skip;
}

/**
 * Effort multipliers by type and loop: the mean, over a type's instances in a loop, of the
 * log of their effort less the mean log effort of their activity, as a factor, relative to
 * the reference type.
 */
function typeScales(
  cases: readonly HistoryCase[],
  referenceType: string,
  workingDaysPerWeek: number,
): Map<string, Map<string, number>> {
  const logs = new Map<string, number[]>();
  for (const c of cases)
    for (const a of stepsOf(c))
      if (a.end > a.start)
        (logs.get(keyOf(a.activity)) ?? logs.set(keyOf(a.activity), []).get(keyOf(a.activity)))?.push(
          Math.log(effortOf(a, workingDaysPerWeek)),
        );
  const activityMean = new Map([...logs].map(([k, xs]) => [k, xs.reduce((s, x) => s + x, 0) / xs.length]));
  const sums = new Map<string, { sum: number; n: number }>(); // type|loop
  for (const c of cases)
    for (const a of stepsOf(c)) {
      if (!(a.end > a.start)) continue;
      const key = keyOf(a.activity);
      const k = `${c.type}|${placeOf(a.activity).loop}`;
      const s = sums.get(k) ?? sums.set(k, { sum: 0, n: 0 }).get(k);
      if (s === undefined) continue;
      s.sum += Math.log(effortOf(a, workingDaysPerWeek)) - (activityMean.get(key) ?? 0);
      s.n++;
    }
  const scales = new Map<string, Map<string, number>>();
  const reference = new Map<string, number>();
  for (const [k, s] of sums) {
    const [type, loop] = k.split('|');
    if (type === referenceType && s.n >= MIN_FOR_SCALE) reference.set(loop, s.sum / s.n);
  }
  for (const [k, s] of sums) {
    const [type, loop] = k.split('|');
    if (type === referenceType || s.n < MIN_FOR_SCALE || !reference.has(loop)) continue;
    const scale = Math.exp(s.sum / s.n - (reference.get(loop) ?? 0));
    (scales.get(type) ?? scales.set(type, new Map()).get(type))?.set(loop, scale);
  }
  return scales;
}

/** Where a case went after a finished instance of `key` (the next activity, live or abandon). */
export function moveAfter(c: HistoryCase, steps: readonly ActivityInstance[], i: number): string | undefined {
  if (Number.isNaN(steps[i].end)) return undefined; // still under way: where it goes is not known yet
  const following = steps[i + 1];
  if (following !== undefined) return keyOf(following.activity);
  return c.outcome === 'live' ? 'live' : c.outcome === 'abandoned' ? 'abandon' : undefined;
}

/**
 * Counts of the moves from each activity. The cases of a type that skips a loop are
 * redirected past it, so their moves do not show the workflow's own: they are left out
 * (all of them, so as not to weigh one kind of move more than the others), unless no other
 * case came there.
 */
function movesByActivity(
  cases: readonly HistoryCase[],
  skipLoops: Map<string, string[]>,
): Map<string, Map<string, number>> {
  const others = new Map<string, Map<string, number>>();
  const skipping = new Map<string, Map<string, number>>();
  for (const c of cases) {
    const into = (skipLoops.get(c.type) ?? []).length > 0 ? skipping : others;
    const steps = stepsOf(c);
    steps.forEach((a, i) => {
      const target = moveAfter(c, steps, i);
      if (target === undefined) return;
      const key = keyOf(a.activity);
      const next = into.get(key) ?? into.set(key, new Map()).get(key);
      next?.set(target, (next.get(target) ?? 0) + 1);
    });
  }
  for (const [key, next] of skipping) if (!others.has(key)) others.set(key, next);
  return others;
}

/** Each activity's instances (clarification rounds left out), with their case's type. */
function instancesByActivity(cases: readonly HistoryCase[]): Map<string, { a: ActivityInstance; type: string }[]> {
  const byKey = new Map<string, { a: ActivityInstance; type: string }[]>();
  for (const c of cases)
    for (const a of c.activities) {
      if (a.activity === CLARIFICATION) continue;
      const key = keyOf(a.activity);
      (byKey.get(key) ?? byKey.set(key, []).get(key))?.push({ a, type: c.type });
    }
  return byKey;
}

/** Fits the workflow of `history`; see FittedWorkflow. `rng` drives the goodness-of-fit bootstraps. */
export function fitWorkflow(history: History, rng: Rng, workingDaysPerWeek: number): FittedWorkflow {
  const { cases } = history;
  const { keys: order, loops } = workflowOrder(cases);
  const referenceType = commonest(cases.map((c) => c.type)).value;
  const effortScale = typeScales(cases, referenceType, workingDaysPerWeek);
  const skipLoops = skippedLoops(cases, loops);
  const scaleOf = (type: string, loop: string): number => effortScale.get(type)?.get(loop) ?? 1;
  const starts = cases
    .map((c) => stepsOf(c)[0])
    .filter((a) => a !== undefined)
    .map((a) => keyOf(a.activity));
  const start = commonest(starts).value;
  const byKey = instancesByActivity(cases);
  const moves = movesByActivity(cases, skipLoops);
  const activities = order.map((key): FittedActivity => {
    const instances = byKey.get(key) ?? [];
    const next = moves.get(key) ?? new Map<string, number>();
    const { loop, activity } = placeOf(instances[0].a.activity);
    const role = commonest(instances.map((i) => i.a.role || `${activity}_role`));
    const done = instances.filter((i) => !Number.isNaN(i.a.end) && i.a.end > i.a.start);
    const instant = instances.filter((i) => i.a.end === i.a.start).length;
    const efforts = done.map((i) => effortOf(i.a, workingDaysPerWeek) / scaleOf(i.type, loop));
    // effort from an instance's start to the export: for one under way, the least it will take
    // (a right-censored effort); for a finished one, the longest it could have been seen to take
    const toExport = (i: (typeof instances)[number]): number =>
      effortDays(history.exportTime - i.a.start, workingDaysPerWeek) / scaleOf(i.type, loop);
    const underWay = instances.filter((i) => Number.isNaN(i.a.end));
    const openEffort = underWay.map(toExport);
    return {
      key,
      loop,
      activity,
      role: role.value,
      roleShare: role.share,
      effort:
        efforts.length > 0
          ? fitDistribution(efforts, rng, {
              censored: openEffort,
              exposure: done.map(toExport),
            })
          : null,
      openEffort,
      open: underWay.length,
      instant,
      next,
    };
  });
  return {
    activities,
    loops,
    start,
    otherStarts: starts.filter((s) => s !== start).length,
    effortScale,
    referenceType,
    skipLoops,
  };
}
