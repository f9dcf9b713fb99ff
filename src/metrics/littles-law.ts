/** Little's law on a run: in every loop, time-average work in progress = entry rate x mean stay. */
import type { RunResult } from '../model/index.js';

export interface LittleCheck {
  loop: string;
  l: number;
  lambdaW: number;
  relativeError: number;
  holds: boolean;
}

/** Checks every loop of a run; `tolerance` is relative (the bookkeeping makes it exact up to rounding). */
export function checkLittlesLaw(run: Pick<RunResult, 'loops' | 'horizon'>, tolerance = 1e-6): LittleCheck[] {
  return run.loops
    .filter((loop) => loop.entries > 0)
    .map((loop) => {
      const lambdaW = (loop.entries / run.horizon) * loop.meanStayInWindow;
      const relativeError = Math.abs(loop.timeAverageWip - lambdaW) / Math.max(lambdaW, 1e-12);
      return { loop: loop.loop, l: loop.timeAverageWip, lambdaW, relativeError, holds: relativeError <= tolerance };
    });
}
