/**
 * What the terminal shows: no line wider than COLUMNS, a table by domain on request, one
 * replication without NaN, sensitivity levers in words, money in the scenario's currency,
 * and the break-even of a what-if that adds people.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { minimal, orgflow, outFolder } from './orgflow-process.js';

const widest = (text: string): number => Math.max(...text.split('\n').map((l) => stringWidth(l)));
const valued = ['--set', 'use_case_types.report.value_per_year=400000'];

describe('the terminal', () => {
  it('fits every line of compare, with what-ifs and a table by domain, within COLUMNS=80', () => {
    const r = orgflow(
      [
        'compare',
        minimal,
        ...valued,
        '--whatif',
        'More analysts: teams.core.analyst=3',
        '--by',
        'domain',
        '--reps',
        '4',
        '--out',
        outFolder(),
        '--quiet',
      ],
      120_000,
      { COLUMNS: '80' },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(widest(r.stdout)).toBeLessThanOrEqual(80);
    expect(r.stdout).toContain('Days to production by domain');
    expect(r.stdout).toMatch(/│ sales\s+│ Minimal/);
    expect(r.stdout).toContain('Value and cost a year');
    // without COLUMNS and with no terminal, a sentence stays on one line
    const piped = orgflow(['compare', minimal, '--reps', '3', '--out', outFolder(), '--quiet']);
    expect(piped.stdout).toMatch(/^Days from request to production .* not reached within the run:$/m);
  });

  it('fits run, sweep and sensitivity within COLUMNS=60, the levers named in words', () => {
    const env = { COLUMNS: '60' };
    const run = orgflow(['run', minimal, '--reps', '3', '--out', outFolder(), '--quiet'], 120_000, env);
    expect(run.code, run.stderr).toBe(0);
    expect(widest(run.stdout)).toBeLessThanOrEqual(60);
    const sweep = orgflow(
      ['sweep', minimal, '--vary', 'teams.core.analyst=2,3', '--reps', '3', '--out', outFolder(), '--quiet'],
      120_000,
      env,
    );
    expect(sweep.code, sweep.stderr).toBe(0);
    expect(widest(sweep.stdout)).toBeLessThanOrEqual(60);
    // at 8 use cases a month one analyst fewer overloads the team: a warning for that setting
    const eight = ['--set', 'domains.sales.demand.report=8'];
    const levers = orgflow(['sensitivity', minimal, ...eight, '--reps', '3', '--out', outFolder()], 120_000, env);
    expect(levers.code, levers.stderr).toBe(0);
    expect(widest(levers.stdout)).toBeLessThanOrEqual(60);
    // the warnings of the lever settings on stderr too
    expect(levers.stderr).toContain('analysts in the core set to 1: warning');
    expect(widest(levers.stderr)).toBeLessThanOrEqual(60);
    expect(levers.stdout.replace(/\s*│\s*/g, ' ')).toContain('analysts in the core');
  });

  it('says there is no interval from one replication, and prints no NaN', () => {
    const r = orgflow(['compare', minimal, ...valued, '--reps', '1', '--out', outFolder(), '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/NaN/);
    expect(r.stdout).toContain('1 replication each');
    expect(r.stdout).toContain('no interval from one replication');
  });
});

describe('money', () => {
  it("shows every money figure in the scenario's currency", () => {
    const r = orgflow([
      'compare',
      minimal,
      ...valued,
      '--set',
      'currency=EUR',
      '--whatif',
      'More analysts: teams.core.analyst=3',
      '--reps',
      '3',
      '--out',
      outFolder(),
      '--quiet',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Cost per go-live (EUR)');
    expect(r.stdout).toContain('Net value a year (EUR)');
    expect(r.stdout).toMatch(/costs 100,000 EUR a year more in people than Minimal/);
    const json = JSON.parse(
      orgflow(['compare', minimal, '--set', 'currency=€', '--reps', '3', '--out', outFolder(), '--json']).stdout,
    );
    expect(json.scenarios[0].currency).toBe('€');
  });

  it('shows no cost where the scenario gives none, rather than 0, and still draws the report', () => {
    const free = ['--set', 'roles.analyst.cost_per_year=0', '--set', 'roles.ml_engineer.cost_per_year=0'];
    const r = orgflow(['compare', minimal, ...free, '--reps', '3', '--out', outFolder(), '--json']);
    expect(r.code, r.stderr).toBe(0);
    const [s] = JSON.parse(r.stdout).scenarios;
    expect([s.costPerGoLive.estimate, s.peopleCostPerYear.estimate]).toEqual([null, null]);
  });

  it('refuses to compare scenarios of different currencies', () => {
    const dir = outFolder();
    const dollars = join(dir, 'dollars.yaml');
    writeFileSync(dollars, `extends: ${minimal}\nname: In dollars\ncurrency: USD\n`);
    const r = orgflow(['compare', minimal, dollars, '--reps', '2', '--out', dir, '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('different currencies (Minimal: none, In dollars: USD)');
  });

  it('gives the break-even of a what-if that adds people, in words and in --json', () => {
    const r = orgflow([
      'compare',
      minimal,
      ...valued,
      '--whatif',
      'More analysts: teams.core.analyst=3',
      '--reps',
      '4',
      '--out',
      outFolder(),
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const [b] = JSON.parse(r.stdout).breakEvens;
    expect(b).toMatchObject({
      baseline: 'Minimal',
      variant: 'More analysts',
      extraCostPerYear: 100000,
      replications: 4,
    });
    expect(b.curve).toHaveLength(13);
    expect(b.statement).toMatch(/^More analysts costs 100,000 a year more in people than Minimal; the value it brings/);
  });
});
