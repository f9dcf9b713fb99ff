/**
 * The operating model against theory and common sense. Comparisons are paired: replication
 * r of both scenarios uses the same seed (common random numbers), and the 95% confidence
 * interval of the paired difference must lie on the expected side of zero.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { confidenceInterval } from '../../src/statistics/batch-means.js';
import { timeToProductionOf } from '../../src/metrics/replication-metrics.js';
import { mmc } from '../../src/statistics/queueing-theory.js';
import { simulate, type ItemRecord } from '../../src/model/index.js';
import { replicationSeed } from '../../src/random/index.js';
import { applyOverride, loadScenario, validateScenario, type ScenarioSpec } from '../../src/scenario/index.js';
import { covers, describeCoverage } from '../support/coverage.js';
import { mmcScenario, poolingScenario } from '../support/small-scenarios.js';

const REPLICATIONS = 10;
const scenarios = join(import.meta.dirname, '..', '..', 'scenarios');

function mean(xs: number[]): number {
  return xs.reduce((s, x) => s + x, 0) / xs.length;
}

/** Per replication: the mean of `metric` over the use cases that arrived after the warm-up and match. */
function replicate(
  spec: ScenarioSpec,
  metric: (i: ItemRecord) => number,
  keep: (i: ItemRecord) => boolean,
  master = 11,
): number[] {
  return Array.from({ length: REPLICATIONS }, (_, r) => {
    const run = simulate(spec, { seed: replicationSeed(master, r), log: false });
    return mean(run.items.filter((i) => i.arrival >= run.warmup && keep(i)).map(metric));
  });
}

/** Per replication: median time to production, open use cases counted as censored (see competing-risks.ts). */
function replicateMedian(spec: ScenarioSpec, master = 11): number[] {
  return Array.from({ length: REPLICATIONS }, (_, r) => {
    const run = simulate(spec, { seed: replicationSeed(master, r), log: false });
    return timeToProductionOf(
      run.items.filter((i) => i.arrival >= run.warmup),
      run.horizon,
    ).p50;
  });
}

function pairedDifference(a: number[], b: number[]) {
  return confidenceInterval(a.map((x, i) => x - b[i]));
}

describe('a scenario that reduces to an M/M/c queue', () => {
  it('matches Erlang C: mean wait for a person within its confidence interval', () => {
    const [servers, perDay, meanEffort, horizon, warmup] = [3, 1.2, 2, 4000, 300];
    const spec = validateScenario(mmcScenario(servers, perDay, meanEffort, horizon, warmup)).spec;
    const theory = mmc(perDay, 1 / meanEffort, servers).wq;
    // only use cases that arrived early enough to have been served before the horizon
    const waits = replicate(
      spec,
      (i) => i.waiting,
      (i) => i.arrival < horizon - 200,
      21,
    );
    const est = confidenceInterval(waits);
    expect(covers(est, theory), describeCoverage(est, theory)).toBe(true);
  });
});

describe('constructed cases move the right way', () => {
  it('longer handover delays give a longer time to production', () => {
    const base = loadScenario(join(scenarios, 'hub-and-spoke.yaml')).spec;
    const slow = loadScenario(join(scenarios, 'hub-and-spoke.yaml'), {
      set: [
        'handovers.delay.cross_home={ lognormal: { median: 15, p90: 36 } }',
        'handovers.delay.same_home={ lognormal: { median: 6, p90: 15 } }',
      ],
    }).spec;
    const diff = pairedDifference(replicateMedian(slow), replicateMedian(base));
    expect(diff.mean - diff.halfWidth).toBeGreaterThan(0);
  });

  it('more people in the busiest role never make time to production longer on average', () => {
    const base = loadScenario(join(scenarios, 'federated.yaml')).spec;
    const more = loadScenario(join(scenarios, 'federated.yaml'), {
      set: ['teams.supply_chain_team.ml_engineer=2', 'teams.marketing_team.ml_engineer=3'],
    }).spec;
    const diff = pairedDifference(replicateMedian(more), replicateMedian(base));
    expect(diff.mean + diff.halfWidth).toBeLessThan(0);
  });

  it('fragmenting one pool into per-domain pools raises waiting for people at equal headcount', () => {
    const pooled = validateScenario(poolingScenario('pooled')).spec;
    const fragmented = validateScenario(poolingScenario('fragmented')).spec;
    const anyEnded = (i: ItemRecord) => i.outcome !== 'in_progress';
    const diff = pairedDifference(
      replicate(fragmented, (i) => i.waiting, anyEnded),
      replicate(pooled, (i) => i.waiting, anyEnded),
    );
    expect(diff.mean - diff.halfWidth).toBeGreaterThan(0);
  });

  it('a what-if by field path changes only that field', () => {
    const base = loadScenario(join(scenarios, 'centralized.yaml')).spec;
    const hired = loadScenario(join(scenarios, 'centralized.yaml'), { set: ['teams.central.ml_engineer=8'] }).spec;
    expect(hired.teams.central.headcount!.ml_engineer).toBe(8);
    const copy = structuredClone(base) as unknown as Record<string, unknown>;
    expect(applyOverride(copy, { path: 'teams.central.headcount.ml_engineer', value: 8 })).toBeNull();
    expect(copy).toEqual(hired);
  });
});
