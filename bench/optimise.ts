/**
 * npm run bench:optimise: the search measured against known answers.
 *
 * 1. An open network of M/M/c stations whose every allocation of people is scored exactly
 *    (Jackson, Erlang C) and enumerated: with a fixed total, does the search find the exact
 *    optimum; with a free total and costs, the hyperarea of its front (each design scored
 *    exactly) against the exact front's; with how many designs and replications.
 * 2. The three shipped structures: NSGA-II against random search with the same budget and
 *    seed, in the same run: hyperarea of each front (with one reference point) and the best p85
 *    at or under the people cost of Centralized as shipped.
 * Each case runs NSGA-II and random search side by side.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  hyperarea,
  nonDominated,
  optimise,
  structuresOf,
  type OptimisationResult,
  type SearchMethod,
} from '../src/optimise/index.js';
import { loadScenario, validateScenario } from '../src/scenario/index.js';
import {
  allocations,
  exactCost,
  exactMeanDays,
  staffingNetworkScenario,
  type StaffingNetwork,
} from '../test/support/staffing-network.js';
import { benchCommandLine } from './command-line.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

const NETWORK: StaffingNetwork = {
  perDay: 1.2,
  horizon: 3000,
  warmup: 300,
  stations: [
    { role: 'analyst', meanEffort: 2, costPerYear: 100, next: { engineer: 1 } },
    { role: 'engineer', meanEffort: 3, costPerYear: 120, next: { reviewer: 0.5, live: 0.5 } },
    { role: 'reviewer', meanEffort: 3.5, costPerYear: 150, next: { live: 1 } },
  ],
};
const BOUNDS = NETWORK.stations.map(() => ({ min: 1, max: 12 }));

function networkStructures() {
  const spec = validateScenario(staffingNetworkScenario(NETWORK, [4, 5, 4])).spec;
  const vary = NETWORK.stations.map((s, i) => ({ path: `teams.t.${s.role}`, ...BOUNDS[i] }));
  return structuresOf([{ name: 'Network', spec }], vary);
}

async function fixedTotal(total: number, evaluations: number, workers: number, seed: number): Promise<void> {
  const all = allocations(BOUNDS, total).filter((a) => Number.isFinite(exactMeanDays(NETWORK, a)));
  const exact = Math.min(...all.map((a) => exactMeanDays(NETWORK, a)));
  const optimum = all.filter((a) => exactMeanDays(NETWORK, a) === exact);
  console.log(
    `Fixed total of ${total} people, each station 1 to ${BOUNDS[0].max}: ${allocations(BOUNDS, total).length} allocations, ${all.length} stable; exact optimum ${optimum.map((a) => a.join('/')).join(' or ')} (mean ${exact.toFixed(3)} days in the system, Jackson)`,
  );
  for (const method of ['nsga2', 'random'] as SearchMethod[]) {
    const r = await optimise(networkStructures(), {
      objectives: ['mean', 'p85'],
      constraints: { total },
      evaluations,
      workers,
      seed,
      method,
    });
    const found = [...r.front].sort((a, b) => a.point[0] - b.point[0])[0];
    const foundExact = found === undefined ? Number.NaN : exactMeanDays(NETWORK, found.design.values);
    const hit = optimum.some((a) => found !== undefined && a.join() === found.design.values.join());
    console.log(
      `  ${method.padEnd(6)}: ${found?.design.values.join('/') ?? 'none'} (exact mean ${foundExact.toFixed(3)} days, simulated ${found?.estimates[0].estimate?.toFixed(3)}): ${hit ? 'FOUND the exact optimum' : `MISSED the optimum (${((foundExact / exact - 1) * 100).toFixed(2)}% worse)`}; ${r.evaluations} designs, ${r.replications} replications, ${r.seconds.toFixed(1)} s`,
    );
  }
}

async function freeTotal(evaluations: number, workers: number, seed: number): Promise<void> {
  const all = allocations(BOUNDS).filter((a) => Number.isFinite(exactMeanDays(NETWORK, a)));
  const score = (a: readonly number[]): [number, number] => [exactCost(NETWORK, a), exactMeanDays(NETWORK, a)];
  const points = all.map(score);
  const exactFront = nonDominated(points).map((i) => points[i]);
  // the exact front's worst cost and worst mean, 10% beyond: a box that only the front's own region fills
  const reference: [number, number] = [
    Math.max(...exactFront.map((p) => p[0])) * 1.1,
    Math.max(...exactFront.map((p) => p[1])) * 1.1,
  ];
  const exactArea = hyperarea(exactFront, reference);
  console.log(
    `Free total (each station 1 to ${BOUNDS[0].max} people, costs 100/120/150): ${allocations(BOUNDS).length} allocations, ${all.length} stable, ${exactFront.length} on the exact front`,
  );
  for (const method of ['nsga2', 'random'] as SearchMethod[]) {
    const r = await optimise(networkStructures(), { objectives: ['cost', 'mean'], evaluations, workers, seed, method });
    // the designs found, scored exactly
    const area = hyperarea(
      r.front.map((e) => score(e.design.values)),
      reference,
    );
    const onExact = r.front.filter((e) => exactFront.some((p) => p.join() === score(e.design.values).join())).length;
    console.log(
      `  ${method.padEnd(6)}: hyperarea ratio ${(area / exactArea).toFixed(4)}; ${r.front.length} designs on its front, ${onExact} of them on the exact front; ${r.evaluations} designs, ${r.replications} replications, ${r.seconds.toFixed(1)} s`,
    );
  }
}

/** The best p85 of a front at or under a cost. */
function bestP85Within(r: OptimisationResult, cost: number): number {
  const p85s = r.front.filter((e) => e.cost <= cost).map((e) => e.estimates[0].estimate ?? Number.POSITIVE_INFINITY);
  return Math.min(...p85s);
}

