/** Analytics: metrics per replication, summaries with confidence intervals, comparisons, tables, exports. */
export { confidenceInterval, batchMeans, type MeanInterval } from '../statistics/batch-means.js';
export { studentTQuantile } from '../statistics/student-t.js';
export { erlangC, mmc, mg1, jacksonNetwork, nonPreemptivePriorityWaits } from '../statistics/queueing-theory.js';
export {
  replicationMetrics,
  timeToProductionOf,
  observationOf,
  CURVE_SHARES,
  TIME_PARTS,
  SCALAR_METRICS,
  type ScalarMetrics,
  type ReplicationMetrics,
  type TimeToProduction,
  type TimePart,
  type Percentiles,
} from '../metrics/replication-metrics.js';
export { checkLittlesLaw, type LittleCheck } from '../metrics/littles-law.js';
export { journeyOf, journeyItem, logRowsOf, type Journey } from '../metrics/journey.js';
export {
  summariseExperiment,
  summariseScenario,
  estimateOf,
  boundedEstimateOf,
  isReached,
  isUnreached,
  valueOrBound,
  type Estimate,
  type BoundedEstimate,
  type Unreached,
  type ScenarioSummary,
  type TimeToProductionSummary,
} from './experiment-summary.js';
export {
  cumulativeIncidence,
  timeToProductionDistribution,
  TimeToProductionDistribution,
  type Observation,
  type Resolution,
  type CumulativeIncidence,
  type BoundedValue,
} from '../statistics/competing-risks.js';
export {
  stabilityOf,
  saturatedPools,
  SATURATED_UTILIZATION,
  OVERLOADED_UTILIZATION,
  MATERIAL_GROWTH_PER_QUARTER,
  type StabilityVerdict,
  type SaturatedPool,
  type Verdict,
} from './stability.js';
export { findingsOf, headlineOf, type Findings, type Headline } from './findings.js';
export {
  compareScenarios,
  COMPARED_METRICS,
  MONEY,
  type Comparison,
  type ComparedMetric,
} from './paired-comparison.js';
export {
  itemsTable,
  keptAllItems,
  replicationsTable,
  summaryTable,
  valueTable,
  groupTable,
  utilizationTable,
  UTILIZATION_OUTPUT_NAME,
  timeSplitTable,
  flowTable,
  throughputTable,
  comparisonTable,
} from './tables.js';
export {
  quarterlyThroughput,
  meanFlowSeries,
  type QuarterlyThroughput,
  type MeanFlowSeries,
} from './over-time.js';
export { deliveryByArrivalQuarter, maintenanceByQuarter, modelsInProductionByQuarter } from './portfolio-growth.js';
export {
  paybackStatement,
  paybacksOf,
  quarterPayback,
  quarterSummaries,
  timelinePaybacks,
  type TimelinePayback,
  type Payback,
  type QuarterDifference,
  type QuarterSummary,
} from './quarters.js';
export {
  writeTables,
  writeResultsBundle,
  writeFileAtomic,
  manifestOf,
  type Manifest,
  type TableFormat,
} from './results-bundle.js';
export { differenceText, estimateText, type EstimateText } from './estimate-text.js';
export { commonCurrency, currencyHeader, hasValue, VALUE_FIGURES, withCurrency } from './money-text.js';
export { pValueText } from '../statistics/p-value-text.js';
export { summariseSweep, type SweepPointSummary } from './sweep-summary.js';
export {
  activityLogRows,
  writeActivityLog,
  ACTIVITY_LOG_COLUMNS,
  DEFAULT_LOG_START,
  type ActivityLogRow,
} from './activity-log.js';
export {
  compareWhatIfs,
  whatIfRows,
  type WhatIfColumn,
  type WhatIfRow,
  whatIfTable,
  domainMetrics,
  WHAT_IF_METRICS,
  type WhatIfComparison,
} from './what-if-comparison.js';
export { breakEven, type BreakEven, type BreakEvenMonth, whatIfBreakEvens } from './break-even.js';
