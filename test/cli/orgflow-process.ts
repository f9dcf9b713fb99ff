/** Runs the built orgflow command as a subprocess (npm test builds it first). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const root = join(import.meta.dirname, '..', '..');
export const bin = join(root, 'bin', 'orgflow.js');
export const fixtures = join(root, 'test', 'fixtures', 'scenarios');
export const minimal = join(fixtures, 'minimal.yaml');

/** Runs orgflow with `args` (and `env` added to this process's); a run longer than `timeout` ms counts as failed (code -1). */
export function orgflow(
  args: string[],
  timeout = 120_000,
  env: Record<string, string> = {},
): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout,
    env: { ...process.env, ...env },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A new empty folder for --out. */
export const outFolder = (): string => mkdtempSync(join(tmpdir(), 'orgflow-cli-'));
