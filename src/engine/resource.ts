import { BinaryHeap } from './binary-heap.js';
import { InvalidArgumentError, SimulationError } from './errors.js';
import { CLAIM, Event } from './event.js';
import type { Environment } from './environment.js';
import { TimeWeighted } from './monitor.js';
import type { Process } from './process.js';
import { RingQueue } from './ring-queue.js';

/** How a resource orders its waiting requests. */
export type QueueDiscipline = 'fifo' | 'priority';

/** Options of a {@link Resource}. */
export interface ResourceOptions {
  /** Number of units (servers, people). Default 1. */
  capacity?: number;
  /** `fifo` (default) or `priority`: lowest priority number first, FIFO among equals. */
  discipline?: QueueDiscipline;
  /** Whether a more urgent request may take a unit from a less urgent user. Implies `priority`. */
  preemptive?: boolean;
  /** A name for messages and reports. */
  name?: string;
  /** Keep time-weighted statistics of units in use and queue length. Default false. */
  monitor?: boolean;
}

/** Options of one request. */
export interface RequestOptions {
  /** Lower numbers are served first. Default 0. */
  priority?: number;
  /** On a preemptive resource: whether this request may preempt a less urgent user. Default true. */
  preempt?: boolean;
}

const WAITING = 0;
const HOLDING = 1;
const RELEASED = 2;
const PREEMPTED = 3;

/** Why a process lost its unit: the cause carried by the Interrupt thrown into it. */
export class Preempted {
  constructor(
    /** The request that took the unit. */
    readonly request: PriorityRequest,
    readonly resource: Resource,
    /** When the preempted user got the unit. */
    readonly usageSince: number,
  ) {}

  /** The process whose request took the unit (once it has received it), or null. */
  get by(): Process<unknown> | null {
    return this.request.owner;
  }
}

/**
 * A request for one unit of a resource; an event that succeeds (with itself) when the unit
 * is granted. A request granted on the spot is already processed, so yielding it does not
 * give up the turn. Requests to a priority resource are {@link PriorityRequest}s.
 */
export class Request extends Event<Request> {
  /** @internal 0 waiting, 1 holding, 2 released or cancelled, 3 preempted */
  _status = WAITING;

  constructor(
    env: Environment,
    readonly resource: Resource,
  ) {
    super(env);
  }

  /** Whether the unit is held by this request now. */
  get isHolding(): boolean {
    return this._status === HOLDING;
  }

  /** Lower numbers are served first; always 0 on a FIFO resource. */
  get priority(): number {
    return 0;
  }
}

/**
 * A request to a resource with the priority discipline: it carries its priority, its place
 * in the order of requests, and (for preemption) its owner.
 */
export class PriorityRequest extends Request {
  /** @internal order of arrival at the resource, to keep FIFO among equal priorities */
  _sequence: number;
  private readonly rank: number;
  private claimedBy: Process<unknown> | null = null;

  constructor(
    env: Environment,
    resource: Resource,
    priority: number,
    /** On a preemptive resource: whether this request may preempt a less urgent user. */
    readonly preempt: boolean,
    sequence: number,
  ) {
    super(env, resource);
    this.rank = priority;
    this._sequence = sequence;
    this._flags = CLAIM;
  }

  override get priority(): number {
    return this.rank;
  }

  /**
   * The process that received the request (yielded it, alone or in a condition, and was
   * resumed with it): the one interrupted if the unit is preempted. Null until then.
   */
  get owner(): Process<unknown> | null {
    return this.claimedBy;
  }

  /** @internal */
  override _claim(process: Process<unknown>): void {
    this.claimedBy = process;
  }
}

function moreUrgent(a: PriorityRequest, b: PriorityRequest): boolean {
  return a.priority < b.priority || (a.priority === b.priority && a._sequence < b._sequence);
}

/**
 * A pool of identical units (people, machines) that processes request and release.
 *
 * ```ts
 * const engineers = new Resource(env, { capacity: 3 });
 * const req = engineers.request();
 * yield req;            // wait for a unit
 * yield env.timeout(5); // use it
 * engineers.release(req);
 * ```
 * Capacity can change during a run ({@link setCapacity}); lowering it never takes a unit
 * from its holder, it only stops granting until enough are released.
 */
