/**
 * Runs replication tasks, in this thread or on a pool of worker threads (Piscina). Results
 * come back in task order whatever the number of workers, and each depends only on its task,
 * so an experiment gives identical results with 1, 2 or 4 workers.
 */
import { setMaxListeners } from 'node:events';
import { availableParallelism } from 'node:os';
import { dirname, extname, join } from 'node:path';
import { Piscina } from 'piscina';
import { callerFile } from './module-file.js';
import { runReplicationTask, type ReplicationResult, type ReplicationTask } from './replication-task.js';

const here = callerFile();

/** The default number of workers: every core. */
export function defaultWorkers(): number {
  return availableParallelism();
}

export class ReplicationExecutor {
  private readonly pool: Piscina | null;

  constructor(readonly workers: number = defaultWorkers()) {
    if (!Number.isInteger(workers) || workers < 1) throw new RangeError(`workers must be a whole number >= 1, got ${workers}`);
    if (workers === 1) {
      this.pool = null;
      return;
    }
    // next to this file: replication-worker.ts when running from sources (tests, tsx), .js when built
    const extension = extname(here) === '.ts' ? '.ts' : '.js';
    this.pool = new Piscina({
      filename: join(dirname(here), `replication-worker${extension}`),
      minThreads: workers,
      maxThreads: workers,
      execArgv: extension === '.ts' ? ['--import', 'tsx'] : [],
    });
  }

  /**
   * Runs `tasks`, calling `onDone` as each finishes; stops early (rejecting) when `signal`
   * aborts. Results are in the order of `tasks`.
   */
  async run(tasks: readonly ReplicationTask[], onDone?: (result: ReplicationResult) => void, signal?: AbortSignal): Promise<ReplicationResult[]> {
    if (this.pool === null) {
      const results: ReplicationResult[] = [];
      for (const task of tasks) {
        if (signal?.aborted) throw abortError();
        const result = runReplicationTask(task);
        results.push(result);
        onDone?.(result);
        await Promise.resolve(); // let a progress bar or a signal handler run
      }
      return results;
    }
    const pool = this.pool;
    // every queued task listens to the signal: lift Node's warning threshold for this many listeners
    if (signal) setMaxListeners(tasks.length + 10, signal);
    return Promise.all(
      tasks.map(async (task) => {
        const result = (await pool.run(task, signal ? { signal } : {})) as ReplicationResult;
        onDone?.(result);
        return result;
      }),
    );
  }

  /** Stops the worker threads. */
  async close(): Promise<void> {
    await this.pool?.destroy();
  }
}

function abortError(): Error {
  const error = new Error('the experiment was cancelled');
  error.name = 'AbortError';
  return error;
}
