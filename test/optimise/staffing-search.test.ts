/**
 * The search against a staffing problem whose answer is known exactly (an open network of
 * M/M/c stations: Jackson), its determinism whatever the number of workers, and that no
 * infeasible design reaches the front.
 */
import { describe, expect, it } from 'vitest';
import {
  clearlyDominates,
  currentFront,
  optimise,
  structureLines,
  structuresOf,
  type OptimiseOptions,
} from '../../src/optimise/index.js';
import { validateScenario } from '../../src/scenario/index.js';
import {
  FOUR_STATIONS,
  allocations,
  exactCost,
  exactMeanDays,
  staffingNetworkScenario,
  threeStations,
  type StaffingNetwork,
} from '../support/staffing-network.js';

const NETWORK = threeStations(1);
const BOUNDS = [1, 1, 1].map(() => ({ min: 1, max: 8 }));
const VARY = ['analyst', 'engineer', 'reviewer'].map((r) => ({ path: `teams.t.${r}`, ...BOUNDS[0] }));

function structures(net: StaffingNetwork = NETWORK) {
  const spec = validateScenario(staffingNetworkScenario(net, [4, 5, 4])).spec;
  return structuresOf([{ name: 'Network', spec }], VARY);
}

const FOUR = FOUR_STATIONS;

describe('the search on a staffing problem with a known answer', () => {
  it('finds the allocation of 14 people with the least exact mean time in system, from a file that is not it', async () => {
    const bounds = FOUR.stations.map(() => ({ min: 1, max: 8 }));
    const feasible = allocations(bounds, 14).filter((a) => Number.isFinite(exactMeanDays(FOUR, a)));
    const best = [...feasible].sort((a, b) => exactMeanDays(FOUR, a) - exactMeanDays(FOUR, b))[0];
    const file = [5, 4, 3, 2];
    expect(best).not.toEqual(file);
    const spec = validateScenario(staffingNetworkScenario(FOUR, file)).spec;
    const vary = FOUR.stations.map((s) => ({ path: `teams.t.${s.role}`, min: 1, max: 8 }));
    const result = await optimise(structuresOf([{ name: 'Four stations', spec }], vary), {
      objectives: ['mean', 'cost'],
      constraints: { total: 14 },
      evaluations: 24,
      population: 6,
      workers: 1,
      seed: 3,
    });
    // every person costs the same: the front is the fastest design alone
    expect(result.front.map((e) => e.design.values)).toEqual([best]);
    expect(result.evaluations).toBeLessThanOrEqual(24);
    // its simulated mean, on fresh replications, agrees with Jackson within its own interval
    const [low, high] = result.front[0].estimates[0].ci95 ?? [Number.NaN, Number.NaN];
    expect(exactMeanDays(FOUR, best)).toBeGreaterThanOrEqual(low);
    expect(exactMeanDays(FOUR, best)).toBeLessThanOrEqual(high);
  });
});

describe('where replications go', () => {
  it('gives every design on the front the most, leaves clearly beaten ones short of it, and never simulates a design twice', async () => {
    const net = threeStations(1, [100, 120, 150]);
    const result = await optimise(structures(net), {
      objectives: ['mean', 'cost'],
      evaluations: 16,
      population: 8,
      firstReplications: 3,
      maxReplications: 12,
      workers: 1,
      seed: 2,
    });
    const simulated = result.evaluated.filter((e) => e.replications.length > 0);
    // the front as the search saw it: each design on it got the most replications
    const searched = currentFront(result.evaluated);
    for (const e of searched) expect(e.replications.length).toBe(12);
    // a feasible design left short of the most is one a front design clearly beats, replication by replication
    const short = simulated.filter((e) => e.infeasible === null && e.replications.length < 12);
    expect(short.length).toBeGreaterThan(0);
    for (const e of short) expect(searched.some((f) => clearlyDominates(f, e, ['mean', 'cost']))).toBe(true);
    // the cache: each design once
    expect(new Set(simulated.map((e) => e.key)).size).toBe(simulated.length);
    // the answer's figures come from fresh replications: as many, on seeds the search never used
    // the front is what of the search's front holds on them; the rest is named as not confirmed
    expect([...result.front, ...result.notConfirmed].map((e) => e.key).sort()).toEqual(
      searched.map((e) => e.key).sort(),
    );
    const fresh = Array.from({ length: 12 }, (_, r) => 12 + r);
    for (const e of [...result.front, ...result.notConfirmed, ...result.bases])
      expect(e.replications.map((r) => r.replication)).toEqual(fresh);
    const confirmation =
      new Set([...result.front, ...result.notConfirmed, ...result.bases].map((e) => e.key)).size * 12;
    expect(result.replications).toBe(simulated.reduce((sum, e) => sum + e.replications.length, 0) + confirmation);
  });
});

