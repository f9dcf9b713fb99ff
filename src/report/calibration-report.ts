/**
 * The calibration report: one self-contained HTML page (styles and charts inline, no scripts)
 * that shows, for each activity and each arrival stream, the fitted distribution against what
 * was observed, with the table of fits and the notes on what the history could not say.
 */
import { pValueText, writeFileAtomic } from '../analysis/index.js';
import type { Calibration } from '../calibration/index.js';
import { activityFitChart, arrivalsChart, renderSvg } from '../charts/index.js';
import { escapeHtml } from './escape.js';

const STYLE = `
body { font-family: 'DejaVu Sans', 'Segoe UI', Helvetica, Arial, sans-serif; color: #222; max-width: 1150px; margin: 2rem auto; padding: 0 1.5rem; line-height: 1.45; }
h1 { font-size: 1.6rem; } h2 { margin-top: 2.2rem; }
.grid { display: flex; flex-wrap: wrap; gap: 1rem; }
.grid figure { margin: 0; } figure svg { max-width: 100%; height: auto; }
table { border-collapse: collapse; margin: 0.8rem 0; font-size: 0.9rem; }
th, td { border-bottom: 1px solid #ddd; padding: 0.3rem 0.6rem; text-align: left; }
th { background: #f3f5f7; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
.notes li { color: #444; }
`;

const fixed = (x: number | undefined, d = 2): string => (x !== undefined && Number.isFinite(x) ? x.toFixed(d) : '-');

/** The report's HTML for `calibration` of `source` (a file name, shown as given). */
export async function calibrationReportHtml(calibration: Calibration, source: string): Promise<string> {
  const e = escapeHtml;
  const effortFigures: string[] = [];
  const rows: string[] = [];
  for (const a of calibration.workflow.activities) {
    const fit = a.effort;
    rows.push(
      `<tr><td>${e(a.key)}</td><td>${e(a.role)}</td><td class="num">${fit?.n ?? 0}</td><td>${e(fit?.chosen ?? 'none finished')}</td><td class="num">${fixed(fit?.median)}</td><td class="num">${fixed(fit?.p90)}</td><td class="num">${pValueText(fit?.p ?? Number.NaN)}</td><td class="num">${a.open}</td></tr>`,
    );
    const chart = activityFitChart(a);
    if (chart !== null) effortFigures.push(`<figure>${await renderSvg(chart)}</figure>`);
  }
  const arrivalFigures: string[] = [];
  for (const s of calibration.arrivals) {
    const chart = arrivalsChart(
      `${s.domain} / ${s.type}`,
      s.days,
      s.count / calibration.windowDays,
      calibration.windowDays,
    );
    arrivalFigures.push(`<figure>${await renderSvg(chart)}</figure>`);
  }
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Calibration: ${e(calibration.spec.name)}</title><style>${STYLE}</style></head>
<body>
<h1>Calibration of ${e(calibration.spec.name)}</h1>
<p>Fitted by <code>orgflow calibrate</code> from <code>${e(source)}</code>: ${calibration.arrivals.reduce((n, a) => n + a.count, 0)} use cases over ${Math.round(calibration.windowDays)} days. Each chart shows what was observed against what the scenario now assumes; where they part, the scenario's figures should not be trusted there.</p>
<h2>What the history could not say</h2>
<ul class="notes">${calibration.notes.map((n) => `<li>${e(n)}</li>`).join('')}</ul>
<h2>Effort of each activity</h2>
<p>Person-days (calendar days x 5/7), of the commonest use-case type; the fit p is the parametric-bootstrap p-value of the Kolmogorov-Smirnov distance (below 0.01: no family fits, and the observations themselves are used).</p>
<table><tr><th>Activity</th><th>Role</th><th>n</th><th>Distribution</th><th>Median</th><th>p90</th><th>Fit p</th><th>Under way</th></tr>${rows.join('')}</table>
<div class="grid">${effortFigures.join('\n')}</div>
<h2>Arrivals</h2>
<p>Use cases arrived over the window against the fitted constant rate (a Poisson process per domain and type).</p>
<div class="grid">${arrivalFigures.join('\n')}</div>
</body></html>
`;
}

/** Writes the calibration report to `file` (whole or not at all). */
export async function writeCalibrationReport(file: string, calibration: Calibration, source: string): Promise<void> {
  writeFileAtomic(file, await calibrationReportHtml(calibration, source));
}
