/**
 * The measured window quarter by quarter: the dip after a change and when it pays back, worked
 * out by hand on constructed replications; and on the shipped reorganisation against staying
 * centralized, run with common random numbers, the two are the same run to the byte until the
 * change, so every difference before it is exactly 0.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  paybackStatement,
  paybacksOf,
  quarterPayback,
  quarterSummaries,
  summariseExperiment,
  timelinePaybacks,
} from '../../src/analysis/index.js';
import { runExperiment } from '../../src/experiment/index.js';
import type { QuarterFigures } from '../../src/metrics/quarters.js';
import { loadScenario } from '../../src/scenario/index.js';
import { metrics, replication, ttp } from './synthetic.js';

/** Replications whose quarters (of 100 days from day 0) have `goLives[q] + r % 2` go-lives. */
function replications(goLives: number[]) {
  return Array.from({ length: 6 }, (_, r) =>
    metrics({
      byQuarter: goLives.map(
        (g, q): QuarterFigures => ({
          start: q * 100,
          end: (q + 1) * 100,
          arrived: 10,
          goLives: g + (r % 2),
          timeToProduction: ttp({ mean: 100, p50: 90, p85: 150, p95: 200 }),
          meanWip: 5,
          utilization: 0.5,
          utilizationByRole: {},
        }),
      ),
    }),
  );
}

describe('the payback of a change', () => {
  it('reads when the dip ends and from when the change is ahead in go-lives', () => {
    // the change on day 200: two quarters with 4 fewer go-lives, then 4 more each quarter
    const staying = replications([10, 10, 10, 10, 10, 10, 10, 10]);
    const changing = replications([10, 10, 6, 6, 14, 14, 14, 14]);
    const p = quarterPayback(changing, staying, 200)!;
    expect(p.differences.map((d) => d.goLives.estimate)).toEqual([0, 0, -4, -4, 4, 4, 4, 4]);
    expect(p.differences.map((d) => d.cumulativeGoLives.estimate)).toEqual([0, 0, -4, -8, -4, 0, 4, 8]);
    expect(p.dipEndsBy).toBe(400); // the end of the last quarter with fewer go-lives
    expect(p.aheadFrom).toBe(700); // go-lives since the change are more from the quarter ending on day 700
  });

  it('says so when the run ends in the dip, or never gets ahead', () => {
    const staying = replications([10, 10, 10, 10]);
    const p = quarterPayback(replications([10, 6, 6, 6]), staying, 100)!;
    expect([p.dipEndsBy, p.aheadFrom]).toEqual([null, null]);
    const noDip = quarterPayback(replications([10, 12, 12, 12]), staying, 100)!;
    expect([noDip.dipped, noDip.dipEndsBy, noDip.aheadFrom]).toEqual([false, 100, 200]);
    // a later quarter below, after one that is not, is no part of the dip: the cumulative difference tells it
    const late = quarterPayback(replications([10, 6, 10, 6]), staying, 100)!;
    expect([late.dipped, late.dipEndsBy, late.atTheEnd.estimate]).toEqual([true, 200, -8]);
    expect(paybackStatement(late, 'Changing', 'The change', 'Staying', 400)).toBe(
      'Changing, from "The change" on day 100, against Staying (the same use cases): its go-lives dip for 100 days (quarters with significantly fewer go-lives until day 200); its go-lives since the change are never significantly more within the run; by day 400 it has had 8.0 fewer (95% CI 8.0 fewer to 8.0 fewer) go-lives since the change.',
    );
  });
});

/** Replications whose quarter q has `goLives[q][r]` go-lives in replication r (other figures fixed). */
function byReplication(goLives: number[][]) {
  return goLives[0].map((_, r) =>
    metrics({
      byQuarter: goLives.map(
        (g, q): QuarterFigures => ({
          start: q * 100,
          end: (q + 1) * 100,
          arrived: 10,
          goLives: g[r],
          timeToProduction: ttp({ mean: 100, p50: 90 + q, p85: 150 + r, p95: 200 }),
          meanWip: 5,
          utilization: 0.4 + q / 10,
          utilizationByRole: {},
        }),
      ),
    }),
  );
}

