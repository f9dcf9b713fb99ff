/**
 * Writes the leadership report: report.html (self-contained: styles and charts inline, no
 * network, no scripts), every chart as SVG and PNG in charts/ for slides, every table as
 * CSV, JSON and Arrow in tables/ with the manifest. Phases: 1 summarise, 2 chart, 3 render,
 * 4 tables, 5 the document. The whole report is built in a staging folder first and swapped
 * in only when every phase succeeded, so the out folder never holds new charts beside an old
 * report: it has the previous report, whole, or the new one.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ColumnTable } from 'arquero';
import {
  comparisonTable,
  findingsOf,
  flowTable,
  groupTable,
  itemsTable,
  keptAllItems,
  meanFlowSeries,
  quarterlyThroughput,
  replicationsTable,
  summaryTable,
  throughputTable,
  timeSplitTable,
  utilizationTable,
  UTILIZATION_OUTPUT_NAME,
  writeFileAtomic,
  writeResultsBundle,
  type BoundedEstimate,
  type Findings,
  type Manifest,
  type ScenarioSummary,
} from '../analysis/index.js';
import * as charts from '../charts/index.js';
import type { ExperimentResult, ExperimentScenario, SensitivityResult, SweepResult } from '../experiment/index.js';
import { assumptionsSectionHtml } from './assumptions.js';
import { escapeHtml } from './escape.js';
import { estimateText } from '../analysis/estimate-text.js';
import { reportHtml, type ReportContent, type ReportFigure } from './html-document.js';
import { makeStaging, removeStaging, replaceEntries } from './replace-entries.js';

export interface ReportInput {
  experiment: ExperimentResult;
  /** The scenarios of the experiment, for their assumptions. */
  scenarios: readonly ExperimentScenario[];
  sensitivity?: SensitivityResult;
  /** Sweeps over one parameter, one per configuration. */
  sweeps?: { path: string; label?: string; runs: { name: string; sweep: SweepResult }[] };
  title?: string;
  /** The command that reproduces the report, shown in its last section. */
  command?: string;
  /** What the comparison found, when the caller has it already (computed from the experiment otherwise). */
  findings?: Findings;
  /**
   * Turns the content into the HTML document, for a caller with its own template; reportHtml
   * when not given. It runs last, after the charts and tables are written: if it throws, the
   * previous report stays as it was.
   */
  renderDocument?: (content: ReportContent) => string;
}

export interface ReportFiles {
  report: string;
  charts: string[];
  tables: string[];
}

function formatEstimate(e: BoundedEstimate, digits = 0, scale = 1, suffix = ''): string {
  const text = estimateText(e, digits, scale, suffix);
  return text.interval === null
    ? escapeHtml(text.value)
    : `${escapeHtml(text.value)} <small>(${escapeHtml(text.interval)})</small>`;
}

function metricsTableHtml(summaries: readonly ScenarioSummary[]): string {
  const rows = summaries
    .map(
      (s) =>
        `<tr><td>${escapeHtml(s.name)}</td><td class="num">${formatEstimate(s.timeToProduction.p50)}</td><td class="num">${formatEstimate(s.timeToProduction.p85)}</td><td class="num">${formatEstimate(s.timeToProduction.p95)}</td><td class="num">${formatEstimate(s.throughputPerYear, 1)}</td><td class="num">${formatEstimate(s.abandonmentRate, 0, 100, '%')}</td><td class="num">${formatEstimate(s.unfinishedShare, 0, 100, '%')}</td><td class="num">${formatEstimate(s.costPerGoLive)}</td><td class="num">${formatEstimate(s.flowEfficiency, 0, 100, '%')}</td></tr>`,
    )
    .join('');
  return `<table><thead><tr><th>Configuration</th><th>Median days to production</th><th>85th percentile</th><th>95th percentile</th><th>Go-lives per year</th><th>Abandoned</th><th>Still open at the end</th><th>Cost per go-live</th><th>Flow efficiency</th></tr></thead><tbody>${rows}</tbody></table><p class="caveats">Means over replications with their 95% confidence intervals in brackets. The median, 85th and 95th percentile are the days by which that share of the use cases that go live are live. Use cases still open when the run ends count for as long as they were seen (they took at least their age: a survival estimate, Aalen-Johansen, with abandonment as the competing outcome), so a slow configuration is not made to look fast by leaving its unfinished work out. "&gt; N" means that in at least one replication the run ended before that share was live: the answer is at least N days (the mean over replications of each one's value or bound).</p>`;
}

