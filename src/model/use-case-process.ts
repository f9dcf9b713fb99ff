/**
 * The life of one use case, as an engine process: intake (waiting for the next planning
 * cycle), then activity after activity along the workflow until it goes live or is
 * abandoned, with handovers, context loss, gates and loop-backs on the way. Every day of its
 * life is put in exactly one category of its record, so they add up to its lead time.
 *
 * Like every process of the model, it holds for a number of days by yielding that number
 * (`yield duration`), the engine's plain-delay form of `yield env.timeout(duration)`.
 */
import type { ProcessGenerator } from '../engine/index.js';
import type { Rng } from '../random/index.js';
import { entry, lookup } from '../scenario/lookup.js';
import { effortScale } from '../scenario/model-parameters.js';
import { LIVE, SME_ROLE } from '../scenario/scenario-spec.js';
import { isTerminal, redirectForSkippedLoops, type ActivityNode } from '../scenario/workflow-graph.js';
import type { ItemRecord } from './item-record.js';
import { poolEffortMultiplier, smeAvailability, type ModelContext } from './model-context.js';
import type { Boundary } from './organisation.js';
import type { Assignment, PersonPool } from './person-pool.js';
import { modelInProduction } from './production.js';
import { chooseTransition } from './transition-chooser.js';
import { elapsedDays } from './working-time.js';

/** The last activity's performer, for handovers and rework. */
interface Previous {
  pool: PersonPool;
  person: number;
  node: ActivityNode;
  effort: number;
}

interface ItemStreams {
  effort: Rng;
  route: Rng;
  handover: Rng;
  gate: Rng;
}

/** Where a use case is on its way through the workflow. */
interface Journey {
  readonly streams: ItemStreams;
  /** Loops its type skips. */
  readonly skip: ReadonlySet<string>;
  /** Visits so far, per activity. */
  readonly visits: Map<string, number>;
  /** Loop-backs taken so far, per activity. */
  readonly loopBacks: Map<string, number>;
  previous: Previous | null;
}

/** The queue priority of a use case's requests under the scenario's intake rule. */
export function requestPriority(ctx: ModelContext, record: ItemRecord): number {
  const { intake, params } = ctx.config;
  if (intake === 'priority') return entry(params.use_case_types, record.type, 'use-case type').priority;
  if (intake === 'fair_share') return ctx.state.openIn(record.domain);
  return 0;
}

/** The columns every log row of a use case shares. */
const rowOf = (record: ItemRecord) => ({ item: record.id, domain: record.domain, type: record.type });

/** The life of one use case: arrival, intake, the workflow, and its end (live or abandoned). */
export function* useCase(ctx: ModelContext, record: ItemRecord): ProcessGenerator {
  const streams = itemStreams(ctx, record);
  const type = entry(ctx.config.params.use_case_types, record.type, 'use-case type');
  arrive(ctx, record);
  yield* waitForPlanning(ctx, record);
  const journey: Journey = {
    streams,
    skip: new Set(type.skip_loops),
    visits: new Map(),
    loopBacks: new Map(),
    previous: null,
  };
  const end: string = yield* followWorkflow(ctx, record, journey);
  finish(ctx, record, end);
}

/** The use case's own random streams, one per source of randomness. */
function itemStreams(ctx: ModelContext, record: ItemRecord): ItemStreams {
  const { streams } = ctx.state;
  return {
    effort: streams.keyed('item/effort', record.id),
    route: streams.keyed('item/route', record.id),
    handover: streams.keyed('item/handover', record.id),
    gate: streams.keyed('item/gate', record.id),
  };
}

function arrive(ctx: ModelContext, record: ItemRecord): void {
  const { env, log } = ctx.state;
  if (log.enabled) log.add({ ...rowOf(record), time: env.now, kind: 'arrival' });
  ctx.state.opened(record.domain);
}

