/**
 * The orgflow command. Every command is a thin layer over the library (src/): it parses
 * options, calls the library and prints. Exit codes (see error-report.ts): 0 success; 2 bad
 * usage, an invalid scenario (the message names file, line and field, and how to fix it) or a
 * run too large; 1 an unexpected internal error (with a hint to report it); 130 cancelled
 * with Ctrl-C.
 */
import { Command, Option } from 'commander';
import { DEFAULT_LOG_START } from '../analysis/index.js';
import { orgflowVersion } from '../package-info.js';
import { scenarioJsonSchema } from '../scenario/index.js';
import { COMPARE_REPS, type CompareOptions, compare } from './commands/compare.js';
import { HISTORY_FIELDS } from '../calibration/index.js';
import { type BacktestCommandOptions, backtestCommand } from './commands/backtest.js';
import { type CalibrateOptions, calibrateCommand } from './commands/calibrate.js';
import { addDemoCommand } from './commands/demo.js';
import { RUN_REPS, run, type ActivityLogOptions } from './commands/run.js';
import { SENSITIVITY_REPS, sensitivity, type SensitivityOptions } from './commands/sensitivity.js';
import { withRunOptions, type RunCommandOptions } from './commands/shared-options.js';
import { SWEEP_REPS, type SweepOptions, sweep } from './commands/sweep.js';
import { validate } from './commands/validate.js';
import { OPTIMISE_REPS, optimiseCommand, type OptimiseCommandOptions } from './commands/optimise.js';
import { reportError } from './error-report.js';
import { calendarDate, fraction, pathAssignment, positiveNumber, whatIfOption, wholeNumber } from './option-parsers.js';
import { OBJECTIVES } from '../optimise/index.js';

