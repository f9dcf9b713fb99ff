/**
 * Every chart: its spec compiles with vega-lite without a warning, and renders to an SVG
 * with the expected marks and labels. The data is a small real experiment.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  meanFlowSeries,
  quarterlyThroughput,
  summariseExperiment,
  type ScenarioSummary,
} from '../../src/analysis/index.js';
import * as charts from '../../src/charts/index.js';
import {
  runExperiment,
  runSensitivity,
  runSweep,
  parseSweepParameter,
  type ExperimentResult,
  type SensitivityResult,
  type SweepResult,
} from '../../src/experiment/index.js';
import { validateScenario } from '../../src/scenario/index.js';
import { poolingScenario } from '../support/small-scenarios.js';

let experiment: ExperimentResult;
let summaries: ScenarioSummary[];
let sensitivity: SensitivityResult;
let sweep: SweepResult;
const pooled = { name: 'Pooled team', spec: validateScenario(poolingScenario('pooled', 1)).spec };
const fragmented = { name: 'Team per domain', spec: validateScenario(poolingScenario('fragmented', 1)).spec };

beforeAll(async () => {
  experiment = await runExperiment([pooled, fragmented], {
    replications: 4,
    workers: 1,
    seed: 3,
    keepLogs: true,
    keepItems: true,
  });
  summaries = summariseExperiment(experiment);
  sensitivity = await runSensitivity(pooled, { replications: 3, workers: 1, seed: 3 });
  sweep = await runSweep(pooled, [parseSweepParameter('teams.central.engineer=3..5')], { replications: 3, workers: 1 });
}, 120_000);

async function check(spec: charts.VegaLiteSpec, marks: string[], labels: string[]): Promise<string> {
  const { warnings } = await charts.compileChart(spec);
  expect(warnings).toEqual([]);
  const svg = await charts.renderSvg(spec);
  expect(svg.startsWith('<svg')).toBe(true);
  for (const mark of marks) expect(svg, `mark ${mark}`).toMatch(new RegExp(`class="mark-${mark} role-mark`));
  for (const label of labels) expect(svg, `label ${label}`).toContain(label);
  return svg;
}

describe('charts compile without warnings and draw their marks and labels', () => {
  it('time to production: ECDF with median and p85 marked', async () => {
    await check(
      charts.timeToProductionChart(experiment, summaries),
      ['line', 'symbol'],
      [
        'Time to production',
        'Days from request to production',
        'Share of go-lives live',
        'Pooled team',
        'Team per domain',
        '85th percentile',
      ],
    );
  });

  it('time to production: box plot per configuration', async () => {
    await check(
      charts.timeToProductionBoxChart(experiment, summaries),
      ['rect', 'rule', 'text'],
      ['Time to production per configuration', 'Pooled team'],
    );
  });

  it('configurations compared: point and interval per metric', async () => {
    await check(
      charts.comparisonChart(summaries),
      ['symbol', 'rule'],
      ['Configurations compared', 'Median time to production (days)', 'Go-lives per year', 'Cost per go-live'],
    );
  });

  it('where the time goes: stacked bars with waiting per role', async () => {
    const svg = await check(
      charts.timeSplitChart(summaries),
      ['rect'],
      ['Where the time goes', 'Work', 'Waiting for engineer', 'Handovers', 'Mean days per use case that went live'],
    );
    expect(svg).toMatch(/Work and rework are \d+%/);
  });

  it('cumulative flow', async () => {
    await check(
      charts.cumulativeFlowChart(meanFlowSeries(experiment)),
      ['area'],
      ['Cumulative flow of use cases', 'Done (live or abandoned)', 'In w loop', 'Not started', 'Team per domain'],
    );
  });

  it('utilization heatmap with percentages', async () => {
    await check(
      charts.utilizationChart(summaries),
      ['rect', 'text'],
      ['Utilisation by role and team', 'engineer', 'central', '%'],
    );
  });

  it('throughput over time and abandonment', async () => {
    await check(
      charts.throughputChart(quarterlyThroughput(experiment)),
      ['line'],
      ['Throughput over time', 'Use cases going live per quarter'],
    );
    await check(
      charts.abandonmentChart(summaries),
      ['rect', 'rule', 'text'],
      ['Abandonment', 'Share of finished use cases abandoned'],
    );
  });

  it('tornado from sensitivity results', async () => {
    await check(
      charts.tornadoChart(sensitivity),
      ['rect', 'rule'],
      ['Which lever matters most: Pooled team', 'engineers in the central (down: 3, up: 5)', 'Lever down', 'Lever up'],
    );
  });

  it('tornado with long lever names cuts none short', async () => {
    const long = 'handover delays between a domain and the centre, or two domains';
    const levers = sensitivity.levers.map((l, k) => (k === 0 ? { ...l, label: long } : l));
    const svg = await charts.renderSvg(charts.tornadoChart({ ...sensitivity, levers }));
    expect(svg).toContain(long);
    expect(svg).not.toContain('…');
  });

  it('sweep with its confidence band', async () => {
    await check(
      charts.sweepChart([{ name: 'Pooled team', sweep }], 'teams.central.engineer', 'p85', 'engineers'),
      ['area', 'line'],
      ['as engineers changes', '85th percentile time to production (days)'],
    );
  });

  it("one use case's journey in swimlanes", async () => {
    const replication = experiment.scenarios[0].replications[0];
    const item = replication.items!.find((i) => i.outcome === 'live')!.id;
    await check(
      charts.journeyChart(replication.log!, item),
      ['rect'],
      [`Journey of use case ${item}`, 'central', 'Day'],
    );
    expect(() => charts.journeyChart(replication.log!, -1)).toThrow('use case -1 has no activity in this log');
  });

  it('render to PNG with text drawn (a non-trivial image)', async () => {
    const png = await charts.svgToPng(await charts.renderSvg(charts.abandonmentChart(summaries)));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.length).toBeGreaterThan(10_000);
  });

  it("keep the configurations' colours for configurations: anything else is drawn from another palette", () => {
    const specs = {
      timeSplit: charts.timeSplitChart(summaries),
      cumulativeFlow: charts.cumulativeFlowChart(meanFlowSeries(experiment)),
      tornado: charts.tornadoChart(sensitivity),
      journey: charts.journeyChart(
        experiment.scenarios[0].replications[0].log!,
        experiment.scenarios[0].replications[0].items!.find((i) => i.outcome === 'live')!.id,
      ),
    };
    const offending: string[] = [];
    const walk = (node: unknown, where: string): void => {
      if (Array.isArray(node)) {
        for (const [k, x] of node.entries()) walk(x, `${where}[${k}]`);
      } else if (node !== null && typeof node === 'object') {
        const o = node as Record<string, unknown>;
        const range = (o.scale as { range?: unknown } | undefined)?.range;
        if (o.field !== 'scenario' && Array.isArray(range))
          for (const c of range) if (charts.PALETTE.includes(c as string)) offending.push(`${where}: ${c}`);
        if (typeof o.color === 'string' && charts.PALETTE.includes(o.color)) offending.push(`${where}: ${o.color}`);
        for (const [k, v] of Object.entries(o)) walk(v, `${where}.${k}`);
      }
    };
    for (const [name, spec] of Object.entries(specs)) walk(spec, name);
    expect(offending).toEqual([]);
    // far apart, not merely different: at least 80 in RGB (0 to 255 per channel) from every configuration colour
    const rgb = (hex: string) => [1, 3, 5].map((k) => Number.parseInt(hex.slice(k, k + 2), 16));
    const distance = (a: string, b: string) => Math.hypot(...rgb(a).map((x, k) => x - rgb(b)[k]));
    for (const other of charts.OTHER_PALETTE)
      for (const own of charts.PALETTE) expect(distance(other, own), `${other} ~ ${own}`).toBeGreaterThanOrEqual(80);
  });

  it('give each configuration the same colour in every chart', () => {
    const colour = charts.scenarioColour(['Pooled team', 'Team per domain']) as { scale: { range: string[] } };
    expect(colour.scale.range).toEqual([charts.PALETTE[0], charts.PALETTE[1]]);
    expect(JSON.stringify(charts.comparisonChart(summaries))).toContain(JSON.stringify(colour.scale));
    expect(JSON.stringify(charts.timeToProductionChart(experiment, summaries))).toContain(JSON.stringify(colour.scale));
  });
});
