import { NORMAL, URGENT } from './calendar.js';
import { Interrupt, InvalidArgumentError, SimulationError } from './errors.js';
import { CLAIM, DEFUSED, DONE, Event, FAILED, PROCESSED, TRIGGERED, failedEvent } from './event.js';
import type { Environment } from './environment.js';

/**
 * What a process function returns: a generator that yields events (and receives their
 * values) or plain delays. `R` is the process's own result, the value of the Process event
 * when it ends.
 */
// biome-ignore lint/suspicious/noExplicitAny: what a yield returns is the value of the event yielded, which differs per yield; TypeScript cannot type it, and `unknown` would force a cast at every yield
export type ProcessGenerator<R = void> = Generator<Event<unknown> | number, R, any>;

/**
 * A process: a generator function driven by the events it yields.
 *
 * The process is itself an event, processed when the generator returns (its value is the
 * generator's return value) or throws (the process fails with that error), so other
 * processes can wait for it.
 *
 * A process holds for a time by yielding a timeout, `yield env.timeout(5)`, or the delay
 * itself, `yield 5`. Both wake the process at the same point in the order of events; the
 * plain delay creates no event object, so it is the faster form for the commonest step of
 * a model (5 to 10% of a queueing model's run time), while a timeout is an event that
 * can also be combined (`anyOf`), carry a value, or be waited for by others.
 *
 * A new process runs at once, inside `env.process()`, until its first `yield`; the code that
 * created it goes on after that. (SimPy instead starts it after the creator yields; running
 * it at once saves a calendar event per process, and the order stays deterministic.) So an
 * error the generator throws before its first `yield` is thrown by `env.process()` itself.
 *
 * ```ts
 * function* customer(env: Environment, counter: Resource): ProcessGenerator {
 *   const req = counter.request();
 *   yield req;
 *   yield 5; // or: yield env.timeout(5)
 *   counter.release(req);
 * }
 * env.process(customer(env, counter));
 * ```
 */
export class Process<R = unknown> extends Event<R> {
  /** @internal */
  _generator: ProcessGenerator<R>;
  /**
   * @internal the event the process waits for ({@link WAKE_UP} while it holds for a plain
   * delay), null while running or done
   */
  _target: Event<unknown> | null = null;
  /** @internal while holding for a plain delay: its calendar slot, to cancel it on interrupt */
  _wakeSlot = -1;

  constructor(env: Environment, generator: ProcessGenerator<R>) {
    super(env);
    // a cheap check here (a property read on every new generator costs about 3% of a
    // queueing model); an object that is not a generator is caught at its first step
    if (typeof generator !== 'object' || generator === null) throw new InvalidArgumentError(NOT_A_GENERATOR);
    this._generator = generator;
    // Started at once, not through the calendar: one event less per process (see the class doc).
    this._resume(START);
  }

  /** Whether the generator is still running (not returned, not failed). */
  get isAlive(): boolean {
    return (this._flags & TRIGGERED) === 0;
  }

  /**
   * Whether the process's generator is on the call stack now: it is the process running,
   * or one whose step started the running one (or handed it a unit). A live process that
   * is not running always waits for an event.
   */
  get isRunning(): boolean {
    return (this._flags & TRIGGERED) === 0 && this._target === null;
  }

  /** The event this process is waiting for, or null (running, done, or holding for a plain delay). */
  get target(): Event<unknown> | null {
    const target = this._target;
    return target === WAKE_UP ? null : target;
  }

  /**
   * Throws an {@link Interrupt} carrying `cause` into the process at the current time,
   * taking it off the event it was waiting for. A resource request it was waiting for
   * stays queued: cancel it with `resource.release(request)` if the process gives up.
   */
  interrupt(cause?: unknown): void {
    if (!this.isAlive) throw new SimulationError('cannot interrupt a process that has finished');
    if (this._target === null)
      throw new SimulationError('a process cannot interrupt itself, nor the process whose step started it');
    this._interruptWhenWaiting(cause);
  }

  /**
   * @internal Like {@link interrupt}, without its guard: for the engine's own interrupts
   * (preemption), which may hit a process whose generator is on the call stack. The
   * interrupt is delivered from the calendar, once that process has yielded, and only if
   * `stillDue` (when given) then returns true.
   */
  _interruptWhenWaiting(cause: unknown, stillDue?: () => boolean): void {
    const interruption = new Event<undefined>(this.env);
    interruption._value = new Interrupt(cause);
    interruption._flags = TRIGGERED | FAILED | DEFUSED;
    interruption._addWaiter(() => {
      if (!this.isAlive) return; // finished before the interrupt was delivered
      if (stillDue !== undefined && !stillDue()) return;
      const target = this._target;
      if (target === WAKE_UP) this.env._cancelWakeUp(this._wakeSlot);
      else if (target !== null) target._removeWaiter(this);
      this._resume(interruption);
    });
    this.env._schedule(interruption, 0, URGENT);
  }

