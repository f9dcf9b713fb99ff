/** Results as tables for the terminal (cli-table3). */
import Table from 'cli-table3';
import { humanise } from '../charts/theme.js';
import type {
  BoundedEstimate,
  Comparison,
  ScenarioSummary,
  SweepPointSummary,
  WhatIfComparison,
} from '../analysis/index.js';
import type { LeverEffect } from '../experiment/index.js';
import { estimateText } from '../analysis/estimate-text.js';

const number = (x: number, digits = 0): string =>
  Number.isFinite(x) ? x.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : '-';

/** `141 (137 to 145)`: an estimate with its 95% interval. */
export function withInterval(e: BoundedEstimate, digits = 0, scale = 1, suffix = ''): string {
  const text = estimateText(e, digits, scale, suffix);
  return text.interval === null ? text.value : `${text.value} (${text.interval})`;
}

const style = { head: [], border: [] };

export function summaryTableText(summaries: readonly ScenarioSummary[]): string {
  const t = new Table({
    head: ['Configuration', 'Median days', 'p85 days', 'p95 days', 'Go-lives / year', 'Abandoned', 'Cost per go-live'],
    style,
    colAligns: ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
  });
  for (const s of summaries) {
    t.push([
      s.name,
      withInterval(s.timeToProduction.p50),
      withInterval(s.timeToProduction.p85),
      withInterval(s.timeToProduction.p95),
      withInterval(s.throughputPerYear, 1),
      withInterval(s.abandonmentRate, 0, 100, '%'),
      withInterval(s.costPerGoLive),
    ]);
  }
  return t.toString();
}

export function detailTable(s: ScenarioSummary): string {
  const t = new Table({ head: ['Metric', 'Estimate (95% CI)'], style, colAligns: ['left', 'right'] });
  t.push(
    ['Median days to production', withInterval(s.timeToProduction.p50)],
    ['85th percentile days', withInterval(s.timeToProduction.p85)],
    ['95th percentile days', withInterval(s.timeToProduction.p95)],
    ['Go-lives per year', withInterval(s.throughputPerYear, 1)],
    ['Abandoned', withInterval(s.abandonmentRate, 0, 100, '%')],
    ['Still open at the end of the run', withInterval(s.unfinishedShare, 0, 100, '%')],
    ['Growth of work in progress per quarter', withInterval(s.wipGrowthPerQuarter, 1)],
    ['Handovers per use case', withInterval(s.handoversPerItem, 1)],
    ['Flow efficiency', withInterval(s.flowEfficiency, 0, 100, '%')],
    ['Cost per go-live', withInterval(s.costPerGoLive)],
  );
  for (const [part, e] of Object.entries(s.timeSplit)) t.push([`Days of ${part} per use case`, withInterval(e, 1)]);
  const u = new Table({ head: ['Team / role', 'Utilisation'], style, colAligns: ['left', 'right'] });
  for (const [k, v] of Object.entries(s.utilization)) u.push([k, `${number(v * 100)}%`]);
  return `${t.toString()}\n${u.toString()}`;
}

/** Whether each configuration keeps up with its demand, and how much of its work was still open at the end. */
export function stabilityLines(summaries: readonly ScenarioSummary[]): string[] {
  return summaries.map(
    (s) =>
      `- ${s.stability} ${withInterval(s.unfinishedShare, 0, 100, '%')} of its use cases were still open when the run ended (counted as unfinished, not left out).`,
  );
}

export function comparisonLines(comparisons: readonly Comparison[]): string[] {
  return comparisons
    .filter((c) => c.metric === 'timeToProduction.p50' || c.metric === 'timeToProduction.p85')
    .map((c) => `- ${c.statement}`);
}

export function leverTable(levers: readonly LeverEffect[], top = 15): string {
  const t = new Table({
    head: ['Lever', 'Down', 'Effect on p85 (days)', 'Up', 'Effect on p85 (days)'],
    style,
    colAligns: ['left', 'right', 'right', 'right', 'right'],
  });
  const effect = (e: LeverEffect['low']) => {
    if (e === null) return '-';
    if (e.kind === 'estimate') return withInterval({ estimate: e.effect, ci95: e.ci95 }, 1);
    return e.kind === 'unknown'
      ? 'unknown (p85 beyond the run)'
      : `${e.kind} ${number(e.effect, 1)} (a p85 beyond the run)`;
  };
  for (const l of levers.slice(0, top))
    t.push([humanise(l.label), l.low?.label ?? '-', effect(l.low), l.high?.label ?? '-', effect(l.high)]);
  return t.toString();
}

