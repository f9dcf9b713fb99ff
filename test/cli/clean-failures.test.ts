/** User errors end with exit 2 and a message naming what to fix: never a stack trace or "internal error". */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtures, minimal, orgflow, outFolder } from './orgflow-process.js';

const noStackTrace = (text: string) => expect(text).not.toMatch(/internal error|\s+at .*:\d+:\d+/);

describe('--out', () => {
  it('naming an existing file: exit 2 naming the path, with a hint, before the simulation runs', () => {
    const file = join(outFolder(), 'results.txt');
    writeFileSync(file, 'not a folder');
    // 20,000 replications would take minutes: the check must come first (the run is given 30 s)
    const r = orgflow(['run', minimal, '--reps', '20000', '--workers', '1', '--out', file], 30_000);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(
      `orgflow: --out ${file} is a file, not a folder; name a folder you can write to (it is created if missing), e.g. --out results`,
    );
    expect(r.stdout).toBe('');
  });

  it('naming a folder that cannot be created: exit 2 naming the path, for every command', () => {
    const dir = outFolder();
    writeFileSync(join(dir, 'file'), '');
    const below = join(dir, 'file', 'results');
    for (const args of [
      ['compare', minimal],
      ['run', minimal],
      ['sweep', minimal, '--vary', 'teams.core.analyst=1,2'],
      ['sensitivity', minimal],
    ]) {
      const r = orgflow([...args, '--reps', '20000', '--workers', '1', '--out', below], 30_000);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(
        `orgflow: --out ${below} cannot be created: ${join(dir, 'file')} is a file, not a folder; name a folder you can write to`,
      );
      noStackTrace(r.stderr);
    }
  });

  it('naming a file whose folder is a file (-o, --log): exit 2, not an internal error', () => {
    const dir = outFolder();
    writeFileSync(join(dir, 'file'), '');
    const r = orgflow(['run', minimal, '--reps', '1', '--out', outFolder(), '--log', join(dir, 'file', 'log.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--log ${join(dir, 'file', 'log.csv')}: its folder`);
    noStackTrace(r.stderr);
  });

  it('checks by writing, and leaves nothing behind in a folder that is fine', () => {
    const dir = outFolder();
    mkdirSync(join(dir, 'old'));
    const r = orgflow(['run', minimal, '--reps', '2', '--workers', '1', '--out', dir]);
    expect(r.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['old', 'run']);
  });
});

describe('YAML aliases', () => {
  it.each([
    [
      'alias-undefined.yaml',
      /alias-undefined\.yaml:3: error at \(top level\): not valid YAML: the alias \*zz refers to no anchor &zz before it/,
    ],
    [
      'alias-bomb.yaml',
      /alias-bomb\.yaml: error at \(top level\): not valid YAML: the aliases expand to too much data/,
    ],
  ])('%s is an invalid scenario for validate and run: exit 2, file and line, no "internal error"', (file, message) => {
    const path = join(fixtures, 'bad', file);
    const validate = orgflow(['validate', path]);
    expect(validate.code).toBe(2);
    expect(validate.stdout).toMatch(message);
    noStackTrace(validate.stdout + validate.stderr);
    const run = orgflow(['run', path, '--reps', '2', '--workers', '1', '--out', outFolder()]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    noStackTrace(run.stderr);
  });
});

describe('--workers', () => {
  it('far above the tasks and the cores runs, with the same numbers as one worker', () => {
    const json = (workers: string) =>
      JSON.parse(
        orgflow(['compare', minimal, '--reps', '4', '--workers', workers, '--out', outFolder(), '--json']).stdout,
      ).scenarios;
    expect(json('64')).toEqual(json('1'));
  });
});
