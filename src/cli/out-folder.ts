/** Checks the --out folder before a run starts, so a run never ends failing to write its results. */
import { existsSync, mkdtempSync, rmdirSync, type Stats, statSync } from 'node:fs';
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
  if (!statOrNothing(existing)?.isDirectory()) {
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
  if (statOrNothing(resolve(file))?.isDirectory())
    throw new UsageError(
      `${option} ${file} is a folder; name a file, e.g. ${option} ${join(file, 'activity-log.csv')}`,
    );
  try {
    checkOutFolder(dirname(resolve(file)));
  } catch (error) {
    throw new UsageError(`${option} ${file}: its folder ${(error as Error).message.replace(/^--out \S+ /, '')}`);
  }
}

/** The file's stats, or undefined where there is nothing at `path` (also when a folder on the way is a file). */
function statOrNothing(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    throw error;
  }
}
