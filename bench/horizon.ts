/**
 * Do the answers depend on how long the run is? For each shipped configuration, go-lives per
 * year and the 85th percentile of time to production at horizons of 3, 6 and 10 years (the
 * same warm-up and seed), and whether each pair of horizons agrees within its intervals (the
 * 95% interval of the difference, from the two intervals, includes zero). A configuration that
 * keeps up with its demand should agree at every horizon; one that does not keep up (see its
 * stability verdict) drifts, and that is the finding.
 *
 *   npm run bench:horizon
 *   npm run bench:horizon -- --replications 20 --workers 2 --json
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { summariseExperiment, type BoundedEstimate, type Verdict } from '../src/analysis/index.js';
import { runExperiment } from '../src/experiment/index.js';
import { loadScenario } from '../src/scenario/index.js';
import { benchCommandLine } from './command-line.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values: args, fail } = benchCommandLine(
  'usage: npm run bench:horizon -- [--replications N] [--workers N] [--json]',
  {
    replications: { type: 'string', default: '30' },
    workers: { type: 'string', default: '2' },
    json: { type: 'boolean', default: false },
  },
);
const replications = Number(args.replications);
const workers = Number(args.workers);
if (!Number.isInteger(replications) || replications < 2)
  fail(`--replications must be a whole number >= 2, got ${args.replications}`);
if (!Number.isInteger(workers) || workers < 1) fail(`--workers must be a whole number >= 1, got ${args.workers}`);

const HORIZONS = [3, 6, 10];
const presets = ['centralized', 'hub-and-spoke', 'federated'];

interface Row {
  scenario: string;
  years: number;
  verdict: Verdict;
  goLives: BoundedEstimate;
  p85: BoundedEstimate;
}
const rows: Row[] = [];
for (const years of HORIZONS) {
  const scenarios = presets.map((p) => {
    const loaded = loadScenario(join(root, 'scenarios', `${p}.yaml`), { set: [`horizon_days=${years * 365}`] });
    return { name: loaded.spec.name, spec: loaded.spec };
  });
  const experiment = await runExperiment(scenarios, { replications, workers, seed: 1 });
  for (const s of summariseExperiment(experiment))
    rows.push({
      scenario: s.name,
      years,
      verdict: s.verdict,
      goLives: s.throughputPerYear,
      p85: s.timeToProduction.p85,
    });
}

const halfWidth = (e: BoundedEstimate): number => (e.estimate === null ? NaN : (e.ci95[1] - e.ci95[0]) / 2);
/** Whether two independent estimates agree: the interval of their difference includes zero. */
function agree(a: BoundedEstimate, b: BoundedEstimate): boolean | null {
  if (a.estimate === null || b.estimate === null) return null;
  return Math.abs(a.estimate - b.estimate) <= Math.hypot(halfWidth(a), halfWidth(b));
}
const text = (e: BoundedEstimate): string =>
  e.estimate === null
    ? `> ${Math.round(e.atLeast)}`
    : `${e.estimate.toFixed(1)} (${e.ci95[0].toFixed(1)} to ${e.ci95[1].toFixed(1)})`;

const verdicts = presets.map((_, i) => {
  const mine = rows.filter((r) => r.scenario === rows[i].scenario);
  const pairs = mine.flatMap((a, k) => mine.slice(k + 1).map((b) => ({ a, b })));
  const check = (metric: 'goLives' | 'p85') => pairs.map(({ a, b }) => agree(a[metric], b[metric]));
  const all = (xs: (boolean | null)[]) =>
    xs.some((x) => x === null) ? 'not reached' : xs.every(Boolean) ? 'agree' : 'DRIFT';
  const note = mine.some((r) => r.verdict === 'does-not-keep-up')
    ? 'does not keep up with its demand: a drift is expected'
    : mine.some((r) => r.verdict === 'cannot-tell')
      ? 'at some horizon it is not yet clear whether it keeps up'
      : '';
  return { scenario: rows[i].scenario, note, goLives: all(check('goLives')), p85: all(check('p85')) };
});

if (args.json) {
  for (const r of rows) console.log(JSON.stringify({ benchmark: 'horizon', ...r }));
  for (const v of verdicts) console.log(JSON.stringify({ benchmark: 'horizon-verdict', ...v }));
} else {
  console.log(`Answers against the horizon: ${replications} replications, seed 1`);
  const words: Record<Verdict, string> = { 'keeps-up': 'yes', 'does-not-keep-up': 'no', 'cannot-tell': 'not clear' };
  console.log('configuration    years   keeps up  go-lives per year (95% CI)   p85 days (95% CI)');
  for (const r of rows)
    console.log(
      `${r.scenario.padEnd(15)}  ${String(r.years).padStart(5)}  ${words[r.verdict].padStart(9)}  ${text(r.goLives).padEnd(27)}  ${text(r.p85)}`,
    );
  console.log('\nDo 3, 6 and 10 years agree within their intervals?');
  for (const v of verdicts)
    console.log(`- ${v.scenario}: go-lives ${v.goLives}, p85 ${v.p85}${v.note ? ` (${v.note})` : ''}`);
}
