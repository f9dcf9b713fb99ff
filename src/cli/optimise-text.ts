/** The optimisation's answer for the terminal: the front as a table, each design in a sentence, and what was spent. */
import { OBJECTIVE_INFO, type FrontRow, type OptimisationResult } from '../optimise/index.js';
import { VERDICT_WORDS, withInterval } from './terminal-tables.js';
import { tableText } from './terminal-layout.js';

/** A front row's figure of objective k: money with no decimals, go-lives with one. */
function figure(result: OptimisationResult, row: FrontRow, k: number): string {
  const o = result.objectives[k];
  return withInterval(row.objectives[k], o === 'goLives' ? 1 : 0);
}

export function frontTableText(result: OptimisationResult, rows: readonly FrontRow[], width?: number): string {
  const several = result.structures.length > 1;
  return tableText(
    {
      head: [
        '#',
        ...(several ? ['Structure'] : []),
        'Change from the file',
        'People',
        ...result.objectives.map((o) => OBJECTIVE_INFO[o].label),
        'Replications',
        'Keeps up?',
      ],
      rows: rows.map((r) => [
        String(r.number),
        ...(several ? [r.structure] : []),
        r.change,
        String(r.people),
        ...result.objectives.map((_, k) => figure(result, r, k)),
        String(r.replications),
        r.verdict === null ? '-' : VERDICT_WORDS[r.verdict],
      ]),
    },
    width,
  );
}
