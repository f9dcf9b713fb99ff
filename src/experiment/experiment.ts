/**
 * Experiments: replications of one or more scenarios, compared fairly. With common random
 * numbers (the default) replication r of every scenario uses the same seed, so the same use
 * cases arrive with the same efforts and only the organisation differs.
 */
import { confidenceInterval } from '../statistics/batch-means.js';
import { replicationSeed } from '../random/index.js';
import type { ScenarioSpec } from '../scenario/index.js';
import { ReplicationExecutor, defaultWorkers } from './executor.js';
import type { ReplicationResult, ReplicationTask } from './replication-task.js';
import { checkRunSize } from './run-size.js';

/** A scenario to run: its spec and, when loaded from files, where it came from. */
export interface ExperimentScenario {
  name: string;
  spec: ScenarioSpec;
  /** Content hash of the files and what-ifs (see loadScenario). */
  hash?: string;
  files?: string[];
}

/** Replications done so far, out of the total planned (it may grow with `precision`). */
export interface Progress {
  done: number;
  total: number;
}

export interface ExperimentOptions {
  /** Replications per scenario (default 20); with `precision`, the first batch. */
  replications?: number;
  /**
   * Keep adding replications until the 95% confidence interval of every scenario's median
   * time to production is within this fraction of the median (e.g. 0.05), or `maxReplications`.
   */
  precision?: number;
  /** Upper bound on replications with `precision` (default 200). */
  maxReplications?: number;
  /**
   * Refuse the run before it starts (a RunSizeError, see run-size.ts) when one replication
   * would simulate more use cases than this, or the whole run more than WHOLE_RUN_FACTOR
   * times this. Default: no bound.
   */
  maxUseCases?: number;
  /**
   * Stop a replication that has this many use cases open at once (a RunLimitError). Default:
   * maxUseCases when given, else the model's DEFAULT_MAX_OPEN_USE_CASES.
   */
  maxOpenUseCases?: number;
  /** Master seed (default 1). */
  seed?: number;
  /** Worker threads (default: every core; 1 runs in this thread). */
  workers?: number;
  /** Same seeds for every scenario (default true). False gives independent streams. */
  commonRandomNumbers?: boolean;
  /** Keep each replication's event log (default false: large), or only the first replication's of each scenario. */
  keepLogs?: boolean | 'first';
  /**
   * Keep the record of every use case of every replication (default false: the metrics of
   * each replication are computed where it runs; the records are for itemsTable and
   * deliveryByArrivalQuarter, and grow with the run).
   */
  keepItems?: boolean;
  onProgress?: (progress: Progress) => void;
  /** Abort to stop the workers. */
  signal?: AbortSignal;
}

export interface ScenarioResult {
  name: string;
  hash?: string;
  /** The scenario's currency (its money figures' unit), when it names one. */
  currency?: string;
  files?: string[];
  replications: ReplicationResult[];
}

export interface ExperimentResult {
  seed: number;
  replications: number;
  commonRandomNumbers: boolean;
  scenarios: ScenarioResult[];
  /** With `precision`: how precise the median got; see PrecisionOutcome. */
  precision?: PrecisionOutcome;
}

/** The target, the largest relative half-width reached (Infinity when it cannot be measured), whether it met the target, after how many replications. */
export interface PrecisionOutcome {
  target: number;
  reached: number;
  met: boolean;
  replications: number;
}

/** The seed of replication `r` of scenario `s`. */
export function seedFor(seed: number, scenarioIndex: number, replication: number, common: boolean): number {
  return common
    ? replicationSeed(seed, replication)
    : replicationSeed(`${seed}/scenario-${scenarioIndex}`, replication);
}

/** The largest relative half-width of median time to production over the scenarios. */
export function relativePrecision(scenarios: readonly ScenarioResult[]): number {
  let worst = 0;
  for (const s of scenarios) {
    const medians = s.replications.map((r) => r.metrics.timeToProduction.p50);
    // a median some replication does not reach within its run has no precision to measure
    if (medians.length < 2 || !medians.every(Number.isFinite)) return Infinity;
    const ci = confidenceInterval(medians);
    worst = Math.max(worst, ci.halfWidth / Math.abs(ci.mean));
  }
  return worst;
}

/**
 * Runs the replications of every scenario; see ExperimentOptions. The first replication of each
 * scenario also brings back one use case's journey (see ReplicationResult.journey).
 */
/** A scenario's result before any replication: its name, hash, currency and files. */
const emptyResult = (s: ExperimentScenario): ScenarioResult => ({
  name: s.name,
  hash: s.hash,
  ...(s.spec.currency === undefined ? {} : { currency: s.spec.currency }),
  files: s.files,
  replications: [],
});

export async function runExperiment(
  scenarios: readonly ExperimentScenario[],
  options: ExperimentOptions = {},
): Promise<ExperimentResult> {
  const seed = options.seed ?? 1;
  const common = options.commonRandomNumbers ?? true;
  const first = options.replications ?? 20;
  const cap = options.maxReplications ?? 200;
  if (!Number.isInteger(first) || first < 1)
    throw new RangeError(`replications must be a whole number >= 1, got ${first}`);
  if (options.precision !== undefined && !(options.precision > 0 && options.precision < 1)) {
    throw new RangeError(`precision must be a fraction between 0 and 1 (e.g. 0.05), got ${options.precision}`);
  }
  if (scenarios.length === 0) throw new RangeError('an experiment needs at least one scenario');
  if (options.maxUseCases !== undefined)
    checkRunSize(scenarios, options.precision !== undefined ? cap : first, options.maxUseCases);
  const executor = new ReplicationExecutor(options.workers ?? defaultWorkers());
  const results = scenarios.map(emptyResult);
  let planned = Math.min(first, options.precision !== undefined ? cap : first);
  let done = 0;
  const report = (): void => options.onProgress?.({ done, total: planned * scenarios.length });
  try {
    let next = 0;
    for (;;) {
      const tasks: ReplicationTask[] = [];
      for (let r = next; r < planned; r++) {
        for (const [i, s] of scenarios.entries()) {
          tasks.push({
            scenarioIndex: i,
            replication: r,
            seed: seedFor(seed, i, r, common),
            spec: s.spec,
            keepLog: options.keepLogs === true || (options.keepLogs === 'first' && r === 0),
            keepItems: options.keepItems ?? false,
            // the first replication brings back the use case the report draws
            keepJourney: r === 0,
            maxOpenUseCases: options.maxOpenUseCases ?? options.maxUseCases,
          });
        }
      }
      report();
      const batch = await executor.run(
        tasks,
        () => {
          done++;
          report();
        },
        options.signal,
      );
      for (const result of batch) results[result.scenarioIndex].replications.push(result);
      next = planned;
      if (options.precision === undefined) break;
      const reached = relativePrecision(results);
      const met = reached <= options.precision;
      if (met || planned >= cap) {
        return {
          seed,
          replications: planned,
          commonRandomNumbers: common,
          scenarios: results,
          precision: { target: options.precision, reached, met, replications: planned },
        };
      }
      // grow by half again, up to the cap (not by the number of workers: the result must not depend on it)
      planned = Math.min(cap, planned + Math.ceil(planned / 2));
    }
  } finally {
    await executor.close();
  }
  return { seed, replications: planned, commonRandomNumbers: common, scenarios: results };
}
