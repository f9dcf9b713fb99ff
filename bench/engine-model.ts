/**
 * One benchmark run of the engine, in a process of its own (so peak memory is its own):
 *   node dist/bench/engine-model.js mmc|net [customers] [seed] [record|tally] [timeout|delay]
 * Prints one JSON line. The models mirror shared/baselines/des_gen.mjs statement for
 * statement, written with the public generator API and seeded named streams, so the
 * comparison measures the engine and not the model code. `record` keeps every wait (as the
 * baselines do, for batch means); `tally` keeps running statistics only, to show that memory
 * does not grow with the number of finished customers. `timeout` holds with
 * `yield env.timeout(d)` (des_gen's default `obj` style), `delay` with `yield d` (its `num`
 * style).
 */
import { batchMeans } from '../src/statistics/batch-means.js';
import { jacksonNetwork, mmc } from '../src/statistics/queueing-theory.js';
import { Environment, Resource, Tally, type ProcessGenerator } from '../src/engine/index.js';
import { RandomStreams } from '../src/random/index.js';
import { holdIn } from '../test/support/queue-models.js';
import { BENCH_MODELS } from './models.js';

const [model = 'mmc', countArg, seedArg, mode = 'record', style = 'timeout'] = process.argv.slice(2);
if (model !== 'mmc' && model !== 'net') throw new Error(`unknown model ${model}: expected mmc or net`);
if (style !== 'timeout' && style !== 'delay') throw new Error(`unknown style ${style}: expected timeout or delay`);
const count = countArg ? Number(countArg) : BENCH_MODELS[model].defaultCount;
const seed = seedArg ? Number(seedArg) : 12345;
const record = mode !== 'tally';

const env = new Environment();
// as in des_gen: one hold function, chosen once, so both styles run the same model code
const hold = holdIn(env, style);
const streams = new RandomStreams(seed);
const values = new Float64Array(record ? count : 0);
const tally = new Tally();
let done = 0;
const observe = (x: number): void => {
  if (record) values[done] = x;
  else tally.add(x);
  done++;
};

function runMmc(): number {
  const { lambda, mu, c } = BENCH_MODELS.mmc;
  const arrivals = streams.stream('arrivals');
  const service = streams.stream('service');
  const servers = new Resource(env, { capacity: c });
  function* customer(arrival: number): ProcessGenerator {
    const req = servers.request();
    yield req;
    observe(env.now - arrival);
    yield hold(-Math.log(1 - service()) / mu);
    servers.release(req);
  }
  function* source(): ProcessGenerator {
    for (let i = 0; i < count; i++) {
      yield hold(-Math.log(1 - arrivals()) / lambda);
      env.process(customer(env.now));
    }
  }
  env.process(source());
  env.run();
  return 2 * count;
}

function runNet(): number {
  const { lambda, servers, serviceMeans, rework } = BENCH_MODELS.net;
  const arrivals = streams.stream('arrivals');
  const service = serviceMeans.map((_, i) => streams.stream(`service/${i}`));
  const routing = streams.stream('rework');
  const stations = servers.map((capacity) => new Resource(env, { capacity }));
  let services = 0;
  function* job(arrival: number): ProcessGenerator {
    let req = stations[0].request();
    yield req;
    yield hold(-Math.log(1 - service[0]()) * serviceMeans[0]);
    stations[0].release(req);
    let visits = 1;
    for (;;) {
      req = stations[1].request();
      yield req;
      yield hold(-Math.log(1 - service[1]()) * serviceMeans[1]);
      stations[1].release(req);
      req = stations[2].request();
      yield req;
      yield hold(-Math.log(1 - service[2]()) * serviceMeans[2]);
      stations[2].release(req);
      visits += 2;
      if (routing() >= rework) break;
    }
    services += visits;
    observe(env.now - arrival);
  }
  function* source(): ProcessGenerator {
    for (let i = 0; i < count; i++) {
      yield hold(-Math.log(1 - arrivals()) / lambda);
      env.process(job(env.now));
    }
  }
  env.process(source());
  env.run();
  return count + services;
}

const started = performance.now();
const events = model === 'mmc' ? runMmc() : runNet();
const seconds = (performance.now() - started) / 1000;

const theory =
  model === 'mmc'
    ? mmc(BENCH_MODELS.mmc.lambda, BENCH_MODELS.mmc.mu, BENCH_MODELS.mmc.c).wq
    : jacksonNetwork(
        BENCH_MODELS.net.servers.map((servers, i) => ({ servers, serviceMean: BENCH_MODELS.net.serviceMeans[i] })),
        [BENCH_MODELS.net.lambda, 0, 0],
        [
          [0, 1, 0],
          [0, 0, 1],
          [0, BENCH_MODELS.net.rework, 0],
        ],
      ).timeInSystem;
const estimate = record ? batchMeans(values) : { mean: tally.mean, halfWidth: NaN };
console.log(
  JSON.stringify({
    engine: 'orgflow',
    model,
    style,
    count,
    events,
    engineEvents: env.eventCount,
    seconds,
    eventsPerSecond: events / seconds,
    meanWait: estimate.mean,
    ci95: estimate.halfWidth,
    theory,
    peakMemoryMB: process.resourceUsage().maxRSS / 1024,
  }),
);
