/** Calibration: an organisation's history (an activity log) read, checked and fitted into a scenario. */
export {
  HISTORY_FIELDS,
  REQUIRED_FIELDS,
  FIELD_MEANINGS,
  ColumnError,
  parseColumnMapping,
  locateColumns,
  type HistoryField,
} from './history-columns.js';
export { parseTimestamp, checkZone, dayText, type TimestampFormat } from './timestamps.js';
export {
  readHistory,
  HistoryError,
  type History,
  type HistoryCase,
  type HistoryOptions,
  type ActivityInstance,
  type CaseOutcome,
} from './history.js';
export {
  calibrate,
  WORKING_DAYS_PER_WEEK,
  CALIBRATED_WARMUP_DAYS,
  type Calibration,
  type CalibrationOptions,
} from './calibrate.js';
export { iterationsNote, type FittedIterations } from './fit-iterations.js';
export type { FittedAbandonment, TypeAbandonment } from './fit-abandonment.js';
export { scenarioYaml } from './scenario-yaml.js';
export { MS_PER_DAY, type FittedWorkflow, type FittedActivity } from './fit-workflow.js';
export type { FittedOrganisation, FittedTeam } from './fit-organisation.js';
export type { FittedArrivals, FittedHandovers } from './fit-flow.js';
export { historyAt } from './history.js';
export {
  backtest,
  actualOutcome,
  openWorkAt,
  wasserstein1,
  BACKTEST_MEASURES,
  type Backtest,
  type BacktestMeasure,
  type BacktestOptions,
  type Forecast,
  type Predicted,
  type WindowOutcome,
} from './backtest.js';
export { readStageDates, type StageDateOptions } from './stage-dates.js';
export {
  backtestWindows,
  backtestEach,
  rollingCoverage,
  insideInterval,
  BacktestWindowError,
  BACKTEST_LABELS,
  type WindowChoice,
  type TestWindow,
  type RollingCoverage,
} from './backtest-windows.js';
export { backtestTable, effortTable, arrivalsTable } from './tables.js';
export { readHistoryMapping, MappingError, type HistoryMapping } from './history-mapping.js';
