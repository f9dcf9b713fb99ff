import { ScenarioError, type ScenarioIssue } from './issues.js';
import { ScenarioSpec } from './scenario-spec.js';
import { checkSemantics } from './semantic-check.js';
import { checkStructure } from './structure-check.js';

/** Every issue of a scenario object: structure first, then (if sound) its meaning. */
export function scenarioIssues(raw: unknown): ScenarioIssue[] {
  const issues = checkStructure(ScenarioSpec, raw);
  if (issues.some((i) => i.severity === 'error')) return issues;
  return [...issues, ...checkSemantics(raw as ScenarioSpec)];
}

/**
 * Validates a scenario given as an object (e.g. built in a notebook or a test); returns it
 * typed with its warnings, or throws a ScenarioError listing every error.
 */
export function validateScenario(raw: unknown): { spec: ScenarioSpec; warnings: ScenarioIssue[] } {
  const issues = scenarioIssues(raw);
  if (issues.some((i) => i.severity === 'error')) throw new ScenarioError(issues);
  return { spec: raw as ScenarioSpec, warnings: issues };
}
