/**
 * The worker thread's entry: runs one replication task (see executor.ts). A run that stops at
 * its bound comes back as `{ runLimit }`: an error's class does not survive the trip between
 * threads, and the main thread must tell this user error from a bug.
 */
import { RunLimitError } from '../model/index.js';
import { runReplicationTask, type ReplicationResult, type ReplicationTask } from './replication-task.js';

export default function runInWorker(task: ReplicationTask): ReplicationResult | { runLimit: string } {
  try {
    return runReplicationTask(task);
  } catch (error) {
    if (error instanceof RunLimitError) return { runLimit: error.message };
    throw error;
  }
}
