/**
 * The engine's own check: an M/M/c queue (a team of `servers` people sharing one queue of
 * requests) simulated over independent replications, its mean wait in queue compared with
 * the closed-form Erlang C answer.
 */
import { Environment, Resource, Tally, type ProcessGenerator } from '../engine/index.js';
import { RandomStreams, exponential, replicationSeed } from '../random/index.js';
import { confidenceInterval, type MeanInterval } from '../statistics/batch-means.js';
import { mmc } from '../statistics/queueing-theory.js';

export interface EngineCheckOptions {
  /** People sharing the queue. */
  servers: number;
  /** Requests per day (Poisson arrivals). */
  arrivalRate: number;
  /** Mean days of work per request (exponential). */
  serviceMean: number;
  /** Requests per replication; the first 10% are the warm-up. */
  customers: number;
  replications: number;
  /** Master seed; replication r uses a seed derived from it. */
  seed: number;
}

/** Five people, 4.5 requests a day of one day's work each (90% busy), 20 replications of 50,000 requests. */
export const ENGINE_CHECK_DEFAULTS: EngineCheckOptions = {
  servers: 5,
  arrivalRate: 4.5,
  serviceMean: 1,
  customers: 50_000,
  replications: 20,
  seed: 1,
};

export interface EngineCheckResult {
  /** The mean wait in queue of each replication, in days. */
  waits: number[];
  /** Their mean with its 95% confidence interval. */
  interval: MeanInterval;
  /** Erlang C: the mean wait in queue and the utilization. */
  theory: { wq: number; rho: number };
  /** Whether the interval contains the Erlang C wait (it misses about one run in twenty). */
  inside: boolean;
}

/** One replication: the mean wait in queue of the requests after a 10% warm-up. */
export function mmcMeanWait(options: EngineCheckOptions, seed: number): number {
  const env = new Environment();
  const streams = new RandomStreams(seed);
  const arrivals = streams.stream('arrivals');
  const work = streams.stream('service');
  const interArrival = exponential({ mean: 1 / options.arrivalRate });
  const service = exponential({ mean: options.serviceMean });
  const team = new Resource(env, { capacity: options.servers });
  const waits = new Tally();
  const warmup = Math.floor(options.customers / 10);
  function* request(index: number): ProcessGenerator {
    const arrived = env.now;
    const person = team.request();
    yield person;
    if (index >= warmup) waits.add(env.now - arrived);
    yield env.timeout(service.sample(work));
    team.release(person);
  }
  function* demand(): ProcessGenerator {
    for (let i = 0; i < options.customers; i++) {
      yield env.timeout(interArrival.sample(arrivals));
      env.process(request(i));
    }
  }
  env.process(demand());
  env.run();
  return waits.mean;
}

/** Runs the replications and compares their mean wait with Erlang C. */
export function runEngineCheck(options: EngineCheckOptions = ENGINE_CHECK_DEFAULTS): EngineCheckResult {
  const waits = Array.from({ length: options.replications }, (_, r) =>
    mmcMeanWait(options, replicationSeed(options.seed, r)),
  );
  const interval = confidenceInterval(waits);
  const { wq, rho } = mmc(options.arrivalRate, 1 / options.serviceMean, options.servers);
  return { waits, interval, theory: { wq, rho }, inside: Math.abs(interval.mean - wq) <= interval.halfWidth };
}
