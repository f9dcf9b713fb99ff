/**
 * One run of a scenario: resolve its parameters, build the configuration and the state of
 * the run, start the processes, run to the horizon (statistics reset at the end of the
 * warm-up), and collect the records.
 */
import { Environment, type ProcessGenerator } from '../engine/index.js';
import { RandomStreams } from '../random/index.js';
import { entry } from '../scenario/lookup.js';
import { resolveParameters, type ModelParameters } from '../scenario/model-parameters.js';
import { groupCost, peopleCostPerYear, personGroups } from '../scenario/team-people.js';
import type { ScenarioSpec } from '../scenario/scenario-spec.js';
import { DAYS_PER_YEAR } from '../scenario/time-units.js';
import { buildWorkflowGraph } from '../scenario/workflow-graph.js';
import { startArrivals } from './arrivals.js';
import { DEFAULT_MAX_OPEN_USE_CASES } from './run-limit.js';
import { EventLog, type LogColumns } from './event-log.js';
import type { ItemRecord } from './item-record.js';
import { RunState, type ModelContext } from './model-context.js';
import { Organisation } from './organisation.js';
import type { PersonPool } from './person-pool.js';
import { type OpenUseCase, startOpenWork } from './open-work.js';
import { startPortfolio } from './production.js';
import { startTimeOff } from './time-off.js';
import { buildConfig } from './run-config.js';
import { startTimeline, type AppliedChange } from './timeline.js';
import { PeriodRecorder, type PeriodStatistics } from './periods.js';

export interface SimulationOptions {
  /** Master seed of the run's named streams. */
  seed: number | string;
  /** Keep the event log (default true). */
  log?: boolean;
  /** Days between two samples of work in progress (default 7). */
  sampleEveryDays?: number;
  /** Open use cases at which the run stops with a RunLimitError (default DEFAULT_MAX_OPEN_USE_CASES). */
  maxOpenUseCases?: number;
  /** Use cases already open at day 0, where they are (a back-test's work in progress at its split); they get the first ids. */
  openWork?: readonly OpenUseCase[];
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
  /** Mean people busy on the role / mean people who hold it and are there (not away). */
  utilization: number;
  /** Mean number of requests waiting. */
  meanQueue: number;
  /** Share of its people's time away (holidays, absence). */
  away: number;
}

/**
 * The use of one group of a team's people who hold several roles, over the measured window:
 * their time busy in all, and split by the role they worked in.
 */
export interface GroupStatistics {
  team: string;
  /** The roles joined by "+", as in person ids. */
  group: string;
  roles: string[];
  people: number;
  /** Share of their time there (not away) busy, on any of their roles. */
  utilization: number;
  /** role -> share of their time there busy on it (they add up to utilization). */
  byRole: Record<string, number>;
  /** Share of their time away (holidays, absence). */
  away: number;
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
  /** Each team's people who hold several roles, by group. */
  groups: GroupStatistics[];
  /** The use of the teams' people quarter by quarter over the measured window. */
  periods: PeriodStatistics[];
  /** The timeline's changes, as applied (empty without a timeline). */
  changes: AppliedChange[];
  /** The day the figures of use by pool are measured from: the end of the warm-up, or the timeline's last change of people after it. */
  statisticsFrom: number;
  loops: LoopStatistics[];
  /** People cost over the measured window (teams only; SMEs belong to the business). */
  peopleCost: number;
  /** Use-case type -> its business value per year once live, for the types the scenario gives one. */
  valuePerYear: Record<string, number>;
  /** Engine events processed. */
  events: number;
  flow: FlowSeries;
}

/** Keep the event log unless told otherwise. */
const KEEP_LOG = true;
/** Days between two samples of work in progress, unless told otherwise. */
const SAMPLE_EVERY_DAYS = 7;

/**
 * Simulates one run of a validated scenario (see loadScenario) with a master seed. The
 * scenario is resolved into its model parameters (defaults filled in) first.
 */
export function simulate(spec: ScenarioSpec, options: SimulationOptions): RunResult {
  const params = resolveParameters(spec);
  const env = new Environment();
  const graph = buildWorkflowGraph(params.workflow).graph;
  const ctx: ModelContext = {
    config: buildConfig(params, graph, options.maxOpenUseCases ?? DEFAULT_MAX_OPEN_USE_CASES),
    state: new RunState(
      env,
      new Organisation(env, params),
      new EventLog(options.log ?? KEEP_LOG),
      new RandomStreams(options.seed),
      graph.loops,
    ),
  };
  const flow = startRun(ctx, options.sampleEveryDays ?? SAMPLE_EVERY_DAYS, options.openWork ?? []);
  startTimeline(ctx, spec);
  const periods = new PeriodRecorder(ctx);
  periods.begin();
  env.run({ until: params.horizon_days });
  return {
    ...collect(ctx, params, flow, options.seed),
    periods: periods.finish(),
    changes: ctx.state.changes,
    statisticsFrom: ctx.state.org.people.resource.statisticsFrom,
  };
}

/** Every pool of people: the teams', then the domains' subject-matter experts. */
function poolsOf(org: Organisation): PersonPool[] {
  return [...org.pools.values(), ...org.smePools.values()];
}