describe('several structures', () => {
  it('searches them together: the same staffing for less money wins, and both stay in the search', async () => {
    const dear = validateScenario(staffingNetworkScenario(NETWORK, [4, 5, 4])).spec;
    const cheap = validateScenario({
      ...staffingNetworkScenario(threeStations(1, [50, 50, 50]), [4, 5, 4]),
      name: 'Cheap',
    }).spec;
    const result = await optimise(
      structuresOf(
        [
          { name: 'Dear', spec: dear },
          { name: 'Cheap', spec: cheap },
        ],
        VARY,
      ),
      {
        objectives: ['mean', 'cost'],
        evaluations: 16,
        population: 6,
        firstReplications: 3,
        maxReplications: 6,
        workers: 1,
      },
    );
    // with common random numbers the same staffing is exactly as fast in both: the cheap one dominates
    expect(result.front.length).toBeGreaterThan(0);
    for (const e of result.front) expect(e.design.structure).toBe(1);
    const lines = structureLines(result);
    expect(lines).toHaveLength(2);
    for (const [i, line] of lines.entries()) {
      const tried = result.evaluated.filter((e) => e.design.structure === i && e.replications.length > 0).length;
      expect(tried).toBeGreaterThan(0);
      expect(line).toContain(`${['Dear', 'Cheap'][i]}: ${tried} designs simulated`);
    }
  });
});

describe('what the search refuses', () => {
  it('refuses cost as an objective where no role has a cost, and a scenario that changes during the run', async () => {
    const free = threeStations(1, [0, 0, 0]);
    await expect(optimise(structures(free), { objectives: ['p85', 'cost'], workers: 1 })).rejects.toThrow(
      /gives its roles no cost_per_year: its people cost is unknown/,
    );
    const spec = validateScenario({
      ...staffingNetworkScenario(NETWORK, [4, 5, 4]),
      timeline: [{ day: 100, hire: { team: 't', role: 'analyst', count: 1 } }],
    }).spec;
    const changing = structuresOf([{ name: 'Changing', spec }], VARY);
    await expect(optimise(changing, { objectives: ['p85', 'cost'], workers: 1 })).rejects.toThrow(
      /Changing changes during the run \(timeline\)/,
    );
  });
});

describe('infeasible designs', () => {
  it('never reach the front: not over the budget, not unable to keep up', async () => {
    const net = threeStations(1, [100, 120, 150]);
    const budget = 1500;
    const result = await optimise(structures(net), {
      objectives: ['mean', 'cost'],
      constraints: { budget },
      evaluations: 20,
      population: 8,
      workers: 1,
      seed: 5,
    });
    const reasons = result.evaluated.map((e) => e.infeasible ?? '');
    // both kinds were met along the way, so the check below is not empty
    expect(reasons.some((r) => r.includes('over the budget'))).toBe(true);
    expect(reasons.some((r) => r.includes('does not keep up'))).toBe(true);
    expect(result.front.length).toBeGreaterThan(0);
    for (const e of result.front) {
      expect(e.infeasible).toBeNull();
      expect(exactCost(net, e.design.values)).toBeLessThanOrEqual(budget);
      expect(Number.isFinite(exactMeanDays(net, e.design.values))).toBe(true);
    }
  });
});

describe('determinism', () => {
  it('gives the same front, figures and spending with one worker or two', async () => {
    const options = (workers: number): OptimiseOptions => ({
      objectives: ['p85', 'cost'],
      evaluations: 8,
      population: 4,
      firstReplications: 2,
      maxReplications: 4,
      workers,
      seed: 9,
    });
    const net = { ...NETWORK, horizon: 800, warmup: 100 };
    const strip = (r: Awaited<ReturnType<typeof optimise>>) => ({
      front: r.front.map((e) => [e.key, e.estimates, e.replications.length]),
      evaluated: r.evaluated.map((e) => e.key),
      evaluations: r.evaluations,
      replications: r.replications,
    });
    const one = strip(await optimise(structures(net), options(1)));
    const two = strip(await optimise(structures(net), options(2)));
    expect(two).toEqual(one);
    expect(one.front.length).toBeGreaterThan(0);
  });
});
