/** Where orgflow is installed and which version it is, from the package.json above this file (built or not). */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { callerFile } from './module-file.js';

const here = callerFile();
let found: { root: string; version: string } | null | undefined;

function findPackage(): { root: string; version: string } | null {
  if (found === undefined) found = searchUpwards(dirname(here));
  return found;
}

/** The nearest orgflow package.json in `dir` or up to five folders above it. */
function searchUpwards(start: string): { root: string; version: string } | null {
  let dir = start;
  for (let i = 0; i < 6; i++) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'orgflow' && pkg.version) return { root: dir, version: pkg.version };
    }
    dir = dirname(dir);
  }
  return null;
}

/** The orgflow version ('unknown' if the package.json cannot be found). */
export function orgflowVersion(): string {
  return findPackage()?.version ?? 'unknown';
}

/** The folder orgflow is installed in (holding package.json and scenarios/). */
export function packageRoot(): string {
  const pkg = findPackage();
  if (pkg === null) throw new Error('cannot find the orgflow package.json above this file');
  return pkg.root;
}
