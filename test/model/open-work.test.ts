/**
 * Work open when a run starts (a back-test's work in progress at its split): each use case
 * enters at day 0 where it was, keeps its arrival before day 0, skips intake, and does the
 * rest of its way; one under way at an activity does only the rest of that activity's effort.
 */
import { describe, expect, it } from 'vitest';
import { simulate, type OpenUseCase } from '../../src/model/index.js';
import { validateScenario } from '../../src/scenario/index.js';
import { datedScenario } from '../support/small-scenarios.js';

/** build (5 person-days) -> test (2) -> live, one analyst and one tester; planning every 30 days (skipped by open work). */
const spec = validateScenario(
  datedScenario({
    domains: { d: { demand: {} } },
    use_case_types: { job: {} },
    teams: { t: { home: 'centre', headcount: { analyst: 1, tester: 1 } } },
    management: { planning_cadence_days: 30 },
    workflow: {
      start: 'w.build',
      loops: {
        w: {
          activities: {
            build: { role: 'analyst', effort: 5, next: { test: 1 } },
            test: { role: 'tester', effort: 2, next: { live: 1 } },
          },
        },
      },
    },
  }),
).spec;
const run = (open: OpenUseCase[]) => simulate(spec, { seed: 1, openWork: open }).items;

describe('work open at the start of a run', () => {
  it('waits for a person at its activity at once, keeping its arrival before day 0', () => {
    const [item] = run([{ domain: 'd', type: 'job', age: 10, activity: 'w.build', state: 'queued' }]);
    expect(item).toMatchObject({ arrival: -10, outcome: 'live', end: 7, timeToProduction: 17, planning: 0 });
  });

  it('does only the rest of the effort of an activity under way', () => {
    const [item] = run([{ domain: 'd', type: 'job', age: 3, activity: 'w.build', state: 'working', effortDone: 3 }]);
    expect(item).toMatchObject({ end: 4, timeToProduction: 7 }); // 2 days of build left, then 2 of test
  });

  it('may have arrived the very day the run starts', () => {
    const [item] = run([{ domain: 'd', type: 'job', age: 0, activity: 'w.build', state: 'queued' }]);
    expect(item).toMatchObject({ arrival: 0, end: 7 });
  });

  it('draws the rest of an activity under way given what is done: never more than a fresh draw could leave', () => {
    // build takes uniform(0, 10) person-days; 6 are done: the rest is uniform(0, 4), mean 2
    const uniform = validateScenario({
      ...spec,
      workflow: {
        start: 'w.build',
        loops: {
          w: {
            activities: { build: { role: 'analyst', effort: { uniform: { min: 0, max: 10 } }, next: { live: 1 } } },
          },
        },
      },
    }).spec;
    const ends = Array.from(
      { length: 400 },
      (_, seed) =>
        simulate(uniform, {
          seed,
          openWork: [{ domain: 'd', type: 'job', age: 0, activity: 'w.build', state: 'working', effortDone: 6 }],
        }).items[0].end,
    );
    expect(Math.max(...ends)).toBeLessThanOrEqual(4);
    const mean = ends.reduce((s, x) => s + x, 0) / ends.length;
    // uniform(0, 4): sd 4 / sqrt(12); four standard errors of the mean of 400
    expect(Math.abs(mean - 2)).toBeLessThan((4 * (4 / Math.sqrt(12))) / Math.sqrt(400));
  });

  it('goes on from an activity it has just finished', () => {
    const [item] = run([{ domain: 'd', type: 'job', age: 6, activity: 'w.build', state: 'done' }]);
    expect(item).toMatchObject({ end: 2, activities: 1 });
  });

  it('past an activity, goes through the rest of the handover to another team, and not to the end at once', () => {
    // build by team a, test by team b, 10 days of handover between them; build may end the use case (90%)
    const handover = validateScenario(
      datedScenario({
        domains: { d: { demand: {} } },
        use_case_types: { job: {} },
        teams: { a: { home: 'centre', headcount: { analyst: 1 } }, b: { home: 'centre', headcount: { tester: 1 } } },
        handovers: { delay: { same_team: 10, same_home: 10, cross_home: 10 } },
        workflow: {
          start: 'w.build',
          loops: {
            w: {
              activities: {
                build: { role: 'analyst', effort: 5, next: { live: 0.9, test: 0.1 } },
                test: { role: 'tester', effort: 2, next: { live: 1 } },
              },
            },
          },
        },
      }),
    ).spec;
    for (let seed = 0; seed < 5; seed++) {
      const [item] = simulate(handover, {
        seed,
        openWork: [{ domain: 'd', type: 'job', age: 20, activity: 'w.build', state: 'done', waited: 3 }],
      }).items;
      // 7 days of handover left, then 2 of test
      expect(item).toMatchObject({ end: 9, handovers: 1, handover: 7, activities: 1 });
    }
  });

  it('takes the first ids and queues in the order given', () => {
    const items = run([
      { domain: 'd', type: 'job', age: 1, activity: 'w.build', state: 'queued' },
      { domain: 'd', type: 'job', age: 2, activity: 'w.build', state: 'queued' },
    ]);
    expect(items.map((i) => [i.id, i.end])).toEqual([
      [0, 7],
      [1, 12],
    ]);
  });

  it('refuses an open use case at an activity, domain or type the scenario does not have', () => {
    expect(() => run([{ domain: 'd', type: 'job', age: 1, activity: 'w.ship', state: 'queued' }])).toThrow(/w\.ship/);
    expect(() => run([{ domain: 'x', type: 'job', age: 1, activity: 'w.build', state: 'queued' }])).toThrow(
      /domain "x"/,
    );
    expect(() => run([{ domain: 'd', type: 'job', age: -1, activity: 'w.build', state: 'queued' }])).toThrow(/age/);
  });
});
