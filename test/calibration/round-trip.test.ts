/**
 * The calibration round trip: an activity log simulated from a known scenario
 * (test/fixtures/calibration/truth.yaml), written as `orgflow run --log` writes it, read
 * back and fitted. Every fitted value must land within a few standard errors of the value
 * that made the log, the standard errors coming from the sample sizes the fit reports.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { activityLogRows, writeActivityLog } from '../../src/analysis/activity-log.js';
import { type Calibration, calibrate, readHistory } from '../../src/calibration/index.js';
import { simulate } from '../../src/model/index.js';
import { gammaFunction, RandomStreams } from '../../src/random/index.js';
import { DAYS_PER_MONTH, loadScenario, type DistributionSpec } from '../../src/scenario/index.js';
import { outFolder } from '../cli/orgflow-process.js';

const truth = loadScenario(join(import.meta.dirname, '..', 'fixtures', 'calibration', 'truth.yaml')).spec;
const Z90 = 1.2815515655446004;
/** Tolerance: four standard errors. */
const K = 4;

let fit: Calibration;
/** The same scenario with loop-backs that halve each time round. */
let learning: Calibration;
/** The same log without its enabled_time column, as most exports are. */
let withoutEnabled: Calibration;
beforeAll(async () => {
  const run = simulate(truth, { seed: 3, log: true });
  const file = join(outFolder(), 'history.csv');
  await writeActivityLog(file, activityLogRows(run.log, Date.parse('2026-01-01T00:00:00Z')));
  fit = calibrate(await readHistory(file), new RandomStreams(1).stream('fit'));
  const lines = readFileSync(file, 'utf8').trim().split('\n');
  const drop = lines[0].split(',').indexOf('enabled_time');
  const stripped = join(outFolder(), 'no-enabled.csv');
  writeFileSync(
    stripped,
    lines
      .map((l) =>
        l
          .split(',')
          .filter((_, i) => i !== drop)
          .join(','),
      )
      .join('\n'),
  );
  withoutEnabled = calibrate(await readHistory(stripped), new RandomStreams(1).stream('fit'));
  const halving = { ...truth, workflow: { ...truth.workflow, iterations: { decay: 0.5, cap: 10 } } };
  const learningFile = join(outFolder(), 'learning.csv');
  const learningRun = simulate(halving, { seed: 4, log: true });
  await writeActivityLog(learningFile, activityLogRows(learningRun.log, Date.parse('2026-01-01T00:00:00Z')));
  learning = calibrate(await readHistory(learningFile), new RandomStreams(1).stream('fit'));
}, 90_000);

const activity = (key: string) => {
  const a = fit.workflow.activities.find((x) => x.key === key);
  if (a === undefined) throw new Error(`no fitted activity ${key}`);
  return a;
};
const lognormalOf = (d: DistributionSpec): { mu: number; sigma: number } => {
  const p = (d as { lognormal: { median: number; p90: number } }).lognormal;
  return { mu: Math.log(p.median), sigma: (Math.log(p.p90) - Math.log(p.median)) / Z90 };
};
const truthEffort = (loop: string, a: string): DistributionSpec => truth.workflow.loops[loop].activities[a].effort;

