/** orgflow calibrate <history>: a scenario fitted to an organisation's activity log. */
import { pValueText, writeFileAtomic } from '../../analysis/index.js';
import { writeCalibrationReport } from '../../report/index.js';
import {
  type Calibration,
  calibrate,
  checkZone,
  ColumnError,
  HistoryError,
  type HistoryMapping,
  type HistoryOptions,
  MappingError,
  readHistoryMapping,
  iterationsNote,
  parseColumnMapping,
  parseTimestamp,
  scenarioYaml,
  readHistory,
  readStageDates,
  type History,
} from '../../calibration/index.js';
import { RandomStreams } from '../../random/index.js';
import { UsageError } from '../cli-error.js';
import { day, fixed, timeExample } from '../number-text.js';
import { checkOutFile } from '../out-folder.js';
import { printTable, say } from '../terminal-layout.js';

export interface CalibrateOptions {
  /** activity-log (one row per activity) or stage-dates (one row per item, a date per stage). */
  layout: 'activity-log' | 'stage-dates';
  /** With stage-dates: the stage columns in workflow order. */
  stages?: string;
  columns?: string;
  mapping?: string;
  from?: string;
  to?: string;
  dateFormat?: string;
  timezone: string;
  allowOverlap?: boolean;
  liveActivity?: string;
  output: string;
  /** The HTML calibration report: a file, or false for none (default: the output's name with .html). */
  report?: string | boolean;
  name?: string;
  seed: number;
  json?: boolean;
  quiet?: boolean;
}

/** The --mapping file, its faults as usage errors. */
function readMapping(file: string): HistoryMapping {
  try {
    return readHistoryMapping(file);
  } catch (error) {
    if (error instanceof MappingError) throw new UsageError(`--mapping ${file}: ${error.message}`);
    if (error instanceof ColumnError)
      throw new UsageError(`--mapping ${file}: ${error.message}\n    hint: ${error.hint}`);
    throw error;
  }
}

/** The history options of the command line, checked. */
export function historyOptions(options: CalibrateOptions): HistoryOptions {
  try {
    checkZone(options.timezone);
  } catch (error) {
    throw new UsageError(`--timezone: ${(error as Error).message}`);
  }
  const timestamps = { format: options.dateFormat, zone: options.timezone };
  const time = (option: string, text: string | undefined): number | undefined => {
    if (text === undefined) return undefined;
    const ms = parseTimestamp(text, timestamps);
    if (Number.isNaN(ms))
      throw new UsageError(`${option}: ${JSON.stringify(text)} is not a time (${timeExample(options.dateFormat)})`);
    return ms;
  };
  const mapping = options.mapping !== undefined ? readMapping(options.mapping) : {};
  let columns = mapping.columns ?? {};
  try {
    if (options.columns !== undefined) columns = { ...columns, ...parseColumnMapping(options.columns) };
  } catch (error) {
    if (error instanceof ColumnError) throw new UsageError(`--columns: ${error.message}\n    hint: ${error.hint}`);
    throw error;
  }
  return {
    columns,
    activities: mapping.activities,
    roles: mapping.roles,
    timestamps,
    from: time('--from', options.from),
    to: time('--to', options.to),
    allowOverlap: options.allowOverlap === true,
    liveActivity: options.liveActivity,
  };
}

/** Reads the history in its layout, turning its faults into usage errors that name the line and say how to fix them. */
export async function readHistoryFor(
  file: string,
  options: HistoryOptions,
  layout: CalibrateOptions['layout'],
  stages?: string,
) {
  try {
    if (layout === 'stage-dates')
      return await readStageDates(file, { ...options, stages: stages?.split(',').map((s) => s.trim()) });
    return await readHistory(file, options);
  } catch (error) {
    if (error instanceof HistoryError || error instanceof ColumnError)
      throw new UsageError(`${file}: ${error.message}\n    hint: ${error.hint}`);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES')
      throw new UsageError(`cannot read ${file} (${code}): name an activity log, a CSV file`);
    if ((error as { code?: string }).code?.startsWith('CSV_'))
      throw new UsageError(`${file}: not a CSV file orgflow can read: ${(error as Error).message}`);
    throw error;
  }
}

/** Runs `work`, turning a fault of the history it finds into a usage error naming the file. */
export function fitOrExplain<T>(work: () => T, file: string): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof HistoryError) throw new UsageError(`${file}: ${error.message}\n    hint: ${error.hint}`);
    throw error;
  }
}

