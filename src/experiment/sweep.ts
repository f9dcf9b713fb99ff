/**
 * Sweeps: one or more parameters (by field path) over lists or ranges, the full grid, each
 * point replicated with common random numbers, so neighbouring points differ by the
 * parameter, not by luck.
 */
import type { ScenarioIssue, ScenarioSpec } from '../scenario/index.js';
import { runExperiment, type ExperimentOptions, type ExperimentResult } from './experiment.js';
import { variantOf, type VariantWarnings } from './variants.js';

/** One swept parameter: a field path and its values. */
export interface SweepParameter {
  path: string;
  values: unknown[];
}

/**
 * Parses `path=values`: a list `2,3,4`, or a range `2..6` (step 1) or `0.5..2:0.25`
 * (inclusive, with a step).
 */
export function parseSweepParameter(text: string): SweepParameter {
  const eq = text.indexOf('=');
  if (eq <= 0)
    throw new RangeError(`expected path=values, got ${JSON.stringify(text)} (e.g. teams.hub.ml_engineer=2..6)`);
  const path = text.slice(0, eq).trim();
  const spec = text.slice(eq + 1).trim();
  const range = /^(-?[\d.]+)\.\.(-?[\d.]+)(?::([\d.]+))?$/.exec(spec);
  if (range) {
    const [from, to, step] = [Number(range[1]), Number(range[2]), Number(range[3] ?? 1)];
    if (![from, to, step].every(Number.isFinite) || step <= 0 || to < from)
      throw new RangeError(
        `invalid range ${JSON.stringify(spec)} for ${path}: expected from..to[:step] with from <= to and step > 0`,
      );
    const count = Math.floor((to - from) / step + 1e-9) + 1;
    if (count > 1000) throw new RangeError(`range ${spec} for ${path} has ${count} values; at most 1000`);
    return { path, values: Array.from({ length: count }, (_, i) => +(from + i * step).toFixed(10)) };
  }
  const values = spec
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '')
    .map((v) => (Number.isFinite(Number(v)) ? Number(v) : v));
  if (values.length === 0) throw new RangeError(`no values for ${path}`);
  return { path, values };
}

/** One point of the grid: its values and the index of its scenario in the experiment (summarise with analysis' summariseSweep). */
export interface SweepPoint {
  /** path -> value at this point. */
  values: Record<string, unknown>;
  scenarioIndex: number;
  /** The warnings of this point's scenario check (all of them, the base's included). */
  warnings: ScenarioIssue[];
  /** The point's scenario: the base with the point's values. */
  spec: ScenarioSpec;
}

export interface SweepResult {
  base: string;
  parameters: SweepParameter[];
  points: SweepPoint[];
  experiment: ExperimentResult;
}

/** Whether `text` names `value`: as numbers where both are ones (14.0 is 14), else as text. */
const names = (text: string, value: unknown): boolean => {
  const t = text.trim();
  return t !== '' && Number.isFinite(Number(t)) && typeof value === 'number'
    ? Number(t) === value
    : t === String(value);
};

/**
 * The index, in the grid's order (see runSweep's points), of the point whose values are
 * `values` (one per parameter, in their order), or -1 when there is none.
 */
export function sweepPointIndex(parameters: readonly SweepParameter[], values: readonly string[]): number {
  if (values.length !== parameters.length) return -1;
  return grid(parameters).findIndex((point) => parameters.every((p, k) => names(values[k], point[p.path])));
}

function grid(parameters: readonly SweepParameter[]): Record<string, unknown>[] {
  let points: Record<string, unknown>[] = [{}];
  for (const p of parameters) points = points.flatMap((point) => p.values.map((v) => ({ ...point, [p.path]: v })));
  return points;
}

/**
 * Runs every point of the grid with common random numbers. Each point is checked first;
 * `onVariants` hears of every point and its warnings before any replication runs.
 */
export async function runSweep(
  base: { name: string; spec: ScenarioSpec },
  parameters: readonly SweepParameter[],
  options: ExperimentOptions & { onVariants?: (variants: VariantWarnings[]) => void } = {},
): Promise<SweepResult> {
  if (parameters.length === 0) throw new RangeError('a sweep needs at least one parameter');
  const points = grid(parameters);
  const variants = points.map((values) => {
    const name = `${base.name} (${Object.entries(values)
      .map(([k, v]) => `${k}=${String(v)}`)
      .join(', ')})`;
    const overrides = Object.entries(values).map(([path, value]) => ({ path, value }));
    return { name, ...variantOf(base.spec, overrides, name) };
  });
  options.onVariants?.(variants.map(({ name, warnings }) => ({ name, warnings })));
  const scenarios = variants.map(({ name, spec }) => ({ name, spec }));
  const experiment = await runExperiment(scenarios, { ...options, commonRandomNumbers: true });
  return {
    base: base.name,
    parameters: [...parameters],
    points: points.map((values, scenarioIndex) => ({
      values,
      scenarioIndex,
      warnings: variants[scenarioIndex].warnings,
      spec: variants[scenarioIndex].spec,
    })),
    experiment,
  };
}
