/**
 * The experiment over time is averaged once, in analysis: go-lives per quarter and the flow
 * series, mean over replications; the tables and the charts show those same numbers.
 */
import { describe, expect, it } from 'vitest';
import { flowTable, meanFlowSeries, quarterlyThroughput, throughputTable } from '../../src/analysis/index.js';
import { cumulativeFlowChart, throughputChart } from '../../src/charts/index.js';
import type { ExperimentResult } from '../../src/experiment/index.js';
import type { FlowSeries } from '../../src/model/index.js';

/** A replication with only what the averages read: go-lives per quarter and the flow series. */
const replication = (throughputByQuarter: number[], flow: FlowSeries) => ({ metrics: { throughputByQuarter }, flow });

const flow = (arrived: number[], live: number[], abandoned: number[], design: number[]): FlowSeries => ({
  time: [0, 7, 14],
  arrived,
  live,
  abandoned,
  inLoop: { design },
  inProduction: live,
});

const experiment = {
  seed: 1,
  replications: 2,
  commonRandomNumbers: true,
  scenarios: [
    {
      name: 'A',
      replications: [
        replication([3, 5], flow([1, 4, 6], [0, 1, 2], [0, 0, 1], [1, 2, 2])),
        replication([4, 6], flow([2, 4, 8], [0, 2, 4], [0, 1, 1], [2, 1, 1])),
      ],
    },
    { name: 'B', replications: [] },
  ],
} as unknown as ExperimentResult;

describe('the experiment over time', () => {
  it('gives the go-lives of each quarter as the mean over replications, per configuration in order', () => {
    expect(quarterlyThroughput(experiment)).toEqual([
      { scenario: 'A', goLives: [3.5, 5.5] },
      { scenario: 'B', goLives: [] },
    ]);
  });

  it('averages every flow series sample by sample, and leaves a configuration without replications empty', () => {
    const [a, b] = meanFlowSeries(experiment);
    expect(a).toEqual({
      scenario: 'A',
      time: [0, 7, 14],
      arrived: [1.5, 4, 7],
      live: [0, 1.5, 3],
      abandoned: [0, 0.5, 1],
      inLoop: { design: [1.5, 1.5, 1.5] },
      inProduction: [0, 1.5, 3],
    });
    expect(b).toEqual({
      scenario: 'B',
      time: [],
      arrived: [],
      live: [],
      abandoned: [],
      inLoop: {},
      inProduction: [],
    });
  });

  it('puts the same go-lives per quarter in the table and in the chart', () => {
    const table = throughputTable(experiment).objects() as { scenario: string; quarter: number; go_lives: number }[];
    expect(table).toEqual([
      { scenario: 'A', quarter: 1, go_lives: 3.5 },
      { scenario: 'A', quarter: 2, go_lives: 5.5 },
    ]);
    const chart = throughputChart(quarterlyThroughput(experiment)) as { data: { values: unknown[] } };
    expect(chart.data.values).toEqual(
      table.map((r) => ({ scenario: r.scenario, quarter: r.quarter, goLives: r.go_lives })),
    );
  });

  it('draws the cumulative flow from the averaged series the flow table holds', () => {
    const table = flowTable(experiment).objects() as Record<string, number>[];
    expect(table.map((r) => r.in_design)).toEqual([1.5, 1.5, 1.5]);
    const chart = cumulativeFlowChart(meanFlowSeries(experiment)) as {
      data: { values: { day: number; stage: string; count: number }[] };
    };
    const at = (day: number, stage: string) => chart.data.values.find((v) => v.day === day && v.stage === stage)?.count;
    // day 14: 7 arrived, 3 live + 1 abandoned done, 1.5 in design, 1.5 not started
    expect(at(14, 'Done (live or abandoned)')).toBe(4);
    expect(at(14, 'In design loop')).toBe(1.5);
    expect(at(14, 'Not started')).toBe(1.5);
  });
});
