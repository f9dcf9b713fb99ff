/**
 * Cumulative flow: use cases arrived over time, split into those done (live or abandoned),
 * in each loop, and not started yet. The top line is cumulative arrivals; the thickness of a
 * band is the work in progress in that stage. From the flow series averaged over replications
 * (meanFlowSeries); one panel per configuration.
 */
import type { MeanFlowSeries } from '../analysis/over-time.js';
import { OTHER_PALETTE, themed, type VegaLiteSpec } from './theme.js';

const STAGE_COLOURS = OTHER_PALETTE;

export function cumulativeFlowChart(flows: readonly MeanFlowSeries[]): VegaLiteSpec {
  const names = flows.map((f) => f.scenario);
  const loops = Object.keys(flows[0]?.inLoop ?? {});
  const stages = ['Done (live or abandoned)', ...[...loops].reverse().map((l) => `In ${l} loop`), 'Not started'];
  const rows: Record<string, unknown>[] = [];
  for (const flow of flows) {
    flow.time.forEach((day, k) => {
      const done = flow.live[k] + flow.abandoned[k];
      const inLoops = loops.map((l) => flow.inLoop[l][k]);
      const waiting = flow.arrived[k] - done - inLoops.reduce((a, b) => a + b, 0);
      const values = [done, ...[...inLoops].reverse(), Math.max(0, waiting)];
      values.forEach((count, order) => {
        rows.push({ scenario: flow.scenario, day, stage: stages[order], order, count });
      });
    });
  }
  return themed(
    {
      data: { values: rows },
      facet: { column: { field: 'scenario', type: 'nominal', title: null, sort: names } },
      spec: {
        width: 260,
        height: 240,
        mark: { type: 'area', interpolate: 'monotone' },
        encoding: {
          x: { field: 'day', type: 'quantitative', title: 'Day' },
          y: { field: 'count', type: 'quantitative', title: 'Use cases (cumulative)', stack: 'zero' },
          color: {
            field: 'stage',
            type: 'nominal',
            title: null,
            sort: stages,
            scale: { domain: stages, range: STAGE_COLOURS.slice(0, stages.length) },
          },
          order: { field: 'order', type: 'quantitative' },
        },
      },
    },
    'Cumulative flow of use cases',
    'Top edge: use cases asked for so far; band thickness: work in progress in that stage (mean over replications)',
  );
}
