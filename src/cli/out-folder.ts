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

/**
 * Throws a UsageError unless `file` (given with `option`) is a file orgflow can write: not a
 * folder, in a folder that exists or can be made and can be written in (see checkOutFolder).
 */
export function checkOutFile(option: string, file: string): void {
  if (statSync(resolve(file), { throwIfNoEntry: false })?.isDirectory())
    throw new UsageError(
      `${option} ${file} is a folder; name a file, e.g. ${option} ${join(file, 'activity-log.csv')}`,
    );
  try {
    checkOutFolder(dirname(resolve(file)));
  } catch (error) {
    throw new UsageError(`${option} ${file}: its folder ${(error as Error).message.replace(/^--out \S+ /, '')}`);
  }
}
