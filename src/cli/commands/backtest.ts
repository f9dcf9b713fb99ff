/** orgflow backtest <history>: calibrate up to a split, forecast the window after it, and compare with what happened and with a naive forecast. */
import {
  type Backtest,
  BACKTEST_LABELS,
  BACKTEST_MEASURES,
  BacktestWindowError,
  backtestEach,
  backtestWindows,
  type History,
  HistoryError,
  insideInterval,
  MS_PER_DAY,
  parseTimestamp,
  type Predicted,
  rollingCoverage,
  type TestWindow,
} from '../../calibration/index.js';
import { UsageError } from '../cli-error.js';
import { day, daysText, fixed, timeExample } from '../number-text.js';
import { ProgressBar, wantProgress } from '../progress-bar.js';
import { type CalibrateOptions, historyOptions, readHistoryFor } from './calibrate.js';
import { printTable, say } from '../terminal-layout.js';

export interface BacktestCommandOptions extends Omit<CalibrateOptions, 'output' | 'to'> {
  trainUntil?: string;
  split?: number;
  reps: number;
  rolling: number;
}

/** The test windows of the options, --train-until read as a time; faults as usage errors. */
function windows(history: History, options: BacktestCommandOptions): TestWindow[] {
  let trainUntil: number | undefined;
  if (options.trainUntil !== undefined) {
    trainUntil = parseTimestamp(options.trainUntil, { format: options.dateFormat, zone: options.timezone });
    if (!Number.isFinite(trainUntil))
      throw new UsageError(
        `--train-until: ${JSON.stringify(options.trainUntil)} is not a time (${timeExample(options.dateFormat)})`,
      );
  }
  try {
    return backtestWindows(history, { trainUntil, split: options.split, rolling: options.rolling });
  } catch (error) {
    if (!(error instanceof BacktestWindowError)) throw error;
    const option =
      options.rolling > 1 ? `--rolling ${options.rolling}` : trainUntil !== undefined ? '--train-until' : '--split';
    throw new UsageError(`${option}: ${error.message}`);
  }
}

/** Back-tests, with a fault of the history they find as a usage error naming the file. */
async function backtestOrExplain(file: string, work: () => Promise<Backtest[]>): Promise<Backtest[]> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof HistoryError) throw new UsageError(`${file}: ${error.message}\n    hint: ${error.hint}`);
    throw error;
  }
}

export async function backtestCommand(
  file: string,
  options: BacktestCommandOptions,
  signal: AbortSignal,
): Promise<void> {
  const history = await readHistoryFor(
    file,
    historyOptions({ ...options, output: '' }),
    options.layout,
    options.stages,
  );
  const list = windows(history, options);
  const progress = new ProgressBar(wantProgress(options), 'Back-test');
  const total = list.length * options.reps;
  let done = 0;
  let results: Backtest[];
  try {
    results = await backtestOrExplain(file, () =>
      backtestEach(history, list, {
        replications: options.reps,
        seed: options.seed,
        name: options.name,
        onReplication: () => progress.update({ done: ++done, total }),
        signal,
      }),
    );
  } finally {
    progress.stop();
  }
  if (options.json) {
    console.log(JSON.stringify(backtestJson(results), null, 2));
    return;
  }
  if (options.reps < 40)
    say(
      `note: with ${options.reps} replications a 95% interval is little more than the lowest and highest values; give --reps 40 or more`,
    );
  for (const b of results) printBacktest(b);
  if (results.length > 1) say(`\n${coverageSentence(results)}`);
}

const interval = (p: Predicted, d = 0): string =>
  `${fixed(p.estimate, d)} (${fixed(p.pi95[0], d)} to ${fixed(p.pi95[1], d)})`;

function printBacktest(b: Backtest): void {
  say(
    `\nBack-test: calibrated on ${b.train.cases} use cases up to ${day(b.train.to)}; forecast of ${day(b.test.from)} to ${day(b.test.to)} (${daysText(Math.round((b.test.to - b.test.from) / MS_PER_DAY))}) from the ${b.openAtSplit} use cases open at the split`,
  );
  const rows = BACKTEST_MEASURES.map((k) => [
    BACKTEST_LABELS[k],
    interval(b.model[k]),
    interval(b.naive[k]),
    fixed(b.actual[k], 0),
    b.closer[k],
  ]);
  rows.push([
    BACKTEST_LABELS.cycleTimeW1,
    fixed(b.model.cycleTimeW1, 1),
    fixed(b.naive.cycleTimeW1, 1),
    '',
    b.closer.cycleTimeW1,
  ]);
  printTable({
    head: ['Measure', 'Model (95% interval)', 'Naive (95% interval)', 'Actual', 'Closer'],
    rows,
    align: ['left', 'right', 'right', 'right', 'left'],
  });
  const wins = Object.values(b.closer).filter((c) => c === 'model').length;
  const losses = Object.values(b.closer).filter((c) => c === 'naive').length;
  // measures with no actual figure (no go-live in the window has no percentile) are not counted
  const measured = BACKTEST_MEASURES.filter((k) => Number.isFinite(b.actual[k]));
  const insideModel = measured.filter((k) => insideInterval(b.model[k], b.actual[k])).length;
  const insideNaive = measured.filter((k) => insideInterval(b.naive[k], b.actual[k])).length;
  say(
    `The model came closer on ${wins} of 6 measures, the naive forecast on ${losses}${6 - wins - losses > 0 ? ` (${6 - wins - losses} tied or not measurable)` : ''} (a tally, not a test: four of the measures describe the same cycle times). What happened lies inside the model's 95% interval on ${insideModel} of ${measured.length} measures, inside the naive forecast's on ${insideNaive}.`,
  );
  if (b.withinP85.n > 0)
    say(
      `${Math.round(100 * b.withinP85.model)}% of the ${b.withinP85.n} use cases that went live did so within the model's 85th percentile, ${Math.round(100 * b.withinP85.naive)}% within the naive forecast's (well calibrated: about 85%).`,
    );
  if (b.actual.goLives === 0) say('No use case went live in the window: there are no days to production to compare.');
  else if (b.actual.goLives < 10)
    say(`Only ${b.actual.goLives} use cases went live in the window: its percentiles rest on few values.`);
}

/** Over the rolling windows: the share of go-lives within each forecast's p85, and how often the actual p85 fell inside each 95% interval. */
function coverageSentence(results: readonly Backtest[]): string {
  const c = rollingCoverage(results);
  if (c.goLives === 0) return `Over ${c.windows} windows, no use case went live: there is nothing to score.`;
  const share = (x: number): string => `${Math.round(100 * x)}%`;
  return `Over ${c.windows} windows, ${share(c.withinP85.model)} of the ${c.goLives} use cases that went live did so within the model's 85th percentile, ${share(c.withinP85.naive)} within the naive forecast's (well calibrated: about 85%). The actual 85th percentile fell inside the model's 95% interval in ${c.p85Inside.model} of ${c.windows} windows, inside the naive forecast's in ${c.p85Inside.naive}.`;
}

function backtestJson(results: readonly Backtest[]) {
  const one = (b: Backtest) => ({
    train: { from: day(b.train.from), to: day(b.train.to), cases: b.train.cases },
    test: { from: day(b.test.from), to: day(b.test.to), openAtSplit: b.openAtSplit },
    model: b.model,
    naive: b.naive,
    actual: b.actual,
    withinP85: b.withinP85,
    closer: b.closer,
  });
  return results.length === 1 ? one(results[0]) : { windows: results.map(one) };
}
