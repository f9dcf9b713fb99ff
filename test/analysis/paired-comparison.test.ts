/**
 * Paired comparisons from hand-made replications: the differences replication by replication,
 * their mean and Student t interval worked out by hand, the statement that reads them, and
 * "No comparison" when a replication did not reach the statistic.
 */
import { describe, expect, it } from 'vitest';
import { compareScenarios, type Comparison } from '../../src/analysis/paired-comparison.js';
import { differenceText } from '../../src/analysis/estimate-text.js';
import type { Verdict } from '../../src/analysis/stability.js';
import type { ReplicationMetrics } from '../../src/metrics/replication-metrics.js';
import { close, experimentOf, interval3, metrics, scenario, ttp } from './synthetic.js';

const p50s = (xs: number[]) => xs.map((p50) => ttp({ mean: 100, p50, p85: 150, p95: 200 }));

/** Three paired replications of A and B (B has a fourth, unpaired). */
function pair(a: Partial<ReplicationMetrics>[], b: Partial<ReplicationMetrics>[]) {
  return experimentOf([
    scenario(
      'A',
      a.map((m) => metrics(m)),
    ),
    scenario(
      'B',
      b.map((m) => metrics(m)),
    ),
  ]);
}

const standard = pair(
  p50s([10, 20, 30]).map((t, r) => ({ timeToProduction: t, throughputPerYear: [100, 200, 300][r] })),
  p50s([15, 26, 40, 1000]).map((t, r) => ({ timeToProduction: t, throughputPerYear: [50, 150, 240, 0][r] })),
);

const on = (comparisons: Comparison[], metric: string): Comparison => {
  const c = comparisons.find((x) => x.metric === metric);
  if (!c) throw new Error(`no comparison of ${metric}`);
  return c;
};

