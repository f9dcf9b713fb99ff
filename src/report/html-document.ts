/**
 * The report as one self-contained HTML document: styles inline, charts inline as SVG (each
 * with a title and a text alternative), the figures the report states as a JSON data island,
 * and, where given, a script that makes the charts interactive; without scripts the static
 * charts remain. Laid out for a desktop and for a phone (390 px): tables scroll on their own,
 * charts shrink to the width, nothing scrolls the page sideways.
 */
import { escapeHtml } from './escape.js';
import { INTERACTIVE_STYLE } from './interactive-script.js';

export interface ReportFigure {
  /** File stem of the chart (`<stem>.svg` and `.png` beside the report). */
  stem: string;
  svg: string;
  /** The chart's title: what it shows, stated as a finding where there is one. */
  title: string;
  caption: string;
  /** Whether a 16:9 slide of it is in charts/slides/. */
  slide: boolean;
}

/** A section of the report: its anchor, heading and HTML (escaped by its builder). */
export interface ReportSection {
  id: string;
  title: string;
  html: string;
}

export interface ReportContent {
  title: string;
  /** The finding in one sentence (plain text). */
  headline: string;
  /** The first screen: headline, key figures, verdicts (HTML, escaped by its builder). */
  summary: string;
  caveats: string[];
  /** The detail, in order, before the charts. */
  sections: ReportSection[];
  figures: ReportFigure[];
  /** HTML fragments (escaped by their builder). */
  assumptions: string[];
  reproduce: { label: string; value: string }[];
  /** The figures the report states, embedded as JSON (id orgflow-results) for scripts and checks. */
  data: unknown;
  /** A script (JavaScript) to run in the page, e.g. the interactive charts; none: a static report. */
  script?: string;
}

const STYLE = `
*, *::before, *::after { box-sizing: border-box; }
body { font-family: 'DejaVu Sans', 'Segoe UI', 'Noto Sans', 'Noto Sans CJK SC', Helvetica, Arial, sans-serif; color: #222; max-width: 1100px; margin: 1.5rem auto; padding: 0 1.25rem; line-height: 1.45; overflow-wrap: anywhere; }
h1 { font-size: 1.6rem; margin: 0 0 0.4rem; overflow-wrap: normal; }
h2 { margin-top: 0; }
.headline { font-size: 1.3rem; font-weight: bold; color: #0b3d66; margin: 0.5rem 0 0.8rem; }
.key-figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); gap: 0.8rem; margin: 0.8rem 0; }
.figure-card { border: 1px solid #d5dde5; border-radius: 6px; padding: 0.7rem 0.9rem; background: #f7f9fb; }
.figure-card strong { display: block; font-size: 1.6rem; color: #0b3d66; }
.figure-card span { color: #444; font-size: 0.92rem; }
.verdict-title { margin: 0.6rem 0 0.2rem; font-weight: bold; }
.verdicts { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: 0.3rem 1.2rem; }
.verdict-keeps-up b::before { content: '\\2713  '; color: #009E73; }
.verdict-does-not-keep-up b::before { content: '\\2717  '; color: #D55E00; }
.verdict-cannot-tell b::before { content: '?  '; color: #777; }
nav.contents { margin: 1rem 0 0; font-size: 0.92rem; }
nav.contents a { display: inline-block; margin-right: 0.9rem; color: #0b5394; }
.caveats { color: #555; font-size: 0.93rem; }
details.caveats summary { cursor: pointer; }
figure { margin: 2rem 0; max-width: 100%; }
figure .chart { max-width: 100%; }
figure svg { max-width: 100%; height: auto; display: block; }
figcaption { color: #555; font-size: 0.9rem; }
figcaption a { color: #0b5394; }
.scroll { max-width: 100%; overflow-x: auto; margin: 0.8rem 0 1.2rem; }
table { border-collapse: collapse; font-size: 0.92rem; }
th, td { border-bottom: 1px solid #ddd; padding: 0.3rem 0.7rem; text-align: left; vertical-align: top; overflow-wrap: normal; }
thead th { background: #f3f5f7; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.unclear, span.unclear { color: #777; }
dl.definitions dt { font-weight: bold; margin-top: 0.5rem; }
dl.definitions dd { margin: 0 0 0 1rem; color: #333; }
section { margin-top: 2.5rem; }
code { background: #f3f5f7; padding: 0 0.25rem; }
@media (max-width: 600px) {
  body { padding: 0 0.8rem; margin: 0.8rem auto; }
  h1 { font-size: 1.3rem; }
  .headline { font-size: 1.1rem; }
  .figure-card strong { font-size: 1.3rem; }
  table { font-size: 0.85rem; }
  /* a chart keeps its own size, its text as legible as on a desktop, and scrolls on its own rather than shrinking to the phone */
  figure .chart { overflow-x: auto; }
  figure .chart svg { max-width: none; width: auto; }
}
${INTERACTIVE_STYLE}`;

