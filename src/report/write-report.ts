/**
 * Writes the leadership report: report.html (self-contained: styles, charts and the script that
 * makes them interactive inline, no network), every chart as SVG and PNG in charts/ and the key
 * ones as 16:9 slides in charts/slides/, every table as CSV, JSON and Arrow in tables/ with the
 * manifest. Phases: 1 summarise, 2 chart, 3 render,
 * 4 tables, 5 the document. The whole report is built in a staging folder first and swapped
 * in only when every phase succeeded, so the out folder never holds new charts beside an old
 * report: it has the previous report, whole, or the new one.
 */
import { hasFeasibleDesign } from '../optimise/index.js';
import { optimisationSectionHtml, type OptimisationInput } from './optimisation-section.js';
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
  valueTable,
  UTILIZATION_OUTPUT_NAME,
  writeFileAtomic,
  writeResultsBundle,
  type BreakEven,
  type Findings,
  type Manifest,
  type WhatIfComparison,
  quarterSummaries,
  type ScenarioSummary,
  type TimelinePayback,
} from '../analysis/index.js';
import * as charts from '../charts/index.js';
import { displayNames } from '../scenario/index.js';
import type { ExperimentResult, ExperimentScenario, SensitivityResult, SweepResult } from '../experiment/index.js';
import { assumptionsSectionHtml } from './assumptions.js';
import { findingTitles } from './chart-titles.js';
import { INTERACTIVE_SCRIPT } from './interactive-script.js';
import { reportHtml, type ReportContent, type ReportFigure, type ReportSection } from './html-document.js';
import {
  definitionsHtml,
  groupTableHtml,
  metricsTableHtml,
  valueTableHtml,
  whatIfSectionHtml,
} from './results-sections.js';
import { differencesHtml, keyFigures, summaryHtml } from './summary-section.js';
import { timelineSectionHtml } from './timeline-section.js';
import { makeStaging, removeStaging, replaceEntries } from './replace-entries.js';

export interface ReportInput {
  experiment: ExperimentResult;
  /** The scenarios of the experiment, for their assumptions. */
  scenarios: readonly ExperimentScenario[];
  sensitivity?: SensitivityResult;
  /** An optimisation's front (orgflow optimise): its section and chart. */
  optimisation?: OptimisationInput;
  /** Sweeps over one parameter, one per configuration. */
  sweeps?: { path: string; label?: string; runs: { name: string; sweep: SweepResult }[] };
  title?: string;
  /** The command that reproduces the report, shown in its last section. */
  command?: string;
  /** What the comparison found, when the caller has it already (computed from the experiment otherwise). */
  findings?: Findings;
  /** What-ifs against their baselines (compare --whatif), with the break-evens of those that add people. */
  whatIfs?: { comparisons: readonly WhatIfComparison[]; breakEvens: readonly BreakEven[] };
  /** Each configuration that changes during the run (a timeline) against each that does not. */
  paybacks?: readonly TimelinePayback[];
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
  /** Also drawn as a 16:9 slide. */
  slide?: boolean;
}

/** The chart's title as one line of text. */
const titleOf = (spec: charts.VegaLiteSpec): string => {
  const t = spec.title as string | { text: string | string[] } | undefined;
  const text = typeof t === 'string' ? t : (t?.text ?? '');
  return Array.isArray(text) ? text.join(' ') : text;
};

/** `spec` with `title` as its title (wrapped like every chart title), its subtitle kept. */
function retitled(spec: charts.VegaLiteSpec, title: string | undefined): charts.VegaLiteSpec {
  if (title === undefined) return spec;
  const t = spec.title as string | { subtitle?: string[] } | undefined;
  const subtitle = typeof t === 'object' && t !== null ? t.subtitle : undefined;
  return { ...spec, title: charts.titleOf(title, subtitle) };
}

/** The go-lives quarter by quarter against the changes of a timeline, when some configuration has one. */
function transitionFigure(experiment: ExperimentResult, summaries: readonly ScenarioSummary[]): ChartToDraw | null {
  const changes = summaries.flatMap((s) => s.timeline?.changes ?? []);
  if (changes.length === 0) return null;
  return {
    stem: 'transition',
    spec: charts.transitionChart(
      experiment.scenarios.map((s) => ({
        scenario: s.name,
        quarters: quarterSummaries(s.replications.map((r) => r.metrics)),
      })),
      changes,
    ),
    caption: 'Go-lives quarter by quarter: the dip after the change and the recovery, against staying as it was.',
  };
}

