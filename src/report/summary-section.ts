/**
 * The first screen of the report: the finding in one sentence, the three numbers that carry
 * it, whether each configuration keeps up with its demand; then the paired differences from
 * the best configuration as one compact table, with a plain sentence for the ones that matter
 * most (median and 85th percentile).
 */
import {
  type BoundedEstimate,
  type Comparison,
  currencyHeader,
  differenceText,
  estimateText,
  type Findings,
  type ScenarioSummary,
} from '../analysis/index.js';
import { escapeHtml } from './escape.js';

/** One of the key figures: a number as it reads, and what it is. */
export interface KeyFigure {
  value: string;
  label: string;
}

const days = (e: BoundedEstimate): string => {
  const text = estimateText(e).value;
  return text.startsWith('> ') ? `over ${text.slice(2)} days` : `${text} days`;
};
const interval = (e: BoundedEstimate): string => {
  const text = estimateText(e).interval;
  return text === null ? '' : ` (95% CI ${text})`;
};

/** The median comparison of the best configuration with the runner-up, if there is one. */
function againstRunnerUp(findings: Findings): { runnerUp: string; median: Comparison } | null {
  const { runnerUp } = findings;
  const median = findings.comparisons.find((c) => c.b === runnerUp && c.metric === 'timeToProduction.p50');
  return runnerUp === null || median === undefined ? null : { runnerUp, median };
}

/** The three numbers that carry the finding: the best median, its lead over the runner-up (or its go-lives), its 85th percentile. */
export function keyFigures(findings: Findings): KeyFigure[] {
  const best = findings.summaries.find((s) => s.name === findings.best) ?? findings.summaries[0];
  const ttp = best.timeToProduction;
  const figures: KeyFigure[] = [
    { value: days(ttp.p50), label: `for half the use cases to go live in ${best.name}${interval(ttp.p50)}` },
  ];
  const lead = againstRunnerUp(findings);
  if (lead === null) {
    const g = best.throughputPerYear;
    figures.push({ value: `${estimateText(g, 1).value} a year`, label: `use cases go live${interval(g)}` });
  } else {
    const { median, runnerUp } = lead;
    const sooner = -median.difference;
    figures.push(
      median.replications < 2 && Number.isFinite(median.difference)
        ? {
            value: `${Math.round(Math.abs(sooner))} days ${sooner >= 0 ? 'sooner' : 'later'}`,
            label: `than ${runnerUp} at the median, over one replication: no interval, so not yet a finding (run more, --reps)`,
          }
        : median.better === null
          ? {
              value: 'no clear lead',
              label: Number.isFinite(median.difference)
                ? `over ${runnerUp} at the median (the 95% CI of the difference includes zero)`
                : `over ${runnerUp}: its median is beyond the run`,
            }
          : {
              value: `${Math.round(sooner)} days sooner`,
              label: `than ${runnerUp} at the median (95% CI ${Math.round(-median.ci95[1])} to ${Math.round(-median.ci95[0])}, the same use cases in each)`,
            },
    );
  }
  figures.push({ value: days(ttp.p85), label: `for 85 in 100 to go live in ${best.name}${interval(ttp.p85)}` });
  return figures;
}

const KEEPS_UP: Record<ScenarioSummary['verdict'], string> = {
  'keeps-up': 'keeps up',
  'does-not-keep-up': 'does not keep up',
  'cannot-tell': 'not yet clear',
};

/** The first screen: headline, key figures, and whether each configuration keeps up with its demand. */
export function summaryHtml(findings: Findings): string {
  const e = escapeHtml;
  const figures = keyFigures(findings)
    .map((f) => `<div class="figure-card"><strong>${e(f.value)}</strong><span>${e(f.label)}</span></div>`)
    .join('');
  const verdicts = findings.summaries
    .map((s) => `<li class="verdict-${s.verdict}"><b>${e(s.name)}</b>: ${e(KEEPS_UP[s.verdict])}</li>`)
    .join('');
  return `<p class="headline" id="headline">${e(findings.headline.text)}</p>
<div class="key-figures">${figures}</div>
<p class="verdict-title">Does each configuration keep up with its demand? (If not, its times grow the longer it runs.)</p>
<ul class="verdicts">${verdicts}</ul>`;
}

/** The compact table of differences from the best configuration, and the plain sentences for the median and 85th percentile. */
export function differencesHtml(findings: Findings): string {
  const e = escapeHtml;
  if (findings.best === null || findings.comparisons.length === 0) return '';
  const currency = findings.summaries[0]?.currency ?? null;
  const columns: [string, string, number][] = [
    ['timeToProduction.p50', 'Median days', 0],
    ['timeToProduction.p85', '85th percentile days', 0],
    ['timeToProduction.p95', '95th percentile days', 0],
    ['throughputPerYear', 'Go-lives a year', 1],
    ['costPerGoLive', `Cost per go-live${currencyHeader(currency)}`, 0],
  ];
  const others = [...new Set(findings.comparisons.map((c) => c.b))];
  const rows = others
    .map((other) => {
      const cells = columns.map(([metric, , digits]) => {
        const c = findings.comparisons.find((x) => x.b === other && x.metric === metric);
        if (c === undefined) return '<td class="num">-</td>';
        // shown as the other less the best: positive means the other takes longer, or costs more
        const text = differenceText(
          { difference: -c.difference, ci95: [-c.ci95[1], -c.ci95[0]], better: c.better },
          digits,
          1,
          '',
        );
        return `<td class="num${c.better === null ? ' unclear' : ''}">${e(text)}</td>`;
      });
      return `<tr><th scope="row">${e(other)}</th>${cells.join('')}</tr>`;
    })
    .join('');
  const sentences = findings.comparisons
    .filter((c) => c.metric === 'timeToProduction.p50' || c.metric === 'timeToProduction.p85')
    .map((c) => `<li>${e(c.statement)}</li>`)
    .join('');
  return `<p>Each configuration less ${e(findings.best)}, over the same use cases (paired replications): a positive number of days means it takes longer, a positive cost that it costs more. In brackets the 95% confidence interval; <span class="unclear">~</span> marks a difference whose interval includes zero (not a clear difference); "not reached": the figure lies beyond the end of the run in some replication.</p>
<div class="scroll"><table><thead><tr><th>Against ${e(findings.best)}</th>${columns.map(([, label]) => `<th>${e(label)}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table></div>
<ul>${sentences}</ul>`;
}
