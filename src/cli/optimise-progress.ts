/**
 * The optimisation's progress on stderr: designs simulated out of the budget, replications so
 * far, and the best of the front so far; shown only where a progress bar is wanted (see
 * wantProgress).
 */
import cliProgress from 'cli-progress';
import { OBJECTIVE_INFO, figureText, type OptimiseProgress, type ObjectiveName } from '../optimise/index.js';
import { wantProgress } from './progress-bar.js';

/** The front so far in a few words: its size and its best figure of the first objective. */
export function bestSoFar(p: OptimiseProgress, objectives: readonly ObjectiveName[]): string {
  if (p.front.length === 0) return 'no feasible design yet';
  const [o] = objectives;
  const best = p.front.reduce((a, b) => (a.point[0] <= b.point[0] ? a : b));
  return `front of ${p.front.length}, best ${OBJECTIVE_INFO[o].words} ${figureText(o, best.estimates[0].estimate ?? Number.NaN)}`;
}

/** Runs `work` with the bar (when wanted), stopped however it ends. */
export async function withOptimiseProgress<T>(
  options: { json?: boolean; quiet?: boolean },
  objectives: readonly ObjectiveName[],
  work: (onProgress: (p: OptimiseProgress) => void) => Promise<T>,
): Promise<T> {
  if (!wantProgress(options)) return work(() => {});
  const bar = new cliProgress.SingleBar(
    {
      format: 'Designs {bar} {value}/{total} | {replications} replications | {best}',
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  try {
    return await work((p) => {
      const payload = { replications: p.replications, best: bestSoFar(p, objectives) };
      if (!started) bar.start(p.budget, p.evaluations, payload);
      started = true;
      bar.update(p.evaluations, payload);
    });
  } finally {
    bar.stop();
  }
}
