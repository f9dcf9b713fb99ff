/** Results as tables for the terminal, laid out for its width (see terminal-layout.ts). */
import { humanise } from '../charts/theme.js';
import {
  type BoundedEstimate,
  type Comparison,
  currencyHeader,
  type ScenarioSummary,
  type SweepPointSummary,
  type WhatIfComparison,
  VALUE_FIGURES,
  whatIfRows,
  withCurrency,
} from '../analysis/index.js';
import type { LeverEffect } from '../experiment/index.js';
import { differenceText, estimateText } from '../analysis/estimate-text.js';
import { type Align, tableText } from './terminal-layout.js';

const number = (x: number, digits = 0): string =>
  Number.isFinite(x) ? x.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : '-';

/** `141 (137 to 145)`: an estimate with its 95% interval. */
export function withInterval(e: BoundedEstimate, digits = 0, scale = 1, suffix = ''): string {
  const text = estimateText(e, digits, scale, suffix);
  return text.interval === null ? text.value : `${text.value} (${text.interval})`;
}

/** A money estimate with its interval, each in the currency: `€91,476 (€89,247 to €93,706)`. */
function moneyWithInterval(e: BoundedEstimate, currency: string | null): string {
  const text = estimateText(e);
  const [low, high] = text.interval?.split(' to ') ?? [];
  const value = withCurrency(text.value, currency);
  return text.interval === null
    ? value
    : `${value} (${withCurrency(low, currency)} to ${withCurrency(high, currency)})`;
}

const right = (n: number): Align[] => ['left', ...Array.from({ length: n }, (): Align => 'right')];

/** The headline figures of each configuration. */
export function summaryTableText(summaries: readonly ScenarioSummary[], width?: number): string {
  const currency = summaries[0]?.currency ?? null;
  return tableText(
    {
      head: [
        'Configuration',
        'Median days',
        'p85 days',
        'p95 days',
        'Go-lives a year',
        'Abandoned',
        `Cost per go-live${currencyHeader(currency)}`,
      ],
      rows: summaries.map((s) => [
        s.name,
        withInterval(s.timeToProduction.p50),
        withInterval(s.timeToProduction.p85),
        withInterval(s.timeToProduction.p95),
        withInterval(s.throughputPerYear, 1),
        withInterval(s.abandonmentRate, 0, 100, '%'),
        withInterval(s.costPerGoLive),
      ]),
      align: right(6),
    },
    width,
  );
}

/** Value, cost of delay, people cost and net value a year of each configuration. */
export function valueTableText(summaries: readonly ScenarioSummary[], width?: number): string {
  const unit = currencyHeader(summaries[0]?.currency ?? null);
  return tableText(
    {
      head: ['Configuration', ...VALUE_FIGURES.map((f) => `${f.header}${unit}`)],
      rows: summaries.map((s) => [s.name, ...VALUE_FIGURES.map((f) => withInterval(f.of(s)))]),
      align: right(VALUE_FIGURES.length),
    },
    width,
  );
}

/** Time to production by domain or by use-case type: one row per group and configuration. */
export function groupTableText(
  summaries: readonly ScenarioSummary[],
  by: 'domain' | 'type',
  names: Readonly<Record<string, string>> = {},
  width?: number,
): string {
  const groups = [...new Set(summaries.flatMap((s) => Object.keys(by === 'domain' ? s.byDomain : s.byType)))];
  const rows = groups.flatMap((g) =>
    summaries.map((s) => {
      const t = (by === 'domain' ? s.byDomain : s.byType)[g];
      return [
        names[g] ?? humanise(g),
        s.name,
        ...(t ? [withInterval(t.p50), withInterval(t.p85), withInterval(t.p95)] : ['-', '-', '-']),
      ];
    }),
  );
  return tableText(
    {
      head: [by === 'domain' ? 'Domain' : 'Use-case type', 'Configuration', 'Median days', 'p85 days', 'p95 days'],
      rows,
      align: ['left', 'left', 'right', 'right', 'right'],
    },
    width,
  );
}