describe('a paired comparison', () => {
  it('gives the mean difference and ratio over the paired replications with their intervals', () => {
    const c = on(compareScenarios(standard, 'A', 'B'), 'timeToProduction.p50');
    expect([c.a, c.b, c.label, c.replications]).toEqual(['A', 'B', 'median time to production', 3]);
    expect(c.difference).toBeCloseTo(-7, 12);
    close(c.ci95, interval3([-5, -6, -10]));
    expect(c.ratio).toBeCloseTo((10 / 15 + 20 / 26 + 30 / 40) / 3, 12);
    close(c.ratioCi95, interval3([10 / 15, 20 / 26, 30 / 40]));
  });

  it('compares every compared metric, in order', () => {
    expect(compareScenarios(standard, 0, 1).map((c) => c.metric)).toEqual([
      'timeToProduction.p50',
      'timeToProduction.p85',
      'timeToProduction.p95',
      'throughputPerYear',
      'costPerGoLive',
      'abandonmentRate',
    ]);
  });

  it('says the lower median is better, by how much and how sure', () => {
    const c = on(compareScenarios(standard, 'A', 'B'), 'timeToProduction.p50');
    expect(c.better).toBe('A');
    expect(c.caveat).toBeNull();
    expect(c.statement).toBe(
      'A is better on median time to production: A beats B by 7.00 days (27%; 95% CI 0.43 days to 13.6 days), over 3 paired replications.',
    );
  });

  it('says the higher throughput is better, whichever side it is on', () => {
    expect(on(compareScenarios(standard, 'A', 'B'), 'throughputPerYear')).toMatchObject({
      better: 'A',
      statement:
        'A is better on go-lives per year: A beats B by 53.3 per year (53%; 95% CI 39.0 per year to 67.7 per year), over 3 paired replications.',
    });
    expect(on(compareScenarios(standard, 'B', 'A'), 'throughputPerYear')).toMatchObject({
      better: 'A',
      statement:
        'A is better on go-lives per year: B trails A by 53.3 per year (32%; 95% CI 39.0 per year to 67.7 per year), over 3 paired replications.',
    });
  });

  it('says a higher cost trails, with amounts of 100 and more rounded and grouped', () => {
    const costs = pair(
      [2234, 2334, 2434].map((costPerGoLive) => ({ costPerGoLive })),
      [1000, 1100, 1200].map((costPerGoLive) => ({ costPerGoLive })),
    );
    expect(on(compareScenarios(costs, 'A', 'B'), 'costPerGoLive')).toMatchObject({
      better: 'B',
      statement:
        'B is better on cost per go-live: A trails B by 1,234 (113%; 95% CI 1,234 to 1,234), over 3 paired replications.',
    });
  });

  it('gives amounts of exactly 100 without decimals, of 10 to 100 with one, and under 10 with two', () => {
    const by = (d: number) =>
      on(
        compareScenarios(
          pair(
            [1, 2, 3].map((x) => ({ costPerGoLive: 1000 + x + d })),
            [1, 2, 3].map((x) => ({ costPerGoLive: 1000 + x })),
          ),
          'A',
          'B',
        ),
        'costPerGoLive',
      ).statement.replace(/ \(.*/, '');
    expect(by(100)).toBe('B is better on cost per go-live: A trails B by 100');
    expect(by(10)).toBe('B is better on cost per go-live: A trails B by 10.0');
    expect(by(9.5)).toBe('B is better on cost per go-live: A trails B by 9.50');
  });

  it('says the lower abandonment rate is better', () => {
    const abandonment = pair(
      [0.1, 0.2, 0.3].map((abandonmentRate) => ({ abandonmentRate })),
      [0.3, 0.4, 0.5].map((abandonmentRate) => ({ abandonmentRate })),
    );
    expect(on(compareScenarios(abandonment, 'A', 'B'), 'abandonmentRate')).toMatchObject({
      label: 'abandonment rate',
      better: 'A',
      statement:
        'A is better on abandonment rate: A beats B by 0.20 (52%; 95% CI 0.20 to 0.20), over 3 paired replications.',
    });
  });

  it('finds no clear difference when the interval includes zero', () => {
    const mixed = pair(
      [100, 200, 300].map((throughputPerYear) => ({ throughputPerYear })),
      [110, 190, 320].map((throughputPerYear) => ({ throughputPerYear })),
    );
    const c = on(compareScenarios(mixed, 'A', 'B'), 'throughputPerYear');
    expect(c.better).toBeNull();
    expect(c.statement).toBe(
      'No clear difference on go-lives per year between A and B: the 95% CI of the difference (-44.6 per year to 31.3 per year) includes zero, over 3 paired replications.',
    );
  });

  it('says the two do not differ when every pair is equal, and shows no change', () => {
    const c = on(compareScenarios(standard, 'A', 'B'), 'timeToProduction.p85');
    expect([c.difference, c.ratio, c.better]).toEqual([0, 1, null]);
    expect(c.statement).toBe(
      'A and B do not differ on 85th percentile time to production: every one of the 3 paired replications gave the same figure.',
    );
    expect(differenceText(c, 0, 1, '')).toBe('no change');
    expect(differenceText({ ...c, ci95: [-1, 1] }, 0, 1, '')).toBe('~ 0 (-1 to +1)');
  });

  it('makes no comparison of a percentile that some replication of either side does not reach', () => {
    const unreached = pair(
      [
        { timeToProduction: ttp({ mean: 1, p50: 1, p85: 1, p95: NaN }, { p95: 300 }) },
        { timeToProduction: ttp({ mean: 1, p50: 1, p85: 1, p95: 5 }) },
        { timeToProduction: ttp({ mean: 1, p50: 1, p85: 1, p95: 5 }) },
      ],
      [
        { timeToProduction: ttp({ mean: 1, p50: 2, p85: 1, p95: 9 }) },
        { timeToProduction: ttp({ mean: 1, p50: 2, p85: 1, p95: NaN }, { p95: 300 }) },
        { timeToProduction: ttp({ mean: 1, p50: 2, p85: 1, p95: 9 }) },
      ],
    );
    const c = on(
      compareScenarios(unreached, 'A', 'B', new Map([['A', 'does-not-keep-up' as Verdict]])),
      'timeToProduction.p95',
    );
    expect(c).toEqual({
      a: 'A',
      b: 'B',
      metric: 'timeToProduction.p95',
      label: '95th percentile time to production',
      unit: 'days',
      replications: 3,
      caveat: 'Caveat: A does not keep up with demand, so its time to production grows with the length of the run.',
      difference: NaN,
      ci95: [NaN, NaN],
      ratio: NaN,
      ratioCi95: [NaN, NaN],
      better: null,
      statement:
        'No comparison of 95th percentile time to production between A and B: it is not reached within the run (or not defined) in 2 of 3 replications; run longer (--horizon) or read the stability verdicts.',
    });
    expect(on(compareScenarios(unreached, 'A', 'B'), 'timeToProduction.p50').better).toBe('A');
  });

  it('names the scenario it cannot find', () => {
    expect(() => compareScenarios(standard, 'X', 'B')).toThrow(new RangeError('no scenario X in this experiment'));
    expect(() => compareScenarios(standard, 0, 5)).toThrow(new RangeError('no scenario 5 in this experiment'));
  });
});

describe('the caveat on time to production', () => {
  const caveatOf = (verdicts: [string, Verdict][]) =>
    on(compareScenarios(standard, 'A', 'B', new Map(verdicts)), 'timeToProduction.p50').caveat;

  it('names each configuration that does not keep up, or may not', () => {
    expect(
      caveatOf([
        ['A', 'does-not-keep-up'],
        ['B', 'does-not-keep-up'],
      ]),
    ).toBe('Caveat: A and B do not keep up with demand, so their time to production grows with the length of the run.');
    expect(
      caveatOf([
        ['A', 'cannot-tell'],
        ['B', 'cannot-tell'],
      ]),
    ).toBe('Caveat: it is not yet clear whether A and B keep up with demand (run more replications).');
    expect(
      caveatOf([
        ['A', 'keeps-up'],
        ['B', 'cannot-tell'],
      ]),
    ).toBe('Caveat: it is not yet clear whether B keeps up with demand (run more replications).');
    expect(
      caveatOf([
        ['A', 'cannot-tell'],
        ['B', 'does-not-keep-up'],
      ]),
    ).toBe(
      'Caveat: B does not keep up with demand, so its time to production grows with the length of the run; it is not yet clear whether A keeps up with demand (run more replications).',
    );
    expect(
      caveatOf([
        ['A', 'keeps-up'],
        ['B', 'keeps-up'],
      ]),
    ).toBeNull();
  });

  it('goes with the statements on time to production only', () => {
    const comparisons = compareScenarios(standard, 'A', 'B', new Map([['B', 'does-not-keep-up' as Verdict]]));
    const caveat =
      'Caveat: B does not keep up with demand, so its time to production grows with the length of the run.';
    expect(on(comparisons, 'timeToProduction.p50').statement).toMatch(/ over 3 paired replications\. Caveat: B does/);
    expect(on(comparisons, 'timeToProduction.p85').caveat).toBe(caveat);
    expect(on(comparisons, 'throughputPerYear').caveat).toBeNull();
    expect(on(comparisons, 'throughputPerYear').statement).not.toMatch(/Caveat/);
  });

  it('summarises a configuration whose verdict is not given', () => {
    const overloaded = experimentOf([
      scenario('A', [metrics(), metrics(), metrics()]),
      scenario(
        'B',
        [1, 1, 1].map((u) => metrics({ utilization: { 'hub/ml': u } })),
      ),
    ]);
    expect(on(compareScenarios(overloaded, 'A', 'B'), 'timeToProduction.p50').caveat).toBe(
      'Caveat: B does not keep up with demand, so its time to production grows with the length of the run.',
    );
    const known = new Map([['B', 'keeps-up' as Verdict]]);
    expect(on(compareScenarios(overloaded, 'A', 'B', known), 'timeToProduction.p50').caveat).toBeNull();
  });
});
