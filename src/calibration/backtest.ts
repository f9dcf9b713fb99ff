/**
 * A back-test: calibrate on the history up to a split, simulate the window after it starting
 * from the work in progress at the split (each open use case where it was), and compare the
 * prediction with what happened; beside it, the naive forecast the forecasting tools make by
 * resampling the training window's weekly throughput and cycle times. Both are scored on the
 * same measures: the 50th, 85th and 95th percentile of days to production of the use cases
 * that went live in the window, the number of go-lives, the work in progress at its end, and
 * the Wasserstein-1 distance between predicted and actual cycle times.
 */
import { quantileSorted } from '../statistics/distribution-fit.js';
import { simulate, type OpenUseCase } from '../model/index.js';
import type { Rng } from '../random/index.js';
import type { ScenarioSpec } from '../scenario/index.js';
import { type Calibration, calibrateNormalised, WORKING_DAYS_PER_WEEK } from './calibrate.js';
import { normalise } from './normalise.js';
import { dayText } from './timestamps.js';
import { effortDays, idOf, MS_PER_DAY, placeOf, stepsOf } from './fit-workflow.js';
import { type History, type HistoryCase, HistoryError, historyAt } from './history.js';

export const BACKTEST_MEASURES = ['p50', 'p85', 'p95', 'goLives', 'wipAtEnd'] as const;
export type BacktestMeasure = (typeof BACKTEST_MEASURES)[number];

/** What happened in a window: days to production of the use cases that went live in it, go-lives, open work at its end. */
export interface WindowOutcome {
  cycleTimes: number[];
  goLives: number;
  wipAtEnd: number;
}

/** A predicted measure: the median over replications (or trials) and the 2.5% and 97.5% points. */
export interface Predicted {
  estimate: number;
  pi95: [number, number];
}

export interface Forecast {
  p50: Predicted;
  p85: Predicted;
  p95: Predicted;
  goLives: Predicted;
  wipAtEnd: Predicted;
  /** Wasserstein-1 distance (days) between the pooled predicted cycle times and the actual ones. */
  cycleTimeW1: number;
}

export interface Backtest {
  train: { from: number; to: number; cases: number };
  test: { from: number; to: number };
  /** Use cases open at the split, where the simulation starts them. */
  openAtSplit: number;
  model: Forecast;
  naive: Forecast;
  actual: { p50: number; p85: number; p95: number; goLives: number; wipAtEnd: number };
  /**
   * Share of the use cases that went live in the window within each forecast's 85th percentile
   * of days to production (well calibrated: about 85%), and how many there were.
   */
  withinP85: { model: number; naive: number; n: number };
  /** Per measure, which forecast came closer (a tie: 'tie'). */
  closer: Record<BacktestMeasure | 'cycleTimeW1', 'model' | 'naive' | 'tie'>;
  calibration: Calibration;
}

const days = (ms: number): number => ms / MS_PER_DAY;
const sortedCopy = (xs: readonly number[]): number[] => [...xs].sort((a, b) => a - b);
const percentile = (xs: readonly number[], p: number): number =>
  xs.length === 0 ? NaN : quantileSorted(sortedCopy(xs), p);

/** The go-live (or abandonment) time of a case that ended: the end of its last activity. */
const endOf = (c: HistoryCase): number =>
  c.activities.reduce((latest, a) => (Number.isNaN(a.end) ? latest : Math.max(latest, a.end)), -Infinity);

/** What happened between `from` and `to` in `history` (times in ms). */
export function actualOutcome(history: History, from: number, to: number): WindowOutcome {
  const atEnd = historyAt(history, to);
  const cycleTimes: number[] = [];
  for (const c of atEnd.cases) {
    if (c.outcome !== 'live') continue;
    const end = endOf(c);
    if (end > from && end <= to) cycleTimes.push(days(end - c.arrival));
  }
  return { cycleTimes, goLives: cycleTimes.length, wipAtEnd: startedAndOpen(atEnd) };
}

/**
 * Work in progress as a history shows it: use cases that have started an activity and not
 * ended (one that has asked but not started has no row in an activity log, so the model's
 * figure counts the same way).
 */
const startedAndOpen = (h: History): number =>
  h.cases.filter((c) => c.outcome === 'in_progress' && c.activities.length > 0).length;

/** The open use cases of `train` (cut at its export time and normalised, see normalise), where each stood, in the fitted scenario's terms. */
export function openWorkAt(train: History, spec: ScenarioSpec): OpenUseCase[] {
  const open: OpenUseCase[] = [];
  const start = spec.workflow.start;
  for (const c of train.cases) {
    if (c.outcome !== 'in_progress') continue;
    const steps = stepsOf(c);
    const last = steps[steps.length - 1];
    const base = { domain: idOf(c.domain), type: idOf(c.type), age: days(train.exportTime - c.arrival) };
    if (last === undefined) {
      open.push({ ...base, activity: start, state: 'queued' });
      continue;
    }
    const { loop, activity } = placeOf(last.activity);
    const key = `${loop}.${activity}`;
    if (Number.isNaN(last.end))
      open.push({
        ...base,
        activity: key,
        state: 'working',
        effortDone: effortDays(train.exportTime - last.start, WORKING_DAYS_PER_WEEK),
      });
    else open.push({ ...base, activity: key, state: 'done', waited: days(train.exportTime - last.end) });
  }
  return open;
}

