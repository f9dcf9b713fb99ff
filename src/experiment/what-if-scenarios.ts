/**
 * What-ifs against baselines: each what-if applied to each baseline is a variant, run in the
 * same experiment, so that it meets the same use cases as its baseline (common random
 * numbers) and the two can be compared replication by replication.
 */
import { createHash } from 'node:crypto';
import { ScenarioError, type ScenarioIssue, type WhatIf } from '../scenario/index.js';
import type { ExperimentScenario } from './experiment.js';
import { variantOf } from './variants.js';

/** A scenario of a what-if experiment: a baseline, or a variant of one. */
export interface WhatIfScenario extends ExperimentScenario {
  /** Set on a variant: its baseline's name and the what-if applied to it. */
  whatif?: { name: string; baseline: string; assignments: string[] };
  /** What the variant's check found (a team whose demand exceeds its capacity, ...). */
  warnings?: ScenarioIssue[];
}

/**
 * The baselines, then every what-if applied to each (in order of the baselines). A variant is
 * named after its what-if, or, with several baselines, `what-if (baseline)`. Throws a
 * ScenarioError naming the variant when a what-if does not fit a baseline.
 */
export function whatIfScenarios(
  baselines: readonly ExperimentScenario[],
  whatIfs: readonly WhatIf[],
): WhatIfScenario[] {
  const names = new Set(baselines.map((b) => b.name));
  const variants = baselines.flatMap((baseline) =>
    whatIfs.map((w): WhatIfScenario => {
      let name = baselines.length === 1 ? w.name : `${w.name} (${baseline.name})`;
      while (names.has(name)) name = `${name} (what-if)`;
      names.add(name);
      const variant = asWhatIf(() => variantOf(baseline.spec, w.overrides, name));
      return {
        name,
        spec: variant.spec,
        warnings: variant.warnings,
        whatif: { name: w.name, baseline: baseline.name, assignments: w.assignments },
        ...(baseline.hash !== undefined
          ? { hash: createHash('sha256').update(baseline.hash).update(JSON.stringify(w.overrides)).digest('hex') }
          : {}),
        ...(baseline.files !== undefined ? { files: baseline.files } : {}),
      };
    }),
  );
  return [...baselines, ...variants];
}

/** Runs `make`, its faults worded as a --whatif's rather than a --set's. */
function asWhatIf<T>(make: () => T): T {
  try {
    return make();
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    throw new ScenarioError(
      error.issues.map((i) => ({
        ...i,
        ...(i.file === '--set' ? { file: '--whatif' } : {}),
        message: i.message.replace(/^--set /, '--whatif '),
      })),
    );
  }
}
