/**
 * Value, cost of delay and people cost per year, worked out by hand on a window of one year
 * (days 100 to 465) and a type worth 365 a year: a use case live on day 150 adds 365 a year;
 * one that arrived on day 50 waited 50 days of the window (worth 50), one still open since
 * day 300 waited 165; an abandoned one and one of a type of no value count for nothing.
 */
import { describe, expect, it } from 'vitest';
import { netValueByMonth, replicationMetrics } from '../../src/metrics/replication-metrics.js';
import { DAYS_PER_MONTH } from '../../src/scenario/time-units.js';
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
    groups: [],
    periods: [],
    changes: [],
    statisticsFrom: 0,
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

  it('give the value forgone per use case arrived in the window and not abandoned, open ones up to the end', () => {
    // arrived in the window (from day 100): the open one since 300 (165 days) and, worth nothing, the report; the
    // one that arrived on day 50 is before the window, the abandoned one never counts
    expect(run({ model: 365 }).costOfDelayPerUseCase).toBeCloseTo(165, 9);
    // a go-live in the second year: waited 10 days; the open one now waits 530
    expect(run({ model: 365 }, 830, [600]).costOfDelayPerUseCase).toBeCloseTo((530 + 10) / 2, 9);
    expect(run({}).costOfDelayPerUseCase).toBeNaN();
  });
});

describe('costs not given', () => {
  it('are not a figure, rather than 0: no cost per go-live, people cost or net value where no role has a cost', () => {
    const m = replicationMetrics({
      items: [item(1, 150, 200, { type: 'model' })],
      pools: [],
      groups: [],
      periods: [],
      changes: [],
      statisticsFrom: 0,
      warmup: 100,
      horizon: 465,
      peopleCost: 0,
      valuePerYear: { model: 365 },
      flow: emptyFlow(),
    });
    expect(m.costPerGoLive).toBeNaN();
    expect(m.peopleCostPerYear).toBeNaN();
    expect(m.netValuePerYear).toBeNaN();
    expect(m.valuePerYear).toBeCloseTo(365, 9);
  });
});

describe('net value by month', () => {
  // a year of 12 months from day 0, people cost 365 a year (1 a day), a type worth 365 a year (1 a day once live)
  const month = DAYS_PER_MONTH;
  const netValue = (ends: number[], valuePerYear: Record<string, number> = { model: 365 }) =>
    netValueByMonth({
      items: [
        ...ends.map((end, k) => item(k + 1, 0, end, { type: 'model' })),
        item(99, 0, 20, { type: 'model', outcome: 'abandoned' }),
      ],
      warmup: 0,
      horizon: 365,
      peopleCost: 365,
      valuePerYear,
    });

  it('earns each go-live its value from that day on, less the people cost from day 0', () => {
    const curve = netValue([month * 2, month * 2 + 10]);
    expect(curve).toHaveLength(12);
    expect(curve[0]).toBeCloseTo(-month, 9);
    expect(curve[1]).toBeCloseTo(-2 * month, 9);
    // by the end of month 3: the first live for a month, the second for a month less 10 days
    expect(curve[2]).toBeCloseTo(month + (month - 10) - 3 * month, 9);
    // two live earn 2 a day against a cost of 1: the curve rises by a month a month
    expect(curve[11] - curve[10]).toBeCloseTo(month, 9);
  });

  it('is empty where no type has a value', () => {
    expect(netValue([30], {})).toEqual([]);
  });
});
