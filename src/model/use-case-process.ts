/**
 * The life of one use case, as an engine process: intake (waiting for the next planning
 * cycle), then activity after activity along the workflow until it goes live or is
 * abandoned, with handovers, context loss, gates and loop-backs on the way. Every day of its
 * life is put in exactly one category of its record, so they add up to its lead time.
 *
 * Like every process of the model, it holds for a number of days by yielding that number
 * (`yield duration`), the engine's plain-delay form of `yield env.timeout(duration)`.
 */
import type { ProcessGenerator, SkillRequest } from '../engine/index.js';
import type { Rng } from '../random/index.js';
import { entry, lookup } from '../scenario/lookup.js';
import { effortScale, type ResolvedUseCaseType } from '../scenario/model-parameters.js';
import { LIVE, SME_ROLE } from '../scenario/scenario-spec.js';
import { isTerminal, redirectForSkippedLoops, type ActivityNode } from '../scenario/workflow-graph.js';
import type { ItemRecord } from './item-record.js';
import { poolEffortMultiplier, smeAvailability, type Gate, type ModelContext } from './model-context.js';
import type { Boundary } from './organisation.js';
import type { Assignment, PersonPool } from './person-pool.js';
import type { Resumption } from './open-work.js';
import { familiarityFactor, gainExperience } from './familiarity.js';
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

/** An activity with a gate, as its work and its gate need it. */
interface GatedActivity {
  node: ActivityNode;
  effort: number;
  gateId: string;
  gate: Gate;
}

