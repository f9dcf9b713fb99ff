/**
 * The README's figures for the shipped example history are what the commands print: its
 * calibrate line on learning and its back-test table, figure by figure. A change to the fit
 * that moves them fails here until the README says so.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { orgflow, outFolder, root } from './orgflow-process.js';

const readme = readFileSync(join(root, 'README.md'), 'utf8');
const example = join('scenarios', 'examples', 'history');
const reading = [join(example, 'activity-log.csv'), '--mapping', join(example, 'mapping.yaml'), '--allow-overlap'];
/** The README's block from the example's back-test command to the end of its code block. */
const block = (() => {
  const start = readme.indexOf(`$ orgflow backtest ${example}/activity-log.csv`);
  return readme.slice(start, readme.indexOf('```', start));
})();

describe("the README's figures for the shipped example", () => {
  it('match the learning calibrate prints', () => {
    const r = orgflow(['calibrate', ...reading, '-o', join(outFolder(), 'f.yaml'), '--no-report']);
    expect(r.code, r.stderr).toBe(0);
    const learning = r.stdout.split('\n').find((l) => l.startsWith('Learning:'));
    expect(learning).toBeDefined();
    expect(readme).toContain(learning);
  });

  it('match the back-test the command gives, figure by figure', () => {
    const r = orgflow(['backtest', ...reading, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const b = JSON.parse(r.stdout);
    const row = (label: string): string[] => {
      const line = block.split('\n').find((l) => l.startsWith(`│ ${label}`));
      return (line ?? '').split('│').map((c) => c.trim());
    };
    const shown = (p: { estimate: number; pi95: [number, number] }) =>
      `${Math.round(p.estimate)} (${Math.round(p.pi95[0])} to ${Math.round(p.pi95[1])})`;
    for (const [label, key] of [
      ['Median days to production', 'p50'],
      ['85th percentile days', 'p85'],
      ['95th percentile days', 'p95'],
      ['Go-lives in the window', 'goLives'],
      ['Work in progress at its end', 'wipAtEnd'],
    ] as const) {
      const cells = row(label);
      expect(cells[2], label).toBe(shown(b.model[key]));
      expect(cells[3], label).toBe(shown(b.naive[key]));
      expect(cells[4], label).toBe(String(Math.round(b.actual[key])));
      expect(cells[5], label).toBe(b.closer[key]);
    }
    const w1 = row('Distance of cycle times');
    expect(w1[2]).toBe(b.model.cycleTimeW1.toFixed(1));
    expect(w1[3]).toBe(b.naive.cycleTimeW1.toFixed(1));
  });
});
