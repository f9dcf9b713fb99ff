/**
 * One look for every chart: readable fonts, a colour-blind-safe palette (Okabe and Ito), one
 * fixed colour per configuration in every chart, titles that name the subject.
 */

import { isUnreached, type BoundedEstimate } from '../analysis/experiment-summary.js';

/** A vega-lite specification (kept loose: vega-lite's own types cannot be loaded by tslab). */
export type VegaLiteSpec = Record<string, unknown>;

/** Okabe-Ito colours, in the order configurations get them. */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#000000', '#F0E442'];

/**
 * Colours for anything that is not a configuration (parts of the time, stages, teams, model
 * against naive forecast): greys, browns, purples and a light green, each far from every
 * colour of PALETTE (a test measures it), so that a colour that means a configuration in one
 * chart never seems to mean something else in another.
 */
export const OTHER_PALETTE = ['#4d4d4d', '#c51b7d', '#7570b3', '#543005', '#7fbc41', '#762a83', '#276419', '#c7eae5'];

/** The font drawn in every chart (installed with Debian's fonts-dejavu-core). */
export const FONT = 'DejaVu Sans';

/** The colour encoding of configurations: the same name always gets the same colour. */
export function scenarioColour(names: readonly string[], title = 'Configuration'): Record<string, unknown> {
  return {
    field: 'scenario',
    type: 'nominal',
    title,
    sort: [...names],
    scale: { domain: [...names], range: names.map((_, i) => PALETTE[i % PALETTE.length]) },
  };
}

const CONFIG = {
  font: FONT,
  background: 'white',
  padding: 12,
  title: { fontSize: 17, fontWeight: 'bold', anchor: 'start', subtitleFontSize: 13, subtitleColor: '#444', offset: 12 },
  axis: {
    // vega measures text in Node by an estimate (0.8 em a character, wider than drawn): a
    // limit of 180 px, its default, cuts labels of 19 characters short
    labelLimit: 480,
    labelFontSize: 12,
    titleFontSize: 13,
    titleFontWeight: 'normal',
    gridColor: '#e8e8e8',
    domainColor: '#888',
    tickColor: '#888',
  },
  legend: {
    labelFontSize: 12,
    titleFontSize: 12,
    orient: 'bottom',
    direction: 'horizontal',
    symbolSize: 120,
    labelLimit: 480,
  },
  header: { labelFontSize: 13, titleFontSize: 13, labelFontWeight: 'bold' },
  view: { stroke: null },
  text: { font: FONT },
};

/**
 * Characters a title and a subtitle line hold at most. vega sizes a chart in Node by an
 * estimate of its text (0.8 em a character, wider than it draws): a long line would widen the
 * chart with a blank margin the estimate alone asks for, so longer lines are wrapped.
 */
export const TITLE_LINE = 60;
export const SUBTITLE_LINE = 80;

/** `text` in lines of at most `width` characters, broken between words. */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** A chart title (one line, or several when it is long) and its subtitle lines, wrapped (see TITLE_LINE). */
export function titleOf(title: string, subtitle?: string | string[]): string | Record<string, unknown> {
  const text = wrapWords(title, TITLE_LINE);
  const lines =
    subtitle === undefined
      ? []
      : (Array.isArray(subtitle) ? subtitle : [subtitle]).flatMap((l) => wrapWords(l, SUBTITLE_LINE));
  if (lines.length === 0) return text.length === 1 ? text[0] : { text };
  return { text: text.length === 1 ? text[0] : text, subtitle: lines };
}

/** A chart with the common look; a subtitle given as several strings is drawn one line each. */
export function themed(body: Record<string, unknown>, title: string, subtitle?: string | string[]): VegaLiteSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: titleOf(title, subtitle),
    config: CONFIG,
    ...body,
  };
}

/** An id as a reader wants it: `ml_engineer` -> `ML engineer`, `finance-sme` -> `finance SMEs`. */
export function humanise(id: string): string {
  return id
    .replace(/-sme$/, ' SMEs')
    .replace(/^sme$/, 'SMEs')
    .replace(/_/g, ' ')
    .replace(/\bml\b/g, 'ML')
    .replace(/\bai\b/g, 'AI');
}

/**
 * The ends of an estimate's 95% interval for drawing; where there is no interval (a single
 * replication) both ends are the estimate, so the chart shows a point.
 */
export function intervalEnds(estimate: number, ci95: readonly number[]): { low: number; high: number } {
  return { low: Number.isFinite(ci95[0]) ? ci95[0] : estimate, high: Number.isFinite(ci95[1]) ? ci95[1] : estimate };
}

/**
 * A point to plot for an estimate that may be only a lower bound: the bound is drawn where
 * the value would be, with `reached: false` (charts mark it as "at least") and no interval.
 */
export function plottedEstimate(e: BoundedEstimate): { estimate: number; low: number; high: number; reached: boolean } {
  if (isUnreached(e)) return { estimate: e.atLeast, low: e.atLeast, high: e.atLeast, reached: false };
  return { estimate: e.estimate, ...intervalEnds(e.estimate, e.ci95), reached: true };
}

/**
 * The shape of a point that may be only a lower bound (see plottedEstimate): a circle for an
 * estimate, `triangle` for a bound, whose legend says `atLeast`. The rows carry the field
 * `shown`, from shownAs.
 */
export function boundShape(atLeast: string, triangle: 'triangle-right' | 'triangle-up'): Record<string, unknown> {
  return {
    field: 'shown',
    type: 'nominal',
    title: null,
    scale: { domain: ['estimate', atLeast], range: ['circle', triangle] },
  };
}

/** The `shown` field of a point for boundShape: 'estimate', or `atLeast` where the statistic was not reached. */
export function shownAs(point: { reached: boolean }, atLeast: string): string {
  return point.reached ? 'estimate' : atLeast;
}
