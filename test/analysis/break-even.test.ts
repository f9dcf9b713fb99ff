/**
 * The break-even of a what-if, on curves made by hand: replication r of the what-if has a
 * cumulative net value of -10 + 4m + e_r at the end of month m against the baseline's 0, with
 * e = -1, 0, 1. The mean crosses 0 between months 2 and 3; the 95% interval's half-width is
 * t(2) / sqrt(3) (the deviations' standard deviation is 1), so its upper bound is at or above
 * 0 from month 2 on and its lower bound from month 4 on.
 */
import { describe, expect, it } from 'vitest';
import { breakEven } from '../../src/analysis/break-even.js';
import { experimentOf, metrics, scenario, T2 } from './synthetic.js';

const baseline = (months: number, n = 3) =>
  scenario(
    'Base',
    Array.from({ length: n }, () => metrics({ peopleCostPerYear: 100, netValueByMonth: Array(months).fill(0) })),
    { currency: 'EUR' },
  );
const variant = (curve: (month: number, r: number) => number, months = 6, n = 3, cost = 130) =>
  scenario(
    'Hire',
    Array.from({ length: n }, (_, r) =>
      metrics({
        peopleCostPerYear: cost,
        netValueByMonth: Array.from({ length: months }, (_, k) => curve(k + 1, r)),
      }),
    ),
    { currency: 'EUR' },
  );
const noise = [-1, 0, 1];

describe('break-even of a what-if', () => {
  it('is the first month from which the mean difference stays at or above 0, with the months where the interval holds 0', () => {
    const result = breakEven(experimentOf([variant((m, r) => -10 + 4 * m + noise[r]), baseline(6)]), 'Hire', 'Base');
    expect(result?.months).toBe(3);
    expect(result?.ci95).toEqual([2, 4]);
    expect(result?.extraCostPerYear).toBe(30);
    expect(result?.curve[0].difference).toBeCloseTo(-6, 9);
    const half = T2 / Math.sqrt(3);
    expect(result?.curve[0].ci95[1]).toBeCloseTo(-6 + half, 9);
    expect(result?.statement).toContain('costs 30 EUR a year more in people than Base');
    expect(result?.statement).toContain('after 3 months (approximate 95% CI 2 to 4 months)');
  });

  it('counts only a crossing that lasts: a difference that dips below 0 again starts over', () => {
    const dips = [1, -1, 2, 3, 4, 5];
    const result = breakEven(
      experimentOf([variant((m, r) => dips[m - 1] + noise[r] / 100), baseline(6)]),
      'Hire',
      'Base',
    );
    expect(result?.months).toBe(3);
  });

  it('says so when the value does not cover the cost within the run, and the interval is open-ended when only its lower bound fails', () => {
    const never = breakEven(experimentOf([variant((m, r) => -m + noise[r]), baseline(6)]), 'Hire', 'Base');
    expect(never?.months).toBeNull();
    expect(never?.ci95[1]).toBeNull();
    expect(never?.statement).toContain("does not cover that within the run's 6 months");
    // the mean reaches 0 at month 6 but its lower bound never does
    const late = breakEven(experimentOf([variant((m, r) => m - 6 + 3 * noise[r]), baseline(6)]), 'Hire', 'Base');
    expect(late?.months).toBe(6);
    expect(late?.ci95[1]).toBeNull();
    expect(late?.statement).toContain('to beyond the run');
  });

  it('is not computed for a what-if that costs no more, or where no type has a value', () => {
    expect(breakEven(experimentOf([variant((m) => m, 6, 3, 100), baseline(6)]), 'Hire', 'Base')).toBeNull();
    expect(breakEven(experimentOf([variant((m) => m, 0), baseline(0)]), 'Hire', 'Base')).toBeNull();
  });

  it('gives no interval from one replication', () => {
    const one = breakEven(experimentOf([variant((m) => m - 2, 6, 1), baseline(6, 1)]), 'Hire', 'Base');
    expect(one?.months).toBe(2);
    expect(one?.ci95).toEqual([null, null]);
    expect(one?.statement).toContain('no interval from one replication');
  });

  it('refuses scenarios of different currencies', () => {
    const usd = { ...baseline(6), currency: 'USD' };
    expect(() => breakEven(experimentOf([variant((m) => m), usd]), 'Hire', 'Base')).toThrow(/different currencies/);
  });
});
