/** Everything the processes of one run share: built once per run by simulate(). */
import type { Environment } from '../engine/index.js';
import { TimeWeighted } from '../engine/index.js';
import type { Distribution, RandomStreams } from '../random/index.js';
import type { ScenarioSpec } from '../scenario/scenario-spec.js';
import type { WorkflowGraph } from '../scenario/workflow-graph.js';
import type { EventLog } from './event-log.js';
import type { ItemRecord } from './item-record.js';
import type { Boundary, Organisation } from './organisation.js';
import type { IterationPolicy } from './transition-chooser.js';
import type { WorkingRate } from './working-time.js';

/** Items in one loop over time, for work in progress and Little's law. */
export class LoopMonitor {
  readonly wip: TimeWeighted;
  entries = 0;
  exits = 0;
  /** Sum of completed stays. */
  completedTime = 0;
  /** Entry times of the stays still open, by item. */
  readonly open = new Map<number, number>();

  constructor(env: Environment) {
    this.wip = new TimeWeighted(env, 0);
  }
}

export interface ModelContext {
  env: Environment;
  spec: ScenarioSpec;
  graph: WorkflowGraph;
  org: Organisation;
  log: EventLog;
  streams: RandomStreams;
  rate: WorkingRate;
  policy: IterationPolicy;
  /** activity id -> effort */
  efforts: Map<string, Distribution>;
  handoverDelay: Record<Boundary, Distribution> | null;
  clarification: { probability: Record<Boundary, number>; smeEffort: Distribution } | null;
  rework: { probability: Record<Boundary, number>; fraction: number } | null;
  gates: Map<string, { cadence: number; approval: number }>;
  planningCadence: number;
  intake: 'fifo' | 'priority' | 'fair_share';
  /** Maintenance requests: `gap` between two of one model (null when the rate is 0). */
  maintenance: { gap: Distribution | null; role: string; effort: Distribution; urgent: boolean } | null;
  /** How long a model stays in production (maintenance.lifetime_days or the spec's default). */
  lifetime: Distribution;
  /** Models in production now: gone live (or in the day-0 portfolio) and not retired. */
  inProduction: number;
  /** Maintenance requests made and not yet served. */
  openRequests: number;
  /** Open use cases plus open maintenance requests at which the run stops (see run-limit.ts). */
  maxOpen: number;
  /** Items started and not ended, per domain (fair-share intake). */
  inProgress: Map<string, number>;
  /** Use cases gone live and abandoned so far (for the flow series). */
  ended: { live: number; abandoned: number };
  loops: Map<string, LoopMonitor>;
  records: ItemRecord[];
}