async function shipped(evaluations: number, workers: number, seed: number): Promise<void> {
  const scenarios = ['centralized', 'hub-and-spoke', 'federated'].map((name) => {
    const file = join(root, 'scenarios', `${name}.yaml`);
    const loaded = loadScenario(file);
    return { name: loaded.spec.name, spec: loaded.spec, file };
  });
  const structures = structuresOf(scenarios, null);
  const results: Record<string, OptimisationResult> = {};
  for (const method of ['nsga2', 'random'] as SearchMethod[])
    results[method] = await optimise(structures, { objectives: ['p85', 'cost'], evaluations, workers, seed, method });
  const all = Object.values(results).flatMap((r) => r.front.map((e) => e.point));
  const reference: [number, number] = [
    Math.max(...all.map((p) => p[0])) * 1.05,
    Math.max(...all.map((p) => p[1])) * 1.05,
  ];
  const baseCost = results.nsga2.bases[0].cost;
  console.log(
    `The three shipped structures, every group from half to double its count, p85 against cost, ${evaluations} designs each (hyperarea with one reference point for both, from their estimates):`,
  );
  for (const [method, r] of Object.entries(results)) {
    const area = hyperarea(
      r.front.map((e) => e.point),
      reference,
    );
    const structuresOnFront = [...new Set(r.front.map((e) => r.structures[e.design.structure].name))].join(', ');
    console.log(
      `  ${method.padEnd(6)}: hyperarea ${area.toExponential(4)}; best p85 at or under Centralized's cost as shipped (${baseCost.toLocaleString('en')}): ${bestP85Within(r, baseCost).toFixed(1)} days; ${r.front.length} on its front (${structuresOnFront}); ${r.evaluations} designs, ${r.replications} replications, ${r.seconds.toFixed(1)} s`,
    );
  }
}

const USAGE = `npm run bench:optimise -- [--evaluations 40] [--workers 2] [--seed 1] [--skip-shipped]
  --evaluations  designs each search may simulate (the shipped scenario gets twice as many)
  --workers      worker threads (the figures do not depend on it; the seconds do)
  --seed         master seed
  --skip-shipped only the cases with an exact answer`;
const { values, fail } = benchCommandLine(USAGE, {
  evaluations: { type: 'string', default: '40' },
  workers: { type: 'string', default: '2' },
  seed: { type: 'string', default: '1' },
  'skip-shipped': { type: 'boolean', default: false },
});
for (const name of ['evaluations', 'workers', 'seed'] as const)
  if (!/^\d+$/.test(values[name] ?? '')) fail(`--${name} must be a whole number, got ${values[name]}`);
const evaluations = Number(values.evaluations);
const workers = Number(values.workers);
const seed = Number(values.seed);
await fixedTotal(20, evaluations, workers, seed);
await freeTotal(evaluations, workers, seed);
if (!values['skip-shipped']) await shipped(evaluations * 2, workers, seed);
