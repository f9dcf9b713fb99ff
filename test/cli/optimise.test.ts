/** orgflow optimise: the front as --json and as text, its design files, the optimise: section of a file, and clear errors. */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/index.js';
import { minimal, orgflow, outFolder } from './orgflow-process.js';

const small = ['--evaluations', '8', '--population', '4', '--first-reps', '2', '--reps', '4'];
const vary = ['--vary', 'teams.core.analyst=1..4', '--vary', 'teams.core.ml_engineer=1..3'];

describe('orgflow optimise', () => {
  it('gives the front as --json, each design with its objectives, replications and a scenario file that extends the base', () => {
    const r = orgflow(['optimise', minimal, ...vary, ...small, '--json', '--out', outFolder()]);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.objectives).toEqual(['p85', 'cost']);
    expect(json.evaluations).toBeLessThanOrEqual(8);
    expect(json.replications).toBeGreaterThanOrEqual(json.evaluations * 2);
    expect(json.seconds).toBeGreaterThan(0);
    expect(json.front.length).toBeGreaterThan(0);
    for (const d of json.front) {
      expect(Object.keys(d.design).sort()).toEqual([
        'teams.core.headcount.analyst',
        'teams.core.headcount.ml_engineer',
      ]);
      expect(d.objectives.p85.estimate).toBeGreaterThan(0);
      expect(d.objectives.p85.ci95).toHaveLength(2);
      expect(d.objectives.cost.estimate).toBe(
        d.design['teams.core.headcount.analyst'] * 100000 + d.design['teams.core.headcount.ml_engineer'] * 120000,
      );
      expect(d.replications).toBeGreaterThanOrEqual(2);
      // the file runs as the design: it extends the base with the design's counts
      expect(existsSync(d.file)).toBe(true);
      const loaded = loadScenario(d.file).spec;
      expect(loaded.teams.core.headcount).toEqual({
        analyst: d.design['teams.core.headcount.analyst'],
        ml_engineer: d.design['teams.core.headcount.ml_engineer'],
      });
    }
    // cheapest to dearest is fastest to slowest on a front of p85 against cost
    const costs = json.front.map((d: { objectives: { cost: { estimate: number } } }) => d.objectives.cost.estimate);
    const p85s = json.front.map((d: { objectives: { p85: { estimate: number } } }) => d.objectives.p85.estimate);
    expect([...p85s].sort((a, b) => a - b)).toEqual(p85s);
    expect([...costs].sort((a, b) => b - a)).toEqual(costs);
  });

  it('prints the front, each design in words, what it spent, and where the report, chart and designs are', () => {
    const out = outFolder();
    const r = orgflow(['optimise', minimal, ...vary, ...small, '--out', out, '--quiet'], 120_000, { COLUMNS: '80' });
    expect(r.code, r.stderr).toBe(0);
    const flat = r.stdout.replace(/\s+/g, ' ');
    expect(flat).toContain('The best designs found, 85th percentile days to production against people cost a year');
    expect(flat).toMatch(/1\. For [\d.,]+[Mk]? a year, /);
    expect(flat).toMatch(/NSGA-II simulated \d+ designs with \d+ replications/);
    for (const f of ['report.html', 'pareto.svg', 'pareto.png', 'front.csv', 'designs.csv'])
      expect(existsSync(join(out, 'optimise', f)), f).toBe(true);
    for (const line of r.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  it("reads the file's optimise: section, and the command line overrides it", () => {
    const dir = mkdtempSync(join(tmpdir(), 'orgflow-optimise-'));
    const file = join(dir, 'with-section.yaml');
    writeFileSync(
      file,
      `extends: ${minimal}\noptimise:\n  vary: { teams.core.analyst: 1..5 }\n  total: 4\n  objectives: [p95, cost]\n`,
    );
    const r = orgflow(['optimise', file, ...small, '--json', '--out', outFolder()]);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.objectives).toEqual(['p95', 'cost']);
    expect(json.constraints).toEqual({ total: 4, maxUtilization: 0.95 });
    expect(json.front).toHaveLength(1); // 4 people in all leave one design
    for (const d of json.front) {
      expect(Object.keys(d.design)).toEqual(['teams.core.headcount.analyst']);
      expect(d.design['teams.core.headcount.analyst']).toBe(3); // 4 people, one of them the ML engineer
    }
    const over = orgflow([
      'optimise',
      file,
      ...small,
      '--total',
      '5',
      '--objective',
      'p85,cost',
      '--json',
      '--out',
      outFolder(),
    ]);
    expect(over.code, over.stderr).toBe(0);
    expect(JSON.parse(over.stdout).objectives).toEqual(['p85', 'cost']);
    expect(JSON.parse(over.stdout).constraints).toEqual({ total: 5, maxUtilization: 0.95 });
  });

  it('says plainly when no design meets the constraints: no front, no chart, exit 0', () => {
    const out = outFolder();
    const r = orgflow(['optimise', minimal, ...vary, ...small, '--budget', '1000', '--out', out, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('No design met every constraint: no front.');
    expect(existsSync(join(out, 'optimise', 'pareto.svg'))).toBe(false);
    const json = JSON.parse(
      orgflow(['optimise', minimal, ...vary, ...small, '--budget', '1000', '--json', '--out', out]).stdout,
    );
    expect(json.front).toEqual([]);
  });

  it.each([
    [['--vary', 'teams.core.nobody=1..3'], '--vary teams.core.nobody: names no group of people in Minimal'],
    [['--vary', 'teams.core.analyst=4..1'], 'the lower bound 4 is above the upper bound 1'],
    [['--vary', 'teams.core.analyst=two..4'], 'expected path=min..max with whole numbers'],
    [
      ['--objective', 'p85,speed'],
      '"speed" is not an objective; choose two of p50, p85, p95, mean, cost, goLives, netValue',
    ],
    [['--objective', 'p85'], '--objective takes two different objectives'],
    [
      ['--reps', '1'],
      'the most replications of a design (--reps), at least the first (--first-reps), must be a whole number of at least 2, got 1',
    ],
    [[...vary, '--total', '99'], '--total 99: Minimal can have from 2 to 7 people within its ranges'],
  ])('refuses %j with a message that names it, and no stack trace', (extra, message) => {
    const r = orgflow(['optimise', minimal, ...small, ...extra, '--out', outFolder()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