/**
 * A forecast figure from its replications: the median and the 2.5% and 97.5% points. A count
 * (`counts`) takes order statistics, values that occurred, so that its interval says plainly
 * whether a count that happened lies inside; other figures interpolate between them.
 */
function predicted(values: readonly number[], counts = false): Predicted {
  const sorted = sortedCopy(values.filter((v) => Number.isFinite(v)));
  if (sorted.length === 0) return { estimate: NaN, pi95: [NaN, NaN] };
  const at = (p: number): number =>
    counts ? sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] : quantileSorted(sorted, p);
  return { estimate: at(0.5), pi95: [at(0.025), at(0.975)] };
}

/** The share of `values` at most `bound` (NaN for none). */
const shareWithin = (values: readonly number[], bound: number): number =>
  values.length === 0 ? NaN : values.filter((v) => v <= bound).length / values.length;

/** Wasserstein-1 distance between two samples: the area between their distribution functions. */
export function wasserstein1(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 || b.length === 0) return NaN;
  const [x, y] = [sortedCopy(a), sortedCopy(b)];
  const points = sortedCopy([...x, ...y]);
  let i = 0;
  let j = 0;
  let area = 0;
  for (let k = 0; k < points.length - 1; k++) {
    while (i < x.length && x[i] <= points[k]) i++;
    while (j < y.length && y[j] <= points[k]) j++;
    area += Math.abs(i / x.length - j / y.length) * (points[k + 1] - points[k]);
  }
  return area;
}

function forecastOf(outcomes: readonly WindowOutcome[], actual: readonly number[]): Forecast {
  const pct = (p: number) => predicted(outcomes.map((o) => percentile(o.cycleTimes, p)));
  return {
    p50: pct(0.5),
    p85: pct(0.85),
    p95: pct(0.95),
    goLives: predicted(
      outcomes.map((o) => o.goLives),
      true,
    ),
    wipAtEnd: predicted(
      outcomes.map((o) => o.wipAtEnd),
      true,
    ),
    cycleTimeW1: wasserstein1(
      outcomes.flatMap((o) => o.cycleTimes),
      actual,
    ),
  };
}

/**
 * The model's forecast: `replications` runs of the calibrated scenario over the window, from
 * the open work at the split, each with a seed of its own; `onReplication` after each (the
 * event loop gets a turn between them, for a progress bar and Ctrl-C).
 */
async function modelOutcomes(
  spec: ScenarioSpec,
  open: OpenUseCase[],
  windowDays: number,
  options: BacktestOptions,
): Promise<WindowOutcome[]> {
  const window: ScenarioSpec = { ...spec, horizon_days: windowDays, warmup_days: 0 };
  const outcomes: WindowOutcome[] = [];
  for (let r = 0; r < options.replications; r++) {
    if (options.signal?.aborted) throw new Error('the back-test was cancelled');
    // seeds of their own per split, so rolling windows are not drawn alike
    outcomes.push(modelReplication(window, open, `${options.seed}/backtest/${options.split}/${r}`));
    options.onReplication?.();
    await new Promise((resolve) => setImmediate(resolve));
  }
  return outcomes;
}

/** One run of the window: what went live in it and what was open at its end. */
function modelReplication(window: ScenarioSpec, open: OpenUseCase[], seed: string): WindowOutcome {
  const run = simulate(window, { seed, log: true, openWork: open });
  const cycleTimes = run.items.filter((i) => i.outcome === 'live').map((i) => i.timeToProduction);
  // counted as in a history (see startedAndOpen): open work that had started before the split
  // (it has the first ids) or started an activity in the window
  const started = new Set(run.log.item.filter((_, k) => run.log.kind[k] === 'activity_start'));
  const wipAtEnd = run.items.filter(
    (i) => i.outcome === 'in_progress' && (started.has(i.id) || (i.id < open.length && open[i.id].state !== 'queued')),
  ).length;
  return { cycleTimes, goLives: cycleTimes.length, wipAtEnd };
}

/** Weeks of the training window the naive forecast resamples: its last year at most. */
const NAIVE_WEEKS = 52;

/**
 * The naive forecast (Monte Carlo over the training window, as forecasting tools make it):
 * each trial draws, for every week of the test window, one of the training window's last weeks
 * (its go-lives, use cases started and abandonments), and as many cycle times as go-lives
 * from those of the training window's go-lives.
 */
