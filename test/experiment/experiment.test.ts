import { createHash } from 'node:crypto';
import { sampleVariance } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { compareScenarios, summariseExperiment } from '../../src/analysis/index.js';
import { runExperiment, seedFor } from '../../src/experiment/index.js';
import { validateScenario } from '../../src/scenario/index.js';
import { poolingScenario } from '../support/small-scenarios.js';

const pooled = { name: 'pooled', spec: validateScenario(poolingScenario('pooled')).spec };
const fragmented = { name: 'fragmented', spec: validateScenario(poolingScenario('fragmented')).spec };
const hash = (x: unknown) => createHash('sha256').update(JSON.stringify(x)).digest('hex');

describe('experiments', () => {
  it('give identical results, to the byte, with 1, 2 and 4 workers', async () => {
    const digests: string[] = [];
    for (const workers of [1, 2, 4])
      digests.push(hash(await runExperiment([pooled, fragmented], { replications: 6, seed: 5, workers })));
    expect(digests[1]).toBe(digests[0]);
    expect(digests[2]).toBe(digests[0]);
  });

  it('keep the event log of every replication, of the first only, or of none', async () => {
    const logged = async (keepLogs: boolean | 'first' | undefined) =>
      (await runExperiment([pooled, fragmented], { replications: 3, seed: 2, workers: 1, keepLogs })).scenarios.map(
        (s) => s.replications.map((r) => (r.log === undefined ? 0 : r.log.time.length > 0 ? 1 : -1)),
      );
    expect(await logged(true)).toEqual([
      [1, 1, 1],
      [1, 1, 1],
    ]);
    expect(await logged('first')).toEqual([
      [1, 0, 0],
      [1, 0, 0],
    ]);
    expect(await logged(undefined)).toEqual([
      [0, 0, 0],
      [0, 0, 0],
    ]);
  });

  it('report progress up to the total', async () => {
    const seen: string[] = [];
    await runExperiment([pooled], {
      replications: 3,
      workers: 1,
      onProgress: (p) => seen.push(`${p.done}/${p.total}`),
    });
    expect(seen).toEqual(['0/3', '1/3', '2/3', '3/3']);
  });

  it('with common random numbers, give a smaller variance of the paired difference than independent streams (measured)', async () => {
    const options = { replications: 20, seed: 9, workers: 1 };
    const diffs = async (common: boolean) => {
      const e = await runExperiment([pooled, fragmented], { ...options, commonRandomNumbers: common });
      return e.scenarios[1].replications.map(
        (r, i) => r.metrics.timeToProduction.p50 - e.scenarios[0].replications[i].metrics.timeToProduction.p50,
      );
    };
    const crn = sampleVariance(await diffs(true));
    const independent = sampleVariance(await diffs(false));
    expect(crn).toBeLessThan(independent);
  });

  it('use the same seeds for every scenario with common random numbers, and different ones without', () => {
    expect(seedFor(3, 0, 4, true)).toBe(seedFor(3, 1, 4, true));
    expect(seedFor(3, 0, 4, false)).not.toBe(seedFor(3, 1, 4, false));
  });

  it('add replications until the median is as precise as asked, and say how precise it got', async () => {
    const e = await runExperiment([pooled], {
      replications: 4,
      precision: 0.02,
      maxReplications: 60,
      workers: 1,
      seed: 2,
    });
    expect(e.precision!.target).toBe(0.02);
    expect(e.replications).toBeGreaterThan(4);
    expect(e.precision!.reached <= 0.02 || e.replications === 60).toBe(true);
    expect(e.scenarios[0].replications.length).toBe(e.replications);
  });

  it('state which scenario is better and how sure we are, from paired replications', async () => {
    const e = await runExperiment([fragmented, pooled], { replications: 10, workers: 1, seed: 4 });
    const median = compareScenarios(e, 'fragmented', 'pooled').find((c) => c.metric === 'timeToProduction.p50')!;
    expect(median.difference).toBeGreaterThan(0);
    expect(median.ci95[0]).toBeGreaterThan(0);
    expect(median.better).toBe('pooled');
    expect(median.statement).toMatch(
      /^pooled is better on median time to production: fragmented trails pooled by [\d.]+ days \(\d+%; 95% CI [\d.]+ days to [\d.]+ days\), over 10 paired replications\.$/,
    );
    const summaries = summariseExperiment(e);
    expect(summaries[1].timeToProduction.p50.estimate).toBeCloseTo(
      (summaries[0].timeToProduction.p50.estimate as number) - median.difference,
      9,
    );
    expect(summaries.every((s) => s.littleViolations === 0)).toBe(true);
  });

  it('reject impossible options with a clear message', async () => {
    await expect(runExperiment([pooled], { replications: 0 })).rejects.toThrow(
      'replications must be a whole number >= 1, got 0',
    );
    await expect(runExperiment([pooled], { precision: 5 })).rejects.toThrow(
      'precision must be a fraction between 0 and 1',
    );
    await expect(runExperiment([pooled], { workers: 0 })).rejects.toThrow('workers must be a whole number >= 1, got 0');
  });
});