describe('quarters over replications', () => {
  it('are the mean of each figure with its interval', () => {
    const q = quarterSummaries(
      byReplication([
        [8, 10, 12],
        [1, 2, 3],
      ]),
    );
    expect(q.map((x) => [x.start, x.end, x.goLives.estimate, x.arrived.estimate])).toEqual([
      [0, 100, 10, 10],
      [100, 200, 2, 10],
    ]);
    expect(q[0].utilization.estimate).toBeCloseTo(0.4, 12);
    expect(q[1].utilization.estimate).toBeCloseTo(0.5, 12);
    expect(q[0].goLives.ci95[0]).toBeLessThan(10);
    expect(q[0].p85).toEqual(expect.objectContaining({ estimate: 151 }));
    expect(q[1].p50).toEqual(expect.objectContaining({ estimate: 91 }));
    expect(q[0].meanWip.estimate).toBe(5);
    expect(quarterSummaries([])).toEqual([]);
  });

  it('call a difference significant only with the correction for the number of quarters after the change', () => {
    // after the change on day 100, two quarters: in the first, differences of -1, -2, 0, -2, -1, 0
    // (t = 2.74 over 6 replications: significant at 95%, t > 2.57, not at 1 - 0.05 / 2, t < 3.16)
    const staying = byReplication([Array(6).fill(10), Array(6).fill(10), Array(6).fill(10)]);
    const changing = byReplication([Array(6).fill(10), [9, 8, 10, 8, 9, 10], Array(6).fill(10)]);
    const p = quarterPayback(changing, staying, 100)!;
    expect(p.differences[1].goLives.ci95[1]).toBeLessThan(0);
    expect(p.dipped).toBe(false);
    expect(p.dipEndsBy).toBe(100);
    // a clearer dip is one
    const clear = quarterPayback(
      byReplication([Array(6).fill(10), [9, 8, 9, 8, 9, 8], Array(6).fill(10)]),
      staying,
      100,
    )!;
    expect([clear.dipped, clear.dipEndsBy]).toEqual([true, 200]);
    expect(clear.atTheEnd.estimate).toBe(-1.5);
  });
});

describe('paybacks in an experiment', () => {
  const replications = (goLives: number[], changes: { day: number; name: string; settledBy: number }[]) =>
    Array.from({ length: 4 }, (_, r) =>
      replication(
        metrics({
          byQuarter: goLives.map(
            (g, q): QuarterFigures => ({
              start: q * 100,
              end: (q + 1) * 100,
              arrived: 10,
              goLives: g + (r % 2),
              timeToProduction: ttp({ mean: 100, p50: 90, p85: 150, p95: 200 }),
              meanWip: 5,
              utilization: 0.5,
              utilizationByRole: {},
            }),
          ),
        }),
        { changes, horizon: 400 },
        r,
      ),
    );

  it('read each changing configuration against each that is the same run until its change', () => {
    const change = [{ day: 100, name: 'Embed', settledBy: 160 }];
    const experiment = {
      seed: 1,
      replications: 4,
      commonRandomNumbers: true,
      scenarios: [
        { name: 'Changing', replications: replications([10, 6, 14, 14], change) },
        { name: 'Staying', replications: replications([10, 10, 10, 10], []) },
        { name: 'Other', replications: replications([12, 10, 10, 10], []) },
      ],
    };
    const paybacks = paybacksOf(experiment);
    expect(paybacks.map((p) => [p.variant, p.baseline, p.change])).toEqual([['Changing', 'Staying', 'Embed']]);
    expect(paybacks[0].statement).toBe(
      'Changing, from "Embed" on day 100, against Staying (the same use cases): its go-lives dip for 100 days (quarters with significantly fewer go-lives until day 200); from day 400 (300 days after the change) it has had significantly more go-lives since the change, and stays ahead; by day 400 it has had 4.0 more (95% CI 4.0 more to 4.0 more) go-lives since the change.',
    );
    expect(timelinePaybacks([])).toEqual([]);
  });

  it('say when there is no dip, and when the run ends in it', () => {
    const staying = byReplication([
      [10, 10, 10, 10],
      [10, 10, 10, 10],
      [10, 10, 10, 10],
    ]);
    const never = quarterPayback(
      byReplication([
        [10, 10, 10, 10],
        [6, 6, 6, 6],
        [6, 6, 6, 6],
      ]),
      staying,
      100,
    )!;
    expect(paybackStatement(never, 'A', 'B', 'C', 300)).toBe(
      'A, from "B" on day 100, against C (the same use cases): its quarterly go-lives are significantly below from the change to the end of the run (day 300); its go-lives since the change are never significantly more within the run; by day 300 it has had 8.0 fewer (95% CI 8.0 fewer to 8.0 fewer) go-lives since the change.',
    );
    const none = quarterPayback(
      byReplication([
        [10, 10, 10, 10],
        [10, 11, 10, 11],
        [10, 10, 10, 10],
      ]),
      staying,
      100,
    )!;
    expect(paybackStatement(none, 'A', 'B', 'C', 300)).toMatch(
      /: the first quarter after the change has no significantly fewer go-lives; its go-lives since the change are never significantly more within the run; by day 300 it has had 0\.5 more \(95% CI 0\.4 fewer to 1\.4 more\)/,
    );
  });
});

