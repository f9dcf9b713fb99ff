/**
 * The leadership report: written from a small experiment whose scenario names are hostile,
 * over a previous report and beside files orgflow did not write, then opened in headless
 * Chromium (Debian's, driven by playwright-core): no console errors, no network, every chart
 * drawn, the headline present, the hostile names shown as text and never run. A screenshot
 * is saved in test/.output/. A run that fails after its charts are written leaves the
 * previous report as it was, byte for byte.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runExperiment, type ExperimentResult } from '../../src/experiment/index.js';
import { findingsOf } from '../../src/analysis/index.js';
import { escapeHtml, writeReport, type ReportFiles } from '../../src/report/index.js';
import { DEFINITIONS } from '../../src/report/results-sections.js';
import { validateScenario } from '../../src/scenario/index.js';
import { CHROMIUM, launchChromium, visit } from '../support/browser.js';
import { poolingScenario } from '../support/small-scenarios.js';

const HOSTILE = '<img src=x onerror=alert(1)>';
const HOSTILE_2 = '<script>alert(2)</script>';
const output = join(import.meta.dirname, '..', '.output');
const browserRequired = process.env.CI === 'true';

let experiment: ExperimentResult;
let files: ReportFiles;
let dir: string;
const scenarios = [
  {
    name: HOSTILE,
    spec: { ...validateScenario(poolingScenario('pooled', 1)).spec, name: HOSTILE, description: HOSTILE_2 },
  },
  { name: HOSTILE_2, spec: { ...validateScenario(poolingScenario('fragmented', 1)).spec, name: HOSTILE_2 } },
];

/** A report as an earlier run left it, with content no new run writes, and files orgflow's report does not own. */
const PREVIOUS: Record<string, string> = {
  'report.html': 'previous report',
  'charts/comparison.svg': '<svg>previous comparison</svg>',
  'charts/comparison.png': 'previous png',
  'charts/tornado.svg': '<svg>previous tornado</svg>',
  'tables/summary.csv': 'previous,summary',
  'tables/manifest.json': '{"previous":true}',
};
const FOREIGN: Record<string, string> = {
  'sweep/sweep.svg': '<svg>a sweep written by orgflow sweep</svg>',
  'notes.txt': 'my own notes',
};

/** A fresh out folder holding `entries` (relative path -> content). */
function outFolderWith(entries: Record<string, string>): string {
  const out = mkdtempSync(join(tmpdir(), 'orgflow-report-'));
  for (const [path, content] of Object.entries(entries)) {
    mkdirSync(join(out, path, '..'), { recursive: true });
    writeFileSync(join(out, path), content);
  }
  return out;
}

/** Every file and folder under `dir`, by relative path: a file's bytes, a folder's marker. */
function snapshot(dir: string): Map<string, string> {
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  return new Map(
    entries.map((e) => {
      const path = join(e.parentPath, e.name);
      return [relative(dir, path), e.isDirectory() ? '(folder)' : readFileSync(path).toString('base64')];
    }),
  );
}

beforeAll(async () => {
  experiment = await runExperiment(scenarios, { replications: 4, workers: 1, seed: 2 });
  dir = outFolderWith({ ...PREVIOUS, ...FOREIGN });
  files = await writeReport(dir, { experiment, scenarios, command: 'orgflow compare a.yaml b.yaml' });
}, 120_000);

