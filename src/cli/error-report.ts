/**
 * What the command prints for an error, and its exit code: 2 for a mistake of the user (bad
 * usage, an invalid scenario, a run too large, a replication out of memory), 130 when Ctrl-C stopped it (told by the
 * abort signal, never by the message), 1 for anything else: a bug.
 */
import { CommanderError } from 'commander';
import { RunSizeError, WHOLE_RUN_FACTOR } from '../experiment/index.js';
import { RunLimitError } from '../model/index.js';
import { OptimiseInputError } from '../optimise/index.js';
import { OverrideError, ScenarioError, formatIssue } from '../scenario/index.js';
import { UsageError } from './cli-error.js';
import { warn } from './terminal-layout.js';

export function reportError(error: unknown, signal: AbortSignal): number {
  if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
  if (error instanceof ScenarioError) {
    warn(
      error.issues
        .filter((i) => i.severity === 'error')
        .map(formatIssue)
        .join('\n'),
    );
    return 2;
  }
  if (error instanceof UsageError || error instanceof OverrideError || error instanceof OptimiseInputError) {
    warn(`orgflow: ${error.message}`);
    return 2;
  }
  if (error instanceof RunSizeError) {
    warn(`orgflow: run too large: ${error.message}.\n    hint: ${runSizeHint(error)}`);
    return 2;
  }
  if (error instanceof RunLimitError) {
    warn(`orgflow: run stopped at its bound: ${error.message}`);
    return 2;
  }
  if ((error as NodeJS.ErrnoException)?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
    warn(
      'orgflow: a replication ran out of memory: the run is too large for this machine.\n    hint: shorten horizon_days or lower demand, or keep --max-use-cases at its default',
    );
    return 2;
  }
  if (signal.aborted) {
    warn('orgflow: cancelled');
    return 130;
  }
  const e = error as Error;
  warn(`orgflow: internal error: ${e?.message ?? String(error)}`);
  if (process.env.ORGFLOW_DEBUG) console.error(e?.stack);
  warn('This is a bug in orgflow: please report it with the command you ran (ORGFLOW_DEBUG=1 shows the stack trace).');
  return 1;
}

function runSizeHint(error: RunSizeError): string {
  if (error.figure === 'horizon') return 'shorten horizon_days (in the file, or with --horizon or --set)';
  const bound = error.figure === 'replication' ? error.bound : error.bound / WHOLE_RUN_FACTOR;
  const lift = `or lift the bound with --max-use-cases <n> (now ${bound.toLocaleString('en-US')} per replication, ${WHOLE_RUN_FACTOR} times that for the whole run)`;
  return error.figure === 'replication'
    ? `shorten horizon_days or lower demand (in the file or with --set), ${lift}`
    : `lower --reps, shorten horizon_days or lower demand, ${lift}`;
}
