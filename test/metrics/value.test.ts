/**
 * Value, cost of delay and people cost per year, worked out by hand on a window of one year
 * (days 100 to 465) and a type worth 365 a year (1 a day): a use case live on day 150 earns
 * 315 in the window; one that arrived on day 50 waited 50 days of the window; one still open
 * since day 300 waited 165; an abandoned one and one of a type of no value count for nothing.
 */
import { describe, expect, it } from 'vitest';
import { replicationMetrics } from '../../src/metrics/replication-metrics.js';
import { emptyFlow, item } from '../analysis/synthetic.js';

const run = (valuePerYear: Record<string, number>) =>
  replicationMetrics({
    items: [
      item(1, 50, 150, { type: 'model' }),
      item(2, 300, Number.NaN, { type: 'model' }),
      item(3, 120, 200, { type: 'model', outcome: 'abandoned', timeToProduction: Number.NaN }),
      item(4, 110, 160, { type: 'report' }),
    ],
    pools: [],
    warmup: 100,
    horizon: 465,
    peopleCost: 730,
    valuePerYear,
    flow: emptyFlow(),
  });

describe('value, cost of delay and people cost', () => {
  it('count each live use case from its go-live, and each wait within the window, per year', () => {
    const m = run({ model: 365, report: 0 });
    expect(m.valuePerYear).toBeCloseTo(315, 9);
    expect(m.costOfDelayPerYear).toBeCloseTo(50 + 165, 9);
    expect(m.peopleCostPerYear).toBeCloseTo(730, 9);
    expect(m.netValuePerYear).toBeCloseTo(315 - 730, 9);
  });

  it('scale with the value, and are not given where no type has any', () => {
    const twice = run({ model: 730, report: 0 });
    expect(twice.valuePerYear).toBeCloseTo(630, 9);
    expect(twice.costOfDelayPerYear).toBeCloseTo(430, 9);
    // no type with a value: the value figures are not given (NaN), not 0; the people cost stands
    const none = run({ model: 0, report: 0 });
    expect(none.valuePerYear).toBeNaN();
    expect(none.costOfDelayPerYear).toBeNaN();
    expect(none.netValuePerYear).toBeNaN();
    expect(none.peopleCostPerYear).toBeCloseTo(730, 9);
  });
});
