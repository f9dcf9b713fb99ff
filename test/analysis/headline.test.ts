/**
 * The headline of a comparison from hand-made replications: which configuration is best, by
 * how much (the paired ratio and its interval, worked out by hand), what to say when a
 * median is not reached or the difference is not clear, and the caveats.
 */
import { describe, expect, it } from 'vitest';
import { summariseExperiment, type ScenarioSummary } from '../../src/analysis/experiment-summary.js';
import { findingsOf, headlineOf } from '../../src/analysis/findings.js';
import type { ReplicationMetrics } from '../../src/metrics/replication-metrics.js';
import { experimentOf, metrics, scenario, ttp } from './synthetic.js';

/** Replications with these medians (NaN: not reached, bounded at 500) and this share of use cases still open. */
const reps = (p50s: number[], unfinishedShare = 0.1): ReplicationMetrics[] =>
  p50s.map((p50) =>
    metrics({
      unfinishedShare,
      timeToProduction: ttp({ mean: 100, p50, p85: 150, p95: 200 }, { p50: Number.isNaN(p50) ? 500 : p50 }),
    }),
  );

const twoWay = (a: number[], b: number[]) => experimentOf([scenario('A', reps(a, 0.3)), scenario('B', reps(b, 0.1))]);

const SIMULATED =
  'Simulated: 3 replications of each configuration, with the same use cases in each (common random numbers); intervals are 95% confidence intervals over replications.';
const ASSUMPTIONS =
  'The numbers follow from the assumptions below (demand, efforts, handover delays, headcount), which are illustrative until replaced with your own.';

describe('the headline', () => {
  it('says how much faster the best is than the runner-up, with the interval of the paired ratio', () => {
    const findings = findingsOf(twoWay([15, 26, 40], [10, 20, 30]));
    expect(findings.best).toBe('B');
    expect(findings.comparisons.every((c) => c.a === 'B' && c.b === 'A')).toBe(true);
    // ratios B/A 2/3, 10/13, 3/4: mean 0.7286, 95% CI 0.5932 to 0.8641
    expect(findings.headline).toEqual({
      best: 'B',
      text: 'B: median 20 days to production, 27% faster than A (95% CI 14% to 41%).',
      caveats: [
        SIMULATED,
        'Use cases still open when the run ends count as unfinished, not as left out: each took at least its age (B 10%, A 30% of use cases were still open at the end).',
        ASSUMPTIONS,
      ],
    });
  });

  it('says two configurations are not clearly different when the interval of the difference includes zero', () => {
    expect(findingsOf(twoWay([100, 200, 300], [110, 190, 320])).headline.text).toBe(
      'A and B are not clearly different: median 200 days against 207 days to production (the 95% CI of the difference includes zero).',
    );
  });

  it("gives no paired difference when the runner-up's median is beyond the run, only its bound", () => {
    expect(findingsOf(twoWay([15, NaN, 40], [10, 20, 30])).headline.text).toBe(
      'B: median 20 days to production; the median of A is beyond the run in some replications (at least 185 days on average), so no paired difference can be given.',
    );
  });

  it('ranks a median the run does not reach after a reached one, even when its bound is lower', () => {
    const findings = findingsOf(twoWay([190, 200, 210], [NaN, 20, 30]));
    expect(findings.best).toBe('A');
    expect(findings.headline.text).toBe(
      'A: median 200 days to production; the median of B is beyond the run in some replications (at least 183 days on average), so no paired difference can be given.',
    );
  });

  it('ranks two unreached medians by their bounds and says neither is reached', () => {
    const findings = findingsOf(twoWay([NaN, 20, 30], [NaN, 20, 20]));
    expect(findings.best).toBe('B');
    expect(findings.headline.text).toBe(
      'B and A are not clearly different: median over 180 days against over 183 days to production (no paired difference: a median is not reached within the run). (B and A: in at least one replication the run ended before half of the use cases that go live were live.)',
    );
  });

  it('warns when the best or the runner-up does not keep up, or may not, and lists their verdicts first among the caveats', () => {
    const experiment = twoWay([15, 26, 40], [10, 20, 30]);
    const verdicts: Record<string, Pick<ScenarioSummary, 'verdict' | 'stable' | 'stability'>> = {
      A: { verdict: 'does-not-keep-up', stable: false, stability: 'A grows.' },
      B: { verdict: 'cannot-tell', stable: false, stability: 'B is unclear.' },
    };
    const summaries = summariseExperiment(experiment).map((s) => ({ ...s, ...verdicts[s.name] }));
    const { headline, comparisons } = findingsOf(experiment, summaries);
    expect(headline.text).toBe(
      'B: median 20 days to production, 27% faster than A (95% CI 14% to 41%). It is not yet clear whether B keeps up with its demand (run more replications). A does not keep up with its demand, so this figure grows with the length of the run.',
    );
    expect(headline.caveats.slice(0, 2)).toEqual(['B is unclear.', 'A grows.']);
    // the comparisons read the same verdicts as the summaries given, not verdicts of their own
    expect(comparisons[0].caveat).toBe(
      'Caveat: A does not keep up with demand, so its time to production grows with the length of the run; it is not yet clear whether B keeps up with demand (run more replications).',
    );
  });

  it("adds the caveat on Little's law last when it failed in some replication", () => {
    const experiment = twoWay([15, 26, 40], [10, 20, 30]);
    const summaries = summariseExperiment(experiment).map((s) => ({ ...s, littleViolations: s.name === 'A' ? 1 : 0 }));
    const { caveats } = findingsOf(experiment, summaries).headline;
    expect(caveats).toHaveLength(4);
    expect(caveats[3]).toBe(
      "Little's law did not hold in some runs: treat these results with suspicion and report it.",
    );
  });

  it('gives a single configuration its median alone, with its verdict', () => {
    const experiment = experimentOf([scenario('Solo', reps([10, 20, 30]))]);
    const findings = findingsOf(experiment);
    expect(findings.comparisons).toEqual([]);
    expect(findings.headline.text).toBe('Solo: median 20 days to production.');
    expect(findings.headline.caveats[0]).toBe(
      'Simulated: 3 replications of the scenario, with the same use cases in each (common random numbers); intervals are 95% confidence intervals over replications.',
    );
    const unsure = summariseExperiment(experiment).map((s) => ({ ...s, verdict: 'cannot-tell' as const }));
    expect(headlineOf(experiment, unsure).text).toBe(
      'Solo: median 20 days to production. It is not yet clear whether Solo keeps up with its demand (run more replications).',
    );
  });

  it('says a single median is not reached, and why', () => {
    expect(findingsOf(experimentOf([scenario('Solo', reps([10, NaN, 30]))])).headline.text).toBe(
      'Solo: median over 180 days to production. (Solo: in at least one replication the run ended before half of the use cases that go live were live.)',
    );
  });
});
