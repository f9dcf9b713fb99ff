import { describe, expect, it } from 'vitest';
import { summariseExperiment } from '../../src/analysis/experiment-summary.js';
import { compareScenarios } from '../../src/analysis/paired-comparison.js';
import { MATERIAL_GROWTH_PER_QUARTER, stabilityOf } from '../../src/analysis/stability.js';
import { runExperiment } from '../../src/experiment/index.js';
import { validateScenario, type ScenarioSpec } from '../../src/scenario/index.js';
import { mmcScenario } from '../support/small-scenarios.js';

const e = (estimate: number, low: number, high: number) => ({ estimate, ci95: [low, high] as [number, number] });

describe('the stability verdict', () => {
  it('calls a clear, material growth of work in progress a failure to keep up, and names the saturated people', () => {
    const v = stabilityOf('Federated', e(4.1, 3.2, 5.0), e(40, 38, 42), {
      'spoke/ml_engineer': 0.97,
      'spoke/analyst': 0.5,
    });
    expect(v.stable).toBe(false);
    expect(v.saturated).toEqual([{ team: 'spoke', role: 'ml_engineer', utilization: 0.97 }]);
    expect(v.statement).toBe(
      'Federated does not keep up with demand: work in progress grows by 4.1 per quarter (95% CI 3.2 to 5.0); its time to production depends on how long you run it. Saturated: spoke/ml_engineer 97% busy.',
    );
  });

  it('calls a pool busy all the time a failure to keep up even before the growth is clear', () => {
    const v = stabilityOf('Hub', e(4.0, -2.2, 10.2), e(40, 30, 50), {
      'finance-sme/sme': 0.995,
      'hub/ml_engineer': 0.96,
    });
    expect(v.stable).toBe(false);
    expect(v.statement).toMatch(
      /^Hub does not keep up with demand: finance-sme\/sme 100% busy all the time, so the work waiting for it keeps piling up/,
    );
    expect(stabilityOf('Hub', e(4.0, -2.2, 10.2), e(40, 30, 50), { 'hub/ml_engineer': 0.96 }).verdict).toBe(
      'cannot-tell',
    );
  });

  it('keeps a configuration stable when the growth interval includes zero, or the growth is immaterial', () => {
    expect(stabilityOf('A', e(0.4, -0.1, 0.9), e(30, 29, 31), {}).stable).toBe(true);
    expect(stabilityOf('A', e(0.4, -0.1, 0.9), e(30, 29, 31), {}).verdict).toBe('keeps-up');
    const small = MATERIAL_GROWTH_PER_QUARTER * 30 * 0.9;
    expect(stabilityOf('B', e(small, small / 2, small * 1.5), e(30, 29, 31), {}).stable).toBe(true);
    expect(stabilityOf('C', e(small * 2, small, small * 3), e(30, 29, 31), {}).stable).toBe(false);
  });
});

describe('runs that do not keep up', () => {
  const summarise = async (spec: ScenarioSpec, name = spec.name) => {
    const experiment = await runExperiment([{ name, spec: validateScenario(spec).spec }], {
      replications: 8,
      workers: 1,
      seed: 3,
    });
    return { experiment, summary: summariseExperiment(experiment)[0] };
  };

  it('an overloaded queue (load 1.3) is unstable, with its server named; the same queue at load 0.6 is stable', async () => {
    const over = (await summarise(mmcScenario(1, 0.65, 2, 1500, 200))).summary;
    expect(over.stable).toBe(false);
    expect(over.saturated.map((p) => `${p.team}/${p.role}`)).toEqual(['t/server']);
    expect(over.wipGrowthPerQuarter.ci95[0]).toBeGreaterThan(0);
    expect(over.unfinishedShare.estimate).toBeGreaterThan(0.2);
    const fine = (await summarise(mmcScenario(1, 0.3, 2, 1500, 200))).summary;
    expect(fine.stable).toBe(true);
    expect(fine.saturated).toEqual([]);
  });

  it('experts with too little time for AI work saturate, and the verdict names them', async () => {
    const spec = mmcScenario(3, 0.2, 2, 1500, 200);
    spec.domains.d.sme = { people: 1, availability: 0.02 };
    spec.workflow.loops.w.activities.serve.next = { ask: 1 };
    spec.workflow.loops.w.activities.ask = { role: 'sme', effort: { exponential: { mean: 0.2 } }, next: { live: 1 } };
    const { summary } = await summarise(spec);
    expect(summary.stable).toBe(false);
    expect(summary.saturated[0]).toMatchObject({ team: 'd-sme', role: 'sme' });
    expect(summary.stability).toMatch(/does not keep up with demand: d-sme\/sme \d+% busy all the time/);
  });

  it('comparisons of time to production carry the caveat when a configuration does not keep up', async () => {
    const experiment = await runExperiment(
      [
        { name: 'two servers', spec: validateScenario(mmcScenario(2, 0.65, 2, 1500, 200)).spec },
        { name: 'one server', spec: validateScenario(mmcScenario(1, 0.65, 2, 1500, 200)).spec },
      ],
      { replications: 8, workers: 1, seed: 3 },
    );
    const comparisons = compareScenarios(experiment, 'two servers', 'one server');
    const median = comparisons.find((c) => c.metric === 'timeToProduction.p50')!;
    expect(median.caveat).toMatch(/one server does not keep up with demand/);
    expect(median.statement).toContain(median.caveat as string);
    expect(comparisons.find((c) => c.metric === 'throughputPerYear')!.caveat).toBeNull();
  });
});

describe('no verdict without the evidence for one', () => {
  it('says it cannot tell when the interval is too wide to rule out a material growth, and asks for more replications', () => {
    const v = stabilityOf('Small run', e(1.8, -12.4, 16.0), e(30, 20, 40), {});
    expect(v.verdict).toBe('cannot-tell');
    expect(v.stable).toBe(false);
    expect(v.statement).toMatch(
      /^Cannot tell yet whether Small run keeps up with its demand: .*run more replications \(--reps\)\.$/,
    );
  });

  it('says it cannot tell when the window is too short to measure a trend', () => {
    const v = stabilityOf('Short', { estimate: NaN, ci95: [NaN, NaN] }, { estimate: NaN, ci95: [NaN, NaN] }, {});
    expect(v.verdict).toBe('cannot-tell');
    expect(v.statement).toMatch(/measured window is too short .*horizon_days/);
  });

  it('gives the caveat on comparisons for a configuration over capacity by utilization alone', async () => {
    const spec = mmcScenario(3, 0.2, 2, 1500, 200);
    spec.domains.d.sme = { people: 1, availability: 0.02 };
    spec.workflow.loops.w.activities.serve.next = { ask: 1 };
    spec.workflow.loops.w.activities.ask = { role: 'sme', effort: { exponential: { mean: 0.2 } }, next: { live: 1 } };
    const fine = mmcScenario(3, 0.2, 2, 1500, 200);
    const experiment = await runExperiment(
      [
        { name: 'fine', spec: validateScenario(fine).spec },
        { name: 'experts overloaded', spec: validateScenario(spec).spec },
      ],
      { replications: 3, workers: 1, seed: 3 },
    );
    const median = compareScenarios(experiment, 'fine', 'experts overloaded').find(
      (c) => c.metric === 'timeToProduction.p50',
    )!;
    expect(median.caveat).toMatch(/experts overloaded does not keep up with demand/);
  });
});
