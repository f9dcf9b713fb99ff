/**
 * The default comparison as a benchmark: the three shipped configurations x 100
 * replications x 3 simulated years, with 1 and 2 workers (or --workers 1,2,4), printing wall
 * time, replications per second and the speed-up, and checking the results are identical.
 *
 *   npm run bench:experiment
 *   npm run bench:experiment -- --replications 50 --workers 1,2 --json
 */
import { createHash } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runExperiment } from '../src/experiment/index.js';
import { loadScenario } from '../src/scenario/index.js';
import { benchCommandLine } from './command-line.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values: args, fail } = benchCommandLine(
  'usage: node dist/bench/experiment.js [--replications N] [--workers 1,2,...] [--seed N] [--json]',
  {
    replications: { type: 'string', default: '100' },
    workers: { type: 'string', default: '1,2' },
    seed: { type: 'string', default: '1' },
    json: { type: 'boolean', default: false },
  },
);
const seed = Number(args.seed);
if (!Number.isInteger(seed) || seed < 0) fail(`--seed must be a whole number >= 0, got ${args.seed}`);
const replications = Number(args.replications);
if (!Number.isInteger(replications) || replications < 1)
  fail(`--replications must be a whole number >= 1, got ${args.replications}`);
const workerCounts = (args.workers ?? '1,2').split(',').map(Number);
for (const w of workerCounts)
  if (!Number.isInteger(w) || w < 1) fail(`--workers must list whole numbers >= 1, got ${args.workers}`);
const scenarios = ['centralized', 'hub-and-spoke', 'federated'].map((p) => {
  const loaded = loadScenario(join(root, 'scenarios', `${p}.yaml`));
  return { name: loaded.spec.name, spec: loaded.spec, hash: loaded.hash };
});

const rows: Record<string, number | string>[] = [];
let reference: string | undefined;
for (const workers of workerCounts) {
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const result = await runExperiment(scenarios, { replications, workers, seed });
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const digest = createHash('sha256').update(JSON.stringify(result)).digest('hex').slice(0, 16);
  reference ??= digest;
  const runs = replications * scenarios.length;
  const events = result.scenarios.reduce((sum, s) => sum + s.replications.reduce((n, r) => n + r.events, 0), 0);
  rows.push({
    benchmark: 'default-comparison',
    scenarios: scenarios.length,
    replications,
    workers,
    runs,
    seconds,
    replicationsPerSecond: runs / seconds,
    /** Engine events of every replication; per second of wall time, the model's event rate (with one worker). */
    events,
    eventsPerSecond: events / seconds,
    speedup: rows.length === 0 ? 1 : (rows[0].seconds as number) / seconds,
    /** CPU seconds of the whole process (every thread: workers, garbage collection, compilers) per second of wall time. */
    coresBusy: (cpu.user + cpu.system) / 1e6 / seconds,
    identical: digest === reference ? 'yes' : 'NO',
    resultDigest: digest,
  });
}
if (args.json) {
  for (const r of rows) console.log(JSON.stringify(r));
} else {
  console.log(
    `Default comparison: ${scenarios.length} configurations x ${replications} replications x 3 simulated years`,
  );
  console.log('workers  seconds  replications/s  speed-up  cores busy  identical results');
  for (const r of rows) {
    console.log(
      `${String(r.workers).padStart(7)}  ${(r.seconds as number).toFixed(2).padStart(7)}  ${(r.replicationsPerSecond as number).toFixed(1).padStart(14)}  ${(r.speedup as number).toFixed(2).padStart(8)}  ${(r.coresBusy as number).toFixed(2).padStart(10)}  ${r.identical}`,
    );
  }
}
