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

/** A log from rows: case, activity, resource, role, team, domain, type, start hour, end hour (from 2026-01-01). */
function rowsLog(rows: (string | number)[][]): string {
  const at = (h: number) => new Date(Date.UTC(2026, 0, 1) + h * 3_600_000).toISOString();
  const lines = ['case_id,activity,resource,role,team,domain,type,start_time,end_time,outcome'];
  for (const [c, a, p, r, t, d, y, s, e] of rows)
    lines.push(`${c},${a},${p},${r},${t},${d},${y},${at(Number(s))},${at(Number(e))},live`);
  const file = join(outFolder(), 'rows.csv');
  writeFileSync(file, lines.join('\n'));
  return file;
}

describe('calibrating a history whose names are not ids', () => {
  it('makes names ids once, so types keep their effort scale and roles their people, and the scenario validates', async () => {
    const rows: (string | number)[][] = [];
    for (let i = 0; i < 30; i++) {
      const quick = i % 2 === 0;
      const h = i * 100;
      rows.push([
        i,
        'Build Model',
        'ann',
        'Data Scientist',
        'Data Team',
        'Sales Ops',
        quick ? 'Quick Win' : 'Big Bet',
        h,
        h + (quick ? 30 : 10) + (i % 5),
      ]);
      rows.push([
        i,
        'Sign off',
        `e${i % 2}`,
        'SME',
        'Business',
        'Sales Ops',
        quick ? 'Quick Win' : 'Big Bet',
        h + 50,
        h + 52,
      ]);
    }
    const c = await calibrateLog(rowsLog(rows));
    // quick wins are the reference (as common as big bets, and met first); big bets take less effort
    expect(c.workflow.referenceType).toBe('quick_win');
    expect((c.spec.use_case_types.big_bet.effort_scale as Record<string, number>).work).toBeLessThan(1);
    expect(c.spec.workflow.loops.work.activities.build_model.role).toBe('data_scientist');
    expect(c.spec.workflow.loops.work.activities.sign_off.role).toBe('sme');
    expect(c.spec.domains.sales_ops.sme?.people).toBe(2);
    expect(c.spec.teams.data_team.headcount).toEqual({ data_scientist: 1 });
  });

  it('keeps apart activities whose ids would collide or be a reserved word, and says so', async () => {
    const rows: (string | number)[][] = [];
    for (let i = 0; i < 10; i++) {
      const h = i * 100;
      rows.push([i, 'Data Prep', 'ann', 'dev', 'team', 'd', 't', h, h + 5]);
      rows.push([i, 'data prep', 'bob', 'dev', 'team', 'd', 't', h + 10, h + 15]);
      rows.push([i, 'Live', 'cy', 'ops', 'team', 'd', 't', h + 20, h + 25]);
    }
    const c = await calibrateLog(rowsLog(rows));
    expect(Object.keys(c.spec.workflow.loops.work.activities)).toEqual(['data_prep', 'data_prep_2', 'live_activity']);
    expect(c.spec.workflow.loops.work.activities.data_prep_2.next).toEqual({ live_activity: 1 });
    expect(c.notes.some((n) => n.includes('"data prep" is work.data_prep_2'))).toBe(true);
  });

  it('writes an activity whose durations are all equal as a constant, and one that never took time as 0', async () => {
    const rows: (string | number)[][] = [];
    for (let i = 0; i < 12; i++) {
      rows.push([i, 'review', 'ann', 'dev', 'team', 'd', 't', i * 100, i * 100 + 20]);
      rows.push([i, 'stamp', 'bob', 'ops', 'team', 'd', 't', i * 100 + 30, i * 100 + 30]);
    }
    const c = await calibrateLog(rowsLog(rows));
    expect(c.spec.workflow.loops.work.activities.review.effort).toBeCloseTo((20 / 24) * (5 / 7), 2);
    expect(c.spec.workflow.loops.work.activities.stamp.effort).toBe(0);
    expect(c.comments.get('workflow.loops.work.activities.stamp.effort')).toContain('took no time');
  });

  it('lets a team serve a domain that no team at home there could serve', async () => {
    const rows: (string | number)[][] = [];
    for (let i = 0; i < 40; i++)
      rows.push([i, 'build', `p${i % 2}`, 'dev', 'north', i < 38 ? 'big' : 'small', 't', i * 100, i * 100 + 10]);
    const c = await calibrateLog(rowsLog(rows));
    expect(c.spec.teams.north).toMatchObject({ home: 'big', serves: ['big', 'small'] });
    expect(c.notes.some((n) => n.startsWith('team north also serves small'))).toBe(true);
  });
});

describe('renaming in place', () => {
  it('gives the same scenario as renaming a copy, leaves the history alone without it, and renames it with it', async () => {
    const file = join(import.meta.dirname, '..', '..', 'scenarios', 'examples', 'history', 'activity-log.csv');
    const read = () =>
      readHistory(file, { columns: { end: 'Finished' }, activities: { Release: 'Deployment' }, allowOverlap: true });
    const kept = await read();
    const copied = calibrate(kept, new RandomStreams(1).stream('fit'));
    expect(kept.cases[0].activities[0].activity).toBe('Discovery');
    expect(kept.cases[0].domain).toBe('Insurance');
    const renamed = await read();
    const inPlace = calibrate(renamed, new RandomStreams(1).stream('fit'), undefined, { renameInPlace: true });
    expect(inPlace.spec).toEqual(copied.spec);
    expect(renamed.cases[0].activities[0].activity).toBe('work.discovery');
    expect(renamed.cases[0].domain).toBe('insurance');
    expect(renamed.cases[0].activities[0].role).toBe('analyst');
    // calibrated again, a renamed history gives the same scenario: renaming is idempotent
    const again = calibrate(renamed, new RandomStreams(1).stream('fit'), undefined, { renameInPlace: true });
    expect(again.spec).toEqual(copied.spec);
  });
});
