/**
 * orgflow demo: the engine's own check. An M/M/c queue (a team of five people sharing one
 * queue of requests) simulated over independent replications (--reps), its mean wait compared
 * with the closed-form Erlang C answer.
 */
import { confidenceInterval } from '../../statistics/batch-means.js';
import { mmc } from '../../statistics/queueing-theory.js';
import { Environment, Resource, Tally, type ProcessGenerator } from '../../engine/index.js';
import { RandomStreams, exponential, replicationSeed } from '../../random/index.js';

export interface DemoOptions {
  servers: number;
  arrivalRate: number;
  serviceMean: number;
  customers: number;
  replications: number;
  seed: number;
}

export const DEMO_DEFAULTS: DemoOptions = {
  servers: 5,
  arrivalRate: 4.5,
  serviceMean: 1,
  customers: 50_000,
  replications: 20,
  seed: 1,
};

/** One replication: the mean wait in queue of `customers` customers after a 10% warm-up. */
function meanWait(options: DemoOptions, seed: number): number {
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

/** Runs the demo and returns the lines to print. */
export function runDemo(options: DemoOptions = DEMO_DEFAULTS): string[] {
  const started = performance.now();
  const waits = Array.from({ length: options.replications }, (_, r) =>
    meanWait(options, replicationSeed(options.seed, r)),
  );
  const seconds = (performance.now() - started) / 1000;
  const ci = confidenceInterval(waits);
  const theory = mmc(options.arrivalRate, 1 / options.serviceMean, options.servers);
  const inside = Math.abs(ci.mean - theory.wq) <= ci.halfWidth;
  const verdict = inside
    ? 'inside the interval'
    : 'outside the interval: a 95% interval misses the true value about one run in twenty';
  return [
    `orgflow engine demo: a team of ${options.servers} sharing one queue, ${options.arrivalRate} requests per day, ` +
      `${options.serviceMean} day of work each (utilisation ${(theory.rho * 100).toFixed(0)}%)`,
    `${options.replications} replications x ${options.customers.toLocaleString('en')} requests in ${seconds.toFixed(1)} s (seed ${options.seed})`,
    `mean wait for a free person: ${ci.mean.toFixed(3)} days, 95% CI [${(ci.mean - ci.halfWidth).toFixed(3)}, ${(ci.mean + ci.halfWidth).toFixed(3)}]`,
    `Erlang C says:               ${theory.wq.toFixed(3)} days (${verdict})`,
  ];
}
