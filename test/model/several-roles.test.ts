/**
 * People who hold several roles: against Erlang C (two people holding both roles of two
 * Poisson streams are one M/M/2 queue; one person per role, two M/M/1 queues), the same
 * person going on without a handover, utilisation by group and role, costs and headcount by
 * person, and the checks on the scenario.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/model/index.js';
import { replicationSeed } from '../../src/random/index.js';
import { confidenceInterval } from '../../src/statistics/batch-means.js';
import { mmc } from '../../src/statistics/queueing-theory.js';
import { validateScenario, type ScenarioSpec } from '../../src/scenario/index.js';
import { covers, describeCoverage } from '../support/coverage.js';
import { twoRoleScenario } from '../support/small-scenarios.js';

const PER_DAY = [0.5, 0.3] as const;
const [HORIZON, WARMUP] = [20_000, 1_000];
const REPLICATIONS = 10;

/** Per replication, per type: the mean wait for a person of the use cases that arrived in the window and ended. */
function waitsByType(spec: ScenarioSpec, master: number): { needs_a: number[]; needs_b: number[] } {
  const out = { needs_a: [] as number[], needs_b: [] as number[] };
  for (let r = 0; r < REPLICATIONS; r++) {
    const run = simulate(spec, { seed: replicationSeed(master, r), log: false });
    for (const type of ['needs_a', 'needs_b'] as const) {
      const waits = run.items
        .filter((i) => i.type === type && i.arrival >= WARMUP && i.outcome === 'live')
        .map((i) => i.waiting);
      out[type].push(waits.reduce((s, w) => s + w, 0) / waits.length);
    }
  }
  return out;
}

describe('two people who hold roles a and b, two Poisson streams', () => {
  it('behave as one M/M/2 queue with the combined arrivals: both streams wait as Erlang C says', () => {
    const spec = validateScenario(twoRoleScenario(true, PER_DAY, HORIZON, WARMUP)).spec;
    const theory = mmc(PER_DAY[0] + PER_DAY[1], 1, 2).wq;
    const waits = waitsByType(spec, 31);
    for (const type of ['needs_a', 'needs_b'] as const) {
      const est = confidenceInterval(waits[type]);
      expect(covers(est, theory), `${type}: ${describeCoverage(est, theory)}`).toBe(true);
    }
  });

  it('against one dedicated person per role: two M/M/1 queues, each with its own stream', () => {
    const spec = validateScenario(twoRoleScenario(false, PER_DAY, HORIZON, WARMUP)).spec;
    const waits = waitsByType(spec, 32);
    for (const [k, type] of (['needs_a', 'needs_b'] as const).entries()) {
      const theory = mmc(PER_DAY[k], 1, 1).wq;
      const est = confidenceInterval(waits[type]);
      expect(covers(est, theory), `${type}: ${describeCoverage(est, theory)}`).toBe(true);
    }
  });
});

describe('what people who hold several roles change in a run', () => {
  const shared = validateScenario(twoRoleScenario(true, PER_DAY, 3_000, 300)).spec;

  it('split their busy time across their roles, and cost and count as people, not roles', () => {
    const run = simulate(shared, { seed: 3, log: false });
    expect(run.groups).toHaveLength(1);
    const [group] = run.groups;
    expect(group).toMatchObject({ team: 't', group: 'a+b', roles: ['a', 'b'], people: 2 });
    expect(group.byRole.a + group.byRole.b).toBeCloseTo(group.utilization, 12);
    // offered load: (0.5 + 0.3) person-days a day over two people
    expect(group.utilization).toBeGreaterThan(0.3);
    expect(group.utilization).toBeLessThan(0.5);
    expect(group.byRole.a).toBeGreaterThan(group.byRole.b);
    const pools = Object.fromEntries(run.pools.map((p) => [p.role, p]));
    expect(pools.a.headcount).toBe(2);
    expect(pools.b.headcount).toBe(2);
    expect(pools.a.utilization).toBeCloseTo(group.byRole.a, 9);
    // two people at the higher of their roles' costs (150 a year), over the measured window
    expect(run.peopleCost).toBeCloseTo(2 * 150 * (2_700 / 365), 9);
  });

  it('a use case whose person holds the next role too goes on with them: no handover', () => {
    const both = (people: ScenarioSpec['teams'][string]): ScenarioSpec => {
      const spec = structuredClone(shared);
      spec.use_case_types = { both: {} };
      spec.domains = { d: { demand: { both: 3 } } };
      spec.handovers = { delay: { same_team: 2, same_home: 2, cross_home: 2 } };
      spec.teams = { t: people };
      return validateScenario(spec).spec;
    };
    const one = simulate(both({ home: 'centre', people: [{ roles: ['a', 'b'], count: 1 }] }), { seed: 4, log: false });
    const two = simulate(both({ home: 'centre', headcount: { a: 1, b: 1 } }), { seed: 4, log: false });
    const live = (items: typeof one.items) => items.filter((i) => i.outcome === 'live');
    expect(live(one.items).length).toBeGreaterThan(20);
    expect(live(one.items).every((i) => i.handovers === 0 && i.handover === 0)).toBe(true);
    expect(live(two.items).every((i) => i.handovers === 1 && i.handover === 2)).toBe(true);
  });

  it('person ids name the group: team/a+b/k', () => {
    const run = simulate(shared, { seed: 5, log: true });
    const people = new Set(run.log.person.filter((p) => p !== ''));
    expect([...people].sort()).toEqual(['t/a+b/0', 't/a+b/1']);
  });
});