/** Where the report goes: --report's file, none with --no-report, else beside the scenario. */
function reportFile(options: CalibrateOptions): string | null {
  if (options.report === false) return null;
  if (typeof options.report === 'string') return options.report;
  return `${options.output.replace(/\.ya?ml$/i, '')}.html`;
}

export async function calibrateCommand(file: string, options: CalibrateOptions): Promise<void> {
  checkOutFile('--output', options.output);
  const planned = reportFile(options);
  if (planned !== null) checkOutFile('--report', planned);
  const history = await readHistoryFor(file, historyOptions(options), options.layout, options.stages);
  const rng = new RandomStreams(options.seed).stream('calibration/goodness-of-fit');
  // the file's names are not needed after the fit: they are renamed in place, saving a copy
  const calibration = fitOrExplain(() => calibrate(history, rng, options.name, { renameInPlace: true }), file);
  const header = [
    `Fitted by orgflow calibrate from ${file}: ${history.rows} rows, ${history.cases.length} use cases.`,
    'Every value below rests on the history (the comment beside it says how much); check the notes:',
    ...calibration.notes.map((n) => `- ${n}`),
  ];
  writeFileAtomic(options.output, scenarioYaml(calibration.spec, calibration.comments, header));
  const report = reportFile(options);
  if (report !== null) await writeCalibrationReport(report, calibration, file);
  if (options.json) {
    console.log(JSON.stringify(calibrationJson(calibration, history.rows, options.output), null, 2));
    return;
  }
  printCalibration(calibration, history);
  say(`\nScenario: ${options.output} (check it with orgflow validate, run it with orgflow run)`);
  if (report !== null) say(`Report: ${report} (each fit against what was observed)`);
}

function printCalibration(c: Calibration, history: History): void {
  const inProgress = history.cases.filter((k) => k.outcome === 'in_progress').length;
  say(
    `Calibrated from ${history.rows} rows: ${history.cases.length} use cases (${inProgress} still in progress) from ${day(history.start)} to ${day(history.exportTime)}, ${Math.round(c.windowDays)} days; ${c.workflow.activities.length} activities in the workflow.`,
  );
  printTable({
    head: ['Domain', 'Type', 'Arrivals', 'Per month', 'Trend p'],
    rows: c.arrivals.map((a) => [a.domain, a.type, String(a.count), fixed(a.perMonth), pValueText(a.trendP)]),
  });
  say('Effort of each activity (person-days):');
  printTable({
    head: ['Activity', 'Role', 'n', 'Distribution', 'Median', 'p90', 'Fit p'],
    rows: c.workflow.activities.map(({ key, role, effort: e }) => [
      key,
      role,
      String(e?.n ?? 0),
      e?.chosen ?? 'none finished',
      fixed(e?.median ?? NaN),
      fixed(e?.p90 ?? NaN),
      pValueText(e?.p ?? NaN),
    ]),
    align: ['left', 'left', 'right', 'left', 'right', 'right', 'right'],
  });
  say(`Learning: loop-backs decay by ${c.iterations.decay} each time round (${iterationsNote(c.iterations)}).`);
  for (const note of c.notes) say(`note: ${note}`);
}

function calibrationJson(c: Calibration, rows: number, output: string) {
  return {
    output,
    rows,
    windowDays: c.windowDays,
    arrivals: c.arrivals.map(({ days: _days, ...rest }) => rest),
    activities: c.workflow.activities.map((a) => ({
      activity: a.key,
      role: a.role,
      roleShare: a.roleShare,
      n: a.effort?.n ?? 0,
      open: a.open,
      distribution: a.effort?.chosen ?? null,
      median: a.effort?.median ?? null,
      p90: a.effort?.p90 ?? null,
      fitP: a.effort && Number.isFinite(a.effort.p) ? a.effort.p : null,
      next: Object.fromEntries(a.next),
    })),
    iterations: {
      decay: c.iterations.decay,
      ci95: c.iterations.ci95,
      noLearningP: Number.isFinite(c.iterations.noLearningP) ? c.iterations.noLearningP : null,
      cap: c.iterations.cap,
      moves: c.iterations.moves,
    },
    abandonment: {
      byType: c.abandonment.byType,
      sameShareP: Number.isFinite(c.abandonment.sameShareP) ? c.abandonment.sameShareP : null,
    },
    teams: c.organisation.teams.map((t) => ({ team: t.id, home: t.home, headcount: Object.fromEntries(t.headcount) })),
    notes: c.notes,
  };
}
