/**
 * Where exactly a run stops for too much open work: at the bound, counting open use cases
 * and open maintenance requests, not those that have ended.
 */
import { describe, expect, it } from 'vitest';
import { RunLimitError, simulate } from '../../src/model/index.js';
import { DAYS_PER_MONTH, validateScenario, type ScenarioSpec } from '../../src/scenario/index.js';
import { datedScenario, itemsOn } from '../support/small-scenarios.js';

/** One worker, a hundred days a use case, dated use cases; ending live or abandoned. */
function slow(days: number[], end: 'live' | 'abandon' = 'live'): ScenarioSpec {
  return validateScenario(
    datedScenario({
      horizon_days: 1000,
      domains: { d: { items: itemsOn('job', ...days) } },
      teams: { t: { home: 'centre', headcount: { worker: 1 } } },
      workflow: {
        start: 'w.do',
        loops: { w: { activities: { do: { role: 'worker', effort: 100, next: { [end]: 1 } } } } },
      },
    }),
  ).spec;
}

const stops = (spec: ScenarioSpec, maxOpenUseCases: number): unknown => {
  try {
    simulate(spec, { seed: 1, log: false, maxOpenUseCases });
    return null;
  } catch (e) {
    return e;
  }
};

describe('the bound on open work', () => {
  it('is reached when a use case arrives with as many already open: 3 open at day 3 stop a bound of 3, not of 4', () => {
    const spec = slow([0, 1, 2, 3]);
    expect(stops(spec, 4)).toBeNull();
    const error = stops(spec, 3);
    expect(error).toBeInstanceOf(RunLimitError);
    expect(String(error)).toMatch(/^RunLimitError: /);
    expect((error as Error).message).toContain(
      'more than 3 use cases and maintenance requests were open at once (day 3; mostly use cases)',
    );
  });

  it('does not count use cases that have gone live or been abandoned', () => {
    // each is done (day 100, 300, 500) before the next arrives
    expect(stops(slow([0, 200, 400]), 1)).toBeNull();
    expect(stops(slow([0, 200, 400], 'abandon'), 1)).toBeNull();
    expect(stops(slow([0, 50]), 1)).toBeInstanceOf(RunLimitError);
  });

  it('does not count maintenance requests already served', () => {
    // a model live from day 100 for 50 days asks three times a day; each request takes a
    // moment of a second worker's time, so at most one is open at a time
    const spec = slow([0]);
    spec.teams.t.headcount!.maintainer = 1;
    spec.roles.maintainer = {};
    spec.maintenance = {
      incidents_per_model_per_month: 3 * DAYS_PER_MONTH,
      role: 'maintainer',
      effort: 0.001,
      lifetime_days: 50,
    };
    expect(stops(validateScenario(spec).spec, 2)).toBeNull();
  });

  it('names use cases as what is mostly open when they are as many as the maintenance requests', () => {
    // one use case holds the worker for 100 days; the day-0 model's first request holds the
    // maintainer for 100 days; its second finds 1 use case and 1 request open, at a bound of 2
    const spec = slow([0]);
    spec.teams.t.headcount!.maintainer = 1;
    spec.roles.maintainer = {};
    spec.domains.d.models_in_production = 1;
    spec.maintenance = {
      incidents_per_model_per_month: 30 * DAYS_PER_MONTH,
      role: 'maintainer',
      effort: 100,
      lifetime_days: { exponential: { mean: 1000 } },
    };
    const error = stops(validateScenario(spec).spec, 2);
    expect(error).toBeInstanceOf(RunLimitError);
    expect((error as Error).message).toContain('mostly use cases');
  });
});
