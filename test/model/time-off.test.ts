/**
 * Time off: public holidays (a count a year or dates) and absence, as capacity that comes and
 * goes during the run. Nobody starts work while away, work in hand waits for its person (the
 * days away counted as waiting), the long-run share away is the absence share, and the work
 * done does not depend on it (work conservation): people there are busier instead.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/model/index.js';
import { AwaySchedule, personSpells } from '../../src/model/time-off.js';
import { RandomStreams, replicationSeed } from '../../src/random/index.js';
import { validateScenario, type ScenarioSpec } from '../../src/scenario/index.js';
import { confidenceInterval } from '../../src/statistics/batch-means.js';
import { covers, describeCoverage } from '../support/coverage.js';
import { logRows } from '../support/run-log.js';
import { datedScenario, itemsOn, mmcScenario } from '../support/small-scenarios.js';

describe('a person days away', () => {
  const schedule = new AwaySchedule([10, 20], [12, 25]);

  it('add to work that spans them, and only to that', () => {
    expect(schedule.finish(0, 5)).toBe(5);
    expect(schedule.finish(8, 5)).toBe(15); // 2 days before the spell, 3 after it
    expect(schedule.finish(8, 15)).toBe(30); // 15 days of work and both spells, 2 + 5 days away
    expect(schedule.finish(12, 3)).toBe(15); // starting as a spell ends
    expect(schedule.finish(30, 1)).toBe(31);
  });

  it('merge holidays and absence spells that overlap', () => {
    let draws = 0;
    const rng = () => [0.99, 0.5, 0.5, 0.5][draws++ % 4];
    const s = personSpells(0, 7, 100, rng, [
      [10, 11.4],
      [11, 12],
    ]);
    expect([s.starts, s.ends]).toEqual([[10], [12]]);
  });

  it('take the absence share of the time in the long run', () => {
    const streams = new RandomStreams(3);
    const shares = Array.from({ length: 20 }, (_, k) => {
      const s = personSpells(0.1, 7, 20_000, streams.keyed('test/absence', k), []);
      const away = s.starts.reduce((sum, start, i) => sum + Math.min(s.ends[i], 20_000) - start, 0);
      return away / 20_000;
    });
    const est = confidenceInterval(shares);
    expect(covers(est, 0.1), describeCoverage(est, 0.1)).toBe(true);
  });
});

/** Ten people, plenty for the work, one activity of 5 person-days per use case, with holidays given. */
function withHolidays(holidays: number | string[], days: number[]): ScenarioSpec {
  return validateScenario({
    ...datedScenario({
      domains: { d: { items: itemsOn('job', ...days) } },
      teams: { t: { home: 'centre', headcount: { worker: 10 } } },
      workflow: {
        start: 'w.do',
        loops: { w: { activities: { do: { role: 'worker', effort: 5, next: { live: 1 } } } } },
      },
    }),
    calendar: { working_days_per_week: 7, holidays, start_date: '2027-01-04' },
  }).spec;
}

describe('a run with public holidays', () => {
  it('starts no work on a holiday, and work in hand waits for the day after, counted as waiting', () => {
    // holidays on days 3 and 10 (one working day each: one calendar day at seven working days a week)
    const spec = withHolidays(['2027-01-07', '2027-01-14'], [0, 3.5, 6]);
    const run = simulate(spec, { seed: 1 });
    const [a, b, c] = run.items;
    expect(a.timeToProduction).toBe(6); // days 0-3 and 4-6: one day away in between
    expect([a.work, a.waiting]).toEqual([5, 1]);
    expect(b.timeToProduction).toBe(5.5); // arrives on the holiday: starts at day 4
    expect(b.waiting).toBe(0.5);
    expect(c.timeToProduction).toBe(6); // days 6-10 and 11-12
    const away = logRows(run.log).filter((r) => r.kind === 'wait' && r.detail === 'away');
    expect(away.map((r) => [r.item, r.duration])).toEqual([
      [0, 1],
      [2, 1],
    ]);
    for (const r of logRows(run.log).filter((r) => r.kind === 'activity_start'))
      expect(r.time >= 3 && r.time < 4).toBe(false);
  });

  it('counts the days away in the pools: utilisation is of the time people are there', () => {
    const run = simulate(withHolidays(10, [0]), { seed: 1 });
    const [pool] = run.pools;
    // ten holidays a year of one calendar day each, over a 1,000-day run: 27 of them
    expect(pool.away).toBeCloseTo(27 / 1000, 12);
    expect(pool.utilization).toBeCloseTo(5 / (10 * (1000 - 27)), 12);
  });
});

describe('absence over a long run', () => {
  /** One M/M/1-like station: a worker, Poisson arrivals at `perDay`, exponential effort of mean 1, absence `share`. */
  const station = (share: number, perDay: number) => {
    const spec = structuredClone(mmcScenario(1, perDay, 1, 20_000, 1_000)) as ScenarioSpec;
    spec.roles.server = { absence: share };
    return validateScenario(spec).spec;
  };

  it('takes the absence share of the time, and the people there do the same work: busier by 1 / (1 - share)', () => {
    const [share, perDay] = [0.2, 0.5];
    const runs = Array.from({ length: 16 }, (_, r) =>
      simulate(station(share, perDay), { seed: replicationSeed(41, r), log: false }),
    );
    const away = confidenceInterval(runs.map((run) => run.pools[0].away));
    expect(covers(away, share), describeCoverage(away, share)).toBe(true);
    const theory = perDay / (1 - share);
    const utilization = confidenceInterval(runs.map((run) => run.pools[0].utilization));
    expect(covers(utilization, theory), describeCoverage(utilization, theory)).toBe(true);
  });

  it('makes use cases wait longer than without it, and counts the work the same', () => {
    const seed = 5;
    const without = simulate(station(0, 0.5), { seed, log: false });
    const away = simulate(station(0.2, 0.5), { seed, log: false });
    const done = (run: typeof away) => run.items.filter((i) => i.outcome === 'live' && i.arrival < 15_000);
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean(done(away).map((i) => i.waiting))).toBeGreaterThan(1.5 * mean(done(without).map((i) => i.waiting)));
    // the same use cases with the same efforts: the work is the same, the days away are waiting
    expect(mean(done(away).map((i) => i.work))).toBeCloseTo(mean(done(without).map((i) => i.work)), 1);
  });

  it('gives each person their own plan: a team absence overrides its roles', () => {
    const spec = structuredClone(station(0.2, 0.5)) as ScenarioSpec;
    spec.teams.t.absence = 0;
    const run = simulate(validateScenario(spec).spec, { seed: 2, log: false });
    expect(run.pools[0].away).toBe(0);
  });
});
