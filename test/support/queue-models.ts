/**
 * Queueing models written with the engine's public generator API, for the validation tests.
 * Each run records, per departing customer, the quantity theory predicts, so its mean can be
 * compared with the closed form. The benchmark's models (bench/engine-model.ts) mirror the
 * baselines statement for statement instead, and take their hold styles from here.
 */
import {
  Environment,
  Resource,
  Tally,
  TimeWeighted,
  type Event,
  type ProcessGenerator,
  type QueueDiscipline,
} from '../../src/engine/index.js';
import { RandomStreams, exponential, type Distribution, type Rng } from '../../src/random/index.js';

export interface QueueRun {
  /** Waits in queue (or times in system, for the network), in departure order; empty unless recorded. */
  values: Float64Array;
  /** Running statistics of the same values (kept whether or not they are recorded). */
  valueTally: Tally;
  /** Events in the baselines' sense: arrivals plus service completions. */
  modelEvents: number;
  /** Events the engine processed. */
  engineEvents: number;
  /** Time-average number in system (for Little's law) and the arrival rate observed. */
  timeAverageInSystem: number;
  observedArrivalRate: number;
  /** Time-average units busy. */
  meanBusy: number;
  endTime: number;
}

/** How processes hold for a time: `yield env.timeout(d)` or `yield d`. */
export type HoldStyle = 'timeout' | 'delay';

/** What a process yields to hold for `delay` in the given style. */
export function holdIn(env: Environment, style: HoldStyle = 'timeout'): (delay: number) => Event<undefined> | number {
  return style === 'delay' ? (delay) => delay : (delay) => env.timeout(delay);
}

export interface SingleStationOptions {
  arrivalRate: number;
  service: Distribution;
  servers: number;
  customers: number;
  seed: number | string;
  /** Customers discarded from the start (warm-up). Default 0. */
  warmup?: number;
  /** Wrong-on-purpose variant for sensitivity tests: one queue per server, random routing. */
  splitQueues?: boolean;
  /** Keep the statistics for Little's law and utilization. Off in the benchmark, which times the engine alone. Default true. */
  statistics?: boolean;
  /** Keep every wait (memory grows with customers) or only running statistics. Default true. */
  record?: boolean;
  /** How processes hold for a time. Default 'timeout'. */
  hold?: HoldStyle;
}

/** A G/G/c station with Poisson arrivals: `customers` arrive, each waits, is served, leaves. */
export function runSingleStation(options: SingleStationOptions): QueueRun {
  const { arrivalRate, service, servers, customers } = options;
  const warmup = options.warmup ?? 0;
  const statistics = options.statistics ?? true;
  const env = new Environment();
  const streams = new RandomStreams(options.seed);
  const arrivalRng = streams.stream('arrivals');
  const serviceRng = streams.stream('service');
  const routeRng = streams.stream('routing');
  const interArrival = exponential({ mean: 1 / arrivalRate });
  const hold = holdIn(env, options.hold);
  const pools = options.splitQueues
    ? Array.from({ length: servers }, () => new Resource(env, { capacity: 1, monitor: statistics }))
    : [new Resource(env, { capacity: servers, monitor: statistics })];
  const record = options.record ?? true;
  const waits = new Float64Array(record ? customers - warmup : 0);
  const tally = new Tally();
  let recorded = 0;
  let departed = 0;
  const inSystem = new TimeWeighted(env, 0);
  const changeInSystem = (delta: number): void => {
    if (statistics) inSystem.update(inSystem.value + delta);
  };

  function* customer(index: number): ProcessGenerator {
    const arrival = env.now;
    changeInSystem(1);
    const pool = pools.length === 1 ? pools[0] : pools[Math.floor(routeRng() * pools.length)];
    const req = pool.request();
    yield req;
    if (index >= warmup) {
      const wait = env.now - arrival;
      tally.add(wait);
      if (record) waits[recorded++] = wait;
    }
    yield hold(service.sample(serviceRng));
    pool.release(req);
    changeInSystem(-1);
    departed++;
  }
  function* source(): ProcessGenerator {
    for (let i = 0; i < customers; i++) {
      yield hold(interArrival.sample(arrivalRng));
      env.process(customer(i));
    }
  }
  env.process(source());
  env.run();
  return {
    values: waits,
    valueTally: tally,
    modelEvents: customers + departed,
    engineEvents: env.eventCount,
    timeAverageInSystem: inSystem.mean,
    observedArrivalRate: customers / env.now,
    meanBusy: pools.reduce((s, p) => s + (p.busyMonitor?.mean ?? 0), 0),
    endTime: env.now,
  };
}

