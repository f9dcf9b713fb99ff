import { NORMAL } from './calendar.js';
import { EventAlreadyTriggeredError, InvalidArgumentError } from './errors.js';
import type { Environment } from './environment.js';
import type { Process } from './process.js';

/** A function called with the event once the event is processed. */
export type EventCallback<T = unknown> = (event: Event<T>) => void;

/** The life of an event: pending, then triggered (on the calendar), then processed. */
export type EventState = 'pending' | 'triggered' | 'processed';

export const PENDING = 0;
export const TRIGGERED = 1;
export const PROCESSED = 2;

/**
 * Something that happens at a point in simulated time.
 *
 * An event is pending until it is triggered with {@link succeed} or {@link fail}; it then
 * waits on the calendar and is processed at its time, when its callbacks run and the
 * processes waiting for it resume. Triggering an event twice is an error.
 *
 * A process waits for an event by yielding it:
 * ```ts
 * const done = env.event<string>();
 * env.process(function* () { const v = yield done; console.log(v); });
 * done.succeed('ready');
 * ```
 */
export class Event<T = unknown> {
  /** @internal 0 pending, 1 triggered, 2 processed */
  _state: number = PENDING;
  /** @internal */
  _ok = true;
  /** @internal the value, or the error of a failed event */
  _value: unknown = undefined;
  /**
   * @internal The first process to wait for this event. Most events have exactly one
   * waiter, so it gets a slot of its own instead of a callback list (no allocation).
   */
  _waiter: Process<unknown> | null = null;
  /** @internal further callbacks, in the order they were added */
  _callbacks: EventCallback<any>[] | null = null;
  /** @internal whether a failure was handed to someone who can handle it */
  _defused = false;

  constructor(readonly env: Environment) {}

  /** Where the event is in its life. */
  get state(): EventState {
    return this._state === PENDING ? 'pending' : this._state === TRIGGERED ? 'triggered' : 'processed';
  }

  /** Whether the event has been triggered (it may not be processed yet). */
  get triggered(): boolean {
    return this._state !== PENDING;
  }

  /** Whether the event has been processed (its callbacks have run). */
  get processed(): boolean {
    return this._state === PROCESSED;
  }

  /** Whether the event succeeded. Only meaningful once triggered. */
  get ok(): boolean {
    return this._ok;
  }

  /** The value the event succeeded with. Throws while pending, and for a failed event. */
  get value(): T {
    if (this._state === PENDING) throw new InvalidArgumentError('the value of a pending event is not available yet');
    if (!this._ok) throw this._value;
    return this._value as T;
  }

  /** Triggers the event as a success with `value`; it is processed at the current time. */
  succeed(value?: T, priority: number = NORMAL): this {
    if (this._state !== PENDING) throw new EventAlreadyTriggeredError(`${this.constructor.name} has already been triggered`);
    this._ok = true;
    this._value = value;
    this._state = TRIGGERED;
    this.env._schedule(this, 0, priority);
    return this;
  }

  /**
   * Triggers the event as a failure: processes waiting for it get `error` thrown into
   * them. A failure that nobody waits for stops the run with that error.
   */
  fail(error: Error, priority: number = NORMAL): this {
    if (this._state !== PENDING) throw new EventAlreadyTriggeredError(`${this.constructor.name} has already been triggered`);
    if (!(error instanceof Error)) throw new InvalidArgumentError(`fail() needs an Error, got ${String(error)}`);
    this._ok = false;
    this._value = error;
    this._state = TRIGGERED;
    this.env._schedule(this, 0, priority);
    return this;
  }

  /**
   * Calls `callback` when the event is processed. On an event already processed the
   * callback runs at once.
   */
  addCallback(callback: EventCallback<T>): void {
    if (this._state === PROCESSED) {
      callback(this);
      return;
    }
    (this._callbacks ??= []).push(callback as EventCallback<any>);
  }

  /** Removes a callback added with {@link addCallback}; returns whether it was there. */
  removeCallback(callback: EventCallback<T>): boolean {
    const list = this._callbacks;
    if (list === null) return false;
    const i = list.indexOf(callback as EventCallback<any>);
    if (i < 0) return false;
    list.splice(i, 1);
    return true;
  }

  /** @internal Marks the event processed and runs what waits for it. Called by the run loop. */
  _process(): void {
    this._state = PROCESSED;
    const waiter = this._waiter;
    if (waiter !== null) {
      this._waiter = null;
      waiter._resume(this);
    }
    const callbacks = this._callbacks;
    if (callbacks !== null) {
      this._callbacks = null;
      for (let i = 0; i < callbacks.length; i++) callbacks[i](this);
    }
    if (!this._ok && !this._defused) throw this._value;
  }

  /** @internal Marks the event processed without the calendar (granted on the spot). */
  _processNow(value: unknown): void {
    this._ok = true;
    this._value = value;
    this._state = PROCESSED;
  }
}

/**
 * An event that happens `delay` time units after it is created (see `env.timeout`).
 * Yielding it makes a process hold for that long: `yield env.timeout(3)`. It is a plain
 * {@link Event}: one object shape for the commonest event keeps the hot paths monomorphic.
 */
export type Timeout<T = undefined> = Event<T>;
