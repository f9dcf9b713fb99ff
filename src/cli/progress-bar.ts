/**
 * A progress bar on stderr for long runs (replications done / total, rate, time left),
 * shown only when stderr is a terminal and neither --json nor --quiet is given.
 */
import cliProgress from 'cli-progress';
import type { Progress } from '../experiment/index.js';

export class ProgressBar {
  private bar: cliProgress.SingleBar | null = null;
  private started = 0;

  constructor(
    private readonly enabled: boolean,
    private readonly label: string,
  ) {}

  /** The callback to pass as `onProgress`. */
  readonly update = (p: Progress): void => {
    if (!this.enabled) return;
    if (this.bar === null) {
      this.started = performance.now();
      this.bar = new cliProgress.SingleBar(
        {
          format: `${this.label} {bar} {value}/{total} replications | {rate}/s | {eta_formatted} left`,
          stream: process.stderr,
          hideCursor: true,
          clearOnComplete: true,
          etaBuffer: 50,
        },
        cliProgress.Presets.shades_classic,
      );
      this.bar.start(p.total, p.done, { rate: '-' });
    }
    const seconds = (performance.now() - this.started) / 1000;
    this.bar.setTotal(p.total);
    this.bar.update(p.done, { rate: seconds > 0 ? (p.done / seconds).toFixed(1) : '-' });
  };

  stop(): void {
    this.bar?.stop();
    this.bar = null;
  }
}

/** Whether to show progress: a terminal on stderr, and no --json or --quiet. */
export function wantProgress(options: { json?: boolean; quiet?: boolean }): boolean {
  return process.stderr.isTTY === true && !options.json && !options.quiet;
}

/** Runs `work` with a progress bar labelled `label` (shown when wanted, see wantProgress), stopped however it ends. */
export async function withProgressBar<T>(
  options: { json?: boolean; quiet?: boolean },
  label: string,
  work: (onProgress: (p: Progress) => void) => Promise<T>,
): Promise<T> {
  const progress = new ProgressBar(wantProgress(options), label);
  try {
    return await work(progress.update);
  } finally {
    progress.stop();
  }
}
