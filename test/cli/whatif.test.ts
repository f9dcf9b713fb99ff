/** orgflow compare --whatif: named variants of each scenario, compared with it replication by replication. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { minimal, orgflow, outFolder } from './orgflow-process.js';

const whatIf = 'More analysts: teams.core.analyst=4; domains.sales.demand.report=2';

describe('orgflow compare --whatif', () => {
  it('prints each what-if less its baseline, with intervals, overall and by domain', () => {
    const dir = outFolder();
    const r = orgflow(['compare', minimal, '--whatif', whatIf, '--reps', '6', '--out', dir, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Each what-if against its baseline: the what-if less the baseline');
    // the report shows the what-if's own figures beside its baseline's, and the what-if section
    const report = readFileSync(join(dir, 'report.html'), 'utf8');
    const numbers = report.slice(report.indexOf('id="metrics"'), report.indexOf('id="by-domain"'));
    expect(numbers).toContain('<th scope="row">More analysts</th>');
    expect(numbers).toContain('<th scope="row">Minimal</th>');
    expect(report).toContain('<section id="what-ifs">');
    expect(r.stdout).toMatch(/│ More analysts\s+│ Minimal\s+│/);
    expect(r.stdout).toContain('85th percentile days to production by domain');
    expect(r.stdout).toMatch(
      /- (No clear difference on|More analysts is better on|Minimal is better on) 85th percentile/,
    );
  });

  it('gives the variants their baseline and assignments in --json, and comparisons their baseline and variant', () => {
    const r = orgflow(['compare', minimal, '--whatif', whatIf, '--reps', '4', '--out', outFolder(), '--json']);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.scenarios.map((s: { name: string }) => s.name)).toEqual(['Minimal', 'More analysts']);
    expect(json.scenarios[1].whatif).toEqual({
      name: 'More analysts',
      baseline: 'Minimal',
      assignments: ['teams.core.analyst=4', 'domains.sales.demand.report=2'],
    });
    expect(json.scenarios[0].whatif).toBeUndefined();
    const p85 = json.comparisons.find(
      (c: { metric: string; domain: string | null }) => c.metric === 'timeToProduction.p85',
    );
    expect(p85).toMatchObject({ baseline: 'Minimal', variant: 'More analysts', domain: null });
    expect(json.comparisons.some((c: { domain: string | null }) => c.domain === 'sales')).toBe(true);
  });

  it('says there is no interval from one replication, and keeps the comparisons of the scenarios given', () => {
    const r = orgflow([
      'compare',
      minimal,
      minimal,
      '--whatif',
      whatIf,
      '--reps',
      '1',
      '--out',
      outFolder(),
      '--quiet',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('(no interval from one replication)');
    expect(r.stdout).not.toContain('NaN');
    const json = JSON.parse(
      orgflow(['compare', minimal, '--whatif', whatIf, '--reps', '2', '--out', outFolder(), '--json']).stdout,
    );
    expect(json.baselineComparisons).toEqual([]);
    // the scenario has no value_per_year: no value comparison, rather than one "not reached"
    expect(json.comparisons.some((c: { metric: string }) => c.metric === 'valuePerYear')).toBe(false);
  });

  it.each([
    ['with no name', 'teams.core.analyst=4', /does not start with a name and a colon/],
    [
      'that does not fit the scenario',
      'Hire: teams.nowhere.analyst=4',
      /--whatif teams.nowhere.analyst: there is no "nowhere" under teams \(in Hire\)/,
    ],
  ])('refuses a what-if %s with exit 2 and no stack trace', (_what, text, message) => {
    const r = orgflow(['compare', minimal, '--whatif', text, '--reps', '2', '--out', outFolder()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