describe('which baselines and quarters a payback reads', () => {
  it('finds a dip that starts in the second quarter after a change late in its quarter', () => {
    // the change on day 190: its own quarter (100-200) holds 10 days of it and does not dip
    const p = quarterPayback(replications([10, 10, 6, 10]), replications([10, 10, 10, 10]), 190)!;
    expect([p.dipped, p.dipEndsBy]).toEqual([true, 300]);
  });

  it('is not read against a configuration that is not the same run until the change', () => {
    const differentBefore = quarterPayback(replications([10, 6, 6, 6]), replications([11, 10, 10, 10]), 100);
    expect(differentBefore).toBeNull();
    const shifted = replications([10, 10, 10, 10]).map((m) => ({
      ...m,
      byQuarter: m.byQuarter.map((q) => ({ ...q, start: q.start + 50, end: q.end + 50 })),
    }));
    expect(quarterPayback(replications([10, 6, 6, 6]), shifted, 100)).toBeNull();
  });
});

describe('the shipped reorganisation against staying centralized', () => {
  it('is the same run until the change, and then differs; each quarter summarised', async () => {
    const scenarios = join(import.meta.dirname, '..', '..', 'scenarios');
    const reorganisation = loadScenario(join(scenarios, 'examples', 'reorganisation.yaml'));
    const staying = loadScenario(join(scenarios, 'centralized.yaml'), { set: ['horizon_days=1825'] });
    const result = await runExperiment(
      [
        { name: 'reorganisation', spec: reorganisation.spec },
        { name: 'staying', spec: staying.spec },
      ],
      { replications: 4, seed: 3, workers: 1 },
    );
    const [changing, stay] = summariseExperiment(result);
    expect(changing.timeline?.changes).toEqual([{ day: 730, name: 'Hub and spoke', settledBy: 820 }]);
    expect(stay.timeline).toBeUndefined();
    expect(changing.timeline?.quarters.map((q) => q.start)).toEqual(
      Array.from({ length: 16 }, (_, k) => 365 + k * 91.25),
    );
    const p = quarterPayback(
      result.scenarios[0].replications.map((r) => r.metrics),
      result.scenarios[1].replications.map((r) => r.metrics),
      730,
    )!;
    expect(p).not.toBeNull();
    const before = p.differences.filter((d) => d.end <= 730);
    expect(before).toHaveLength(4);
    for (const d of before) {
      expect(d.goLives.estimate).toBe(0);
      expect(d.meanWip.estimate).toBe(0);
    }
    expect(p.differences.slice(4).some((d) => d.goLives.estimate !== 0)).toBe(true);
  });
});