/** Intake: work starts at the next planning cycle. */
function* waitForPlanning(ctx: ModelContext, record: ItemRecord): ProcessGenerator {
  const { env, log } = ctx.state;
  const cadence = ctx.config.planningCadence;
  if (!(cadence > 0)) return;
  const wait = Math.ceil(env.now / cadence) * cadence - env.now;
  if (wait > 0) {
    yield wait;
    record.planning += wait;
    if (log.enabled) log.add({ ...rowOf(record), time: env.now, kind: 'planning', duration: wait });
  }
}

/** Activity after activity until the use case reaches live or abandon; returns which. */
function* followWorkflow(ctx: ModelContext, record: ItemRecord, journey: Journey): ProcessGenerator<string> {
  const { graph } = ctx.config;
  let current = redirectForSkippedLoops(graph, graph.start, journey.skip);
  let loop: string | null = null;
  while (!isTerminal(current)) {
    const node = lookup(graph.nodes, current, 'activity');
    if (node.loop !== loop) {
      leaveLoop(ctx, record, loop);
      enterLoop(ctx, record, node.loop);
      loop = node.loop;
    }
    yield* doActivity(ctx, record, node, journey);
    current = nextActivity(ctx, record, node, journey);
  }
  leaveLoop(ctx, record, loop);
  return current;
}

/**
 * One activity: the handover from the previous performer, a person of the routed pool, the
 * work (through the activity's gate, if any).
 */
function* doActivity(ctx: ModelContext, record: ItemRecord, node: ActivityNode, journey: Journey): ProcessGenerator {
  const { org } = ctx.state;
  const { streams, previous } = journey;
  const pool = org.route(node.spec.role, record.domain);
  if (previous !== null && previous.pool !== pool) {
    // a different role or team: the item waits out the handover, then joins the queue
    yield* handover(ctx, record, org.boundary(previous.pool, pool), previous, null, streams);
  }
  const visit = (journey.visits.get(node.id) ?? 0) + 1;
  journey.visits.set(node.id, visit);
  const effort = activityEffort(ctx, record, node, pool, streams.effort);

  const samePool = previous !== null && previous.pool === pool;
  let assignment: Assignment = yield* acquire(ctx, record, pool, samePool ? previous.person : null, node);
  if (samePool && assignment.person !== previous.person) {
    // same team and role, but a colleague takes over: they spend the handover getting up to speed
    assignment = yield* handover(ctx, record, 'same_team', previous, assignment, streams);
  }
  // the activity; a gate holds the use case, not the person: the person is released when the
  // work is done, and a rejection sends the use case back to the queue for its rework
  const person: number = yield* workThroughGate(ctx, record, node, pool, assignment, effort, visit > 1, streams.gate);
  journey.previous = { pool, person, node, effort };
}

/** Person-days of the activity: a draw of its effort, scaled for the use-case type and the team. */
function activityEffort(ctx: ModelContext, record: ItemRecord, node: ActivityNode, pool: PersonPool, rng: Rng): number {
  const { params, efforts } = ctx.config;
  const scale = effortScale(entry(params.use_case_types, record.type, 'use-case type'), node.loop);
  const multiplier = poolEffortMultiplier(ctx, pool, node.loop);
  return lookup(efforts, node.id, 'activity effort').sample(rng) * scale * multiplier;
}

/** Where the use case goes after `node`: a draw among its transitions, loop-backs less likely each time. */
function nextActivity(ctx: ModelContext, record: ItemRecord, node: ActivityNode, journey: Journey): string {
  const k = journey.loopBacks.get(node.id) ?? 0;
  const move = node.transitions[chooseTransition(node, k, ctx.config.policy, journey.streams.route)];
  if (move.isLoopBack) {
    journey.loopBacks.set(node.id, k + 1);
    record.iterations++;
  }
  return redirectForSkippedLoops(ctx.config.graph, move.target, journey.skip);
}

