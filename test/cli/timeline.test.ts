/** orgflow compare with a configuration that changes during the run: its quarters, the payback, the report's section and chart. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { orgflow, outFolder, root } from './orgflow-process.js';

const reorganisation = join(root, 'scenarios', 'examples', 'reorganisation.yaml');
const centralized = join(root, 'scenarios', 'centralized.yaml');

describe('orgflow compare with a timeline', () => {
  it('prints the quarters of the changing configuration and the payback against staying, and reports them', () => {
    const dir = outFolder();
    const r = orgflow([
      'compare',
      reorganisation,
      centralized,
      '--horizon',
      '1825',
      '--reps',
      '6',
      '--out',
      dir,
      '--quiet',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Centralized, then hub and spoke quarter by quarter');
    expect(r.stdout).toMatch(/│ 730-821\s+│ Hub and spoke\s+│/);
    expect(r.stdout).toContain('Does it keep up with its demand in each period between its changes?');
    expect(r.stdout).toMatch(/Centralized, then hub and spoke, days 365 to 730,/);
    expect(r.stdout).toMatch(
      /- Centralized, then hub and spoke, from "Hub and spoke" on day 730, against Centralized \(the same use cases\):/,
    );
    const report = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(report).toContain('<section id="over-time">');
    expect(existsSync(join(dir, 'charts', 'transition.svg'))).toBe(true);
  });

  it('run prints the quarters of a scenario with a timeline', () => {
    const r = orgflow(['run', reorganisation, '--reps', '4', '--out', outFolder(), '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Centralized, then hub and spoke quarter by quarter');
    expect(r.stdout).toMatch(/│ 730-821\s+│ Hub and spoke\s+│/);
  });

  it('gives the changes, quarters and paybacks in --json', () => {
    const r = orgflow([
      'compare',
      reorganisation,
      centralized,
      '--horizon',
      '1825',
      '--reps',
      '4',
      '--out',
      outFolder(),
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.scenarios[0].timeline.changes).toEqual([{ day: 730, name: 'Hub and spoke', settledBy: 820 }]);
    expect(json.scenarios[0].timeline.quarters).toHaveLength(16);
    expect(json.scenarios[1].timeline).toBeUndefined();
    expect(json.paybacks).toHaveLength(1);
    expect(json.paybacks[0]).toMatchObject({
      variant: 'Centralized, then hub and spoke',
      baseline: 'Centralized',
      since: 730,
    });
    expect(json.paybacks[0].differences[0].goLives.estimate).toBe(0); // the same run before the change
    // the verdict is about the organisation once its last change has settled
    expect(json.scenarios[0].stability).toContain(
      '(Its trend of work in progress is read from day 1095 on, once its last change, "Hub and spoke", has settled. How busy each pool is counts from day 730, its last change of people.)',
    );
    expect(json.scenarios[1].stability).not.toContain('read from day');
    // a verdict for each period between changes: before the change, and once it has settled
    expect(
      json.scenarios[0].timeline.periods.map((p: { from: number; to: number; statement: string }) => [
        p.from,
        p.to,
        p.statement.includes(`days ${p.from} to ${p.to}`),
      ]),
    ).toEqual([
      [365, 730, true],
      [820, 1825, true],
    ]);
  });
});
