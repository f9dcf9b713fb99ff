/**
 * Existing scenarios give the same results as before people could hold several roles, take
 * time off, learn, or change over a timeline: every use case, log row, pool, loop, cost and
 * sample of the flow of the shipped scenarios, hashed, against the hashes of the version before
 * those mechanisms (the engine's event count is left out: the quarterly figures add a few
 * events that change nothing). A change that alters results on purpose updates the hashes and
 * says why in its commit.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/model/index.js';
import { loadScenario } from '../../src/scenario/index.js';

const scenarios = join(import.meta.dirname, '..', '..', 'scenarios');

/** The run's results as one hash. */
function resultsHash(file: string, seed: number): string {
  const r = simulate(loadScenario(join(scenarios, file)).spec, { seed, log: true });
  const pools = r.pools.map((p) => ({
    team: p.team,
    role: p.role,
    headcount: p.headcount,
    utilization: p.utilization,
    meanQueue: p.meanQueue,
  }));
  const results = { items: r.items, log: r.log, pools, loops: r.loops, cost: r.peopleCost, flow: r.flow };
  return createHash('sha256').update(JSON.stringify(results)).digest('hex').slice(0, 16);
}

describe('existing scenarios give the same results as before', () => {
  it.each([
    ['centralized.yaml', 1, '402bcdb048982ff7'],
    ['hub-and-spoke.yaml', 1, '34338f284eab06f6'],
    ['federated.yaml', 7, '9f719b818bf30cdc'],
    ['examples/small-team.yaml', 1, '5db7519ed87b3e8d'],
  ])('%s, seed %i', (file, seed, hash) => {
    expect(resultsHash(file, seed)).toBe(hash);
  });
});
