/** orgflow compare [scenario...]: the main job. */
import { join, relative, resolve } from 'node:path';
import { type ExperimentResult, runExperiment, type WhatIfScenario, whatIfScenarios } from '../../experiment/index.js';
import { displayNames, type WhatIf } from '../../scenario/index.js';
import { type ReportFiles, writeReport } from '../../report/index.js';
import {
  type BreakEven,
  commonCurrency,
  hasValue,
  compareWhatIfs,
  type Findings,
  findingsOf,
  type ScenarioSummary,
  summariseExperiment,
  type WhatIfComparison,
  whatIfBreakEvens,
  whatIfTable,
  writeTables,
  paybacksOf,
  type TimelinePayback,
} from '../../analysis/index.js';
import { UsageError } from '../cli-error.js';
import { experimentOptions } from '../experiment-options.js';
import { warnOnLittleViolations } from '../little-warning.js';
import { checkOutFolder } from '../out-folder.js';
import { precisionJson, precisionLine } from '../precision-line.js';
import { withProgressBar } from '../progress-bar.js';
import { variantWarningPrinter } from '../variant-warnings.js';
import { loadScenarios, shippedScenarioFiles } from '../scenario-inputs.js';
import {
  comparisonLines,
  groupTableText,
  stabilityLines,
  summaryTableText,
  valueTableText,
  whatIfDomainTableText,
  whatIfTableText,
} from '../terminal-tables.js';
import type { RunCommandOptions } from './shared-options.js';
import { say } from '../terminal-layout.js';
import { quarterTableText } from '../timeline-text.js';

export const COMPARE_REPS = 100;

export interface CompareOptions extends RunCommandOptions {
  /** What-ifs of each scenario, compared with it (see whatIfScenarios). */
  whatif?: WhatIf[];
  /** Also print time to production by domain or by use-case type. */
  by?: 'domain' | 'type';
}

/** The scenarios of the files, and each what-if of each; a variant's own warnings printed as a sweep prints its points'. */
function scenariosOf(files: string[], options: CompareOptions): WhatIfScenario[] {
  const inputs = files.length > 0 ? files : shippedScenarioFiles();
  const baselines = loadScenarios(inputs, options);
  try {
    commonCurrency(baselines.map((b) => ({ name: b.name, currency: b.spec.currency })));
  } catch (error) {
    throw new UsageError(`orgflow compare: ${(error as Error).message}`);
  }
  const scenarios = whatIfScenarios(baselines, options.whatif ?? []);
  // a variant's warnings that its baseline does not already give, each naming the variant
  for (const base of baselines) {
    const variants = scenarios.filter((s) => s.whatif?.baseline === base.name);
    variantWarningPrinter(options, base.warnings)(variants.map((v) => ({ name: v.name, warnings: v.warnings ?? [] })));
  }
  return scenarios;
}

/** What compare found: the experiment, its summaries and findings, the what-if comparisons and break-evens, and the files written. */
interface CompareResult {
  experiment: ExperimentResult;
  scenarios: WhatIfScenario[];
  summaries: ScenarioSummary[];
  findings: Findings;
  /** The names of the scenarios given (not what-ifs). */
  given: Set<string>;
  whatIfComparisons: WhatIfComparison[];
  breakEvens: BreakEven[];
  /** Each configuration that changes during the run against each that does not. */
  paybacks: TimelinePayback[];
  written: ReportFiles;
}

export async function compare(
  files: string[],
  options: CompareOptions,
  signal: AbortSignal,
  commandLine: string,
): Promise<void> {
  const started = performance.now();
  checkOutFolder(options.out);
  const scenarios = scenariosOf(files, options);
  const whatIfs = (options.whatif ?? []).length > 0;

  const experiment = await withProgressBar(options, 'Replications', (onProgress) =>
    runExperiment(scenarios, experimentOptions(options, COMPARE_REPS, onProgress, signal)),
  );
  const summaries = summariseExperiment(experiment);
  // the findings (headline, report) are about the scenarios given; the what-ifs are compared with their own baseline
  const given = new Set(scenarios.filter((s) => s.whatif === undefined).map((s) => s.name));
  const findings = findingsOf(
    { ...experiment, scenarios: experiment.scenarios.filter((s) => given.has(s.name)) },
    summaries.filter((s) => given.has(s.name)),
  );
  const verdicts = new Map(summaries.map((s) => [s.name, s.verdict]));
  const whatIfComparisons = whatIfs ? compareWhatIfs(experiment, scenarios, verdicts) : [];
  const breakEvens = whatIfs ? whatIfBreakEvens(experiment, scenarios) : [];
  const paybacks = paybacksOf(experiment);
  warnOnLittleViolations(summaries);
  const written = await writeReport(options.out, {
    experiment,
    scenarios,
    command: commandLine,
    // with what-ifs the report is about every scenario, the what-ifs' own figures beside their baselines'
    findings: whatIfs ? findingsOf(experiment, summaries) : findings,
    ...(whatIfs ? { whatIfs: { comparisons: whatIfComparisons, breakEvens } } : {}),
    paybacks,
  });
  if (whatIfs) writeTables(join(options.out, 'tables'), { whatif_comparisons: whatIfTable(whatIfComparisons) });
  const result = {
    experiment,
    scenarios,
    summaries,
    findings,
    given,
    whatIfComparisons,
    breakEvens,
    paybacks,
    written,
  };
  if (options.json) console.log(JSON.stringify(compareJson(result, options), null, 2));
  else printCompare(result, options, (performance.now() - started) / 1000);
}

