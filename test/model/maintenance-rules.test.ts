/**
 * The rules of maintenance, day by day: a model in production asks for maintenance from the
 * day it goes live (or day 0, for the domain's portfolio) until it retires; its requests go
 * to the maintenance role of a team serving its domain, ahead of project work when urgent;
 * their effort is scaled by the team's maintenance multiplier (and the experts'
 * availability). The request times are random; what follows from them is exact.
 */
import { describe, expect, it } from 'vitest';
import { simulate, type RunResult } from '../../src/model/index.js';
import {
  DAYS_PER_MONTH,
  validateScenario,
  type DistributionSpec,
  type ScenarioSpec,
} from '../../src/scenario/index.js';
import { rowsOf } from '../support/run-log.js';
import { datedScenario } from '../support/small-scenarios.js';

/** Three maintenance requests a day per model, in the scenario's unit (per model per month). */
const THREE_A_DAY = 3 * DAYS_PER_MONTH;

interface Options {
  urgent?: boolean;
  /** Project use cases (ten days of a worker's effort), arriving on day 0. */
  projects?: number;
  /** Models built (one day of a builder's effort) from day 0. */
  models?: number;
  lifetime?: DistributionSpec;
  /** Person-days a request takes (default 1). */
  effort?: number;
  portfolio?: number;
  perMonth?: number;
  role?: string;
}

/**
 * A builder turns `model` use cases into models in production in a day; one worker does
 * `project` use cases (ten days each, then closed) and the models' maintenance (a day a request unless
 * given). Models live 5 days unless given; a horizon of 100 days.
 */
function maintained(o: Options): ScenarioSpec {
  return validateScenario(
    datedScenario({
      horizon_days: 100,
      domains: {
        d: {
          items: [
            ...Array.from({ length: o.models ?? 1 }, () => ({ day: 0, type: 'model' })),
            ...Array.from({ length: o.projects ?? 0 }, () => ({ day: 0, type: 'project' })),
          ],
          models_in_production: o.portfolio ?? 0,
          ...(o.role === 'sme' ? { sme: { people: 1, availability: 0.5 } } : {}),
        },
      },
      use_case_types: { model: { skip_loops: ['work'] }, project: { skip_loops: ['build'] } },
      teams: { t: { home: 'centre', headcount: { builder: 1, worker: 1 } } },
      workflow: {
        start: 'build.build',
        loops: {
          build: { activities: { build: { role: 'builder', effort: 1, next: { 'work.work': 1 } } } },
          // projects are closed, not put in production: only the models ask for maintenance
          work: { activities: { work: { role: 'worker', effort: 10, next: { abandon: 1 } } } },
        },
      },
      maintenance: {
        incidents_per_model_per_month: o.perMonth ?? THREE_A_DAY,
        role: o.role ?? 'worker',
        effort: o.effort ?? 1,
        urgent: o.urgent ?? true,
        lifetime_days: o.lifetime ?? 5,
      },
    }),
  ).spec;
}

const run = (spec: ScenarioSpec, sampleEveryDays = 7): RunResult => simulate(spec, { seed: 2, sampleEveryDays });
const startTimes = (result: RunResult) => rowsOf(result.log, 'maintenance_start').map((r) => r.time);

