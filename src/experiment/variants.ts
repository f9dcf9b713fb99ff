/** Scenario variants for sweeps and sensitivity: the base with what-ifs applied, validated. */
import {
  applyOverride,
  validateScenario,
  ScenarioError,
  type Override,
  type ScenarioIssue,
  type ScenarioSpec,
} from '../scenario/index.js';

/** A checked variant and the warnings its check gave (a team whose demand exceeds its capacity, ...). */
export interface Variant {
  spec: ScenarioSpec;
  warnings: ScenarioIssue[];
}

/** The base with `overrides` applied (a copy), checked; throws a ScenarioError if invalid. */
export function variantOf(base: ScenarioSpec, overrides: readonly Override[], name: string): Variant {
  const copy = structuredClone(base) as unknown as Record<string, unknown>;
  const issues = overrides.map((o) => applyOverride(copy, o)).filter((i) => i !== null);
  if (issues.length > 0) throw new ScenarioError(issues);
  copy.name = name;
  return validateScenario(copy);
}
