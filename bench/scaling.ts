/**
 * How the operating model scales (`npm run bench:scaling`): the default hub-and-spoke
 * organisation, one 10 times larger (scaled-organisation.ts: 10 times the domains, people and
 * demand) and the base over a 4 times longer measured window. Each runs in a child process
 * of its own; the table gives the time per replication and the memory one replication holds
 * at its end (heap after a full garbage collection, with runs' results still referenced),
 * beside the open and the finished use cases, so memory can be read against each.
 *
 *   npm run bench:scaling
 *   npm run bench:scaling -- --scale 10 --replications 5 --json
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { simulate } from '../src/model/index.js';
import { loadScenario, validateScenario, type ScenarioSpec } from '../src/scenario/index.js';
import { benchCommandLine } from './command-line.js';
import { lastJsonLine, measuredRun } from './measured-process.js';
import { scaledOrganisation } from './scaled-organisation.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const { values: args, fail } = benchCommandLine(
  'usage: npm run bench:scaling -- [--scale K] [--replications N] [--json]',
  {
    scale: { type: 'string', default: '10' },
    replications: { type: 'string', default: '20' },
    json: { type: 'boolean', default: false },
    // internal: run one case in this process and print its figures
    child: { type: 'string' },
  },
);

/** Replications kept at once to measure the memory one holds (one alone is too small to see). */
const KEPT_RUNS = 10;

interface Case {
  label: string;
  scale: number;
  /** Factor on the measured window (horizon minus warm-up). */
  window: number;
}

/** The scenario of a case: hub and spoke, scaled, its measured window stretched. */
function scenarioOf(c: Case): ScenarioSpec {
  const base = loadScenario(join(root, 'scenarios', 'hub-and-spoke.yaml')).spec;
  const spec = scaledOrganisation(base, c.scale);
  const warmup = spec.warmup_days ?? 0;
  spec.horizon_days = warmup + (spec.horizon_days - warmup) * c.window;
  return validateScenario(spec).spec;
}

/**
 * Runs the case's replications here and prints one JSON line: ten untimed ones warm the code
 * up, then `replications` timed ones, then KEPT_RUNS more kept at once between full garbage
 * collections, for the memory a finished replication holds (timed apart: a forced collection
 * slows the code that follows it).
 */
function runChild(c: Case, replications: number): void {
  const spec = scenarioOf(c);
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('the scaling benchmark runs its children with --expose-gc');
  for (let w = 0; w < 10; w++) simulate(spec, { seed: 1 + w, log: false });
  let events = 0;
  const started = performance.now();
  for (let r = 0; r < replications; r++) events += simulate(spec, { seed: 100 + r, log: false }).events;
  const seconds = (performance.now() - started) / 1000;
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept = Array.from({ length: KEPT_RUNS }, (_, r) => simulate(spec, { seed: 1000 + r, log: false }));
  gc();
  const held = (process.memoryUsage().heapUsed - before) / kept.length;
  const run = kept[0];
  console.log(
    JSON.stringify({
      ...c,
      secondsPerReplication: seconds / replications,
      eventsPerSecond: events / seconds,
      heldMB: held / 2 ** 20,
      useCases: run.items.length,
      openAtEnd: run.items.filter((i) => i.outcome === 'in_progress').length,
    }),
  );
}

const whole = (name: string, text: string | undefined): number => {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) fail(`--${name} must be a whole number >= 1, got ${text}`);
  return n;
};
const scale = whole('scale', args.scale);
const replications = whole('replications', args.replications);

if (args.child !== undefined) {
  runChild(JSON.parse(args.child) as Case, replications);
} else {
  const cases: Case[] = [
    { label: 'base', scale: 1, window: 1 },
    { label: `${scale}x organisation`, scale, window: 1 },
    { label: '4x measured window', scale: 1, window: 4 },
  ];
  const rows = cases.map((c) => {
    if (!args.json) process.stderr.write(`${c.label}...\n`);
    const run = measuredRun(
      join(here, 'scaling.js'),
      ['--child', JSON.stringify(c), '--replications', String(replications)],
      root,
      ['--expose-gc'],
    );
    return lastJsonLine(run) as unknown as Case & {
      secondsPerReplication: number;
      eventsPerSecond: number;
      heldMB: number;
      useCases: number;
      openAtEnd: number;
    };
  });
  const [base, big, long] = rows;
  const ratios = {
    timeRatio: big.secondsPerReplication / base.secondsPerReplication,
    memoryRatio: big.heldMB / base.heldMB,
    openRatio: big.openAtEnd / base.openAtEnd,
    longMemoryRatio: long.heldMB / base.heldMB,
    longFinishedRatio: long.useCases / base.useCases,
  };
  if (args.json) {
    for (const r of rows) console.log(JSON.stringify(r));
    console.log(JSON.stringify(ratios));
  } else {
    const fmt = (x: number, d = 2): string => x.toFixed(d);
    console.log('case                    s/replication  events/s   held MB  use cases  open at end');
    for (const r of rows)
      console.log(
        `${r.label.padEnd(22)} ${fmt(r.secondsPerReplication, 3).padStart(14)} ${`${fmt(r.eventsPerSecond / 1e6)}M`.padStart(9)} ${fmt(r.heldMB, 1).padStart(9)} ${String(r.useCases).padStart(10)} ${String(r.openAtEnd).padStart(12)}`,
      );
    console.log(
      `${scale}x organisation: ${fmt(ratios.timeRatio)}x the time per replication (target at most ${Math.round(scale * 1.2)}x), ${fmt(ratios.memoryRatio)}x the memory for ${fmt(ratios.openRatio)}x the open work`,
    );
    console.log(
      `4x measured window: ${fmt(ratios.longMemoryRatio)}x the memory for ${fmt(ratios.longFinishedRatio)}x the use cases (memory in proportion to open work would stay near 1x)`,
    );
  }
}