/** JSON that is safe inside a script element: no `<` can close it or open a comment. */
const jsonForScript = (data: unknown): string => JSON.stringify(data).replace(/</g, '\\u003c');

/** A chart's SVG with a title and a text alternative for screen readers and viewers without images. */
export function accessibleSvg(svg: string, title: string, description: string): string {
  const e = escapeHtml;
  return svg.replace(
    /<svg\b([^>]*)>/,
    (_, attributes: string) =>
      // a group, not an image: an image's content is hidden from screen readers, and the legend entries inside are buttons
      `<svg${attributes} role="group" aria-roledescription="chart" aria-label="${e(`${title}. ${description}`)}"><title>${e(title)}</title><desc>${e(description)}</desc>`,
  );
}

export function reportHtml(content: ReportContent): string {
  const e = escapeHtml;
  const figures = content.figures
    .map(
      (f) =>
        `<figure id="${e(f.stem)}"><div class="chart" data-chart="${e(f.stem)}">${accessibleSvg(f.svg, f.title, f.caption)}</div><figcaption><b>${e(f.title)}.</b> ${e(f.caption)} <a href="charts/${e(f.stem)}.png">PNG</a> · <a href="charts/${e(f.stem)}.svg">SVG</a>${f.slide ? ` · <a href="charts/slides/${e(f.stem)}.png">slide (16:9)</a>` : ''}</figcaption></figure>`,
    )
    .join('\n');
  const sections = content.sections
    .map((s) => `<section id="${e(s.id)}"><h2>${e(s.title)}</h2>${s.html}</section>`)
    .join('\n');
  const contents = [
    ...content.sections.map((s) => [s.id, s.title]),
    ['charts', 'Charts'],
    ['assumptions', 'Assumptions'],
    ['reproduce', 'Reproduce'],
  ]
    .map(([id, title]) => `<a href="#${e(id)}">${e(title)}</a>`)
    .join(' ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(content.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header id="summary">
<h1>${e(content.title)}</h1>
${content.summary}
<details class="caveats"><summary>How to read these figures</summary>${content.caveats.map((c) => `<p>${e(c)}</p>`).join('')}</details>
<nav class="contents">${contents}</nav>
</header>
${sections}
<section id="charts"><h2>Charts</h2>
${figures}
</section>
<section id="assumptions"><h2>Assumptions</h2><p>The figures above follow from these assumptions; check them first.</p>${content.assumptions.join('\n')}</section>
<section id="reproduce"><h2>Reproduce</h2><div class="scroll"><table><tbody>${content.reproduce.map((r) => `<tr><th>${e(r.label)}</th><td>${e(r.value)}</td></tr>`).join('')}</tbody></table></div><p>Every table is also in <code>tables/</code> beside this file, as CSV, JSON and Arrow.</p></section>
<script type="application/json" id="orgflow-results">${jsonForScript(content.data)}</script>
${content.script ? `<script>${content.script.replace(/<\/script/gi, '<\\/script')}</script>` : ''}
</body>
</html>
`;
}
