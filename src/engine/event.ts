import { NORMAL, URGENT } from './calendar.js';
import { EventAlreadyTriggeredError, InvalidArgumentError } from './errors.js';
import type { Environment } from './environment.js';
import type { Process } from './process.js';

/** A function called with the event once the event is processed. */
export type EventCallback<T = unknown> = (event: Event<T>) => void;

/** The life of an event: pending, then triggered (on the calendar), then processed. */
export type EventState = 'pending' | 'triggered' | 'processed';

/**
 * Bits of {@link Event._flags}. A pending event has none; a triggered one has TRIGGERED; a
 * processed one has TRIGGERED and PROCESSED. FAILED marks an event whose value is an error,
 * DEFUSED a failure that was handed to someone who handles it (so it does not stop the run).
 * One small integer instead of five fields keeps every event small: the engine allocates
 * several per simulated customer, and each field costs time on the hot path.
 */
export const TRIGGERED = 1;
export const PROCESSED = 2;
export const FAILED = 4;
export const DEFUSED = 8;
/**
 * An event that wants to know which process receives it (see {@link Event._claim}): a
 * priority request learns its owner this way. Kept through every change of the other bits.
 */
export const CLAIM = 16;
/** The flags of an event that has happened successfully. */
export const DONE = TRIGGERED | PROCESSED;

/** What can wait for an event: a process (resumed with it) or a callback. */
export interface Resumable {
  _resume(event: Event<unknown>): void;
}
type Waiter = Resumable | EventCallback<unknown>;

/**
 * Something that happens at a point in simulated time.
 *
 * An event is pending until it is triggered with {@link succeed} or {@link fail}; it then
 * waits on the calendar and is processed at its time, when the processes and callbacks
 * waiting for it run, in the order they started waiting. Triggering an event twice is an
 * error.
 *
 * A process waits for an event by yielding it:
 * ```ts
 * const done = env.event<string>();
 * env.process(function* () { const v = yield done; console.log(v); });
 * done.succeed('ready');
 * ```
 */
export class Event<T = unknown> {
  /** @internal bits TRIGGERED, PROCESSED, FAILED, DEFUSED */
  _flags = 0;
  /** @internal the value, or the error of a failed event */
  _value: unknown = undefined;
  /**
   * @internal Who waits: null, the one process that waits (most events have exactly one
   * waiter, which then costs no allocation), or a list of processes and callbacks.
   */
  _waiters: Resumable | Waiter[] | null = null;

  constructor(readonly env: Environment) {}

  /** Where the event is in its life. */
  get state(): EventState {
    const flags = this._flags;
    return (flags & PROCESSED) !== 0 ? 'processed' : (flags & TRIGGERED) !== 0 ? 'triggered' : 'pending';
  }

  /** Whether the event has been triggered (it may not be processed yet). */
  get triggered(): boolean {
    return (this._flags & TRIGGERED) !== 0;
  }

  /** Whether the event has been processed (its callbacks have run). */
  get processed(): boolean {
    return (this._flags & PROCESSED) !== 0;
  }

  /** Whether the event succeeded. Only meaningful once triggered. */
  get ok(): boolean {
    return (this._flags & FAILED) === 0;
  }

  /** The value the event succeeded with. Throws while pending, and for a failed event. */
  get value(): T {
    if ((this._flags & TRIGGERED) === 0)
      throw new InvalidArgumentError('the value of a pending event is not available yet');
    if ((this._flags & FAILED) !== 0) throw this._value;
    return this._value as T;
  }

  /** Triggers the event as a success with `value`; it is processed at the current time. */
  succeed(value?: T, priority: number = NORMAL): this {
    if ((this._flags & TRIGGERED) !== 0)
      throw new EventAlreadyTriggeredError(`${this.constructor.name} has already been triggered`);
    this._value = value;
    this._flags |= TRIGGERED;
    this.env._schedule(this, 0, priority);
    return this;
  }

  /**
   * Triggers the event as a failure: processes waiting for it get `error` thrown into
   * them. A failure that nobody waits for stops the run with that error.
   */
  fail(error: Error, priority: number = NORMAL): this {
    if ((this._flags & TRIGGERED) !== 0)
      throw new EventAlreadyTriggeredError(`${this.constructor.name} has already been triggered`);
    if (!(error instanceof Error)) throw new InvalidArgumentError(`fail() needs an Error, got ${String(error)}`);
    this._value = error;
    this._flags |= TRIGGERED | FAILED;
    this.env._schedule(this, 0, priority);
    return this;
  }

