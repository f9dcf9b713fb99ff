/** Utilization heatmap: role x team, one panel per configuration, with the share written in each cell. */
import type { ScenarioSummary } from '../analysis/experiment-summary.js';
import { UTILIZATION_OUTPUT_NAME as FIELD } from '../analysis/tables.js';
import { humanise, themed, type VegaLiteSpec } from './theme.js';

export function utilizationChart(summaries: readonly ScenarioSummary[]): VegaLiteSpec {
  const names = summaries.map((s) => s.name);
  const rows = summaries.flatMap((s) =>
    Object.entries(s.utilization).map(([key, utilization]) => {
      const [team, role] = key.split('/');
      return { scenario: s.name, team: humanise(team), role: humanise(role), [FIELD]: utilization };
    }),
  );
  const roles = [...new Set(rows.map((r) => r.role))].sort();
  const panel = (name: string) => ({
    title: { text: name, fontSize: 13 },
    width: { step: 34 },
    height: { step: 26 },
    data: { values: rows.filter((r) => r.scenario === name) },
    encoding: {
      x: { field: 'team', type: 'nominal', title: null, axis: { labelAngle: -40, labelLimit: 240 } },
      y: { field: 'role', type: 'nominal', title: null, sort: roles },
    },
    layer: [
      {
        mark: { type: 'rect' },
        encoding: {
          color: {
            field: FIELD,
            type: 'quantitative',
            title: 'Utilisation',
            scale: { domain: [0, 1], scheme: 'blues' },
            legend: { format: '%', direction: 'horizontal', gradientLength: 200 },
          },
        },
      },
      {
        mark: { type: 'text', fontSize: 10 },
        encoding: {
          text: { field: FIELD, type: 'quantitative', format: '.0%' },
          color: { condition: { test: `datum.${FIELD} > 0.6`, value: 'white' }, value: 'black' },
        },
      },
    ],
  });
  return themed(
    { hconcat: names.map(panel), resolve: { scale: { color: 'shared' } } },
    'Utilisation by role and team',
    'Share of time people in each role and team are busy (after the warm-up, or the last change of people in a timeline)',
  );
}
