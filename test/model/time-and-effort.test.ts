/**
 * From effort to calendar days, and where a use case goes: the planning cycle at intake,
 * working days per week and coordination overhead, effort scaled per use-case type (and per
 * loop), a team's effort multiplier per loop, the experts' availability, and the loops a type
 * skips. Constant efforts, so each duration is computed by hand.
 */
import { describe, expect, it } from 'vitest';
import { elapsedDays, simulate, type RunResult } from '../../src/model/index.js';
import { validateScenario, type ScenarioSpec } from '../../src/scenario/index.js';
import { rowsOf } from '../support/run-log.js';
import { datedScenario, itemsOn } from '../support/small-scenarios.js';

const run = (spec: ScenarioSpec): RunResult => simulate(spec, { seed: 1 });

/** Ample workers (no one waits) doing one activity of `effort` person-days. */
function oneActivity(effort: number, days: number[], parts: Partial<ScenarioSpec> = {}): ScenarioSpec {
  return validateScenario(
    datedScenario({
      domains: { d: { items: itemsOn('job', ...days) } },
      teams: { t: { home: 'centre', headcount: { worker: 10 } } },
      workflow: {
        start: 'w.do',
        loops: { w: { activities: { do: { role: 'worker', effort, next: { live: 1 } } } } },
      },
      ...parts,
    }),
  ).spec;
}

/**
 * Three loops of one activity each, one day of effort: data (an analyst), model (a modeller)
 * and production (an engineer), all of team t.
 */
function threeLoops(parts: Partial<ScenarioSpec> & Pick<ScenarioSpec, 'domains'>): ScenarioSpec {
  return validateScenario(
    datedScenario({
      teams: { t: { home: 'centre', headcount: { analyst: 1, modeller: 1, engineer: 1 } } },
      workflow: {
        start: 'data.prepare',
        loops: {
          data: { activities: { prepare: { role: 'analyst', effort: 1, next: { 'model.train': 1 } } } },
          model: { activities: { train: { role: 'modeller', effort: 1, next: { 'production.deploy': 1 } } } },
          production: { activities: { deploy: { role: 'engineer', effort: 1, next: { live: 1 } } } },
        },
      },
      ...parts,
    }),
  ).spec;
}

/** Calendar days of each activity of the use case, in the order done. */
function activityDays(result: RunResult, item = 0): Record<string, number> {
  return Object.fromEntries(
    rowsOf(result.log, 'activity_end', item).map((r) => [`${r.loop}.${r.activity}`, r.duration]),
  );
}

describe('the planning cycle', () => {
  it('starts a new use case at the next planning day, counting the wait as planning', () => {
    const result = run(oneActivity(1, [0, 3, 10, 15], { management: { planning_cadence_days: 10 } }));
    expect(result.items.map((i) => i.planning)).toEqual([0, 7, 0, 5]);
    expect(result.items.map((i) => i.end)).toEqual([1, 11, 11, 21]);
    expect(rowsOf(result.log, 'planning').map((r) => [r.item, r.time, r.duration])).toEqual([
      [1, 10, 7],
      [3, 20, 5],
    ]);
  });

  it('does not hold anything with a cadence of 0: work starts on arrival', () => {
    const result = run(oneActivity(1, [3, 15], { management: { planning_cadence_days: 0 } }));
    expect(result.items.map((i) => [i.planning, i.end])).toEqual([
      [0, 4],
      [0, 16],
    ]);
  });
});

describe('effort in person-days becomes calendar days', () => {
  it('at seven working days a week and no overhead, one to one', () => {
    expect(activityDays(run(oneActivity(3, [0])))).toEqual({ 'w.do': 3 });
  });

  it('at five working days a week, 7/5 calendar days per person-day', () => {
    expect(activityDays(run(oneActivity(5, [0], { calendar: { working_days_per_week: 5 } })))).toEqual({ 'w.do': 7 });
  });

  it('with a coordination overhead, stretched by 1 / (1 - overhead)', () => {
    expect(activityDays(run(oneActivity(2, [0], { management: { coordination_overhead: 0.5 } })))).toEqual({
      'w.do': 4,
    });
    const both = oneActivity(5, [0], {
      calendar: { working_days_per_week: 5 },
      management: { coordination_overhead: 0.3 },
    });
    expect(run(both).items[0].work).toBeCloseTo(10, 12);
  });

  it('is exported as elapsedDays: effort x 7 / working days / (1 - overhead) / availability', () => {
    expect(elapsedDays(5, { workingDaysPerWeek: 5, coordinationOverhead: 0.5 }, 0.5)).toBe(28);
    expect(elapsedDays(2, { workingDaysPerWeek: 7, coordinationOverhead: 0 })).toBe(2);
  });
});

