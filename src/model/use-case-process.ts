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
import { LIVE, SME_ROLE } from '../scenario/scenario-spec.js';
import { isTerminal, redirectForSkippedLoops, type ActivityNode } from '../scenario/workflow-graph.js';
import type { ItemRecord } from './item-record.js';
import type { ModelContext } from './model-context.js';
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

/** The queue priority of a use case's requests under the scenario's intake rule. */
export function requestPriority(ctx: ModelContext, record: ItemRecord): number {
  if (ctx.intake === 'priority') return ctx.spec.use_case_types[record.type].priority ?? 1;
  if (ctx.intake === 'fair_share') return ctx.inProgress.get(record.domain) ?? 0;
  return 0;
}

export function* useCase(ctx: ModelContext, record: ItemRecord): ProcessGenerator {
  const { env, graph, log } = ctx;
  const streams: ItemStreams = {
    effort: ctx.streams.stream(`item/${record.id}/effort`),
    route: ctx.streams.stream(`item/${record.id}/route`),
    handover: ctx.streams.stream(`item/${record.id}/handover`),
    gate: ctx.streams.stream(`item/${record.id}/gate`),
  };
  const typeSpec = ctx.spec.use_case_types[record.type];
  const skip = new Set(typeSpec.skip_loops ?? []);
  const base = { item: record.id, domain: record.domain, type: record.type };
  if (log.enabled) log.add({ ...base, time: env.now, kind: 'arrival' });
  ctx.inProgress.set(record.domain, (ctx.inProgress.get(record.domain) ?? 0) + 1);

  // 1. intake: work starts at the next planning cycle
  if (ctx.planningCadence > 0) {
    const wait = Math.ceil(env.now / ctx.planningCadence) * ctx.planningCadence - env.now;
    if (wait > 0) {
      yield wait;
      record.planning += wait;
      if (log.enabled) log.add({ ...base, time: env.now, kind: 'planning', duration: wait });
    }
  }

  // 2. the workflow
  let current = redirectForSkippedLoops(graph, graph.start, skip);
  let previous: Previous | null = null;
  const visits = new Map<string, number>();
  const loopBacks = new Map<string, number>();
  let loop: string | null = null;
  while (!isTerminal(current)) {
    const node = graph.nodes.get(current) as ActivityNode;
    if (node.loop !== loop) {
      leaveLoop(ctx, record, loop);
      enterLoop(ctx, record, node.loop);
      loop = node.loop;
    }
    const pool = ctx.org.route(node.spec.role, record.domain);
    if (previous !== null && previous.pool !== pool) {
      // a different role or team: the item waits out the handover, then joins the queue
      yield* handover(ctx, record, ctx.org.boundary(previous.pool, pool), previous, null, streams);
    }
    const visit = (visits.get(current) ?? 0) + 1;
    visits.set(current, visit);
    const scale =
      typeof typeSpec.effort_scale === 'number' ? typeSpec.effort_scale : (typeSpec.effort_scale?.[node.loop] ?? 1);
    const multiplier: number = ctx.spec.teams[pool.team]?.effort_multiplier?.[node.loop] ?? 1;
    const effort: number =
      (ctx.efforts.get(current) as { sample(r: Rng): number }).sample(streams.effort) * scale * multiplier;

    let assignment: Assignment = yield* acquire(
      ctx,
      record,
      pool,
      previous !== null && previous.pool === pool ? previous.person : null,
      node,
    );
    if (previous !== null && previous.pool === pool && assignment.person !== previous.person) {
      // same team and role, but a colleague takes over: they spend the handover getting up to speed
      assignment = yield* handover(ctx, record, 'same_team', previous, assignment, streams);
    }
    // the activity; a gate holds the use case, not the person: the person is released when the
    // work is done, and a rejection sends the use case back to the queue for its rework
    const person: number = yield* workThroughGate(ctx, record, node, pool, assignment, effort, visit > 1, streams.gate);
    previous = { pool, person, node, effort };

    // 3. where next
    const k = loopBacks.get(current) ?? 0;
    const move = node.transitions[chooseTransition(node, k, ctx.policy, streams.route)];
    if (move.isLoopBack) {
      loopBacks.set(current, k + 1);
      record.iterations++;
    }
    current = redirectForSkippedLoops(graph, move.target, skip);
  }
  leaveLoop(ctx, record, loop);
  record.end = env.now;
  record.outcome = current === LIVE ? 'live' : 'abandoned';
  if (current === LIVE) {
    record.timeToProduction = env.now - record.arrival;
    env.process(
      modelInProduction(
        ctx,
        { item: record.id, domain: record.domain, type: record.type, streams: `item/${record.id}` },
        false,
      ),
    );
  }
  ctx.inProgress.set(record.domain, (ctx.inProgress.get(record.domain) ?? 1) - 1);
  if (current === LIVE) ctx.ended.live++;
  else ctx.ended.abandoned++;
  if (log.enabled)
    log.add({
      ...base,
      time: env.now,
      kind: current === LIVE ? 'go_live' : 'abandon',
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
): Generator<any, Assignment, any> {
  const asked = ctx.env.now;
  const request = pool.request(requestPriority(ctx, record));
  yield request;
  const assignment = pool.assign(request, preferred);
  const waited = ctx.env.now - asked;
  if (waited > 0) {
    record.waiting += waited;
    record.waitingByRole[pool.role] = (record.waitingByRole[pool.role] ?? 0) + waited;
    if (ctx.log.enabled) {
      ctx.log.add({
        time: ctx.env.now,
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
  const { env, log } = ctx;
  const availability = node.spec.role === SME_ROLE ? (ctx.spec.domains[record.domain].sme?.availability ?? 1) : 1;
  const duration = elapsedDays(effort, ctx.rate, availability);
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
): Generator<any, number, any> {
  let held = assignment;
  let rework = isRework;
  for (;;) {
    yield* work(ctx, record, node, pool, held, effort, rework);
    pool.release(held);
    if (node.spec.gate === undefined || (yield* passGate(ctx, record, node, rng))) return held.person;
    held = yield* acquire(ctx, record, pool, held.person, node);
    rework = true;
  }
}

/** Waits for the gate's next meeting; returns whether the item passed. */
function* passGate(ctx: ModelContext, record: ItemRecord, node: ActivityNode, rng: Rng): Generator<any, boolean, any> {
  const gate = ctx.gates.get(node.spec.gate as string) as { cadence: number; approval: number };
  const { env } = ctx;
  const wait = (Math.floor(env.now / gate.cadence) + 1) * gate.cadence - env.now;
  yield wait;
  record.gate += wait;
  const passed = rng() < gate.approval;
  if (!passed) record.gateRejections++;
  if (ctx.log.enabled) {
    ctx.log.add({
      time: env.now,
      kind: 'gate',
      item: record.id,
      domain: record.domain,
      type: record.type,
      loop: node.loop,
      activity: node.activity,
      duration: wait,
      detail: `${node.spec.gate}:${passed ? 'approved' : 'rejected'}`,
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
): Generator<any, H, any> {
  const { env, log } = ctx;
  let held: Assignment | null = holding;
  if (ctx.handoverDelay === null) return holding;
  const delay = ctx.handoverDelay[boundary].sample(streams.handover);
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

  const clarification = ctx.clarification;
  if (clarification !== null && streams.handover() < clarification.probability[boundary]) {
    if (held !== null) previous.pool.release(held); // nobody is held while the use case waits for answers
    const start = env.now;
    const sme = ctx.org.smePools.get(record.domain) as PersonPool;
    const request = sme.request(requestPriority(ctx, record));
    yield request;
    const a = sme.assign(request, null);
    const availability = ctx.spec.domains[record.domain].sme?.availability ?? 1;
    yield elapsedDays(clarification.smeEffort.sample(streams.handover), ctx.rate, availability);
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
  const rework = ctx.rework;
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
  const m = ctx.loops.get(loop);
  if (m === undefined) return;
  m.entries++;
  m.open.set(record.id, ctx.env.now);
  m.wip.update(m.wip.value + 1);
}

function leaveLoop(ctx: ModelContext, record: ItemRecord, loop: string | null): void {
  if (loop === null) return;
  const m = ctx.loops.get(loop);
  if (m === undefined) return;
  m.exits++;
  m.completedTime += ctx.env.now - (m.open.get(record.id) as number);
  m.open.delete(record.id);
  m.wip.update(m.wip.value - 1);
}
