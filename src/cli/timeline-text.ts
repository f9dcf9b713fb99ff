/** The terminal's account of a configuration that changes during the run: its quarters, and each change's payback. */
import type { ScenarioSummary } from '../analysis/index.js';
import { type Align, tableText } from './terminal-layout.js';
import { withInterval } from './terminal-tables.js';

/** `365-456`: a quarter as days of the run. */
const quarterText = (start: number, end: number): string => `${Math.round(start)}-${Math.round(end)}`;

/**
 * The quarters of a configuration with a timeline: go-lives, time to production of the
 * quarter's arrivals, work in progress and the use of the teams' people, the change marked in
 * the quarter it happens.
 */
export function quarterTableText(summary: ScenarioSummary, width?: number): string {
  const timeline = summary.timeline;
  if (timeline === undefined) return '';
  const rows = timeline.quarters.map((q) => {
    const changes = timeline.changes.filter((c) => c.day >= q.start && c.day < q.end).map((c) => c.name);
    return [
      quarterText(q.start, q.end),
      changes.join(', '),
      withInterval(q.goLives, 1),
      withInterval(q.p85),
      withInterval(q.meanWip, 1),
      withInterval(q.utilization, 0, 100, '%'),
    ];
  });
  const align: Align[] = ['left', 'left', 'right', 'right', 'right', 'right'];
  return tableText(
    {
      head: ['Days', 'Change', 'Go-lives', 'p85 days of arrivals', 'Work in progress', 'Teams busy'],
      rows,
      align,
    },
    width,
  );
}
