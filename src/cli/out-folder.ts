/** Checks the --out folder before a run starts, so a run never ends failing to write its results. */
import { existsSync, mkdtempSync, rmdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { UsageError } from './cli-error.js';

/**
 * Throws a UsageError unless `out` is a folder, or can be made one, that orgflow can write
 * in: it makes and removes an empty probe folder in `out`, or in the nearest folder above it
 * that exists, and leaves nothing behind.
 */
export function checkOutFolder(out: string): void {
  const target = resolve(out);
  let existing = target;
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  const hint = 'name a folder you can write to (it is created if missing), e.g. --out results';
  if (!statSync(existing, { throwIfNoEntry: false })?.isDirectory()) {
    const what =
      existing === target ? 'is a file, not a folder' : `cannot be created: ${existing} is a file, not a folder`;
    throw new UsageError(`--out ${out} ${what}; ${hint}`);
  }
  try {
    rmdirSync(mkdtempSync(join(existing, '.orgflow-probe-')));
  } catch (e) {
    const what = existing === target ? 'cannot be written to' : `cannot be created in ${existing}`;
    throw new UsageError(`--out ${out} ${what} (${(e as NodeJS.ErrnoException).code ?? 'not writable'}); ${hint}`);
  }
}
