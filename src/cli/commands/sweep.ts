/** orgflow sweep <scenario> --vary <path>=<values|range>: a sweep with its chart. */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  type Comparison,
  type SweepPointSummary,
  summariseSweep,
  summaryTable,
  writeFileAtomic,
  writeResultsBundle,
} from '../../analysis/index.js';
import { renderSvg, svgToPng, sweepChart } from '../../charts/index.js';
import {
  parseSweepParameter,
  runSweep,
  type SweepParameter,
  type SweepResult,
  sweepPointIndex,
} from '../../experiment/index.js';
import { writeReport } from '../../report/index.js';
import { UsageError } from '../cli-error.js';
import { experimentOptions } from '../experiment-options.js';
import { checkOutFolder } from '../out-folder.js';
import { withProgressBar } from '../progress-bar.js';
import { loadScenarios } from '../scenario-inputs.js';
import { sweepTable } from '../terminal-tables.js';
import { variantWarningPrinter } from '../variant-warnings.js';
import type { RunCommandOptions } from './shared-options.js';
import { say } from '../terminal-layout.js';

export const SWEEP_REPS = 20;

/** Splits a two-parameter sweep into one line per value of the second parameter. */
function chartRuns(sweep: SweepResult): { name: string; sweep: SweepResult }[] {
  if (sweep.parameters.length === 1) return [{ name: sweep.base, sweep }];
  const second = sweep.parameters[1].path;
  return sweep.parameters[1].values.map((v) => ({
    name: `${second}=${String(v)}`,
    sweep: { ...sweep, points: sweep.points.filter((p) => p.values[second] === v) },
  }));
}

/** The swept parameters of the --vary options; a usage error names the one that does not parse. */
function sweepParameters(vary: readonly string[]): SweepParameter[] {
  try {
    return vary.map((v) => parseSweepParameter(v));
  } catch (e) {
    throw new UsageError(`--vary: ${(e as Error).message}`);
  }
}

export interface SweepOptions extends RunCommandOptions {
  vary?: string[];
  /** The point the others are compared with: its values in the order of --vary. */
  reference?: string;
}

/** The index of the --reference point (the first without one), found before the sweep runs; a usage error when no point has those values. */
function referenceIndex(parameters: readonly SweepParameter[], reference: string | undefined): number {
  if (reference === undefined) return 0;
  const index = sweepPointIndex(parameters, reference.split(','));
  if (index < 0)
    throw new UsageError(
      `--reference ${reference}: no point of the sweep has these values; give one value for each --vary (${parameters.map((p) => p.path).join(', ')}), in that order, e.g. --reference ${parameters.map((p) => String(p.values[0])).join(',')}`,
    );
  return index;
}

/**
 * A report of the sweep's own in `folder`: the reference point's figures, charts and
 * assumptions (its scenario: the base with the reference point's values), with the sweep chart.
 */
function writeSweepReport(folder: string, result: SweepResult, reference: number, commandLine: string) {
  const point = result.points[reference];
  const scenario = result.experiment.scenarios[point.scenarioIndex];
  const path = result.parameters[0].path;
  return writeReport(folder, {
    experiment: { ...result.experiment, scenarios: [scenario] },
    scenarios: [{ name: scenario.name, spec: point.spec }],
    sweeps: { path, runs: chartRuns(result) },
    title: `The effect of ${path} on ${result.base}`,
    ...(commandLine ? { command: commandLine } : {}),
  });
}

/** A point as --json gives it: its values, summary and warnings, and its paired difference from the reference. */
function pointJson(p: SweepPointSummary) {
  const against = (c: Comparison) => ({
    difference: c.difference,
    ci95: c.ci95,
    better: c.better === null ? null : c.better === p.summary.name ? 'point' : 'reference',
  });
  return {
    values: p.values,
    ...p.summary,
    warnings: p.warnings,
    againstReference:
      p.againstReference === null ? null : Object.fromEntries(p.againstReference.map((c) => [c.metric, against(c)])),
  };
}

export async function sweep(
  file: string,
  vary: string[],
  options: SweepOptions,
  signal: AbortSignal,
  commandLine = '',
): Promise<void> {
  checkOutFolder(options.out);
  if (vary.length === 0)
    throw new UsageError(
      'sweep needs at least one --vary <path>=<values|range>, e.g. --vary teams.hub.ml_engineer=2..6',
    );
  const parameters = sweepParameters(vary);
  const reference = referenceIndex(parameters, options.reference);
  const scenarios = loadScenarios([file], options);
  const result = await withProgressBar(options, 'Sweep', (onProgress) =>
    runSweep(scenarios[0], parameters, {
      ...experimentOptions(options, SWEEP_REPS, onProgress, signal),
      onVariants: variantWarningPrinter(options, scenarios[0].warnings),
    }),
  );
  const folder = join(options.out, 'sweep');
  mkdirSync(folder, { recursive: true });
  const points = summariseSweep(result, reference);
  writeResultsBundle(folder, result.experiment, { summary: summaryTable(points.map((p) => p.summary)) });
  let chart = '';
  let report = '';
  if (parameters.length <= 2) {
    const svg = await renderSvg(sweepChart(chartRuns(result), parameters[0].path));
    chart = join(folder, 'sweep.svg');
    writeFileAtomic(chart, svg);
    writeFileAtomic(join(folder, 'sweep.png'), await svgToPng(svg));
    report = (await writeSweepReport(folder, result, reference, commandLine)).report;
  }
  if (options.json) {
    const json = {
      parameters,
      warnings: scenarios[0].warnings,
      reference: result.points[reference].values,
      outputs: { folder: resolve(folder), ...(report ? { report: resolve(report) } : {}) },
    };
    console.log(JSON.stringify({ ...json, points: points.map(pointJson) }, null, 2));
    return;
  }
  say(
    `Sweep of ${scenarios[0].name}: ${result.points.length} points x ${result.experiment.replications} replications (common random numbers)`,
  );
  say(
    `Each point against the reference (${Object.entries(result.points[reference].values)
      .map(([k, v]) => `${k}=${String(v)}`)
      .join(
        ', ',
      )}): the point less the reference, paired over the same replications (95% CI); ~ where the interval includes 0.`,
  );
  say(sweepTable(points));
  say(
    `\n${chart ? `Report: ${report} (the reference point, with the sweep chart)\nChart: ${chart} (and .png)\n` : 'No chart and no report for more than two swept parameters.\n'}Tables: ${folder}`,
  );
}
