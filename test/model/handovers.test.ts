/**
 * Handovers between people: a delay only where the work changes hands, longer the further
 * the boundary (same team, same home, across homes), and context lost on the way: a
 * clarification round with the domain's subject-matter experts, or part of the previous
 * activity redone. Constant efforts and delays, so every day is computed by hand.
 */
import { describe, expect, it } from 'vitest';
import { simulate, type RunResult } from '../../src/model/index.js';
import { validateScenario, type ScenarioSpec } from '../../src/scenario/index.js';
import { rowsOf } from '../support/run-log.js';
import { datedScenario, itemsOn } from '../support/small-scenarios.js';

/** Handover delays that tell the boundaries apart: 1 day in a team, 10 in a home, 100 across. */
const DELAYS = { same_team: 1, same_home: 10, cross_home: 100 };
type Handovers = NonNullable<ScenarioSpec['handovers']>;
const NONE = { same_team: 0, same_home: 0, cross_home: 0 };

/**
 * Domain d's team `dom` (an analyst and a tester), its second team `dom2` (an engineer) and
 * the central `hub` (a deployer). One use case on day 0 goes analyse -> test -> build ->
 * deploy -> release, one day each: a change of role in a team, of team in the domain, to the
 * centre, then the same person going on.
 */
function chain(handovers?: Handovers, sme?: { people: number; availability: number }): ScenarioSpec {
  return validateScenario(
    datedScenario({
      domains: { d: { items: itemsOn('job', 0), ...(sme ? { sme } : {}) } },
      teams: {
        dom: { home: 'd', headcount: { analyst: 1, tester: 1 } },
        dom2: { home: 'd', headcount: { engineer: 1 } },
        hub: { home: 'centre', headcount: { deployer: 1 } },
      },
      workflow: {
        start: 'w.analyse',
        loops: {
          w: {
            activities: {
              analyse: { role: 'analyst', effort: 1, next: { test: 1 } },
              test: { role: 'tester', effort: 1, next: { build: 1 } },
              build: { role: 'engineer', effort: 1, next: { deploy: 1 } },
              deploy: { role: 'deployer', effort: 1, next: { release: 1 } },
              release: { role: 'deployer', effort: 1, next: { live: 1 } },
            },
          },
        },
      },
      ...(handovers ? { handovers } : {}),
    }),
  ).spec;
}

/**
 * Two workers of one team; three use cases on day 0, each two steps of two days. The third
 * takes the first worker free at day 2, so the first two use cases find their own worker busy
 * for their second step and a colleague takes over.
 */
function colleagues(handovers: Handovers, sme?: { people: number; availability: number }): ScenarioSpec {
  return validateScenario(
    datedScenario({
      domains: { d: { items: itemsOn('job', 0, 0, 0), ...(sme ? { sme } : {}) } },
      teams: { t: { home: 'centre', headcount: { worker: 2 } } },
      workflow: {
        start: 'w.one',
        loops: {
          w: {
            activities: {
              one: { role: 'worker', effort: 2, next: { two: 1 } },
              two: { role: 'worker', effort: 2, next: { live: 1 } },
            },
          },
        },
      },
      handovers,
    }),
  ).spec;
}

const run = (spec: ScenarioSpec): RunResult => simulate(spec, { seed: 1 });

