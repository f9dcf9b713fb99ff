/**
 * The engine's own check, as a library function (orgflow demo prints it): an M/M/c queue
 * replicated, its mean wait in queue against Erlang C.
 */
import { describe, expect, it } from 'vitest';
import { ENGINE_CHECK_DEFAULTS, mmcMeanWait, runEngineCheck } from '../../src/experiment/index.js';
import { mmc } from '../../src/statistics/queueing-theory.js';

const small = { ...ENGINE_CHECK_DEFAULTS, replications: 8, customers: 20_000 };

describe('the engine check', () => {
  it('gives one mean wait per replication, the same again for the same seed', () => {
    const check = runEngineCheck(small);
    expect(check.waits).toHaveLength(8);
    expect(runEngineCheck(small).waits).toEqual(check.waits);
    expect(runEngineCheck({ ...small, seed: 2 }).waits).not.toEqual(check.waits);
    expect(check.interval.n).toBe(8);
  });

  it("compares the replications' mean wait with Erlang C for the same team", () => {
    const check = runEngineCheck(small);
    const theory = mmc(4.5, 1, 5);
    expect(check.theory).toEqual({ wq: theory.wq, rho: theory.rho });
    expect(check.inside).toBe(Math.abs(check.interval.mean - theory.wq) <= check.interval.halfWidth);
    expect(check.inside).toBe(true);
  });

  it('waits longer in queue when the same work has fewer people', () => {
    const options = { ...small, servers: 5, arrivalRate: 3 };
    expect(mmcMeanWait({ ...options, servers: 4 }, 9)).toBeGreaterThan(mmcMeanWait(options, 9));
  });
});
