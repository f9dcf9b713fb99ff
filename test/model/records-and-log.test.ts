/**
 * What a run reports of each use case: its record (where every day went, the counts), the
 * event log row by row, the work in progress of each loop and the flow series. Two use cases
 * through a planning cycle, a wait, a handover to the centre and a gate, worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { simulate, type RunResult } from '../../src/model/index.js';
import { EventLog } from '../../src/model/event-log.js';
import { validateScenario, type ScenarioSpec } from '../../src/scenario/index.js';
import { logRows, rowsOf } from '../support/run-log.js';
import { datedScenario, itemsOn } from '../support/small-scenarios.js';

/**
 * Two use cases of domain d arrive on day 3 and start at the planning day 10. The domain's
 * analyst analyses each in a day; after a two-day handover the central engineer builds each
 * in two days; the board meets every 7 days and approves.
 */
function twoUseCases(horizon = 30): ScenarioSpec {
  return validateScenario(
    datedScenario({
      horizon_days: horizon,
      domains: { d: { items: itemsOn('job', 3, 3) } },
      teams: {
        dom: { home: 'd', headcount: { analyst: 1 } },
        hub: { home: 'centre', headcount: { engineer: 1 } },
      },
      handovers: { delay: { same_team: 0, same_home: 0, cross_home: 2 } },
      management: { planning_cadence_days: 10, gates: { board: { cadence_days: 7, approval_probability: 1 } } },
      workflow: {
        start: 'w.analyse',
        loops: {
          w: {
            activities: {
              analyse: { role: 'analyst', effort: 1, next: { build: 1 } },
              build: { role: 'engineer', effort: 2, gate: 'board', next: { live: 1 } },
            },
          },
        },
      },
    }),
  ).spec;
}

const run = (spec: ScenarioSpec, sampleEveryDays = 7): RunResult => simulate(spec, { seed: 1, sampleEveryDays });

describe('the record of a use case', () => {
  it('puts every day of its life in one place, and counts what happened', () => {
    const [first, second] = run(twoUseCases()).items;
    // first: planning 3-10, analyse 10-11, handover 11-13, build 13-15, gate 15-21
    expect(first).toEqual({
      id: 0,
      domain: 'd',
      type: 'job',
      arrival: 3,
      end: 21,
      outcome: 'live',
      timeToProduction: 18,
      work: 3,
      rework: 0,
      waiting: 0,
      waitingByRole: {},
      handover: 2,
      clarification: 0,
      gate: 6,
      planning: 7,
      handovers: 1,
      crossBoundaryHandovers: 1,
      iterations: 0,
      reworkPasses: 0,
      gateRejections: 0,
      activities: 2,
    });
    // second: planning 3-10, waits 10-11, analyse 11-12, handover 12-14, waits 14-15,
    // build 15-17, gate 17-21
    expect(second).toEqual({ ...first, id: 1, waiting: 2, waitingByRole: { analyst: 1, engineer: 1 }, gate: 4 });
  });

  it('of a use case still open at the horizon has no end and no time to production', () => {
    const [first] = run(twoUseCases(12)).items;
    expect([first.outcome, first.end, first.timeToProduction, first.work, first.activities]).toEqual([
      'in_progress',
      NaN,
      NaN,
      1,
      1,
    ]);
  });

  it('of an abandoned use case ends it without a time to production, and puts no model in production', () => {
    const spec = twoUseCases();
    spec.workflow.loops.w.activities.build.next = { abandon: 1 };
    delete spec.workflow.loops.w.activities.build.gate;
    const result = run(validateScenario(spec).spec, 1);
    const [first] = result.items;
    expect([first.outcome, first.end, first.timeToProduction]).toEqual(['abandoned', 15, NaN]);
    expect(rowsOf(result.log, 'abandon').map((r) => [r.item, r.time, r.duration])).toEqual([
      [0, 15, 12],
      [1, 17, 14],
    ]);
    expect(rowsOf(result.log, 'go_live')).toEqual([]);
    expect(Math.max(...result.flow.inProduction)).toBe(0);
    expect(result.flow.abandoned.at(-1)).toBe(2);
    expect(result.flow.live.at(-1)).toBe(0);
  });
});

