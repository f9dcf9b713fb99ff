import { describe, expect, it } from 'vitest';
import {
  type Backtest,
  BacktestWindowError,
  backtestWindows,
  type History,
  rollingCoverage,
} from '../../src/calibration/index.js';

const DAY = 86_400_000;
const history = { start: 0, exportTime: 1000 * DAY } as History;

describe('back-test windows', () => {
  it('splits at a share of the history by time, or at a given time', () => {
    expect(backtestWindows(history)).toEqual([{ split: 800 * DAY, until: 1000 * DAY }]);
    expect(backtestWindows(history, { split: 0.5 })).toEqual([{ split: 500 * DAY, until: 1000 * DAY }]);
    expect(backtestWindows(history, { trainUntil: 900 * DAY })).toEqual([{ split: 900 * DAY, until: 1000 * DAY }]);
  });

  it('lays rolling windows back to back, the last ending with the history', () => {
    expect(backtestWindows(history, { split: 0.8, rolling: 3 })).toEqual([
      { split: 400 * DAY, until: 600 * DAY },
      { split: 600 * DAY, until: 800 * DAY },
      { split: 800 * DAY, until: 1000 * DAY },
    ]);
  });

  it('refuses a split outside the history, and windows that leave less training than one window', () => {
    expect(() => backtestWindows(history, { trainUntil: -DAY })).toThrow(BacktestWindowError);
    expect(() => backtestWindows(history, { trainUntil: 1000 * DAY })).toThrow(/outside the history/);
    expect(() => backtestWindows(history, { split: 0.5, rolling: 2 })).toThrow(/less training history/);
    expect(() => backtestWindows(history, { split: 0.6, rolling: 2 })).toThrow(/less training history/); // 200 days before 400
    expect(backtestWindows(history, { split: 0.7, rolling: 2 })).toHaveLength(2); // 400 days before 300
  });
});

const scored = (p85: [number, number], actual: number, model: number, naive: number, n: number): Backtest =>
  ({
    model: { p85: { estimate: 0, pi95: p85 } },
    naive: { p85: { estimate: 0, pi95: [0, 1] } },
    actual: { p85: actual },
    withinP85: { model, naive, n },
  }) as unknown as Backtest;

describe('rolling coverage', () => {
  it('weighs each window by its go-lives, and counts the windows whose actual p85 lies inside', () => {
    const c = rollingCoverage([scored([10, 20], 15, 0.9, 0.5, 10), scored([10, 20], 25, 0.6, 1, 30)]);
    expect(c.windows).toBe(2);
    expect(c.goLives).toBe(40);
    expect(c.withinP85.model).toBeCloseTo((0.9 * 10 + 0.6 * 30) / 40, 12);
    expect(c.withinP85.naive).toBeCloseTo((0.5 * 10 + 30) / 40, 12);
    expect(c.p85Inside).toEqual({ model: 1, naive: 0 });
  });

  it('has no shares when nothing went live', () => {
    const c = rollingCoverage([scored([10, 20], 15, Number.NaN, Number.NaN, 0)]);
    expect(c.goLives).toBe(0);
    expect(c.withinP85.model).toBeNaN();
  });
});
