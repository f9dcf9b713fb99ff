/**
 * Governance gates: after its activity a use case waits for the gate's next meeting (days
 * that are multiples of the cadence), holding nobody; the gate approves it with its
 * probability, else the activity is redone by a person of the pool (the last one if free)
 * and the use case comes back to the next meeting.
 */
import { describe, expect, it } from 'vitest';
import { simulate, type RunResult } from '../../src/model/index.js';
import { validateScenario, type ScenarioSpec } from '../../src/scenario/index.js';
import { rowsOf } from '../support/run-log.js';
import { datedScenario, itemsOn } from '../support/small-scenarios.js';

/** Reviewers review (2 days, 3 for a `long` use case) before a board meeting every 7 days. */
function gated(days: number[], approval: number, reviewers = 1, horizon = 1000, longOn: number[] = []): ScenarioSpec {
  return validateScenario(
    datedScenario({
      horizon_days: horizon,
      domains: { d: { items: [...itemsOn('long', ...longOn), ...itemsOn('job', ...days)] } },
      use_case_types: { job: {}, long: { effort_scale: 1.5 } },
      teams: { t: { home: 'centre', headcount: { reviewer: reviewers } } },
      management: { gates: { board: { cadence_days: 7, approval_probability: approval } } },
      workflow: {
        start: 'w.review',
        loops: { w: { activities: { review: { role: 'reviewer', effort: 2, gate: 'board', next: { live: 1 } } } } },
      },
    }),
  ).spec;
}

const run = (spec: ScenarioSpec): RunResult => simulate(spec, { seed: 1 });
/** An approval so low that the gate approves nothing in these short runs (one of 0 is invalid). */
const HARDLY = 1e-12;

describe('a gate that approves', () => {
  it('holds the use case until its next meeting, not the reviewer: the next use case is reviewed meanwhile', () => {
    const { items } = run(gated([0, 1], 1));
    // first: review 0-2, meeting on day 7; second: waits 1-2, review 2-4, same meeting
    expect(items.map((i) => [i.end, i.work, i.waiting, i.gate])).toEqual([
      [7, 2, 0, 5],
      [7, 2, 1, 3],
    ]);
    expect(items.map((i) => i.outcome)).toEqual(['live', 'live']);
  });

  it('logs each meeting with the wait, the activity and the decision', () => {
    const rows = rowsOf(run(gated([0, 1], 1)).log, 'gate');
    expect(rows.map((r) => [r.item, r.time, r.duration, r.loop, r.activity, r.detail])).toEqual([
      [0, 7, 5, 'w', 'review', 'board:approved'],
      [1, 7, 3, 'w', 'review', 'board:approved'],
    ]);
  });

  it('meets on multiples of its cadence: work done on a meeting day waits for the next one', () => {
    const { items } = run(gated([5], 1));
    // review 5-7, done as the day-7 meeting is held: taken at the day-14 meeting
    expect([items[0].gate, items[0].end]).toEqual([7, 14]);
  });
});

describe('a gate that rejects', () => {
  it('sends the use case back for its activity to be redone, meeting after meeting', () => {
    const { items, log } = run(gated([0], HARDLY, 1, 30));
    // review 0-2; rejected on days 7, 14, 21 and 28, each time reviewed again in 2 days; the
    // fifth review (28-30) is under way at the horizon
    const [item] = items;
    expect(item.outcome).toBe('in_progress');
    expect([item.gateRejections, item.work, item.rework, item.reworkPasses, item.gate, item.activities]).toEqual([
      4, 2, 6, 3, 20, 4,
    ]);
    expect(rowsOf(log, 'gate').map((r) => [r.time, r.detail])).toEqual([
      [7, 'board:rejected'],
      [14, 'board:rejected'],
      [21, 'board:rejected'],
      [28, 'board:rejected'],
    ]);
    expect(rowsOf(log, 'activity_start').map((r) => [r.time, r.detail])).toEqual([
      [0, ''],
      [7, 'rework'],
      [14, 'rework'],
      [21, 'rework'],
      [28, 'rework'],
    ]);
  });

  it('queues a rejected use case again for a person, behind those already waiting', () => {
    // the reviewer takes a use case arriving on day 6.5 (6.5-8.5); the one rejected on day 7 waits
    const { items } = run(gated([0, 6.5], HARDLY, 1, 12));
    expect(items[0].waitingByRole).toEqual({ reviewer: 1.5 });
    expect(rowsOf(run(gated([0, 6.5], HARDLY, 1, 12)).log, 'activity_start').map((r) => [r.item, r.time])).toEqual([
      [0, 0],
      [1, 6.5],
      [0, 8.5],
    ]);
  });

  it('has the rejected activity redone by the person who did it when she is free', () => {
    // a long use case (3 days) takes reviewer 0, a short one reviewer 1; at the day-7 meeting
    // both are rejected and both reviewers are free: each goes back to its own, the short one
    // first (it has waited longest), though reviewer 0 is the first free
    const result = run(gated([0], HARDLY, 2, 10, [0]));
    const redone = rowsOf(result.log, 'activity_start').filter((r) => r.detail === 'rework');
    const byItem = Object.fromEntries(redone.map((r) => [result.items[r.item].type, r.person]));
    expect(byItem).toEqual({ job: 't/reviewer/1', long: 't/reviewer/0' });
  });

  it('approves at its probability: every rejection is logged and redone once', () => {
    const result = run(
      gated(
        Array.from({ length: 30 }, () => 0),
        0.5,
        30,
      ),
    );
    const rejected = rowsOf(result.log, 'gate').filter((r) => r.detail === 'board:rejected').length;
    expect(rejected).toBe(result.items.reduce((s, i) => s + i.gateRejections, 0));
    expect(rejected).toBeGreaterThan(10);
    for (const i of result.items) {
      expect(i.outcome).toBe('live');
      expect(i.reworkPasses).toBe(i.gateRejections);
      expect(i.activities).toBe(i.gateRejections + 1);
      expect(i.end).toBe(7 * (i.gateRejections + 1));
    }
  });
});
