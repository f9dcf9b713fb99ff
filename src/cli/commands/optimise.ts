/** orgflow optimise [scenario...]: the best structures and staffing, as a Pareto front of two objectives. */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { table } from 'arquero';
import { writeFileAtomic, writeTables } from '../../analysis/index.js';
import { paretoChart, renderSvg, svgToPng } from '../../charts/index.js';
import {
  OBJECTIVE_INFO,
  cautionLines,
  fileSettings,
  hasFeasibleDesign,
  type Constraints,
  type ObjectiveName,
  designFileText,
  spentLine,
  structureLines,
  frontRows,
  optimise,
  parseObjectives,
  parseRange,
  structuresOf,
  type FrontRow,
  type OptimisationResult,
  type SearchMethod,
} from '../../optimise/index.js';
import { writeReport } from '../../report/index.js';
import { runExperiment } from '../../experiment/index.js';
import { checkOutFolder } from '../out-folder.js';
import { withOptimiseProgress } from '../optimise-progress.js';
import { frontTableText } from '../optimise-text.js';
import { loadScenarios, shippedScenarioFiles } from '../scenario-inputs.js';
import { say } from '../terminal-layout.js';
import type { RunCommandOptions } from './shared-options.js';

export const OPTIMISE_REPS = 20;

/** The objectives when neither --objective nor a file's optimise.objectives names them. */
const DEFAULT_OBJECTIVES: [ObjectiveName, ObjectiveName] = ['p85', 'cost'];

export interface OptimiseCommandOptions extends RunCommandOptions {
  vary?: string[];
  total?: number;
  budget?: number;
  maxUtilisation?: number;
  objective?: string;
  evaluations: number;
  time?: number;
  population: number;
  firstReps: number;
  method: SearchMethod;
}

/** The names of the design files optimise writes: the structure's file stem and its place on the front. */
const DESIGN_FILE = /^[\w.-]+-\d{2,}\.yaml$/;

/** A design's file name: the structure's file stem and its place on the front. */
const designFileName = (row: FrontRow, stem: string): string => `${stem}-${String(row.number).padStart(2, '0')}.yaml`;

/** Writes each front design as a scenario file that extends its structure's file; returns the files by row. */
function writeDesignFiles(
  folder: string,
  result: OptimisationResult,
  rows: readonly FrontRow[],
  seed: number,
): string[] {
  const dir = join(folder, 'designs');
  mkdirSync(dir, { recursive: true });
  // the design files of an earlier front go: only this front's are left
  for (const old of readdirSync(dir)) if (DESIGN_FILE.test(old)) rmSync(join(dir, old));
  return rows.map((row) => {
    const structure = result.structures[row.evaluation.design.structure];
    const source = structure.file ?? '';
    const stem = source ? basename(source, extname(source)) : 'design';
    const file = join(dir, designFileName(row, stem));
    const figures = result.objectives.map((o, k) => {
      const e = row.objectives[k];
      return `${OBJECTIVE_INFO[o].label}: ${e.estimate === null ? 'beyond the run' : Math.round(e.estimate).toLocaleString('en')}`;
    });
    const text = designFileText(structure, row.evaluation, {
      extendsPath: relative(dirname(file), source),
      name: `${structure.name}, design ${row.number}`,
      comments: [
        `Design ${row.number} of the front found by orgflow optimise (seed ${seed}): ${row.change}.`,
        row.sentence,
        `${figures.join('; ')} (means of ${row.replications} replications).`,
        'Options given as --set or --horizon when it was found are not in this file: give them again to run it alike.',
      ],
    });
    writeFileAtomic(file, text);
    return file;
  });
}

function writeFrontTables(
  folder: string,
  result: OptimisationResult,
  rows: readonly FrontRow[],
  files: readonly string[],
): void {
  const objectiveColumns = (list: readonly { estimates: FrontRow['objectives'] }[]) =>
    Object.fromEntries(
      result.objectives.flatMap((o, k) => [
        [o, list.map((r) => r.estimates[k]?.estimate ?? Number.NaN)],
        [`${o}_low`, list.map((r) => r.estimates[k]?.ci95?.[0] ?? Number.NaN)],
        [`${o}_high`, list.map((r) => r.estimates[k]?.ci95?.[1] ?? Number.NaN)],
      ]),
    );
  writeTables(folder, {
    front: table({
      design: rows.map((r) => r.number),
      structure: rows.map((r) => r.structure),
      change: rows.map((r) => r.change),
      people: rows.map((r) => r.people),
      cost_per_year: rows.map((r) => r.cost),
      ...objectiveColumns(rows.map((r) => ({ estimates: r.objectives }))),
      replications: rows.map((r) => r.replications),
      keeps_up: rows.map((r) => r.verdict ?? ''),
      file: files.map((f) => relative(folder, f)),
      sentence: rows.map((r) => r.sentence),
    }),
    designs: table({
      structure: result.evaluated.map((e) => result.structures[e.design.structure].name),
      counts: result.evaluated.map((e) => e.design.values.join(' ')),
      people: result.evaluated.map((e) => e.people),
      cost_per_year: result.evaluated.map((e) => e.cost),
      ...objectiveColumns(result.evaluated),
      replications: result.evaluated.map((e) => e.replications.length),
      infeasible: result.evaluated.map((e) => e.infeasible ?? ''),
    }),
  });
}