/** The journey the best configuration's first replication brought back (see journeyOf): a use case worth showing. */
function journeyFigure(experiment: ExperimentResult, best: string): charts.VegaLiteSpec | null {
  const journey = experiment.scenarios.find((s) => s.name === best)?.replications[0]?.journey;
  if (!journey) return null;
  const { item, log } = journey;
  return charts.journeyChart(log, item.id, `${charts.humanise(item.domain)}, ${charts.humanise(item.type)}, ${best}`);
}

/** The entries of the out folder that belong to the report: replaced together; anything else there is left alone. */
const REPORT_ENTRIES = ['report.html', 'charts', 'tables'] as const;

/**
 * Writes the report into `outDir`, replacing the previous report.html, charts/ and tables/
 * together once the new ones are complete; other files and folders in `outDir` (sweep/,
 * sensitivity/, a user's own) are not touched. On any failure the previous report is left
 * as it was and nothing temporary remains. Returns the files written, under `outDir`.
 */
export async function writeReport(outDir: string, input: ReportInput): Promise<ReportFiles> {
  const staging = makeStaging(outDir, 'report');
  try {
    const written = await writeReportFolder(staging.fresh, input);
    replaceEntries(outDir, REPORT_ENTRIES, staging.fresh, staging.aside);
    return {
      report: join(outDir, 'report.html'),
      charts: written.charts.map((f) => join(outDir, 'charts', f)),
      tables: written.tables.map((f) => join(outDir, 'tables', f)),
    };
  } finally {
    removeStaging(staging.root);
  }
}

/** The five phases, writing report.html, charts/ and tables/ into `dir`; returns the chart and table file names. */
async function writeReportFolder(dir: string, input: ReportInput): Promise<{ charts: string[]; tables: string[] }> {
  // 1. summarise
  const findings = input.findings ?? findingsOf(input.experiment);
  // 2. chart
  const specs = chartsToDraw(input, findings);
  // 3. render
  const { figures, files } = await drawCharts(join(dir, 'charts'), specs);
  // 4. tables
  const tables = reportTables(input.experiment, findings);
  const manifest = writeResultsBundle(join(dir, 'tables'), input.experiment, tables);
  // 5. the document
  const render = input.renderDocument ?? reportHtml;
  writeFileAtomic(join(dir, 'report.html'), render(documentContent(input, findings, figures, manifest)));
  return {
    charts: files,
    tables: Object.keys(tables).flatMap((t) => ['csv', 'json', 'arrow'].map((f) => `${t}.${f}`)),
  };
}

interface ChartToDraw {
  stem: string;
  spec: charts.VegaLiteSpec;
  caption: string;
}

/** Every chart of the report with its caption; the tornado, sweep and journey only when there is something to show. */
function chartsToDraw(input: ReportInput, findings: Findings): ChartToDraw[] {
  const { experiment } = input;
  const { summaries } = findings;
  const specs: ChartToDraw[] = [
    {
      stem: 'time-to-production',
      spec: charts.timeToProductionChart(experiment, summaries),
      caption: 'How long use cases take to reach production, per configuration.',
    },
    {
      stem: 'time-to-production-box',
      spec: charts.timeToProductionBoxChart(experiment, summaries),
      caption: 'The spread of time to production.',
    },
    {
      stem: 'comparison',
      spec: charts.comparisonChart(summaries),
      caption: 'The configurations side by side, with 95% confidence intervals.',
    },
    {
      stem: 'where-the-time-goes',
      spec: charts.timeSplitChart(summaries),
      caption: 'What the days of a use case are spent on.',
    },
    {
      stem: 'cumulative-flow',
      spec: charts.cumulativeFlowChart(meanFlowSeries(experiment)),
      caption: 'Use cases asked for, in progress by loop, and done, over time.',
    },
    {
      stem: UTILIZATION_OUTPUT_NAME,
      spec: charts.utilizationChart(summaries),
      caption: 'How busy each role in each team is.',
    },
    {
      stem: 'throughput',
      spec: charts.throughputChart(quarterlyThroughput(experiment)),
      caption: 'Go-lives per quarter.',
    },
    {
      stem: 'abandonment',
      spec: charts.abandonmentChart(summaries),
      caption: 'Use cases that never reach production.',
    },
  ];
  if (input.sensitivity)
    specs.push({
      stem: 'tornado',
      spec: charts.tornadoChart(input.sensitivity),
      caption: 'Which levers move the 85th percentile most.',
    });
  if (input.sweeps)
    specs.push({
      stem: 'sweep',
      spec: charts.sweepChart(input.sweeps.runs, input.sweeps.path, 'p85', input.sweeps.label),
      caption: `The effect of ${input.sweeps.label ?? input.sweeps.path}.`,
    });
  const journey = journeyFigure(experiment, findings.best ?? summaries[0].name);
  if (journey)
    specs.push({
      stem: 'journey',
      spec: journey,
      caption: 'One use case from request to production: who worked on it, and where it waited.',
    });
  return specs;
}

