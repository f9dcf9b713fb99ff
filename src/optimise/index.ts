/** Optimisation: the Pareto front of structures and staffing, found by simulation. */
export {
  OBJECTIVES,
  OBJECTIVE_INFO,
  TIME_OBJECTIVES,
  parseObjectives,
  replicationFigure,
  designFigure,
  type ObjectiveInfo,
  type ObjectiveName,
} from './objectives.js';
export {
  parseRange,
  structuresOf,
  structureOf,
  defaultBounds,
  costOf,
  peopleIn,
  baseValues,
  type DecisionVariable,
  type Structure,
  type VariableRange,
} from './decision-space.js';
export { designKey, type Constraints, type Design, type DesignEvaluation } from './design-evaluation.js';
export { dominates, nonDominated, nonDominatedSort, crowdingDistances, hyperarea } from './pareto.js';
export { clearlyDominates, currentFront } from './racing.js';
export {
  optimise,
  type OptimiseOptions,
  type OptimiseProgress,
  type OptimisationResult,
  type SearchMethod,
  type StopReason,
} from './optimise.js';
export { OptimiseInputError } from './optimise-input-error.js';
export { frontRows, shortChange, type FrontRow } from './front-rows.js';
export { designSentence, changeWords, shortMoney, figureText, pairedChange } from './design-words.js';
export { designFileText, designTeams } from './design-file.js';
export { spentLine, cautionLines, hasFeasibleDesign, structureLines } from './answer-text.js';
export { fileSettings, type FileSettings } from './file-settings.js';
