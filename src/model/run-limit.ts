/**
 * A run that outgrows what a machine can hold stops with a RunLimitError that names the
 * figure, its bound and the option that lifts it, instead of running out of memory. Open use
 * cases are what a runaway run accumulates (demand far beyond capacity, or a horizon far
 * beyond what the scenario needs): each holds a record and a process until it ends.
 */

import type { ModelContext } from './model-context.js';

/** Open use cases and maintenance requests in one replication at which a run stops (each takes about a kilobyte, more with its log). */
export const DEFAULT_MAX_OPEN_USE_CASES = 200_000;

export class RunLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RunLimitError';
  }
}

/** Throws a RunLimitError when the open use cases and maintenance requests reach the run's bound. */
export function checkOpenWork(ctx: ModelContext): void {
  const { records, ended, openRequests, env } = ctx.state;
  const { maxOpen, params } = ctx.config;
  const useCases = records.length - ended.live - ended.abandoned;
  if (useCases + openRequests < maxOpen) return;
  const what = openRequests > useCases ? 'maintenance requests' : 'use cases';
  const fields =
    what === 'use cases'
      ? 'the demand (domains.<d>.demand) or the horizon (horizon_days)'
      : 'maintenance.incidents_per_model_per_month or domains.<d>.models_in_production';
  throw new RunLimitError(
    `${params.name}: more than ${maxOpen.toLocaleString('en')} use cases and maintenance requests were open at once (day ${Math.round(env.now)}; mostly ${what}): ` +
      `far more work than the teams can do, so the run would grow until the machine runs out of memory. Lower ${fields}, or raise the bound with --max-use-cases.`,
  );
}
