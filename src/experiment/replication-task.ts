/**
 * One replication of one scenario: what a worker receives and what it sends back. The result
 * is compact (metrics, the flow series, one use case's journey when asked for); the record of
 * every use case and the whole event log come back only when asked for.
 */
import { journeyOf, type Journey } from '../metrics/journey.js';
import { checkLittlesLaw, type LittleCheck } from '../metrics/littles-law.js';
import { replicationMetrics, type ReplicationMetrics } from '../metrics/replication-metrics.js';
import {
  simulate,
  type AppliedChange,
  type FlowSeries,
  type ItemRecord,
  type LogColumns,
  type PoolStatistics,
} from '../model/index.js';
import type { ScenarioSpec } from '../scenario/index.js';

export interface ReplicationTask {
  scenarioIndex: number;
  replication: number;
  seed: number;
  spec: ScenarioSpec;
  keepLog: boolean;
  /** Bring back the record of every use case that arrived after the warm-up (default false: the metrics only). */
  keepItems?: boolean;
  /** Keep the journey of one use case (see journeyOf): the run then keeps its event log while it runs. */
  keepJourney?: boolean;
  /** Open use cases at which the run stops (see the model's RunLimitError); the model's default when absent. */
  maxOpenUseCases?: number;
}

export interface ReplicationResult {
  scenarioIndex: number;
  replication: number;
  seed: number;
  metrics: ReplicationMetrics;
  /** The day the run ended: a use case still open then is censored at its age on this day. */
  horizon: number;
  /** With `keepItems`: the use cases that arrived after the warm-up. */
  items?: ItemRecord[];
  pools: PoolStatistics[];
  flow: FlowSeries;
  littles: LittleCheck[];
  events: number;
  peopleCost: number;
  log?: LogColumns;
  /** With `keepJourney`: the use case the report draws, with its rows of the event log (absent when none went live). */
  journey?: Journey;
  /** The timeline's changes as applied (empty without a timeline). */
  changes: AppliedChange[];
}

export function runReplicationTask(task: ReplicationTask): ReplicationResult {
  const log = task.keepLog || task.keepJourney === true;
  const run = simulate(task.spec, { seed: task.seed, log, maxOpenUseCases: task.maxOpenUseCases });
  const journey = task.keepJourney ? journeyOf(run) : undefined;
  return {
    scenarioIndex: task.scenarioIndex,
    replication: task.replication,
    seed: task.seed,
    metrics: replicationMetrics(run),
    horizon: run.horizon,
    ...(task.keepItems ? { items: run.items.filter((i) => i.arrival >= run.warmup) } : {}),
    pools: run.pools,
    changes: run.changes,
    flow: run.flow,
    littles: checkLittlesLaw(run),
    events: run.events,
    peopleCost: run.peopleCost,
    ...(task.keepLog ? { log: run.log } : {}),
    ...(journey ? { journey } : {}),
  };
}