function program(signal: AbortSignal, exit: { code: number }): Command {
  const commandLine = `orgflow ${process.argv.slice(2).join(' ')}`.trim();
  const root = new Command('orgflow')
    .description('Simulate how data and AI use cases flow through an organisation, and compare ways of organising it.')
    .version(orgflowVersion(), '-v, --version', 'print the orgflow version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(text.replace(/^error: /, 'orgflow: ')) });
  addExperimentCommands(root, signal, commandLine);
  addHistoryCommands(root, signal);
  addScenarioCommands(root, exit);
  addDemoCommand(root);
  return root;
}

const ITEMS_HELP =
  'also write every use case of every replication (the items table, one row per use case: large for long runs)';

const WHATIF_HELP =
  'a named what-if of each scenario, compared with it replication by replication (repeatable), e.g. --whatif "Two more ML engineers: teams.hub.ml_engineer=8"';
const REFERENCE_HELP =
  'the point every other is compared with, pairwise: its values in the order of --vary, e.g. 4 or 4,2 (default: the first point)';

/** compare: the main job. */
function addCompareCommand(root: Command, signal: AbortSignal, commandLine: string): void {
  withRunOptions(
    root
      .command('compare')
      .argument('[scenario...]', 'scenario files (default: the three shipped configurations)')
      .description(
        'compare configurations with replications and common random numbers; write the report, charts and tables',
      ),
    { reps: COMPARE_REPS, precision: true, unit: 'scenario' },
  )
    .option('--items', ITEMS_HELP)
    .option('--whatif <"Name: path=value; ...">', WHATIF_HELP, whatIfOption)
    .addOption(
      new Option('--by <group>', 'also print time to production by domain or by use-case type').choices([
        'domain',
        'type',
      ]),
    )
    .action(async (files: string[], options: CompareOptions) => compare(files, options, signal, commandLine));
}

/** compare, run, sweep and sensitivity: the commands that run experiments, with the run options. */
function addExperimentCommands(root: Command, signal: AbortSignal, commandLine: string): void {
  addCompareCommand(root, signal, commandLine);
  addOptimiseCommand(root, signal, commandLine);

  withRunOptions(
    root
      .command('run')
      .argument('<scenario>', 'a scenario file')
      .description('run one scenario with replications and print its summary'),
    { reps: RUN_REPS, precision: true, unit: 'scenario' },
  )
    .option('--items', ITEMS_HELP)
    .option(
      '--log <file.csv>',
      "write the first replication's activity log to this CSV file: one row per activity (case_id, activity, resource, role, team, domain, type, loop, rework, arrival_time, enabled_time, start_time, end_time, outcome), the layout process-mining tools read",
    )
    .addOption(
      new Option(
        '--log-start <date>',
        `the calendar date of simulated day 0 in the activity log, YYYY-MM-DD (UTC) (default: ${DEFAULT_LOG_START})`,
      ).argParser(calendarDate),
    )
    .action(async (file: string, options: RunCommandOptions & ActivityLogOptions) => run(file, options, signal));

  withRunOptions(
    root
      .command('sweep')
      .argument('<scenario>', 'a scenario file')
      .description('vary parameters over values or ranges; print the table and write the chart'),
    { reps: SWEEP_REPS, precision: false, unit: 'point' },
  )
    .option(
      '--vary <path=values>',
      'a parameter and its values: 2,3,4 or a range 2..6 or 0.5..2:0.25 (repeatable)',
      pathAssignment,
    )
    .option('--reference <values>', REFERENCE_HELP)
    .action(async (file: string, options: SweepOptions) =>
      sweep(file, options.vary ?? [], options, signal, commandLine),
    );

  withRunOptions(
    root
      .command('sensitivity')
      .argument('<scenario>', 'a scenario file')
      .description('move every lever one step down and up; rank them by effect on p85 time to production'),
    { reps: SENSITIVITY_REPS, precision: false, unit: 'setting' },
  )
    .option('--people <n>', 'people added and removed per team and role', wholeNumber(1), 1)
    .option('--relative <fraction>', 'relative step for delays, cadence and effort', fraction, 0.5)
    .action(async (file: string, options: SensitivityOptions) => sensitivity(file, options, signal, commandLine));
}

const VARY_HELP =
  "a group of people the search may staff, with its bounds (repeatable), e.g. --vary teams.hub.ml_engineer=2..8 (default: the files' optimise.vary, else every group from half to double its count)";

/** optimise: the best structures and staffing as a Pareto front. */
function addOptimiseCommand(root: Command, signal: AbortSignal, commandLine: string): void {
  withRunOptions(
    root
      .command('optimise')
      .argument('[scenarios...]', 'structures to staff, as scenario files (default: the three shipped)')
      .description('search staffing (and structure) for the best trade-off of two objectives: a Pareto front'),
    { reps: OPTIMISE_REPS, precision: false, unit: 'design near the front (the most it gets)' },
  )
    .option('--vary <path=min..max>', VARY_HELP, pathAssignment)
    .option(
      '--total <n>',
      "exactly this many people: move people, do not hire (default: the file's optimise.total)",
      wholeNumber(1),
    )
    .option(
      '--budget <amount>',
      "the most the people may cost a year (default: the file's optimise.budget)",
      positiveNumber,
    )
    .option(
      '--max-utilisation <fraction>',
      "no group of people busier than this share of their time (default: the file's optimise.max_utilisation, else 0.95: a saturated group has no steady state; 1 lifts it)",
      fraction,
    )
    .option(
      '--objective <a,b>',
      `two of ${OBJECTIVES.join(', ')} (default: the file's optimise.objectives, else p85,cost)`,
    )
    .option('--evaluations <n>', 'designs to simulate at most', wholeNumber(1), 100)
    .option('--time <seconds>', 'stop after about this long (the answer then depends on the machine)', positiveNumber)
    .option('--population <n>', 'designs per generation', wholeNumber(4), 12)
    .option(
      '--first-reps <n>',
      'replications every design gets first; more go to designs near the front',
      wholeNumber(2),
      5,
    )
    .addOption(
      new Option('--method <method>', 'NSGA-II, or random search with the same budget (a yardstick)')
        .choices(['nsga2', 'random'])
        .default('nsga2'),
    )
    .action(async (files: string[], options: OptimiseCommandOptions) =>
      optimiseCommand(files, options, signal, commandLine),
    );
}

/** The options that say how to read a history (calibrate, backtest). */
function withHistoryOptions(command: Command): Command {
  return command
    .addOption(
      new Option(
        '--layout <layout>',
        'activity-log: a row per activity; stage-dates: a row per item, a date column per stage',
      )
        .choices(['activity-log', 'stage-dates'])
        .default('activity-log'),
    )
    .option(
      '--stages <columns>',
      'with --layout stage-dates: the stage columns, in workflow order (default: every other column)',
    )
    .option(
      '--columns <field=column,...>',
      `the file's column for each field, e.g. case=Key,activity=Status (fields: ${HISTORY_FIELDS.join(', ')}); by default common names are recognised`,
    )
    .option(
      '--mapping <file.yaml>',
      'a mapping file: columns, and activities and roles to rename or merge (old name: new name)',
    )
    .option('--from <time>', 'leave out use cases that arrived before this time, e.g. 2025-01-01')
    .option('--date-format <format>', 'times not in ISO 8601, in luxon tokens, e.g. "dd/MM/yyyy HH:mm"')
    .option('--timezone <zone>', 'the time zone of times written without an offset', 'UTC')
    .option('--allow-overlap', 'accept a person in two activities at once (default: an error naming the line)')
    .option('--live-activity <activity>', 'with no outcome column: the activity whose end makes a use case live')
    .option('--name <name>', 'the name of the fitted scenario', 'Calibrated from history');
}

/** calibrate and backtest: a scenario fitted to an organisation's history, and proved on it. */
function addHistoryCommands(root: Command, signal: AbortSignal): void {
  withHistoryOptions(
    root
      .command('calibrate')
      .argument('<history>', 'an activity log, CSV: one row per activity with case id, activity, start and end times')
      .description(
        "fit a scenario to an organisation's history (an activity log); write it as YAML with what each value rests on",
      ),
  )
    .option('--to <time>', 'the export time: what happened after it is cut off (default: the latest time in the file)')
    .addOption(new Option('-o, --output <file.yaml>', 'the fitted scenario').default('fitted.yaml'))
    .option(
      '--report <file.html>',
      "the calibration report, each fit against what was observed (default: the output's name with .html)",
    )
    .option('--no-report', 'write no calibration report')
    .option('--seed <n>', 'seed of the goodness-of-fit bootstraps', wholeNumber(0), 1)
    .option('--json', 'print the fit as JSON')
    .action(async (file: string, options: CalibrateOptions) => calibrateCommand(file, options));

  withHistoryOptions(
    root
      .command('backtest')
      .argument('<history>', 'an activity log, CSV (as for calibrate)')
      .description(
        'calibrate on the history up to a split, forecast the window after it from the work then open, and compare with what happened and with a naive forecast',
      ),
  )
    .addOption(
      new Option(
        '--train-until <time>',
        'the split: calibrate on what was known then (default: see --split)',
      ).conflicts('split'),
    )
    .option(
      '--split <fraction>',
      'the split as a share of the history by time, when --train-until is not given',
      fraction,
      0.8,
    )
    .option('--reps <n>', 'replications of the model, and trials of the naive forecast', wholeNumber(1), 50)
    .option(
      '--rolling <n>',
      'back-tests at this many successive splits, windows of the same length back to back',
      wholeNumber(1),
      1,
    )
    .option('--seed <n>', 'master seed', wholeNumber(0), 1)
    .option('--json', 'print the result as JSON')
    .option('--quiet', 'no progress bar')
    .action(async (file: string, options: BacktestCommandOptions) => backtestCommand(file, options, signal));
}

/** validate and schema: the commands about scenario files. */
function addScenarioCommands(root: Command, exit: { code: number }): void {
  root
    .command('validate')
    .argument('<scenario...>', 'scenario files')
    .description('check scenario files; print every error with file, line and field path')
    .option('--json', 'print the result as JSON')
    .action((files: string[], options: { json?: boolean }) => {
      if (!validate(files, options)) exit.code = 2;
    });

  root
    .command('schema')
    .description('print the JSON Schema of scenario files')
    .action(() => console.log(JSON.stringify(scenarioJsonSchema(), null, 2)));
}

export async function main(argv: string[]): Promise<number> {
  const controller = new AbortController();
  const onInterrupt = (): void => {
    process.stderr.write('\norgflow: stopping (Ctrl-C); no half-written files are left\n');
    controller.abort();
  };
  process.once('SIGINT', onInterrupt);
  const exit = { code: 0 };
  try {
    await program(controller.signal, exit).parseAsync(argv, { from: 'user' });
    return exit.code;
  } catch (error) {
    return reportError(error, controller.signal);
  } finally {
    process.removeListener('SIGINT', onInterrupt);
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
