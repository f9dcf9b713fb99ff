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
import { SATURATED_UTILIZATION } from '../src/analysis/stability.js';
import { loadScenario, validateScenario } from '../src/scenario/index.js';
import {
  FOUR_STATIONS,
  allocations,
  exactBusiest,
  exactCost,
  exactMeanDays,
  staffingNetworkScenario,
  threeStations,
} from '../test/support/staffing-network.js';
import { benchCommandLine } from './command-line.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Three stations for the free total: 1.2 arrivals a day, a person costs 100, 120 or 150 a year by station. */
const NETWORK = threeStations(1.2, [100, 120, 150]);
const BOUNDS = NETWORK.stations.map(() => ({ min: 1, max: 12 }));

function networkStructures() {
  const spec = validateScenario(staffingNetworkScenario(NETWORK, [4, 5, 4])).spec;
  const vary = NETWORK.stations.map((s, i) => ({ path: `teams.t.${s.role}`, ...BOUNDS[i] }));
  return structuresOf([{ name: 'Network', spec }], vary);
}

const FOUR = FOUR_STATIONS;

const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
const spread = (xs: readonly number[], digits: number): string =>
  `${mean(xs).toFixed(digits)} (${Math.min(...xs).toFixed(digits)} to ${Math.max(...xs).toFixed(digits)})`;

/** Whether NSGA-II found the exact optimum in at least half of the seeds. */
async function fixedTotal(
  total: number,
  evaluations: number,
  workers: number,
  seeds: readonly number[],
): Promise<boolean> {
  const bounds = FOUR.stations.map(() => ({ min: 1, max: 8 }));
  const file = [5, 4, 3, 2];
  const spec = validateScenario(staffingNetworkScenario(FOUR, file)).spec;
  const vary = FOUR.stations.map((s) => ({ path: `teams.t.${s.role}`, min: 1, max: 8 }));
  // what the search may put on its front: every station at most 95% busy, its default
  const all = allocations(bounds, total).filter((a) => exactBusiest(FOUR, a) <= SATURATED_UTILIZATION);
  const ranked = [...all].sort((a, b) => exactMeanDays(FOUR, a) - exactMeanDays(FOUR, b));
  const exact = exactMeanDays(FOUR, ranked[0]);
  console.log(
    `1. Fixed total of ${total} people in four stations (each 1 to 8; the file has ${file.join('/')}): ${allocations(bounds, total).length} allocations, ${all.length} with every station at most 95% busy (the search's default); exact optimum ${ranked[0].join('/')} (mean ${exact.toFixed(3)} days in the system, Jackson), the next ${ranked[1].join('/')} ${((exactMeanDays(FOUR, ranked[1]) / exact - 1) * 100).toFixed(1)}% slower. ${evaluations} designs a search, seeds ${seeds.join(', ')}:`,
  );
  let nsgaHits = 0;
  for (const method of ['nsga2', 'random'] as SearchMethod[]) {
    const runs = [];
    for (const seed of seeds) {
      const r = await optimise(structuresOf([{ name: 'Four stations', spec }], vary), {
        objectives: ['mean', 'cost'],
        constraints: { total },
        evaluations,
        workers,
        seed,
        method,
      });
      const found = [...r.front].sort((a, b) => a.point[0] - b.point[0])[0];
      const foundExact = found === undefined ? Number.NaN : exactMeanDays(FOUR, found.design.values);
      runs.push({ hit: found?.design.values.join() === ranked[0].join(), excess: (foundExact / exact - 1) * 100, r });
    }
    const hits = runs.filter((x) => x.hit).length;
    if (method === 'nsga2') nsgaHits = hits;
    console.log(
      `   ${method.padEnd(6)}: found the exact optimum in ${hits} of ${seeds.length}; the design it returned is on average ${spread(
        runs.map((x) => x.excess),
        2,
      )}% slower than the optimum; ${spread(
        runs.map((x) => x.r.replications),
        0,
      )} replications, ${spread(
        runs.map((x) => x.r.seconds),
        1,
      )} s`,
    );
  }
  return nsgaHits * 2 >= seeds.length;
}

async function freeTotal(evaluations: number, workers: number, seeds: readonly number[]): Promise<void> {
  const all = allocations(BOUNDS).filter((a) => exactBusiest(NETWORK, a) <= SATURATED_UTILIZATION);
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
    `2. Free total in three stations (each 1 to ${BOUNDS[0].max} people, costs 100/120/150): ${allocations(BOUNDS).length} allocations, ${all.length} with every station at most 95% busy, ${exactFront.length} on their exact front of cost against mean days. ${evaluations} designs a search, seeds ${seeds.join(', ')}; each front's designs scored exactly:`,
  );
  for (const method of ['nsga2', 'random'] as SearchMethod[]) {
    const runs = [];
    for (const seed of seeds) {
      const r = await optimise(networkStructures(), {
        objectives: ['cost', 'mean'],
        evaluations,
        workers,
        seed,
        method,
      });
      const area = hyperarea(
        r.front.map((e) => score(e.design.values)),
        reference,
      );
      const onExact = r.front.filter((e) => exactFront.some((p) => p.join() === score(e.design.values).join())).length;
      runs.push({ ratio: area / exactArea, onExact, size: r.front.length, r });
    }
    console.log(
      `   ${method.padEnd(6)}: hyperarea ratio ${spread(
        runs.map((x) => x.ratio),
        4,
      )}; designs of its front on the exact front ${spread(
        runs.map((x) => x.onExact),
        1,
      )} of ${spread(
        runs.map((x) => x.size),
        1,
      )}; ${spread(
        runs.map((x) => x.r.replications),
        0,
      )} replications`,
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
    `3. The three shipped structures, every group from half to double its count, p85 against cost, ${evaluations} designs each (hyperarea with one reference point for both, from their estimates):`,
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

const USAGE = `npm run bench:optimise -- [--evaluations 40] [--workers 2] [--seeds 5] [--skip-shipped]
  --evaluations  designs each search may simulate (the shipped structures get twice as many)
  --workers      worker threads (the figures do not depend on it; the seconds do)
  --seeds        master seeds 1..n for the cases with an exact answer (the shipped case uses seed 1)
  --skip-shipped only the cases with an exact answer
Exits 1 when NSGA-II finds the exact optimum of case 1 in fewer than half of the seeds.`;
const { values, fail } = benchCommandLine(USAGE, {
  evaluations: { type: 'string', default: '40' },
  workers: { type: 'string', default: '2' },
  seeds: { type: 'string', default: '5' },
  'skip-shipped': { type: 'boolean', default: false },
});
for (const name of ['evaluations', 'workers', 'seeds'] as const)
  if (!/^\d+$/.test(values[name] ?? '')) fail(`--${name} must be a whole number, got ${values[name]}`);
const evaluations = Number(values.evaluations);
const workers = Number(values.workers);
const seeds = Array.from({ length: Number(values.seeds) }, (_, i) => i + 1);
const passed = await fixedTotal(14, evaluations, workers, seeds);
await freeTotal(evaluations, workers, seeds);
if (!values['skip-shipped']) await shipped(evaluations * 2, workers, 1);
if (!passed) {
  console.log('NSGA-II missed the exact optimum of case 1 in more than half of the seeds');
  process.exitCode = 1;
}
