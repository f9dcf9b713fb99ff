/** Help text: every option states its default once, in words. */
import { describe, expect, it } from 'vitest';
import { orgflow } from './orgflow-process.js';

/** The entries of the Options section of a help text, each option with its wrapped lines joined. */
function optionEntries(help: string): string[] {
  const lines = help.split('\n');
  const entries: string[] = [];
  for (const line of lines.slice(lines.indexOf('Options:') + 1)) {
    if (/^ {2}-/.test(line)) entries.push(line.trim());
    else if (/^ {3,}\S/.test(line) && entries.length > 0) entries[entries.length - 1] += ` ${line.trim()}`;
    else break;
  }
  return entries;
}

describe('orgflow --help', () => {
  it.each([
    'orgflow',
    'orgflow compare',
    'orgflow run',
    'orgflow sweep',
    'orgflow sensitivity',
    'orgflow validate',
    'orgflow schema',
    'orgflow demo',
  ])('%s --help states each default once, in words', (line) => {
    const r = orgflow([...line.split(' ').slice(1), '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('(default: [])');
    const entries = optionEntries(r.stdout);
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) {
      // one "default" at most, in one form, and not a JSON value such as "out" in quotes
      expect(entry.match(/default/g)?.length ?? 0, entry).toBeLessThanOrEqual(1);
      if (entry.includes('default')) expect(entry, entry).toMatch(/\(default: [^"[\]{}]+\)$/);
    }
  });

  it('gives the defaults of the run options in words', () => {
    const help = optionEntries(orgflow(['compare', '--help']).stdout).join('\n');
    expect(help).toMatch(/--reps <n> .*\(default: 100, or 200 with --precision\)/);
    expect(help).toMatch(/--workers <n> .*\(default: all cores, \d+ on this machine\)/);
    expect(help).toMatch(/--horizon <days> .*\(default: the scenario's horizon_days\)/);
    expect(help).toMatch(/--out <dir> .*\(default: out\)/);
    expect(help).toMatch(/--max-use-cases <n> .*\(default: 200,000\)/);
  });
});
