/** Worker threads capped by tasks and cores; --precision's outcome; neither changes the results. */
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { ReplicationExecutor, runExperiment, workerThreads, type ReplicationTask } from '../../src/experiment/index.js';
import { validateScenario } from '../../src/scenario/index.js';
import { poolingScenario } from '../support/small-scenarios.js';

const pooled = { name: 'pooled', spec: validateScenario(poolingScenario('pooled')).spec };
const fragmented = { name: 'fragmented', spec: validateScenario(poolingScenario('fragmented')).spec };
const hash = (x: unknown) => createHash('sha256').update(JSON.stringify(x)).digest('hex');

describe('worker threads', () => {
  it('are never more than the tasks or the cores, whatever is asked', () => {
    expect(workerThreads(64, 3)).toBe(Math.min(3, availableParallelism()));
    expect(workerThreads(64, 1000)).toBe(availableParallelism());
    expect(workerThreads(1, 1000)).toBe(1);
    expect(workerThreads(4, 0)).toBe(1);
  });

  it('an executor asked for 8 starts at most one per task and per core, with the same results as one thread', async () => {
    const tasks: ReplicationTask[] = [0, 1, 2].map((r) => ({
      scenarioIndex: 0,
      replication: r,
      seed: 100 + r,
      spec: pooled.spec,
      keepLog: false,
    }));
    const many = new ReplicationExecutor(8);
    const one = new ReplicationExecutor(1);
    try {
      const results = await many.run(tasks);
      expect(many.workers).toBe(Math.min(3, availableParallelism()));
      expect(hash(results)).toBe(hash(await one.run(tasks)));
    } finally {
      await many.close();
      await one.close();
    }
  });
});

describe('precision', () => {
  it('says the target, the precision reached, whether it was met and after how many replications, capped by maxReplications', async () => {
    const e = await runExperiment([pooled], {
      replications: 4,
      precision: 0.0001,
      maxReplications: 9,
      workers: 1,
      seed: 2,
    });
    expect(e.replications).toBe(9);
    expect(e.scenarios[0].replications).toHaveLength(9);
    expect(e.precision).toMatchObject({ target: 0.0001, met: false, replications: 9 });
    expect(e.precision!.reached).toBeGreaterThan(0.0001);
    const loose = await runExperiment([pooled], {
      replications: 4,
      precision: 0.5,
      maxReplications: 9,
      workers: 1,
      seed: 2,
    });
    expect(loose.precision).toMatchObject({ met: true, replications: 4 });
  });

  it('gives the same replications and results with 1 or 2 workers (the batches do not grow by the worker count)', async () => {
    const run = (workers: number) =>
      runExperiment([pooled, fragmented], { replications: 2, precision: 0.04, maxReplications: 30, workers, seed: 3 });
    const [a, b] = [await run(1), await run(2)];
    expect(b.replications).toBe(a.replications);
    expect(hash(b)).toBe(hash(a));
  });
});
