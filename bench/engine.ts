/**
 * Engine speed against the hand-written baselines, side by side in one run.
 *
 *   npm run bench                        # table
 *   npm run bench -- --json              # one JSON object per line
 *   npm run bench -- --repeat 5 --models mmc --styles delay
 *
 * Both generator engines run in two styles of holding for a time: `timeout` yields an event
 * object (`yield env.timeout(d)`; des_gen's default `obj` style), `delay` yields the number
 * (`yield d`; des_gen's `num` style). The engine in each style is compared with des_gen in
 * the same style, and with the callback engines.
 *
 * Every run is a child process of its own, alternating engine and baselines, so they share
 * the machine's state; figures are medians over the repeats, and each ratio is the median
 * over rounds of the engine's speed over the baseline's in that round. Baselines are looked for in
 * $ORGFLOW_BASELINES, then ../shared/baselines beside the project; without them only the
 * engine's own figures are printed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from 'simple-statistics';
import type { HoldStyle } from '../test/support/queue-models.js';
import { benchCommandLine } from './command-line.js';
import { BENCH_MODELS } from './models.js';

const here = dirname(fileURLToPath(import.meta.url));
const projectRoot = resolve(here, '..', '..');

const { values: args, fail: usageError } = benchCommandLine(
  'usage: npm run bench -- [--json] [--repeat N] [--models mmc,net] [--styles timeout,delay] [--baselines DIR]',
  {
    json: { type: 'boolean', default: false },
    repeat: { type: 'string', default: '3' },
    models: { type: 'string', default: 'mmc,net' },
    styles: { type: 'string', default: 'timeout,delay' },
    baselines: { type: 'string' },
  },
);
const repeat = Number(args.repeat);
if (!Number.isInteger(repeat) || repeat < 1) usageError(`--repeat must be a whole number >= 1, got ${args.repeat}`);
const models = (args.models ?? '').split(',').filter(Boolean);
for (const m of models) if (m !== 'mmc' && m !== 'net') usageError(`--models: unknown model ${m} (expected mmc, net)`);
const styles = (args.styles ?? '').split(',').filter(Boolean) as HoldStyle[];
for (const s of styles)
  if (s !== 'timeout' && s !== 'delay') usageError(`--styles: unknown style ${s} (expected timeout, delay)`);
if (styles.length === 0) usageError('--styles: give at least one of timeout, delay');
/** des_gen's name for each style. */
const DES_GEN_STYLE: Record<HoldStyle, string> = { timeout: 'obj', delay: 'num' };

const baselineDir = [
  args.baselines,
  process.env.ORGFLOW_BASELINES,
  resolve(projectRoot, '..', 'shared', 'baselines'),
].find((d) => d !== undefined && existsSync(join(d, 'des_gen.mjs')));
const CALLBACK_BASELINES = ['des_callback', 'des_typed'] as const;

interface Row {
  engine: string;
  model: string;
  /** How processes hold for a time (generator engines), or '-' (callback engines). */
  style: HoldStyle | '-';
  events: number;
  seconds: number;
  eventsPerSecond: number;
  meanWait: number;
  ci95: number;
  theory: number;
  peakMemoryMB: number;
}

function runJson(file: string, argv: string[]): Record<string, number | string> {
  const out = execFileSync(process.execPath, [file, ...argv], {
    encoding: 'utf8',
    env: { ...process.env, SEEDRANDOM_DIR: projectRoot },
  });
  return JSON.parse(out.trim().split('\n').pop() as string);
}

function runEngine(model: string, style: HoldStyle, count = '', mode = 'record'): Row {
  const r = runJson(join(here, 'engine-model.js'), [model, count, '12345', mode, style]);
  return { ...(r as unknown as Row), engine: 'orgflow' };
}

/** A baseline run; des_gen takes the hold style, the callback engines have none. */
function runBaseline(name: string, model: string, style: HoldStyle | '-'): Row {
  // des_gen.mjs mmc|net [N] [rng] [seed] [obj|num]; an empty N takes its default count
  const argv =
    style === '-'
      ? [model]
      : [model, String(BENCH_MODELS[model as 'mmc' | 'net'].defaultCount), 'sfc32', '12345', DES_GEN_STYLE[style]];
  const r = runJson(join(baselineDir as string, `${name}.mjs`), argv);
  return {
    engine: name,
    model,
    style,
    events: Number(r.events),
    seconds: Number(r.sim_s),
    eventsPerSecond: Number(r.events_per_s),
    meanWait: Number(r.mean),
    ci95: Number(r.ci95),
    theory: Number(r.ref),
    peakMemoryMB: Number(r.maxrss_mb),
  };
}