function jsonOf(result: OptimisationResult, rows: readonly FrontRow[], files: readonly string[], report: string) {
  return {
    objectives: result.objectives,
    front: rows.map((r, i) => ({
      design: r.design,
      structure: r.structure,
      change: r.change,
      people: r.people,
      objectives: Object.fromEntries(
        result.objectives.map((o, k) => [o, { estimate: r.objectives[k].estimate, ci95: r.objectives[k].ci95 }]),
      ),
      replications: r.replications,
      keepsUp: r.verdict,
      sentence: r.sentence,
      file: resolve(files[i]),
    })),
    evaluations: result.evaluations,
    replications: result.replications,
    seconds: +result.seconds.toFixed(2),
    stoppedBy: result.stoppedBy,
    method: result.method,
    seed: result.seed,
    constraints: result.constraints,
    outputs: { report: resolve(report) },
  };
}

export async function optimiseCommand(
  files: string[],
  options: OptimiseCommandOptions,
  signal: AbortSignal,
  commandLine = '',
): Promise<void> {
  checkOutFolder(options.out);
  const inputs = files.length > 0 ? files : shippedScenarioFiles();
  const scenarios = loadScenarios(inputs, options);
  // the files' optimise: sections, each setting overridden by its option
  const fromFiles = fileSettings(scenarios.map((s) => s.spec));
  const objectives =
    options.objective !== undefined ? parseObjectives(options.objective) : (fromFiles.objectives ?? DEFAULT_OBJECTIVES);
  const ranges = options.vary?.map((r) => parseRange(r)) ?? fromFiles.ranges;
  const constraints: Constraints = {
    ...fromFiles.constraints,
    ...(options.total === undefined ? {} : { total: options.total }),
    ...(options.budget === undefined ? {} : { budget: options.budget }),
    ...(options.maxUtilisation === undefined ? {} : { maxUtilization: options.maxUtilisation }),
  };
  const structures = structuresOf(
    scenarios.map((s, i) => ({ name: s.name, spec: s.spec, file: resolve(inputs[i]) })),
    ranges,
  );
  const result = await withOptimiseProgress(options, objectives, (onProgress) =>
    optimise(structures, {
      objectives,
      constraints,
      method: options.method,
      evaluations: options.evaluations,
      ...(options.time === undefined ? {} : { seconds: options.time }),
      population: options.population,
      firstReplications: options.firstReps,
      maxReplications: options.reps ?? OPTIMISE_REPS,
      seed: options.seed,
      workers: options.workers,
      maxOpenUseCases: options.maxUseCases,
      onProgress,
      signal,
    }),
  );
  const folder = join(options.out, 'optimise');
  mkdirSync(folder, { recursive: true });
  const rows = frontRows(result);
  const designFiles = writeDesignFiles(folder, result, rows, options.seed);
  writeFrontTables(folder, result, rows, designFiles);
  // no chart when no design met every constraint: there is no point to draw
  if (hasFeasibleDesign(result)) {
    const svg = await renderSvg(paretoChart(result));
    writeFileAtomic(join(folder, 'pareto.svg'), svg);
    writeFileAtomic(join(folder, 'pareto.png'), await svgToPng(svg));
  }
  // the report's figures of each structure as its file has it, with the replications the search used
  const experiment = await runExperiment(scenarios, {
    replications: result.maxReplications,
    seed: options.seed,
    workers: options.workers,
    maxUseCases: options.maxUseCases,
    signal,
  });
  const report = await writeReport(folder, {
    experiment,
    scenarios,
    optimisation: { result, rows, files: designFiles.map((f) => relative(folder, f)) },
    title: `The best structure and staffing found: ${OBJECTIVE_INFO[objectives[0]].label.toLowerCase()} against ${OBJECTIVE_INFO[objectives[1]].label.toLowerCase()}`,
    ...(commandLine ? { command: commandLine } : {}),
  });
  if (options.json) {
    console.log(JSON.stringify(jsonOf(result, rows, designFiles, report.report), null, 2));
    return;
  }
  printAnswer(result, rows, folder, report.report);
}

function printAnswer(result: OptimisationResult, rows: readonly FrontRow[], folder: string, report: string): void {
  const [a, b] = result.objectives.map((o) => OBJECTIVE_INFO[o].label.toLowerCase());
  say(`The best designs found, ${a} against ${b} (${rows.length} on the front; 95% intervals):`);
  say(frontTableText(result, rows));
  say('');
  for (const r of rows) say(`${r.number}. ${r.sentence}`);
  say('');
  for (const line of structureLines(result)) say(line);
  for (const line of cautionLines(result, rows)) say(line);
  say(spentLine(result));
  say(
    `\nReport: ${report}\nChart: ${hasFeasibleDesign(result) ? `${join(folder, 'pareto.svg')} (and .png)` : 'none (no design to draw)'}\nDesigns: ${join(folder, 'designs')} (scenario files; run one with orgflow run)\nTables: ${join(folder, 'front.csv')}, ${join(folder, 'designs.csv')}`,
  );
}