/** The key charts of a deck: each is also drawn as a 16:9 slide. */
const SLIDES = new Set([
  'time-to-production',
  'comparison',
  'where-the-time-goes',
  'throughput',
  'tornado',
  'sweep',
  'pareto',
]);

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
  const top = input.sensitivity?.levers[0];
  if (input.sensitivity)
    specs.push({
      stem: 'tornado',
      spec: retitled(
        charts.tornadoChart(input.sensitivity),
        top ? `The lever that moves the 85th percentile most: ${top.label}` : undefined,
      ),
      caption: 'Which levers move the 85th percentile most.',
    });
  if (input.sweeps)
    specs.push({
      stem: 'sweep',
      spec: charts.sweepChart(input.sweeps.runs, input.sweeps.path, 'p85', input.sweeps.label),
      caption: `The effect of ${input.sweeps.label ?? input.sweeps.path}.`,
    });
  if (input.optimisation && hasFeasibleDesign(input.optimisation.result))
    specs.push({
      stem: 'pareto',
      spec: charts.paretoChart(input.optimisation.result),
      caption:
        'The best designs found: each design on the front with its 95% intervals, against the structures as their files have them.',
    });
  const transition = transitionFigure(experiment, summaries);
  if (transition) specs.push(transition);
  const journey = journeyFigure(experiment, findings.best ?? summaries[0].name);
  if (journey)
    specs.push({
      stem: 'journey',
      spec: journey,
      caption: 'One use case from request to production: who worked on it, and where it waited.',
    });
  const titles = findingTitles(findings);
  return specs.map((c) => ({ ...c, spec: retitled(c.spec, titles[c.stem]), slide: SLIDES.has(c.stem) }));
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
    mkdirSync(join(chartDir, 'slides'), { recursive: true });
    const drawPng = (svg: string, file: string, scale?: number): void => {
      // the PNGs render on libuv's threads while the next SVGs render here
      const png = charts.svgToPng(svg, scale).then((data) => writeFileAtomic(join(chartDir, file), data));
      png.catch(() => {}); // handled below (allSettled); without this a failure before then would end the process
      pngs.push(png);
      files.push(file);
    };
    for (const { stem, spec, caption, slide } of specs) {
      const svg = await charts.renderSvg(spec);
      writeFileAtomic(join(chartDir, `${stem}.svg`), svg);
      files.push(`${stem}.svg`);
      drawPng(svg, `${stem}.png`);
      if (slide) drawPng(charts.slideSvg(svg), join('slides', `${stem}.png`), 1);
      writeFileAtomic(join(chartDir, `${stem}.vl.json`), `${JSON.stringify(spec)}\n`);
      figures.push({ stem, svg, title: titleOf(spec), caption, slide: slide === true });
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
    value: valueTable(summaries),
    flow: flowTable(experiment),
    throughput: throughputTable(experiment),
    replications: replicationsTable(experiment),
    // every use case only when the experiment kept them (keepItems; the CLI's --items)
    ...(keptAllItems(experiment) ? { items: itemsTable(experiment) } : {}),
  };
}

/** The report's sections before the charts: differences, figures with their meaning, value, domains and types, what-ifs. */
function sectionsOf(input: ReportInput, findings: Findings): ReportSection[] {
  const { summaries } = findings;
  const names = (by: 'domain' | 'type') =>
    displayNames(
      input.scenarios.map((s) => s.spec),
      by,
    );
  const sections: ReportSection[] = [];
  if (input.optimisation)
    sections.push({
      id: 'optimisation',
      title: 'The best designs found',
      html: optimisationSectionHtml(input.optimisation),
    });
  const differences = differencesHtml(findings);
  if (differences)
    sections.push({ id: 'differences', title: `How the others compare with ${findings.best}`, html: differences });
  sections.push({ id: 'metrics', title: 'The numbers', html: `${metricsTableHtml(summaries)}${definitionsHtml()}` });
  const value = valueTableHtml(summaries);
  if (value) sections.push({ id: 'value', title: 'Value and cost a year', html: value });
  sections.push(
    { id: 'by-domain', title: 'By domain', html: groupTableHtml(summaries, 'domain', names('domain')) },
    { id: 'by-type', title: 'By use-case type', html: groupTableHtml(summaries, 'type', names('type')) },
  );
  const whatIfs = input.whatIfs ? whatIfSectionHtml(input.whatIfs.comparisons, input.whatIfs.breakEvens) : '';
  if (whatIfs) sections.push({ id: 'what-ifs', title: 'What-ifs', html: whatIfs });
  const timeline = timelineSectionHtml(summaries, input.paybacks ?? []);
  if (timeline) sections.push({ id: 'over-time', title: 'Over time: the change and its payback', html: timeline });
  return sections;
}

/** The figures the report states, for the JSON data island: the headline, key figures and each configuration's headline numbers. */
function reportData(findings: Findings) {
  return {
    headline: findings.headline.text,
    best: findings.best,
    runnerUp: findings.runnerUp,
    keyFigures: keyFigures(findings),
    scenarios: findings.summaries.map((s) => ({
      name: s.name,
      verdict: s.verdict,
      currency: s.currency,
      timeToProduction: s.timeToProduction,
      throughputPerYear: s.throughputPerYear,
      unfinishedShare: s.unfinishedShare,
      costPerGoLive: s.costPerGoLive,
    })),
  };
}

/** What the document shows: the summary, the sections, figures, assumptions, and how to reproduce the run. */
function documentContent(
  input: ReportInput,
  findings: Findings,
  figures: ReportFigure[],
  manifest: Manifest,
): ReportContent {
  const { experiment } = input;
  return {
    title: input.title ?? 'Which structure gets AI use cases into production fastest?',
    headline: findings.headline.text,
    summary: summaryHtml(findings),
    caveats: findings.headline.caveats,
    sections: sectionsOf(input, findings),
    figures,
    assumptions: [assumptionsSectionHtml(input.scenarios.map((s) => s.spec))],
    reproduce: [
      { label: 'orgflow version', value: manifest.orgflowVersion },
      { label: 'Seed', value: String(experiment.seed) },
      { label: 'Replications per configuration', value: String(experiment.replications) },
      ...experiment.scenarios.map((s) => ({ label: `Scenario hash: ${s.name}`, value: s.hash ?? '(built in code)' })),
      ...(input.command ? [{ label: 'Command', value: input.command }] : []),
    ],
    data: reportData(findings),
    script: INTERACTIVE_SCRIPT,
  };
}
