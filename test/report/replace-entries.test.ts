/**
 * Swapping the report's entries in: all of them, or, when a rename fails part way, none (the
 * ones already swapped are put back); entries not named are never touched.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeStaging, removeStaging, replaceEntries } from '../../src/report/replace-entries.js';

const NAMES = ['report.html', 'charts', 'tables'];

/** Writes `entries` (relative path -> content) under `dir`. */
function fill(dir: string, entries: Record<string, string>): void {
  for (const [path, content] of Object.entries(entries)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
}

const read = (dir: string, path: string): string => readFileSync(join(dir, path), 'utf8');

describe('replaceEntries', () => {
  it('swaps every named entry in, including ones the folder did not have, and leaves the rest alone', () => {
    const folder = mkdtempSync(join(tmpdir(), 'orgflow-swap-'));
    fill(folder, { 'report.html': 'old', 'charts/a.svg': 'old', 'notes.txt': 'mine' });
    const staging = makeStaging(folder, 'report');
    fill(staging.fresh, { 'report.html': 'new', 'charts/b.svg': 'new', 'tables/t.csv': 'new' });
    replaceEntries(folder, NAMES, staging.fresh, staging.aside);
    removeStaging(staging.root);
    expect(read(folder, 'report.html')).toBe('new');
    expect(readdirSync(join(folder, 'charts'))).toEqual(['b.svg']);
    expect(read(folder, 'tables/t.csv')).toBe('new');
    expect(read(folder, 'notes.txt')).toBe('mine');
    expect(readdirSync(folder).sort()).toEqual(['charts', 'notes.txt', 'report.html', 'tables']);
  });

  it('puts back the entries already swapped when a later rename fails', () => {
    const folder = mkdtempSync(join(tmpdir(), 'orgflow-swap-'));
    fill(folder, { 'report.html': 'old', 'charts/a.svg': 'old', 'tables/t.csv': 'old' });
    const staging = makeStaging(folder, 'report');
    fill(staging.fresh, { 'report.html': 'new', 'charts/b.svg': 'new' }); // no tables: the third rename fails
    expect(() => replaceEntries(folder, NAMES, staging.fresh, staging.aside)).toThrow(/ENOENT/);
    expect(read(folder, 'report.html')).toBe('old');
    expect(readdirSync(join(folder, 'charts'))).toEqual(['a.svg']);
    expect(read(folder, 'tables/t.csv')).toBe('old');
    expect(readdirSync(staging.aside)).toEqual([]);
    removeStaging(staging.root);
    expect(existsSync(staging.root)).toBe(false);
    expect(readdirSync(folder).sort()).toEqual(['charts', 'report.html', 'tables']);
  });
});
