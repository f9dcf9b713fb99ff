/** Options shared by the commands that run experiments. */
import type { Command } from 'commander';
import { defaultWorkers } from '../../experiment/index.js';
import { fraction, pathAssignment, positiveNumber, wholeNumber } from '../option-parsers.js';

export interface RunOptions {
  reps?: number;
  precision?: number;
  seed: number;
  workers: number;
  horizon?: number;
  set: string[];
  out: string;
  json?: boolean;
  quiet?: boolean;
}

/** Adds --reps, --precision, --seed, --workers, --horizon, --set, --out, --json, --quiet. */
export function withRunOptions(command: Command, defaults: { reps: number; out?: string }): Command {
  return command
    .option('--reps <n>', `replications per scenario (default ${defaults.reps})`, wholeNumber(1))
    .option('--precision <fraction>', 'instead of --reps: add replications until the median time to production is known within this fraction (e.g. 0.05)', fraction)
    .option('--seed <n>', 'master seed', wholeNumber(0), 1)
    .option('--workers <n>', 'worker threads (default: all cores)', wholeNumber(1), defaultWorkers())
    .option('--horizon <days>', 'simulated days (overrides horizon_days)', positiveNumber)
    .option('--set <path=value>', 'a what-if, e.g. --set teams.hub.ml_engineer=4 (repeatable)', pathAssignment, [])
    .option('--out <dir>', 'folder for the report, charts and tables (updated, not wiped)', defaults.out ?? 'out')
    .option('--json', 'print the result as JSON on stdout, and nothing else')
    .option('--quiet', 'no progress bar and no notes');
}
