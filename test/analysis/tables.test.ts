import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromArrow, fromCSV, fromJSON } from 'arquero';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  compareScenarios,
  comparisonTable,
  flowTable,
  groupTable,
  itemsTable,
  keptAllItems,
  replicationsTable,
  summariseExperiment,
  summaryTable,
  throughputTable,
  timeSplitTable,
  utilizationTable,
  writeResultsBundle,
} from '../../src/analysis/index.js';
import { runExperiment, type ExperimentResult } from '../../src/experiment/index.js';
import { validateScenario } from '../../src/scenario/index.js';
import { poolingScenario } from '../support/small-scenarios.js';

/** One row of an arquero table, as a filter sees it. */
type Row = Record<string, unknown>;

let experiment: ExperimentResult;
beforeAll(async () => {
  const scenarios = (['pooled', 'fragmented'] as const).map((s) => ({
    name: s,
    spec: validateScenario(poolingScenario(s, 1)).spec,
    hash: `hash-${s}`,
    files: [join(process.cwd(), `${s}.yaml`)],
  }));
  experiment = await runExperiment(scenarios, { replications: 3, workers: 1, seed: 6, keepItems: true });
});

describe('tables', () => {
  it('hold every use case of every replication, and one row per replication', () => {
    const items = itemsTable(experiment);
    const total = experiment.scenarios.reduce(
      (s, x) => s + x.replications.reduce((t, r) => t + (r.items ?? []).length, 0),
      0,
    );
    expect(items.numRows()).toBe(total);
    expect(items.columnNames()).toContain('time_to_production');
    expect(replicationsTable(experiment).numRows()).toBe(6);
  });

  it('need every use case kept for the use-case table, and say so when they were not', async () => {
    const lean = await runExperiment([{ name: 'pooled', spec: validateScenario(poolingScenario('pooled', 1)).spec }], {
      replications: 2,
      workers: 1,
      seed: 6,
    });
    expect(lean.scenarios[0].replications.every((r) => r.items === undefined)).toBe(true);
    expect(keptAllItems(lean)).toBe(false);
    expect(keptAllItems(experiment)).toBe(true);
    expect(() => itemsTable(lean)).toThrow(
      new RangeError("itemsTable needs every use case's record: run the experiment with keepItems: true"),
    );
    expect(replicationsTable(lean).numRows()).toBe(2);
  });

  it('summarise each metric with its confidence interval, by domain and by type', () => {
    const summaries = summariseExperiment(experiment);
    const summary = summaryTable(summaries);
    expect(summary.columnNames()).toEqual(['scenario', 'metric', 'estimate', 'ci_low', 'ci_high', 'at_least']);
    const row = summary
      .filter((d: Row) => d.scenario === 'pooled' && d.metric === 'time_to_production_p85')
      .object() as Record<string, number>;
    expect(row.estimate).toBeCloseTo(summaries[0].timeToProduction.p85.estimate as number, 12);
    expect(row.ci_low).toBeLessThan(row.estimate);
    expect(
      groupTable(summaries, 'domain')
        .filter((d: Row) => d.statistic === 'p50')
        .numRows(),
    ).toBe(8); // 2 scenarios x 4 domains
    expect(groupTable(summaries, 'type').columnNames()).toEqual([
      'scenario',
      'type',
      'statistic',
      'estimate',
      'ci_low',
      'ci_high',
      'at_least',
    ]);
    expect(utilizationTable(summaries).numRows()).toBe(2 + 8 + 4 + 4); // pooled: 2 pools + 4 SME pools; fragmented: 8 + 4
    expect(
      timeSplitTable(summaries)
        .filter((d: Row) => d.part === 'waiting_for_role')
        .numRows(),
    ).toBeGreaterThan(0);
  });

  it('give flow over time and go-lives per quarter', () => {
    const flow = flowTable(experiment);
    expect(flow.columnNames()).toEqual([
      'scenario',
      'day',
      'arrived',
      'live',
      'abandoned',
      'in_w',
      'models_in_production',
    ]);
    const live = flow.filter((d: Row) => d.scenario === 'pooled').array('live') as number[];
    expect(live.every((x, i) => i === 0 || x >= live[i - 1])).toBe(true);
    expect(throughputTable(experiment).numRows()).toBe(2 * Math.floor((1500 - 200) / (365 / 4))); // complete quarters
  });
});

describe('results bundle', () => {
  it('writes CSV, JSON and Arrow that read back, and a manifest to reproduce the run', () => {
    const dir = mkdtempSync(join(tmpdir(), 'orgflow-bundle-'));
    const summaries = summariseExperiment(experiment);
    const tables = {
      summary: summaryTable(summaries),
      comparisons: comparisonTable(compareScenarios(experiment, 0, 1)),
    };
    const manifest = writeResultsBundle(dir, experiment, tables);
    expect(readdirSync(dir).sort()).toEqual([
      'comparisons.arrow',
      'comparisons.csv',
      'comparisons.json',
      'manifest.json',
      'summary.arrow',
      'summary.csv',
      'summary.json',
    ]);
    const original = tables.summary;
    expect(fromCSV(readFileSync(join(dir, 'summary.csv'), 'utf8')).numRows()).toBe(original.numRows());
    expect(fromJSON(readFileSync(join(dir, 'summary.json'), 'utf8')).array('metric')).toEqual(original.array('metric'));
    expect(fromArrow(readFileSync(join(dir, 'summary.arrow'))).array('estimate')).toEqual(original.array('estimate'));
    const written = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(written).toEqual(manifest);
    expect(written.seed).toBe(6);
    expect(written.replications).toBe(3);
    expect(written.orgflowVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect(written.scenarios[0]).toEqual({
      name: 'pooled',
      hash: 'hash-pooled',
      files: ['pooled.yaml'],
      replicationSeeds: experiment.scenarios[0].replications.map((r) => r.seed),
    });
  });
});
