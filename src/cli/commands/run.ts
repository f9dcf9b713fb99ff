/** orgflow run <scenario>: one scenario, replicated, as a summary table. */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  summariseExperiment,
  summaryTable,
  groupTable,
  utilizationTable,
  UTILIZATION_OUTPUT_NAME,
  itemsTable,
  writeResultsBundle,
  activityLogRows,
  writeActivityLog,
  DEFAULT_LOG_START,
} from '../../analysis/index.js';
import type { ExperimentResult } from '../../experiment/index.js';
import { runExperiment } from '../../experiment/index.js';
import { experimentOptions } from '../experiment-options.js';
import { warnOnLittleViolations } from '../little-warning.js';
import { checkOutFile, checkOutFolder } from '../out-folder.js';
import { precisionJson, precisionLine } from '../precision-line.js';
import { withProgressBar } from '../progress-bar.js';
import { quarterTableText } from '../timeline-text.js';
import { loadScenarios } from '../scenario-inputs.js';
import { detailTable, stabilityLines } from '../terminal-tables.js';
import { UsageError } from '../cli-error.js';
import type { RunCommandOptions } from './shared-options.js';
import { say } from '../terminal-layout.js';

export const RUN_REPS = 20;

/** --log and --log-start: where to write the first replication's activity log, and the date of day 0 (epoch ms; absent: DEFAULT_LOG_START). */
export interface ActivityLogOptions {
  log?: string;
  logStart?: number;
}

export async function run(
  file: string,
  options: RunCommandOptions & ActivityLogOptions,
  signal: AbortSignal,
): Promise<void> {
  checkOutFolder(options.out);
  if (options.log !== undefined) checkOutFile('--log', options.log);
  else if (options.logStart !== undefined)
    throw new UsageError('--log-start dates the activity log: give --log <file.csv> too');
  const scenarios = loadScenarios([file], options);
  const experiment = await withProgressBar(options, 'Replications', (onProgress) =>
    runExperiment(scenarios, {
      ...experimentOptions(options, RUN_REPS, onProgress, signal),
      ...(options.log !== undefined ? { keepLogs: 'first' as const } : {}),
    }),
  );
  const [summary] = summariseExperiment(experiment);
  warnOnLittleViolations([summary]);
  const folder = join(options.out, 'run');
  // the items table of an earlier run with --items would not belong to this one
  if (!options.items) for (const f of ['csv', 'json', 'arrow']) rmSync(join(folder, `items.${f}`), { force: true });
  writeResultsBundle(folder, experiment, {
    summary: summaryTable([summary]),
    by_domain: groupTable([summary], 'domain'),
    by_type: groupTable([summary], 'type'),
    [UTILIZATION_OUTPUT_NAME]: utilizationTable([summary]),
    ...(options.items ? { items: itemsTable(experiment) } : {}),
  });
  if (options.log !== undefined)
    await writeActivityLogOf(experiment, options.log, options.logStart ?? Date.parse(`${DEFAULT_LOG_START}T00:00:00Z`));
  if (options.json) {
    console.log(
      JSON.stringify(
        {
          scenarios: [{ ...summary, warnings: scenarios[0].warnings }],
          comparisons: [],
          ...(experiment.precision ? { precision: precisionJson(experiment.precision) } : {}),
        },
        null,
        2,
      ),
    );
    return;
  }
  say(`${summary.name}: ${experiment.replications} replications (seed ${experiment.seed})`);
  if (experiment.precision) say(precisionLine(experiment.precision));
  say(detailTable(summary));
  for (const line of stabilityLines([summary])) say(line);
  if (summary.timeline !== undefined) {
    say(
      `\n${summary.name} quarter by quarter (p85 days of the use cases that arrived in the quarter, open ones censored):`,
    );
    say(quarterTableText(summary));
    for (const p of summary.timeline.periods) say(`- ${p.statement}`);
  }
  say(`\nTables: ${folder} (CSV, JSON, Arrow)`);
  if (options.log !== undefined) say(`Activity log of replication 1: ${options.log}`);
}

async function writeActivityLogOf(experiment: ExperimentResult, file: string, startMs: number): Promise<void> {
  const log = experiment.scenarios[0].replications[0].log;
  if (log === undefined) throw new Error('the first replication came back without its event log');
  try {
    await writeActivityLog(file, activityLogRows(log, startMs));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined) throw error;
    throw new UsageError(`cannot write the activity log --log ${file}: ${(error as Error).message}`);
  }
}
