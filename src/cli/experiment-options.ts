/** The run options of a command as experiment options: replications, the --precision cap, the size bound. */
import type { ExperimentOptions, Progress } from '../experiment/index.js';
import { PRECISION_REPS, type RunCommandOptions } from './commands/shared-options.js';

/** With --precision, the first batch of replications before it checks the precision. */
const FIRST_BATCH = 10;

export function experimentOptions(
  options: RunCommandOptions,
  defaultReps: number,
  onProgress: (p: Progress) => void,
  signal: AbortSignal,
): ExperimentOptions {
  const common = {
    seed: options.seed,
    workers: options.workers,
    maxUseCases: options.maxUseCases,
    keepItems: options.items === true,
    onProgress,
    signal,
  };
  if (options.precision === undefined) return { ...common, replications: options.reps ?? defaultReps };
  const cap = options.reps ?? PRECISION_REPS;
  return { ...common, precision: options.precision, replications: Math.min(FIRST_BATCH, cap), maxReplications: cap };
}