export class Resource {
  readonly name: string;
  readonly discipline: QueueDiscipline;
  readonly preemptive: boolean;
  /** Units in use over time; present when created with `monitor: true`. */
  readonly busyMonitor: TimeWeighted | null;
  /** Queue length over time; present when created with `monitor: true`. */
  readonly queueMonitor: TimeWeighted | null;
  private units: number;
  private busy = 0;
  private sequence = 0;
  private readonly fifo: RingQueue<Request> | null;
  private readonly byPriority: BinaryHeap<PriorityRequest> | null;
  private readonly holders: PriorityRequest[] | null;
  /** When each holder got its unit (preemptive resources only), parallel to holders. */
  private readonly holdingSince: number[] | null;

  constructor(
    readonly env: Environment,
    options: ResourceOptions = {},
  ) {
    const capacity = options.capacity ?? 1;
    checkCapacity(capacity);
    this.units = capacity;
    this.name = options.name ?? 'resource';
    this.preemptive = options.preemptive ?? false;
    const discipline = options.discipline ?? (this.preemptive ? 'priority' : 'fifo');
    if (discipline !== 'fifo' && discipline !== 'priority') {
      throw new InvalidArgumentError(`invalid discipline: ${String(discipline)} (expected fifo or priority)`);
    }
    if (this.preemptive && discipline !== 'priority') {
      throw new InvalidArgumentError('a preemptive resource needs the priority discipline');
    }
    this.discipline = discipline;
    this.fifo = discipline === 'fifo' ? new RingQueue<Request>() : null;
    this.byPriority = discipline === 'priority' ? new BinaryHeap<PriorityRequest>(moreUrgent) : null;
    this.holders = this.preemptive ? [] : null;
    this.holdingSince = this.preemptive ? [] : null;
    this.busyMonitor = options.monitor ? new TimeWeighted(env, 0) : null;
    this.queueMonitor = options.monitor ? new TimeWeighted(env, 0) : null;
  }

  /** Number of units. */
  get capacity(): number {
    return this.units;
  }
  /** Number of units held now. */
  get inUse(): number {
    return this.busy;
  }
  /** Number of requests waiting. */
  get queueLength(): number {
    return this.fifo !== null ? this.fifo.length : (this.byPriority as BinaryHeap<PriorityRequest>).length;
  }
  /** The requests holding a unit now (preemptive resources only keep this list). */
  get users(): readonly PriorityRequest[] {
    if (this.holders === null) throw new SimulationError('only a preemptive resource keeps its list of users');
    return this.holders;
  }

  /**
   * Asks for one unit. Yield the returned request to wait until it is granted. Options
   * matter on a priority resource; a FIFO resource serves in order of request.
   */
  request(options?: RequestOptions): Request {
    if (options !== undefined) checkRequestOptions(options);
    const fifo = this.fifo;
    if (fifo === null) return this.requestByPriority(options);
    const req = new Request(this.env, this);
    if (this.busy < this.units) {
      this.busy++;
      req._status = HOLDING;
      req._settle(req);
      if (this.busyMonitor !== null) this.busyMonitor.update(this.busy);
      return req;
    }
    fifo.push(req);
    this.recordQueue();
    return req;
  }

  /**
   * Gives back the unit held by `request`, or withdraws it if still waiting. Releasing a
   * request that was preempted does nothing; releasing one twice is an error.
   *
   * A unit given back goes to the next waiting request at once, and a process waiting for
   * that request alone resumes at once, inside this call, before the caller goes on (one
   * calendar event less per queued request; see Event._handOver). Code after `release()`
   * therefore runs after the new holder's step, at the same simulated time.
   */
  release(request: Request): void {
    if (request.resource !== this || request._status !== HOLDING) {
      this.releaseNotHeld(request);
      return;
    }
    request._status = RELEASED;
    this.busy--;
    if (this.holders !== null) this.dropHolder(request as PriorityRequest);
    this.grantWaiting();
    this.recordBusy();
  }

