/**
 * One run of a scenario: build the organisation and the processes, run to the horizon, and
 * collect the records. Phases: 1 build, 2 start demand, 3 run (statistics reset at the end
 * of the warm-up), 4 collect.
 */
import { Environment, type ProcessGenerator } from '../engine/index.js';
import { RandomStreams, exponential, type Distribution } from '../random/index.js';
import { buildDistribution } from '../scenario/distribution-build.js';
import { DEFAULT_MODEL_LIFETIME, type ScenarioSpec } from '../scenario/scenario-spec.js';
import { DAYS_PER_MONTH, DAYS_PER_YEAR } from '../scenario/time-units.js';
import { buildWorkflowGraph } from '../scenario/workflow-graph.js';
import { startArrivals } from './arrivals.js';
import { DEFAULT_MAX_OPEN_USE_CASES } from './run-limit.js';
import { EventLog, type LogColumns } from './event-log.js';
import type { ItemRecord } from './item-record.js';
import { LoopMonitor, type ModelContext } from './model-context.js';
import { Organisation, type Boundary } from './organisation.js';
import { startPortfolio } from './production.js';

export interface SimulationOptions {
  /** Master seed of the run's named streams. */
  seed: number | string;
  /** Keep the event log (default true). */
  log?: boolean;
  /** Days between two samples of work in progress (default 7). */
  sampleEveryDays?: number;
  /** Open use cases at which the run stops with a RunLimitError (default DEFAULT_MAX_OPEN_USE_CASES). */
  maxOpenUseCases?: number;
}

/** Work in progress and cumulative counts sampled over the run (a cumulative flow diagram). */
export interface FlowSeries {
  time: number[];
  /** Use cases arrived so far. */
  arrived: number[];
  /** Use cases live so far. */
  live: number[];
  /** Use cases abandoned so far. */
  abandoned: number[];
  /** Use cases in each loop at that time. */
  inLoop: Record<string, number[]>;
  /** Models in production at that time: gone live or in the day-0 portfolio, and not retired. */
  inProduction: number[];
}

/** Time-weighted use of one pool of people over the measured window (after the warm-up). */
export interface PoolStatistics {
  team: string;
  role: string;
  headcount: number;
  /** Mean people busy / headcount. */
  utilization: number;
  /** Mean number of requests waiting. */
  meanQueue: number;
}

/** Work in progress in one loop, over the whole run (for Little's law). */
export interface LoopStatistics {
  loop: string;
  /** Time-average items in the loop, from time 0 to the horizon. */
  timeAverageWip: number;
  entries: number;
  exits: number;
  /** Mean stay, counting stays still open at the horizon up to the horizon. */
  meanStayInWindow: number;
}

export interface RunResult {
  scenario: string;
  seed: number | string;
  horizon: number;
  warmup: number;
  items: ItemRecord[];
  log: LogColumns;
  pools: PoolStatistics[];
  loops: LoopStatistics[];
  /** People cost over the measured window (teams only; SMEs belong to the business). */
  peopleCost: number;
  /** Engine events processed. */
  events: number;
  flow: FlowSeries;
}

function boundaries<T>(make: (b: Boundary) => T): Record<Boundary, T> {
  return { same_team: make('same_team'), same_home: make('same_home'), cross_home: make('cross_home') };
}