  /**
   * @internal Processed from the calendar: the end of a plain delay the process held for,
   * or else the process's own end (see {@link finish}).
   */
  override _process(): void {
    if (this._target === WAKE_UP) this._resume(WAKE_UP);
    else super._process();
  }

  /** @internal Continues the generator with the outcome of `event`. */
  _resume(event: Event<unknown>): void {
    const env = this.env;
    const generator = this._generator;
    this._target = null;
    let current: Event<unknown> = event;
    for (;;) {
      let step: IteratorResult<Event<unknown> | number, R>;
      try {
        step = (current._flags & (FAILED | CLAIM)) === 0 ? generator.next(current._value) : this.deliver(current);
      } catch (error) {
        this.crash(error);
        return;
      }
      if (step.done === true) {
        this.finish(false, step.value);
        return;
      }
      const next = step.value as Event<unknown>;
      if (typeof next === 'number' && next >= 0 && next < Infinity) {
        this._wakeSlot = env._scheduleWakeUp(this, next);
        this._target = WAKE_UP;
        return;
      }
      // an own-environment check, cheaper than instanceof on this hot path (a number,
      // undefined or a foreign object has no env either). The rare paths are calls, which
      // keeps this method small enough for the compiler to inline.
      if (next == null || next.env !== env) {
        current = refusal(env, next);
        continue;
      }
      if ((next._flags & PROCESSED) !== 0) {
        current = next; // already happened: go on at once, without a calendar round trip
        continue;
      }
      if (next._waiters === null) next._waiters = this;
      else next._addWaiter(this);
      this._target = next;
      return;
    }
  }

  /**
   * Continues the generator with an event off the common path: one that wants to know the
   * process receiving it (CLAIM), or a failure, which is thrown into the generator (and so
   * is handled).
   */
  private deliver(event: Event<unknown>): IteratorResult<Event<unknown> | number, R> {
    if ((event._flags & CLAIM) !== 0) {
      event._flags &= ~CLAIM;
      event._claim(this as Process<unknown>);
    }
    if ((event._flags & FAILED) === 0) return this._generator.next(event._value);
    event._flags |= DEFUSED;
    return this._generator.throw(event._value);
  }

  /** Ends the process with an error its generator threw (or with a bad-generator error). */
  private crash(error: unknown): void {
    this.finish(true, typeof this._generator.next === 'function' ? error : new InvalidArgumentError(NOT_A_GENERATOR));
  }

  /**
   * Ends the process. When something waits for it, its end is an event processed at the
   * current time like any other; when nothing does, it is marked processed at once, which
   * saves a calendar round trip per process. A failure nobody waits for stops the run.
   */
  private finish(failed: boolean, value: unknown): void {
    this._value = value;
    if (this._waiters !== null) {
      this._flags = failed ? TRIGGERED | FAILED : TRIGGERED;
      this.env._schedule(this, 0, NORMAL);
      return;
    }
    this._flags = failed ? DONE | FAILED : DONE;
    if (failed) throw value;
  }
}

const NOT_A_GENERATOR = 'env.process() needs a generator: call the generator function, e.g. env.process(worker(env))';

/** A processed event with no value: what a new process is resumed with. */
const START: Event<undefined> = new Event<undefined>(null as unknown as Environment);
START._flags = DONE;

/**
 * The target of a process holding for a plain delay, and the processed event (no value) it
 * is resumed with when the delay is over.
 */
const WAKE_UP: Event<undefined> = new Event<undefined>(null as unknown as Environment);
WAKE_UP._flags = DONE;

/** The failure a process is resumed with when it yielded something it cannot wait for. */
function refusal(env: Environment, value: unknown): Event<never> {
  return failedEvent(env, new InvalidArgumentError(badYield(value)), DONE | FAILED);
}

function badYield(value: unknown): string {
  if (value instanceof Event) return 'a process yielded an event of another environment';
  if (typeof value === 'number') return `a process yielded the delay ${value}: a delay must be a finite number >= 0`;
  return `a process must yield events or delays, got ${describeYield(value)}`;
}

function describeYield(value: unknown): string {
  if (value === undefined) return 'undefined (a bare yield)';
  return typeof value === 'object' && value !== null ? (value.constructor?.name ?? 'an object') : typeof value;
}
