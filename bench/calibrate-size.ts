/**
 * How `orgflow calibrate` scales with the size of the history: a generated activity log of
 * `--rows` rows (four activities per use case, 48 people in four teams, two domains and two
 * types, every tenth use case still open at the export) is written to a temporary folder and
 * calibrated by the built CLI in a child process; prints its seconds, peak memory and rows per
 * second. The aim: a million rows within about 500 MB.
 *
 *   npm run bench:calibrate
 *   npm run bench:calibrate -- --rows 200000
 */
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RandomStreams } from '../src/random/index.js';
import { benchCommandLine } from './command-line.js';
import { measuredRun } from './measured-process.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values: args, fail } = benchCommandLine('usage: npm run bench:calibrate -- [--rows N] [--json]', {
  rows: { type: 'string', default: '1000000' },
  json: { type: 'boolean', default: false },
});
const rows = Number(args.rows);
if (!Number.isInteger(rows) || rows < 1000) fail(`--rows must be a whole number of at least 1000, got ${args.rows}`);

const ACTIVITIES = [
  ['explore', 'analyst'],
  ['prepare', 'data_engineer'],
  ['train', 'ml_engineer'],
  ['deploy', 'platform_engineer'],
] as const;
const DAY = 86_400_000;
const START = Date.UTC(2020, 0, 1);

/** Writes the log: use cases arrive every `gap` ms; each activity takes a random 1 to 5 days after a 0 to 2 day handover. */
async function writeLog(file: string): Promise<void> {
  const rng = new RandomStreams(1).stream('bench/calibrate-size');
  const out = createWriteStream(file);
  const write = (line: string): Promise<void> =>
    new Promise((done) => (out.write(line) ? done() : out.once('drain', done)));
  await write('case_id,activity,resource,role,team,domain,type,outcome,arrival_time,start_time,end_time\n');
  const cases = Math.ceil(rows / ACTIVITIES.length);
  const gap = (8 * 365 * DAY) / cases;
  const exportTime = START + cases * gap;
  for (let c = 0; c < cases; c++) {
    const domain = c % 2 === 0 ? 'sales' : 'ops';
    const type = c % 3 === 0 ? 'model' : 'report';
    const arrival = START + c * gap;
    let t = arrival;
    const open = c % 10 === 9 && arrival > exportTime - 30 * DAY;
    for (const [i, [activity, role]] of ACTIVITIES.entries()) {
      const start = t + rng() * 2 * DAY;
      const end = start + (1 + rng() * 4) * DAY;
      const team = role === 'analyst' || role === 'data_engineer' ? `${domain}_team` : 'hub';
      const person = `${role}-${team}-${Math.floor(rng() * 6)}`;
      const last = i === ACTIVITIES.length - 1;
      const ended = !(open && last);
      const outcome = ended ? 'live' : 'in_progress';
      const iso = (ms: number) => new Date(ms).toISOString();
      await write(
        `C${c},${activity},${person},${role},${team},${domain},${type},${outcome},${iso(arrival)},${iso(start)},${ended ? iso(end) : ''}\n`,
      );
      t = end;
    }
  }
  await new Promise<void>((done) => out.end(done));
}

const folder = mkdtempSync(join(tmpdir(), 'orgflow-bench-calibrate-'));
try {
  const file = join(folder, 'history.csv');
  await writeLog(file);
  const run = measuredRun(
    join(root, 'bin', 'orgflow.js'),
    ['calibrate', file, '-o', join(folder, 'fitted.yaml'), '--no-report', '--allow-overlap', '--json'],
    root,
  );
  const result = {
    rows,
    seconds: Number(run.seconds.toFixed(1)),
    peakMemoryMB: Math.round(run.peakMemoryMB),
    rowsPerSecond: Math.round(rows / run.seconds),
    aimMB: 500,
  };
  if (args.json) console.log(JSON.stringify(result));
  else
    console.log(
      `calibrate, ${rows} rows: ${result.seconds} s, peak ${result.peakMemoryMB} MB (aim: about ${result.aimMB} MB for a million rows), ${result.rowsPerSecond} rows/s`,
    );
} finally {
  rmSync(folder, { recursive: true, force: true });
}
