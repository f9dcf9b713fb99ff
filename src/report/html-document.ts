/** The report as one self-contained HTML document: styles inline, charts inline as SVG, no scripts. */
import { escapeHtml } from './escape.js';

export interface ReportFigure {
  /** File stem of the chart (`<stem>.svg` and `.png` beside the report). */
  stem: string;
  svg: string;
  caption: string;
}

export interface ReportContent {
  title: string;
  headline: string;
  caveats: string[];
  figures: ReportFigure[];
  /** HTML of the metrics table (escaped by its builder). */
  metricsTable: string;
  /** Plain sentences (escaped here). */
  comparisons: string[];
  /** HTML fragments (escaped by their builder). */
  assumptions: string[];
  reproduce: { label: string; value: string }[];
}

const STYLE = `
body { font-family: 'DejaVu Sans', 'Segoe UI', Helvetica, Arial, sans-serif; color: #222; max-width: 1100px; margin: 2rem auto; padding: 0 1.5rem; line-height: 1.45; }
h1 { font-size: 1.7rem; margin-bottom: 0.3rem; }
.headline { font-size: 1.35rem; font-weight: bold; color: #0b3d66; margin: 0.6rem 0 0.4rem; }
.caveats { color: #555; font-size: 0.95rem; }
figure { margin: 2rem 0; overflow-x: auto; }
figure svg { max-width: 100%; height: auto; }
figcaption { color: #555; font-size: 0.9rem; }
figcaption a { color: #0b5394; }
table { border-collapse: collapse; margin: 0.8rem 0 1.2rem; font-size: 0.92rem; }
th, td { border-bottom: 1px solid #ddd; padding: 0.3rem 0.7rem; text-align: left; vertical-align: top; }
th { background: #f3f5f7; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
section { margin-top: 2.5rem; }
code { background: #f3f5f7; padding: 0 0.25rem; }
`;

export function reportHtml(content: ReportContent): string {
  const e = escapeHtml;
  const figures = content.figures
    .map(
      (f) =>
        `<figure id="${e(f.stem)}">${f.svg}<figcaption>${e(f.caption)} <a href="charts/${e(f.stem)}.png">PNG</a> · <a href="charts/${e(f.stem)}.svg">SVG</a></figcaption></figure>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(content.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${e(content.title)}</h1>
<p class="headline" id="headline">${e(content.headline)}</p>
<div class="caveats">${content.caveats.map((c) => `<p>${e(c)}</p>`).join('')}</div>
</header>
<section id="metrics"><h2>The numbers</h2>${content.metricsTable}
<ul>${content.comparisons.map((c) => `<li>${e(c)}</li>`).join('')}</ul>
<p>Every table is also in <code>tables/</code> beside this file, as CSV, JSON and Arrow.</p></section>
<section id="charts"><h2>Charts</h2>
${figures}
</section>
<section id="assumptions"><h2>Assumptions</h2>${content.assumptions.join('\n')}</section>
<section id="reproduce"><h2>Reproduce</h2><table><tbody>${content.reproduce.map((r) => `<tr><th>${e(r.label)}</th><td>${e(r.value)}</td></tr>`).join('')}</tbody></table></section>
</body>
</html>
`;
}
