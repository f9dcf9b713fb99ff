/**
 * Runs replication tasks, in this thread or on a pool of worker threads (Piscina). Results
 * come back in task order whatever the number of workers, and each depends only on its task,
 * so an experiment gives identical results with 1, 2 or 4 workers.
 */
import { setMaxListeners } from 'node:events';
import { availableParallelism } from 'node:os';
import { dirname, extname, join } from 'node:path';
import { Piscina } from 'piscina';
import { callerFile } from '../module-file.js';
import { RunLimitError } from '../model/index.js';
import { runReplicationTask, type ReplicationResult, type ReplicationTask } from './replication-task.js';

const here = callerFile();

/** The default number of workers: every core. */
export function defaultWorkers(): number {
  return availableParallelism();
}

/**
 * The worker threads actually started: at most one per task and one per core, whatever is
 * asked. More threads would only wait, and a thread stopped while still loading its modules
 * can crash Node (v8::Module::IsGraphAsync); with one per task, each gets a task at once.
 */
export function workerThreads(requested: number, tasks: number): number {
  return Math.max(1, Math.min(requested, tasks, availableParallelism()));
}

export class ReplicationExecutor {
  /** Started on the first run, sized by its tasks (see workerThreads); null when one thread is enough. */
  private pool: Piscina | null | undefined;
  private size = 0;

  constructor(readonly requested: number = defaultWorkers()) {
    if (!Number.isInteger(requested) || requested < 1)
      throw new RangeError(`workers must be a whole number >= 1, got ${requested}`);
  }

  /** The worker threads in use (before the first run: the most that may be started). */
  get workers(): number {
    return this.pool === undefined ? Math.min(this.requested, availableParallelism()) : this.size;
  }

  private start(tasks: number): Piscina | null {
    this.size = workerThreads(this.requested, tasks);
    if (this.size === 1) return null;
    // next to this file: replication-worker.ts when running from sources (tests, tsx), .js when built
    const extension = extname(here) === '.ts' ? '.ts' : '.js';
    return new Piscina({
      filename: join(dirname(here), `replication-worker${extension}`),
      minThreads: this.size,
      maxThreads: this.size,
      execArgv: extension === '.ts' ? ['--import', 'tsx'] : [],
    });
  }

  /**
   * Runs `tasks`, calling `onDone` as each finishes; stops early (rejecting) when `signal`
   * aborts. Results are in the order of `tasks`.
   */
  async run(
    tasks: readonly ReplicationTask[],
    onDone?: (result: ReplicationResult) => void,
    signal?: AbortSignal,
  ): Promise<ReplicationResult[]> {
    if (this.pool === undefined) this.pool = this.start(tasks.length);
    if (this.pool === null) {
      const results: ReplicationResult[] = [];
      for (const task of tasks) {
        if (signal?.aborted) throw abortError();
        const result = runReplicationTask(task);
        results.push(result);
        onDone?.(result);
        await new Promise((resolve) => setImmediate(resolve)); // let a progress bar and a Ctrl-C handler run (a microtask would not)
      }
      return results;
    }
    const pool = this.pool;
    // every queued task listens to the signal: lift Node's warning threshold for this many listeners
    if (signal) setMaxListeners(tasks.length + 10, signal);
    return Promise.all(
      tasks.map(async (task) => {
        const result = (await pool.run(task, signal ? { signal } : {})) as ReplicationResult | { runLimit: string };
        if ('runLimit' in result) throw new RunLimitError(result.runLimit);
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