describe('calibration round trip', () => {
  it('recovers the arrival rate of each domain and type (Poisson counts)', () => {
    const months = fit.windowDays / DAYS_PER_MONTH;
    for (const [domain, d] of Object.entries(truth.domains))
      for (const [type, rate] of Object.entries(d.demand ?? {})) {
        const a = fit.arrivals.find((x) => x.domain === domain && x.type === type);
        expect(a, `${domain}/${type}`).toBeDefined();
        expect(Math.abs((a?.perMonth ?? 0) - rate), `${domain}/${type}`).toBeLessThan(
          (K * Math.sqrt(rate * months)) / months,
        );
        expect(a?.trendP).toBeGreaterThan(0.001); // no trend was put in
      }
  });

  it('recovers the effort of the lognormal activities: the log-median and sigma within their standard errors', () => {
    for (const [loop, a] of [
      ['build', 'ask'],
      ['build', 'prepare'],
      ['model', 'train'],
    ]) {
      const { mu, sigma } = lognormalOf(truthEffort(loop, a));
      const fitted = activity(`${loop}.${a}`);
      // AIC may prefer a close family in a finite sample; the lognormal fit itself must be right
      const p = fitted.effort?.families.find((f) => f.family === 'lognormal')?.parameters ?? { mu: NaN, sigma: NaN };
      expect(fitted.effort?.chosen).not.toBe('empirical');
      const n = fitted.effort?.n ?? 0;
      expect(Math.abs(p.mu - mu), `${loop}.${a} log-median`).toBeLessThan((K * sigma) / Math.sqrt(n));
      expect(Math.abs(p.sigma - sigma), `${loop}.${a} sigma`).toBeLessThan((K * sigma) / Math.sqrt(2 * n));
    }
  });

  it('recovers the other families: the fitted gamma, Weibull and exponential means within their standard errors', () => {
    // gamma(3, 1): mean 3, sd sqrt 3; weibull(2, 1.5): mean 1.329, sd 0.695; exponential(2): sd 2
    const meanOf = (family: string, p: Record<string, number>): number =>
      family === 'gamma' ? p.shape * p.scale : family === 'weibull' ? p.scale * gammaFunction(1 + 1 / p.shape) : p.mean;
    for (const [key, family, mean, sd] of [
      ['build.analyse', 'gamma', 3, Math.sqrt(3)],
      ['model.review', 'weibull', 1.3293, 0.6949],
      ['ship.release', 'exponential', 2, 2],
    ] as const) {
      const e = activity(key).effort;
      const p = e?.families.find((f) => f.family === family)?.parameters ?? {};
      expect(Math.abs(meanOf(family, p) - mean), key).toBeLessThan((K * sd) / Math.sqrt(e?.n ?? 1));
    }
  });

  it("recovers a type's effort scale in a loop", () => {
    // models take 1.5 times the effort of reports in the build loop; reports are the commonest type here
    const scale = fit.workflow.effortScale.get('model')?.get('build') ?? NaN;
    const n = fit.workflow.activities.filter((a) => a.loop === 'build').reduce((s, a) => s + (a.effort?.n ?? 0), 0);
    // the log of a scale is a difference of two means of log effort (sd about 0.6 each)
    expect(Math.abs(Math.log(scale) - Math.log(1.5))).toBeLessThan(K * 0.6 * Math.sqrt(2 / (n / 3)));
    expect(fit.workflow.referenceType).toBe('report');
    expect(fit.workflow.skipLoops.get('report')).toEqual(['model']);
    expect(fit.workflow.skipLoops.get('model')).toEqual([]);
  });

  it('recovers the transition probabilities, loop-backs and abandonment included (binomial)', () => {
    const check = (key: string, expected: Record<string, number>) => {
      const next = activity(key).next;
      const n = [...next.values()].reduce((s, x) => s + x, 0);
      for (const [target, p] of Object.entries(expected)) {
        const seen = (next.get(target) ?? 0) / n;
        expect(Math.abs(seen - p), `${key} -> ${target}`).toBeLessThanOrEqual(K * Math.sqrt((p * (1 - p)) / n) + 1e-12);
      }
      expect(next.size).toBe(Object.keys(expected).length);
    };
    check('build.analyse', { 'build.prepare': 0.25, 'model.train': 0.65, abandon: 0.1 });
    check('model.review', { 'model.train': 0.3, 'ship.release': 0.7 });
    check('ship.release', { live: 1 });
    expect(fit.workflow.start).toBe('build.ask');
    expect(fit.workflow.loops).toEqual(['build', 'model', 'ship']);
  });

  it('finds no learning where loop-backs do not decay: decay 1 inside the 95% profile interval', () => {
    expect(fit.iterations.ci95?.[1]).toBe(1);
    expect(fit.iterations.noLearningP).toBeGreaterThan(0.05);
    expect(fit.iterations.moves).toBeGreaterThan(500);
  });

  it('recovers a learning decay of 0.5 within its 95% profile interval, and the first-pass loop-back probabilities', () => {
    const fitted = learning.iterations;
    const [lo, hi] = fitted.ci95 ?? [NaN, NaN];
    expect(lo).toBeLessThanOrEqual(0.5);
    expect(hi).toBeGreaterThanOrEqual(0.5);
    expect(hi).toBeLessThan(1); // the history shows the learning
    expect(fitted.noLearningP).toBeLessThan(0.05);
    expect(learning.spec.workflow.iterations?.decay).toBe(fitted.decay);
    // first-pass loop-back probabilities, binomial on the first departures (about one per case)
    for (const [key, p, written] of [
      ['build.analyse', 0.25, learning.spec.workflow.loops.build.activities.analyse.next.prepare],
      ['model.review', 0.3, learning.spec.workflow.loops.model.activities.review.next.train],
    ] as const) {
      const first = learning.workflow.activities.find((a) => a.key === key)?.next;
      const n = [...(first?.values() ?? [])].reduce((s, x) => s + x, 0);
      const b = fitted.firstPassBack.get(key) ?? NaN;
      expect(Math.abs(b - p), key).toBeLessThan(K * Math.sqrt((p * (1 - p)) / (n / 2)));
      expect(written, key).toBeCloseTo(b, 3);
    }
  });

  it('recovers the handover delay of each boundary, and the clarification rounds', () => {
    for (const boundary of ['same_team', 'same_home', 'cross_home'] as const) {
      const { mu, sigma } = lognormalOf(truth.handovers?.delay[boundary] as DistributionSpec);
      const f = fit.handovers.delay.get(boundary);
      const n = f?.n ?? 0;
      expect(n, boundary).toBeGreaterThan(100);
      expect(Math.abs((f?.best.parameters.mu ?? NaN) - mu), boundary).toBeLessThan((K * sigma) / Math.sqrt(n));
      const q = truth.handovers?.clarification?.probability[boundary] ?? 0;
      const seen = fit.handovers.clarification.get(boundary) ?? NaN;
      expect(Math.abs(seen - q), `clarification ${boundary}`).toBeLessThanOrEqual(
        K * Math.sqrt((q * (1 - q)) / n) + 1e-12,
      );
    }
  });

  it('recovers the handover delays without enabled times, leaving out the gaps a busy person explains', () => {
    for (const boundary of ['same_team', 'same_home', 'cross_home'] as const) {
      const { mu, sigma } = lognormalOf(truth.handovers?.delay[boundary] as DistributionSpec);
      const f = withoutEnabled.handovers.delay.get(boundary);
      const n = f?.n ?? 0;
      expect(n, boundary).toBeGreaterThan(100);
      expect(Math.abs((f?.best.parameters.mu ?? NaN) - mu), boundary).toBeLessThan((K * sigma) / Math.sqrt(n));
    }
    expect(withoutEnabled.handovers.busyBounded).toBeGreaterThan(100);
    expect(withoutEnabled.notes.some((n) => n.includes('handovers are left out of the delays'))).toBe(true);
    // the planning cadence from arrival to start, where the person was free: the cases that
    // queued are left out, and planning releases work in batches served first come first
    // served, so those kept waited longer than most: the cadence is found, but overstated
    const cadence = withoutEnabled.spec.management?.planning_cadence_days ?? 0;
    expect(cadence).toBeGreaterThanOrEqual(14);
    expect(cadence).toBeLessThanOrEqual(14 * 1.3);
  });

  it('finds the teams, their homes and headcount, the experts, and the planning cadence', () => {
    const teams = Object.fromEntries(
      fit.organisation.teams.map((t) => [t.id, { home: t.home, headcount: Object.fromEntries(t.headcount) }]),
    );
    expect(teams).toEqual({
      sales_team: { home: 'sales', headcount: { analyst: 2, data_engineer: 2 } },
      ops_team: { home: 'ops', headcount: { analyst: 1, data_engineer: 1 } },
      central: { home: 'centre', headcount: { ml_engineer: 3 } },
    });
    expect(Object.fromEntries(fit.organisation.smePeople)).toEqual({ sales: 2, ops: 1 });
    expect(fit.spec.management?.planning_cadence_days).toBe(14);
  });

  it('writes a scenario that validates and keeps the structure: the same teams, loops and roles', () => {
    expect(Object.keys(fit.spec.teams).sort()).toEqual(['central', 'ops_team', 'sales_team']);
    expect(Object.keys(fit.spec.workflow.loops)).toEqual(['build', 'model', 'ship']);
    expect(fit.spec.workflow.loops.model.activities.train.role).toBe('ml_engineer');
    expect(fit.spec.use_case_types.report.skip_loops).toEqual(['model']);
  });
});
