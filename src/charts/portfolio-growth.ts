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
  const names = [
    ...new Set([
      ...delivery.map((d) => d.scenario),
      ...maintenance.map((m) => m.scenario),
      ...inProduction.map((m) => m.scenario),
    ]),
  ];
  const x = { field: 'quarter', type: 'ordinal', title: 'Quarter after the warm-up', axis: { labelAngle: 0 } };
  const line = { type: 'line', point: { filled: true, size: 45 }, strokeWidth: 2.5 };
  const panel = (
    title: string,
    values: readonly object[],
    field: string,
    axis: string,
    height: number,
    zero = true,
  ): Record<string, unknown> => ({
    width: 560,
    height,
    title: { text: title, fontSize: 13 },
    data: { values },
    mark: line,
    encoding: {
      x,
      y: { field, type: 'quantitative', title: axis, ...(zero ? {} : { scale: { zero: false } }) },
      color: scenarioColour(names),
    },
  });
  const panels = [
    panel(
      'Median days to production of use cases arriving in each quarter',
      delivery,
      'medianDays',
      'Median days',
      220,
      false,
    ),
    panel('Maintenance work per quarter (person-days)', maintenance, 'maintenanceDays', 'Person-days', 180),
    ...(inProduction.length > 0
      ? [panel('Models in production at the end of each quarter', inProduction, 'models', 'Models', 180)]
      : []),
  ];
  return themed(
    { vconcat: panels },
    'Delivery as the portfolio grows',
    'Every model in production asks for maintenance from the same people until it retires',
  );
}
