import { describe, expect, it } from 'vitest';
import { confidenceInterval } from '../../src/statistics/batch-means.js';
import {
  cumulativeIncidence,
  timeToProductionDistribution,
  type Observation,
} from '../../src/statistics/competing-risks.js';
import { RandomStreams } from '../../src/random/index.js';
import { covers, describeCoverage } from '../support/coverage.js';

const obs = (days: number, resolution: Observation['resolution']): Observation => ({ days, resolution });

describe('the Aalen-Johansen estimate of time to production', () => {
  // 1 live, 2 open, 3 abandoned, 4 live, 5 open: worked by hand.
  const sample = [obs(4, 'live'), obs(2, 'open'), obs(5, 'open'), obs(1, 'live'), obs(3, 'abandoned')];

  it('gives each outcome its cumulative incidence, using open use cases while they are seen', () => {
    const ci = cumulativeIncidence(sample);
    expect(ci.times).toEqual([1, 3, 4]);
    expect(ci.live[0]).toBeCloseTo(1 / 5, 12);
    expect(ci.abandoned[1]).toBeCloseTo((4 / 5) * (1 / 3), 12);
    expect(ci.live[2]).toBeCloseTo(1 / 5 + (4 / 5) * (2 / 3) * (1 / 2), 12);
    expect(ci.openAtEnd).toBeCloseTo((4 / 5) * (2 / 3) * (1 / 2), 12);
    expect(ci.followUp).toBe(5);
  });

  it('takes the eventual share live as the live share plus the open share split like the last quarter of the finishes', () => {
    const d = timeToProductionDistribution(sample);
    // the last quarter of the finished mass (11/15 * 1/4) lies in the go-live at day 4 (4/15): all live
    const live = 7 / 15;
    const open = 4 / 15;
    expect(d.eventualLiveShare).toBeCloseTo(live + open, 12);
    expect(d.abandonedShare).toBeCloseTo(4 / 15, 12);
  });

  it('reaches a percentile only where the follow-up reaches it, and gives a lower bound otherwise', () => {
    const d = timeToProductionDistribution(sample);
    expect(d.quantile(0.5)).toEqual({ value: 4, reached: true });
    expect(d.quantile(0.85)).toEqual({ value: 5, reached: false });
    const mean = d.mean();
    expect(mean.reached).toBe(false);
    const rest = d.eventualLiveShare - 7 / 15;
    expect(mean.value).toBeCloseTo((1 * (1 / 5) + 4 * (4 / 15) + rest * 5) / d.eventualLiveShare, 12);
    expect(timeToProductionDistribution(sample).quantile(0.5)).toEqual({ value: 4, reached: true });
  });

  it('with nothing open, equals the plain percentiles and mean of the go-lives', () => {
    const d = timeToProductionDistribution([
      obs(1, 'live'),
      obs(2, 'live'),
      obs(3, 'abandoned'),
      obs(4, 'live'),
      obs(10, 'live'),
    ]);
    expect(d.quantile(0.5)).toEqual({ value: 2, reached: true }); // go-lives 1, 2, 4, 10
    expect(d.quantile(0.95)).toEqual({ value: 10, reached: true });
    expect(d.mean().reached).toBe(true);
    expect(d.mean().value).toBeCloseTo((1 + 2 + 4 + 10) / 4, 12);
    expect(d.abandonedShare).toBeCloseTo(1 / 5, 12);
  });

  it('counts an open use case older than every finished one against the mean', () => {
    const d = timeToProductionDistribution([obs(1, 'live'), obs(2, 'live'), obs(30, 'open')]);
    expect(d.mean().reached).toBe(false);
    expect(d.quantile(0.5).reached).toBe(true);
  });

  it('reaches nothing when no use case has finished, and has no bound without observations', () => {
    const d = timeToProductionDistribution([obs(5, 'open'), obs(9, 'open')]);
    expect(d.quantile(0.5)).toEqual({ value: 9, reached: false });
    expect(d.mean()).toEqual({ value: 9, reached: false });
    expect(timeToProductionDistribution([]).quantile(0.5).value).toBeNaN();
  });

  /**
   * Abandonment early (about day 20), go-live late (100 + Exp(200) days), arrivals uniform over
   * a window that ends long before the slowest go-lives: the exact median and p85 of the go-lives
   * and the abandoned share are known. Each replication is a fresh sample; the 95% interval
   * over replications must cover the truth.
   */
  it('recovers the percentiles and the abandoned share under censoring with an early competing outcome', () => {
    const truth = { p50: 100 + 200 * Math.log(2), p85: 100 + 200 * Math.log(1 / 0.15), abandoned: 0.3 };
    const rng = new RandomStreams(7).stream('competing-risks');
    const uniform = (): number => 1 - rng(); // in (0, 1]: safe under the logarithm
    const window = 700;
    const estimates = { p50: [] as number[], p85: [] as number[], abandoned: [] as number[] };
    for (let r = 0; r < 30; r++) {
      const sample: Observation[] = [];
      for (let i = 0; i < 2000; i++) {
        const age = uniform() * window;
        const abandon = uniform() < truth.abandoned;
        const days = abandon ? -20 * Math.log(uniform()) : 100 - 200 * Math.log(uniform());
        sample.push(days <= age ? obs(days, abandon ? 'abandoned' : 'live') : obs(age, 'open'));
      }
      const d = timeToProductionDistribution(sample);
      estimates.p50.push(d.quantile(0.5).value);
      estimates.p85.push(d.quantile(0.85).value);
      estimates.abandoned.push(d.abandonedShare);
    }
    for (const key of ['p50', 'p85', 'abandoned'] as const) {
      const ci = confidenceInterval(estimates[key]);
      expect(covers(ci, truth[key]), `${key}: ${describeCoverage(ci, truth[key])}`).toBe(true);
    }
  });
});
