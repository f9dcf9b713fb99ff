/** The operating model: builds engine processes from a validated scenario and runs them. */
export {
  simulate,
  type SimulationOptions,
  type RunResult,
  type PoolStatistics,
  type GroupStatistics,
  type LoopStatistics,
  type FlowSeries,
} from './simulate.js';
export type { ItemRecord, Outcome } from './item-record.js';
export type { PeriodStatistics } from './periods.js';
export type { AppliedChange } from './timeline.js';
export type { OpenUseCase } from './open-work.js';
export type { LogColumns, LogKind, LogRow } from './event-log.js';
export type { Boundary } from './organisation.js';
export { elapsedDays, type WorkingRate } from './working-time.js';
export { RunLimitError, DEFAULT_MAX_OPEN_USE_CASES } from './run-limit.js';