describe('the event log', () => {
  it('has a row for each arrival, planning wait, wait for a person, handover, activity, gate and go-live, in order', () => {
    const rows = logRows(run(twoUseCases()).log);
    const base = { domain: 'd', type: 'job', loop: '', activity: '', team: '', role: '', person: '', detail: '' };
    const analyst = { loop: 'w', activity: 'analyse', team: 'dom', role: 'analyst', person: 'dom/analyst/0' };
    const engineer = { loop: 'w', activity: 'build', team: 'hub', role: 'engineer', person: 'hub/engineer/0' };
    const handover = { team: 'dom', role: 'analyst', detail: 'cross_home' };
    const gate = { loop: 'w', activity: 'build', detail: 'board:approved' };
    const row = (time: number, kind: string, item: number, duration: number, extra: object = {}) => ({
      ...base,
      time,
      kind,
      item,
      duration,
      ...extra,
    });
    expect(rows).toEqual([
      row(3, 'arrival', 0, 0),
      row(3, 'arrival', 1, 0),
      row(10, 'planning', 0, 7),
      row(10, 'activity_start', 0, 0, analyst),
      row(10, 'planning', 1, 7),
      row(11, 'activity_end', 0, 1, analyst),
      row(11, 'wait', 1, 1, analyst),
      row(11, 'activity_start', 1, 0, analyst),
      row(12, 'activity_end', 1, 1, analyst),
      row(13, 'handover', 0, 2, handover),
      row(13, 'activity_start', 0, 0, engineer),
      row(14, 'handover', 1, 2, handover),
      row(15, 'activity_end', 0, 2, engineer),
      row(15, 'wait', 1, 1, engineer),
      row(15, 'activity_start', 1, 0, engineer),
      row(17, 'activity_end', 1, 2, engineer),
      row(21, 'gate', 0, 6, gate),
      row(21, 'go_live', 0, 18),
      row(21, 'gate', 1, 4, gate),
      row(21, 'go_live', 1, 18),
    ]);
  });

  it('is empty when the run keeps no log, which changes nothing else', () => {
    const spec = twoUseCases();
    const quiet = simulate(spec, { seed: 1, log: false });
    expect(quiet.log.time).toEqual([]);
    expect(Object.values(quiet.log).every((column) => column.length === 0)).toBe(true);
    expect(quiet.items).toEqual(run(spec).items);
  });
});

describe('an event log on its own', () => {
  it('keeps rows column by column, absent text as empty and absent durations as 0, and counts them', () => {
    const log = new EventLog();
    log.add({ time: 1, kind: 'arrival', item: 0, domain: 'd', type: 'job' });
    log.add({ time: 2, kind: 'handover', item: 0, domain: 'd', type: 'job', duration: 1, detail: 'same_team' });
    expect(log.length).toBe(2);
    expect(log.columns.detail).toEqual(['', 'same_team']);
    expect(log.columns.duration).toEqual([0, 1]);
    expect(log.columns.loop).toEqual(['', '']);
  });

  it('keeps nothing when disabled', () => {
    const log = new EventLog(false);
    log.add({ time: 1, kind: 'arrival', item: 0, domain: 'd', type: 'job' });
    expect(log.length).toBe(0);
  });
});

describe('work in progress', () => {
  it("of a loop: entries, exits and the time-average number inside over the whole run (Little's law)", () => {
    // both use cases are in the loop from day 10 to day 21: 22 use-case-days over 30
    const [loop] = run(twoUseCases()).loops;
    expect(loop.loop).toBe('w');
    expect([loop.entries, loop.exits, loop.meanStayInWindow]).toEqual([2, 2, 11]);
    expect(loop.timeAverageWip).toBeCloseTo(22 / 30, 12);
  });

  it('of a loop counts a stay still open at the horizon up to the horizon', () => {
    // horizon 16: both entered on day 10, neither has left
    const [loop] = run(twoUseCases(16)).loops;
    expect([loop.entries, loop.exits, loop.meanStayInWindow]).toEqual([2, 0, 6]);
    expect(loop.timeAverageWip).toBeCloseTo(12 / 16, 12);
  });

  it('is sampled every 7 days unless told otherwise; the run names its scenario, seed, horizon and warm-up', () => {
    const result = simulate(twoUseCases(), { seed: 'x' });
    expect(result.flow.time).toEqual([0, 7, 14, 21, 28]);
    expect([result.scenario, result.seed, result.horizon, result.warmup]).toEqual(['dated', 'x', 30, 0]);
    expect(result.log.kind.length).toBe(20);
    expect(result.events).toBeGreaterThan(0);
  });

  it('is sampled every few days into a flow series: arrived, live, abandoned, in each loop, in production', () => {
    const flow = run(twoUseCases(), 5).flow;
    expect(flow).toEqual({
      time: [0, 5, 10, 15, 20, 25],
      arrived: [0, 2, 2, 2, 2, 2],
      live: [0, 0, 0, 0, 0, 2],
      abandoned: [0, 0, 0, 0, 0, 0],
      inLoop: { w: [0, 0, 2, 2, 2, 0] },
      inProduction: [0, 0, 0, 0, 0, 2],
    });
  });
});
