/**
 * One-at-a-time sensitivity: each lever is moved a stated step down and up from the base,
 * every variant is replicated with common random numbers alongside the base, and the levers
 * are ranked by their effect on the 85th percentile of time to production (the tornado).
 */
import { boundedEstimateOf, estimateOf, type BoundedEstimate } from '../statistics/estimate.js';
import {
  resolveParameters,
  scaleDistribution,
  ScenarioError,
  type ModelParameters,
  type ScenarioIssue,
  type ScenarioSpec,
} from '../scenario/index.js';
import { entry } from '../scenario/lookup.js';
import { groupPeople, teamInSentence } from '../scenario/display-names.js';
import { personGroups } from '../scenario/team-people.js';
import { runExperiment, type ExperimentOptions, type ExperimentResult } from './experiment.js';
import { variantOf, type VariantWarnings } from './variants.js';

/** How far levers move (defaults in brackets). */
export interface SensitivitySteps {
  /** People added and removed per team and role [1]. */
  people?: number;
  /** Relative change of handover delays, planning cadence and effort [0.5 = -50% / +50%]. */
  relative?: number;
  /** Change of the iteration decay and the coordination overhead [0.1]. */
  absolute?: number;
}

export interface Setting {
  label: string;
  spec: ScenarioSpec;
  /** The warnings of the setting's scenario check (all of them, the base's included). */
  warnings: ScenarioIssue[];
}

export interface Lever {
  id: string;
  label: string;
  low: Setting | null;
  high: Setting | null;
}

export interface LeverEffect {
  id: string;
  label: string;
  /** Change in p85 time to production (days) vs the base, and its 95% CI; null if the setting is not possible. */
  low: SettingEffect | null;
  high: SettingEffect | null;
  /** The larger absolute effect of the two, as far as it is known (a bound's size; 0 when unknown): the ranking key. */
  swing: number;
}

/**
 * How much is known of an effect: an `estimate` with its interval; only `at least` (the
 * setting's p85 is beyond the run in some replication, the base's is not) or `at most` (the
 * base's is beyond the run, the setting's is not); or `unknown` (both beyond the run).
 */
export type EffectKind = 'estimate' | 'at least' | 'at most' | 'unknown';

/**
 * The effect of one setting on p85 (days, setting minus base). Where a p85 is not reached
 * within the run its bound (the end of the follow-up) takes its place, and `effect` is a
 * one-sided bound with no interval (see EffectKind).
 */
export interface SettingEffect {
  label: string;
  effect: number;
  ci95: [number, number];
  kind: EffectKind;
  /** kind === 'estimate'. */
  reached: boolean;
  /** The warnings of the setting's scenario check (all of them, the base's included). */
  warnings: ScenarioIssue[];
}

/** The effect of a setting from per-replication p85 values (NaN where not reached) and their bounds. */
export function settingEffect(
  label: string,
  setting: readonly number[],
  settingBounds: readonly number[],
  base: readonly number[],
  baseBounds: readonly number[],
): Omit<SettingEffect, 'warnings'> {
  const settingReached = setting.every(Number.isFinite);
  const baseReached = base.every(Number.isFinite);
  const mean = (xs: number[]): number => xs.reduce((sum, x) => sum + x, 0) / xs.length;
  const differences = settingBounds.map((s, r) => s - baseBounds[r]);
  if (settingReached && baseReached) {
    const e = estimateOf(setting.map((s, r) => s - base[r]));
    return { label, effect: e.estimate, ci95: e.ci95, kind: 'estimate', reached: true };
  }
  const kind: EffectKind = baseReached ? 'at least' : settingReached ? 'at most' : 'unknown';
  return { label, effect: kind === 'unknown' ? NaN : mean(differences), ci95: [NaN, NaN], kind, reached: false };
}

/** What an effect says of the lever's size: the known lower bound of |effect|, 0 when nothing is known. */
function knownSize(e: SettingEffect | null): number {
  if (e === null || !Number.isFinite(e.effect)) return 0;
  if (e.kind === 'estimate') return Math.abs(e.effect);
  if (e.kind === 'at least') return Math.max(0, e.effect); // effect >= x > 0: at least x
  return Math.max(0, -e.effect); // 'at most': effect <= x < 0: at least -x
}

export interface SensitivityResult {
  base: string;
  /** The base's p85 time to production (mean over replications). */
  baseP85: BoundedEstimate;
  /** Levers, most influential first. */
  levers: LeverEffect[];
  experiment: ExperimentResult;
}

