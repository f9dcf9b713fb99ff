/**
 * A run that outgrows what a machine can hold stops with a RunLimitError that names the
 * figure, its bound and the option that lifts it, instead of running out of memory. Open use
 * cases are what a runaway run accumulates (demand far beyond capacity, or a horizon far
 * beyond what the scenario needs): each holds a record and a process until it ends.
 */

/** Open use cases in one replication at which a run stops (each takes about a kilobyte, more with its log). */
export const DEFAULT_MAX_OPEN_USE_CASES = 200_000;

export class RunLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RunLimitError';
  }
}

/** The error for a run with more than `limit` use cases open at day `day`. */
export function tooManyOpenUseCases(scenario: string, limit: number, day: number): RunLimitError {
  return new RunLimitError(
    `${scenario}: more than ${limit.toLocaleString('en')} use cases were open at once (day ${Math.round(day)}): demand far beyond what the teams can do, ` +
      'so the run would grow until the machine runs out of memory. Lower the demand (domains.<d>.demand) or the horizon (horizon_days), ' +
      'or raise the bound with --max-use-cases.',
  );
}