/** Renders each chart into `chartDir` as SVG, PNG and its vega-lite spec; returns the figures for the document and the SVG and PNG file names. */
async function drawCharts(
  chartDir: string,
  specs: readonly ChartToDraw[],
): Promise<{ figures: ReportFigure[]; files: string[] }> {
  mkdirSync(chartDir, { recursive: true });
  const figures: ReportFigure[] = [];
  const files: string[] = [];
  const pngs: Promise<void>[] = [];
  let settled: PromiseSettledResult<void>[];
  try {
    for (const { stem, spec, caption } of specs) {
      const svg = await charts.renderSvg(spec);
      writeFileAtomic(join(chartDir, `${stem}.svg`), svg);
      // the PNGs render on libuv's threads while the next SVGs render here
      const png = charts.svgToPng(svg).then((data) => writeFileAtomic(join(chartDir, `${stem}.png`), data));
      png.catch(() => {}); // handled below (allSettled); without this a failure before then would end the process
      pngs.push(png);
      writeFileAtomic(join(chartDir, `${stem}.vl.json`), `${JSON.stringify(spec)}\n`);
      files.push(`${stem}.svg`, `${stem}.png`);
      figures.push({ stem, svg, caption });
    }
  } finally {
    // wait for every PNG started, even when an SVG failed, so none is written after the folder is discarded
    settled = await Promise.allSettled(pngs);
  }
  for (const r of settled) if (r.status === 'rejected') throw r.reason;
  return { figures, files };
}

/** The tables written beside the report, by file stem. */
function reportTables(experiment: ExperimentResult, { summaries, comparisons }: Findings): Record<string, ColumnTable> {
  return {
    summary: summaryTable(summaries),
    comparisons: comparisonTable(comparisons),
    by_domain: groupTable(summaries, 'domain'),
    by_type: groupTable(summaries, 'type'),
    [UTILIZATION_OUTPUT_NAME]: utilizationTable(summaries),
    time_split: timeSplitTable(summaries),
    flow: flowTable(experiment),
    throughput: throughputTable(experiment),
    replications: replicationsTable(experiment),
    // every use case only when the experiment kept them (keepItems; the CLI's --items)
    ...(keptAllItems(experiment) ? { items: itemsTable(experiment) } : {}),
  };
}

/** What the document shows: the headline, figures, metrics, comparisons in words, assumptions, and how to reproduce the run. */
function documentContent(
  input: ReportInput,
  findings: Findings,
  figures: ReportFigure[],
  manifest: Manifest,
): ReportContent {
  const { experiment } = input;
  const { headline, summaries, comparisons } = findings;
  return {
    title: input.title ?? 'Which structure gets AI use cases into production fastest?',
    headline: headline.text,
    caveats: headline.caveats,
    figures,
    metricsTable: metricsTableHtml(summaries),
    comparisons: comparisons
      .filter(
        (c) =>
          c.metric.startsWith('timeToProduction.p') || c.metric === 'throughputPerYear' || c.metric === 'costPerGoLive',
      )
      .map((c) => c.statement),
    assumptions: [assumptionsSectionHtml(input.scenarios.map((s) => s.spec))],
    reproduce: [
      { label: 'orgflow version', value: manifest.orgflowVersion },
      { label: 'Seed', value: String(experiment.seed) },
      { label: 'Replications per configuration', value: String(experiment.replications) },
      ...experiment.scenarios.map((s) => ({ label: `Scenario hash: ${s.name}`, value: s.hash ?? '(built in code)' })),
      ...(input.command ? [{ label: 'Command', value: input.command }] : []),
    ],
  };
}
