/**
 * A build of an earlier commit of orgflow, to measure beside the current one in the same run:
 * checked out in a temporary git worktree (detached, so no branch is made), with this
 * project's node_modules linked in, and compiled with this project's TypeScript. Built once
 * and reused while the temporary folder lasts.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The commit the speed targets are measured against (the figures in the speed issue). */
export const REFERENCE_COMMIT = '22f1768';

const git = (root: string, args: string[]): string =>
  execFileSync('git', ['-C', root, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

/**
 * The root of a build of `commit` (its `bin/orgflow.js` and `dist/bench/*.js` run as they did
 * then); throws with a plain message when `root` is not a git clone that has the commit.
 */
export function referenceBuild(root: string, commit: string = REFERENCE_COMMIT): string {
  let full: string;
  try {
    full = git(root, ['rev-parse', '--verify', `${commit}^{commit}`]);
  } catch {
    throw new Error(
      `the reference commit ${commit} is not in this clone (a shallow clone? fetch it with git fetch --unshallow)`,
    );
  }
  const folder = join(tmpdir(), `orgflow-reference-${full.slice(0, 12)}`);
  if (existsSync(join(folder, 'dist', 'bench', 'experiment.js'))) return folder;
  if (existsSync(folder)) rmSync(folder, { recursive: true, force: true });
  // a worktree whose folder a cleaned /tmp took is still registered until pruned
  git(root, ['worktree', 'prune']);
  git(root, ['worktree', 'add', '--detach', folder, full]);
  symlinkSync(join(root, 'node_modules'), join(folder, 'node_modules'), 'dir');
  execFileSync(
    process.execPath,
    [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(folder, 'tsconfig.build.json')],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return folder;
}
