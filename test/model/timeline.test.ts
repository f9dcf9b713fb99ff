/**
 * An organisation that changes during the run: people hired (ramping up), let go (once their
 * work in hand is done), moved (slower for a while), parameters set from a day, and a
 * reorganisation to other teams with the waiting work routed to them. Constant efforts and
 * dated use cases, so each time is worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { simulate, type RunResult } from '../../src/model/index.js';
import { validateScenario, type ScenarioSpec } from '../../src/scenario/index.js';
import { logRows } from '../support/run-log.js';
import { datedScenario, itemsOn } from '../support/small-scenarios.js';

/** One activity of 5 person-days (seven working days a week) by a worker, for dated use cases of domains a and b. */
function scenario(
  teams: ScenarioSpec['teams'],
  a: number[],
  timeline: ScenarioSpec['timeline'],
  b: number[] = [],
): ScenarioSpec {
  return validateScenario({
    ...datedScenario({
      domains: { a: { items: itemsOn('job', ...a) }, b: { items: itemsOn('job', ...b) } },
      teams,
      workflow: {
        start: 'w.do',
        loops: { w: { activities: { do: { role: 'worker', effort: 5, next: { live: 1 } } } } },
      },
    }),
    roles: { worker: { cost_per_year: 365 } },
    timeline,
  }).spec;
}

const central = (workers: number) => ({ t: { home: 'centre', headcount: { worker: workers } } });
const ends = (run: RunResult) => run.items.map((i) => i.end);
const starts = (run: RunResult) =>
  logRows(run.log)
    .filter((r) => r.kind === 'activity_start')
    .map((r) => [r.item, r.time, r.team, r.person]);

describe('hiring', () => {
  it('adds people from the day on, who start at ramp_up_start of full speed', () => {
    const timeline = [{ day: 10, hire: { team: 't', role: 'worker', count: 1, ramp_up_days: 20, ramp_up_start: 0.5 } }];
    const run = simulate(scenario(central(1), [0, 0, 10, 10], timeline), { seed: 1 });
    // before day 10 one person: 0-5 and 5-10; on day 10 the new hire takes the first waiting
    // use case at half speed (10 days), the other person the next as they finish
    expect(ends(run)).toEqual([5, 10, 20, 15]);
    expect(starts(run).slice(2)).toEqual([
      [2, 10, 't', 't/worker/1'],
      [3, 10, 't', 't/worker/0'],
    ]);
  });

  it('counts the new people in the cost from their day', () => {
    const timeline = [{ day: 500, hire: { team: 't', role: 'worker', count: 1 } }];
    const run = simulate(scenario(central(1), [0], timeline), { seed: 1 });
    // one person at 365 a year for 500 days, then two for 500
    expect(run.peopleCost).toBeCloseTo(500 + 1000, 9);
  });
});

describe('letting go and moving', () => {
  it('lets go the latest to join, once their work in hand is done', () => {
    const timeline = [{ day: 2, let_go: { team: 't', role: 'worker', count: 1 } }];
    const run = simulate(scenario(central(2), [0, 0, 1, 1], timeline), { seed: 1 });
    // worker 1 finishes item 1 (0-5) and leaves; worker 0 does the rest one after another
    expect(ends(run)).toEqual([5, 5, 10, 15]);
    expect(
      new Set(
        starts(run)
          .slice(2)
          .map((s) => s[3]),
      ),
    ).toEqual(new Set(['t/worker/0']));
  });

  it('moves people to another team once their work is done, slower for the transition', () => {
    const teams = { ta: { home: 'a', headcount: { worker: 2 } }, tb: { home: 'b', headcount: { worker: 1 } } };
    const timeline = [
      { day: 1, move: { from: 'ta', to: 'tb', role: 'worker', count: 1, transition_days: 30, slowdown: 2 } },
    ];
    const run = simulate(scenario(teams, [0, 0], timeline, [6, 6]), { seed: 1 });
    const rows = starts(run);
    // ta/worker/1 finishes its use case of domain a (0-5), then works for tb at twice the effort
    expect(rows.filter((r) => r[0] === 3)).toEqual([[3, 6, 'tb', 'ta/worker/1']]);
    expect(run.items[3].end).toBe(16);
    expect(run.items[2].end).toBe(11);
  });
});

describe('parameters from a day on', () => {
  it('reads the new value for work that starts after the day', () => {
    const timeline = [{ day: 10, name: 'Faster tooling', set: { 'workflow.loops.w.activities.do.effort': 2 } }];
    const run = simulate(scenario(central(1), [0, 9, 20], timeline), { seed: 1 });
    // the work started on day 9 keeps its effort; the one started on day 20 has the new one
    expect(run.items.map((i) => i.work)).toEqual([5, 5, 2]);
  });
});

