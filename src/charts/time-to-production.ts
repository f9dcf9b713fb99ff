/**
 * Time to production per configuration: its distribution (the share of the eventual
 * go-lives live within x days), with the median and 85th percentile marked, and as a box
 * plot. Both are drawn from the same estimates as the tables: each replication's percentiles
 * (use cases still open at the end counted as censored), averaged over replications, so a
 * median in a chart is the median in the table.
 */
import { CURVE_SHARES } from '../metrics/replication-metrics.js';
import { isReached, valueOrBound, type ScenarioSummary } from '../analysis/experiment-summary.js';
import type { ExperimentResult } from '../experiment/experiment.js';
import { scenarioColour, themed, type VegaLiteSpec } from './theme.js';

/** Mean over replications of the days by which each share is live, up to the first share some replication does not reach. */
function meanCurve(experiment: ExperimentResult): { scenario: string; days: number; share: number }[] {
  const rows: { scenario: string; days: number; share: number }[] = [];
  for (const s of experiment.scenarios) {
    const reps = s.replications;
    if (reps.length === 0) continue;
    for (let k = 0; k < CURVE_SHARES.length; k++) {
      let sum = 0;
      for (const r of reps) sum += r.metrics.curve[k];
      if (!Number.isFinite(sum)) break;
      rows.push({ scenario: s.name, days: sum / reps.length, share: CURVE_SHARES[k] });
    }
  }
  return rows;
}

function curveAt(
  rows: readonly { scenario: string; days: number; share: number }[],
  scenario: string,
  share: number,
): number | null {
  return rows.find((r) => r.scenario === scenario && Math.abs(r.share - share) < 1e-9)?.days ?? null;
}

/** A chart that says no use case went live within the run (a chart of nothing would mislead, or fail). */
function nothingLive(title: string): VegaLiteSpec {
  return themed(
    {
      width: 600,
      height: 60,
      data: { values: [{ text: 'No use case went live within the run: there is no time to production to show.' }] },
      mark: { type: 'text', fontSize: 14 },
      encoding: { text: { field: 'text' } },
    },
    title,
  );
}

/** The distribution of time to production, with median and p85 marked where the run reaches them. */
export function timeToProductionChart(
  experiment: ExperimentResult,
  summaries: readonly ScenarioSummary[],
): VegaLiteSpec {
  const names = experiment.scenarios.map((s) => s.name);
  const curve = meanCurve(experiment);
  const marks = summaries.flatMap((s) =>
    [
      { statistic: 'median', e: s.timeToProduction.p50, share: 0.5 },
      { statistic: '85th percentile', e: s.timeToProduction.p85, share: 0.85 },
    ]
      .filter((m) => isReached(m.e))
      .map((m) => ({ scenario: s.name, statistic: m.statistic, days: valueOrBound(m.e), share: m.share })),
  );
  const cut = summaries.filter((s) => !isReached(s.timeToProduction.p95)).map((s) => s.name);
  if (curve.length === 0) return nothingLive('Time to production');
  return themed(
    {
      width: 640,
      height: 340,
      layer: [
        {
          data: { values: curve },
          mark: { type: 'line', strokeWidth: 2.5, interpolate: 'monotone' },
          encoding: {
            x: { field: 'days', type: 'quantitative', title: 'Days from request to production' },
            y: {
              field: 'share',
              type: 'quantitative',
              title: 'Share of go-lives live',
              axis: { format: '%' },
              scale: { domain: [0, 1] },
            },
            color: scenarioColour(names),
          },
        },
        ...(marks.length === 0
          ? []
          : [
              {
                data: { values: marks },
                mark: { type: 'point', filled: true, size: 90, stroke: 'white', strokeWidth: 1.5 },
                encoding: {
                  x: { field: 'days', type: 'quantitative' },
                  y: { field: 'share', type: 'quantitative' },
                  color: scenarioColour(names),
                  shape: {
                    field: 'statistic',
                    type: 'nominal',
                    title: 'Marked',
                    scale: { domain: ['median', '85th percentile'], range: ['circle', 'diamond'] },
                  },
                },
              },
            ]),
      ],
    },
    'Time to production',
    [
      'Share of the use cases that go live, live within a number of days (open use cases counted as censored); median and 85th percentile marked',
      ...(cut.length ? [`A curve stops where the run ends before that share is live: ${cut.join(', ')}`] : []),
    ],
  );
}

