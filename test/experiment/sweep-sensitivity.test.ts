/**
 * A constructed scenario where one lever is known to dominate: three engineers run at about
 * 87% utilization while eight analysts run at about 65%, so an engineer more or less moves
 * the tail of time to production far more than an analyst, a smaller effort or shorter
 * handovers (there are none).
 */
import { describe, expect, it } from 'vitest';
import { leversOf, parseSweepParameter, runSensitivity, runSweep } from '../../src/experiment/index.js';
import { summariseSweep } from '../../src/analysis/index.js';
import { validateScenario } from '../../src/scenario/index.js';
import { poolingScenario } from '../support/small-scenarios.js';

const base = { name: 'constructed', spec: validateScenario(poolingScenario('pooled', 0, 3)).spec };

describe('sweeps', () => {
  it('parse lists and ranges, and reject bad ones', () => {
    expect(parseSweepParameter('teams.central.engineer=3,4,5')).toEqual({
      path: 'teams.central.engineer',
      values: [3, 4, 5],
    });
    expect(parseSweepParameter('x=0.5..1.5:0.25').values).toEqual([0.5, 0.75, 1, 1.25, 1.5]);
    expect(parseSweepParameter('management.intake=fifo,priority').values).toEqual(['fifo', 'priority']);
    expect(() => parseSweepParameter('x=5..1')).toThrow('invalid range "5..1" for x');
    expect(() => parseSweepParameter('x')).toThrow('expected path=values');
  });

  it('show the dominant parameter moving the result most, over the full grid', async () => {
    const sweep = await runSweep(
      base,
      [parseSweepParameter('teams.central.engineer=3,5'), parseSweepParameter('teams.central.analyst=8,10')],
      { replications: 6, workers: 1, seed: 3 },
    );
    expect(sweep.points.map((p) => p.values)).toEqual([
      { 'teams.central.engineer': 3, 'teams.central.analyst': 8 },
      { 'teams.central.engineer': 3, 'teams.central.analyst': 10 },
      { 'teams.central.engineer': 5, 'teams.central.analyst': 8 },
      { 'teams.central.engineer': 5, 'teams.central.analyst': 10 },
    ]);
    const p85 = summariseSweep(sweep).map((p) => p.summary.timeToProduction.p85.estimate as number);
    const engineerEffect = Math.abs(p85[0] - p85[2]);
    const analystEffect = Math.abs(p85[0] - p85[1]);
    expect(engineerEffect).toBeGreaterThan(analystEffect);
    expect(p85[2]).toBeLessThan(p85[0]);
  });
});

describe('the variants of a sweep', () => {
  it('are reported with their warnings before any replication runs, and an invalid one is named', async () => {
    const heard: string[] = [];
    await runSweep(base, [parseSweepParameter('teams.central.engineer=3,5')], {
      replications: 2,
      workers: 1,
      seed: 1,
      onVariants: (variants) => heard.push(`variants: ${variants.map((v) => v.name).join(' | ')}`),
      onProgress: (p) => heard.push(`progress ${p.done}`),
    });
    expect(heard[0]).toBe('variants: constructed (teams.central.engineer=3) | constructed (teams.central.engineer=5)');
    expect(heard.slice(1).every((h) => h.startsWith('progress'))).toBe(true);
    await expect(
      runSweep(base, [parseSweepParameter('teams.central.engineer=0')], { replications: 2, workers: 1 }),
    ).rejects.toThrow('(in constructed (teams.central.engineer=0))');
  });
});

describe('sensitivity', () => {
  it('lists a low and a high setting for each lever', () => {
    const levers = leversOf(base.spec, { relative: 0.2 });
    expect(levers.map((l) => l.id)).toEqual([
      'teams.central.headcount.analyst',
      'teams.central.headcount.engineer',
      'handovers.delay.same_team',
      'handovers.delay.same_home',
      'handovers.delay.cross_home',
      'workflow.iterations.decay',
      'management.coordination_overhead',
      'effort',
    ]);
    const engineer = levers[1];
    expect([engineer.low?.label, engineer.high?.label]).toEqual(['2', '4']);
    expect(levers.find((l) => l.id === 'workflow.iterations.decay')?.high).toBeNull(); // decay is already 1
  });

  it('moves people who hold several roles as a group, by its count', () => {
    const spec = structuredClone(base.spec);
    spec.teams.central.people = [{ roles: ['analyst', 'engineer'], count: 2 }];
    const lever = leversOf(spec).find((l) => l.id === 'teams.central.people.0.count');
    expect(lever?.label).toBe('people who are both analyst and engineer in the central');
    expect([lever?.low?.label, lever?.high?.label]).toEqual(['1', '3']);
    expect(lever?.high?.spec.teams.central.people?.[0].count).toBe(3);
    expect(spec.teams.central.people[0].count).toBe(2);
  });

  it('ranks the known dominant lever first, with confidence intervals', async () => {
    const result = await runSensitivity(base, { replications: 6, workers: 1, seed: 8, steps: { relative: 0.2 } });
    expect(result.levers[0].id).toBe('teams.central.headcount.engineer');
    const top = result.levers[0];
    expect(top.low!.effect).toBeGreaterThan(0); // one engineer fewer: slower
    expect(top.high!.effect).toBeLessThan(0); // one more: faster
    expect(top.low!.ci95[0]).toBeGreaterThan(0);
    for (const lever of result.levers.slice(1)) expect(lever.swing).toBeLessThanOrEqual(top.swing);
  });
});
