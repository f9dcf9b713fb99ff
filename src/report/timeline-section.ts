/**
 * The report's account of a configuration that changes during the run: each quarter's figures
 * (the change marked), and each change's payback against the configurations that do not change.
 */
import type { ScenarioSummary, TimelinePayback } from '../analysis/index.js';
import { cell } from './results-sections.js';
import { escapeHtml } from './escape.js';

const e = escapeHtml;

/** The quarters of one configuration with a timeline, as a table. */
function quarterTableHtml(s: ScenarioSummary): string {
  const t = s.timeline;
  if (t === undefined) return '';
  const rows = t.quarters.map((q) => {
    const changes = t.changes.filter((c) => c.day >= q.start && c.day < q.end).map((c) => c.name);
    return `<tr><th scope="row">${Math.round(q.start)} to ${Math.round(q.end)}</th><td>${e(changes.join(', '))}</td>${cell(q.goLives, 1)}${cell(q.p85)}${cell(q.meanWip, 1)}${cell(q.utilization, 0, 100, '%')}</tr>`;
  });
  const head = ['Days', 'Change', 'Go-lives', 'p85 days of arrivals', 'Work in progress', 'Teams busy'];
  const periods = t.periods.map((p) => `<li>${e(p.statement)}</li>`).join('');
  return `<h3>${e(s.name)}</h3><div class="scroll"><table><thead><tr>${head.map((h) => `<th>${e(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table></div><p>Does it keep up with its demand in each period between its changes?</p><ul>${periods}</ul>`;
}

/** The section: its explanation, each changing configuration's quarters, and the paybacks; '' when nothing changes. */
export function timelineSectionHtml(
  summaries: readonly ScenarioSummary[],
  paybacks: readonly TimelinePayback[],
): string {
  const tables = summaries.map(quarterTableHtml).filter(Boolean);
  if (tables.length === 0) return '';
  return `<p>Quarter by quarter over the measured window, mean over replications with the 95% confidence interval in brackets. The 85th percentile is of the use cases that arrived in the quarter, those still open at the end counted as censored ("&gt; N": not reached within the run, as later quarters' arrivals have less time to finish). Teams busy: the share of the teams' people's time there (not away) spent on work.</p>
${tables.join('\n')}
${paybacks.length > 0 ? `<ul>${paybacks.map((p) => `<li>${e(p.statement)}</li>`).join('')}</ul>` : ''}`;
}
