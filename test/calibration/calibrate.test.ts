/**
 * What calibrate does where the history is thin: roles found by grouping people who do the
 * same activities, headcount from activities at once when no one is named, and plain notes
 * for what it had to assume.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { calibrate, readHistory } from '../../src/calibration/index.js';
import { RandomStreams } from '../../src/random/index.js';
import { outFolder } from '../cli/orgflow-process.js';

/** Cases 0..n-1, each: build by one of `builders`, then ship by one of `shippers`; one a day. */
function log(n: number, builders: string[], shippers: string[], withResource = true): string {
  const rows = ['case_id,activity,resource,start_time,end_time,outcome'];
  const day = (d: number, h = 0) => new Date(Date.UTC(2026, 0, 1) + d * 86_400_000 + h * 3_600_000).toISOString();
  for (let i = 0; i < n; i++) {
    const b = builders[i % builders.length];
    const s = shippers[i % shippers.length];
    const start = i * builders.length; // a builder is never in two builds at once
    rows.push(`${i},build,${withResource ? b : ''},${day(start)},${day(start, 20 + (i % 7))},live`);
    rows.push(`${i},ship,${withResource ? s : ''},${day(start + 1)},${day(start + 1, 6 + (i % 5))},live`);
  }
  const file = join(outFolder(), 'log.csv');
  writeFileSync(file, rows.join('\n'));
  return file;
}
const calibrateLog = async (file: string) => calibrate(await readHistory(file), new RandomStreams(1).stream('fit'));

describe('calibrating a thin history', () => {
  it('finds roles by grouping people who do the same activities, and counts them', async () => {
    const c = await calibrateLog(log(40, ['ann', 'bob'], ['cy']));
    expect(c.spec.workflow.loops.work.activities.build.role).toBe('build');
    expect(c.spec.workflow.loops.work.activities.ship.role).toBe('ship');
    expect(c.spec.teams.team.headcount).toEqual({ build: 2, ship: 1 });
    expect(c.notes).toContain('no role column: 2 roles found by grouping people who do the same activities');
    expect(c.notes.some((n) => n.startsWith('no team column'))).toBe(true);
  });

  it('counts headcount as the most activities at once when no one is named, and says so', async () => {
    const c = await calibrateLog(log(40, ['ann', 'bob'], ['cy'], false));
    expect(c.organisation.headcountFrom).toBe('concurrency');
    // builds never overlap; a ship (6 to 10 hours) starts after the next build (20 to 26 hours) has begun
    expect(c.spec.teams.team.headcount).toEqual({ build_role: 1, ship_role: 1 });
    expect(c.comments.get('teams.team.headcount')).toContain('most activities at once (no one named)');
  });

  it('fits arrivals from the first activity when there is no arrival column, and no planning cadence', async () => {
    const c = await calibrateLog(log(40, ['ann', 'bob'], ['cy']));
    // one case every 2 days over 78 days: about 15 a month
    expect(c.arrivals[0].perMonth).toBeCloseTo((40 / (78 + 1 + 10 / 24)) * (365.25 / 12), 0);
    expect(c.spec.management?.planning_cadence_days).toBe(0);
    expect(c.comments.get('management.planning_cadence_days')).toContain('not in the history');
  });
});