function naiveOutcomes(train: History, windowDays: number, trials: number, rng: Rng): WindowOutcome[] {
  const end = train.exportTime;
  const weeks = Math.max(1, Math.min(NAIVE_WEEKS, Math.floor(days(end - train.start) / 7)));
  const from = end - weeks * 7 * MS_PER_DAY;
  const per = Array.from({ length: weeks }, () => ({ live: 0, started: 0, abandoned: 0 }));
  const week = (t: number): number => Math.min(weeks - 1, Math.floor(days(t - from) / 7));
  const cycleTimes: number[] = [];
  for (const c of train.cases) {
    const first = c.activities[0];
    if (first !== undefined && first.start > from) per[week(first.start)].started++;
    if (c.outcome === 'in_progress') continue;
    const ended = endOf(c);
    if (ended <= from) continue;
    if (c.outcome === 'live') {
      per[week(ended)].live++;
      cycleTimes.push(days(ended - c.arrival));
    } else per[week(ended)].abandoned++;
  }
  const openAtSplit = startedAndOpen(train);
  const testWeeks = windowDays / 7;
  return Array.from({ length: trials }, (): WindowOutcome => {
    let live = 0;
    let started = 0;
    let abandoned = 0;
    for (let w = 0; w < Math.ceil(testWeeks); w++) {
      const share = Math.min(1, testWeeks - w); // the last week may be part of one
      const sample = per[Math.floor(rng() * weeks)];
      live += sample.live * share;
      started += sample.started * share;
      abandoned += sample.abandoned * share;
    }
    const goLives = Math.round(live);
    const drawn =
      cycleTimes.length === 0
        ? []
        : Array.from({ length: goLives }, () => cycleTimes[Math.floor(rng() * cycleTimes.length)]);
    return { cycleTimes: drawn, goLives, wipAtEnd: Math.max(0, Math.round(openAtSplit + started - live - abandoned)) };
  });
}

function closerOf(model: Forecast, naive: Forecast, actual: Backtest['actual']): Backtest['closer'] {
  const pick = (m: number, n: number): 'model' | 'naive' | 'tie' =>
    !Number.isFinite(m) || !Number.isFinite(n) || Math.abs(m - n) < 1e-9 ? 'tie' : m < n ? 'model' : 'naive';
  const closer = Object.fromEntries(
    BACKTEST_MEASURES.map((k) => [
      k,
      pick(Math.abs(model[k].estimate - actual[k]), Math.abs(naive[k].estimate - actual[k])),
    ]),
  ) as Backtest['closer'];
  closer.cycleTimeW1 = pick(model.cycleTimeW1, naive.cycleTimeW1);
  return closer;
}

export interface BacktestOptions {
  /** The split (epoch ms): calibrate on what was known then. */
  split: number;
  /** The end of the test window (epoch ms; default: the history's export time). */
  until?: number;
  replications: number;
  seed: number;
  rng: Rng;
  name?: string;
  /** Called after each replication of the model. */
  onReplication?: () => void;
  signal?: AbortSignal;
}

/** Fewest use cases gone live in the training window to back-test at all (the naive forecast resamples their cycle times). */
export const MIN_TRAINING_GO_LIVES = 10;

/** Back-tests `history` at `options.split`; see the file's comment. */
export async function backtest(history: History, options: BacktestOptions): Promise<Backtest> {
  const until = options.until ?? history.exportTime;
  if (!(options.split > history.start && options.split < until))
    throw new RangeError('the split must fall inside the history, after its first arrival and before its end');
  const notes = [...history.notes];
  const train = normalise(historyAt(history, options.split), notes);
  const wentLive = train.cases.filter((c) => c.outcome === 'live').length;
  if (wentLive < MIN_TRAINING_GO_LIVES)
    throw new HistoryError(
      `the training window (to ${dayText(options.split)}) holds ${wentLive} use cases that went live: too few to forecast from (at least ${MIN_TRAINING_GO_LIVES})`,
      history.has.outcome || wentLive > 0
        ? 'split later (--split closer to 1, or a later --train-until)'
        : 'split later; an activity log without an outcome column needs --live-activity to say which activity ends a live use case',
    );
  const calibration = calibrateNormalised(train, options.rng, options.name ?? 'Calibrated from history', notes);
  const windowDays = days(until - options.split);
  const open = openWorkAt(train, calibration.spec);
  const actualWindow = actualOutcome(history, options.split, until);
  const actual = {
    p50: percentile(actualWindow.cycleTimes, 0.5),
    p85: percentile(actualWindow.cycleTimes, 0.85),
    p95: percentile(actualWindow.cycleTimes, 0.95),
    goLives: actualWindow.goLives,
    wipAtEnd: actualWindow.wipAtEnd,
  };
  const model = forecastOf(await modelOutcomes(calibration.spec, open, windowDays, options), actualWindow.cycleTimes);
  const naive = forecastOf(
    naiveOutcomes(train, windowDays, options.replications, options.rng),
    actualWindow.cycleTimes,
  );
  return {
    train: { from: train.start, to: options.split, cases: train.cases.length },
    test: { from: options.split, to: until },
    openAtSplit: open.length,
    model,
    naive,
    actual,
    withinP85: {
      model: shareWithin(actualWindow.cycleTimes, model.p85.estimate),
      naive: shareWithin(actualWindow.cycleTimes, naive.p85.estimate),
      n: actualWindow.cycleTimes.length,
    },
    closer: closerOf(model, naive, actual),
    calibration,
  };
}