describe('handover delays', () => {
  it('are waited out only where the work changes hands, each by its boundary: role in a team, team in a home, home', () => {
    const [item] = run(chain({ delay: DELAYS })).items;
    // 1 (analyst -> tester) + 10 (dom -> dom2) + 100 (dom2 -> hub); none from deploy to release
    expect(item.handover).toBe(111);
    expect(item.handovers).toBe(3);
    expect(item.crossBoundaryHandovers).toBe(1);
    expect(item.work).toBe(5);
    expect(item.end).toBe(116);
  });

  it('are logged when waited out, with the boundary and the team and role handing over', () => {
    const rows = rowsOf(run(chain({ delay: DELAYS })).log, 'handover');
    expect(rows.map((r) => [r.time, r.duration, r.detail, r.team, r.role])).toEqual([
      [2, 1, 'same_team', 'dom', 'analyst'],
      [13, 10, 'same_home', 'dom', 'tester'],
      [114, 100, 'cross_home', 'dom2', 'engineer'],
    ]);
  });

  it('that take no time cost no turn: the use case asks for the next person before one arriving at that moment', () => {
    // the first use case is analysed on day 0 and handed to the deployer on day 1, the moment
    // a deploy-only use case arrives for her: the handed-over one is deployed first
    const spec = chain({ delay: NONE });
    spec.domains.d.items = [...itemsOn('job', 0), ...itemsOn('deploy_only', 1)];
    spec.use_case_types = { job: {}, deploy_only: { skip_loops: ['a'] } };
    spec.workflow = {
      start: 'a.analyse',
      loops: {
        a: { activities: { analyse: { role: 'analyst', effort: 1, next: { 'b.deploy': 1 } } } },
        b: { activities: { deploy: { role: 'deployer', effort: 2, next: { live: 1 } } } },
      },
    };
    const { items } = run(validateScenario(spec).spec);
    expect(items.map((i) => [i.type, i.end])).toEqual([
      ['job', 3],
      ['deploy_only', 5],
    ]);
  });

  it('are counted even when they take no time', () => {
    const [item] = run(chain({ delay: NONE })).items;
    expect([item.handovers, item.crossBoundaryHandovers, item.handover, item.end]).toEqual([3, 1, 0, 5]);
  });

  it('do not exist in a scenario without handovers: the work goes on at once and none is counted', () => {
    const [item] = run(chain()).items;
    expect([item.handovers, item.crossBoundaryHandovers, item.handover, item.end]).toEqual([0, 0, 0, 5]);
    expect(rowsOf(run(chain()).log, 'handover')).toEqual([]);
  });

  it("place a domain's subject-matter experts in the domain's home: to its team a same-home handover, to the centre a cross-home one", () => {
    const spec = chain({ delay: DELAYS }, { people: 1, availability: 1 });
    spec.workflow.loops.w.activities = {
      ask: { role: 'sme', effort: 1, next: { analyse: 1 } },
      analyse: { role: 'analyst', effort: 1, next: { deploy: 1 } },
      deploy: { role: 'deployer', effort: 1, next: { live: 1 } },
    };
    spec.workflow.start = 'w.ask';
    const result = run(validateScenario(spec).spec);
    expect(rowsOf(result.log, 'handover').map((r) => [r.detail, r.team, r.role])).toEqual([
      ['same_home', 'd-sme', 'sme'],
      ['cross_home', 'dom', 'analyst'],
    ]);
    expect(result.items[0].end).toBe(113);
  });
});

describe('work going on within a team', () => {
  it('a colleague taking over spends the same-team delay reading in, holding that colleague', () => {
    const result = run(colleagues({ delay: DELAYS }));
    // day 2: the third use case takes worker 0 as the first frees her; the first then gets
    // worker 1 (reads in 2-3, works 3-5); the second gets worker 0 at day 4 (reads in 4-5,
    // works 5-7); the third gets worker 1 at day 5 (reads in 5-6, works 6-8)
    expect(result.items.map((i) => i.end)).toEqual([5, 7, 8]);
    expect(result.items.map((i) => i.handover)).toEqual([1, 1, 1]);
    expect(result.items.map((i) => i.waiting)).toEqual([0, 2, 3]);
    expect(rowsOf(result.log, 'handover').map((r) => [r.item, r.time, r.detail, r.team, r.role])).toEqual([
      [0, 3, 'same_team', 't', 'worker'],
      [1, 5, 'same_team', 't', 'worker'],
      [2, 6, 'same_team', 't', 'worker'],
    ]);
    const second = rowsOf(result.log, 'activity_start').filter((r) => r.activity === 'two');
    expect(second.map((r) => [r.item, r.time, r.person])).toEqual([
      [0, 3, 't/worker/1'],
      [1, 5, 't/worker/0'],
      [2, 6, 't/worker/1'],
    ]);
  });

  it('the same person going on to the next activity hands nothing over', () => {
    const spec = colleagues({ delay: DELAYS });
    spec.domains.d.items = itemsOn('job', 0);
    const [item] = run(spec).items;
    expect([item.handovers, item.handover, item.end]).toEqual([0, 0, 4]);
  });
});

