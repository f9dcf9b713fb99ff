/**
 * Replacing a set of entries of a folder (files or sub-folders) all at once, or not at all:
 * the new entries are built completely elsewhere on the same file system, then each old one
 * is renamed aside and its new one renamed in. Renames within one file system are atomic, so
 * a reader sees either the old entry or the new one, never a half-written one; if a rename
 * fails, the entries already swapped are swapped back. Entries of the folder that are not
 * named are never touched.
 */
import { lstatSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** One entry being replaced: how far it got, so that a failure can undo exactly that. */
interface Swap {
  name: string;
  setAside: boolean;
  movedIn: boolean;
}

/**
 * A fresh staging folder inside `folder`: on the same file system as the entries it will
 * replace, so renames are atomic, and inside rather than beside `folder` because `folder` is
 * what the CLI checked it may write to (its parent may not be writable, e.g. `--out ~`).
 * `fresh` is where the new entries are built, `aside` where the old ones wait while they are
 * swapped. The name contains `.tmp`, like writeFileAtomic's temporary files, so a leftover
 * of a killed process is recognisable.
 */
export function makeStaging(folder: string, prefix: string): { root: string; fresh: string; aside: string } {
  mkdirSync(folder, { recursive: true });
  const root = mkdtempSync(join(folder, `.${prefix}.tmp-`));
  const fresh = join(root, 'new');
  const aside = join(root, 'old');
  mkdirSync(fresh);
  mkdirSync(aside);
  return { root, fresh, aside };
}

/**
 * Replaces `names` in `folder` by the entries of the same names in `fresh` (each must
 * exist there), moving the old ones, where there are any, into `aside`. On a failed rename
 * the old entries are put back and the error is thrown again; the new ones go back to
 * `fresh`. The caller removes `fresh` and `aside` afterwards, whatever happened.
 */
export function replaceEntries(folder: string, names: readonly string[], fresh: string, aside: string): void {
  const done: Swap[] = [];
  try {
    for (const name of names) {
      const swap: Swap = { name, setAside: false, movedIn: false };
      done.push(swap);
      if (lstatSync(join(folder, name), { throwIfNoEntry: false })) {
        renameSync(join(folder, name), join(aside, name));
        swap.setAside = true;
      }
      renameSync(join(fresh, name), join(folder, name));
      swap.movedIn = true;
    }
  } catch (error) {
    for (const swap of done.reverse()) undoSwap(folder, swap, fresh, aside);
    throw error;
  }
}

/** Puts one entry back as it was before replaceEntries touched it. */
function undoSwap(folder: string, swap: Swap, fresh: string, aside: string): void {
  if (swap.movedIn) renameSync(join(folder, swap.name), join(fresh, swap.name));
  if (swap.setAside) renameSync(join(aside, swap.name), join(folder, swap.name));
}

/** Removes a staging folder and everything in it; a folder already gone is no error. */
export function removeStaging(root: string): void {
  rmSync(root, { recursive: true, force: true });
}
