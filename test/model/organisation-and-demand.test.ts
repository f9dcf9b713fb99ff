/**
 * Who does the work and what arrives: routing to the least-loaded eligible team, the pools
 * of people a run reports (measured after the warm-up) and what they cost, dated use cases
 * and Poisson demand.
 */
import { describe, expect, it } from 'vitest';
import { simulate, type RunResult } from '../../src/model/index.js';
import { validateScenario, type ScenarioSpec } from '../../src/scenario/index.js';
import { rowsOf } from '../support/run-log.js';
import { datedScenario, itemsOn } from '../support/small-scenarios.js';

const run = (spec: ScenarioSpec): RunResult => simulate(spec, { seed: 1 });

/** Use cases of one ten-day activity by a worker; teams as given. */
function tenDays(teams: ScenarioSpec['teams'], domains: ScenarioSpec['domains'], parts: Partial<ScenarioSpec> = {}) {
  return validateScenario(
    datedScenario({
      domains,
      teams,
      workflow: {
        start: 'w.do',
        loops: { w: { activities: { do: { role: 'worker', effort: 10, next: { live: 1 } } } } },
      },
      ...parts,
    }),
  ).spec;
}

const teamsOfStarts = (result: RunResult) => rowsOf(result.log, 'activity_start').map((r) => [r.item, r.team]);

describe('routing an activity to a team', () => {
  it('picks the eligible team with the least load per person, the first listed on a tie', () => {
    // load = (people busy + use cases waiting) / headcount: a has two workers, b one
    const result = run(
      tenDays(
        { a: { home: 'centre', headcount: { worker: 2 } }, b: { home: 'centre', headcount: { worker: 1 } } },
        { d: { items: itemsOn('job', 0, 0, 0, 0, 0) } },
      ),
    );
    // 0: 0 vs 0 -> a; 1: 1/2 vs 0 -> b; 2: 1/2 vs 1 -> a; 3: 1 vs 1 -> a (waits); 4: 3/2 vs 1 -> b (waits)
    expect(teamsOfStarts(result)).toEqual([
      [0, 'a'],
      [1, 'b'],
      [2, 'a'],
      [3, 'a'],
      [4, 'b'],
    ]);
    expect(result.items.map((i) => i.end)).toEqual([10, 10, 10, 20, 20]);
    // over 1000 days: a's two workers are busy 30 person-days and one waits 10; b's worker 20 and 10
    const [a, b] = result.pools;
    expect([a.team, a.headcount, b.team, b.headcount]).toEqual(['a', 2, 'b', 1]);
    expect(a.utilization).toBeCloseTo(30 / 1000 / 2, 12);
    expect(b.utilization).toBeCloseTo(20 / 1000, 12);
    expect([a.meanQueue, b.meanQueue]).toEqual([0.01, 0.01]);
  });

  it("gives a domain's use cases to its own team while it has the role, however loaded", () => {
    const result = run(
      tenDays(
        { hub: { home: 'centre', headcount: { worker: 5 } }, own: { home: 'd', headcount: { worker: 1 } } },
        { d: { items: itemsOn('job', 0, 0) }, e: { items: itemsOn('job', 0) } },
      ),
    );
    expect(teamsOfStarts(result)).toEqual([
      [0, 'own'],
      [2, 'hub'],
      [1, 'own'],
    ]);
  });
});

describe('a scenario the check would have refused (validation skipped)', () => {
  it('fails naming the role and the domain when no team serving the domain has the role', () => {
    const spec = tenDays({ t: { home: 'centre', headcount: { worker: 1 } } }, { d: { items: itemsOn('job', 0) } });
    spec.teams.t.serves = ['elsewhere'];
    expect(() => simulate(spec, { seed: 1 })).toThrow('no team serving d has a worker');
  });
});