function tryVariant(base: ScenarioSpec, label: string, change: (copy: ScenarioSpec) => void): Setting | null {
  const copy = structuredClone(base);
  change(copy);
  try {
    return { label, ...variantOf(copy, [], `${base.name}: ${label}`) };
  } catch (e) {
    if (e instanceof ScenarioError) return null; // e.g. removing the only person of a needed role
    throw e;
  }
}

const round = (x: number): number => +x.toFixed(4);

/** How far the levers move, each step stated. */
type Steps = Required<SensitivitySteps>;

/** The levers of a scenario, each with a low and a high setting. */
export function leversOf(base: ScenarioSpec, steps: SensitivitySteps = {}): Lever[] {
  const step: Steps = { people: steps.people ?? 1, relative: steps.relative ?? 0.5, absolute: steps.absolute ?? 0.1 };
  const p = resolveParameters(base);
  return [
    ...headcountLevers(base, p, step),
    ...handoverLevers(base, step),
    decayLever(base, p, step),
    ...cadenceLevers(base, p, step),
    overheadLever(base, p, step),
    effortLever(base, p, step),
  ];
}

/** People added and removed, per team and group of people (one role, or several) that has any. */
function headcountLevers(base: ScenarioSpec, p: ModelParameters, { people }: Steps): Lever[] {
  const levers: Lever[] = [];
  for (const [team, t] of Object.entries(p.teams)) {
    for (const group of personGroups(t)) {
      const n = group.count;
      if (n === 0) continue;
      const path = ['teams', team, ...group.field];
      const setCount = (h: number) => (s: ScenarioSpec) => {
        setAt(s as unknown as Record<string, unknown>, path, h);
      };
      levers.push({
        id: path.join('.'),
        label: `${groupPeople(base, group.roles)} in ${teamInSentence(base, team)}`,
        low: n - people >= 0 ? tryVariant(base, `${n - people}`, setCount(n - people)) : null,
        high: tryVariant(base, `${n + people}`, setCount(n + people)),
      });
    }
  }
  return levers;
}

/** Sets the value at `path` of a scenario object, making the objects on the way (a team without headcount). */
function setAt(target: Record<string, unknown>, path: readonly (string | number)[], value: number): void {
  let node: Record<string | number, unknown> = target;
  for (const key of path.slice(0, -1)) {
    node[key] ??= {};
    node = node[key] as Record<string | number, unknown>;
  }
  node[path[path.length - 1]] = value;
}

const HANDOVER_WORDS = {
  same_team: 'handover delays within a team',
  same_home: 'handover delays between teams of one home',
  cross_home: 'handover delays between a domain and the centre, or two domains',
} as const;

/** Handover delays scaled, per boundary. */
function handoverLevers(base: ScenarioSpec, { relative: rel }: Steps): Lever[] {
  const h = base.handovers;
  if (h === undefined) return [];
  return (['same_team', 'same_home', 'cross_home'] as const).map((boundary) => {
    const scaled = (f: number) => (s: ScenarioSpec) => {
      if (s.handovers) s.handovers.delay[boundary] = scaleDistribution(h.delay[boundary], f);
    };
    return {
      id: `handovers.delay.${boundary}`,
      label: HANDOVER_WORDS[boundary],
      low: rel < 1 ? tryVariant(base, `x${round(1 - rel)}`, scaled(1 - rel)) : null,
      high: tryVariant(base, `x${round(1 + rel)}`, scaled(1 + rel)),
    };
  });
}

/** The learning between loop-backs, within [0, 1]. */
function decayLever(base: ScenarioSpec, p: ModelParameters, { absolute: abs }: Steps): Lever {
  const { decay, cap } = p.workflow.iterations;
  const setDecay = (d: number) => (s: ScenarioSpec) => {
    s.workflow.iterations = { decay: d, cap };
  };
  return {
    id: 'workflow.iterations.decay',
    label: 'learning between loop-backs',
    low: decay - abs >= 0 ? tryVariant(base, `${round(decay - abs)}`, setDecay(round(decay - abs))) : null,
    high: decay + abs <= 1 ? tryVariant(base, `${round(decay + abs)}`, setDecay(round(decay + abs))) : null,
  };
}

/** The planning cadence scaled, where there is one. */
function cadenceLevers(base: ScenarioSpec, p: ModelParameters, { relative: rel }: Steps): Lever[] {
  const cadence = p.management.planning_cadence_days;
  if (!(cadence > 0)) return [];
  const setCadence = (c: number) => (s: ScenarioSpec) => {
    s.management = { ...s.management, planning_cadence_days: c };
  };
  return [
    {
      id: 'management.planning_cadence_days',
      label: 'planning cadence',
      low:
        rel < 1 ? tryVariant(base, `${round(cadence * (1 - rel))} days`, setCadence(round(cadence * (1 - rel)))) : null,
      high: tryVariant(base, `${round(cadence * (1 + rel))} days`, setCadence(round(cadence * (1 + rel)))),
    },
  ];
}

