/** orgflow sweep: every point against a reference point, paired over the same replications. */
import { describe, expect, it } from 'vitest';
import { minimal, orgflow, outFolder } from './orgflow-process.js';

const args = ['sweep', minimal, '--vary', 'teams.core.analyst=2..4', '--set', 'domains.sales.demand.report=6'];

describe('orgflow sweep against a reference point', () => {
  it('prints each point less the reference, the reference marked, the first by default', () => {
    const r = orgflow([...args, '--reps', '6', '--out', outFolder(), '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Each point against the reference (teams.core.analyst=2)');
    expect(r.stdout).toMatch(/│ 2\s+│.*│ reference\s+│/);
    expect(r.stdout).toContain('p85 vs reference');
  });

  it('takes --reference, and gives each point its paired difference in --json, narrower than the points apart', () => {
    const r = orgflow([...args, '--reps', '8', '--out', outFolder(), '--reference', '3', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.reference).toEqual({ 'teams.core.analyst': 3 });
    const [two, three, four] = json.points;
    expect(three.againstReference).toBeNull();
    const paired = four.againstReference.throughputPerYear;
    expect(paired.difference).toBeCloseTo(four.throughputPerYear.estimate - three.throughputPerYear.estimate, 6);
    // common random numbers: the difference is known better than either point
    const width = (ci: [number, number]) => ci[1] - ci[0];
    expect(width(paired.ci95)).toBeLessThan(width(four.throughputPerYear.ci95));
    expect(two.againstReference['timeToProduction.p85'].better).toBe('reference'); // fewer analysts: slower
  });

  it('reads 3.0 as the point 3', () => {
    const r = orgflow([...args, '--reps', '2', '--out', outFolder(), '--reference', '3.0', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).reference).toEqual({ 'teams.core.analyst': 3 });
  });

  it('refuses a reference no point has before the sweep runs, naming the parameters', () => {
    // 20,000 replications would take minutes: the check must come first (the run is given 30 s)
    const r = orgflow([...args, '--reps', '20000', '--out', outFolder(), '--reference', '9'], 30_000);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--reference 9: no point of the sweep has these values');
    expect(r.stderr).toContain('teams.core.analyst');
  });
});