describe('the pools of people a run reports', () => {
  // one worker at 365 a year; two ten-day use cases on day 0: she works days 0-20, the
  // second waits days 0-10; a horizon of 40 days
  const pooled = (warmup: number, cost: Partial<ScenarioSpec> = {}) =>
    tenDays(
      { t: { home: 'centre', headcount: { worker: 1, idle: 0 } } },
      {
        d: { items: itemsOn('job', 0, 0), sme: { people: 2, availability: 0.5 } },
        e: { sme: { people: 0, availability: 1 } },
      },
      { horizon_days: 40, warmup_days: warmup, roles: { worker: { cost_per_year: 365 }, idle: {} }, ...cost },
    );

  it('are one per team and role with people, then the subject-matter experts of each domain that has some', () => {
    expect(run(pooled(0)).pools.map((p) => [p.team, p.role, p.headcount])).toEqual([
      ['t', 'worker', 1],
      ['d-sme', 'sme', 2],
    ]);
  });

  it('measure utilisation and queue over the whole run without a warm-up', () => {
    const [worker, experts] = run(pooled(0)).pools;
    expect([worker.utilization, worker.meanQueue]).toEqual([0.5, 0.25]);
    expect([experts.utilization, experts.meanQueue]).toEqual([0, 0]);
  });

  it('measure utilisation and queue after the warm-up only', () => {
    const [worker] = run(pooled(10)).pools;
    // days 10-40: busy 10 of 30, nobody waiting
    expect(worker.utilization).toBeCloseTo(1 / 3, 12);
    expect(worker.meanQueue).toBe(0);
  });

  it("cost the teams' people over the measured window, at the team's own rate where it has one; experts cost nothing", () => {
    expect(run(pooled(0)).peopleCost).toBeCloseTo(40, 9);
    expect(run(pooled(10)).peopleCost).toBeCloseTo(30, 9);
    const own = pooled(0);
    own.teams.t.cost_per_year = { worker: 730 };
    expect(run(validateScenario(own).spec).peopleCost).toBeCloseTo(80, 9);
  });
});

describe('demand', () => {
  const job = (parts: Partial<ScenarioSpec>, domains: ScenarioSpec['domains']) =>
    tenDays({ t: { home: 'centre', headcount: { worker: 100 } } }, domains, parts);

  it('brings dated use cases on their days, in order of day whatever the order written, ids in order of arrival', () => {
    const result = run(job({}, { d: { items: [...itemsOn('job', 5), ...itemsOn('job', 2, 2.5)] } }));
    expect(result.items.map((i) => [i.id, i.arrival])).toEqual([
      [0, 2],
      [1, 2.5],
      [2, 5],
    ]);
  });

  it('brings no dated use case on or after the horizon', () => {
    const result = run(job({ horizon_days: 10 }, { d: { items: itemsOn('job', 9, 10, 12) } }));
    expect(result.items.map((i) => i.arrival)).toEqual([9]);
  });

  it('brings Poisson arrivals at the rate per month given, none at a rate of 0', () => {
    // 20 a month over 24 months: 480 use cases (Poisson, sd 22)
    const spec = job({ horizon_days: 2 * 365 }, { d: { demand: { job: 20, none: 0 } } });
    const result = simulate(spec, { seed: 1, log: false });
    expect(Math.abs(result.items.length - 480)).toBeLessThan(4 * 22);
    expect(result.items.every((i) => i.type === 'job')).toBe(true);
    const arrivals = result.items.map((i) => i.arrival);
    expect(arrivals).toEqual([...arrivals].sort((a, b) => a - b));
  });

  it("draws each domain and type's arrivals from its own stream: another type's demand leaves them as they were", () => {
    const times = (demand: Record<string, number>) =>
      run(job({ horizon_days: 200, use_case_types: { job: {}, other: {} } }, { d: { demand } }))
        .items.filter((i) => i.type === 'job')
        .map((i) => i.arrival);
    const alone = times({ job: 10 });
    expect(alone.length).toBeGreaterThan(30);
    expect(times({ job: 10, other: 20 })).toEqual(alone);
    expect(times({ other: 20, job: 10 })).toEqual(alone);
  });
});
