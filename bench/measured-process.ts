/**
 * Runs a Node.js script as a child process of its own and measures it: wall time from spawn to
 * exit, and peak resident memory (the process with all its worker threads), read by a hook
 * loaded before the script that prints `process.resourceUsage().maxRSS` as it exits. The hook
 * is a data: URL, so it works for any build of orgflow, old or new.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';

const MARK = 'orgflow-bench-peak-rss-kb=';
const HOOK = `data:text/javascript,import{writeSync}from"node:fs";process.on("exit",()=>writeSync(2,"\\n${MARK}"+process.resourceUsage().maxRSS+"\\n"))`;

export interface MeasuredRun {
  seconds: number;
  peakMemoryMB: number;
  stdout: string;
}

/** Runs `node [nodeOptions] script ...args` in `cwd`; throws with the child's stderr when it fails. */
export function measuredRun(
  script: string,
  args: readonly string[],
  cwd: string,
  nodeOptions: readonly string[] = [],
): MeasuredRun {
  const started = performance.now();
  const r = spawnSync(process.execPath, [...nodeOptions, '--import', HOOK, script, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  const stderr = r.stderr ?? '';
  if (r.status !== 0) throw new Error(`${script} ${args.join(' ')} failed (exit ${r.status}):\n${stderr.slice(-2000)}`);
  // the largest mark: a worker thread that inherits the hook prints its own (smaller) one first
  const marks = [...stderr.matchAll(/orgflow-bench-peak-rss-kb=(\d+)/g)].map((m) => Number(m[1]));
  const kb = marks.length > 0 ? Math.max(...marks) : Number.NaN;
  return { seconds, peakMemoryMB: kb / 1024, stdout: r.stdout };
}

/** The last line of a run's stdout, as JSON (the benchmarks print one object per line). */
export const lastJsonLine = (run: MeasuredRun): Record<string, unknown> =>
  JSON.parse(run.stdout.trim().split('\n').pop() as string) as Record<string, unknown>;

/**
 * Runs one child per entry of `argsOfEach` (`node script ...args`, in `cwd`) at the same time,
 * and resolves, once all have exited, with each one's stdout; rejects when one fails or
 * outlives `timeoutMs`, ending the others.
 */
export async function concurrentRuns(
  script: string,
  argsOfEach: readonly (readonly string[])[],
  cwd: string,
  timeoutMs = 30 * 60_000,
): Promise<string[]> {
  const children: ChildProcess[] = [];
  const one = (args: readonly string[]): Promise<string> =>
    new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [script, ...args], {
        cwd,
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: timeoutMs,
      });
      children.push(child);
      let stdout = '';
      let stderr = '';
      child.stdout?.on('data', (chunk) => {
        stdout += chunk;
      });
      child.stderr?.on('data', (chunk) => {
        stderr += chunk;
      });
      child.on('error', reject);
      child.on('close', (code, signal) => {
        if (code === 0) resolve(stdout);
        else
          reject(
            new Error(`${script} ${args.join(' ')} failed (${signal ?? `exit ${code}`}):\n${stderr.slice(-2000)}`),
          );
      });
    });
  try {
    return await Promise.all(argsOfEach.map(one));
  } catch (error) {
    for (const child of children) if (child.exitCode === null) child.kill();
    throw error;
  }
}
