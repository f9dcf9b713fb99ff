/**
 * The model runs on the resolved parameters: a field left out behaves exactly as the schema's
 * `default` written out. (A lookup that misses: lookups.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { simulate, type RunResult } from '../../src/model/index.js';
import { ScenarioSpec } from '../../src/scenario/index.js';
import { poolingScenario } from '../support/small-scenarios.js';

/** A scenario with loop-backs and handovers that leaves out every field with a default it can. */
function leftOut(): ScenarioSpec {
  const spec = poolingScenario('fragmented', 2);
  delete spec.warmup_days;
  delete spec.calendar;
  delete spec.workflow.iterations;
  delete spec.management;
  return spec;
}

type Schema = { properties?: Record<string, Schema>; default?: unknown };
const schemaDefault = (...path: string[]): unknown =>
  path.reduce<Schema>((s, key) => s.properties?.[key] ?? {}, ScenarioSpec as unknown as Schema).default;

const outcome = (run: RunResult) => ({ items: run.items, flow: run.flow, pools: run.pools, cost: run.peopleCost });

describe('a scenario that leaves out a field with a default', () => {
  it("runs exactly as the same scenario with the schema's defaults written out", () => {
    const written = leftOut();
    written.warmup_days = schemaDefault('warmup_days') as number;
    written.calendar = schemaDefault('calendar') as ScenarioSpec['calendar'];
    written.workflow.iterations = schemaDefault('workflow', 'iterations') as ScenarioSpec['workflow']['iterations'];
    written.management = {
      intake: schemaDefault('management', 'intake') as 'fifo',
      planning_cadence_days: schemaDefault('management', 'planning_cadence_days') as number,
      coordination_overhead: schemaDefault('management', 'coordination_overhead') as number,
      gates: {},
    };
    expect(written.calendar).toEqual({ working_days_per_week: 5, holidays: 0, absence_spell_days: 5 });
    expect(outcome(simulate(leftOut(), { seed: 11 }))).toEqual(outcome(simulate(written, { seed: 11 })));
  });

  it('works 5 days a week without a calendar: slower than a 7-day calendar, as fast as a 5-day one', () => {
    const days = (spec: ScenarioSpec) => simulate(spec, { seed: 4, log: false }).items.map((i) => i.work);
    const five = { ...leftOut(), calendar: { working_days_per_week: 5 } };
    const seven = { ...leftOut(), calendar: { working_days_per_week: 7 } };
    expect(days(leftOut())).toEqual(days(five));
    expect(days(leftOut())).not.toEqual(days(seven));
  });
});