describe('effort scaling', () => {
  it('by a use-case type: every activity of a type with effort_scale 3 takes three times as long', () => {
    const spec = threeLoops({
      domains: { d: { items: [...itemsOn('big', 0), ...itemsOn('plain', 0)] } },
      use_case_types: { big: { effort_scale: 3 }, plain: {} },
    });
    const result = run(spec);
    expect(result.items.map((i) => i.type)).toEqual(['big', 'plain']);
    expect(activityDays(result, 0)).toEqual({ 'data.prepare': 3, 'model.train': 3, 'production.deploy': 3 });
    // the plain one waits for each person the big one holds
    expect(activityDays(result, 1)).toEqual({ 'data.prepare': 1, 'model.train': 1, 'production.deploy': 1 });
  });

  it('by a use-case type per loop: only the loops listed are scaled', () => {
    const spec = threeLoops({
      domains: { d: { items: itemsOn('modelheavy', 0) } },
      use_case_types: { modelheavy: { effort_scale: { model: 4, production: 0.5 } } },
    });
    expect(activityDays(run(spec))).toEqual({ 'data.prepare': 1, 'model.train': 4, 'production.deploy': 0.5 });
  });

  it("by a team's effort multiplier for a loop: only that team's work in that loop", () => {
    const spec = threeLoops({ domains: { d: { items: itemsOn('job', 0) } } });
    spec.teams.t.effort_multiplier = { model: 2 };
    expect(activityDays(run(validateScenario(spec).spec))).toEqual({
      'data.prepare': 1,
      'model.train': 2,
      'production.deploy': 1,
    });
  });

  it("of a team and a type multiply; the domain's experts work at their availability, unscaled by any team", () => {
    const spec = threeLoops({
      domains: { d: { items: itemsOn('job', 0), sme: { people: 1, availability: 0.25 } } },
      use_case_types: { job: { effort_scale: 2 } },
    });
    spec.teams.t.effort_multiplier = { model: 1.5, data: 10 };
    spec.workflow.loops.data.activities.prepare.role = 'sme';
    spec.teams.t.headcount = { modeller: 1, engineer: 1 };
    // the experts: 1 x 2 (type) / 0.25 (availability); the modeller: 1 x 2 x 1.5
    expect(activityDays(run(validateScenario(spec).spec))).toEqual({
      'data.prepare': 8,
      'model.train': 3,
      'production.deploy': 2,
    });
  });
});

describe('loops a use-case type skips', () => {
  const skipping = () =>
    threeLoops({
      domains: {
        d: {
          items: [
            ...itemsOn('full', 0),
            ...itemsOn('dashboard', 10),
            ...itemsOn('model_only', 20),
            ...itemsOn('report', 30),
          ],
        },
      },
      use_case_types: {
        full: {},
        dashboard: { skip_loops: ['model'] },
        model_only: { skip_loops: ['data', 'production'] },
        report: { skip_loops: ['model', 'production'] },
      },
    });

  it('are passed over: the use case goes on to the first activity of the next loop it does not skip, or live', () => {
    const result = run(skipping());
    const path = (item: number) => Object.keys(activityDays(result, item));
    expect(path(0)).toEqual(['data.prepare', 'model.train', 'production.deploy']);
    expect(path(1)).toEqual(['data.prepare', 'production.deploy']);
    expect(path(2)).toEqual(['model.train']);
    expect(path(3)).toEqual(['data.prepare']);
    expect(result.items.map((i) => [i.outcome, i.end - i.arrival])).toEqual([
      ['live', 3],
      ['live', 2],
      ['live', 1],
      ['live', 1],
    ]);
  });

  it('are never entered: their work in progress and entries stay at 0 for a type that skips them', () => {
    const spec = skipping();
    spec.domains.d.items = itemsOn('dashboard', 0);
    const result = run(spec);
    expect(result.loops.map((l) => [l.loop, l.entries, l.exits])).toEqual([
      ['data', 1, 1],
      ['model', 0, 0],
      ['production', 1, 1],
    ]);
  });
});
