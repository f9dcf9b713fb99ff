/**
 * The report's detail: the headline figures of each configuration with what each means, value
 * and cost a year, time to production by domain and by use-case type, and the what-ifs with
 * their break-evens. Every table scrolls on its own on a narrow screen.
 */
import {
  type BoundedEstimate,
  type BreakEven,
  currencyHeader,
  hasValue,
  VALUE_FIGURES,
  estimateText,
  type ScenarioSummary,
  type TimeToProductionSummary,
  type WhatIfComparison,
  whatIfRows,
} from '../analysis/index.js';
import { humanise } from '../charts/theme.js';
import { escapeHtml } from './escape.js';

const e = escapeHtml;

/** An estimate as a table cell: the figure, its interval below in small type. */
export function cell(x: BoundedEstimate, digits = 0, scale = 1, suffix = ''): string {
  const text = estimateText(x, digits, scale, suffix);
  const interval = text.interval === null ? '' : ` <small>(${e(text.interval)})</small>`;
  return `<td class="num">${e(text.value)}${interval}</td>`;
}

/** A table that scrolls sideways on its own when the page is narrower than it. */
const scrolling = (head: string[], rows: string[]): string =>
  `<div class="scroll"><table><thead><tr>${head.map((h) => `<th>${e(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`;

/** What each figure of the report means, said where the figures are. */
export const DEFINITIONS: readonly [string, string][] = [
  [
    'Median, 85th and 95th percentile days',
    'The days from a request to production by which half, 85 in 100 and 95 in 100 of the use cases that go live are live. Use cases still open when the run ends count for as long as they were seen (censored), so unfinished work is not left out.',
  ],
  ['Go-lives a year', 'Use cases that reach production per year of the measured window (after the warm-up).'],
  ['Abandoned', 'The share of use cases stopped before production (for example after a failed proof of concept).'],
  [
    'Still open at the end',
    'The share of the use cases asked for in the window that are neither live nor abandoned when the run ends: the unfinished share.',
  ],
  ['Cost per go-live', "The teams' people cost over the window divided by the go-lives in it."],
  [
    'Flow efficiency',
    'The share of a live use case’s days spent being worked on (work and rework); the rest is waiting, handovers, gates and planning.',
  ],
  ['Utilisation', 'The share of time the people of a role in a team are busy.'],
  [
    'Value added a year',
    "The yearly value (each type's value_per_year) of the use cases that go live in a year: what a year of delivery adds to the run rate.",
  ],
  [
    'Cost of delay',
    'The value not yet earned while use cases wait for production: value_per_year over each one’s days from request to go-live (or to the end of the run), per year and per use case.',
  ],
  [
    'Net value a year',
    'Value added a year less people cost a year. It counts each go-live at its whole yearly value in the year it goes live, so it does not show value earned sooner: the cost of delay and the break-even of a what-if (which counts the value each use case earns from its go-live on) do.',
  ],
];

export function definitionsHtml(): string {
  return `<dl class="definitions">${DEFINITIONS.map(([term, meaning]) => `<dt>${e(term)}</dt><dd>${e(meaning)}</dd>`).join('')}</dl>`;
}

/** The headline figures of each configuration, each with its 95% interval. */
export function metricsTableHtml(summaries: readonly ScenarioSummary[]): string {
  const currency = summaries[0]?.currency ?? null;
  const rows = summaries.map(
    (s) =>
      `<tr><th scope="row">${e(s.name)}</th>${cell(s.timeToProduction.p50)}${cell(s.timeToProduction.p85)}${cell(s.timeToProduction.p95)}${cell(s.throughputPerYear, 1)}${cell(s.abandonmentRate, 0, 100, '%')}${cell(s.unfinishedShare, 0, 100, '%')}${cell(s.costPerGoLive)}${cell(s.flowEfficiency, 0, 100, '%')}</tr>`,
  );
  return `${scrolling(
    [
      'Configuration',
      'Median days to production',
      '85th percentile days',
      '95th percentile days',
      'Go-lives a year',
      'Abandoned',
      'Still open at the end',
      `Cost per go-live${currencyHeader(currency)}`,
      'Flow efficiency',
    ],
    rows,
  )}<p class="caveats">Means over replications with their 95% confidence intervals in brackets. "&gt; N" means that in at least one replication the run ended before that share was live: the answer is at least N days (the mean over replications of each one's value or bound).</p>`;
}

/** Value, cost of delay, people cost and net value a year; empty where no use-case type has a value. */
export function valueTableHtml(summaries: readonly ScenarioSummary[]): string {
  if (!hasValue(summaries)) return '';
  const unit = currencyHeader(summaries[0]?.currency ?? null);
  const rows = summaries.map(
    (s) => `<tr><th scope="row">${e(s.name)}</th>${VALUE_FIGURES.map((f) => cell(f.of(s))).join('')}</tr>`,
  );
  return scrolling(['Configuration', ...VALUE_FIGURES.map((f) => `${f.header}${unit}`)], rows);
}

/** Time to production by domain or by use-case type: a row per group and configuration. */
export function groupTableHtml(
  summaries: readonly ScenarioSummary[],
  by: 'domain' | 'type',
  names: Readonly<Record<string, string>>,
): string {
  const of = (s: ScenarioSummary): Record<string, TimeToProductionSummary> => (by === 'domain' ? s.byDomain : s.byType);
  const groups = [...new Set(summaries.flatMap((s) => Object.keys(of(s))))];
  const rows = groups.flatMap((g) =>
    summaries.map((s, k) => {
      const t = of(s)[g];
      const figures = t ? `${cell(t.p50)}${cell(t.p85)}${cell(t.p95)}` : '<td>-</td><td>-</td><td>-</td>';
      const group =
        k === 0 ? `<th scope="rowgroup" rowspan="${summaries.length}">${e(names[g] ?? humanise(g))}</th>` : '';
      return `<tr>${group}<td>${e(s.name)}</td>${figures}</tr>`;
    }),
  );
  return scrolling(
    [
      by === 'domain' ? 'Domain' : 'Use-case type',
      'Configuration',
      'Median days',
      '85th percentile days',
      '95th percentile days',
    ],
    rows,
  );
}

/** The what-ifs against their baselines, and the break-even of those that add people. */
export function whatIfSectionHtml(comparisons: readonly WhatIfComparison[], breakEvens: readonly BreakEven[]): string {
  const { columns, rows } = whatIfRows(comparisons, [
    'timeToProduction.p50',
    'timeToProduction.p85',
    'throughputPerYear',
    'unfinishedShare',
    'costPerGoLive',
    'netValuePerYear',
  ]);
  if (rows.length === 0) return '';
  const body = rows.map(
    (r) =>
      `<tr><th scope="row">${e(r.variant)}</th><td>${e(r.baseline)}</td>${r.cells.map((c) => `<td class="num${c.clear ? '' : ' unclear'}">${e(c.text)}</td>`).join('')}</tr>`,
  );
  const sentences = [
    ...comparisons.filter((c) => c.domain === null && c.metric === 'timeToProduction.p85').map((c) => c.statement),
    ...breakEvens.map((b) => b.statement),
  ];
  return `<p>Each what-if less its baseline, over the same use cases (paired replications), with the 95% confidence interval in brackets; <span class="unclear">~</span> marks a difference whose interval includes zero.</p>
${scrolling(['What-if', 'Against', ...columns.map((c) => c.header)], body)}
<ul>${sentences.map((x) => `<li>${e(x)}</li>`).join('')}</ul>`;
}