describe('a reorganisation', () => {
  it('moves people to the new teams and routes the waiting work to them', () => {
    const timeline = [
      {
        day: 3,
        name: 'Embed in domains',
        reorganise: {
          teams: { ta: { home: 'a', headcount: { worker: 1 } }, tb: { home: 'b', headcount: { worker: 1 } } },
          transition_days: 0,
          slowdown: 1,
        },
      },
    ];
    // two central people busy until day 5; two use cases of b wait; after day 3 they wait for team tb
    const run = simulate(scenario(central(2), [0, 0], timeline, [1, 1]), { seed: 1 });
    const rows = starts(run);
    expect(rows.slice(2).map((r) => [r[0], r[1], r[2]])).toEqual([
      [2, 5, 'tb'],
      [3, 10, 'tb'],
    ]);
    expect(run.items.every((i) => i.outcome === 'live')).toBe(true);
    expect(run.pools.map((p) => `${p.team}/${p.role}`)).toEqual(['ta/worker', 'tb/worker']);
  });
});

describe('what the timeline fills in and keeps', () => {
  it('ramps a hire up by the documented defaults when the entry gives none (60 days from half speed)', () => {
    const timeline = [{ day: 10, hire: { team: 't', role: 'worker', count: 1 } }];
    const run = simulate(scenario(central(1), [0, 0, 10, 10], timeline), { seed: 1 });
    // the hire starts the waiting use case at half speed: 10 days instead of 5
    expect(ends(run)).toEqual([5, 10, 20, 15]);
    expect(run.changes).toEqual([{ day: 10, name: 'change on day 10', settledBy: 70 }]);
  });

  it('knows a new hire days away before they take work: one who joins on a holiday starts the day after', () => {
    const spec = scenario(
      central(1),
      [0, 0, 10, 10],
      [{ day: 10, hire: { team: 't', role: 'worker', count: 1, ramp_up_days: 0 } }],
    );
    spec.calendar = { working_days_per_week: 7, holidays: ['2027-01-11'], start_date: '2027-01-01' };
    const run = simulate(spec, { seed: 1 });
    const hire = logRows(run.log).filter((r) => r.kind === 'activity_start' && r.person === 't/worker/1');
    expect(hire.map((r) => r.time)).toEqual([11]);
  });

  it('takes the same roles in any order as one group: a reorganisation that reorders them moves no one', () => {
    const teams = { t: { home: 'centre', people: [{ roles: ['worker', 'helper'], count: 2 }] } };
    const reordered = { t: { home: 'centre', people: [{ roles: ['helper', 'worker'], count: 2 }] } };
    const base = {
      ...datedScenario({
        domains: { a: { items: itemsOn('job', 0, 0) } },
        teams,
        workflow: {
          start: 'w.do',
          loops: { w: { activities: { do: { role: 'worker', effort: 5, next: { live: 1 } } } } },
        },
      }),
      roles: { worker: { cost_per_year: 365 }, helper: {} },
      timeline: [{ day: 2, reorganise: { teams: reordered } }],
    };
    const run = simulate(validateScenario(base).spec, { seed: 1 });
    const people = new Set(
      logRows(run.log)
        .map((r) => r.person)
        .filter((p) => p !== ''),
    );
    expect([...people].sort()).toEqual(['t/helper+worker/0', 't/helper+worker/1']);
    expect(run.peopleCost).toBeCloseTo(2 * 365 * (1000 / 365), 9);
  });

  it('sends work on its way to a team that is gone to the team that does its role now', () => {
    // a handover of 3 days from team a to team b; team b is replaced by team c on day 6
    const teams = {
      a: { home: 'centre', headcount: { worker: 1 } },
      b: { home: 'centre', headcount: { closer: 1 } },
    };
    const spec = validateScenario({
      ...datedScenario({
        domains: { d: { items: itemsOn('job', 0) } },
        teams,
        workflow: {
          start: 'w.do',
          loops: {
            w: {
              activities: {
                do: { role: 'worker', effort: 5, next: { close: 1 } },
                close: { role: 'closer', effort: 1, next: { live: 1 } },
              },
            },
          },
        },
      }),
      handovers: { delay: { same_team: 3, same_home: 3, cross_home: 3 } },
      timeline: [{ day: 6, reorganise: { teams: { a: teams.a, c: { home: 'centre', headcount: { closer: 1 } } } } }],
    }).spec;
    const run = simulate(spec, { seed: 1 });
    const close = logRows(run.log).find((r) => r.kind === 'activity_start' && r.activity === 'close');
    expect(close?.team).toBe('c');
    expect(run.items[0].outcome).toBe('live');
  });
});
