/**
 * The run limit seen from a worker thread of an experiment: kept apart from the in-process
 * checks (run-limit.test.ts) because mutation testing cannot see what a worker thread runs
 * (see vitest.mutation.config.ts).
 */
import { describe, expect, it } from 'vitest';
import { RunLimitError } from '../../src/model/index.js';
import { validateScenario } from '../../src/scenario/index.js';
import { mmcScenario } from '../support/small-scenarios.js';

describe('a run that outgrows its bound in a worker thread', () => {
  it('reaches the caller as a RunLimitError, not as a bug', async () => {
    const { runExperiment } = await import('../../src/experiment/index.js');
    const spec = validateScenario(mmcScenario(1, 5, 1, 2000, 0)).spec;
    await expect(
      runExperiment([{ name: 'overloaded', spec }], { replications: 2, workers: 2, maxOpenUseCases: 300 }),
    ).rejects.toBeInstanceOf(RunLimitError);
  });
});
