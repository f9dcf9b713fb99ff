import { ScenarioError, type ScenarioIssue } from './issues.js';
import { ScenarioSpec } from './scenario-spec.js';
import { checkSemantics } from './semantic-check.js';
import { checkStructure } from './structure-check.js';
import { resolveParameters } from './model-parameters.js';
import { timelineIssues } from './timeline-check.js';

/** Every issue of a scenario object: structure first, then (if sound) its meaning. */
export function scenarioIssues(raw: unknown): ScenarioIssue[] {
  const issues = checkStructure(ScenarioSpec, raw);
  if (issues.some((i) => i.severity === 'error')) return issues;
  const spec = raw as ScenarioSpec;
  issues.push(...checkSemantics(spec));
  if (issues.some((i) => i.severity === 'error') || (spec.timeline ?? []).length === 0) return issues;
  // each day's scenario is checked like this one, its own timeline left out
  return [
    ...issues,
    ...timelineIssues(spec, resolveParameters(spec), (day) => scenarioIssues({ ...day, timeline: [] })),
  ];
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