export interface NetworkOptions {
  arrivalRate: number;
  servers: readonly number[];
  serviceMeans: readonly number[];
  /** Probability that a job leaving the last station goes back to the second. */
  reworkProbability: number;
  jobs: number;
  seed: number | string;
  /** Keep the statistics for Little's law. Default true. */
  statistics?: boolean;
  /** How processes hold for a time. Default 'timeout'. */
  hold?: HoldStyle;
}

/**
 * Three FIFO stations in series with exponential service; after the last station a job
 * returns to the second with the rework probability (an open Jackson network).
 */
export function runReworkNetwork(options: NetworkOptions): QueueRun {
  const statistics = options.statistics ?? true;
  const env = new Environment();
  const streams = new RandomStreams(options.seed);
  const arrivalRng = streams.stream('arrivals');
  const serviceRng = options.serviceMeans.map((_, i) => streams.stream(`service/${i}`));
  const reworkRng: Rng = streams.stream('rework');
  const interArrival = exponential({ mean: 1 / options.arrivalRate });
  const service = options.serviceMeans.map((mean) => exponential({ mean }));
  const hold = holdIn(env, options.hold);
  const stations = options.servers.map((capacity) => new Resource(env, { capacity }));
  const times = new Float64Array(options.jobs);
  const tally = new Tally();
  let done = 0;
  let services = 0;
  const inSystem = new TimeWeighted(env, 0);
  const changeInSystem = (delta: number): void => {
    if (statistics) inSystem.update(inSystem.value + delta);
  };

  function* visit(station: number): ProcessGenerator {
    const req = stations[station].request();
    yield req;
    yield hold(service[station].sample(serviceRng[station]));
    stations[station].release(req);
    services++;
  }
  function* job(): ProcessGenerator {
    const arrival = env.now;
    changeInSystem(1);
    yield* visit(0);
    do {
      yield* visit(1);
      yield* visit(2);
    } while (reworkRng() < options.reworkProbability);
    times[done++] = env.now - arrival;
    tally.add(env.now - arrival);
    changeInSystem(-1);
  }
  function* source(): ProcessGenerator {
    for (let i = 0; i < options.jobs; i++) {
      yield hold(interArrival.sample(arrivalRng));
      env.process(job());
    }
  }
  env.process(source());
  env.run();
  return {
    values: times,
    valueTally: tally,
    modelEvents: options.jobs + services,
    engineEvents: env.eventCount,
    timeAverageInSystem: inSystem.mean,
    observedArrivalRate: options.jobs / env.now,
    meanBusy: NaN,
    endTime: env.now,
  };
}

export interface PriorityOptions {
  /** Arrival rate and exponential service mean per class, most urgent first. */
  classes: readonly { arrivalRate: number; serviceMean: number }[];
  /** Arrivals stop at this time (the same for every class); the run then drains. */
  horizon: number;
  /** Waits of customers arriving before this time are not recorded. */
  warmup: number;
  seed: number | string;
  discipline: QueueDiscipline;
}

/** A single server shared by several Poisson classes; returns the waits of each class. */
export function runPriorityQueue(options: PriorityOptions): Float64Array[] {
  const env = new Environment();
  const streams = new RandomStreams(options.seed);
  const server = new Resource(env, { capacity: 1, discipline: options.discipline });
  const waits: number[][] = options.classes.map(() => []);
  options.classes.forEach((cls, k) => {
    const arrivalRng = streams.stream(`arrivals/${k}`);
    const serviceRng = streams.stream(`service/${k}`);
    const interArrival = exponential({ mean: 1 / cls.arrivalRate });
    const service = exponential({ mean: cls.serviceMean });
    function* customer(): ProcessGenerator {
      const arrival = env.now;
      const req = server.request({ priority: k });
      yield req;
      if (arrival >= options.warmup) waits[k].push(env.now - arrival);
      yield env.timeout(service.sample(serviceRng));
      server.release(req);
    }
    env.process(
      (function* (): ProcessGenerator {
        for (;;) {
          yield env.timeout(interArrival.sample(arrivalRng));
          if (env.now >= options.horizon) return;
          env.process(customer());
        }
      })(),
    );
  });
  env.run();
  return waits.map((w) => Float64Array.from(w));
}