/** Time-weighted use of one pool over the measured window (`window` days). */
function poolStatistics(p: PersonPool, window: number): PoolStatistics {
  const r = p.people.resource;
  const away = r.unitsHolding(p.skill).reduce((s, u) => s + r.awayTimeOf(u), 0) / window;
  return {
    team: p.team,
    role: p.role,
    headcount: p.headcount,
    // of the time its people were there (all of it without time off)
    utilization: r.meanBusy(p.skill) / (p.headcount - away),
    meanQueue: r.meanQueue(p.skill),
    away: away / p.headcount,
  };
}

/** The use of each team's people who hold several roles, by team and group, over the measured window (`window` days). */
function groupStatistics(org: Organisation, window: number): GroupStatistics[] {
  const { people } = org;
  const r = people.resource;
  const groups = new Map<string, number[]>();
  for (let unit = 0; unit < people.ids.length; unit++) {
    if (people.roleSets[unit].roles.length < 2 || r.isRetired(unit)) continue;
    const key = `${people.teams[unit]}/${people.roleSets[unit].label}`;
    const units = groups.get(key);
    if (units === undefined) groups.set(key, [unit]);
    else units.push(unit);
  }
  return [...groups.values()].map((units) => {
    const [first] = units;
    const { label, roles } = people.roleSets[first];
    const team = people.teams[first];
    const busy = (role?: string) =>
      units.reduce((s, u) => s + r.busyTimeOf(u, role === undefined ? undefined : people.skill(team, role)), 0);
    const away = units.reduce((s, u) => s + r.awayTimeOf(u), 0);
    const present = units.length * window - away;
    return {
      team,
      group: label,
      roles: [...roles],
      people: units.length,
      utilization: busy() / present,
      byRole: Object.fromEntries(roles.map((role) => [role, busy(role) / present])),
      away: away / (units.length * window),
    };
  });
}

/**
 * Starts the processes of the run: the models already in production at day 0, the demand
 * (each use case that goes live becomes a model in production), the end of the warm-up and
 * the sampling of work in progress; returns the flow series the sampling fills.
 */
function startRun(ctx: ModelContext, every: number, openWork: readonly OpenUseCase[]): FlowSeries {
  const { env } = ctx.state;
  const { params, graph } = ctx.config;
  startTimeOff(ctx);
  startPortfolio(ctx);
  startOpenWork(ctx, openWork);
  startArrivals(ctx);
  const warmup = params.warmup_days;
  env.process(
    (function* (): ProcessGenerator {
      if (warmup > 0) yield warmup;
      ctx.state.org.people.resource.resetStatistics();
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
  env.process(sampleFlow(ctx, flow, every));
  return flow;
}

/** Records work in progress and the cumulative counts every `every` days up to the horizon. */
function* sampleFlow(ctx: ModelContext, flow: FlowSeries, every: number): ProcessGenerator {
  const { env, records, ended, loops } = ctx.state;
  const horizon = ctx.config.params.horizon_days;
  for (;;) {
    flow.time.push(env.now);
    flow.arrived.push(records.length);
    flow.live.push(ended.live);
    flow.abandoned.push(ended.abandoned);
    for (const [loop, m] of loops) entry(flow.inLoop, loop, 'loop of the flow series').push(m.wip.value);
    flow.inProduction.push(ctx.state.inProduction);
    if (env.now + every > horizon) return;
    yield every;
  }
}

/**
 * People cost over the measured window: every team's people at their cost per year, the
 * scenario's from the start, and with a timeline each change's from its day.
 */
function peopleCost(params: ModelParameters, costFrom: readonly { day: number; perYear: number }[]): number {
  const { warmup_days: warmup, horizon_days: horizon } = params;
  if (costFrom.length === 0) {
    const years = (horizon - warmup) / DAYS_PER_YEAR;
    let cost = 0;
    for (const team of Object.values(params.teams)) {
      for (const group of personGroups(team)) cost += group.count * groupCost(params, team, group) * years;
    }
    return cost;
  }
  const segments = [{ day: 0, perYear: peopleCostPerYear(params) }, ...costFrom];
  let cost = 0;
  for (const [k, { day, perYear }] of segments.entries()) {
    const end = segments[k + 1]?.day ?? horizon;
    const days = Math.max(0, end - Math.max(day, warmup));
    cost += (perYear * days) / DAYS_PER_YEAR;
  }
  return cost;
}

/** The result of a run that has reached its horizon (but its periods and changes). */
function collect(
  ctx: ModelContext,
  initial: ModelParameters,
  flow: FlowSeries,
  seed: number | string,
): Omit<RunResult, 'periods' | 'changes' | 'statisticsFrom'> {
  const { params } = ctx.config; // the scenario's, or its timeline's last
  const { env, records, log, loops } = ctx.state;
  const horizon = params.horizon_days;
  // the end of the warm-up, or of the timeline's last change after it
  const statisticsFrom = ctx.state.org.people.resource.statisticsFrom;
  return {
    scenario: params.name,
    seed,
    horizon,
    warmup: params.warmup_days,
    items: records,
    log: log.columns,
    pools: poolsOf(ctx.state.org)
      .filter((p) => p.headcount > 0)
      .map((p) => poolStatistics(p, horizon - statisticsFrom)),
    groups: groupStatistics(ctx.state.org, horizon - statisticsFrom),
    loops: [...loops].map(([loop, mon]) => {
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
    peopleCost: peopleCost(initial, ctx.state.costFrom),
    valuePerYear: Object.fromEntries(
      Object.entries(params.use_case_types).flatMap(([type, t]) =>
        t.value_per_year === undefined ? [] : [[type, t.value_per_year]],
      ),
    ),
    events: env.eventCount,
    flow,
  };
}
