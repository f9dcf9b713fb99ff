/** Scenario files: the format (TypeBox spec and JSON Schema), loading, composition and validation. */
export {
  ScenarioSpec,
  SME_ROLE,
  CENTRE,
  LIVE,
  ABANDON,
  DEFAULT_MODEL_LIFETIME,
  MAX_HORIZON_DAYS,
  OPTIMISE_OBJECTIVES,
} from './scenario-spec.js';
export { DistributionSpec } from './distribution-spec.js';
export {
  resolveParameters,
  effortScale,
  effortMultiplier,
  personCost,
  type ModelParameters,
  type ResolvedScenario,
} from './model-parameters.js';
export { loadScenario, deepMerge, type LoadedScenario, type LoadOptions } from './load.js';
export { validateScenario } from './validate.js';
export { parseOverride, applyOverride, OverrideError, type Override } from './set-path.js';
export { parseWhatIf, WhatIfError, type WhatIf } from './what-if.js';
export { displayNames, groupPeople, groupPerson, rolePeople, teamInSentence } from './display-names.js';
export { groupCost, holdersOf, personGroups, teamSize, type PersonGroup } from './team-people.js';
export { ScenarioError, formatIssue, formatPath, type ScenarioIssue } from './issues.js';
export { buildDistribution } from './distribution-build.js';
export { scaleDistribution } from './scale-distribution.js';
export { scenarioJsonSchema } from './json-schema.js';
export { DAYS_PER_YEAR, DAYS_PER_MONTH, DAYS_PER_QUARTER } from './time-units.js';
