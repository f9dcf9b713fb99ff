/**
 * The engine against closed-form queueing theory. Each estimate comes from independent
 * replications (their own seeds, warm-up removed) and its 95% confidence interval over the
 * replications must contain the theoretical value. The last block shows that these checks
 * reject models that are subtly wrong.
 */
import { describe, expect, it } from 'vitest';
import { jacksonNetwork, mg1, mmc, nonPreemptivePriorityWaits } from '../../src/statistics/queueing-theory.js';
import { constant, exponential, lognormal, type Distribution } from '../../src/random/index.js';
import { covers, describeCoverage, meanOf, replicate } from '../support/coverage.js';
import { runPriorityQueue, runReworkNetwork, runSingleStation } from '../support/queue-models.js';

const REPLICATIONS = 12;

function station(
  arrivalRate: number,
  service: Distribution,
  servers: number,
  customers: number,
  warmup: number,
  splitQueues = false,
) {
  return (seed: number) => {
    const run = runSingleStation({ arrivalRate, service, servers, customers, warmup, seed, splitQueues });
    return {
      wait: meanOf(run.values),
      // Lq from the queue monitor is time-averaged over the whole run, warm-up included
      utilization: run.meanBusy / servers,
    };
  };
}

const classes = [
  { arrivalRate: 0.3, serviceMean: 1 },
  { arrivalRate: 0.4, serviceMean: 1 },
];
const cobham = nonPreemptivePriorityWaits(
  classes.map((c) => ({ lambda: c.arrivalRate, serviceMean: c.serviceMean, serviceVariance: c.serviceMean ** 2 })),
);
const priorityRun = (discipline: 'fifo' | 'priority') => (seed: number) => {
  const waits = runPriorityQueue({ classes, horizon: 80_000, warmup: 8_000, seed, discipline });
  return { urgent: meanOf(waits[0]), routine: meanOf(waits[1]) };
};

function expectCovered(estimate: Parameters<typeof covers>[0], theory: number): void {
  expect(covers(estimate, theory), describeCoverage(estimate, theory)).toBe(true);
}

describe('single-station queues match theory', () => {
  it('M/M/1 (rho = 0.8): mean wait and utilization', () => {
    const theory = mmc(0.8, 1, 1);
    const est = replicate(REPLICATIONS, 101, station(0.8, exponential({ mean: 1 }), 1, 40_000, 4_000));
    expectCovered(est.wait, theory.wq);
    expectCovered(est.utilization, theory.rho);
  });

  it('M/M/c (c = 5, rho = 0.9): mean wait vs Erlang C, and utilization', () => {
    const theory = mmc(4.5, 1, 5);
    const est = replicate(REPLICATIONS, 102, station(4.5, exponential({ mean: 1 }), 5, 100_000, 10_000));
    expectCovered(est.wait, theory.wq);
    expectCovered(est.utilization, theory.rho);
  });

  it('M/D/1 (rho = 0.8): mean wait vs Pollaczek-Khinchine', () => {
    const theory = mg1(0.8, 1, 0);
    const est = replicate(REPLICATIONS, 103, station(0.8, constant(1), 1, 40_000, 4_000));
    expectCovered(est.wait, theory.wq);
  });

  it('M/G/1 with lognormal service (rho = 0.7): mean wait vs Pollaczek-Khinchine', () => {
    const service = lognormal({ mean: 1, sd: 1.2 });
    const theory = mg1(0.7, service.mean, service.variance);
    const est = replicate(REPLICATIONS, 104, station(0.7, service, 1, 60_000, 6_000));
    expectCovered(est.wait, theory.wq);
  });

  it("Little's law Lq = lambda Wq holds on every run: the queue monitor against customers' waits", () => {
    for (const [servers, rate] of [
      [1, 0.8],
      [5, 4.5],
    ] as const) {
      const run = runSingleStation({
        arrivalRate: rate,
        service: exponential({ mean: 1 }),
        servers,
        customers: 20_000,
        seed: 7,
      });
      // the run starts and ends empty, so the time-average queue equals (arrival rate) x (mean wait)
      const lq = run.timeAverageInSystem - run.meanBusy;
      const lambdaWq = run.observedArrivalRate * meanOf(run.values);
      expect(Math.abs(lq - lambdaWq) / lambdaWq).toBeLessThan(1e-9);
    }
  });
});

