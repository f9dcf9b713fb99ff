/** The worker thread's entry: runs one replication task (see executor.ts). */
import { runReplicationTask, type ReplicationResult, type ReplicationTask } from './replication-task.js';

export default function runInWorker(task: ReplicationTask): ReplicationResult {
  return runReplicationTask(task);
}