describe('the report files', () => {
  it('holds report.html, each chart as SVG and PNG, and the tables as CSV, JSON and Arrow', () => {
    expect(existsSync(files.report)).toBe(true);
    const charts = readdirSync(join(dir, 'charts'));
    for (const stem of [
      'time-to-production',
      'comparison',
      'where-the-time-goes',
      'cumulative-flow',
      'utilisation',
      'throughput',
      'abandonment',
      'journey',
    ]) {
      expect(charts).toContain(`${stem}.svg`);
      expect(charts).toContain(`${stem}.png`);
    }
    expect(readdirSync(join(dir, 'tables'))).toEqual(
      expect.arrayContaining(['summary.csv', 'summary.json', 'summary.arrow', 'replications.csv', 'manifest.json']),
    );
    // every use case only when the experiment kept them (keepItems, the CLI's --items)
    expect(readdirSync(join(dir, 'tables'))).not.toContain('items.csv');
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('is self-contained: its only scripts are its own (the interactive charts, the data), no external resources', () => {
    const html = readFileSync(files.report, 'utf8');
    expect(html.match(/<script[^>]*>/gi)).toEqual([
      '<script type="application/json" id="orgflow-results">',
      '<script>',
    ]);
    expect(html).not.toMatch(/(src|href)="https?:/i);
    expect(html).not.toMatch(/\bfetch\(|XMLHttpRequest|import\(/);
    expect(html).not.toContain(HOSTILE); // only ever escaped
    expect(html).toContain(escapeHtml(HOSTILE));
  });

  it('computes its headline from the results, and states it in its data the same', () => {
    const html = readFileSync(files.report, 'utf8');
    expect(html).toMatch(/<p class="headline" id="headline">.+(faster than|not clearly different).+<\/p>/);
    const data = JSON.parse(
      /<script type="application\/json" id="orgflow-results">(.*?)<\/script>/s.exec(html)?.[1] ?? '',
    );
    expect(data.headline).toBe(findingsOf(experiment).headline.text);
    expect(data.keyFigures).toHaveLength(3);
  });

  it('opens with the finding, three key figures and the verdicts, then the differences, figures with their meaning, domains, types and assumptions', () => {
    const html = readFileSync(files.report, 'utf8');
    const order = [
      'id="headline"',
      'class="key-figures"',
      'class="verdicts"',
      'id="differences"',
      'id="metrics"',
      'class="definitions"',
      'id="by-domain"',
      'id="by-type"',
      'id="charts"',
      'id="assumptions"',
      'id="reproduce"',
    ];
    const at = order.map((marker) => html.indexOf(marker));
    expect(
      at.every((k) => k > 0),
      order.filter((_, k) => at[k] < 0).join(', '),
    ).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(html.match(/class="figure-card"/g)).toHaveLength(3);
    // the assumptions a leader can check: the workflow with its loop-backs, costs and values
    expect(html).toContain('<th>Effort (person-days)</th>');
    expect(html).toMatch(/back to [^<]+ \d+%/);
    expect(html).toContain('<th>Cost a person a year</th>');
    for (const [term] of DEFINITIONS) expect(html).toContain(`<dt>${escapeHtml(term)}</dt>`);
  });

  it('draws the key charts also as 16:9 slides, titled with what they show', () => {
    for (const stem of ['time-to-production', 'comparison', 'where-the-time-goes', 'throughput']) {
      const png = readFileSync(join(dir, 'charts', 'slides', `${stem}.png`));
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], stem).toEqual([1920, 1080]);
    }
    const text = JSON.parse(readFileSync(join(dir, 'charts', 'time-to-production.vl.json'), 'utf8')).title.text;
    const title = [text].flat().join(' ');
    const best = findingsOf(experiment).best ?? '';
    expect(title.startsWith(`${best} gets half its use cases live in `)).toBe(true);
  });

  it('keeps every legend to seven entries or fewer, and cuts no label short', () => {
    for (const file of readdirSync(join(dir, 'charts')).filter((f) => f.endsWith('.svg'))) {
      const svg = readFileSync(join(dir, 'charts', file), 'utf8');
      for (const [, n] of svg.matchAll(/aria-roledescription="legend" aria-label="[^"]* with (\d+) values/g))
        expect(Number(n), file).toBeLessThanOrEqual(7);
      // vega cuts a label longer than its limit with an ellipsis
      expect(svg.match(/>[^<]*…[^<]*</g) ?? [], file).toEqual([]);
    }
  });

  it('replaces the previous report.html, charts/ and tables/ whole, and leaves the rest of the folder alone', () => {
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toMatch(/<p class="headline"/);
    expect(readFileSync(join(dir, 'charts', 'comparison.svg'), 'utf8')).toMatch(/^<svg [^>]+>/);
    expect(readFileSync(join(dir, 'tables', 'summary.csv'), 'utf8')).not.toBe(PREVIOUS['tables/summary.csv']);
    expect(readFileSync(join(dir, 'tables', 'manifest.json'), 'utf8')).toContain('"orgflowVersion"');
    expect(existsSync(join(dir, 'charts', 'tornado.svg'))).toBe(false); // a chart of an earlier run is not left beside the new ones
    for (const [path, content] of Object.entries(FOREIGN)) expect(readFileSync(join(dir, path), 'utf8')).toBe(content);
    expect(readdirSync(dir).sort()).toEqual(['charts', 'notes.txt', 'report.html', 'sweep', 'tables']);
    for (const file of [files.report, ...files.charts, ...files.tables]) expect(existsSync(file)).toBe(true);
  });

  it('is replaced whole or not at all: a run failing after its charts and tables are written leaves the previous report byte for byte', async () => {
    const out = outFolderWith({ ...PREVIOUS, ...FOREIGN });
    const before = snapshot(out);
    let written: string[] = [];
    const failingDocument = (): string => {
      written = readdirSync(out, { recursive: true }).map(String); // what the run had written when its last phase failed
      throw new Error('the document could not be rendered');
    };
    await expect(writeReport(out, { experiment, scenarios, renderDocument: failingDocument })).rejects.toThrow(
      'the document could not be rendered',
    );
    expect(written.some((f) => f.endsWith('charts/journey.png'))).toBe(true); // the charts had been written (somewhere under out),
    expect(written.some((f) => f.endsWith('tables/replications.arrow'))).toBe(true); // and the tables,
    expect(snapshot(out)).toEqual(before); // yet nothing changed: no new file, no temporary folder, the foreign files intact
  });
});

describe.skipIf(!CHROMIUM && !browserRequired)('the report in headless Chromium', () => {
  it('has no console errors, draws every chart, shows the headline, and runs nothing from a hostile name', async () => {
    const browser = await launchChromium();
    try {
      mkdirSync(output, { recursive: true });
      const screenshot = join(output, 'report-desktop.png');
      let figures = 0;
      let chartsWithMarks = 0;
      let headline = '';
      let dataHeadline = '';
      let imgElements = -1;
      let bodyText = '';
      let unlabelled: string[] = [];
      const seen = await visit(browser, files.report, screenshot, async (page) => {
        figures = await page.locator('figure').count();
        chartsWithMarks = await page
          .locator('figure svg')
          .evaluateAll(
            (svgs) =>
              svgs.filter(
                (s) => s.querySelectorAll('path, rect, line').length > 5 && s.getBoundingClientRect().width > 100,
              ).length,
          );
        headline = (await page.locator('#headline').textContent()) ?? '';
        dataHeadline = JSON.parse((await page.locator('#orgflow-results').textContent()) ?? '{}').headline;
        imgElements = await page.locator('img').count();
        bodyText = (await page.locator('body').textContent()) ?? '';
        // every chart has a title and a text alternative
        unlabelled = await page.locator('figure').evaluateAll((all) =>
          all
            .filter((f) => {
              const svg = f.querySelector('svg');
              const title = svg?.querySelector('title')?.textContent ?? '';
              return (
                !svg ||
                title.length < 10 ||
                (svg.getAttribute('aria-label') ?? '').length < 20 ||
                !f.querySelector('figcaption b')?.textContent
              );
            })
            .map((f) => f.id),
        );
      });
      console.log(`report screenshot (desktop): ${screenshot}`);
      expect(seen.consoleErrors).toEqual([]);
      expect(seen.dialogs).toEqual([]);
      expect(seen.requests.every((u) => u.startsWith('file://'))).toBe(true);
      expect(figures).toBeGreaterThanOrEqual(8);
      expect(chartsWithMarks).toBe(figures);
      expect(unlabelled).toEqual([]);
      expect(headline).toMatch(/days to production/);
      expect(headline).toBe(findingsOf(experiment).headline.text);
      expect(dataHeadline).toBe(headline);
      expect(imgElements).toBe(0);
      expect(bodyText).toContain(HOSTILE);
      expect(bodyText).toContain(HOSTILE_2);
      expect(readFileSync(screenshot).subarray(1, 4).toString()).toBe('PNG');
    } finally {
      await browser.close();
    }
  });

  it('fits a phone (390 px): no sideways scroll of the page, tables and charts (at their own size) scroll on their own', async () => {
    const browser = await launchChromium();
    try {
      mkdirSync(output, { recursive: true });
      const screenshot = join(output, 'report-phone.png');
      let pageWidth = 0;
      let scales: number[] = [];
      const seen = await visit(
        browser,
        files.report,
        screenshot,
        async (page) => {
          pageWidth = await page.locator('html').evaluate((html) => html.scrollWidth);
          // each chart drawn at its own size: rendered width over the width it was drawn for
          scales = await page
            .locator('figure svg')
            .evaluateAll((svgs) => svgs.map((s) => s.getBoundingClientRect().width / Number(s.getAttribute('width'))));
        },
        390,
      );
      console.log(`report screenshot (phone): ${screenshot}`);
      expect(seen.consoleErrors).toEqual([]);
      expect(pageWidth).toBeLessThanOrEqual(390);
      // charts keep their size (their text as legible as on a desktop), scrolling within their figure
      for (const scale of scales) expect(scale).toBeCloseTo(1, 2);
    } finally {
      await browser.close();
    }
  });

  it('shows the values of a mark under the pointer, and hides and shows a series from its legend', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`file://${files.report}`);
      const chart = page.locator('#throughput svg');
      const mark = chart.locator('path[aria-roledescription="point"]').first();
      await mark.hover({ force: true });
      const tip = page.locator('.chart-tip');
      await expect.poll(() => tip.isVisible()).toBe(true);
      expect(await tip.textContent()).toMatch(/: /);
      const faded = () =>
        chart.evaluate(
          (svg) =>
            [...svg.querySelectorAll('path, line, rect')].filter(
              (el) => (el as unknown as { style: { opacity: string } }).style.opacity === '0.08',
            ).length,
        );
      expect(await faded()).toBe(0);
      const entry = chart.locator('.legend-toggle').first();
      await entry.click();
      expect(await faded()).toBeGreaterThan(0);
      expect(await entry.getAttribute('aria-pressed')).toBe('true');
      await entry.press('Enter');
      expect(await faded()).toBe(0);
      await page.close();
    } finally {
      await browser.close();
    }
  });
});
