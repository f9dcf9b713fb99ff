/** Loading the scenarios a command names (or the shipped ones), with what-ifs applied. */
import { join } from 'node:path';
import type { ExperimentScenario } from '../experiment/index.js';
import { packageRoot } from '../package-info.js';
import { loadScenario, type ScenarioIssue } from '../scenario/index.js';

/** The shipped configurations the default comparison runs. */
export const SHIPPED = ['centralized', 'hub-and-spoke', 'federated'];

export function shippedScenarioFiles(): string[] {
  return SHIPPED.map((name) => join(packageRoot(), 'scenarios', `${name}.yaml`));
}

export interface ScenarioOptions {
  set?: string[];
  horizon?: number;
}

/** Loads each file with the what-ifs; throws a ScenarioError for the first invalid one. */
export function loadScenarios(files: readonly string[], options: ScenarioOptions): { scenarios: ExperimentScenario[]; warnings: ScenarioIssue[] } {
  const set = [...(options.set ?? []), ...(options.horizon !== undefined ? [`horizon_days=${options.horizon}`] : [])];
  const warnings: ScenarioIssue[] = [];
  const scenarios = files.map((file) => {
    const loaded = loadScenario(file, { set });
    warnings.push(...loaded.warnings);
    return { name: loaded.spec.name, spec: loaded.spec, hash: loaded.hash, files: loaded.files };
  });
  const names = scenarios.map((s) => s.name);
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate !== undefined) {
    scenarios.forEach((s, i) => {
      if (names.indexOf(s.name) !== i || names.lastIndexOf(s.name) !== i) s.name = `${s.name} (${files[i]})`;
    });
  }
  return { scenarios, warnings };
}
