/** Options shared by the commands that run experiments. */
import { Option, type Command } from 'commander';
import { MAX_USE_CASES_PER_REPLICATION, WHOLE_RUN_FACTOR, defaultWorkers } from '../../experiment/index.js';
import { UsageError } from '../cli-error.js';
import { fraction, pathAssignment, positiveNumber, wholeNumber } from '../option-parsers.js';

export interface RunCommandOptions {
  reps?: number;
  precision?: number;
  seed: number;
  workers: number;
  horizon?: number;
  set?: string[];
  out: string;
  maxUseCases: number;
  json?: boolean;
  quiet?: boolean;
  /** compare and run: keep and write every use case (the items table). */
  items?: boolean;
}

/** The most replications --precision adds when --reps does not say. */
export const PRECISION_REPS = 200;

/**
 * Adds --reps, --precision (only where `precision` is true; elsewhere it is refused with a
 * hint to use --reps), --seed, --workers, --horizon, --set, --out, --max-use-cases, --json,
 * --quiet. `unit` names what --reps counts replications of (a scenario, a point, a setting).
 * Each option's help states its default once, in words: commander adds "(default: ...)" from
 * the text given with `.default()`; where the default is not a single value (--reps, --horizon)
 * the description says it in the same form, and repeatable options have none.
 */
export function withRunOptions(
  command: Command,
  defaults: { reps: number; precision: boolean; unit: string; out?: string },
): Command {
  const reps = defaults.precision
    ? `replications per scenario; with --precision, the most it may run (default: ${defaults.reps}, or ${PRECISION_REPS} with --precision)`
    : `replications per ${defaults.unit} (default: ${defaults.reps})`;
  command.option('--reps <n>', reps, wholeNumber(1));
  if (defaults.precision) {
    command.option(
      '--precision <fraction>',
      'add replications until the median time to production is known within this fraction (e.g. 0.05), up to --reps; the output says whether it got there',
      fraction,
    );
  } else {
    const refuse = (): never => {
      throw new UsageError(
        `--precision is not available for ${command.name()}: it runs a fixed number of replications per ${defaults.unit}; use --reps <n>`,
      );
    };
    command.addOption(new Option('--precision <fraction>').hideHelp().argParser(refuse));
  }
  const workers = defaultWorkers();
  const maxUseCases = MAX_USE_CASES_PER_REPLICATION;
  const out = defaults.out ?? 'out';
  return command
    .option('--seed <n>', 'master seed', wholeNumber(0), 1)
    .addOption(
      new Option(
        '--workers <n>',
        'worker threads, at most one per core and one per replication to run; results do not depend on it',
      )
        .argParser(wholeNumber(1))
        .default(workers, `all cores, ${workers} on this machine`),
    )
    .option('--horizon <days>', "simulated days (default: the scenario's horizon_days)", positiveNumber)
    .option('--set <path=value>', 'a what-if, e.g. --set teams.hub.ml_engineer=4 (repeatable)', pathAssignment)
    .addOption(
      new Option('--out <dir>', 'folder for the report, charts and tables (updated, not wiped)').default(out, out),
    )
    .addOption(
      new Option(
        '--max-use-cases <n>',
        `refuse to start a run with more use cases than this in one replication, or ${WHOLE_RUN_FACTOR} times this in the whole run`,
      )
        .argParser(wholeNumber(1))
        .default(maxUseCases, maxUseCases.toLocaleString('en')),
    )
    .option('--json', 'print the result as JSON on stdout, and nothing else')
    .option('--quiet', 'no progress bar, no notes and no scenario warnings');
}
