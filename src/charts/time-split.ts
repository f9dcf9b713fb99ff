/** Where the time goes: mean days per live use case, stacked by part, per configuration. */
import type { ScenarioSummary } from '../analysis/experiment-summary.js';
import { humanise, themed, type VegaLiteSpec } from './theme.js';

const WAITING_SHADES = ['#fdd49e', '#fdbb84', '#fc8d59', '#ef6548', '#d7301f', '#b30000', '#7f0000', '#4d0000'];

export function timeSplitChart(summaries: readonly ScenarioSummary[]): VegaLiteSpec {
  const names = summaries.map((s) => s.name);
  const roles = [...new Set(summaries.flatMap((s) => Object.keys(s.waitingByRole)))].sort();
  const parts: { key: string; label: string; colour: string; days: (s: ScenarioSummary) => number }[] = [
    { key: 'work', label: 'Work', colour: '#0072B2', days: (s) => s.timeSplit.work.estimate },
    { key: 'rework', label: 'Rework', colour: '#56B4E9', days: (s) => s.timeSplit.rework.estimate },
    ...roles.map((r, i) => ({
      key: `waiting:${r}`,
      label: `Waiting for ${humanise(r)}`,
      colour: WAITING_SHADES[i % WAITING_SHADES.length],
      days: (s: ScenarioSummary) => s.waitingByRole[r]?.estimate ?? 0,
    })),
    { key: 'handover', label: 'Handovers', colour: '#CC79A7', days: (s) => s.timeSplit.handover.estimate },
    {
      key: 'clarification',
      label: 'Clarification',
      colour: '#F0E442',
      days: (s) => s.timeSplit.clarification.estimate,
    },
    { key: 'gate', label: 'Gates', colour: '#009E73', days: (s) => s.timeSplit.gate.estimate },
    { key: 'planning', label: 'Waiting for planning', colour: '#999999', days: (s) => s.timeSplit.planning.estimate },
  ];
  const rows = summaries.flatMap((s) =>
    parts.map((p, order) => ({ scenario: s.name, part: p.label, order, days: p.days(s) })),
  );
  const workShares = summaries
    .map((s) => {
      const total = parts.reduce((sum, p) => sum + (Number.isFinite(p.days(s)) ? p.days(s) : 0), 0);
      return total > 0 ? (s.timeSplit.work.estimate + s.timeSplit.rework.estimate) / total : NaN;
    })
    .filter(Number.isFinite);
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const [low, high] = [Math.min(...workShares), Math.max(...workShares)];
  const subtitle =
    workShares.length === 0
      ? 'No use case went live'
      : `Work and rework are ${pct(low) === pct(high) ? pct(low) : `${pct(low)} to ${pct(high)}`} of the time; the rest is waiting, handovers, gates and planning`;
  return themed(
    {
      width: 600,
      height: { step: 44 },
      data: { values: rows },
      mark: { type: 'bar', size: 30 },
      encoding: {
        y: { field: 'scenario', type: 'nominal', title: null, sort: names },
        x: { field: 'days', type: 'quantitative', title: 'Mean days per use case that went live', stack: 'zero' },
        color: {
          field: 'part',
          type: 'nominal',
          title: null,
          sort: parts.map((p) => p.label),
          scale: { domain: parts.map((p) => p.label), range: parts.map((p) => p.colour) },
          legend: { columns: 3, direction: 'horizontal', labelLimit: 320 },
        },
        order: { field: 'order', type: 'quantitative' },
        tooltip: [{ field: 'scenario' }, { field: 'part' }, { field: 'days', format: '.1f' }],
      },
    },
    'Where the time goes',
    subtitle,
  );
}
