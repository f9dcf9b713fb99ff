/**
 * What the processes of one run share, built once per run by simulate(): the configuration,
 * read-only and derived from the scenario's parameters, and the state of the run, which the
 * processes change as it goes on.
 */
import type { Environment } from '../engine/index.js';
import { TimeWeighted } from '../engine/index.js';
import type { Distribution, RandomStreams } from '../random/index.js';
import { entry, lookup } from '../scenario/lookup.js';
import { effortMultiplier, type ModelParameters } from '../scenario/model-parameters.js';
import { peopleCostPerYear } from '../scenario/team-people.js';
import { SME_ROLE, UNSCALED } from '../scenario/scenario-spec.js';
import type { WorkflowGraph } from '../scenario/workflow-graph.js';
import type { EventLog } from './event-log.js';
import type { AppliedChange } from './timeline.js';
import type { Learning } from './familiarity.js';
import type { ItemRecord } from './item-record.js';
import type { Boundary, Organisation } from './organisation.js';
import type { PersonPool } from './person-pool.js';
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

/** A governance gate: it meets every `cadence` days and approves with probability `approval`. */
export interface Gate {
  readonly cadence: number;
  readonly approval: number;
}

/** Maintenance requests of the models in production. */
export interface MaintenanceConfig {
  /** Days between two requests of one model (null when the rate is 0). */
  readonly gap: Distribution | null;
  readonly role: string;
  readonly effort: Distribution;
  /** Served before project work. */
  readonly urgent: boolean;
}

/** How a run is set up: what the scenario's parameters become once, read-only for the whole run. */
export interface ModelConfig {
  readonly params: ModelParameters;
  readonly graph: WorkflowGraph;
  readonly rate: WorkingRate;
  readonly policy: IterationPolicy;
  /** activity id -> effort */
  readonly efforts: ReadonlyMap<string, Distribution>;
  readonly handoverDelay: Readonly<Record<Boundary, Distribution>> | null;
  readonly clarification: {
    readonly probability: Readonly<Record<Boundary, number>>;
    readonly smeEffort: Distribution;
  } | null;
  readonly rework: { readonly probability: Readonly<Record<Boundary, number>>; readonly fraction: number } | null;
  /** gate id -> gate */
  readonly gates: ReadonlyMap<string, Gate>;
  readonly planningCadence: number;
  readonly intake: ModelParameters['management']['intake'];
  readonly maintenance: MaintenanceConfig | null;
  /** How long a model stays in production (see ModelParameters.modelLifetime). */
  readonly lifetime: Distribution;
  /** domain -> share of its subject-matter experts' time available for AI work (domains with an sme section) */
  readonly smeAvailability: ReadonlyMap<string, number>;
  /** Domain familiarity (see familiarity.ts), or null when the scenario has no learning. */
  readonly learning: Learning | null;
  /** Open use cases plus open maintenance requests at which the run stops (see run-limit.ts). */
  readonly maxOpen: number;
}

/** What changes as the run goes on: the engine, the people, the log, the random streams and the counts. */
export class RunState {
  /** Models in production now: gone live (or in the day-0 portfolio) and not retired. */
  inProduction = 0;
  /** Maintenance requests made and not yet served. */
  openRequests = 0;
  /** Use cases arrived and not ended, per domain (fair-share intake): see opened, closed, openIn. */
  private readonly inProgress = new Map<string, number>();
  /** Use cases gone live and abandoned so far (for the flow series). */
  readonly ended = { live: 0, abandoned: 0 };
  /** loop -> its monitor */
  readonly loops: ReadonlyMap<string, LoopMonitor>;
  /** Every use case so far, by id (its index). */
  readonly records: ItemRecord[] = [];
  /** The timeline's changes applied so far (see timeline.ts). */
  readonly changes: AppliedChange[] = [];
  /** The people cost per year from each change on (empty without a timeline: the scenario's cost holds throughout). */
  readonly costFrom: { day: number; perYear: number }[] = [];

  constructor(
    readonly env: Environment,
    readonly org: Organisation,
    readonly log: EventLog,
    readonly streams: RandomStreams,
    loops: readonly string[],
  ) {
    this.loops = new Map(loops.map((l) => [l, new LoopMonitor(env)]));
  }

  /** The scenario changed to `params` now: its people cost per year holds from now on. */
  costChanged(params: ModelParameters): void {
    this.costFrom.push({ day: this.env.now, perYear: peopleCostPerYear(params) });
  }

  /** A use case of `domain` arrived. */
  opened(domain: string): void {
    this.inProgress.set(domain, this.openIn(domain) + 1);
  }

  /** A use case of `domain` ended (live or abandoned); it must have arrived. */
  closed(domain: string): void {
    const open = this.openIn(domain);
    if (open === 0) throw new Error(`a use case of domain "${domain}" ended that never arrived`);
    this.inProgress.set(domain, open - 1);
  }

  /** Use cases of `domain` arrived and not ended. */
  openIn(domain: string): number {
    return this.inProgress.get(domain) ?? 0;
  }
}

export interface ModelContext {
  /** The configuration now: replaced when the timeline changes a parameter (see timeline.ts). */
  config: ModelConfig;
  readonly state: RunState;
}

/** Share of the time of a domain's subject-matter experts available for AI work. */
export function smeAvailability(ctx: ModelContext, domain: string): number {
  return lookup(ctx.config.smeAvailability, domain, 'subject-matter experts (sme) of domain');
}

/**
 * How the team of `pool` multiplies the effort of `loop` (or of "maintenance"). A domain's
 * subject-matter experts are no team of the scenario: their effort is not scaled.
 */
export function poolEffortMultiplier(ctx: ModelContext, pool: PersonPool, loop: string): number {
  if (pool.role === SME_ROLE) return UNSCALED;
  return effortMultiplier(entry(ctx.config.params.teams, pool.team, 'team'), loop);
}
