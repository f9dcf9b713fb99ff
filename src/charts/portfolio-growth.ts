/**
 * Delivery as the portfolio grows: median time to production by arrival quarter, next to
 * maintenance work per quarter and, when given, the models in production (their build-up
 * and, as models retire, their plateau: what drives the maintenance).
 */
import { scenarioColour, themed, type VegaLiteSpec } from './theme.js';

export function portfolioGrowthChart(
  delivery: readonly { scenario: string; quarter: number; medianDays: number }[],
  maintenance: readonly { scenario: string; quarter: number; maintenanceDays: number }[],
  inProduction: readonly { scenario: string; quarter: number; models: number }[] = [],
): VegaLiteSpec {
  const names = [...new Set([...delivery.map((d) => d.scenario), ...maintenance.map((m) => m.scenario), ...inProduction.map((m) => m.scenario)])];
  const x = { field: 'quarter', type: 'ordinal', title: 'Quarter after the warm-up', axis: { labelAngle: 0 } };
  const line = { type: 'line', point: { filled: true, size: 45 }, strokeWidth: 2.5 };
  const panels: Record<string, unknown>[] = [
    {
      width: 560,
      height: 220,
      title: { text: 'Median days to production of use cases arriving in each quarter', fontSize: 13 },
      data: { values: delivery },
      mark: line,
      encoding: { x, y: { field: 'medianDays', type: 'quantitative', title: 'Median days', scale: { zero: false } }, color: scenarioColour(names) },
    },
    {
      width: 560,
      height: 180,
      title: { text: 'Maintenance work per quarter (person-days)', fontSize: 13 },
      data: { values: maintenance },
      mark: line,
      encoding: { x, y: { field: 'maintenanceDays', type: 'quantitative', title: 'Person-days' }, color: scenarioColour(names) },
    },
  ];
  if (inProduction.length > 0) {
    panels.push({
      width: 560,
      height: 180,
      title: { text: 'Models in production at the end of each quarter', fontSize: 13 },
      data: { values: inProduction },
      mark: line,
      encoding: { x, y: { field: 'models', type: 'quantitative', title: 'Models' }, color: scenarioColour(names) },
    });
  }
  return themed({ vconcat: panels }, 'Delivery as the portfolio grows', 'Every model in production asks for maintenance from the same people until it retires');
}
