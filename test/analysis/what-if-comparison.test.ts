/**
 * What-ifs against their baseline, with common random numbers: a what-if that changes
 * nothing differs by exactly zero in every replication; one that adds people to the
 * bottleneck shortens time to production, clearly; variants carry their baseline and
 * assignments, and a what-if that does not fit a scenario is refused naming it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { compareWhatIfs, type WhatIfComparison, whatIfRows, whatIfTable } from '../../src/analysis/index.js';
import { runExperiment, whatIfScenarios, type WhatIfScenario } from '../../src/experiment/index.js';
import { loadScenario, parseWhatIf, ScenarioError } from '../../src/scenario/index.js';
import { minimal } from '../cli/orgflow-process.js';

let scenarios: WhatIfScenario[];
let comparisons: WhatIfComparison[];
beforeAll(async () => {
  // eight reports a month keep the two analysts busy about 70% of the time: they are the bottleneck
  const base = loadScenario(minimal, { set: ['domains.sales.demand.report=8'] }).spec;
  scenarios = whatIfScenarios(
    [{ name: 'Base', spec: base }],
    [parseWhatIf('Same again: teams.core.analyst=2'), parseWhatIf('More people: teams.core.analyst=4')],
  );
  const experiment = await runExperiment(scenarios, { replications: 12, seed: 3, workers: 1 });
  comparisons = compareWhatIfs(experiment, scenarios);
}, 120_000);

describe('what-ifs against their baseline', () => {
  it('are variants named after the what-if, carrying their baseline and assignments', () => {
    expect(scenarios.map((s) => s.name)).toEqual(['Base', 'Same again', 'More people']);
    expect(scenarios[2].whatif).toMatchObject({ name: 'More people', baseline: 'Base' });
    expect(scenarios[0].whatif).toBeUndefined();
  });

  it('differ by exactly zero where nothing changed (common random numbers)', () => {
    const same = comparisons.filter((c) => c.variant === 'Same again' && Number.isFinite(c.difference));
    expect(same.length).toBeGreaterThan(5);
    for (const c of same) {
      expect(c.difference, c.metric).toBe(0);
      expect(c.better).toBeNull();
    }
  });

  it('show more people shortening the time to production, overall and in the domain, variant less baseline', () => {
    const p85 = comparisons.find((c) => c.variant === 'More people' && c.metric === 'timeToProduction.p85');
    expect(p85).toMatchObject({ baseline: 'Base', variant: 'More people', domain: null, a: 'More people', b: 'Base' });
    expect(p85?.ci95[1]).toBeLessThan(0);
    expect(p85?.better).toBe('More people');
    const domains = comparisons.filter((c) => c.variant === 'More people' && c.domain !== null);
    expect(domains.length).toBeGreaterThan(0);
    expect(comparisons.some((c) => c.metric === 'unfinishedShare')).toBe(true);
  });

  it('read as a table, a row per comparison, the domain empty for the whole organisation', () => {
    const t = whatIfTable(comparisons);
    expect(t.numRows()).toBe(comparisons.length);
    expect(t.columnNames()).toEqual([
      'what_if',
      'baseline',
      'domain',
      'metric',
      'label',
      'unit',
      'difference',
      'ci_low',
      'ci_high',
      'clear',
    ]);
    const row = comparisons.findIndex((c) => c.variant === 'More people' && c.metric === 'timeToProduction.p85');
    expect(t.get('domain', row)).toBe('');
    expect(t.get('unit', row)).toBe('days');
    expect(t.get('difference', row)).toBe(comparisons[row].difference);
    expect(t.get('clear', row)).toBe(true);
  });

  it('name each variant by its baseline too when there are several baselines, and refuse one that does not fit', () => {
    const base = loadScenario(minimal).spec;
    const two = whatIfScenarios(
      [
        { name: 'A', spec: base },
        { name: 'B', spec: base },
      ],
      [parseWhatIf('Later: horizon_days=800')],
    );
    expect(two.map((s) => s.name)).toEqual(['A', 'B', 'Later (A)', 'Later (B)']);
    expect(() => whatIfScenarios([{ name: 'A', spec: base }], [parseWhatIf('Bad: teams.nobody.x=1')])).toThrow(
      ScenarioError,
    );
  });
});

describe('what-if rows for a table', () => {
  const comparison = (metric: string, difference: number, ci95: [number, number], unit: string): WhatIfComparison => ({
    a: 'More',
    b: 'Base',
    metric,
    label: metric,
    unit,
    difference,
    ci95,
    ratio: 1,
    ratioCi95: [1, 1],
    better: ci95[0] > 0 || ci95[1] < 0 ? 'More' : null,
    statement: '',
    replications: 3,
    caveat: null,
    baseline: 'Base',
    variant: 'More',
    domain: null,
  });

  it('give each what-if its differences, clear or not, under headers that name the currency', () => {
    const { columns, rows } = whatIfRows([
      comparison('timeToProduction.p85', -12, [-18, -6], 'days'),
      comparison('unfinishedShare', 0.01, [-0.002, 0.02], ''),
      comparison('costPerGoLive', 1500, [1000, 2000], 'EUR'),
      { ...comparison('timeToProduction.p85', -1, [-2, 0.5], 'days'), domain: 'sales' },
    ]);
    expect(columns.map((c) => c.header)).toEqual([
      '85th percentile days',
      'Cost per go-live (EUR)',
      'Still open at the end',
    ]);
    expect(rows).toEqual([
      {
        variant: 'More',
        baseline: 'Base',
        cells: [
          { text: '-12 (-18 to -6)', clear: true },
          { text: '+1,500 (+1,000 to +2,000)', clear: true },
          { text: '~ +1.0 pts (-0.2 to +2.0)', clear: false },
        ],
      },
    ]);
    // no currency named: no unit in the header
    expect(whatIfRows([comparison('costPerGoLive', 1, [0.5, 2], 'money')]).columns[0].header).toBe('Cost per go-live');
  });
});
