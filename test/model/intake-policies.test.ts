/**
 * Which waiting use case a free person takes, under each intake rule. One person does a
 * one-activity workflow of ten days; use case 0 holds her from day 0 to day 10 while three
 * others queue, so the order she takes them in is the rule's alone.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/model/index.js';
import { validateScenario, type ScenarioSpec } from '../../src/scenario/index.js';
import { datedScenario, itemsOn } from '../support/small-scenarios.js';

type Intake = 'fifo' | 'priority' | 'fair_share';

/**
 * Domain x: a routine use case on day 0 (served at once), another on day 1 and an urgent one
 * on day 3; domain y: a routine one on day 2. Routine has priority 1, urgent 0.
 */
function queueOfThree(intake: Intake): ScenarioSpec {
  return validateScenario(
    datedScenario({
      domains: {
        x: {
          items: [
            { day: 0, type: 'routine' },
            { day: 1, type: 'routine' },
            { day: 3, type: 'urgent' },
          ],
        },
        y: { items: [{ day: 2, type: 'routine' }] },
      },
      use_case_types: { routine: { priority: 1 }, urgent: { priority: 0 } },
      teams: { centre: { home: 'centre', headcount: { worker: 1 } } },
      management: { intake },
      workflow: {
        start: 'w.do',
        loops: { w: { activities: { do: { role: 'worker', effort: 10, next: { live: 1 } } } } },
      },
    }),
  ).spec;
}

/** Go-live day of each use case, by arrival: [x day 0, x day 1, y day 2, x day 3]. */
function endsByArrival(intake: Intake): number[] {
  const run = simulate(queueOfThree(intake), { seed: 1 });
  const byArrival = [...run.items].sort((a, b) => a.arrival - b.arrival);
  expect(byArrival.map((i) => i.outcome)).toEqual(['live', 'live', 'live', 'live']);
  return byArrival.map((i) => i.end);
}

describe('the intake rule decides which waiting use case a free person takes', () => {
  it('fifo: in order of asking, whatever their type or domain', () => {
    expect(endsByArrival('fifo')).toEqual([10, 20, 30, 40]);
  });

  it('priority: the use case of the higher-priority type first (lower number), then in order of asking', () => {
    // the urgent one (day 3) goes first; the two routine ones keep their order
    expect(endsByArrival('priority')).toEqual([10, 30, 40, 20]);
  });

  it('fair_share: the use case of the domain with the least work in progress when it asked first', () => {
    // when they asked: x's day-1 use case saw 2 of x in progress, y's 1 of y, x's day-3 one 3 of x
    expect(endsByArrival('fair_share')).toEqual([10, 30, 20, 40]);
  });

  it('counts the wait of each use case as waiting for its role', () => {
    const run = simulate(queueOfThree('priority'), { seed: 1 });
    const byArrival = [...run.items].sort((a, b) => a.arrival - b.arrival);
    expect(byArrival.map((i) => i.waiting)).toEqual([0, 19, 28, 7]);
    expect(byArrival.map((i) => i.waitingByRole)).toEqual([{}, { worker: 19 }, { worker: 28 }, { worker: 7 }]);
  });

  it("fair_share: a domain's use cases that have gone live no longer count against it", () => {
    // x's two use cases are done by day 20; then y's first (day 20.5) holds the person, y's
    // second asks on day 21 (2 of y in progress) and x's third on day 22 (1 of x): x goes first
    const spec = validateScenario(
      datedScenario({
        domains: {
          x: {
            items: [
              { day: 0, type: 'job' },
              { day: 1, type: 'job' },
              { day: 22, type: 'job' },
            ],
          },
          y: {
            items: [
              { day: 20.5, type: 'job' },
              { day: 21, type: 'job' },
            ],
          },
        },
        teams: { centre: { home: 'centre', headcount: { worker: 1 } } },
        management: { intake: 'fair_share' },
        workflow: {
          start: 'w.do',
          loops: { w: { activities: { do: { role: 'worker', effort: 10, next: { live: 1 } } } } },
        },
      }),
    ).spec;
    const run = simulate(spec, { seed: 1 });
    const end = (domain: string, arrival: number) =>
      run.items.find((i) => i.domain === domain && i.arrival === arrival)?.end;
    expect([end('x', 0), end('x', 1), end('y', 20.5), end('x', 22), end('y', 21)]).toEqual([10, 20, 30.5, 40.5, 50.5]);
  });

  it('fair_share: a domain with one use case gone live and another still waiting counts the one waiting', () => {
    // x's first (0-10) ends while x's second waits: x then has 1 in progress, so x's third (day
    // 12) asks with 2, as y's second (day 11) did; the three waiting go in order of asking
    const spec = validateScenario(
      datedScenario({
        domains: {
          x: { items: itemsOn('job', 0, 1, 12) },
          y: { items: itemsOn('job', 2, 11) },
        },
        teams: { centre: { home: 'centre', headcount: { worker: 1 } } },
        management: { intake: 'fair_share' },
        workflow: {
          start: 'w.do',
          loops: { w: { activities: { do: { role: 'worker', effort: 10, next: { live: 1 } } } } },
        },
      }),
    ).spec;
    const run = simulate(spec, { seed: 1 });
    const end = (domain: string, arrival: number) =>
      run.items.find((i) => i.domain === domain && i.arrival === arrival)?.end;
    // y's first (asked with 1) goes at day 10; then x's second (2, asked first), y's second (2), x's third (2)
    expect([end('x', 0), end('y', 2), end('x', 1), end('y', 11), end('x', 12)]).toEqual([10, 20, 30, 40, 50]);
  });
});
