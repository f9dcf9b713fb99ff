/** The orgflow version, from the package.json above this file (built or not). */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { callerFile } from './experiment/module-file.js';

let cached: string | undefined;

export function orgflowVersion(): string {
  if (cached !== undefined) return cached;
  let dir = dirname(callerFile());
  for (let i = 0; i < 6; i++) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'orgflow' && pkg.version) return (cached = pkg.version);
    }
    dir = dirname(dir);
  }
  return (cached = 'unknown');
}
