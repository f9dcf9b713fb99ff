/**
 * An optimisation's front: each design simulated as a point (the structure by colour), the
 * front joined by a line with each design's 95% interval, the structures as their files have
 * them marked. Cost along the bottom when it is an objective, else the first objective.
 */
import { OBJECTIVE_INFO, type DesignEvaluation, type OptimisationResult } from '../optimise/index.js';
import { intervalEnds, scenarioColour, themed, type VegaLiteSpec } from './theme.js';

interface PointRow {
  scenario: string;
  x: number;
  xLow: number;
  xHigh: number;
  y: number;
  yLow: number;
  yHigh: number;
  kind: 'front' | 'looked at' | 'as the file has it';
}

/** A design as a point of the chart: `xi` and `yi` are the objectives along and up. */
function pointRow(
  e: DesignEvaluation,
  kind: PointRow['kind'],
  names: readonly string[],
  [xi, yi]: readonly [number, number],
): PointRow {
  const [ex, ey] = [e.estimates[xi], e.estimates[yi]];
  const x = ex.estimate ?? Number.NaN;
  const y = ey.estimate ?? Number.NaN;
  const xs = intervalEnds(x, ex.ci95 ?? [Number.NaN, Number.NaN]);
  const ys = intervalEnds(y, ey.ci95 ?? [Number.NaN, Number.NaN]);
  return {
    scenario: names[e.design.structure],
    x,
    xLow: xs.low,
    xHigh: xs.high,
    y,
    yLow: ys.low,
    yHigh: ys.high,
    kind,
  };
}

/** A structure's own design is drawn where it keeps up (or may) and its figures were reached. */
const drawable = (e: DesignEvaluation): boolean =>
  e.replications.length > 0 && e.verdict !== 'does-not-keep-up' && e.estimates.every((x) => x.estimate !== null);

const notDrawnWhy = (e: DesignEvaluation): string =>
  e.replications.length === 0
    ? (e.infeasible ?? 'not simulated')
    : e.verdict === 'does-not-keep-up'
      ? 'does not keep up with its demand'
      : 'a figure beyond the run';

/** The points of the chart: the designs simulated, the front, and each structure's own design where it can be drawn. */
function chartRows(result: OptimisationResult, names: readonly string[], axes: readonly [number, number]): PointRow[] {
  const row = (e: DesignEvaluation, kind: PointRow['kind']): PointRow => pointRow(e, kind, names, axes);
  const onFront = new Set(result.front.map((e) => e.key));
  return [
    ...result.evaluated
      .filter((e) => e.infeasible === null && e.replications.length > 0 && !onFront.has(e.key))
      .map((e) => row(e, 'looked at')),
    ...result.front.filter((e) => e.estimates.every((x) => x.estimate !== null)).map((e) => row(e, 'front')),
    // each structure as its file has it, within the constraints or not, where it keeps up and its figures were reached
    ...result.bases.filter(drawable).map((e) => row(e, 'as the file has it')),
  ];
}

export function paretoChart(result: OptimisationResult): VegaLiteSpec {
  const [first, second] = result.objectives;
  const axes: [number, number] =
    second === 'cost' || (first !== 'cost' && OBJECTIVE_INFO[second].unit !== 'days') ? [1, 0] : [0, 1];
  const [xi, yi] = axes;
  const names = result.structures.map((s) => s.name);
  const rows = chartRows(result, names, axes);
  const notDrawn = result.bases
    .filter((e) => !drawable(e))
    .map((e) => `${names[e.design.structure]} (${notDrawnWhy(e)})`);
  const [xName, yName] = [result.objectives[xi], result.objectives[yi]];
  const x = { field: 'x', type: 'quantitative', title: OBJECTIVE_INFO[xName].label, scale: { zero: false } };
  const y = { field: 'y', type: 'quantitative', title: OBJECTIVE_INFO[yName].label, scale: { zero: false } };
  const colour = scenarioColour(names, 'Structure');
  const only = (kind: PointRow['kind']) => ({ filter: `datum.kind === '${kind}'` });
  // a layer with no row gives vega an empty extent: only the kinds there are
  const kinds = new Set(rows.map((r) => r.kind));
  const present = (layer: { transform: { filter: string }[] }): boolean =>
    [...kinds].some((k) => layer.transform[0].filter.includes(`'${k}'`));
  return themed(
    {
      width: 560,
      height: 340,
      data: { values: rows },
      layer: [
        {
          transform: [only('looked at')],
          mark: { type: 'point', opacity: 0.35, size: 30 },
          encoding: { x, y, color: colour },
        },
        {
          transform: [only('front')],
          // the staircase of what the front dominates: across then up or down when the bottom axis is minimised, the other way when it is maximised
          mark: {
            type: 'line',
            interpolate: OBJECTIVE_INFO[xName].sense === 1 ? 'step-after' : 'step-before',
            strokeWidth: 1.5,
            opacity: 0.6,
            color: '#555',
          },
          encoding: { x, y },
        },
        {
          transform: [only('front')],
          mark: { type: 'rule', strokeWidth: 1.5 },
          encoding: { x, y: { ...y, field: 'yLow' }, y2: { field: 'yHigh' }, color: colour },
        },
        {
          transform: [only('front')],
          mark: { type: 'rule', strokeWidth: 1.5 },
          encoding: { y, x: { ...x, field: 'xLow' }, x2: { field: 'xHigh' }, color: colour },
        },
        {
          transform: [only('front')],
          mark: { type: 'point', filled: true, size: 80 },
          encoding: { x, y, color: colour },
        },
        {
          transform: [only('as the file has it')],
          mark: { type: 'point', shape: 'diamond', filled: false, size: 160, strokeWidth: 2 },
          encoding: { x, y, color: colour },
        },
      ].filter(present),
    },
    `${OBJECTIVE_INFO[yName].label} against ${OBJECTIVE_INFO[xName].label.toLowerCase()}: the best designs found`,
    [
      `Filled: the front (no design found is better in both), with 95% intervals over ${result.maxReplications} fresh replications each`,
      `Hollow diamond: each structure as its file has it; faint: other designs simulated (${result.firstReplications} to ${result.maxReplications} replications)`,
      ...(notDrawn.length > 0 ? [`Not drawn as its file has it: ${notDrawn.join('; ')}`] : []),
    ],
  );
}
