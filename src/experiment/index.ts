/** Experiments: replications with common random numbers, parallel workers, sweeps, sensitivity. */
export {
  runExperiment,
  seedFor,
  relativePrecision,
  type ExperimentScenario,
  type ExperimentOptions,
  type ExperimentResult,
  type ScenarioResult,
  type Progress,
  type PrecisionOutcome,
} from './experiment.js';
export { ReplicationExecutor, defaultWorkers, workerThreads } from './executor.js';
export {
  checkRunSize,
  replicationSize,
  RunSizeError,
  MAX_USE_CASES_PER_REPLICATION,
  WHOLE_RUN_FACTOR,
  MAX_HORIZON_DAYS,
  type ReplicationSize,
  type RunSizeFigure,
} from './run-size.js';
export { runReplicationTask, type ReplicationTask, type ReplicationResult } from './replication-task.js';
export {
  runSweep,
  parseSweepParameter,
  sweepPointIndex,
  type SweepParameter,
  type SweepPoint,
  type SweepResult,
} from './sweep.js';
export {
  runSensitivity,
  leversOf,
  settingEffect,
  settingName,
  type Lever,
  type LeverEffect,
  type SettingEffect,
  type EffectKind,
  type SensitivityResult,
  type SensitivitySteps,
} from './sensitivity.js';
export { variantOf, type Variant, type VariantWarnings } from './variants.js';
export { whatIfScenarios, type WhatIfScenario } from './what-if-scenarios.js';
export {
  runEngineCheck,
  mmcMeanWait,
  ENGINE_CHECK_DEFAULTS,
  type EngineCheckOptions,
  type EngineCheckResult,
} from './engine-check.js';
