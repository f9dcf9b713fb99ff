import { Calendar, NORMAL } from './calendar.js';
import { Condition } from './condition.js';
import { EventLimitError, InvalidArgumentError } from './errors.js';
import { Event, PROCESSED, TRIGGERED, type Timeout } from './event.js';
import { Process, type ProcessGenerator } from './process.js';

/** When a run stops. With none given, it runs until no events remain. */
export interface RunOptions {
  /**
   * Stop before any event due at or after this time (the clock is then set to it), or
   * once this event has been processed.
   */
  until?: number | Event<unknown>;
  /** Stop with an {@link EventLimitError} after processing this many events in this run. */
  maxEvents?: number;
  /** Checked after every event: stop as soon as it returns true. */
  stopWhen?: () => boolean;
}

/**
 * The simulation environment: the clock, the event calendar and the run loop.
 *
 * ```ts
 * const env = new Environment();
 * env.process(function* () { yield env.timeout(5); console.log(env.now); }());
 * env.run(); // prints 5
 * ```
 * Events due at the same time are processed in (priority, creation) order, so a run is a
 * pure function of the model and its random streams.
 */
export class Environment {
  /** The current simulation time. */
  now: number;
  private readonly calendar: Calendar<Event<unknown>>;
  private processedEvents = 0;
  /** @internal how many hand-overs (see Event._handOver) are running inside one another */
  _handOverDepth = 0;

  constructor(initialTime = 0) {
    if (!Number.isFinite(initialTime))
      throw new InvalidArgumentError(`initial time must be a finite number, got ${initialTime}`);
    this.now = initialTime;
    this.calendar = new Calendar<Event<unknown>>(initialTime);
  }

  /** Number of events processed since the environment was created. */
  get eventCount(): number {
    return this.processedEvents;
  }

  /** Number of events waiting on the calendar. */
  get pendingCount(): number {
    return this.calendar.size;
  }

  /** The time of the next event, or Infinity when none remain. */
  peek(): number {
    return this.calendar.nextTime();
  }

  /** A new pending event, to be triggered by the model with succeed() or fail(). */
  event<T = unknown>(): Event<T> {
    return new Event<T>(this);
  }

  /** An event that happens `delay` time units from now, with `value`. */
  timeout<T = undefined>(delay: number, value?: T): Timeout<T> {
    if (!(delay >= 0 && delay < Infinity)) {
      throw new InvalidArgumentError(`timeout delay must be a finite number >= 0, got ${delay}`);
    }
    const event = new Event<T>(this);
    event._value = value;
    event._flags = TRIGGERED;
    this.calendar.insert(event, this.now + delay, NORMAL);
    return event;
  }

  /** Starts a process from a generator (call the generator function first). */
  process<R>(generator: ProcessGenerator<R>): Process<R> {
    return new Process<R>(this, generator);
  }

  /** An event that succeeds when all `events` have succeeded, and fails when one fails. */
  allOf(events: readonly Event<unknown>[]): Condition {
    return new Condition(this, events, 'all');
  }

  /** An event that succeeds when any of `events` has succeeded, and fails when one fails. */
  anyOf(events: readonly Event<unknown>[]): Condition {
    return new Condition(this, events, 'any');
  }

  /** @internal Puts a triggered event on the calendar, due `delay` from now. */
  _schedule(event: Event<unknown>, delay: number, priority: number = NORMAL): void {
    this.calendar.insert(event, this.now + delay, priority);
  }

  /**
   * @internal Puts a process on the calendar to be resumed `delay` from now (a process that
   * yielded a plain delay); returns the slot with which {@link _cancelWakeUp} withdraws it.
   */
  _scheduleWakeUp(process: Process<unknown>, delay: number): number {
    return this.calendar.insert(process, this.now + delay, NORMAL, true);
  }

  /**
   * @internal Withdraws a wake-up from {@link _scheduleWakeUp} that has not happened yet:
   * an event nobody waits for takes its place, as a timeout stays on the calendar when the
   * process waiting for it is interrupted.
   */
  _cancelWakeUp(slot: number): void {
    const placeholder = new Event<undefined>(this);
    placeholder._flags = TRIGGERED;
    this.calendar.replace(slot, placeholder);
  }

  /** Processes the next event. Returns false when none remain. */
  step(): boolean {
    const event = this.calendar.pop();
    if (event === undefined) return false;
    this.now = this.calendar.time;
    this.processedEvents++;
    event._process();
    return true;
  }

  /**
   * Runs the simulation. `run()` runs until no events remain; `run(100)` or
   * `run({ until: 100 })` until time 100; see {@link RunOptions} for the rest.
   * Returns the number of events processed by this call.
   */
  run(options: number | RunOptions = {}): number {
    const opts: RunOptions = typeof options === 'number' ? { until: options } : options;
    const maxEvents = opts.maxEvents ?? Infinity;
    if (!(maxEvents >= 0)) throw new InvalidArgumentError(`maxEvents must be a number >= 0, got ${opts.maxEvents}`);
    let untilTime = Infinity;
    let untilEvent: Event<unknown> | null = null;
    if (typeof opts.until === 'number') {
      if (!(opts.until >= this.now)) {
        throw new InvalidArgumentError(`until must be a time >= now (${this.now}), got ${opts.until}`);
      }
      untilTime = opts.until;
    } else if (opts.until instanceof Event) {
      untilEvent = opts.until;
    } else if (opts.until !== undefined) {
      throw new InvalidArgumentError(`until must be a time or an event, got ${String(opts.until)}`);
    }
    const stopWhen = opts.stopWhen;
    if (untilTime === Infinity && untilEvent === null && stopWhen === undefined && maxEvents === Infinity) {
      return this.runToEnd();
    }
    const calendar = this.calendar;
    let processed = 0;
    let reachedUntilTime = false;
    for (;;) {
      if (untilEvent !== null && (untilEvent._flags & PROCESSED) !== 0) break;
      if (calendar.nextTime() >= untilTime) {
        reachedUntilTime = untilTime !== Infinity;
        break;
      }
      if (processed >= maxEvents) throw new EventLimitError(maxEvents, this.now);
      const next = calendar.pop() as Event<unknown>;
      this.now = calendar.time;
      processed++;
      this.processedEvents++;
      next._process();
      if (stopWhen?.()) break;
    }
    if (reachedUntilTime) this.now = untilTime;
    return processed;
  }

  /** The hot loop for the common case: no stop condition but an empty calendar. */
  private runToEnd(): number {
    const calendar = this.calendar;
    let processed = 0;
    let event = calendar.pop();
    while (event !== undefined) {
      this.now = calendar.time;
      processed++;
      this.processedEvents++;
      event._process();
      event = calendar.pop();
    }
    return processed;
  }
}
