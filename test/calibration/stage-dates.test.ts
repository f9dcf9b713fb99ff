/**
 * A stage-date file (one row per item, the day it entered each stage) read as a history and
 * fitted: each stage an activity until the next stage's date, the last stage the end.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { calibrate, HistoryError, readStageDates } from '../../src/calibration/index.js';
import { Lognormal, RandomStreams } from '../../src/random/index.js';
import { outFolder } from '../cli/orgflow-process.js';

const DAY = 86_400_000;
const START = Date.UTC(2026, 0, 1);
const iso = (ms: number) => new Date(ms).toISOString();

/** 300 items, one every 2 days, through Analysis (median 3 days), Dev (median 8), Test (median 2) to Done; the last 5 not done. */
function stageFile(): string {
  const rng = new RandomStreams(4).stream('stages');
  const durations = [
    new Lognormal({ median: 3, p90: 6 }),
    new Lognormal({ median: 8, p90: 16 }),
    new Lognormal({ median: 2, p90: 4 }),
  ];
  const lines = ['Key,Type,Analysis,Dev,Test,Done'];
  for (let i = 0; i < 300; i++) {
    let t = START + i * 2 * DAY;
    const dates = [iso(t)];
    for (const d of durations) {
      t += d.sample(rng) * DAY;
      dates.push(iso(t));
    }
    if (i >= 295) dates[3] = ''; // not done yet
    lines.push(`K-${i},${i % 3 === 0 ? 'Bug' : 'Story'},${dates.join(',')}`);
  }
  const file = join(outFolder(), 'stages.csv');
  writeFileSync(file, lines.join('\n'));
  return file;
}

describe('a stage-date file', () => {
  it('becomes cases whose stages are activities, live once they reach the last stage', async () => {
    const h = await readStageDates(stageFile());
    expect(h.cases).toHaveLength(300);
    expect(h.cases[0].activities.map((a) => a.activity)).toEqual(['Analysis', 'Dev', 'Test']);
    expect(h.cases.filter((c) => c.outcome === 'in_progress')).toHaveLength(5);
    expect(Number.isNaN(h.cases[299].activities[2].end)).toBe(true);
    expect(h.notes.some((n) => n.includes('names no one'))).toBe(true);
  });

  it('fits each stage, the arrivals and a scenario that validates', async () => {
    const c = calibrate(await readStageDates(stageFile()), new RandomStreams(1).stream('fit'));
    const activities = c.spec.workflow.loops.work.activities;
    expect(Object.keys(activities)).toEqual(['analysis', 'dev', 'test']);
    // effort is the time in the stage x 5/7: medians 3, 8 and 2 days within 4 standard errors (sigma about 0.54 in log)
    for (const [stage, median] of [
      ['analysis', 3],
      ['dev', 8],
      ['test', 2],
    ] as const) {
      const fit = c.workflow.activities.find((a) => a.activity === stage)?.effort;
      const mu = fit?.families.find((f) => f.family === 'lognormal')?.parameters.mu ?? NaN;
      expect(Math.abs(mu - Math.log((median * 5) / 7)), stage).toBeLessThan((4 * 0.55) / Math.sqrt(fit?.n ?? 1));
    }
    expect(activities.test.next).toEqual({ live: 1 });
    // such a file cannot say a use case was abandoned, nor who did the work: no figure claims it
    expect(c.notes.some((n) => n.startsWith('abandoned, of the use cases that ended'))).toBe(false);
    expect(c.notes).toContain('no role or person column: each activity is given a role of its own');
    expect(c.arrivals.reduce((s, a) => s + a.perMonth, 0)).toBeCloseTo((300 / 598) * (365.25 / 12), 0);
  });

  it('starts a window cut with --from at its first item, so rates are per day of the window', async () => {
    const h = await readStageDates(stageFile(), { from: START + 300 * DAY });
    expect(h.cases).toHaveLength(150);
    expect(h.start).toBe(START + 300 * DAY);
    expect(h.notes).toContain('150 items arrived before --from and are left out');
  });

  it('refuses a stage dated before the one it follows, naming the line', async () => {
    const file = join(outFolder(), 'bad.csv');
    writeFileSync(file, 'Key,A,B,Done\nK-1,2026-01-01,2026-01-05,2026-01-09\nK-2,2026-01-05,2026-01-02,\n');
    await expect(readStageDates(file)).rejects.toThrow(HistoryError);
    await expect(readStageDates(file)).rejects.toThrow(/line 3: B \(2026-01-02\) comes before A/);
  });

  it('refuses an item with no id, naming the line', async () => {
    const file = join(outFolder(), 'no-id.csv');
    writeFileSync(file, 'Key,A,B,Done\nK-1,2026-01-01,2026-01-05,2026-01-09\n,2026-01-05,2026-01-06,\n');
    await expect(readStageDates(file)).rejects.toThrow(/line 3: the item id is empty/);
  });
});