/** The coordination overhead, within [0, 0.9]. */
function overheadLever(base: ScenarioSpec, p: ModelParameters, { absolute: abs }: Steps): Lever {
  const overhead = p.management.coordination_overhead;
  const setOverhead = (o: number) => (s: ScenarioSpec) => {
    s.management = { ...s.management, coordination_overhead: o };
  };
  return {
    id: 'management.coordination_overhead',
    label: 'time spent on coordination',
    low: overhead - abs >= 0 ? tryVariant(base, `${round(overhead - abs)}`, setOverhead(round(overhead - abs))) : null,
    high:
      overhead + abs <= 0.9 ? tryVariant(base, `${round(overhead + abs)}`, setOverhead(round(overhead + abs))) : null,
  };
}

/** The effort of every activity scaled, through each use-case type's effort_scale. */
function effortLever(base: ScenarioSpec, p: ModelParameters, { relative: rel }: Steps): Lever {
  const scaleEffort = (f: number) => (s: ScenarioSpec) => {
    for (const [id, type] of Object.entries(s.use_case_types)) {
      const e = entry(p.use_case_types, id, 'use-case type').effort_scale;
      type.effort_scale =
        typeof e === 'number' ? e * f : Object.fromEntries(Object.entries(e).map(([k, v]) => [k, v * f]));
    }
  };
  return {
    id: 'effort',
    label: 'effort of every activity',
    low: rel < 1 ? tryVariant(base, `x${round(1 - rel)}`, scaleEffort(1 - rel)) : null,
    high: tryVariant(base, `x${round(1 + rel)}`, scaleEffort(1 + rel)),
  };
}

/** The name of a lever's setting as the user reads it, e.g. "analysts in core set to 1". */
export const settingName = (lever: Lever, setting: Setting): string => `${lever.label} set to ${setting.label}`;

/**
 * Runs the base and every lever setting with common random numbers; ranks the levers.
 * `onVariants` hears of every setting (settingName) and its warnings before any replication runs.
 */
export async function runSensitivity(
  base: { name: string; spec: ScenarioSpec },
  options: ExperimentOptions & { steps?: SensitivitySteps; onVariants?: (variants: VariantWarnings[]) => void } = {},
): Promise<SensitivityResult> {
  const levers = leversOf(base.spec, options.steps);
  options.onVariants?.(
    levers.flatMap((lever) =>
      [lever.low, lever.high].flatMap((s) =>
        s === null ? [] : [{ name: settingName(lever, s), warnings: s.warnings }],
      ),
    ),
  );
  const scenarios = [{ name: base.name, spec: base.spec }];
  const index = new Map<string, number>();
  for (const lever of levers) {
    for (const side of ['low', 'high'] as const) {
      const setting = lever[side];
      if (setting === null) continue;
      index.set(`${lever.id}/${side}`, scenarios.length);
      scenarios.push({ name: setting.spec.name, spec: setting.spec });
    }
  }
  const experiment = await runExperiment(scenarios, { ...options, commonRandomNumbers: true });
  const p85 = (i: number) => experiment.scenarios[i].replications.map((r) => r.metrics.timeToProduction.p85);
  const p85Bound = (i: number) =>
    experiment.scenarios[i].replications.map((r) => r.metrics.timeToProduction.atLeast.p85);
  const baseBounds = p85Bound(0);
  const baseValues = p85(0);
  const effect = (lever: Lever, side: 'low' | 'high'): SettingEffect | null => {
    const i = index.get(`${lever.id}/${side}`);
    const setting = lever[side];
    if (i === undefined || setting === null) return null;
    return {
      ...settingEffect(setting.label, p85(i), p85Bound(i), baseValues, baseBounds),
      warnings: setting.warnings,
    };
  };
  const effects: LeverEffect[] = levers.map((lever) => {
    const low = effect(lever, 'low');
    const high = effect(lever, 'high');
    return { id: lever.id, label: lever.label, low, high, swing: Math.max(knownSize(low), knownSize(high)) };
  });
  effects.sort((x, y) => (y.swing === x.swing ? 0 : y.swing > x.swing ? 1 : -1) || x.id.localeCompare(y.id));
  return { base: base.name, baseP85: boundedEstimateOf(p85(0), baseBounds), levers: effects, experiment };
}