export function detailTable(s: ScenarioSummary, width?: number): string {
  const money = (e: BoundedEstimate) => moneyWithInterval(e, s.currency);
  const rows: string[][] = [
    ['Median days to production', withInterval(s.timeToProduction.p50)],
    ['85th percentile days', withInterval(s.timeToProduction.p85)],
    ['95th percentile days', withInterval(s.timeToProduction.p95)],
    ['Go-lives per year', withInterval(s.throughputPerYear, 1)],
    ['Abandoned', withInterval(s.abandonmentRate, 0, 100, '%')],
    ['Still open at the end of the run', withInterval(s.unfinishedShare, 0, 100, '%')],
    ['Growth of work in progress per quarter', withInterval(s.wipGrowthPerQuarter, 1)],
    ['Handovers per use case', withInterval(s.handoversPerItem, 1)],
    ['Flow efficiency', withInterval(s.flowEfficiency, 0, 100, '%')],
    ['Cost per go-live', money(s.costPerGoLive)],
    ['People cost a year', money(s.peopleCostPerYear)],
  ];
  if (Number.isFinite(s.valuePerYear.estimate))
    rows.push(
      ['Value added a year', money(s.valuePerYear)],
      ['Cost of delay a year', money(s.costOfDelayPerYear)],
      ['Cost of delay per use case', money(s.costOfDelayPerUseCase)],
      ['Net value a year', money(s.netValuePerYear)],
    );
  for (const [part, e] of Object.entries(s.timeSplit)) rows.push([`Days of ${part} per use case`, withInterval(e, 1)]);
  const metrics = tableText({ head: ['Metric', 'Estimate (95% CI)'], rows, align: right(1) }, width);
  const utilisation = tableText(
    {
      head: ['Team / role', 'Utilisation'],
      rows: Object.entries(s.utilization).map(([k, v]) => [k, `${number(v * 100)}%`]),
      align: right(1),
    },
    width,
  );
  return `${metrics}\n${utilisation}`;
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

/** The levers that move the 85th percentile most, each down and up, in plain words. */
export function leverTable(levers: readonly LeverEffect[], top = 15, width?: number): string {
  const effect = (e: LeverEffect['low']) => {
    if (e === null) return '-';
    if (e.kind === 'estimate') {
      const text = withInterval({ estimate: e.effect, ci95: e.ci95 }, 1);
      return e.ci95[0] <= 0 && e.ci95[1] >= 0 ? `~ ${text}` : text;
    }
    return e.kind === 'unknown'
      ? 'unknown (p85 beyond the run)'
      : `${e.kind} ${number(e.effect, 1)} (a p85 beyond the run)`;
  };
  return tableText(
    {
      head: ['Lever', 'Down', 'Effect on p85 days', 'Up', 'Effect on p85 days'],
      rows: levers
        .slice(0, top)
        .map((l) => [l.label, l.low?.label ?? '-', effect(l.low), l.high?.label ?? '-', effect(l.high)]),
      align: right(4),
    },
    width,
  );
}

/** A stability verdict as a table's "Keeps up?" column says it. */
export const VERDICT_WORDS: Record<ScenarioSummary['verdict'], string> = {
  'keeps-up': 'yes',
  'does-not-keep-up': 'no',
  'cannot-tell': 'not yet clear',
};

export function sweepTable(points: readonly SweepPointSummary[], width?: number): string {
  const paths = Object.keys(points[0]?.values ?? {});
  const against = (p: SweepPointSummary, metric: string, digits: number): string => {
    if (p.againstReference === null) return 'reference';
    const c = p.againstReference.find((x) => x.metric === metric);
    return c === undefined ? '-' : differenceText(c, digits, 1, '');
  };
  return tableText(
    {
      head: [...paths, 'Median days', 'p85 days', 'p85 vs reference', 'Go-lives a year', 'vs reference', 'Keeps up?'],
      rows: points.map((p) => [
        ...paths.map((k) => String(p.values[k])),
        withInterval(p.summary.timeToProduction.p50),
        withInterval(p.summary.timeToProduction.p85),
        against(p, 'timeToProduction.p85', 0),
        withInterval(p.summary.throughputPerYear, 1),
        against(p, 'throughputPerYear', 1),
        VERDICT_WORDS[p.summary.verdict],
      ]),
    },
    width,
  );
}

/** The headline metrics of each what-if against its baseline: paired differences, variant less baseline. */
export function whatIfTableText(comparisons: readonly WhatIfComparison[], width?: number): string {
  const { columns, rows } = whatIfRows(comparisons, [
    'timeToProduction.p50',
    'timeToProduction.p85',
    'timeToProduction.p95',
    'throughputPerYear',
    'unfinishedShare',
    'costPerGoLive',
    'valuePerYear',
    'netValuePerYear',
  ]);
  return tableText(
    {
      head: ['What-if', 'Against', ...columns.map((c) => c.header)],
      rows: rows.map((r) => [r.variant, r.baseline, ...r.cells.map((c) => c.text)]),
      align: ['left', 'left', ...columns.map((): Align => 'right')],
    },
    width,
  );
}

/** The 85th percentile days of each domain, each what-if against its baseline. */
export function whatIfDomainTableText(
  comparisons: readonly WhatIfComparison[],
  names: Readonly<Record<string, string>> = {},
  width?: number,
): string {
  const p85 = comparisons.filter((c) => c.domain !== null && c.metric.endsWith('.p85'));
  const domains = [...new Set(p85.map((c) => c.domain as string))];
  return tableText(
    {
      head: ['What-if', ...domains.map((d) => names[d] ?? humanise(d))],
      rows: [...new Set(p85.map((c) => c.variant))].map((variant) => [
        variant,
        ...domains.map((d) => {
          const c = p85.find((x) => x.variant === variant && x.domain === d);
          return c === undefined ? '-' : differenceText(c, 0, 1, '');
        }),
      ]),
      align: right(domains.length),
    },
    width,
  );
}
