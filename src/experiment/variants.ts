/** Scenario variants for sweeps and sensitivity: the base with what-ifs applied, validated. */
import { applyOverride, validateScenario, ScenarioError, type Override, type ScenarioSpec } from '../scenario/index.js';

/** The base with `overrides` applied (a copy), checked; throws a ScenarioError if invalid. */
export function variantOf(base: ScenarioSpec, overrides: readonly Override[], name: string): ScenarioSpec {
  const copy = structuredClone(base) as unknown as Record<string, unknown>;
  const issues = overrides.map((o) => applyOverride(copy, o)).filter((i) => i !== null);
  if (issues.length > 0) throw new ScenarioError(issues);
  copy.name = name;
  return validateScenario(copy).spec;
}