describe('maintenance requests', () => {
  it('come from the day a model goes live until it retires, and are logged by the person who serves them', () => {
    // built on day 1, in production for 5 days; each request takes the worker a moment
    const result = run(maintained({ effort: 0.01 }));
    const starts = startTimes(result);
    expect(starts.length).toBeGreaterThan(3);
    for (const t of starts) expect(t >= 1 && t < 6, `a request served on day ${t}`).toBe(true);
    const [row] = rowsOf(result.log, 'maintenance_start');
    expect([row.item, row.type, row.loop, row.team, row.role, row.person, row.detail]).toEqual([
      0,
      'model',
      'maintenance',
      't',
      'worker',
      't/worker/0',
      '',
    ]);
    const ends = rowsOf(result.log, 'maintenance_end');
    expect(ends.map((r) => r.duration)).toEqual(starts.map(() => 0.01));
    expect(ends.map((r) => r.time)).toEqual(starts.map((t) => t + 0.01));
  });

  it('when urgent, go before project work already waiting', () => {
    // the worker does the first project on days 0-10; the second waits; the requests made
    // meanwhile are served first, back to back, from day 10
    const result = run(maintained({ urgent: true, projects: 2 }));
    const starts = startTimes(result);
    const n = starts.length;
    expect(n).toBeGreaterThan(3);
    expect(starts).toEqual(starts.map((_, k) => 10 + k));
    const second = result.items.filter((i) => i.type === 'project')[1];
    expect([second.waiting, second.end]).toEqual([10 + n, 20 + n]);
  });

  it('when not urgent, queue behind project work that asked first', () => {
    const result = run(maintained({ urgent: false, projects: 2 }));
    const starts = startTimes(result);
    expect(starts.length).toBeGreaterThan(3);
    expect(starts).toEqual(starts.map((_, k) => 20 + k));
    expect(result.items.filter((i) => i.type === 'project').map((i) => i.end)).toEqual([10, 20]);
  });

  it("take the serving team's maintenance multiplier on their effort", () => {
    const spec = maintained({});
    spec.teams.t.effort_multiplier = { maintenance: 3, work: 5 };
    const result = run(validateScenario(spec).spec);
    const ends = rowsOf(result.log, 'maintenance_end');
    expect(ends.length).toBeGreaterThan(0);
    expect(ends.map((r) => r.duration)).toEqual(ends.map(() => 3));
  });

  it("done by the domain's experts take their effort at the experts' availability", () => {
    const result = run(maintained({ role: 'sme' }));
    const ends = rowsOf(result.log, 'maintenance_end');
    expect(ends.length).toBeGreaterThan(0);
    expect(ends.map((r) => [r.team, r.role, r.duration])).toEqual(ends.map(() => ['d-sme', 'sme', 2]));
  });

  it('never come at a rate of 0', () => {
    const result = run(maintained({ perMonth: 0, portfolio: 5 }));
    expect(startTimes(result)).toEqual([]);
    expect(result.items[0].outcome).toBe('live');
  });
});

describe('models in production', () => {
  it('count from go-live to retirement at the end of their lifetime', () => {
    const result = run(maintained({ perMonth: 0 }), 0.5);
    const at = (t: number) => result.flow.inProduction[result.flow.time.indexOf(t)];
    // built on day 1, retired on day 6
    expect([at(0.5), at(1.5), at(5.5), at(6.5), at(50)]).toEqual([0, 1, 1, 0, 0]);
  });

  it('gone live keep the whole of a constant lifetime, unlike the day-0 portfolio', () => {
    // five models built one after the other on days 1 to 5, each in production for 5 days
    const result = run(maintained({ models: 5, perMonth: 0 }), 0.5);
    const at = (t: number) => result.flow.inProduction[result.flow.time.indexOf(t)];
    expect([at(0.5), at(3.5), at(5.5), at(6.5), at(8.5), at(9.5), at(10.5)]).toEqual([0, 3, 5, 4, 2, 1, 0]);
  });

  it('of the day-0 portfolio are in production from day 0, each with part of a constant lifetime left, and ask for maintenance', () => {
    const result = run(maintained({ models: 0, portfolio: 20, lifetime: 10, perMonth: 3 }), 0.5);
    const at = (t: number) => result.flow.inProduction[result.flow.time.indexOf(t)];
    expect(at(0)).toBe(20);
    // each retires at a uniform share of its 10 days: some by day 5, all by day 10
    expect(at(5)).toBeLessThan(20);
    expect(at(5)).toBeGreaterThan(0);
    expect(at(10)).toBe(0);
    const [row] = rowsOf(result.log, 'maintenance_start');
    expect([row.item, row.type, row.detail.startsWith('portfolio/d/')]).toEqual([-1, '', true]);
  });

  it('of the portfolio with an exponential lifetime have a whole lifetime ahead (it is memoryless)', () => {
    // 200 models, a mean of 100 days: at day 100, e^-1 of them (74, sd 7) are still in
    // production; with a uniform share of a lifetime left only 15% (30) would be
    const spec = maintained({ models: 0, portfolio: 200, lifetime: { exponential: { mean: 100 } }, perMonth: 0 });
    const result = run(validateScenario({ ...spec, horizon_days: 150 }).spec, 50);
    expect(result.flow.time[2]).toBe(100);
    expect(result.flow.inProduction[2]).toBeGreaterThan(50);
    expect(result.flow.inProduction[2]).toBeLessThan(100);
  });

  it('retire even in a scenario without maintenance (a default lifetime of two years on average)', () => {
    const spec = maintained({ models: 0, portfolio: 100 });
    delete spec.maintenance;
    spec.horizon_days = 800;
    const result = run(validateScenario(spec).spec, 365);
    expect(result.flow.inProduction[0]).toBe(100);
    // at day 730, e^-1 of them: 37 (sd 5)
    expect(result.flow.inProduction[2]).toBeGreaterThan(20);
    expect(result.flow.inProduction[2]).toBeLessThan(55);
  });
});