/** The end of the use case at `end` (live or abandon): a live one becomes a model in production. */
function finish(ctx: ModelContext, record: ItemRecord, end: string): void {
  const { env, log, ended } = ctx.state;
  record.end = env.now;
  record.outcome = end === LIVE ? 'live' : 'abandoned';
  if (end === LIVE) {
    record.timeToProduction = env.now - record.arrival;
    env.process(
      modelInProduction(
        ctx,
        { item: record.id, domain: record.domain, type: record.type, streams: { family: 'item', key: record.id } },
        false,
      ),
    );
  }
  ctx.state.closed(record.domain);
  if (end === LIVE) ended.live++;
  else ended.abandoned++;
  if (log.enabled)
    log.add({
      ...rowOf(record),
      time: env.now,
      kind: end === LIVE ? 'go_live' : 'abandon',
      duration: env.now - record.arrival,
    });
}

/** Waits for a person of `pool` (preferring `preferred`), counting the wait by role. */
function* acquire(
  ctx: ModelContext,
  record: ItemRecord,
  pool: PersonPool,
  preferred: number | null,
  node: ActivityNode | null,
): ProcessGenerator<Assignment> {
  const { env, log } = ctx.state;
  const asked = env.now;
  const request = pool.request(requestPriority(ctx, record));
  yield request;
  const assignment = pool.assign(request, preferred);
  const waited = env.now - asked;
  if (waited > 0) {
    record.waiting += waited;
    record.waitingByRole[pool.role] = (record.waitingByRole[pool.role] ?? 0) + waited;
    if (log.enabled) {
      log.add({
        time: env.now,
        kind: 'wait',
        item: record.id,
        domain: record.domain,
        type: record.type,
        loop: node?.loop,
        activity: node?.activity,
        team: pool.team,
        role: pool.role,
        person: pool.personId(assignment.person),
        duration: waited,
      });
    }
  }
  return assignment;
}

/** Holds the assigned person for `effort` person-days of the activity. */
function* work(
  ctx: ModelContext,
  record: ItemRecord,
  node: ActivityNode,
  pool: PersonPool,
  assignment: Assignment,
  effort: number,
  isRework: boolean,
): ProcessGenerator {
  const { env, log } = ctx.state;
  const availability = node.spec.role === SME_ROLE ? smeAvailability(ctx, record.domain) : 1;
  const duration = elapsedDays(effort, ctx.config.rate, availability);
  const row = log.enabled
    ? {
        item: record.id,
        domain: record.domain,
        type: record.type,
        loop: node.loop,
        activity: node.activity,
        team: pool.team,
        role: pool.role,
        person: pool.personId(assignment.person),
        detail: isRework ? 'rework' : '',
      }
    : null;
  if (row !== null) log.add({ ...row, time: env.now, kind: 'activity_start' });
  yield duration;
  if (row !== null) log.add({ ...row, time: env.now, kind: 'activity_end', duration });
  record.activities++;
  if (isRework) {
    record.rework += duration;
    record.reworkPasses++;
  } else {
    record.work += duration;
  }
}

/**
 * Does the activity with `assignment` and releases the person. Where the activity has a gate,
 * the use case alone waits for the gate's meeting; while the gate rejects it, it queues again
 * for a person of the pool (preferring the last one) and redoes the work. Returns the person
 * who did the last pass.
 */
function* workThroughGate(
  ctx: ModelContext,
  record: ItemRecord,
  node: ActivityNode,
  pool: PersonPool,
  assignment: Assignment,
  effort: number,
  isRework: boolean,
  rng: Rng,
): ProcessGenerator<number> {
  let held = assignment;
  let rework = isRework;
  for (;;) {
    yield* work(ctx, record, node, pool, held, effort, rework);
    pool.release(held);
    if (node.spec.gate === undefined || (yield* passGate(ctx, record, node, node.spec.gate, rng))) return held.person;
    held = yield* acquire(ctx, record, pool, held.person, node);
    rework = true;
  }
}

