import { CLAIM, DEFUSED, Event, FAILED, PROCESSED, TRIGGERED } from './event.js';
import type { Process } from './process.js';
import type { Environment } from './environment.js';

/**
 * The value of an all-of / any-of condition: the events that had succeeded when the
 * condition was met, with their values.
 */
export class ConditionValue {
  private readonly byEvent = new Map<Event<unknown>, unknown>();

  /** @internal */
  _add(event: Event<unknown>): void {
    this.byEvent.set(event, event._value);
  }

  /** The events that had happened, in the order they happened. */
  get events(): Event<unknown>[] {
    return [...this.byEvent.keys()];
  }

  /** Whether `event` had happened when the condition was met. */
  has(event: Event<unknown>): boolean {
    return this.byEvent.has(event);
  }

  /** The value of `event`; throws if it had not happened. */
  get<T>(event: Event<T>): T {
    if (!this.byEvent.has(event)) throw new Error('that event had not happened when the condition was met');
    return this.byEvent.get(event) as T;
  }

  /** The values of the events that had happened, in the order they happened. */
  values(): unknown[] {
    return [...this.byEvent.values()];
  }
}

/**
 * An event that succeeds once enough of a list of events have succeeded (all of them, or
 * any one), and fails as soon as one of them fails. Build with `env.allOf` / `env.anyOf`.
 */
export class Condition extends Event<ConditionValue> {
  private readonly happened: ConditionValue = new ConditionValue();
  private count = 0;

  constructor(
    env: Environment,
    private readonly events: readonly Event<unknown>[],
    private readonly needed: 'all' | 'any',
  ) {
    super(env);
    for (const event of events) {
      if (event.env !== env) throw new Error('a condition cannot mix events of different environments');
      // the process that receives the condition receives its events too
      if ((event._flags & CLAIM) !== 0) this._flags = CLAIM;
    }
    if (events.length === 0) {
      this.succeed(this.happened);
      return;
    }
    const check = (event: Event<unknown>): void => this.check(event);
    for (const event of events) {
      if ((event._flags & PROCESSED) !== 0) check(event);
      else event._addWaiter(check);
      if ((this._flags & TRIGGERED) !== 0) break;
    }
  }

  /** @internal Hands the receiving process to the events that want to know it. */
  override _claim(process: Process<unknown>): void {
    for (const event of this.events) {
      if ((event._flags & CLAIM) === 0) continue;
      event._flags &= ~CLAIM;
      event._claim(process);
    }
  }

  private check(event: Event<unknown>): void {
    if ((this._flags & TRIGGERED) !== 0) return; // already decided
    if ((event._flags & FAILED) !== 0) {
      event._flags |= DEFUSED;
      this.fail(event._value as Error);
      return;
    }
    this.count++;
    this.happened._add(event);
    if (this.needed === 'any' || this.count === this.events.length) this.succeed(this.happened);
  }
}
