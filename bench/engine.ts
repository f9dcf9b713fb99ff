/**
 * Engine speed against the hand-written baselines, side by side in one run.
 *
 *   npm run bench                        # table
 *   npm run bench -- --json              # one JSON object per line
 *   npm run bench -- --repeat 5 --models mmc
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
import { parseArgs } from 'node:util';
import { median } from 'simple-statistics';

const here = dirname(fileURLToPath(import.meta.url));
const projectRoot = resolve(here, '..', '..');

const { values: args } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    repeat: { type: 'string', default: '3' },
    models: { type: 'string', default: 'mmc,net' },
    baselines: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (args.help) {
  console.log('usage: npm run bench -- [--json] [--repeat N] [--models mmc,net] [--baselines DIR]');
  process.exit(0);
}
const repeat = Number(args.repeat);
if (!Number.isInteger(repeat) || repeat < 1) throw new Error(`--repeat must be a whole number >= 1, got ${args.repeat}`);
const models = (args.models ?? '').split(',').filter(Boolean);
for (const m of models) if (m !== 'mmc' && m !== 'net') throw new Error(`--models: unknown model ${m} (expected mmc, net)`);

const baselineDir = [args.baselines, process.env.ORGFLOW_BASELINES, resolve(projectRoot, '..', 'shared', 'baselines')].find(
  (d) => d !== undefined && existsSync(join(d, 'des_gen.mjs')),
);
const BASELINES = ['des_gen', 'des_callback', 'des_typed'] as const;

interface Row {
  engine: string;
  model: string;
  events: number;
  seconds: number;
  eventsPerSecond: number;
  meanWait: number;
  ci95: number;
  theory: number;
  peakMemoryMB: number;
}

function runJson(file: string, argv: string[]): Record<string, number | string> {
  const out = execFileSync(process.execPath, [file, ...argv], { encoding: 'utf8', env: { ...process.env, SEEDRANDOM_DIR: projectRoot } });
  return JSON.parse(out.trim().split('\n').pop() as string);
}

function runEngine(model: string, extra: string[] = []): Row {
  const r = runJson(join(here, 'engine-model.js'), [model, ...extra]);
  return { ...(r as unknown as Row), engine: 'orgflow' };
}

function runBaseline(name: string, model: string): Row {
  const r = runJson(join(baselineDir as string, `${name}.mjs`), [model]);
  return {
    engine: name,
    model,
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
  return { ...mid, eventsPerSecond: median(rows.map((r) => r.eventsPerSecond)), peakMemoryMB: Math.max(...rows.map((r) => r.peakMemoryMB)) };
}

const showProgress = !args.json && process.stderr.isTTY === true;
const results: (Row & Record<string, unknown>)[] = [];
for (const model of models) {
  const runs = new Map<string, Row[]>();
  const add = (row: Row): void => void (runs.get(row.engine) ?? runs.set(row.engine, []).get(row.engine))?.push(row);
  for (let r = 0; r < repeat; r++) {
    if (showProgress) process.stderr.write(`\r${model}: round ${r + 1}/${repeat}`);
    add(runEngine(model));
    if (baselineDir) for (const b of BASELINES) add(runBaseline(b, model));
  }
  const engineRuns = runs.get('orgflow') as Row[];
  const engine = summarise(engineRuns);
  const ratios: Record<string, number> = {};
  for (const b of BASELINES) {
    const rows = runs.get(b);
    if (!rows) continue;
    const s = summarise(rows);
    // the ratio of each round (runs next to each other in time), then the median: steadier
    // than a ratio of medians when the machine's speed drifts during the benchmark
    ratios[`vs_${b}`] = median(rows.map((row, round) => engineRuns[round].eventsPerSecond / row.eventsPerSecond));
    results.push({ ...s, kind: 'baseline' });
  }
  results.push({ ...engine, kind: 'engine', ...ratios });
}
if (showProgress) process.stderr.write('\r\x1b[K');

// Memory must not grow with finished customers: the same model, 4x the customers, running statistics only.
let memory: Record<string, unknown> | null = null;
if (models.includes('mmc')) {
  const small = runEngine('mmc', ['250000', '12345', 'tally']);
  const large = runEngine('mmc', ['1000000', '12345', 'tally']);
  memory = { kind: 'memory', model: 'mmc', customers: [250000, 1000000], peakMemoryMB: [small.peakMemoryMB, large.peakMemoryMB], growth: large.peakMemoryMB / small.peakMemoryMB };
}

if (args.json) {
  for (const r of results) console.log(JSON.stringify(r));
  if (memory) console.log(JSON.stringify(memory));
} else {
  const fmt = (x: number, d = 2): string => (Number.isFinite(x) ? x.toFixed(d) : '-');
  console.log(`Engine benchmark, median of ${repeat} runs each${baselineDir ? '' : ' (baselines not found: engine only)'}`);
  console.log('model  engine        events/s    seconds  mean     +-95%    theory   peak MB  ratio');
  for (const r of results) {
    const ratio = r.kind === 'engine' ? Object.entries(r).filter(([k]) => k.startsWith('vs_')).map(([k, v]) => `${fmt(v as number)}x ${k.slice(3)}`).join(', ') : '';
    console.log(
      `${r.model.padEnd(6)} ${r.engine.padEnd(12)} ${(fmt(r.eventsPerSecond / 1e6) + 'M').padStart(9)} ${fmt(r.seconds, 3).padStart(9)}  ${fmt(r.meanWait, 4).padEnd(8)} ${fmt(r.ci95, 4).padEnd(8)} ${fmt(r.theory, 4).padEnd(8)} ${fmt(r.peakMemoryMB, 0).padStart(7)}  ${ratio}`,
    );
  }
  if (memory) {
    const m = memory as { peakMemoryMB: number[]; growth: number };
    console.log(`memory: mmc with 250k and 1M customers (running statistics only): peak ${fmt(m.peakMemoryMB[0], 0)} MB and ${fmt(m.peakMemoryMB[1], 0)} MB (x${fmt(m.growth)})`);
  }
}
