import { describe, expect, it } from 'vitest';
import { RunLimitError, simulate } from '../../src/model/index.js';
import { validateScenario } from '../../src/scenario/index.js';
import { mmcScenario } from '../support/small-scenarios.js';

describe('a run that outgrows its bound', () => {
  const overloaded = validateScenario(mmcScenario(1, 5, 1, 2000, 0)).spec; // load 5: the queue grows by 4 a day

  it('stops with a RunLimitError naming the bound, the fields that drive it and the option that lifts it', () => {
    let error: unknown;
    try {
      simulate(overloaded, { seed: 1, log: false, maxOpenUseCases: 300 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RunLimitError);
    expect((error as Error).message).toMatch(
      /more than 300 use cases and maintenance requests were open at once \(day \d+; mostly use cases\).*domains\.<d>\.demand.*horizon_days.*--max-use-cases/,
    );
  });

  it('runs to the end when the bound is not reached', () => {
    const run = simulate(overloaded, { seed: 1, log: false, maxOpenUseCases: 20_000 });
    expect(run.items.length).toBeGreaterThan(9000);
  });
});

describe('a run whose maintenance outgrows its bound', () => {
  it('stops with a RunLimitError naming the maintenance fields', () => {
    const spec = mmcScenario(1, 0.01, 1, 2000, 0);
    spec.domains.d.models_in_production = 50;
    spec.maintenance = { incidents_per_model_per_month: 30, role: 'server', effort: { exponential: { mean: 1 } } };
    let error: unknown;
    try {
      simulate(validateScenario(spec).spec, { seed: 1, log: false, maxOpenUseCases: 500 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RunLimitError);
    expect((error as Error).message).toMatch(
      /mostly maintenance requests.*maintenance\.incidents_per_model_per_month or domains\.<d>\.models_in_production/,
    );
  });
});