/** The box plot's rows: percentiles of each configuration, those the run does not reach left out (see the comment). */
function boxRows(curve: ReturnType<typeof meanCurve>, summaries: readonly ScenarioSummary[]) {
  // where the run ends before a quarter of the go-lives is still to come, the box has no top end:
  // it is left out and the label says so (the line still runs to the bound of the 95th percentile)
  return summaries.flatMap((s) => {
    const [p5, p25, p75] = [0.05, 0.25, 0.75].map((p) => curveAt(curve, s.name, p));
    const median = s.timeToProduction.p50;
    const top = s.timeToProduction.p95;
    if (p5 === null) return [];
    const p95 = valueOrBound(top);
    const label = isReached(median)
      ? `${Math.round(median.estimate)}${p75 === null ? ' (p75 and p95 not reached within the run)' : isReached(top) ? '' : ` (p95 > ${Math.round(p95)})`}`
      : `median > ${Math.round(valueOrBound(median))} (not reached within the run)`;
    return [
      {
        scenario: s.name,
        p5,
        p25: p75 === null ? null : p25,
        p50: isReached(median) ? median.estimate : null,
        p75,
        p95,
        label,
      },
    ];
  });
}

/** Box plot of time to production per configuration: box from p25 to p75, whiskers p5 to p95, median tick. */
export function timeToProductionBoxChart(
  experiment: ExperimentResult,
  summaries: readonly ScenarioSummary[],
): VegaLiteSpec {
  const names = experiment.scenarios.map((s) => s.name);
  const rows = boxRows(meanCurve(experiment), summaries);
  if (rows.length === 0) return nothingLive('Time to production per configuration');
  const y = { field: 'scenario', type: 'nominal', title: null, sort: names };
  return themed(
    {
      width: 600,
      height: { step: 46 },
      data: { values: rows },
      layer: [
        {
          mark: { type: 'rule', strokeWidth: 1.5 },
          encoding: {
            y,
            x: { field: 'p5', type: 'quantitative', title: 'Days from request to production' },
            x2: { field: 'p95' },
            color: { ...scenarioColour(names), legend: null },
          },
        },
        // no box at all where no configuration reaches its 75th percentile (a short run): an
        // empty layer would give the axis an infinite extent
        ...(rows.some((r) => r.p75 !== null)
          ? [
              {
                mark: { type: 'bar', size: 24 },
                encoding: {
                  y,
                  x: { field: 'p25', type: 'quantitative' },
                  x2: { field: 'p75' },
                  color: { ...scenarioColour(names), legend: null },
                },
              },
            ]
          : []),
        // white on the box; in the configuration's colour where there is no box
        {
          mark: { type: 'tick', thickness: 3, size: 24 },
          encoding: {
            y,
            x: { field: 'p50', type: 'quantitative' },
            color: { condition: { test: 'datum.p75 != null', value: 'white' }, ...scenarioColour(names), legend: null },
          },
        },
        {
          mark: { type: 'text', align: 'left', dx: 6, fontSize: 12 },
          encoding: {
            y,
            x: { field: 'p95', type: 'quantitative' },
            text: { field: 'label', type: 'nominal', title: 'median' },
          },
        },
      ],
    },
    'Time to production per configuration',
    [
      "Box: middle half of the go-lives; line: 5th to 95th percentile; white tick and label: median days (the table's median)",
      'Use cases still open at the end counted as censored',
    ],
  );
}