  /**
   * Calls `callback` when the event is processed. On an event already processed the
   * callback runs at once.
   */
  addCallback(callback: EventCallback<T>): void {
    if ((this._flags & PROCESSED) !== 0) {
      callback(this);
      return;
    }
    this._addWaiter(callback as EventCallback<unknown>);
  }

  /** Removes a callback added with {@link addCallback}; returns whether it was there. */
  removeCallback(callback: EventCallback<T>): boolean {
    return this._removeWaiter(callback as EventCallback<unknown>);
  }

  /** @internal Adds a process or callback to those waiting (the event is not processed). */
  _addWaiter(waiter: Waiter): void {
    const waiters = this._waiters;
    if (waiters === null) this._waiters = typeof waiter === 'function' ? [waiter] : waiter;
    else if (Array.isArray(waiters)) waiters.push(waiter);
    else this._waiters = [waiters, waiter];
  }

  /** @internal Takes a process or callback off those waiting; returns whether it was there. */
  _removeWaiter(waiter: Waiter): boolean {
    const waiters = this._waiters;
    if (waiters === waiter) {
      this._waiters = null;
      return true;
    }
    if (!Array.isArray(waiters)) return false;
    const i = waiters.indexOf(waiter);
    if (i < 0) return false;
    waiters.splice(i, 1);
    return true;
  }

  /**
   * @internal Marks the event processed and runs what waits for it; a failure that nobody
   * handled then stops the run. Called by the run loop.
   */
  _process(): void {
    this._flags |= PROCESSED;
    const waiters = this._waiters;
    if (waiters !== null) {
      this._waiters = null;
      if (Array.isArray(waiters)) notifyAll(this, waiters);
      else waiters._resume(this);
    }
    // read again: a waiter that handled the failure has set DEFUSED
    if ((this._flags & (FAILED | DEFUSED)) === FAILED) throw this._value;
  }

  /** @internal Succeeds now and schedules processing (engine use: the event is known pending). */
  _trigger(value: unknown): void {
    this._value = value;
    this._flags |= TRIGGERED;
    this.env._schedule(this, 0, NORMAL);
  }

  /**
   * @internal Succeeds now and, when the one thing waiting is a process, resumes it at once
   * (inside the caller) instead of through the calendar; otherwise, or when hand-overs are
   * already nested {@link MAX_HANDOVER_DEPTH} deep, it is processed from the calendar like
   * {@link _trigger}. Resources use it to hand a released unit to the next waiting process.
   */
  _handOver(value: unknown): void {
    const waiter = this._waiters;
    const env = this.env;
    // (a callback never waits alone: _addWaiter puts it in a list)
    if (waiter === null || Array.isArray(waiter) || env._handOverDepth >= MAX_HANDOVER_DEPTH) {
      this._trigger(value);
      return;
    }
    this._value = value;
    this._flags |= DONE;
    this._waiters = null;
    env._handOverDepth++;
    try {
      waiter._resume(this);
    } catch (error) {
      // the resumed process failed and nothing waits for it: that stops the run, from the
      // calendar, instead of surfacing in the code that released the unit
      env._schedule(failedEvent(env, error, TRIGGERED | FAILED), 0, URGENT);
    } finally {
      env._handOverDepth--;
    }
  }

  /** @internal Marks the event processed without the calendar (granted on the spot). */
  _settle(value: unknown): void {
    this._value = value;
    this._flags |= DONE;
  }

  /**
   * @internal Called once, with the process that receives this event (the process resumed
   * with it, or with a condition holding it), when the event has the CLAIM bit. Events that
   * need to know their process override it; the bit keeps the common path free of the call.
   */
  _claim(_process: Process<unknown>): void {}
}

/**
 * @internal An event that failed with `error`, nobody waiting: with `flags` TRIGGERED | FAILED
 * it stops the run when processed; with DONE | FAILED it is a failure to hand to a process.
 */
export function failedEvent(env: Environment, error: unknown, flags: number): Event<never> {
  const event = new Event<never>(env);
  event._value = error;
  event._flags = flags;
  return event;
}

/** How deep hand-overs may nest (a resumed process releasing a unit to the next, and so on). */
export const MAX_HANDOVER_DEPTH = 32;

function notifyAll(event: Event<unknown>, waiters: Waiter[]): void {
  for (let i = 0; i < waiters.length; i++) {
    const waiter = waiters[i];
    if (typeof waiter === 'function') waiter(event);
    else waiter._resume(event);
  }
}

/**
 * An event that happens `delay` time units after it is created (see `env.timeout`).
 * Yielding it makes a process hold for that long: `yield env.timeout(3)`. It is a plain
 * {@link Event}: one object shape for the commonest event keeps the hot paths monomorphic.
 */
export type Timeout<T = undefined> = Event<T>;
