/** Where the time goes: mean days per live use case, stacked by part, per configuration. */
import type { ScenarioSummary } from '../analysis/experiment-summary.js';
import { humanise, OTHER_PALETTE, themed, type VegaLiteSpec } from './theme.js';

const WAITING_SHADES = ['#fdbb84', '#fc8d59', '#d7301f', '#7f0000'];

/** A part of the time, how it is drawn, and its days in a configuration. */
interface Part {
  key: string;
  label: string;
  colour: string;
  days: (s: ScenarioSummary) => number;
}

/** Waiting for people, by role: the `shown` roles waited for longest each get a part, the rest are grouped. */
function waitingParts(summaries: readonly ScenarioSummary[], shown: number): Part[] {
  const longest = (r: string) => Math.max(...summaries.map((s) => s.waitingByRole[r]?.estimate ?? 0));
  const roles = [...new Set(summaries.flatMap((s) => Object.keys(s.waitingByRole)))].sort(
    (a, b) => longest(b) - longest(a) || a.localeCompare(b),
  );
  const own = roles.length <= shown + 1 ? roles : roles.slice(0, shown);
  const rest = roles.slice(own.length);
  const waitFor = (rs: readonly string[]) => (s: ScenarioSummary) =>
    rs.reduce((sum, r) => sum + (s.waitingByRole[r]?.estimate ?? 0), 0);
  return [
    ...own.map((r, i) => ({
      key: `waiting:${r}`,
      label: `Waiting for ${humanise(r)}`,
      colour: WAITING_SHADES[i],
      days: waitFor([r]),
    })),
    ...(rest.length > 0
      ? [{ key: 'waiting:others', label: 'Waiting for other roles', colour: WAITING_SHADES[3], days: waitFor(rest) }]
      : []),
  ];
}

/** The parts of the time, at most seven (a legend longer than that is not read): the waits for people are grouped beyond the two longest. */
function partsOf(summaries: readonly ScenarioSummary[]): Part[] {
  const sum =
    (...keys: (keyof ScenarioSummary['timeSplit'])[]) =>
    (s: ScenarioSummary) =>
      keys.reduce((total, k) => total + s.timeSplit[k].estimate, 0);
  const parts: Part[] = [
    { key: 'work', label: 'Work', colour: OTHER_PALETTE[0], days: sum('work') },
    { key: 'rework', label: 'Rework', colour: OTHER_PALETTE[4], days: sum('rework') },
    ...waitingParts(summaries, 2),
    {
      key: 'handover',
      label: 'Handovers and clarification',
      colour: OTHER_PALETTE[2],
      days: sum('handover', 'clarification'),
    },
    { key: 'gate', label: 'Gates and planning', colour: OTHER_PALETTE[7], days: sum('gate', 'planning') },
  ];
  // a part that is 0 everywhere (no gates, no rework) is not in the legend
  return parts.filter((p) => summaries.some((s) => p.days(s) > 0));
}

export function timeSplitChart(summaries: readonly ScenarioSummary[]): VegaLiteSpec {
  const names = summaries.map((s) => s.name);
  const parts = partsOf(summaries);
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
          legend: { columns: 2, direction: 'horizontal', labelLimit: 320 },
        },
        order: { field: 'order', type: 'quantitative' },
        tooltip: [{ field: 'scenario' }, { field: 'part' }, { field: 'days', format: '.1f' }],
      },
    },
    'Where the time goes',
    subtitle,
  );
}
