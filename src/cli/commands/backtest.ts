/** orgflow backtest <history>: calibrate up to a split, forecast the window after it, and compare with what happened and with a naive forecast. */
import Table from 'cli-table3';
import {
  type Backtest,
  BACKTEST_MEASURES,
  type BacktestOptions,
  backtest,
  type History,
  HistoryError,
  MS_PER_DAY,
  type Predicted,
} from '../../calibration/index.js';
import { RandomStreams } from '../../random/index.js';
import { UsageError } from '../cli-error.js';
import { day, fixed } from '../number-text.js';
import { ProgressBar, wantProgress } from '../progress-bar.js';
import { type CalibrateOptions, historyOptions, readHistoryFor } from './calibrate.js';

export interface BacktestCommandOptions extends Omit<CalibrateOptions, 'output' | 'to'> {
  trainUntil?: string;
  split?: number;
  reps: number;
  rolling: number;
}

const LABELS: Record<string, string> = {
  p50: 'Median days to production',
  p85: '85th percentile days',
  p95: '95th percentile days',
  goLives: 'Go-lives in the window',
  wipAtEnd: 'Work in progress at its end',
  cycleTimeW1: 'Distance of cycle times (W1, days)',
};

/** The test windows: one ending at the history's end, or `rolling` of the same length, back to back, the last ending there. */
function windows(history: History, options: BacktestCommandOptions): { split: number; until: number }[] {
  const end = history.exportTime;
  let split: number;
  if (options.trainUntil !== undefined) {
    split = Date.parse(
      /^\d{4}-\d{2}-\d{2}$/.test(options.trainUntil) ? `${options.trainUntil}T00:00:00Z` : options.trainUntil,
    );
    if (!Number.isFinite(split))
      throw new UsageError(`--train-until: ${JSON.stringify(options.trainUntil)} is not a time (e.g. 2026-03-01)`);
  } else split = history.start + (options.split ?? 0.8) * (end - history.start);
  const length = end - split;
  if (!(split > history.start && length > 0))
    throw new UsageError(
      `--train-until ${day(split)} is outside the history (${day(history.start)} to ${day(end)}): the split must leave some history on each side`,
    );
  const list = Array.from({ length: options.rolling }, (_, k) => {
    const until = end - (options.rolling - 1 - k) * length;
    return { split: until - length, until };
  });
  if (options.rolling > 1 && list[0].split - history.start < length)
    throw new UsageError(
      `--rolling ${options.rolling}: the first of ${options.rolling} windows of ${Math.round(length / MS_PER_DAY)} days would leave less training history than one window; use fewer or shorter windows (--split closer to 1)`,
    );
  return list;
}

/** A back-test, with a fault of the history it finds as a usage error naming the file. */
async function backtestOrExplain(file: string, history: History, options: BacktestOptions): Promise<Backtest> {
  try {
    return await backtest(history, options);
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
  const results: Backtest[] = [];
  try {
    for (const w of list) {
      results.push(
        await backtestOrExplain(file, history, {
          ...w,
          replications: options.reps,
          seed: options.seed,
          name: options.name,
          rng: new RandomStreams(options.seed).stream(`backtest/${w.split}`),
          onReplication: () => progress.update({ done: ++done, total }),
          signal,
        }),
      );
    }
  } finally {
    progress.stop();
  }
  if (options.json) {
    console.log(JSON.stringify(backtestJson(results), null, 2));
    return;
  }
  if (options.reps < 40)
    console.log(
      `note: with ${options.reps} replications a 95% interval is little more than the lowest and highest values; give --reps 40 or more`,
    );
  for (const b of results) printBacktest(b);
  if (results.length > 1) console.log(`\n${coverageSentence(results)}`);
}

const interval = (p: Predicted, d = 0): string =>
  `${fixed(p.estimate, d)} (${fixed(p.pi95[0], d)} to ${fixed(p.pi95[1], d)})`;
const inside = (p: Predicted, x: number): boolean => x >= p.pi95[0] && x <= p.pi95[1];

function printBacktest(b: Backtest): void {
  console.log(
    `\nBack-test: calibrated on ${b.train.cases} use cases up to ${day(b.train.to)}; forecast of ${day(b.test.from)} to ${day(b.test.to)} (${Math.round((b.test.to - b.test.from) / MS_PER_DAY)} days) from the ${b.openAtSplit} use cases open at the split`,
  );
  const t = new Table({
    head: ['Measure', 'Model (95% interval)', 'Naive (95% interval)', 'Actual', 'Closer'],
    style: { head: [], border: [] },
    colAligns: ['left', 'right', 'right', 'right', 'left'],
  });
  for (const k of BACKTEST_MEASURES)
    t.push([LABELS[k], interval(b.model[k]), interval(b.naive[k]), fixed(b.actual[k], 0), b.closer[k]]);
  t.push([LABELS.cycleTimeW1, fixed(b.model.cycleTimeW1, 1), fixed(b.naive.cycleTimeW1, 1), '', b.closer.cycleTimeW1]);
  console.log(t.toString());
  const wins = Object.values(b.closer).filter((c) => c === 'model').length;
  const losses = Object.values(b.closer).filter((c) => c === 'naive').length;
  const insideModel = BACKTEST_MEASURES.filter((k) => inside(b.model[k], b.actual[k])).length;
  const insideNaive = BACKTEST_MEASURES.filter((k) => inside(b.naive[k], b.actual[k])).length;
  console.log(
    `The model came closer on ${wins} of 6 measures, the naive forecast on ${losses}${6 - wins - losses > 0 ? ` (${6 - wins - losses} tied or not measurable)` : ''}. What happened lies inside the model's 95% interval on ${insideModel} of 5 measures, inside the naive forecast's on ${insideNaive}.`,
  );
  if (b.withinP85.n > 0)
    console.log(
      `${Math.round(100 * b.withinP85.model)}% of the ${b.withinP85.n} use cases that went live did so within the model's 85th percentile, ${Math.round(100 * b.withinP85.naive)}% within the naive forecast's (well calibrated: about 85%).`,
    );
  if (b.actual.goLives < 10)
    console.log(`Only ${b.actual.goLives} use cases went live in the window: its percentiles rest on few values.`);
}

/** Over the rolling windows: the share of go-lives within each forecast's p85, and how often the actual p85 fell inside each 95% interval. */
function coverageSentence(results: readonly Backtest[]): string {
  const n = results.reduce((s, b) => s + b.withinP85.n, 0);
  if (n === 0) return `Over ${results.length} windows, no use case went live: there is nothing to score.`;
  const share = (k: 'model' | 'naive'): string => {
    const within = results.reduce(
      (s, b) => s + (Number.isFinite(b.withinP85[k]) ? b.withinP85[k] * b.withinP85.n : 0),
      0,
    );
    return `${Math.round((100 * within) / n)}%`;
  };
  const model = results.filter((b) => inside(b.model.p85, b.actual.p85)).length;
  const naive = results.filter((b) => inside(b.naive.p85, b.actual.p85)).length;
  return `Over ${results.length} windows, ${share('model')} of the ${n} use cases that went live did so within the model's 85th percentile, ${share('naive')} within the naive forecast's (well calibrated: about 85%). The actual 85th percentile fell inside the model's 95% interval in ${model} of ${results.length} windows, inside the naive forecast's in ${naive}.`;
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
