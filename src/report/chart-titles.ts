/**
 * Chart titles that state what the chart shows, from the results: "Centralized gets half its
 * use cases live in 145 days, 30 days before Hub and spoke" rather than "Time to production".
 * A title claims a difference only where the paired comparison is clear; otherwise it says the
 * figures without ranking them.
 */
import { estimateText, type Findings, isReached, type ScenarioSummary, valueOrBound } from '../analysis/index.js';
import { TIME_PARTS } from '../metrics/replication-metrics.js';
import { humanise } from '../charts/theme.js';

const days = (s: ScenarioSummary, p: 'p50' | 'p85' | 'p95'): string => {
  const e = s.timeToProduction[p];
  return isReached(e) ? `${estimateText(e).value} days` : `over ${estimateText(e).value.slice(2)} days`;
};

/** Title of the time-to-production curves: the best median and its clear lead over the runner-up. */
function timeToProductionTitle(f: Findings): string {
  const best = f.summaries.find((s) => s.name === f.best) ?? f.summaries[0];
  const lead = f.comparisons.find((c) => c.b === f.runnerUp && c.metric === 'timeToProduction.p50');
  const first = `${best.name} gets half its use cases live in ${days(best, 'p50')}`;
  if (f.runnerUp === null || lead === undefined) return first;
  if (lead.better === best.name) return `${first}, ${Math.round(-lead.difference)} days before ${f.runnerUp}`;
  return `${first}; ${f.runnerUp}, ${days(f.summaries.find((s) => s.name === f.runnerUp) ?? best, 'p50')}, is not clearly slower`;
}

/** Title of the box chart: how long the slowest use cases take, in the best and the slowest configuration. */
function spreadTitle(f: Findings): string {
  const byP95 = [...f.summaries].sort(
    (a, b) => valueOrBound(a.timeToProduction.p95) - valueOrBound(b.timeToProduction.p95),
  );
  const [first, last] = [byP95[0], byP95[byP95.length - 1]];
  // beyond the run, the 95th percentile is itself more than its bound: "more than" holds either way
  const moreThan = (s: ScenarioSummary) => `more than ${Math.round(valueOrBound(s.timeToProduction.p95))} days`;
  const one = `1 in 20 use cases takes ${moreThan(first)} in ${first.name}`;
  return first === last ? one : `${one}; in ${last.name}, ${moreThan(last)}`;
}

/** The parts of the time in a sentence. */
const PART_WORDS: Record<(typeof TIME_PARTS)[number], string> = {
  work: 'work',
  rework: 'rework',
  waiting: 'waits for people',
  handover: 'handovers',
  clarification: 'clarification rounds',
  gate: 'gates',
  planning: 'waits for planning',
};

/** Title of the time split: what the days of the best configuration's use cases are spent on, beyond work. */
function timeSplitTitle(f: Findings): string {
  const best = f.summaries.find((s) => s.name === f.best) ?? f.summaries[0];
  const parts = TIME_PARTS.map((p) => [p, best.timeSplit[p].estimate] as const).filter(([, d]) => Number.isFinite(d));
  const total = parts.reduce((sum, [, d]) => sum + d, 0);
  const working = parts.filter(([p]) => p === 'work' || p === 'rework').reduce((sum, [, d]) => sum + d, 0);
  if (!(total > 0)) return 'Where the time goes';
  const [largest] = parts.filter(([p]) => p !== 'work' && p !== 'rework').sort((a, b) => b[1] - a[1]);
  const rest = largest
    ? `; ${PART_WORDS[largest[0]]} take the most of the rest, ${Math.round((largest[1] / total) * 100)}%`
    : '';
  return `In ${best.name}, use cases are worked on ${Math.round((working / total) * 100)}% of their days${rest}`;
}

/** Title of the cumulative flow: whether work piles up, and where most. */
function flowTitle(f: Findings): string {
  const growing = f.summaries.filter((s) => s.verdict === 'does-not-keep-up');
  if (growing.length === 0)
    return f.summaries.every((s) => s.verdict === 'keeps-up')
      ? 'Work in progress stays level: every configuration keeps up with its demand'
      : 'Work in progress over time (whether every configuration keeps up is not yet clear)';
  const worst = [...growing].sort((a, b) => b.wipGrowthPerQuarter.estimate - a.wipGrowthPerQuarter.estimate)[0];
  const by = `by ${estimateText(worst.wipGrowthPerQuarter, 1).value} use cases a quarter`;
  return growing.length === 1
    ? `Work piles up in ${worst.name}, ${by}`
    : `Work piles up in ${growing.map((s) => s.name).join(' and ')}: in ${worst.name} ${by}`;
}

/** Title of the utilisation chart: the busiest people. */
function utilisationTitle(f: Findings): string {
  let busiest: { scenario: string; pool: string; share: number } | null = null;
  for (const s of f.summaries)
    for (const [pool, share] of Object.entries(s.utilization))
      if (busiest === null || share > busiest.share) busiest = { scenario: s.name, pool, share };
  if (busiest === null) return 'How busy each role in each team is';
  const [team, role] = busiest.pool.split('/');
  return `The busiest people: ${humanise(role)}s of ${humanise(team)} in ${busiest.scenario}, ${Math.round(busiest.share * 100)}% busy`;
}

/** Title of the go-lives per quarter: each configuration's go-lives a year. */
function throughputTitle(f: Findings): string {
  const ranked = [...f.summaries].sort((a, b) => b.throughputPerYear.estimate - a.throughputPerYear.estimate);
  return `Go-lives a year: ${ranked.map((s) => `${s.name} ${estimateText(s.throughputPerYear, 1).value}`).join(', ')}`;
}

/** Title of the abandonment chart. */
function abandonmentTitle(f: Findings): string {
  const shares = f.summaries.map((s) => estimateText(s.abandonmentRate, 0, 100, '%').value);
  return new Set(shares).size === 1
    ? `${shares[0]} of use cases are abandoned in ${f.summaries.length === 1 ? f.summaries[0].name : 'every configuration'}`
    : `Use cases abandoned: ${f.summaries.map((s, k) => `${s.name} ${shares[k]}`).join(', ')}`;
}

/** Each chart's finding title, by chart file stem; a chart not named here keeps its own title. */
export function findingTitles(f: Findings): Record<string, string> {
  return {
    'time-to-production': timeToProductionTitle(f),
    'time-to-production-box': spreadTitle(f),
    comparison:
      f.summaries.length > 1
        ? `The configurations side by side: ${f.best} has the shortest median`
        : `${f.summaries[0].name}: each figure with its 95% confidence interval`,
    'where-the-time-goes': timeSplitTitle(f),
    'cumulative-flow': flowTitle(f),
    utilisation: utilisationTitle(f),
    throughput: throughputTitle(f),
    abandonment: abandonmentTitle(f),
  };
}
