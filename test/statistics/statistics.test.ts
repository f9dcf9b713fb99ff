import { describe, expect, it } from 'vitest';
import { batchMeans, confidenceInterval } from '../../src/statistics/batch-means.js';
import { erlangC, jacksonNetwork, mg1, mmc, nonPreemptivePriorityWaits } from '../../src/statistics/queueing-theory.js';
import { studentTQuantile } from '../../src/statistics/student-t.js';
import { gammaFunction, normalCdf, normalQuantile } from '../../src/random/index.js';

describe("Student's t quantile", () => {
  // reference values from standard t tables
  it.each([
    [0.975, 1, 12.7062],
    [0.975, 2, 4.3027],
    [0.975, 3, 3.1824],
    [0.975, 5, 2.5706],
    [0.975, 11, 2.201],
    [0.975, 19, 2.093],
    [0.995, 19, 2.8609],
    [0.975, 100, 1.984],
    [0.95, 10, 1.8125],
    [0.025, 19, -2.093],
  ])('t(%s, df=%s) = %s', (p, df, expected) => {
    expect(studentTQuantile(p, df)).toBeCloseTo(expected, 3);
  });
});

describe('normal functions and the gamma function', () => {
  it('invert each other and match table values', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
    expect(normalQuantile(0.9)).toBeCloseTo(1.281552, 6);
    for (const p of [1e-6, 0.01, 0.3, 0.5, 0.77, 0.999]) expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 6);
    expect(gammaFunction(5)).toBeCloseTo(24, 10);
    expect(gammaFunction(0.5)).toBeCloseTo(Math.sqrt(Math.PI), 10);
  });
});

describe('queueing theory', () => {
  it('Erlang C and M/M/c match the baselines and textbook values', () => {
    expect(mmc(4.5, 1, 5).wq).toBeCloseTo(1.52499, 5); // shared/baselines/README.md
    expect(erlangC(1, 0.8)).toBeCloseTo(0.8, 12); // M/M/1: P(wait) = rho
    expect(mmc(0.8, 1, 1).wq).toBeCloseTo(4, 12); // rho / (mu - lambda)
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 12);
  });

  it('Pollaczek-Khinchine halves the M/M/1 wait for deterministic service', () => {
    expect(mg1(0.8, 1, 0).wq).toBeCloseTo(mmc(0.8, 1, 1).wq / 2, 12);
  });

  it("the Jackson network gives the baselines' reference time in system", () => {
    const net = jacksonNetwork(
      [
        { servers: 3, serviceMean: 2.4 },
        { servers: 4, serviceMean: 2.24 },
        { servers: 2, serviceMean: 1.12 },
      ],
      [1, 0, 0],
      [
        [0, 1, 0],
        [0, 0, 1],
        [0, 0.3, 0],
      ],
    );
    expect(net.rates[1]).toBeCloseTo(1 / 0.7, 10);
    expect(net.timeInSystem).toBeCloseTo(15.0189, 4);
  });

  it("Cobham's priority waits bracket the FIFO wait, conserving work", () => {
    const w = nonPreemptivePriorityWaits([
      { lambda: 0.3, serviceMean: 1, serviceVariance: 1 },
      { lambda: 0.4, serviceMean: 1, serviceVariance: 1 },
    ]);
    expect(w[0]).toBeCloseTo(1, 12);
    expect(w[1]).toBeCloseTo(0.7 / (0.7 * 0.3), 12);
    // Kleinrock's conservation law: the load-weighted mean wait equals FIFO's
    expect((0.3 * w[0] + 0.4 * w[1]) / 0.7).toBeCloseTo(mmc(0.7, 1, 1).wq, 12);
  });

  it('rejects unstable queues', () => {
    expect(() => erlangC(2, 2)).toThrow('offered load must be in [0, 2)');
    expect(() => mg1(1.2, 1, 0)).toThrow('utilisation must be < 1');
  });
});

describe('confidence intervals', () => {
  it('uses Student t over independent values', () => {
    const ci = confidenceInterval([1, 2, 3, 4, 5]);
    expect(ci.mean).toBe(3);
    expect(ci.halfWidth).toBeCloseTo(2.7764 * Math.sqrt(2.5 / 5), 3);
  });

  it('cuts a series into equal batches for batch means, ignoring the leftover', () => {
    const series = Array.from({ length: 41 }, (_, i) => (i < 40 ? i % 2 : 1000));
    const ci = batchMeans(series, 20);
    expect(ci.mean).toBe(0.5);
    expect(ci.halfWidth).toBe(0);
  });
});
