/** orgflow compare [scenario...]: the main job. */
import { join, relative, resolve } from 'node:path';
import { runExperiment, type WhatIfScenario, whatIfScenarios } from '../../experiment/index.js';
import type { WhatIf } from '../../scenario/index.js';
import { writeReport } from '../../report/index.js';
import {
  compareWhatIfs,
  findingsOf,
  type ScenarioSummary,
  summariseExperiment,
  type WhatIfComparison,
  whatIfTable,
  writeTables,
} from '../../analysis/index.js';
import { experimentOptions } from '../experiment-options.js';
import { warnOnLittleViolations } from '../little-warning.js';
import { checkOutFolder } from '../out-folder.js';
import { precisionJson, precisionLine } from '../precision-line.js';
import { withProgressBar } from '../progress-bar.js';
import { variantWarningPrinter } from '../variant-warnings.js';
import { loadScenarios, shippedScenarioFiles } from '../scenario-inputs.js';
import {
  comparisonLines,
  stabilityLines,
  summaryTableText,
  whatIfDomainTableText,
  whatIfTableText,
} from '../terminal-tables.js';
import type { RunCommandOptions } from './shared-options.js';

export const COMPARE_REPS = 100;

export interface CompareOptions extends RunCommandOptions {
  /** What-ifs of each scenario, compared with it (see whatIfScenarios). */
  whatif?: WhatIf[];
}

/** The scenarios of the files, and each what-if of each; a variant's own warnings printed as a sweep prints its points'. */
function scenariosOf(files: string[], options: CompareOptions): WhatIfScenario[] {
  const inputs = files.length > 0 ? files : shippedScenarioFiles();
  const baselines = loadScenarios(inputs, options);
  const scenarios = whatIfScenarios(baselines, options.whatif ?? []);
  // a variant's warnings that its baseline does not already give, each naming the variant
  for (const base of baselines) {
    const variants = scenarios.filter((s) => s.whatif?.baseline === base.name);
    variantWarningPrinter(options, base.warnings)(variants.map((v) => ({ name: v.name, warnings: v.warnings ?? [] })));
  }
  return scenarios;
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
  warnOnLittleViolations(summaries);
  const written = await writeReport(options.out, { experiment, scenarios, command: commandLine, findings });
  if (whatIfs) writeTables(join(options.out, 'tables'), { whatif_comparisons: whatIfTable(whatIfComparisons) });
  if (options.json) {
    const json = {
      scenarios: summaries.map((s, i) => scenarioJson(s, scenarios[i])),
      comparisons: whatIfs ? whatIfComparisons : findings.comparisons,
      ...(whatIfs ? { baselineComparisons: findings.comparisons } : {}),
      ...(experiment.precision ? { precision: precisionJson(experiment.precision) } : {}),
      outputs: { report: resolve(written.report), folder: resolve(options.out) },
    };
    console.log(JSON.stringify(json, null, 2));
    return;
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `Compared ${scenarios.length} configuration${scenarios.length === 1 ? '' : 's'}, ${experiment.replications} replications each (seed ${experiment.seed}, common random numbers), in ${seconds.toFixed(1)} s.`,
  );
  if (experiment.precision) console.log(precisionLine(experiment.precision));
  console.log(
    'Days from request to production (use cases still open at the end counted as censored), mean over replications (95% CI); "> N": not reached within the run:',
  );
  console.log(summaryTableText(summaries));
  console.log('\nDoes each configuration keep up with its demand?');
  for (const line of stabilityLines(summaries)) console.log(line);
  if (!whatIfs || given.size > 1) {
    console.log(`\n${findings.headline.text}`);
    for (const line of comparisonLines(findings.comparisons)) console.log(line);
  }
  if (whatIfs) printWhatIfs(whatIfComparisons, experiment.replications);
  const shown = (p: string): string => relative(process.cwd(), p) || '.';
  console.log(
    `\nReport: ${shown(written.report)}\nCharts: ${shown(join(options.out, 'charts'))} (SVG, PNG)\nTables: ${shown(join(options.out, 'tables'))} (CSV, JSON, Arrow)`,
  );
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

function printWhatIfs(comparisons: readonly WhatIfComparison[], replications: number): void {
  console.log(
    `\nEach what-if against its baseline: the what-if less the baseline, mean of ${replications} paired replications (95% CI); ~ where the interval includes 0 (no clear difference); not reached: the figure lies beyond the run in some replication (run longer, --horizon):`,
  );
  console.log(whatIfTableText(comparisons));
  console.log('85th percentile days to production by domain, the what-if less the baseline:');
  console.log(whatIfDomainTableText(comparisons));
  for (const c of comparisons)
    if (c.domain === null && (c.metric === 'timeToProduction.p85' || c.metric === 'throughputPerYear'))
      console.log(`- ${c.statement}`);
}