function summarise(rows: Row[]): Row {
  const byRate = [...rows].sort((a, b) => a.eventsPerSecond - b.eventsPerSecond);
  const mid = byRate[Math.floor(byRate.length / 2)];
  return {
    ...mid,
    eventsPerSecond: median(rows.map((r) => r.eventsPerSecond)),
    peakMemoryMB: Math.max(...rows.map((r) => r.peakMemoryMB)),
  };
}

const showProgress = !args.json && process.stderr.isTTY === true;
const results: (Row & Record<string, unknown>)[] = [];
for (const model of models) {
  const runs = new Map<string, Row[]>();
  const add = (row: Row): void => {
    const key = `${row.engine} ${row.style}`;
    (runs.get(key) ?? runs.set(key, []).get(key))?.push(row);
  };
  for (let r = 0; r < repeat; r++) {
    if (showProgress) process.stderr.write(`\r${model}: round ${r + 1}/${repeat}`);
    for (const style of styles) {
      add(runEngine(model, style));
      if (baselineDir) add(runBaseline('des_gen', model, style));
    }
    if (baselineDir) for (const b of CALLBACK_BASELINES) add(runBaseline(b, model, '-'));
  }
  const baselineKeys = [...styles.map((style) => `des_gen ${style}`), ...CALLBACK_BASELINES.map((b) => `${b} -`)];
  for (const key of baselineKeys) {
    const rows = runs.get(key);
    if (rows) results.push({ ...summarise(rows), kind: 'baseline' });
  }
  for (const style of styles) {
    const engineRuns = runs.get(`orgflow ${style}`) as Row[];
    const ratios: Record<string, number> = {};
    // des_gen in the same style as the engine, then the callback engines
    for (const [name, key] of [['des_gen', `des_gen ${style}`], ...CALLBACK_BASELINES.map((b) => [b, `${b} -`])]) {
      const rows = runs.get(key);
      if (!rows) continue;
      // the ratio of each round (runs next to each other in time), then the median: steadier
      // than a ratio of medians when the machine's speed drifts during the benchmark
      ratios[`vs_${name}`] = median(rows.map((row, round) => engineRuns[round].eventsPerSecond / row.eventsPerSecond));
    }
    results.push({ ...summarise(engineRuns), kind: 'engine', ...ratios });
  }
}
if (showProgress) process.stderr.write('\r\x1b[K');

// Memory must not grow with finished customers: the same model, 4x the customers, running statistics only.
let memory: Record<string, unknown> | null = null;
if (models.includes('mmc')) {
  const small = runEngine('mmc', styles[0], '250000', 'tally');
  const large = runEngine('mmc', styles[0], '1000000', 'tally');
  memory = {
    kind: 'memory',
    model: 'mmc',
    customers: [250000, 1000000],
    peakMemoryMB: [small.peakMemoryMB, large.peakMemoryMB],
    growth: large.peakMemoryMB / small.peakMemoryMB,
  };
}

if (args.json) {
  for (const r of results) console.log(JSON.stringify(r));
  if (memory) console.log(JSON.stringify(memory));
} else {
  const fmt = (x: number, d = 2): string => (Number.isFinite(x) ? x.toFixed(d) : '-');
  console.log(
    `Engine benchmark, median of ${repeat} runs each${baselineDir ? '' : ' (baselines not found: engine only)'}`,
  );
  console.log(
    'hold style: timeout = yield env.timeout(d) (des_gen obj), delay = yield d (des_gen num); orgflow is compared with des_gen of its style',
  );
  console.log('model  engine        style    events/s    seconds  mean     +-95%    theory   peak MB  ratio');
  for (const r of results) {
    const ratio =
      r.kind === 'engine'
        ? Object.entries(r)
            .filter(([k]) => k.startsWith('vs_'))
            .map(([k, v]) => `${fmt(v as number)}x ${k.slice(3)}`)
            .join(', ')
        : '';
    console.log(
      `${r.model.padEnd(6)} ${r.engine.padEnd(12)}  ${r.style.padEnd(7)} ${`${fmt(r.eventsPerSecond / 1e6)}M`.padStart(9)} ${fmt(r.seconds, 3).padStart(9)}  ${fmt(r.meanWait, 4).padEnd(8)} ${fmt(r.ci95, 4).padEnd(8)} ${fmt(r.theory, 4).padEnd(8)} ${fmt(r.peakMemoryMB, 0).padStart(7)}  ${ratio}`,
    );
  }
  if (memory) {
    const m = memory as { peakMemoryMB: number[]; growth: number };
    console.log(
      `memory: mmc with 250k and 1M customers (running statistics only): peak ${fmt(m.peakMemoryMB[0], 0)} MB and ${fmt(m.peakMemoryMB[1], 0)} MB (x${fmt(m.growth)})`,
    );
  }
}
