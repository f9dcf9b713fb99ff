/**
 * The report's account of an optimisation: what was searched, the front as a table (each
 * design's change, people, objectives with intervals, replications, whether it keeps up, its
 * scenario file), each design in a sentence, and what the search spent.
 */
import {
  OBJECTIVE_INFO,
  cautionLines,
  spentLine,
  structureLines,
  type FrontRow,
  type OptimisationResult,
} from '../optimise/index.js';
import { escapeHtml } from './escape.js';
import { cell } from './results-sections.js';

const e = escapeHtml;

/** What an optimisation gives the report: the result, its front as rows, and each row's design file (relative to the report). */
export interface OptimisationInput {
  result: OptimisationResult;
  rows: readonly FrontRow[];
  files: readonly string[];
}

const VERDICT = { 'keeps-up': 'yes', 'does-not-keep-up': 'no', 'cannot-tell': 'not yet clear' } as const;

/** What was varied, within which bounds, under which constraints. */
function searchedHtml(result: OptimisationResult): string {
  const variables = result.structures.flatMap((s) =>
    s.variables.map(
      (v) => `<li>${e(s.name)}: ${e(v.people)} in ${e(v.inTeam)}, ${v.min} to ${v.max} (the file has ${v.base})</li>`,
    ),
  );
  const c = result.constraints;
  const constraints = [
    c.total === undefined ? '' : `exactly ${c.total} people`,
    c.budget === undefined ? '' : `a people cost of at most ${c.budget.toLocaleString('en')} a year`,
    c.maxUtilization === undefined ? '' : `no group busier than ${Math.round(c.maxUtilization * 100)}%`,
    'keeping up with demand',
  ].filter(Boolean);
  return `<p>Searched: ${e(result.structures.map((s) => s.name).join(', '))}, under ${e(constraints.join(', '))}.</p><details><summary>The groups of people varied</summary><ul>${variables.join('')}</ul></details>`;
}

export function optimisationSectionHtml({ result, rows, files }: OptimisationInput): string {
  const head = [
    '#',
    'Structure',
    'Change from the file',
    'People',
    ...result.objectives.map((o) => OBJECTIVE_INFO[o].label),
    'Replications',
    'Keeps up?',
    'Scenario file',
  ];
  const body = rows.map(
    (r, i) =>
      `<tr><th scope="row">${r.number}</th><td>${e(r.structure)}</td><td>${e(r.change)}</td><td class="num">${r.people}</td>${result.objectives.map((o, k) => cell(r.objectives[k], o === 'goLives' ? 1 : 0)).join('')}<td class="num">${r.replications}</td><td>${r.verdict === null ? '-' : VERDICT[r.verdict]}</td><td><code>${e(files[i] ?? '')}</code></td></tr>`,
  );
  const table = `<div class="scroll"><table><thead><tr>${head.map((h) => `<th>${e(h)}</th>`).join('')}</tr></thead><tbody>${body.join('')}</tbody></table></div>`;
  const sentences = `<ol>${rows.map((r) => `<li>${e(r.sentence)}</li>`).join('')}</ol>`;
  const notes = [...structureLines(result), ...cautionLines(result, rows), spentLine(result)]
    .map((l) => `<p>${e(l)}</p>`)
    .join('');
  return `${searchedHtml(result)}${table}${sentences}${notes}<p>The search chose the front on its own replications; the figures shown come from fresh replications (seeds it never used), so they carry no selection bias. Each design is compared with its structure as the file has it on those same replications (common random numbers); intervals are 95%.</p>`;
}
