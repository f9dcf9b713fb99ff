/** The size of a run, estimated from the scenario before it starts, and the bounds that refuse it. */
import { describe, expect, it } from 'vitest';
import {
  checkRunSize,
  MAX_HORIZON_DAYS,
  replicationSize,
  runExperiment,
  RunSizeError,
  WHOLE_RUN_FACTOR,
} from '../../src/experiment/index.js';
import { validateScenario, type ScenarioSpec } from '../../src/scenario/index.js';
import { mmcScenario } from '../support/small-scenarios.js';

// 2 jobs a day = 730 a year = 60.83 a month, over 365 days
const spec = validateScenario(mmcScenario(3, 2, 1, 365, 0)).spec;
const named = (s: ScenarioSpec) => ({ name: s.name, spec: s });

describe('run size', () => {
  it('counts demand per month over the horizon, plus the dated items within it', () => {
    expect(replicationSize(spec).useCases).toBeCloseTo(730, 6);
    const dated = structuredClone(spec);
    dated.domains.d.items = [
      { day: 10, type: 'job' },
      { day: 20, type: 'job' },
      { day: 400, type: 'job' },
    ];
    expect(replicationSize(dated)).toMatchObject({ datedItems: 2, horizonDays: 365 });
    expect(replicationSize(dated).useCases).toBeCloseTo(732, 6);
  });

  it('refuses one replication past the bound, naming the figure, its value and horizon_days and demand', () => {
    const long = { ...spec, horizon_days: 300_000 };
    expect(() => checkRunSize([named(long)], 1, 200_000)).toThrow(RunSizeError);
    expect(() => checkRunSize([named(long)], 1, 200_000)).toThrow(
      /about [\d,]+ use cases in one replication of "M\/M\/c", more than the bound of 200,000; .*horizon_days \(300,000 days\) and demand \(60\.8 use cases per month/,
    );
    const busy = structuredClone(spec);
    busy.domains.d.demand = { job: 1e6 };
    expect(() => checkRunSize([named(busy)], 1, 200_000)).toThrow(/in one replication/);
    expect(() => checkRunSize([named(spec)], 1, 200_000)).not.toThrow();
  });

  it('counts the models in production at day 0, each a process of the run', () => {
    const portfolio = structuredClone(spec);
    portfolio.domains.d.models_in_production = 10_000_000;
    expect(() => checkRunSize([named(portfolio)], 1, 200_000)).toThrow(
      /plus 10,000,000 models in production at day 0 \(domains\.<d>\.models_in_production\)/,
    );
  });

  it('refuses a horizon past MAX_HORIZON_DAYS even with almost no demand (a run records work in progress every week)', () => {
    const quiet = structuredClone(spec);
    quiet.domains.d.demand = { job: 0 };
    expect(() => checkRunSize([named({ ...quiet, horizon_days: MAX_HORIZON_DAYS })], 1)).not.toThrow();
    expect(() => checkRunSize([named({ ...quiet, horizon_days: 1e9 })], 1)).toThrow(
      /horizon_days of "M\/M\/c" is 1,000,000,000 days, more than the bound of 365,000 days/,
    );
  });

  it('refuses a whole run past WHOLE_RUN_FACTOR times the bound: replications times scenarios', () => {
    // 730 use cases a replication, bound 1,000: the whole run may hold 25,000, so 2 scenarios x 17 replications (24,820) pass and x 18 (26,280) do not
    expect(() => checkRunSize([named(spec), named(spec)], 17, 1000)).not.toThrow();
    const error = (() => {
      try {
        checkRunSize([named(spec), named(spec)], 18, 1000);
      } catch (e) {
        return e as RunSizeError;
      }
    })();
    expect(error).toBeInstanceOf(RunSizeError);
    expect(error!.figure).toBe('run');
    expect(error!.bound).toBe(1000 * WHOLE_RUN_FACTOR);
    expect(error!.message).toMatch(/about 26,280 use cases in the whole run/);
  });

  it('is checked by runExperiment with maxUseCases before any replication runs (the most replications --precision may run)', async () => {
    let progressed = false;
    const onProgress = () => {
      progressed = true;
    };
    // 730 use cases in a replication, more than 500 (small numbers: without the check, it would just run)
    await expect(
      runExperiment([named(spec)], { replications: 2, workers: 1, maxUseCases: 500, onProgress }),
    ).rejects.toThrow(RunSizeError);
    // 730 x 10 = 7,300 fits 25 x 1,000, but up to 40 replications (29,200) does not
    await expect(
      runExperiment([named(spec)], {
        replications: 10,
        precision: 0.01,
        maxReplications: 40,
        workers: 1,
        maxUseCases: 1000,
        onProgress,
      }),
    ).rejects.toThrow(/whole run/);
    expect(progressed).toBe(false);
  });
});