const VERDICT_WORDS: Record<ScenarioSummary['verdict'], string> = {
  'keeps-up': 'yes',
  'does-not-keep-up': 'no',
  'cannot-tell': 'not yet clear',
};

export function sweepTable(points: readonly SweepPointSummary[]): string {
  const paths = Object.keys(points[0]?.values ?? {});
  const t = new Table({
    head: [...paths, 'Median days', 'p85 days', 'p85 vs reference', 'Go-lives / year', 'vs reference', 'Keeps up?'],
    style,
  });
  const against = (p: SweepPointSummary, metric: string, digits: number): string => {
    if (p.againstReference === null) return 'reference';
    const c = p.againstReference.find((x) => x.metric === metric);
    return c === undefined ? '-' : differenceText(c, digits, 1, '');
  };
  for (const p of points) {
    t.push([
      ...paths.map((k) => String(p.values[k])),
      withInterval(p.summary.timeToProduction.p50),
      withInterval(p.summary.timeToProduction.p85),
      against(p, 'timeToProduction.p85', 0),
      withInterval(p.summary.throughputPerYear, 1),
      against(p, 'throughputPerYear', 1),
      VERDICT_WORDS[p.summary.verdict],
    ]);
  }
  return t.toString();
}

/**
 * A paired difference as it reads in a table: `-12 (-18 to -6)`, with `~` where the interval
 * includes 0; `not reached` where a replication has no figure (a percentile beyond the run);
 * `no interval` from a single replication. A bound that rounds to 0 gets the digits that show
 * its sign, so that an interval reads as excluding 0 exactly when it does.
 */
function differenceText(c: Comparison, digits: number, scale: number, suffix: string): string {
  if (!Number.isFinite(c.difference)) return 'not reached';
  const signed = (x: number): string => {
    let d = digits;
    while (x !== 0 && Number(number(Math.abs(x * scale), d).replace(/,/g, '')) === 0 && d < digits + 3) d++;
    const text = number(Math.abs(x * scale), d);
    return Number(text.replace(/,/g, '')) === 0 ? number(0, digits) : `${x > 0 ? '+' : '-'}${text}`;
  };
  if (!Number.isFinite(c.ci95[0]) || !Number.isFinite(c.ci95[1]))
    return `${signed(c.difference)}${suffix} (no interval from one replication)`;
  const text = `${signed(c.difference)}${suffix} (${signed(c.ci95[0])} to ${signed(c.ci95[1])})`;
  return c.better === null ? `~ ${text}` : text;
}

/** The headline metrics of each what-if against its baseline: paired differences, variant less baseline. */
export function whatIfTableText(comparisons: readonly WhatIfComparison[]): string {
  const columns: [string, string, number, number, string][] = [
    ['timeToProduction.p50', 'Median days', 0, 1, ''],
    ['timeToProduction.p85', 'p85 days', 0, 1, ''],
    ['timeToProduction.p95', 'p95 days', 0, 1, ''],
    ['throughputPerYear', 'Go-lives / year', 1, 1, ''],
    ['unfinishedShare', 'Still open', 1, 100, ' pts'],
    ['costPerGoLive', 'Cost per go-live', 0, 1, ''],
  ];
  const t = new Table({
    head: ['What-if', 'Against', ...columns.map((c) => c[1])],
    style,
    colAligns: ['left', 'left', ...columns.map(() => 'right' as const)],
  });
  const overall = comparisons.filter((c) => c.domain === null);
  for (const variant of [...new Set(overall.map((c) => c.variant))]) {
    const of = overall.filter((c) => c.variant === variant);
    t.push([
      variant,
      of[0].baseline,
      ...columns.map(([metric, , digits, scale, suffix]) => {
        const c = of.find((x) => x.metric === metric);
        return c === undefined ? '-' : differenceText(c, digits, scale, suffix);
      }),
    ]);
  }
  return t.toString();
}

/** The 85th percentile days of each domain, each what-if against its baseline. */
export function whatIfDomainTableText(comparisons: readonly WhatIfComparison[]): string {
  const p85 = comparisons.filter((c) => c.domain !== null && c.metric.endsWith('.p85'));
  const domains = [...new Set(p85.map((c) => c.domain as string))];
  const t = new Table({
    head: ['What-if', ...domains.map(humanise)],
    style,
    colAligns: ['left', ...domains.map(() => 'right' as const)],
  });
  for (const variant of [...new Set(p85.map((c) => c.variant))])
    t.push([
      variant,
      ...domains.map((d) => {
        const c = p85.find((x) => x.variant === variant && x.domain === d);
        return c === undefined ? '-' : differenceText(c, 0, 1, '');
      }),
    ]);
  return t.toString();
}
