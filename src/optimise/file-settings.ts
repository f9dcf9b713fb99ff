/**
 * What scenario files ask of an optimisation in their `optimise:` section: ranges, total,
 * budget, busiest share and objectives. Each file's ranges apply (a path given twice takes the
 * first file's bounds); the other settings come from the first file that gives them. The
 * command line overrides all of them.
 */
import type { ScenarioSpec } from '../scenario/index.js';
import { parseRange, type VariableRange } from './decision-space.js';
import type { Constraints } from './design-evaluation.js';
import type { ObjectiveName } from './objectives.js';

export interface FileSettings {
  /** null when no file gives ranges. */
  ranges: VariableRange[] | null;
  constraints: Constraints;
  objectives?: [ObjectiveName, ObjectiveName];
}

export function fileSettings(specs: readonly Pick<ScenarioSpec, 'optimise' | 'name'>[]): FileSettings {
  const ranges = new Map<string, VariableRange>();
  const constraints: Constraints = {};
  let objectives: [ObjectiveName, ObjectiveName] | undefined;
  for (const spec of specs) {
    const o = spec.optimise;
    if (o === undefined) continue;
    for (const [path, bounds] of Object.entries(o.vary ?? {})) {
      if (!ranges.has(path)) ranges.set(path, parseRange(`${path}=${bounds}`, `${spec.name}: optimise.vary`));
    }
    if (o.total !== undefined) constraints.total ??= o.total;
    if (o.budget !== undefined) constraints.budget ??= o.budget;
    if (o.max_utilisation !== undefined) constraints.maxUtilization ??= o.max_utilisation;
    if (o.objectives !== undefined && objectives === undefined) objectives = [o.objectives[0], o.objectives[1]];
  }
  return {
    ranges: ranges.size > 0 ? [...ranges.values()] : null,
    constraints,
    ...(objectives === undefined ? {} : { objectives }),
  };
}
