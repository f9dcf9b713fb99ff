/**
 * Common random numbers: every source of randomness of a use case (its efforts, its route,
 * its handovers, its gates) and of a model in production (its lifetime, its maintenance
 * requests) draws from streams of its own, so what happens to one does not change with what
 * else is in the run. Two domains, each with its own team, never touch each other's people:
 * adding the other domain's work must leave this domain's use cases and models exactly as
 * they were.
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

/**
 * Domains b (listed first) and a, each with its own worker and checker. A use case is worked
 * (random effort), may loop back, is handed to the checker (random delay) and passes a gate
 * that approves half the time; once live, its model asks for maintenance until it retires.
 */
function twoDomains(
  items: { a: number[]; b: number[] },
  portfolio = { a: 0, b: 0 },
  lifetime: DistributionSpec = { exponential: { mean: 100 } },
): ScenarioSpec {
  const team = (home: string) => ({ home, headcount: { worker: 1, checker: 1 } });
  const domain = (days: number[], models: number) => ({
    items: days.map((day) => ({ day, type: 'job' })),
    models_in_production: models,
  });
  return validateScenario(
    datedScenario({
      horizon_days: 400,
      domains: { b: domain(items.b, portfolio.b), a: domain(items.a, portfolio.a) },
      use_case_types: { job: {} },
      teams: { tb: team('b'), ta: team('a') },
      handovers: { delay: { same_team: { exponential: { mean: 1 } }, same_home: 0, cross_home: 0 } },
      management: { gates: { board: { cadence_days: 1, approval_probability: 0.5 } } },
      workflow: {
        start: 'w.work',
        loops: {
          w: {
            activities: {
              work: { role: 'worker', effort: { exponential: { mean: 2 } }, next: { work: 0.5, check: 0.5 } },
              check: { role: 'checker', effort: { exponential: { mean: 1 } }, gate: 'board', next: { live: 1 } },
            },
          },
        },
      },
      maintenance: {
        incidents_per_model_per_month: DAYS_PER_MONTH / 5,
        role: 'worker',
        effort: { exponential: { mean: 0.5 } },
        lifetime_days: lifetime,
      },
    }),
  ).spec;
}

const run = (spec: ScenarioSpec): RunResult => simulate(spec, { seed: 7 });
/** The maintenance requests of domain a's models: when each started, and for which model. */
function domainA(result: RunResult) {
  return {
    maintenance: rowsOf(result.log, 'maintenance_start')
      .filter((r) => r.domain === 'a')
      .map((r) => [r.time, r.item, r.detail]),
  };
}

describe("a domain's use cases and models draw from streams of their own", () => {
  it("a use case's efforts, route, handovers and gates do not change when another domain's use case comes along", () => {
    const alone = run(twoDomains({ a: [0, 0.1, 0.2, 0.3], b: [] }));
    const together = run(twoDomains({ a: [0, 0.1, 0.2, 0.3], b: [0.5, 1, 2, 3] }));
    const a = (result: RunResult) => result.items.filter((i) => i.domain === 'a');
    expect(a(alone).map((i) => i.id)).toEqual([0, 1, 2, 3]);
    expect(a(together).map((i) => i.id)).toEqual([0, 1, 2, 3]);
    expect(a(together)).toEqual(a(alone));
    // the use cases did meet each source of randomness
    expect(a(alone).some((i) => i.iterations > 0)).toBe(true);
    expect(a(alone).some((i) => i.gateRejections > 0)).toBe(true);
    expect(a(alone).every((i) => i.handover > 0)).toBe(true);
  });

  it("a model's lifetime and maintenance requests do not change when another domain's models are in production", () => {
    // b's portfolio is started first, so a shared stream would give b the draws a had alone
    const alone = domainA(run(twoDomains({ a: [], b: [] }, { a: 2, b: 0 })));
    const together = domainA(run(twoDomains({ a: [], b: [] }, { a: 2, b: 3 })));
    expect(alone.maintenance.length).toBeGreaterThan(3);
    // a's requests stop when its models retire: the same days, the same lifetimes
    expect(together.maintenance).toEqual(alone.maintenance);
  });

  it("a model gone live keeps its maintenance requests whatever another domain's models do", () => {
    const alone = domainA(run(twoDomains({ a: [0], b: [] })));
    const together = domainA(run(twoDomains({ a: [0], b: [] }, { a: 0, b: 3 })));
    expect(alone.maintenance.length).toBeGreaterThan(3);
    expect(together.maintenance).toEqual(alone.maintenance);
  });

  it("a model's requests up to its retirement do not depend on its lifetime", () => {
    const spec = (life: number) => twoDomains({ a: [0], b: [] }, { a: 0, b: 0 }, life);
    const long = domainA(run(spec(200))).maintenance;
    const short = domainA(run(spec(100))).maintenance;
    expect(short.length).toBeGreaterThan(3);
    expect(long.slice(0, short.length)).toEqual(short);
    expect(long.length).toBeGreaterThan(short.length);
  });

  it("a use case's draws for different purposes are independent: its effort says nothing of its route", () => {
    // 400 use cases, ample workers (no queue): one exponential activity, then live or abandon at even odds.
    // Were the effort and route streams one sequence, the effort's uniform would also pick the route.
    const spec = validateScenario(
      datedScenario({
        horizon_days: 500,
        domains: { d: { items: Array.from({ length: 400 }, (_, day) => ({ day, type: 'job' })) } },
        use_case_types: { job: {} },
        teams: { t: { home: 'centre', headcount: { worker: 50 } } },
        workflow: {
          start: 'w.work',
          loops: {
            w: {
              activities: {
                work: { role: 'worker', effort: { exponential: { mean: 1 } }, next: { live: 0.5, abandon: 0.5 } },
              },
            },
          },
        },
      }),
    ).spec;
    const items = simulate(spec, { seed: 3, log: false }).items;
    expect(items).toHaveLength(400);
    const quickest = [...items].sort((x, y) => x.work - y.work).slice(0, 200);
    const liveShare = quickest.filter((i) => i.outcome === 'live').length / quickest.length;
    // the share that went live among the half with the least work: 1/2, within four standard errors
    expect(Math.abs(liveShare - 0.5)).toBeLessThan(4 * Math.sqrt(0.25 / quickest.length));
  });
});