/** Simulates one run of a validated scenario (see loadScenario) with a master seed. */
export function simulate(spec: ScenarioSpec, options: SimulationOptions): RunResult {
  // 1. build
  const env = new Environment();
  const graph = buildWorkflowGraph(spec.workflow).graph;
  const efforts = new Map<string, Distribution>();
  for (const node of graph.nodes.values()) efforts.set(node.id, buildDistribution(node.spec.effort));
  const h = spec.handovers;
  const m = spec.maintenance;
  const ctx: ModelContext = {
    env,
    spec,
    graph,
    org: new Organisation(env, spec),
    log: new EventLog(options.log ?? true),
    streams: new RandomStreams(options.seed),
    rate: {
      workingDaysPerWeek: spec.calendar?.working_days_per_week ?? 5,
      coordinationOverhead: spec.management?.coordination_overhead ?? 0,
    },
    policy: { decay: spec.workflow.iterations?.decay ?? 1, cap: spec.workflow.iterations?.cap ?? 10 },
    efforts,
    handoverDelay: h ? boundaries((b) => buildDistribution(h.delay[b])) : null,
    clarification: h?.clarification
      ? {
          probability: boundaries((b) => h.clarification!.probability[b]),
          smeEffort: buildDistribution(h.clarification.sme_effort),
        }
      : null,
    rework: h?.rework
      ? { probability: boundaries((b) => h.rework!.probability[b]), fraction: h.rework.effort_fraction }
      : null,
    gates: new Map(
      Object.entries(spec.management?.gates ?? {}).map(([id, g]) => [
        id,
        { cadence: g.cadence_days, approval: g.approval_probability },
      ]),
    ),
    planningCadence: spec.management?.planning_cadence_days ?? 0,
    intake: spec.management?.intake ?? 'fifo',
    maintenance: m
      ? {
          gap:
            m.incidents_per_model_per_month > 0
              ? exponential({ mean: DAYS_PER_MONTH / m.incidents_per_model_per_month })
              : null,
          role: m.role,
          effort: buildDistribution(m.effort),
          urgent: m.urgent ?? true,
        }
      : null,
    lifetime: buildDistribution(m?.lifetime_days ?? DEFAULT_MODEL_LIFETIME),
    inProduction: 0,
    openRequests: 0,
    maxOpen: options.maxOpenUseCases ?? DEFAULT_MAX_OPEN_USE_CASES,
    inProgress: new Map(),
    ended: { live: 0, abandoned: 0 },
    loops: new Map(graph.loops.map((l) => [l, new LoopMonitor(env)])),
    records: [],
  };

  // 2. demand (each use case that goes live becomes a model in production), and the models
  // already in production at day 0
  startPortfolio(ctx);
  startArrivals(ctx);
  const warmup = spec.warmup_days ?? 0;
  const pools = [...ctx.org.pools.values(), ...ctx.org.smePools.values()];
  env.process(
    (function* (): ProcessGenerator {
      if (warmup > 0) yield warmup;
      for (const p of pools) {
        p.resource.busyMonitor?.reset();
        p.resource.queueMonitor?.reset();
      }
    })(),
  );

  const flow: FlowSeries = {
    time: [],
    arrived: [],
    live: [],
    abandoned: [],
    inLoop: Object.fromEntries(graph.loops.map((l) => [l, [] as number[]])),
    inProduction: [],
  };
  const every = options.sampleEveryDays ?? 7;
  env.process(
    (function* (): ProcessGenerator {
      for (;;) {
        flow.time.push(env.now);
        flow.arrived.push(ctx.records.length);
        flow.live.push(ctx.ended.live);
        flow.abandoned.push(ctx.ended.abandoned);
        for (const [loop, m] of ctx.loops) flow.inLoop[loop].push(m.wip.value);
        flow.inProduction.push(ctx.inProduction);
        if (env.now + every > spec.horizon_days) return;
        yield every;
      }
    })(),
  );

  // 3. run
  env.run({ until: spec.horizon_days });

  // 4. collect
  const horizon = spec.horizon_days;
  const years = (horizon - warmup) / DAYS_PER_YEAR;
  let peopleCost = 0;
  for (const [, team] of Object.entries(spec.teams)) {
    for (const [role, people] of Object.entries(team.headcount)) {
      peopleCost += people * (team.cost_per_year?.[role] ?? spec.roles[role]?.cost_per_year ?? 0) * years;
    }
  }
  return {
    scenario: spec.name,
    seed: options.seed,
    horizon,
    warmup,
    items: ctx.records,
    log: ctx.log.columns,
    pools: pools.map((p) => ({
      team: p.team,
      role: p.role,
      headcount: p.headcount,
      utilization: (p.resource.busyMonitor?.mean ?? NaN) / p.headcount,
      meanQueue: p.resource.queueMonitor?.mean ?? NaN,
    })),
    loops: [...ctx.loops].map(([loop, mon]) => {
      let open = 0;
      for (const entered of mon.open.values()) open += horizon - entered;
      return {
        loop,
        timeAverageWip: mon.wip.mean,
        entries: mon.entries,
        exits: mon.exits,
        meanStayInWindow: (mon.completedTime + open) / mon.entries,
      };
    }),
    peopleCost,
    events: env.eventCount,
    flow,
  };
}
