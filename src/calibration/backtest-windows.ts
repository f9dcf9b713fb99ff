/**
 * Where back-tests split a history, and how a run of them scores. One window ends with the
 * history; `rolling` windows of the same length lie back to back, the last ending there, so
 * that each is forecast from what was known at its own split. Their score is how often what
 * happened fell inside the forecasts: the share of go-lives within each forecast's 85th
 * percentile (well calibrated: about 85%) and how often the actual 85th percentile fell inside
 * each forecast's 95% interval.
 */
import { RandomStreams } from '../random/index.js';
import { type Backtest, type BacktestMeasure, type BacktestOptions, backtest, type Predicted } from './backtest.js';
import { MS_PER_DAY } from './fit-workflow.js';
import type { History } from './history.js';
import { dayText } from './timestamps.js';

/** A split that leaves no history on one side, or rolling windows that leave too little to train on. */
export class BacktestWindowError extends Error {}

export interface WindowChoice {
  /** The split (epoch ms); else `split` of the history, by time. */
  trainUntil?: number;
  /** Share of the history, by time, before the split (default 0.8). */
  split?: number;
  /** Windows, back to back, the last ending with the history (default 1). */
  rolling?: number;
}

export interface TestWindow {
  split: number;
  until: number;
}

/** The test windows of `history` for `choice`; see the file's comment. */
export function backtestWindows(history: History, choice: WindowChoice = {}): TestWindow[] {
  const end = history.exportTime;
  const rolling = choice.rolling ?? 1;
  const split = choice.trainUntil ?? history.start + (choice.split ?? 0.8) * (end - history.start);
  const length = end - split;
  if (!(split > history.start && length > 0))
    throw new BacktestWindowError(
      `the split ${dayText(split)} is outside the history (${dayText(history.start)} to ${dayText(end)}): it must leave some history on each side`,
    );
  const list = Array.from({ length: rolling }, (_, k) => {
    const until = end - (rolling - 1 - k) * length;
    return { split: until - length, until };
  });
  if (rolling > 1 && list[0].split - history.start < length)
    throw new BacktestWindowError(
      `the first of ${rolling} windows of ${Math.round(length / MS_PER_DAY)} days would leave less training history than one window: use fewer or shorter windows (a split closer to 1)`,
    );
  return list;
}

/** Back-tests `history` in each of `windows`, one after the other, each with random streams of its own for `seed`. */
export async function backtestEach(
  history: History,
  windows: readonly TestWindow[],
  options: Omit<BacktestOptions, 'split' | 'until' | 'rng'>,
): Promise<Backtest[]> {
  const results: Backtest[] = [];
  for (const w of windows)
    results.push(
      await backtest(history, {
        ...options,
        ...w,
        rng: new RandomStreams(options.seed).stream(`backtest/${w.split}`),
      }),
    );
  return results;
}

/** Whether what happened, `x`, lies inside a forecast's 95% interval. */
export const insideInterval = (p: Predicted, x: number): boolean => x >= p.pi95[0] && x <= p.pi95[1];

export interface RollingCoverage {
  windows: number;
  /** Use cases that went live in the windows. */
  goLives: number;
  /** Share of them within each forecast's 85th percentile (NaN with none). */
  withinP85: { model: number; naive: number };
  /** Windows whose actual 85th percentile fell inside each forecast's 95% interval. */
  p85Inside: { model: number; naive: number };
}

/** How a run of back-tests scores; see the file's comment. */
export function rollingCoverage(results: readonly Backtest[]): RollingCoverage {
  const n = results.reduce((s, b) => s + b.withinP85.n, 0);
  const share = (k: 'model' | 'naive'): number =>
    results.reduce((s, b) => s + (Number.isFinite(b.withinP85[k]) ? b.withinP85[k] * b.withinP85.n : 0), 0) / n;
  const inside = (k: 'model' | 'naive'): number => results.filter((b) => insideInterval(b[k].p85, b.actual.p85)).length;
  return {
    windows: results.length,
    goLives: n,
    withinP85: { model: n > 0 ? share('model') : Number.NaN, naive: n > 0 ? share('naive') : Number.NaN },
    p85Inside: { model: inside('model'), naive: inside('naive') },
  };
}

/** What each measure of a back-test is, in words. */
export const BACKTEST_LABELS: Record<BacktestMeasure | 'cycleTimeW1', string> = {
  p50: 'Median days to production',
  p85: '85th percentile days',
  p95: '95th percentile days',
  goLives: 'Go-lives in the window',
  wipAtEnd: 'Work in progress at its end',
  cycleTimeW1: 'Distance of cycle times (W1, days)',
};
