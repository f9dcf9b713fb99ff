/**
 * Value, cost of delay and people cost per year, worked out by hand on a window of one year
 * (days 100 to 465) and a type worth 365 a year: a use case live on day 150 adds 365 a year;
 * one that arrived on day 50 waited 50 days of the window (worth 50), one still open since
 * day 300 waited 165; an abandoned one and one of a type of no value count for nothing.
 */
import { describe, expect, it } from 'vitest';
import { replicationMetrics } from '../../src/metrics/replication-metrics.js';
import { emptyFlow, item } from '../analysis/synthetic.js';

const run = (valuePerYear: Record<string, number>, horizon = 465, later: number[] = []) =>
  replicationMetrics({
    items: [
      item(1, 50, 150, { type: 'model' }),
      item(2, 300, Number.NaN, { type: 'model' }),
      item(3, 120, 200, { type: 'model', outcome: 'abandoned', timeToProduction: Number.NaN }),
      item(4, 110, 160, { type: 'report' }),
      ...later.map((end, k) => item(10 + k, end - 10, end, { type: 'model' })),
    ],
    pools: [],
    warmup: 100,
    horizon,
    peopleCost: 730 * ((horizon - 100) / 365),
    valuePerYear,
    flow: emptyFlow(),
  });

describe('value, cost of delay and people cost', () => {
  it("count each go-live's yearly value, and each wait within the window, per year", () => {
    const m = run({ model: 365 });
    expect(m.valuePerYear).toBeCloseTo(365, 9);
    expect(m.costOfDelayPerYear).toBeCloseTo(50 + 165, 9);
    expect(m.peopleCostPerYear).toBeCloseTo(730, 9);
    expect(m.netValuePerYear).toBeCloseTo(365 - 730, 9);
  });

  it('do not grow with the length of the run: a second year with as many go-lives gives the same figure', () => {
    // one more go-live in the second year (day 600), the open one waiting all of it
    const two = run({ model: 365 }, 830, [600]);
    expect(two.valuePerYear).toBeCloseTo(365, 9);
    expect(two.peopleCostPerYear).toBeCloseTo(730, 9);
  });

  it('scale with the value; 0 given is 0, and none given is not a figure', () => {
    expect(run({ model: 730 }).valuePerYear).toBeCloseTo(730, 9);
    expect(run({ model: 730 }).costOfDelayPerYear).toBeCloseTo(430, 9);
    const zero = run({ model: 0, report: 0 });
    expect(zero.valuePerYear).toBe(0);
    expect(zero.costOfDelayPerYear).toBe(0);
    const none = run({});
    expect(none.valuePerYear).toBeNaN();
    expect(none.costOfDelayPerYear).toBeNaN();
    expect(none.netValuePerYear).toBeNaN();
    expect(none.peopleCostPerYear).toBeCloseTo(730, 9);
  });
});