  /**
   * The rarer cases of {@link release}, kept apart so the common one stays small enough for
   * the compiler to inline into the model's code: a request of another resource (an error),
   * one still waiting (withdrawn), one released before (an error), one preempted (nothing).
   */
  private releaseNotHeld(request: Request): void {
    if (request.resource !== this)
      throw new InvalidArgumentError(`that request belongs to ${request.resource.name}, not ${this.name}`);
    const status = request._status;
    if (status === WAITING) {
      request._status = RELEASED;
      if (this.fifo !== null) this.fifo.remove(request);
      else (this.byPriority as BinaryHeap<PriorityRequest>).remove(request as PriorityRequest);
      this.recordQueue();
    } else if (status === RELEASED) {
      throw new SimulationError(`a request to ${this.name} was released twice`);
    }
  }

  /** Changes the number of units now (shifts, hiring). Waiting requests are granted if it grows. */
  setCapacity(capacity: number): void {
    checkCapacity(capacity);
    this.units = capacity;
    this.grantWaiting();
    this.recordBusy();
  }

  private requestByPriority(options: RequestOptions | undefined): Request {
    const req = new PriorityRequest(this.env, this, options?.priority ?? 0, options?.preempt ?? true, this.sequence++);
    if (this.busy < this.units || (this.holders !== null && req.preempt && this.preemptFor(req))) {
      this.grant(req);
      req._settle(req);
      this.recordBusy();
      return req;
    }
    (this.byPriority as BinaryHeap<PriorityRequest>).push(req);
    this.recordQueue();
    return req;
  }

  private grant(req: Request): void {
    this.busy++;
    req._status = HOLDING;
    if (this.holders !== null) {
      this.holders.push(req as PriorityRequest);
      (this.holdingSince as number[]).push(this.env.now);
    }
  }

  /** Takes `req` off the holders list; returns when it got its unit. */
  private dropHolder(req: PriorityRequest): number {
    const i = (this.holders as PriorityRequest[]).indexOf(req);
    (this.holders as PriorityRequest[]).splice(i, 1);
    return (this.holdingSince as number[]).splice(i, 1)[0];
  }

  private grantWaiting(): void {
    const fifo = this.fifo;
    while (this.busy < this.units) {
      const next = fifo !== null ? fifo.shift() : (this.byPriority as BinaryHeap<PriorityRequest>).shift();
      if (next === undefined) break;
      this.grant(next);
      this.recordQueue();
      next._handOver(next);
    }
  }

  /**
   * Frees a unit for `req` by taking it from the least urgent holder, if that one is less
   * urgent than `req`; returns whether it did.
   */
  private preemptFor(req: PriorityRequest): boolean {
    const holders = this.holders as PriorityRequest[];
    let victim: PriorityRequest | null = null;
    for (const holder of holders) {
      if (
        victim === null ||
        holder.priority > victim.priority ||
        (holder.priority === victim.priority && holder._sequence > victim._sequence)
      ) {
        victim = holder;
      }
    }
    if (victim === null || victim.priority <= req.priority) return false;
    const since = this.dropHolder(victim);
    victim._status = PREEMPTED;
    this.busy--;
    const owner = victim.owner;
    if (owner === null || !owner.isAlive) return true;
    // A holder whose generator is on the call stack now made this request itself, or its
    // step started (or handed a unit to) the process that did. Like any holder it is
    // interrupted once it has yielded, unless it turns out to be the process that took the
    // unit: a process that preempts its own less urgent unit is not interrupted.
    owner._interruptWhenWaiting(
      new Preempted(req, this, since),
      owner.isRunning ? () => req.owner !== owner : undefined,
    );
    return true;
  }

  private recordBusy(): void {
    if (this.busyMonitor !== null) this.busyMonitor.update(this.busy);
  }

  private recordQueue(): void {
    if (this.queueMonitor !== null) this.queueMonitor.update(this.queueLength);
  }
}

function checkRequestOptions(options: RequestOptions): void {
  if (options.priority !== undefined && !Number.isFinite(options.priority)) {
    throw new InvalidArgumentError(`request priority must be a finite number, got ${options.priority}`);
  }
}

function checkCapacity(capacity: number): void {
  if (!Number.isInteger(capacity) || capacity < 0) {
    throw new InvalidArgumentError(`capacity must be a whole number >= 0, got ${capacity}`);
  }
}
