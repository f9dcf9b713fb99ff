/**
 * Summaries over replications from hand-made replication metrics: every estimate is the mean
 * with its Student t interval, worked out by hand; a percentile some replication did not
 * reach is a lower bound alone.
 */
import { describe, expect, it } from 'vitest';
import { summariseExperiment, summariseScenario } from '../../src/analysis/experiment-summary.js';
import { close, experimentOf, interval3, metrics, replication, scenario, ttp } from './synthetic.js';

describe('a summary over replications', () => {
  it('gives the name, the replications, the seed and the content hash', () => {
    const s = summariseScenario(scenario('A', [metrics(), metrics()], { hash: 'abc' }), 42);
    expect([s.name, s.replications, s.seed, s.hash]).toEqual(['A', 2, 42, 'abc']);
    expect('hash' in summariseScenario(scenario('A', [metrics()]), 42)).toBe(false);
  });

  it('gives each metric as its mean with the 95% Student t interval', () => {
    const s = summariseScenario(
      scenario(
        'A',
        [1, 2, 6].map((x) => metrics({ throughputPerYear: x })),
      ),
      1,
    );
    expect(s.throughputPerYear.estimate).toBeCloseTo(3, 12);
    close(s.throughputPerYear.ci95, interval3([1, 2, 6]));
  });

  it('keeps the interval of a share within 0 and 1, and leaves other metrics unclamped', () => {
    const ms = [0, 1, 0.5].map((x) => metrics({ abandonmentRate: x, unfinishedShare: x, flowEfficiency: x }));
    const s = summariseScenario(
      scenario(
        'A',
        ms.map((m, i) => ({ ...m, handoversPerItem: [0, 1, 0.5][i] })),
      ),
      1,
    );
    for (const share of [s.abandonmentRate, s.unfinishedShare, s.flowEfficiency]) {
      expect(share.estimate).toBeCloseTo(0.5, 12);
      expect(share.ci95).toEqual([0, 1]);
    }
    close(s.handoversPerItem.ci95, interval3([0, 1, 0.5]));
    expect(s.handoversPerItem.ci95[0]).toBeLessThan(0);
  });

  it('clamps a share interval only on the side that overshoots', () => {
    const s = summariseScenario(
      scenario(
        'A',
        [0.9, 0.95, 1].map((x) => metrics({ flowEfficiency: x })),
      ),
      1,
    );
    expect(s.flowEfficiency.ci95[0]).toBeCloseTo(interval3([0.9, 0.95, 1])[0], 12);
    expect(s.flowEfficiency.ci95[1]).toBe(1);
  });

  it('gives time to production with intervals when every replication reached it, and a bound when one did not', () => {
    const ms = [
      metrics({ timeToProduction: ttp({ mean: 100, p50: 10, p85: 50, p95: 70 }) }),
      metrics({ timeToProduction: ttp({ mean: 110, p50: 20, p85: 60, p95: NaN }, { p95: 400 }) }),
      metrics({ timeToProduction: ttp({ mean: 120, p50: 30, p85: 70, p95: 90 }) }),
    ];
    const { timeToProduction } = summariseScenario(scenario('A', ms), 1);
    expect(timeToProduction.p50.estimate).toBeCloseTo(20, 12);
    close(timeToProduction.p50.ci95 as [number, number], interval3([10, 20, 30]));
    expect(timeToProduction.mean.estimate).toBeCloseTo(110, 12);
    expect(timeToProduction.p85.estimate).toBeCloseTo(60, 12);
    expect(timeToProduction.p95).toEqual({ estimate: null, atLeast: (70 + 400 + 90) / 3, ci95: null });
  });

  it('gives utilization per pool as its mean, over the replications that have the pool, pools in name order', () => {
    const ms = [
      metrics({ utilization: { 'z/b': 0.5, 'a/x': 0.2 } }),
      metrics({ utilization: { 'z/b': 0.7 } }),
      metrics({ utilization: { 'z/b': 0.9, 'a/x': 0.4 } }),
    ];
    const { utilization } = summariseScenario(scenario('A', ms), 1);
    expect(Object.keys(utilization)).toEqual(['a/x', 'z/b']);
    expect(utilization['a/x']).toBeCloseTo(0.3, 12);
    expect(utilization['z/b']).toBeCloseTo(0.7, 12);
  });

  it('splits the time by part, and waiting by role with a role absent from a replication counted as no wait', () => {
    const ms = [3, 6, 9].map((w, r) =>
      metrics({
        timeSplit: { work: w, rework: 0, waiting: 1, handover: 2, clarification: 0, gate: 0, planning: r },
        waitingByRole: r === 1 ? { b: 3 } : { b: 3, a: w },
      }),
    );
    const s = summariseScenario(scenario('A', ms), 1);
    expect(s.timeSplit.work.estimate).toBeCloseTo(6, 12);
    close(s.timeSplit.work.ci95, interval3([3, 6, 9]));
    expect(s.timeSplit.planning.estimate).toBeCloseTo(1, 12);
    expect(Object.keys(s.timeSplit)).toEqual([
      'work',
      'rework',
      'waiting',
      'handover',
      'clarification',
      'gate',
      'planning',
    ]);
    expect(Object.keys(s.waitingByRole)).toEqual(['a', 'b']);
    expect(s.waitingByRole.a.estimate).toBeCloseTo((3 + 0 + 9) / 3, 12);
    close(s.waitingByRole.a.ci95, interval3([3, 0, 9]));
    expect(s.waitingByRole.b.estimate).toBeCloseTo(3, 12);
  });

  it('gives time to production by domain and by type over the replications that saw the group', () => {
    const group = (p50: number) => ttp({ mean: p50, p50, p85: p50, p95: p50 });
    const ms = [
      metrics({ byDomain: { hr: group(10), finance: group(40) }, byType: { genai: group(5) } }),
      metrics({ byDomain: { hr: group(20) }, byType: { genai: group(7) } }),
      metrics({ byDomain: { hr: group(60), finance: group(50) }, byType: { genai: group(9), ml: group(1) } }),
    ];
    const s = summariseScenario(scenario('A', ms), 1);
    expect(Object.keys(s.byDomain)).toEqual(['finance', 'hr']);
    expect(s.byDomain.hr.p50.estimate).toBeCloseTo(30, 12);
    expect(s.byDomain.finance.p50.estimate).toBeCloseTo(45, 12);
    expect(s.byDomain.finance.p95.estimate).toBeCloseTo(45, 12);
    expect(Object.keys(s.byType)).toEqual(['genai', 'ml']);
    expect(s.byType.genai.p85.estimate).toBeCloseTo(7, 12);
    expect(s.byType.ml.mean).toEqual({ estimate: 1, ci95: [NaN, NaN] });
  });

  it("counts the replications where Little's law failed in some loop", () => {
    const check = (holds: boolean) => ({ loop: 'w', l: 1, lambdaW: 1, relativeError: 0, holds });
    const s = summariseScenario(
      {
        name: 'A',
        replications: [
          replication(metrics(), { littles: [check(true), check(false)] }),
          replication(metrics(), { littles: [check(true), check(true)] }),
          replication(metrics(), { littles: [check(false)] }),
          replication(metrics(), { littles: [check(false), check(false)] }),
        ],
      },
      1,
    );
    expect(s.littleViolations).toBe(3);
  });

  it('gives the stability verdict from the growth of work in progress, the arrivals and the pools', () => {
    const busy = [0.99, 0.995, 1].map((u) => metrics({ utilization: { 'hub/ml': u } }));
    const over = summariseScenario(scenario('Hub', busy), 1);
    expect(over.verdict).toBe('does-not-keep-up');
    expect(over.stable).toBe(false);
    expect(over.saturated).toEqual([{ team: 'hub', role: 'ml', utilization: (0.99 + 0.995 + 1) / 3 }]);
    expect(over.stability).toMatch(/^Hub does not keep up with demand: hub\/ml 100% busy all the time/);
    // growth of 5 per quarter, clearly above 2% of 100 arrivals
    const growing = [4, 5, 6].map((g) => metrics({ wipGrowthPerQuarter: g, arrivalsPerQuarter: 100 }));
    expect(summariseScenario(scenario('G', growing), 1).verdict).toBe('does-not-keep-up');
    // the same growth is immaterial against 1000 arrivals per quarter
    const flat = [4, 5, 6].map((g) => metrics({ wipGrowthPerQuarter: g, arrivalsPerQuarter: 1000 }));
    const fine = summariseScenario(scenario('F', flat), 1);
    expect([fine.verdict, fine.stable]).toEqual(['keeps-up', true]);
  });
});

describe('the summaries of an experiment', () => {
  it('give one per scenario, in order, each with the experiment seed', () => {
    const summaries = summariseExperiment(experimentOf([scenario('A', [metrics()]), scenario('B', [metrics()])], 9));
    expect(summaries.map((s) => [s.name, s.seed])).toEqual([
      ['A', 9],
      ['B', 9],
    ]);
  });
});
