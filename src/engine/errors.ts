/** Base class of the errors the engine raises for a misuse or a model fault. */
export class SimulationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** An event was triggered (succeeded or failed) a second time. */
export class EventAlreadyTriggeredError extends SimulationError {}

/** A run stopped because it processed more events than its `maxEvents` bound. */
export class EventLimitError extends SimulationError {
  constructor(
    readonly limit: number,
    readonly time: number,
  ) {
    super(
      `the run stopped after ${limit} events at time ${time}: more than its maxEvents bound. ` +
        'A process may loop without advancing time, or the model may never run dry; ' +
        'raise maxEvents if the run is simply long.',
    );
  }
}

/** A parameter given to an engine constructor or method is out of its valid range. */
export class InvalidArgumentError extends SimulationError {}

/**
 * Thrown into a process by {@link Process.interrupt}. The process may catch it and go on;
 * `cause` says why it was interrupted (for a preemption, a {@link Preempted}).
 */
export class Interrupt extends Error {
  // `cause` is on Error from the ES2022 library on, where it needs `override`; tslab compiles
  // notebooks against an older library, where `override` is an error. Ignoring the line
  // keeps both compilers content.
  // biome-ignore lint/suspicious/noTsIgnore: the error exists under one of the two compilers only, so @ts-expect-error would fail under the other
  // @ts-ignore TS4113/TS4115 differ by library version
  constructor(override readonly cause: unknown) {
    super(`process interrupted${cause === undefined ? '' : `: ${describe(cause)}`}`);
    this.name = 'Interrupt';
  }
}

function describe(value: unknown): string {
  if (value instanceof Error) return value.message;
  if (typeof value === 'object' && value !== null) return value.constructor?.name ?? 'object';
  return String(value);
}
