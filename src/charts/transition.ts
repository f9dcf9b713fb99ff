/**
 * A change during the run (a timeline): go-lives quarter by quarter for each configuration with
 * their 95% band, each change of the timeline marked on its day, so that the dip after a
 * change and the recovery are seen against staying as it was.
 */
import type { QuarterSummary } from '../analysis/quarters.js';
import { intervalEnds, scenarioColour, themed, type VegaLiteSpec } from './theme.js';

/** One configuration's quarters. */
export interface QuarterSeries {
  scenario: string;
  quarters: readonly QuarterSummary[];
}

export function transitionChart(
  series: readonly QuarterSeries[],
  changes: readonly { day: number; name: string }[],
): VegaLiteSpec {
  const names = series.map((s) => s.scenario);
  const rows = series.flatMap(({ scenario, quarters }) =>
    quarters.map((q) => ({
      scenario,
      day: (q.start + q.end) / 2,
      goLives: q.goLives.estimate,
      ...intervalEnds(q.goLives.estimate, q.goLives.ci95),
    })),
  );
  const x = { field: 'day', type: 'quantitative', title: 'Day of the run (each point: a quarter)' };
  return themed(
    {
      width: 600,
      height: 300,
      layer: [
        {
          data: { values: rows },
          mark: { type: 'area', opacity: 0.18 },
          encoding: {
            x,
            y: { field: 'low', type: 'quantitative', title: 'Use cases going live in the quarter' },
            y2: { field: 'high' },
            color: scenarioColour(names),
          },
        },
        {
          data: { values: rows },
          mark: { type: 'line', point: { filled: true, size: 40 }, strokeWidth: 2.5 },
          encoding: { x, y: { field: 'goLives', type: 'quantitative' }, color: scenarioColour(names) },
        },
        {
          data: { values: changes.map((c) => ({ day: c.day, name: c.name })) },
          mark: { type: 'rule', strokeDash: [6, 4], color: '#4d4d4d', strokeWidth: 1.5 },
          encoding: { x: { field: 'day', type: 'quantitative' } },
        },
        {
          data: { values: changes.map((c) => ({ day: c.day, name: c.name })) },
          mark: { type: 'text', align: 'left', dx: 5, dy: -6, fontSize: 12, color: '#4d4d4d', baseline: 'top' },
          encoding: { x: { field: 'day', type: 'quantitative' }, y: { value: 0 }, text: { field: 'name' } },
        },
      ],
    },
    'Go-lives quarter by quarter, before and after the change',
    'Mean over replications with common random numbers; band: 95% confidence interval; dashed: the change',
  );
}