describe("clarification with the domain's subject-matter experts after a handover", () => {
  const clarifying = (probability: typeof NONE, smeEffort: number, availability: number): ScenarioSpec =>
    chain({ delay: NONE, clarification: { probability, sme_effort: smeEffort } }, { people: 1, availability });

  it('happens at the boundaries given: only the same-home handover here', () => {
    const result = run(clarifying({ same_team: 0, same_home: 1, cross_home: 0 }, 1, 1));
    expect(rowsOf(result.log, 'clarification').map((r) => [r.time, r.detail, r.duration])).toEqual([
      [3, 'same_home', 1],
    ]);
    expect(result.items[0].clarification).toBe(1);
    expect(result.items[0].end).toBe(6);
  });

  it("takes the experts' effort at their availability: 2 person-days at half time are 4 days, by a named expert", () => {
    const result = run(clarifying({ same_team: 0, same_home: 0, cross_home: 1 }, 2, 0.5));
    const [row] = rowsOf(result.log, 'clarification');
    expect([row.time, row.duration, row.team, row.role, row.person]).toEqual([7, 4, 'd-sme', 'sme', 'd-sme/sme/0']);
    expect(result.items[0].clarification).toBe(4);
    expect(result.items[0].end).toBe(9);
  });

  it('counts the wait for a busy expert as clarification time', () => {
    const spec = clarifying({ same_team: 0, same_home: 0, cross_home: 1 }, 2, 0.5);
    spec.domains.d.items = itemsOn('job', 0, 0);
    spec.workflow.loops.w.activities = {
      analyse: { role: 'analyst', effort: 1, next: { deploy: 1 } },
      deploy: { role: 'deployer', effort: 1, next: { live: 1 } },
    };
    const result = run(validateScenario(spec).spec);
    // first: analyse 0-1, the expert 1-5, deploy 5-6; second: analyse 1-2, the expert is busy
    // until 5 and answers 5-9, deploy 9-10
    expect(result.items.map((i) => i.clarification)).toEqual([4, 7]);
    expect(result.items.map((i) => i.end)).toEqual([6, 10]);
    // the queue for the expert is logged as a wait of no activity, by the expert who then answers
    const waits = rowsOf(result.log, 'wait').filter((r) => r.activity === '');
    expect(waits.map((r) => [r.item, r.time, r.duration, r.role, r.team, r.person])).toEqual([
      [1, 5, 3, 'sme', 'd-sme', 'd-sme/sme/0'],
    ]);
  });

  it("releases a colleague who took over while the use case waits for the experts' answers", () => {
    const result = run(
      colleagues(
        { delay: NONE, clarification: { probability: { ...NONE, same_team: 1 }, sme_effort: 3 } },
        { people: 1, availability: 1 },
      ),
    );
    // day 2: the first use case gets worker 1 from the second, lets her go while the experts
    // answer (2-5), and the second goes on with her (2-4); the first takes her back at 5
    expect(result.items.map((i) => i.end)).toEqual([7, 4, 6]);
    expect(result.items.map((i) => i.clarification)).toEqual([3, 0, 0]);
  });
});

describe('rework after a handover', () => {
  it("redoes the share of the previous activity's effort given, by its performer, as a rework pass", () => {
    const spec = chain({ delay: NONE, rework: { probability: { ...NONE, cross_home: 1 }, effort_fraction: 0.5 } });
    spec.workflow.loops.w.activities = {
      analyse: { role: 'analyst', effort: 4, next: { deploy: 1 } },
      deploy: { role: 'deployer', effort: 1, next: { live: 1 } },
    };
    const result = run(validateScenario(spec).spec);
    const [item] = result.items;
    expect([item.work, item.rework, item.reworkPasses, item.activities, item.end]).toEqual([5, 2, 1, 3, 7]);
    expect(rowsOf(result.log, 'activity_start').map((r) => [r.time, r.activity, r.person, r.detail])).toEqual([
      [0, 'analyse', 'dom/analyst/0', ''],
      [4, 'analyse', 'dom/analyst/0', 'rework'],
      [6, 'deploy', 'hub/deployer/0', ''],
    ]);
  });

  it('is done by the colleague who took over, right after reading in', () => {
    const result = run(
      colleagues({ delay: DELAYS, rework: { probability: { ...NONE, same_team: 1 }, effort_fraction: 0.5 } }),
    );
    expect(result.items.map((i) => i.end)).toEqual([6, 8, 10]);
    expect(result.items.map((i) => i.rework)).toEqual([1, 1, 1]);
    const redone = rowsOf(result.log, 'activity_start').filter((r) => r.detail === 'rework');
    expect(redone.map((r) => [r.item, r.time, r.activity, r.person])).toEqual([
      [0, 3, 'one', 't/worker/1'],
      [1, 5, 'one', 't/worker/0'],
      [2, 7, 'one', 't/worker/1'],
    ]);
  });

  it('does not happen at a boundary whose probability is 0', () => {
    const [item] = run(
      chain({ delay: NONE, rework: { probability: { ...NONE, cross_home: 1 }, effort_fraction: 0.5 } }),
    ).items;
    // only the cross-home handover (build -> deploy) redoes half a day of building
    expect([item.rework, item.reworkPasses, item.end]).toEqual([0.5, 1, 5.5]);
  });
});
