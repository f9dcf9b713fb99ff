/**
 * Do our 95% confidence intervals cover the truth 95% of the time? An M/M/1 queue started
 * in its stationary distribution has a time-average number in system whose expectation is
 * exactly rho / (1 - rho). Each of 200 independent experiments runs 10 replications and
 * builds the interval; the number that cover must fall in the binomial band around 95%.
 */
import { describe, expect, it } from 'vitest';
import { confidenceInterval } from '../../src/analysis/index.js';
import { Environment, Resource, TimeWeighted, type ProcessGenerator } from '../../src/engine/index.js';
import { RandomStreams, exponential, replicationSeed } from '../../src/random/index.js';

const RHO = 0.5;
const HORIZON = 400;

function stationaryTimeAverage(seed: number): number {
  const env = new Environment();
  const streams = new RandomStreams(seed);
  const server = new Resource(env, { capacity: 1 });
  const inSystem = new TimeWeighted(env, 0);
  const service = exponential({ mean: 1 });
  const serviceRng = streams.stream('service');
  function* customer(): ProcessGenerator {
    inSystem.update(inSystem.value + 1);
    const req = server.request();
    yield req;
    yield env.timeout(service.sample(serviceRng)); // memoryless: a customer in service at time 0 has an exponential remainder too
    server.release(req);
    inSystem.update(inSystem.value - 1);
  }
  // stationary start: P(N = n) = (1 - rho) rho^n
  const initial = Math.floor(Math.log(1 - streams.stream('initial')()) / Math.log(RHO));
  for (let i = 0; i < initial; i++) env.process(customer());
  const arrivals = streams.stream('arrivals');
  const gap = exponential({ mean: 1 / RHO });
  env.process(
    (function* (): ProcessGenerator {
      for (;;) {
        yield env.timeout(gap.sample(arrivals));
        env.process(customer());
      }
    })(),
  );
  env.run(HORIZON);
  return inSystem.mean;
}

describe('confidence interval coverage', () => {
  it('95% intervals cover the known M/M/1 mean within the binomial band over 200 experiments', () => {
    const truth = RHO / (1 - RHO);
    const experiments = 200;
    let covered = 0;
    for (let e = 0; e < experiments; e++) {
      const values = Array.from({ length: 10 }, (_, r) => stationaryTimeAverage(replicationSeed(`coverage-${e}`, r)));
      const ci = confidenceInterval(values);
      if (Math.abs(ci.mean - truth) <= ci.halfWidth) covered++;
    }
    // 99% band of Binomial(200, 0.95): 190 +- 2.576 sqrt(200 x 0.95 x 0.05)
    const sd = Math.sqrt(experiments * 0.95 * 0.05);
    expect(covered, `${covered} of ${experiments} intervals covered the truth`).toBeGreaterThanOrEqual(
      Math.ceil(190 - 2.576 * sd),
    );
    expect(covered).toBeLessThanOrEqual(Math.floor(190 + 2.576 * sd));
  });
});
