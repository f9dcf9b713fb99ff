/**
 * The shipped example history (scenarios/examples/history/): made by a generator whose
 * mechanics are not orgflow's (days not events, people on two pieces of work at once,
 * holidays, triage, a renamed step), it must be what the generator writes, read with its
 * mapping, give back the generator's learning in review, and back-test end to end.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Backtest,
  backtestEach,
  arrivalsTable,
  backtestTable,
  effortTable,
  backtestWindows,
  calibrate,
  type History,
  HistoryError,
  readHistory,
  readHistoryMapping,
} from '../../src/calibration/index.js';
import { backtestChart, renderSvg } from '../../src/charts/index.js';
import { RandomStreams } from '../../src/random/index.js';
import { outFolder } from '../cli/orgflow-process.js';

const root = join(import.meta.dirname, '..', '..');
const folder = join(root, 'scenarios', 'examples', 'history');
const log = join(folder, 'activity-log.csv');
const mapping = readHistoryMapping(join(folder, 'mapping.yaml'));
/** The generator's learning: review's loop-backs fall by this factor each time round. */
const GENERATOR_DECAY = 0.55;

let history: History;
let result: Backtest;
beforeAll(async () => {
  history = await readHistory(log, { ...mapping, allowOverlap: true });
  [result] = await backtestEach(history, backtestWindows(history, { split: 0.8 }), { replications: 20, seed: 1 });
}, 120_000);

describe('the shipped example history', () => {
  it('is what the generator writes, byte for byte', () => {
    const out = outFolder();
    execFileSync(process.execPath, [
      join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
      join(root, 'scripts', 'example-history.ts'),
      out,
    ]);
    expect(readFileSync(join(out, 'activity-log.csv'), 'utf8')).toBe(readFileSync(log, 'utf8'));
  }, 60_000);

  it('needs --allow-overlap: its people work on two things at once', async () => {
    await expect(readHistory(log, mapping)).rejects.toThrow(HistoryError);
    await expect(readHistory(log, mapping)).rejects.toThrow(/starts an activity while still in the one of line/);
  });

  it("merges the renamed step with the mapping, and gives back the generator's learning within its interval", () => {
    const fit = calibrate(history, new RandomStreams(1).stream('fit'));
    const keys = fit.workflow.activities.map((a) => a.key);
    expect(keys).toContain('work.deployment');
    expect(keys).not.toContain('work.release');
    const [lo, hi] = fit.iterations.ci95 ?? [Number.NaN, Number.NaN];
    expect(lo).toBeLessThanOrEqual(GENERATOR_DECAY);
    expect(hi).toBeGreaterThanOrEqual(GENERATOR_DECAY);
    expect(fit.iterations.noLearningP).toBeLessThan(0.05);
    expect(fit.notes.some((n) => n.includes('several activities at once'))).toBe(true);
    const effort = effortTable(fit);
    expect(effort.array('activity')).toEqual(keys);
    expect(effort.get('n', 0)).toBe(fit.workflow.activities[0].effort?.n);
    const arrivals = arrivalsTable(fit);
    expect(arrivals.numRows()).toBe(4); // two business units, two kinds
    expect(arrivals.rollup({ n: 'd => op.sum(d.arrivals)' }).get('n', 0)).toBe(history.cases.length);
  });

  it('back-tests end to end: a table of every measure and a chart of each', async () => {
    const t = backtestTable(result);
    expect(t.numRows()).toBe(6);
    expect(t.columnNames()).toEqual([
      'measure',
      'model',
      'model_low',
      'model_high',
      'naive',
      'naive_low',
      'naive_high',
      'actual',
      'inside_model',
      'inside_naive',
      'closer',
    ]);
    expect(t.get('actual', 3)).toBe(result.actual.goLives);
    expect(t.get('model_low', 0)).toBe(result.model.p50.pi95[0]);
    expect(t.get('inside_model', 0)).toBe(
      result.actual.p50 >= result.model.p50.pi95[0] && result.actual.p50 <= result.model.p50.pi95[1],
    );
    const svg = await renderSvg(backtestChart(result));
    for (const label of ['Median days to production', 'Go-lives in the window', 'Work in progress at its end'])
      expect(svg).toContain(label);
  });
});
