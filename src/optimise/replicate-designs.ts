/**
 * Replications of designs, as one batch over the worker threads. Replication r of every design
 * uses the same seed (common random numbers: the same use cases arrive with the same efforts),
 * and results come back in task order, so what the search decides does not depend on the
 * number of workers.
 */
import {
  seedFor,
  type ReplicationExecutor,
  type ReplicationResult,
  type ReplicationTask,
} from '../experiment/index.js';
import { RunLimitError } from '../model/index.js';
import type { DesignEvaluation, KeptReplication } from './design-evaluation.js';

export interface ReplicationRequest {
  evaluation: DesignEvaluation;
  /** Replications from this index (default: its count so far) up to this one, not included. */
  upTo: number;
  from?: number;
}

/** What a batch gained per request: its new replications, or why it could not run (a run that outgrew its bound). */
export interface Replicated {
  gained: KeptReplication[][];
  failed: (string | null)[];
}

function tasksOf(requests: readonly ReplicationRequest[], seed: number, maxOpenUseCases?: number): ReplicationTask[] {
  const tasks: ReplicationTask[] = [];
  requests.forEach(({ evaluation, upTo, from }, index) => {
    const spec = evaluation.spec;
    if (spec === null) throw new Error(`design ${evaluation.key} has no valid scenario to run`);
    for (let r = from ?? evaluation.replications.length; r < upTo; r++) {
      tasks.push({
        scenarioIndex: index,
        replication: r,
        seed: seedFor(seed, 0, r, true),
        spec,
        keepLog: false,
        ...(maxOpenUseCases === undefined ? {} : { maxOpenUseCases }),
      });
    }
  });
  return tasks;
}

const kept = (r: ReplicationResult): KeptReplication => ({
  metrics: r.metrics,
  littles: r.littles,
  changes: r.changes,
  horizon: r.horizon,
  replication: r.replication,
});

/**
 * Runs the replications asked for, as one batch. When a run outgrows its bound on open use
 * cases (a design far beyond its capacity), the designs are run one by one so that only the
 * runaway ones fail.
 */
export async function replicateDesigns(
  executor: ReplicationExecutor,
  requests: readonly ReplicationRequest[],
  seed: number,
  options: { maxOpenUseCases?: number; signal?: AbortSignal },
): Promise<Replicated> {
  const gained: KeptReplication[][] = requests.map(() => []);
  const failed: (string | null)[] = requests.map(() => null);
  try {
    const results = await executor.run(tasksOf(requests, seed, options.maxOpenUseCases), undefined, options.signal);
    for (const r of results) gained[r.scenarioIndex].push(kept(r));
    return { gained, failed };
  } catch (error) {
    if (!(error instanceof RunLimitError)) throw error;
  }
  for (const [i, request] of requests.entries()) {
    try {
      const results = await executor.run(tasksOf([request], seed, options.maxOpenUseCases), undefined, options.signal);
      gained[i] = results.map(kept);
    } catch (error) {
      if (!(error instanceof RunLimitError)) throw error;
      failed[i] = error.message;
    }
  }
  return { gained, failed };
}
