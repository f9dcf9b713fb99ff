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

/** A variant's name and the warnings of its check, as sweeps and sensitivity report them before they run. */
export interface VariantWarnings {
  name: string;
  warnings: readonly ScenarioIssue[];
}

/**
 * The base with `overrides` applied (a copy), checked; throws a ScenarioError if invalid,
 * each of its messages saying which variant (`name`) it is about.
 */
export function variantOf(base: ScenarioSpec, overrides: readonly Override[], name: string): Variant {
  const copy = structuredClone(base) as unknown as Record<string, unknown>;
  const issues = overrides.map((o) => applyOverride(copy, o)).filter((i) => i !== null);
  if (issues.length > 0) throw new ScenarioError(issues.map((i) => inVariant(i, name)));
  copy.name = name;
  try {
    return validateScenario(copy);
  } catch (error) {
    if (error instanceof ScenarioError) throw new ScenarioError(error.issues.map((i) => inVariant(i, name)));
    throw error;
  }
}

const inVariant = (issue: ScenarioIssue, name: string): ScenarioIssue => ({
  ...issue,
  message: `${issue.message} (in ${name})`,
});
