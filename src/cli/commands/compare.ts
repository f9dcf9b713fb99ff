/** orgflow compare [scenario...]: the main job. */
import { join, relative, resolve } from 'node:path';
import { runExperiment } from '../../experiment/index.js';
import { writeReport } from '../../report/index.js';
import { findingsOf } from '../../analysis/index.js';
import { experimentOptions } from '../experiment-options.js';
import { warnOnLittleViolations } from '../little-warning.js';
import { checkOutFolder } from '../out-folder.js';
import { precisionJson, precisionLine } from '../precision-line.js';
import { withProgressBar } from '../progress-bar.js';
import { loadScenarios, shippedScenarioFiles } from '../scenario-inputs.js';
import { comparisonLines, stabilityLines, summaryTableText } from '../terminal-tables.js';
import type { RunCommandOptions } from './shared-options.js';

export const COMPARE_REPS = 100;

export async function compare(
  files: string[],
  options: RunCommandOptions,
  signal: AbortSignal,
  commandLine: string,
): Promise<void> {
  const started = performance.now();
  checkOutFolder(options.out);
  const inputs = files.length > 0 ? files : shippedScenarioFiles();
  const scenarios = loadScenarios(inputs, options);

  const experiment = await withProgressBar(options, 'Replications', (onProgress) =>
    runExperiment(scenarios, experimentOptions(options, COMPARE_REPS, onProgress, signal)),
  );
  const findings = findingsOf(experiment);
  const { summaries, comparisons } = findings;
  warnOnLittleViolations(summaries);
  const written = await writeReport(options.out, { experiment, scenarios, command: commandLine, findings });

  if (options.json) {
    console.log(
      JSON.stringify(
        {
          scenarios: summaries.map((s, i) => ({ ...s, warnings: scenarios[i].warnings })),
          comparisons,
          ...(experiment.precision ? { precision: precisionJson(experiment.precision) } : {}),
          outputs: { report: resolve(written.report), folder: resolve(options.out) },
        },
        null,
        2,
      ),
    );
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
  console.log(`\n${findings.headline.text}`);
  for (const line of comparisonLines(comparisons)) console.log(line);
  const shown = (p: string): string => relative(process.cwd(), p) || '.';
  console.log(
    `\nReport: ${shown(written.report)}\nCharts: ${shown(join(options.out, 'charts'))} (SVG, PNG)\nTables: ${shown(join(options.out, 'tables'))} (CSV, JSON, Arrow)`,
  );
}
