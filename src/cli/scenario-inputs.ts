/** Loading the scenarios a command names (or the shipped ones), with what-ifs applied and their warnings printed. */
import { join } from 'node:path';
import type { ExperimentScenario } from '../experiment/index.js';
import { packageRoot } from '../package-info.js';
import { formatIssue, loadScenario, type ScenarioIssue } from '../scenario/index.js';
import { warn } from './terminal-layout.js';

/** The shipped configurations the default comparison runs. */
export const SHIPPED = ['centralized', 'hub-and-spoke', 'federated'];

export function shippedScenarioFiles(): string[] {
  return SHIPPED.map((name) => join(packageRoot(), 'scenarios', `${name}.yaml`));
}

/** A loaded scenario, ready to run, with the warnings its check gave. */
export interface CommandScenario extends ExperimentScenario {
  warnings: ScenarioIssue[];
}

export interface ScenarioOptions {
  set?: string[];
  horizon?: number;
  json?: boolean;
  quiet?: boolean;
}

/**
 * Loads each file with the what-ifs; throws a ScenarioError for the first invalid one. Every
 * command that runs scenarios loads them here, so none drops their warnings (a team whose
 * demand exceeds its capacity, ...): they go to stderr, except with --quiet or --json.
 */
export function loadScenarios(files: readonly string[], options: ScenarioOptions): CommandScenario[] {
  const set = [...(options.set ?? []), ...(options.horizon !== undefined ? [`horizon_days=${options.horizon}`] : [])];
  const scenarios = files.map((file) => {
    const loaded = loadScenario(file, { set });
    if (!options.quiet && !options.json) for (const w of loaded.warnings) warn(formatIssue(w));
    return {
      name: loaded.spec.name,
      spec: loaded.spec,
      hash: loaded.hash,
      files: loaded.files,
      warnings: loaded.warnings,
    };
  });
  const names = scenarios.map((s) => s.name);
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate !== undefined) {
    scenarios.forEach((s, i) => {
      if (names.indexOf(s.name) !== i || names.lastIndexOf(s.name) !== i) s.name = `${s.name} (${files[i]})`;
    });
    // the same file given twice: number the second and later ones
    const seen = new Map<string, number>();
    for (const s of scenarios) {
      const n = (seen.get(s.name) ?? 0) + 1;
      seen.set(s.name, n);
      if (n > 1) s.name = `${s.name} #${n}`;
    }
  }
  return scenarios;
}