/** What --json prints. */
function compareJson(r: CompareResult, options: CompareOptions) {
  const whatIfs = r.scenarios.length > r.given.size;
  return {
    scenarios: r.summaries.map((s, i) => scenarioJson(s, r.scenarios[i])),
    comparisons: whatIfs ? r.whatIfComparisons : r.findings.comparisons,
    ...(whatIfs ? { baselineComparisons: r.findings.comparisons, breakEvens: r.breakEvens } : {}),
    ...(r.paybacks.length > 0 ? { paybacks: r.paybacks } : {}),
    ...(r.experiment.precision ? { precision: precisionJson(r.experiment.precision) } : {}),
    outputs: { report: resolve(r.written.report), folder: resolve(options.out) },
  };
}

/** What the terminal shows, laid out for its width. */
function printCompare(r: CompareResult, options: CompareOptions, seconds: number): void {
  const { experiment, scenarios, summaries, findings, given } = r;
  const whatIfs = scenarios.length > given.size;
  const reps = experiment.replications;
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const what = whatIfs
    ? `${plural(given.size, 'configuration')} and ${plural(scenarios.length - given.size, 'what-if')}`
    : plural(scenarios.length, 'configuration');
  say(
    `Compared ${what}, ${plural(reps, 'replication')} each (seed ${experiment.seed}, common random numbers), in ${seconds.toFixed(1)} s.`,
  );
  if (experiment.precision) say(precisionLine(experiment.precision));
  const over =
    reps === 1
      ? 'one replication (no interval from one replication: run more, --reps)'
      : 'mean over replications (95% CI)';
  say(
    `Days from request to production (use cases still open at the end counted as censored), ${over}; "> N": not reached within the run:`,
  );
  say(summaryTableText(summaries));
  if (hasValue(summaries)) {
    say(`\nValue and cost a year (from each type's value_per_year and each role's cost_per_year), ${over}:`);
    say(valueTableText(summaries));
  }
  if (options.by) {
    say(`\nDays to production by ${options.by === 'domain' ? 'domain' : 'use-case type'}, ${over}:`);
    say(groupTableText(summaries, options.by, displayNames(specsOf(scenarios), options.by)));
  }
  say('\nDoes each configuration keep up with its demand?');
  for (const line of stabilityLines(summaries)) say(line);
  printTimelines(summaries, r.paybacks, over);
  if (!whatIfs || given.size > 1) {
    say(`\n${findings.headline.text}`);
    for (const line of comparisonLines(findings.comparisons)) say(line);
  }
  if (whatIfs) printWhatIfs(r.whatIfComparisons, r.breakEvens, reps, displayNames(specsOf(scenarios), 'domain'));
  const shown = (p: string): string => relative(process.cwd(), p) || '.';
  say(
    `\nReport: ${shown(r.written.report)}\nCharts: ${shown(join(options.out, 'charts'))} (SVG, PNG)\nTables: ${shown(join(options.out, 'tables'))} (CSV, JSON, Arrow)`,
  );
}

/** For each configuration that changes during the run: its quarters, and each change's payback. */
function printTimelines(
  summaries: readonly ScenarioSummary[],
  paybacks: readonly TimelinePayback[],
  over: string,
): void {
  for (const s of summaries) {
    if (s.timeline === undefined) continue;
    say(
      `\n${s.name} quarter by quarter (the measured window; p85 days of the use cases that arrived in the quarter, those still open at the end counted as censored), ${over}:`,
    );
    say(quarterTableText(s));
    say('Does it keep up with its demand in each period between its changes?');
    for (const p of s.timeline.periods) say(`- ${p.statement}`);
  }
  for (const p of paybacks) say(`- ${p.statement}`);
}

/** A scenario's summary as --json gives it: with its warnings, and, for a what-if, its baseline and assignments. */
function scenarioJson(summary: ScenarioSummary, scenario: WhatIfScenario) {
  const { whatif } = scenario;
  return {
    ...summary,
    warnings: scenario.warnings ?? [],
    ...(whatif ? { whatif: { name: whatif.name, baseline: whatif.baseline, assignments: whatif.assignments } } : {}),
  };
}

const specsOf = (scenarios: readonly WhatIfScenario[]) => scenarios.map((s) => s.spec);

function printWhatIfs(
  comparisons: readonly WhatIfComparison[],
  breakEvens: readonly BreakEven[],
  replications: number,
  domainNames: Readonly<Record<string, string>>,
): void {
  say(
    `\nEach what-if against its baseline: the what-if less the baseline, mean of ${replications} paired replications (95% CI); ~ where the interval includes 0 (no clear difference); not reached: the figure lies beyond the run in some replication (run longer, --horizon):`,
  );
  say(whatIfTableText(comparisons));
  say('85th percentile days to production by domain, the what-if less the baseline:');
  say(whatIfDomainTableText(comparisons, domainNames));
  for (const c of comparisons)
    if (c.domain === null && (c.metric === 'timeToProduction.p85' || c.metric === 'throughputPerYear'))
      say(`- ${c.statement}`);
  for (const b of breakEvens) say(`- ${b.statement}`);
}