/** Where a use case is on its way through the workflow. */
interface Journey {
  readonly streams: ItemStreams;
  readonly type: ResolvedUseCaseType;
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

/**
 * The life of one use case: arrival, intake, activity after activity along the workflow until
 * it reaches live or abandon, and its end. The steps of an activity are inlined rather than
 * delegated (`yield*`) where it is cheap to do so: every level of delegation is resumed again
 * at each of the use case's events.
 */
export function* useCase(ctx: ModelContext, record: ItemRecord, resume?: Resumption): ProcessGenerator {
  const streams = itemStreams(ctx, record);
  const type = entry(ctx.config.params.use_case_types, record.type, 'use-case type');
  arrive(ctx, record);
  const planning = resume === undefined ? planningWait(ctx) : 0;
  if (planning > 0) {
    yield planning;
    planned(ctx, record, planning);
  }
  const journey: Journey = {
    streams,
    type,
    skip: new Set(type.skip_loops),
    visits: new Map(),
    loopBacks: new Map(),
    previous: null,
  };
  const { graph } = ctx.config;
  let current = resume === undefined ? redirectForSkippedLoops(graph, graph.start, journey.skip) : resume.activity;
  let loop: string | null = null;
  // a use case open when the run started (see open-work.ts) resumes where it was
  let effortDone = resume?.state === 'working' ? resume.effortDone : null;
  let waited = resume?.state === 'done' ? resume.waited : null;
  if (resume?.state === 'done') {
    const node = lookup(graph.nodes, current, 'activity');
    enterLoop(ctx, record, node.loop);
    loop = node.loop;
    current = resumedMove(ctx, record, node, journey);
  }
  while (!isTerminal(current)) {
    const node = lookup(graph.nodes, current, 'activity');
    if (node.loop !== loop) {
      leaveLoop(ctx, record, loop);
      enterLoop(ctx, record, node.loop);
      loop = node.loop;
    }
    yield* doActivity(ctx, record, node, journey, effortDone, waited);
    effortDone = null;
    waited = null;
    current = nextActivity(ctx, record, node, journey);
  }
  leaveLoop(ctx, record, loop);
  finish(ctx, record, current);
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

/** Intake: days until the next planning cycle, when work on the use case starts. */
function planningWait(ctx: ModelContext): number {
  const cadence = ctx.config.planningCadence;
  if (!(cadence > 0)) return 0;
  const now = ctx.state.env.now;
  return Math.ceil(now / cadence) * cadence - now;
}

function planned(ctx: ModelContext, record: ItemRecord, wait: number): void {
  const { env, log } = ctx.state;
  record.planning += wait;
  if (log.enabled) log.add({ ...rowOf(record), time: env.now, kind: 'planning', duration: wait });
}

/**
 * One activity: the handover from the previous performer, a person of the routed pool, the
 * work (through the activity's gate, if any).
 */
function* doActivity(
  ctx: ModelContext,
  record: ItemRecord,
  node: ActivityNode,
  journey: Journey,
  effortDone: number | null,
  waited: number | null,
): ProcessGenerator {
  const { org } = ctx.state;
  const { streams, previous } = journey;
  let pool = org.route(node.spec.role, record.domain);
  const continuing = previous !== null && goesOn(previous, pool);
  if (previous !== null && !continuing) {
    // another person's work (another team, or a role the last person does not hold): the item
    // waits out the handover (see colleagueHandover), then joins the queue; open work that
    // has waited in it since before the run, the rest of it
    const boundary = org.boundary(previous.pool, pool);
    const delay =
      waited === null
        ? handoverDelay(ctx, record, boundary, streams)
        : handoverRest(ctx, record, boundary, streams, waited);
    if (delay !== null) {
      if (delay > 0) yield delay;
      handedOver(ctx, record, boundary, previous, delay);
      if (clarifies(ctx, boundary, streams)) yield* clarify(ctx, record, boundary, streams);
      if (reworks(ctx, boundary, streams)) yield* reworkPrevious(ctx, record, previous, null);
      pool = org.stillThere(pool, record.domain); // the organisation may have changed meanwhile
    }
  }
  const visit = (journey.visits.get(node.id) ?? 0) + 1;
  journey.visits.set(node.id, visit);
  const effort =
    effortDone === null
      ? activityEffort(ctx, journey.type, node, pool, streams.effort)
      : remainingEffort(ctx, journey.type, node, pool, streams.effort, effortDone);

  const asked = ctx.state.env.now;
  const request = askFor(ctx, record, pool, continuing ? previous.person : -1);
  yield request;
  let assignment = granted(ctx, record, pool, request, node, asked);
  if (continuing && previous.person >= 0 && assignment.person !== previous.person) {
    // the last person could go on, but a colleague of the team takes over: they spend the
    // handover getting up to speed
    assignment = yield* colleagueHandover(ctx, record, previous, assignment, streams);
  }
  // the activity; a gate holds the use case, not the person: the person is released when the
  // work is done, and a rejection sends the use case back to the queue for its rework
  if (node.spec.gate === undefined) {
    const served = assignment.pool; // the pool asked, unless a reorganisation moved the request
    const duration = startWork(ctx, record, node, served, assignment, effort, visit > 1);
    const hold = served.people.holdFor(assignment.person, ctx.state.env.now, duration);
    yield hold;
    endWork(ctx, record, node, served, assignment, duration, hold - duration, visit > 1);
    served.release(assignment);
  } else {
    const gate = { node, effort, gateId: node.spec.gate, gate: lookup(ctx.config.gates, node.spec.gate, 'gate') };
    assignment = yield* workThroughGate(ctx, record, gate, assignment, visit > 1, streams.gate);
  }
  journey.previous = { pool: assignment.pool, person: assignment.person, node, effort };
}

/**
 * Whether the person who did the previous activity may go on with the next one in `pool`: the
 * same pool, or another role of the same team that they hold (someone with several roles).
 */
function goesOn(previous: Previous, pool: PersonPool): boolean {
  if (previous.pool === pool) return true;
  return previous.pool.team === pool.team && previous.person >= 0 && pool.holds(previous.person);
}

/** Person-days of the activity: a draw of its effort, scaled for the use-case type and the team. */
function activityEffort(
  ctx: ModelContext,
  type: ResolvedUseCaseType,
  node: ActivityNode,
  pool: PersonPool,
  rng: Rng,
): number {
  const { efforts } = ctx.config;
  const scale = effortScale(type, node.loop);
  const multiplier = poolEffortMultiplier(ctx, pool, node.loop);
  return lookup(efforts, node.id, 'activity effort').sample(rng) * scale * multiplier;
}

/** Tries at drawing an effort beyond what is done, before a fresh draw is taken instead. */
const RESIDUAL_TRIES = 50;

/**
 * The rest of an activity under way when the run started, with `done` person-days spent: a
 * draw of its effort given that it exceeds `done`, less `done` (by rejection; a fresh draw
 * when none of RESIDUAL_TRIES draws exceeds it, for an activity far beyond its usual effort).
 */
function remainingEffort(
  ctx: ModelContext,
  type: ResolvedUseCaseType,
  node: ActivityNode,
  pool: PersonPool,
  rng: Rng,
  done: number,
): number {
  let effort = 0;
  for (let i = 0; i < RESIDUAL_TRIES; i++) {
    effort = activityEffort(ctx, type, node, pool, rng);
    if (effort > done) return effort - done;
  }
  return effort;
}

/**
 * Where open work that had just finished `node` when the run started goes: a move to another
 * activity (it was still open, so it had not ended there), drawn as nextActivity draws (a few
 * tries; then the draw stands). Its previous performer is known only by pool, as one of no
 * one in particular: the handover to another pool happens, a colleague's does not.
 */
function resumedMove(ctx: ModelContext, record: ItemRecord, node: ActivityNode, journey: Journey): string {
  let target = nextActivity(ctx, record, node, journey);
  for (let i = 0; i < RESIDUAL_TRIES && isTerminal(target); i++) target = nextActivity(ctx, record, node, journey);
  const pool = ctx.state.org.route(node.spec.role, record.domain);
  journey.previous = { pool, person: -1, node, effort: 0 };
  return target;
}

/**
 * The rest of a handover open work was in when the run started, having waited `waited` days:
 * a draw of its delay given that it exceeds `waited`, less `waited` (0 when no draw of a few
 * does: the handover is over and the use case waits for a person). Counted as a handover.
 */
function handoverRest(
  ctx: ModelContext,
  record: ItemRecord,
  boundary: Boundary,
  streams: ItemStreams,
  waited: number,
): number | null {
  const delays = ctx.config.handoverDelay;
  if (delays === null) return null;
  record.handovers++;
  if (boundary === 'cross_home') record.crossBoundaryHandovers++;
  for (let i = 0; i < RESIDUAL_TRIES; i++) {
    const delay = delays[boundary].sample(streams.handover);
    if (delay > waited) return delay - waited;
  }
  return 0;
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

/** Waits for a person of `pool` (preferring `preferred`, -1: none), counting the wait by role (see askFor, granted). */
function* acquire(
  ctx: ModelContext,
  record: ItemRecord,
  pool: PersonPool,
  preferred: number,
  node: ActivityNode | null,
): ProcessGenerator<Assignment> {
  const asked = ctx.state.env.now;
  const request = askFor(ctx, record, pool, preferred);
  yield request;
  return granted(ctx, record, pool, request, node, asked);
}

/** A request for a person of `pool` (preferring `preferred`, -1: none), at the use case's priority: yield it to wait for the person. */
const askFor = (ctx: ModelContext, record: ItemRecord, pool: PersonPool, preferred: number): SkillRequest =>
  pool.request(requestPriority(ctx, record), preferred, record.domain);

/** Once `request` (made at `asked`) is granted: the person, and the wait counted by role. */
function granted(
  ctx: ModelContext,
  record: ItemRecord,
  pool: PersonPool,
  request: SkillRequest,
  node: ActivityNode | null,
  asked: number,
): Assignment {
  const { env, log } = ctx.state;
  const assignment = pool.assigned(request);
  const served = assignment.pool; // the pool asked, unless a reorganisation moved the request
  const waited = env.now - asked;
  if (waited > 0) {
    record.waiting += waited;
    record.waitingByRole[served.role] = (record.waitingByRole[served.role] ?? 0) + waited;
    if (log.enabled) {
      log.add({
        time: env.now,
        kind: 'wait',
        item: record.id,
        domain: record.domain,
        type: record.type,
        loop: node?.loop,
        activity: node?.activity,
        team: served.team,
        role: served.role,
        person: served.personId(assignment.person),
        duration: waited,
      });
    }
  }
  return assignment;
}

/** Holds the assigned person for `effort` person-days of the activity (see startWork, endWork). */
function* work(
  ctx: ModelContext,
  record: ItemRecord,
  node: ActivityNode,
  pool: PersonPool,
  assignment: Assignment,
  effort: number,
  isRework: boolean,
): ProcessGenerator {
  const duration = startWork(ctx, record, node, pool, assignment, effort, isRework);
  const hold = pool.people.holdFor(assignment.person, ctx.state.env.now, duration);
  yield hold;
  endWork(ctx, record, node, pool, assignment, duration, hold - duration, isRework);
}

/** The log row of a piece of work (built only when the log is on). */
function workRow(record: ItemRecord, node: ActivityNode, pool: PersonPool, assignment: Assignment, isRework: boolean) {
  return {
    item: record.id,
    domain: record.domain,
    type: record.type,
    loop: node.loop,
    activity: node.activity,
    team: pool.team,
    role: pool.role,
    person: pool.personId(assignment.person),
    detail: isRework ? 'rework' : '',
  };
}

/** Days the person works on `effort` person-days (an SME at the domain's availability); logs the start. */
function startWork(
  ctx: ModelContext,
  record: ItemRecord,
  node: ActivityNode,
  pool: PersonPool,
  assignment: Assignment,
  effort: number,
  isRework: boolean,
): number {
  const { env, log } = ctx.state;
  const isSme = node.spec.role === SME_ROLE;
  const availability = isSme ? smeAvailability(ctx, record.domain) : 1;
  const { learning } = ctx.config;
  const familiarity =
    learning === null || isSme
      ? 1
      : familiarityFactor(pool.people, learning, assignment.person, record.domain, record.id);
  const speed = pool.people.speedFactor(assignment.person, env.now);
  if (log.enabled)
    log.add({ ...workRow(record, node, pool, assignment, isRework), time: env.now, kind: 'activity_start' });
  return elapsedDays(effort * familiarity * speed, ctx.config.rate, availability);
}

/**
 * After `duration` days of work and `away` days its person was away in between: logs the end,
 * counts the work as work or rework and the days away as waiting for the role (see time-off.ts).
 */
function endWork(
  ctx: ModelContext,
  record: ItemRecord,
  node: ActivityNode,
  pool: PersonPool,
  assignment: Assignment,
  duration: number,
  away: number,
  isRework: boolean,
): void {
  const { env, log } = ctx.state;
  if (away > 0) awayWithWork(ctx, record, node, pool, assignment, away);
  if (ctx.config.learning !== null && pool.role !== SME_ROLE)
    gainExperience(pool.people, assignment.person, record.domain, record.id);
  if (log.enabled)
    log.add({ ...workRow(record, node, pool, assignment, isRework), time: env.now, kind: 'activity_end', duration });
  record.activities++;
  if (isRework) {
    record.rework += duration;
    record.reworkPasses++;
  } else {
    record.work += duration;
  }
}

/** Work that waited `away` days for its person's return: counted as waiting for the role, and logged so. */
function awayWithWork(
  ctx: ModelContext,
  record: ItemRecord,
  node: ActivityNode,
  pool: PersonPool,
  assignment: Assignment,
  away: number,
): void {
  const { env, log } = ctx.state;
  record.waiting += away;
  record.waitingByRole[pool.role] = (record.waitingByRole[pool.role] ?? 0) + away;
  if (log.enabled)
    log.add({
      ...workRow(record, node, pool, assignment, false),
      time: env.now,
      kind: 'wait',
      duration: away,
      detail: 'away',
    });
}

/**
 * Does the activity with `assignment` and releases the person. Where the activity has a gate,
 * the use case alone waits for the gate's meeting; while the gate rejects it, it queues again
 * for a person of the same pool (preferring the last one; see Organisation.stillThere) and
 * redoes the work. Returns the assignment of the last pass.
 */
function* workThroughGate(
  ctx: ModelContext,
  record: ItemRecord,
  activity: GatedActivity,
  assignment: Assignment,
  isRework: boolean,
  rng: Rng,
): ProcessGenerator<Assignment> {
  const { node, effort, gate } = activity;
  let held = assignment;
  let rework = isRework;
  for (;;) {
    const pool = held.pool;
    const duration = startWork(ctx, record, node, pool, held, effort, rework);
    const hold = pool.people.holdFor(held.person, ctx.state.env.now, duration);
    yield hold;
    endWork(ctx, record, node, pool, held, duration, hold - duration, rework);
    pool.release(held);
    // the use case alone waits for the gate's next meeting
    const wait = (Math.floor(ctx.state.env.now / gate.cadence) + 1) * gate.cadence - ctx.state.env.now;
    yield wait;
    if (gateDecision(ctx, record, activity, wait, rng)) return held;
    held = yield* acquire(ctx, record, ctx.state.org.stillThere(pool, record.domain), held.person, node);
    rework = true;
  }
}

/** At the gate's meeting, after `wait` days: whether the use case passed (counted and logged). */
function gateDecision(
  ctx: ModelContext,
  record: ItemRecord,
  { node, gateId, gate }: GatedActivity,
  wait: number,
  rng: Rng,
): boolean {
  const { env, log } = ctx.state;
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
 * A handover is its delay, then possibly context loss: a clarification round with the
 * domain's SMEs, or rework of the previous activity. doActivity runs those steps inline for a
 * handover to another person it does not know yet (the common case); this is the handover to
 * a colleague of the same team who could have gone on, already assigned in `pool` (`held`):
 * they spend the delay reading in (busy, as in real work), are released while the use case
 * waits for the SMEs' answers, and redo the lost work themselves if they hold its role (else
 * they are released while its last performer redoes it). Returns the colleague's assignment
 * after the handover.
 */
function* colleagueHandover(
  ctx: ModelContext,
  record: ItemRecord,
  previous: Previous,
  held: Assignment,
  streams: ItemStreams,
): ProcessGenerator<Assignment> {
  const delay = handoverDelay(ctx, record, 'same_team', streams);
  if (delay === null) return held;
  if (delay > 0) yield delay;
  handedOver(ctx, record, 'same_team', previous, delay);
  let colleague = held;
  if (clarifies(ctx, 'same_team', streams)) {
    colleague.pool.release(colleague); // nobody is held while the use case waits for answers
    yield* clarify(ctx, record, 'same_team', streams);
    colleague = yield* again(ctx, record, colleague, previous.node);
  }
  if (reworks(ctx, 'same_team', streams)) {
    if (previous.pool.holds(colleague.person)) {
      yield* reworkPrevious(ctx, record, previous, colleague);
    } else {
      // nobody is held while someone else redoes the lost work (two waits, two people: no deadlock)
      colleague.pool.release(colleague);
      yield* reworkPrevious(ctx, record, previous, null);
      colleague = yield* again(ctx, record, colleague, previous.node);
    }
  }
  return colleague;
}

/** Asks again for the pool of an earlier assignment (or where a reorganisation put its work), preferring the same person. */
function again(
  ctx: ModelContext,
  record: ItemRecord,
  earlier: Assignment,
  node: ActivityNode,
): ProcessGenerator<Assignment> {
  return acquire(ctx, record, ctx.state.org.stillThere(earlier.pool, record.domain), earlier.person, node);
}

/** The delay of a handover across `boundary` (counted on the record), or null when the scenario has no handovers. */
function handoverDelay(ctx: ModelContext, record: ItemRecord, boundary: Boundary, streams: ItemStreams): number | null {
  const delays = ctx.config.handoverDelay;
  if (delays === null) return null;
  const delay = delays[boundary].sample(streams.handover);
  record.handovers++;
  if (boundary === 'cross_home') record.crossBoundaryHandovers++;
  return delay;
}

/** After the handover's delay: the days counted and logged. */
function handedOver(
  ctx: ModelContext,
  record: ItemRecord,
  boundary: Boundary,
  previous: Previous,
  delay: number,
): void {
  const { env, log } = ctx.state;
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
}

/** Whether the handover loses context that a clarification round with the domain's SMEs restores (a draw). */
const clarifies = (ctx: ModelContext, boundary: Boundary, streams: ItemStreams): boolean =>
  ctx.config.clarification !== null && streams.handover() < ctx.config.clarification.probability[boundary];

/** Whether the handover loses work that must be redone (a draw). */
const reworks = (ctx: ModelContext, boundary: Boundary, streams: ItemStreams): boolean =>
  ctx.config.rework !== null && streams.handover() < ctx.config.rework.probability[boundary];

/** A clarification round: the use case waits for one of the domain's SMEs, who spends the round's effort. */
function* clarify(ctx: ModelContext, record: ItemRecord, boundary: Boundary, streams: ItemStreams): ProcessGenerator {
  const { env, log } = ctx.state;
  const clarification = ctx.config.clarification;
  if (clarification === null) return;
  const start = env.now;
  const sme = lookup(ctx.state.org.smePools, record.domain, 'pool of subject-matter experts for domain');
  const request = sme.request(requestPriority(ctx, record), -1, record.domain);
  yield request;
  const a = sme.assigned(request);
  // the queue for the experts, part of the round (no activity: it is no step of the workflow)
  if (log.enabled && env.now > start)
    log.add({ ...expertRow(record, sme, a), time: env.now, kind: 'wait', duration: env.now - start });
  const availability = smeAvailability(ctx, record.domain);
  yield elapsedDays(clarification.smeEffort.sample(streams.handover), ctx.config.rate, availability);
  sme.release(a);
  record.clarification += env.now - start;
  if (log.enabled)
    log.add({
      ...expertRow(record, sme, a),
      time: env.now,
      kind: 'clarification',
      duration: env.now - start,
      detail: boundary,
    });
}

/** The columns the log rows of a clarification round share: the use case and the expert. */
const expertRow = (record: ItemRecord, sme: PersonPool, a: Assignment) => ({
  ...rowOf(record),
  team: sme.team,
  role: SME_ROLE,
  person: sme.personId(a.person),
});

/** The lost share of the previous activity, redone by `held` (a colleague already assigned) or by its last performer. */
function* reworkPrevious(
  ctx: ModelContext,
  record: ItemRecord,
  previous: Previous,
  held: Assignment | null,
): ProcessGenerator {
  const rework = ctx.config.rework;
  if (rework === null) return;
  const effort = previous.effort * rework.fraction;
  if (held !== null) {
    yield* work(ctx, record, previous.node, previous.pool, held, effort, true);
  } else {
    const pool = ctx.state.org.stillThere(previous.pool, record.domain);
    const a: Assignment = yield* acquire(ctx, record, pool, previous.person, previous.node);
    yield* work(ctx, record, previous.node, a.pool, a, effort, true);
    a.pool.release(a);
  }
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