/** Waits for the gate's next meeting; returns whether the item passed. */
function* passGate(
  ctx: ModelContext,
  record: ItemRecord,
  node: ActivityNode,
  gateId: string,
  rng: Rng,
): ProcessGenerator<boolean> {
  const gate = lookup(ctx.config.gates, gateId, 'gate');
  const { env, log } = ctx.state;
  const wait = (Math.floor(env.now / gate.cadence) + 1) * gate.cadence - env.now;
  yield wait;
  record.gate += wait;
  const passed = rng() < gate.approval;
  if (!passed) record.gateRejections++;
  if (log.enabled) {
    log.add({
      time: env.now,
      kind: 'gate',
      item: record.id,
      domain: record.domain,
      type: record.type,
      loop: node.loop,
      activity: node.activity,
      duration: wait,
      detail: `${gateId}:${passed ? 'approved' : 'rejected'}`,
    });
  }
  return passed;
}

/**
 * A handover across `boundary`: its delay, then possibly context loss (a clarification round
 * with the domain's SMEs, or rework of the previous activity). `holding` is the colleague
 * already assigned in a same-team handover: they spend the delay reading in (busy, as in
 * real work), are released while the use case waits for the SMEs' answers, and redo the lost
 * work themselves. Returns the colleague's assignment after the handover (null if none).
 */
function* handover<H extends Assignment | null>(
  ctx: ModelContext,
  record: ItemRecord,
  boundary: Boundary,
  previous: Previous,
  holding: H,
  streams: ItemStreams,
): ProcessGenerator<H> {
  const { env, log } = ctx.state;
  let held: Assignment | null = holding;
  const { handoverDelay } = ctx.config;
  if (handoverDelay === null) return holding;
  const delay = handoverDelay[boundary].sample(streams.handover);
  record.handovers++;
  if (boundary === 'cross_home') record.crossBoundaryHandovers++;
  if (delay > 0) yield delay;
  record.handover += delay;
  if (log.enabled)
    log.add({
      time: env.now,
      kind: 'handover',
      item: record.id,
      domain: record.domain,
      type: record.type,
      duration: delay,
      detail: boundary,
      team: previous.pool.team,
      role: previous.pool.role,
    });

  const clarification = ctx.config.clarification;
  if (clarification !== null && streams.handover() < clarification.probability[boundary]) {
    if (held !== null) previous.pool.release(held); // nobody is held while the use case waits for answers
    const start = env.now;
    const sme = lookup(ctx.state.org.smePools, record.domain, 'pool of subject-matter experts for domain');
    const request = sme.request(requestPriority(ctx, record));
    yield request;
    const a = sme.assign(request, null);
    const availability = smeAvailability(ctx, record.domain);
    yield elapsedDays(clarification.smeEffort.sample(streams.handover), ctx.config.rate, availability);
    sme.release(a);
    record.clarification += env.now - start;
    if (log.enabled)
      log.add({
        time: env.now,
        kind: 'clarification',
        item: record.id,
        domain: record.domain,
        type: record.type,
        team: sme.team,
        role: SME_ROLE,
        person: sme.personId(a.person),
        duration: env.now - start,
        detail: boundary,
      });
    if (held !== null) held = yield* acquire(ctx, record, previous.pool, held.person, previous.node);
  }
  const rework = ctx.config.rework;
  if (rework !== null && streams.handover() < rework.probability[boundary]) {
    const effort = previous.effort * rework.fraction;
    if (held !== null) {
      yield* work(ctx, record, previous.node, previous.pool, held, effort, true);
    } else {
      const a: Assignment = yield* acquire(ctx, record, previous.pool, previous.person, previous.node);
      yield* work(ctx, record, previous.node, previous.pool, a, effort, true);
      previous.pool.release(a);
    }
  }
  return held as H;
}

function enterLoop(ctx: ModelContext, record: ItemRecord, loop: string): void {
  const m = lookup(ctx.state.loops, loop, 'loop');
  m.entries++;
  m.open.set(record.id, ctx.state.env.now);
  m.wip.update(m.wip.value + 1);
}

function leaveLoop(ctx: ModelContext, record: ItemRecord, loop: string | null): void {
  if (loop === null) return;
  const m = lookup(ctx.state.loops, loop, 'loop');
  m.exits++;
  m.completedTime += ctx.state.env.now - lookup(m.open, record.id, 'open stay in the loop of item');
  m.open.delete(record.id);
  m.wip.update(m.wip.value - 1);
}
