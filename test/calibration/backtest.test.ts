/**
 * The back-test: from a history simulated by a known, stable scenario, calibrate up to a
 * split, forecast the window after it from the work open at the split, and compare. The
 * model's intervals must hold what happened; without the open work they could not (the
 * go-lives of the window would be short by the work already under way). Its parts are checked
 * on hand-made cases: what happened in a window, the open work, the naive forecast, the
 * Wasserstein distance.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { activityLogRows, writeActivityLog } from '../../src/analysis/activity-log.js';
import {
  actualOutcome,
  type Backtest,
  backtest,
  type History,
  historyAt,
  openWorkAt,
  readHistory,
  wasserstein1,
} from '../../src/calibration/index.js';
import { simulate } from '../../src/model/index.js';
import { RandomStreams } from '../../src/random/index.js';
import { loadScenario } from '../../src/scenario/index.js';
import { outFolder } from '../cli/orgflow-process.js';

const DAY = 86_400_000;
const START = Date.parse('2026-01-01T00:00:00Z');
const truth = loadScenario(join(import.meta.dirname, '..', 'fixtures', 'calibration', 'truth.yaml')).spec;

let history: History;
let result: Backtest;
beforeAll(async () => {
  const run = simulate({ ...truth, horizon_days: 1500 }, { seed: 5, log: true });
  const file = join(outFolder(), 'history.csv');
  await writeActivityLog(file, activityLogRows(run.log, START));
  history = await readHistory(file);
  result = await backtest(history, {
    split: START + 1200 * DAY,
    replications: 40,
    seed: 1,
    rng: new RandomStreams(1).stream('backtest'),
  });
}, 120_000);

describe('a back-test of a known, stable organisation', () => {
  it('starts the forecast from every use case open at the split', () => {
    const open = historyAt(history, START + 1200 * DAY).cases.filter((c) => c.outcome === 'in_progress').length;
    expect(open).toBeGreaterThan(5);
    expect(result.openAtSplit).toBe(open);
  });

  it("holds what happened within the model's 95% intervals: go-lives and median days", () => {
    // (the open work at the end swings widely in this organisation, from 5 to 34 over a run, so
    // one window's value says little; the forecast of it is checked against the truth's own
    // below. The tails, p85 and p95, rest on a few go-lives and the intervals leave out the fit's
    // own uncertainty (see the README), so they are not held to them here.)
    for (const k of ['goLives', 'p50'] as const) {
      const { pi95 } = result.model[k];
      expect(result.actual[k], k).toBeGreaterThanOrEqual(pi95[0]);
      expect(result.actual[k], k).toBeLessThanOrEqual(pi95[1]);
    }
  });

  it('forecasts the open work at the end as the true scenario itself does, from the same open work', () => {
    const train = historyAt(history, START + 1200 * DAY);
    const open = openWorkAt(train, truth);
    const ends = Array.from({ length: 40 }, (_, r) => {
      const run = simulate(
        { ...truth, horizon_days: 300, warmup_days: 0 },
        { seed: `truth/${r}`, log: true, openWork: open },
      );
      const started = new Set(run.log.item.filter((_, k) => run.log.kind[k] === 'activity_start'));
      return run.items.filter(
        (i) =>
          i.outcome === 'in_progress' && (started.has(i.id) || (i.id < open.length && open[i.id].state !== 'queued')),
      ).length;
    });
    const mean = ends.reduce((s, x) => s + x, 0) / ends.length;
    const sd = Math.sqrt(ends.reduce((s, x) => s + (x - mean) ** 2, 0) / (ends.length - 1));
    // the fitted scenario's median against the truth's mean, within four standard errors of 40 runs each
    expect(Math.abs(result.model.wipAtEnd.estimate - mean)).toBeLessThan(4 * sd * Math.sqrt(2 / 40));
  });

  it('is deterministic for a seed', async () => {
    const again = await backtest(history, {
      split: START + 1200 * DAY,
      replications: 40,
      seed: 1,
      rng: new RandomStreams(1).stream('backtest'),
    });
    expect(again.model).toEqual(result.model);
    expect(again.naive).toEqual(result.naive);
  });

  it('names which forecast came closer on each measure', () => {
    for (const k of ['p50', 'p85', 'p95', 'goLives', 'wipAtEnd'] as const) {
      const m = Math.abs(result.model[k].estimate - result.actual[k]);
      const n = Math.abs(result.naive[k].estimate - result.actual[k]);
      expect(result.closer[k], k).toBe(m < n ? 'model' : n < m ? 'naive' : 'tie');
    }
  });
});

/** A hand-made history: case, activity, start day, end day (empty: under way), outcome. */
async function handMade(rows: [number, string, number, number | '', string][]): Promise<History> {
  const lines = ['case_id,activity,resource,start_time,end_time,outcome'];
  for (const [c, a, s, e, o] of rows)
    lines.push(
      `${c},${a},p${c}${a},${new Date(START + s * DAY).toISOString()},${e === '' ? '' : new Date(START + e * DAY).toISOString()},${o}`,
    );
  const file = join(outFolder(), 'hand.csv');
  writeFileSync(file, lines.join('\n'));
  return readHistory(file);
}

describe('the parts of a back-test', () => {
  it('counts what happened in a window: go-lives in it with their days from request, and what was open at its end', async () => {
    const h = await handMade([
      [1, 'a', 0, 5, 'live'], // live before the window
      [2, 'a', 2, 12, 'live'], // live in the window: 10 days
      [3, 'a', 8, 30, 'live'], // live after it: open at its end
      [4, 'a', 9, 11, 'abandoned'],
    ]);
    expect(actualOutcome(h, START + 10 * DAY, START + 20 * DAY)).toEqual({ cycleTimes: [10], goLives: 1, wipAtEnd: 1 });
  });

  it('starts the open work where each use case stood: under way with its effort so far, or after its last activity', async () => {
    const h = await handMade([
      [1, 'a', 0, 7, 'live'],
      [1, 'b', 7, 20, 'live'],
      [2, 'a', 3, 8, 'live'],
      [2, 'b', 12, 14, 'live'],
    ]);
    const at = historyAt(h, START + 10 * DAY);
    const spec = { workflow: { start: 'work.a' } } as Parameters<typeof openWorkAt>[1];
    expect(openWorkAt(at, spec)).toEqual([
      {
        domain: 'organisation',
        type: 'use_case',
        age: 10,
        activity: 'work.b',
        state: 'working',
        effortDone: (3 * 5) / 7,
      },
      { domain: 'organisation', type: 'use_case', age: 7, activity: 'work.a', state: 'done', waited: 2 },
    ]);
  });

  it('measures the Wasserstein-1 distance as the area between two distribution functions', () => {
    expect(wasserstein1([0, 1], [1, 2])).toBeCloseTo(1, 12);
    expect(wasserstein1([0, 0, 3], [0, 3, 3])).toBeCloseTo(1, 12);
    expect(wasserstein1([5], [5])).toBe(0);
  });
});
