/** orgflow sensitivity <scenario>: which lever matters most (tornado table and chart). */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeReport } from '../../report/index.js';
import { table } from 'arquero';
import { writeFileAtomic, writeTables } from '../../analysis/index.js';
import { humanise, renderSvg, svgToPng, tornadoChart } from '../../charts/index.js';
import { estimateText, isReached } from '../../analysis/index.js';
import { runSensitivity } from '../../experiment/index.js';
import { experimentOptions } from '../experiment-options.js';
import { checkOutFolder } from '../out-folder.js';
import { withProgressBar } from '../progress-bar.js';
import { loadScenarios } from '../scenario-inputs.js';
import { leverTable } from '../terminal-tables.js';
import { variantWarningPrinter } from '../variant-warnings.js';
import type { RunCommandOptions } from './shared-options.js';
import { say } from '../terminal-layout.js';

export const SENSITIVITY_REPS = 10;

export interface SensitivityOptions extends RunCommandOptions {
  people?: number;
  relative?: number;
}

export async function sensitivity(
  file: string,
  options: SensitivityOptions,
  signal: AbortSignal,
  commandLine = '',
): Promise<void> {
  checkOutFolder(options.out);
  const scenarios = loadScenarios([file], options);
  const warn = variantWarningPrinter(options, scenarios[0].warnings);
  const result = await withProgressBar(options, 'Levers', (onProgress) =>
    runSensitivity(scenarios[0], {
      ...experimentOptions(options, SENSITIVITY_REPS, onProgress, signal),
      steps: { people: options.people, relative: options.relative },
      // the settings as the lever table names them
      onVariants: (variants) => warn(variants.map((v) => ({ ...v, name: humanise(v.name) }))),
    }),
  );
  const folder = join(options.out, 'sensitivity');
  mkdirSync(folder, { recursive: true });
  const svg = await renderSvg(tornadoChart(result));
  writeFileAtomic(join(folder, 'tornado.svg'), svg);
  writeFileAtomic(join(folder, 'tornado.png'), await svgToPng(svg));
  writeTables(folder, {
    levers: table({
      lever: result.levers.map((l) => l.id),
      label: result.levers.map((l) => l.label),
      down: result.levers.map((l) => l.low?.label ?? ''),
      down_effect: result.levers.map((l) => l.low?.effect ?? NaN),
      down_effect_is: result.levers.map((l) => l.low?.kind ?? ''),
      up: result.levers.map((l) => l.high?.label ?? ''),
      up_effect: result.levers.map((l) => l.high?.effect ?? NaN),
      up_effect_is: result.levers.map((l) => l.high?.kind ?? ''),
    }),
  });
  // a report of its own: the base scenario's figures, with the tornado
  const base = { ...result.experiment, scenarios: [result.experiment.scenarios[0]] };
  const report = await writeReport(folder, {
    experiment: base,
    scenarios: [scenarios[0]],
    sensitivity: result,
    title: `Which lever matters most for ${result.base}?`,
    ...(commandLine ? { command: commandLine } : {}),
  });
  if (options.json) {
    console.log(
      JSON.stringify(
        {
          base: result.base,
          baseP85: result.baseP85,
          warnings: scenarios[0].warnings,
          levers: result.levers,
          outputs: { report: resolve(report.report), folder: resolve(folder) },
        },
        null,
        2,
      ),
    );
    return;
  }
  say(
    `Sensitivity of ${result.base}: 85th percentile time to production ${estimateText(result.baseP85).value} days; each lever one step down and up, ${result.experiment.replications} replications each`,
  );
  say(leverTable(result.levers));
  if (!isReached(result.baseP85)) {
    say(
      `\nThe base's 85th percentile is beyond the run in some replications: effects measured against it are bounds ("at least", "at most") or unknown, and rank by what is known. A longer run (--horizon) gives estimates.`,
    );
  }
  say(
    `\nReport: ${report.report} (the base's figures with the tornado)\nChart: ${join(folder, 'tornado.svg')} (and .png)\nTable: ${join(folder, 'levers.csv')}`,
  );
}
