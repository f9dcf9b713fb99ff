/**
 * Time to production measured over a window short against the sojourn times: the censored
 * estimate (open use cases counted) against the exact M/M/c sojourn distribution, and the old
 * estimate (finished use cases only) shown to be biased on the same runs.
 */
import { describe, expect, it } from 'vitest';
import { confidenceInterval } from '../../src/statistics/batch-means.js';
import { erlangC } from '../../src/statistics/queueing-theory.js';
import { timeToProductionOf } from '../../src/metrics/replication-metrics.js';
import { simulate } from '../../src/model/index.js';
import { replicationSeed } from '../../src/random/index.js';
import { validateScenario } from '../../src/scenario/index.js';
import { covers, describeCoverage } from '../support/coverage.js';
import { mmcScenario } from '../support/small-scenarios.js';

/** P(sojourn > t) in M/M/c FIFO: no wait with probability 1 - C, else an Exp(c mu - lambda) wait, then Exp(mu) service. */
function sojournSurvival(t: number, lambda: number, mu: number, c: number): number {
  const C = erlangC(c, lambda / mu);
  const theta = c * mu - lambda;
  return (1 - C) * Math.exp(-mu * t) + (C * (theta * Math.exp(-mu * t) - mu * Math.exp(-theta * t))) / (theta - mu);
}

function sojournMedian(lambda: number, mu: number, c: number): number {
  let [lo, hi] = [0, 1000];
  for (let k = 0; k < 200; k++) {
    const mid = (lo + hi) / 2;
    if (sojournSurvival(mid, lambda, mu, c) > 0.5) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

describe('time to production with use cases still open at the end', () => {
  const [servers, perDay, meanEffort, warmup, window] = [160, 12.8, 10, 150, 16];
  const spec = validateScenario(mmcScenario(servers, perDay, meanEffort, warmup + window, warmup)).spec;
  const theory = sojournMedian(perDay, 1 / meanEffort, servers);
  const runs = Array.from({ length: 40 }, (_, r) => simulate(spec, { seed: replicationSeed(77, r), log: false }));
  const measured = runs.map((run) => run.items.filter((i) => i.arrival >= run.warmup));

  it('the censored median covers the exact M/M/c median, though nearly half the use cases are still open', () => {
    const openShare = measured.flat().filter((i) => i.outcome === 'in_progress').length / measured.flat().length;
    expect(openShare).toBeGreaterThan(0.4);
    const estimate = confidenceInterval(measured.map((items) => timeToProductionOf(items, warmup + window).p50));
    expect(covers(estimate, theory), describeCoverage(estimate, theory)).toBe(true);
  });

  it('the median of finished use cases alone is biased low on the same runs', () => {
    const finishedOnly = measured.map((items) => {
      const days = items
        .filter((i) => i.outcome === 'live')
        .map((i) => i.timeToProduction)
        .sort((a, b) => a - b);
      return days[Math.floor(days.length / 2)];
    });
    const estimate = confidenceInterval(finishedOnly);
    expect(estimate.mean + estimate.halfWidth, describeCoverage(estimate, theory)).toBeLessThan(theory);
  });

  it('says a percentile beyond the window is not reached, with the window as its bound', () => {
    const p95 = timeToProductionOf(measured[0], warmup + window);
    expect(p95.p95).toBeNaN();
    expect(p95.atLeast.p95).toBeGreaterThan(theory);
    expect(p95.atLeast.p95).toBeLessThanOrEqual(window);
  });
});