describe('networks and priorities match theory', () => {
  const net = { arrivalRate: 1, servers: [3, 4, 2], serviceMeans: [2.4, 2.24, 1.12], reworkProbability: 0.3 };
  const jackson = jacksonNetwork(
    net.servers.map((servers, i) => ({ servers, serviceMean: net.serviceMeans[i] })),
    [1, 0, 0],
    [
      [0, 1, 0],
      [0, 0, 1],
      [0, 0.3, 0],
    ],
  );

  it('open Jackson network with 30% rework from the last station to the middle one: mean time in system', () => {
    expect(jackson.timeInSystem).toBeCloseTo(15.0189, 4); // the baselines' published reference value
    const est = replicate(REPLICATIONS, 105, (seed) => {
      const run = runReworkNetwork({ ...net, jobs: 40_000, seed });
      return { time: meanOf(run.values.subarray(4_000)) };
    });
    expectCovered(est.time, jackson.timeInSystem);
  });

  it("Little's law L = lambda W holds on the network", () => {
    const run = runReworkNetwork({ ...net, jobs: 20_000, seed: 9 });
    const lambdaW = run.observedArrivalRate * meanOf(run.values);
    expect(Math.abs(run.timeAverageInSystem - lambdaW) / lambdaW).toBeLessThan(1e-9);
  });

  it('non-preemptive priority M/M/1 with two classes: urgent waits less, both match Cobham', () => {
    const est = replicate(REPLICATIONS, 106, priorityRun('priority'));
    expect(est.urgent.mean).toBeLessThan(est.routine.mean);
    expectCovered(est.urgent, cobham[0]);
    expectCovered(est.routine, cobham[1]);
  });
});

describe('the checks catch a wrong engine', () => {
  it('one queue per server with random routing is not M/M/c: Erlang C rejects it', () => {
    const theory = mmc(4.5, 1, 5);
    const est = replicate(REPLICATIONS, 102, station(4.5, exponential({ mean: 1 }), 5, 100_000, 10_000, true));
    expect(covers(est.wait, theory.wq), describeCoverage(est.wait, theory.wq)).toBe(false);
  });

  it('a FIFO server given priority classes misses the priority waits', () => {
    const est = replicate(REPLICATIONS, 106, priorityRun('fifo'));
    expect(covers(est.urgent, cobham[0])).toBe(false);
    expect(covers(est.routine, cobham[1])).toBe(false);
  });
});

describe('determinism', () => {
  const traceOf = (seed: number) =>
    runSingleStation({ arrivalRate: 4.5, service: exponential({ mean: 1 }), servers: 5, customers: 5_000, seed })
      .values;

  it('the same seed gives an identical trace', () => {
    expect(Buffer.from(traceOf(42).buffer).equals(Buffer.from(traceOf(42).buffer))).toBe(true);
  });

  it('a different seed gives a different trace', () => {
    expect(Buffer.from(traceOf(42).buffer).equals(Buffer.from(traceOf(43).buffer))).toBe(false);
  });

  // The checks above hold with `yield env.timeout(d)`; holding with `yield d` must give the
  // very same runs (same events, same order), so they cover that form too.
  it('processes holding for plain delays give the same M/M/c run as with timeouts', () => {
    const run = (hold: 'timeout' | 'delay') =>
      runSingleStation({
        arrivalRate: 4.5,
        service: exponential({ mean: 1 }),
        servers: 5,
        customers: 20_000,
        seed: 11,
        hold,
      });
    const [timeouts, delays] = [run('timeout'), run('delay')];
    expect(Buffer.from(delays.values.buffer).equals(Buffer.from(timeouts.values.buffer))).toBe(true);
    expect(delays.engineEvents).toBe(timeouts.engineEvents);
    expect(delays.timeAverageInSystem).toBe(timeouts.timeAverageInSystem);
  });

  it('and the same rework network run', () => {
    const net = {
      arrivalRate: 1,
      servers: [3, 4, 2],
      serviceMeans: [2.4, 2.24, 1.12],
      reworkProbability: 0.3,
      jobs: 20_000,
      seed: 12,
    };
    const [timeouts, delays] = [
      runReworkNetwork({ ...net, hold: 'timeout' }),
      runReworkNetwork({ ...net, hold: 'delay' }),
    ];
    expect(Buffer.from(delays.values.buffer).equals(Buffer.from(timeouts.values.buffer))).toBe(true);
    expect(delays.engineEvents).toBe(timeouts.engineEvents);
  });
});
