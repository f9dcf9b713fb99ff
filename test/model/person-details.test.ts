/**
 * The details a person carries, worked out by hand: a new hire's speed along the ramp-up and a
 * mover's slowdown, whether a schedule of days away has someone away at a moment and when work
 * ends across it, and the quarters' use of the teams' people without the domains' experts.
 */
import { describe, expect, it } from 'vitest';
import { Environment } from '../../src/engine/index.js';
import { People } from '../../src/model/people.js';
import { AwaySchedule, holidaySpells, personSpells } from '../../src/model/time-off.js';
import { simulate } from '../../src/model/index.js';
import { resolveParameters, validateScenario } from '../../src/scenario/index.js';
import { mmcScenario } from '../support/small-scenarios.js';

describe('a person speed', () => {
  it('rises evenly over the ramp-up and is slowed for a transition, then is full', () => {
    const people = new People(new Environment());
    const unit = people.join('t', { label: 'worker', roles: ['worker'] }, undefined, {
      now: 0,
      rampUpDays: 10,
      rampUpStart: 0.5,
    });
    expect(people.speedFactor(unit, 0)).toBe(2);
    expect(people.speedFactor(unit, 5)).toBeCloseTo(1 / 0.75, 12);
    people.slowDown(unit, 20, 1.5);
    expect(people.speedFactor(unit, 5)).toBeCloseTo(1.5 / 0.75, 12);
    expect(people.speedFactor(unit, 15)).toBe(1.5);
    expect(people.speedFactor(unit, 20)).toBe(1);
    expect(people.nextIndex('t', 'worker')).toBe(1);
    expect(people.ids[unit]).toBe('t/worker/0');
  });
});

describe('days away', () => {
  const schedule = new AwaySchedule([10, 20], [12, 25]);

  it('say whether someone is away at a moment, the start counted and the end not', () => {
    expect([9.9, 10, 11.9, 12, 19, 20, 24.9, 25, 30].map((t) => schedule.isAwayAt(t))).toEqual([
      false,
      true,
      true,
      false,
      false,
      true,
      true,
      false,
      false,
    ]);
    expect(new AwaySchedule([], []).isEmpty).toBe(true);
    expect(schedule.isEmpty).toBe(false);
  });

  it('end work that ends as a spell starts before it, and work that starts inside one after it', () => {
    expect(schedule.finish(5, 5)).toBe(10);
    expect(schedule.finish(11, 1)).toBe(13);
    expect(schedule.finish(12, 8)).toBe(20);
    expect(schedule.finish(12, 9)).toBe(26);
  });

  it('put holidays in day order, one working day each, and merge what overlaps', () => {
    const params = resolveParameters({ ...mmcScenario(1, 0.1, 1, 100, 0), calendar: { working_days_per_week: 5 } });
    expect(holidaySpells(params, [30, 10])).toEqual([
      [10, 11.4],
      [30, 31.4],
    ]);
    const none = personSpells(0, 7, 100, () => 0.5, [
      [30, 31.4],
      [10, 11.4],
    ]);
    expect([none.starts, none.ends]).toEqual([
      [10, 30],
      [11.4, 31.4],
    ]);
    // a person who starts away (a first draw below the share) is away from day 0
    expect(personSpells(0.5, 7, 100, () => 0.1, []).starts[0]).toBe(0);
    expect(personSpells(0.5, 7, 100, () => 0.9, []).starts[0]).toBeGreaterThan(0);
  });
});

describe('the quarters of a run with the domains experts', () => {
  it('count the teams people by role, not the experts', () => {
    const spec = mmcScenario(1, 0.5, 1, 500, 100);
    spec.domains.d.sme = { people: 1, availability: 1 };
    spec.workflow.loops.w.activities.serve.next = { ask: 1 };
    spec.workflow.loops.w.activities.ask = { role: 'sme', effort: 0.5, next: { live: 1 } };
    const run = simulate(validateScenario(spec).spec, { seed: 3, log: false });
    for (const p of run.periods) {
      expect(Object.keys(p.byRole)).toEqual(['server']);
      expect(p.byRole.server).toBeCloseTo(p.utilization, 12);
    }
    const weighted = run.periods.reduce((s, p) => s + p.utilization * (p.end - p.start), 0) / 400;
    expect(weighted).toBeCloseTo(run.pools.find((p) => p.role === 'server')?.utilization ?? Number.NaN, 9);
  });
});
