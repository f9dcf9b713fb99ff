/**
 * Replications of designs, as one batch over the worker threads. Replication r of every design
 * uses the same seed (common random numbers: the same use cases arrive with the same efforts),
 * and results come back in task order, so what the search decides does not depend on the
 * number of workers.
 */
import { seedFor, type ReplicationExecutor, type ReplicationTask } from '../experiment/index.js';
import type { DesignEvaluation, KeptReplication } from './design-evaluation.js';

export interface ReplicationRequest {
  evaluation: DesignEvaluation;
  /** Replications from (its count so far) up to this count. */
  upTo: number;
}

/** Runs the replications asked for; returns, per request, the replications it gained. */
export async function replicateDesigns(
  executor: ReplicationExecutor,
  requests: readonly ReplicationRequest[],
  seed: number,
  options: { maxOpenUseCases?: number; signal?: AbortSignal; onDone?: () => void },
): Promise<KeptReplication[][]> {
  const tasks: ReplicationTask[] = [];
  requests.forEach(({ evaluation, upTo }, index) => {
    const spec = evaluation.spec;
    if (spec === null) throw new Error(`design ${evaluation.key} has no valid scenario to run`);
    for (let r = evaluation.replications.length; r < upTo; r++) {
      tasks.push({
        scenarioIndex: index,
        replication: r,
        seed: seedFor(seed, 0, r, true),
        spec,
        keepLog: false,
        ...(options.maxOpenUseCases === undefined ? {} : { maxOpenUseCases: options.maxOpenUseCases }),
      });
    }
  });
  const results = await executor.run(tasks, options.onDone, options.signal);
  const gained: KeptReplication[][] = requests.map(() => []);
  for (const r of results) {
    gained[r.scenarioIndex].push({
      metrics: r.metrics,
      littles: r.littles,
      changes: r.changes,
      horizon: r.horizon,
      replication: r.replication,
    });
  }
  return gained;
}
