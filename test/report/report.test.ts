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
import { escapeHtml, writeReport, type ReportFiles } from '../../src/report/index.js';
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

  it('is self-contained: no scripts, no external resources', () => {
    const html = readFileSync(files.report, 'utf8');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(src|href)="https?:/i);
    expect(html).not.toContain(HOSTILE); // only ever escaped
    expect(html).toContain(escapeHtml(HOSTILE));
  });

  it('computes its headline from the results', () => {
    const html = readFileSync(files.report, 'utf8');
    expect(html).toMatch(/<p class="headline" id="headline">.+(faster than|not clearly different).+<\/p>/);
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
      const screenshot = join(output, 'report.png');
      let figures = 0;
      let chartsWithMarks = 0;
      let headline = '';
      let imgElements = -1;
      let bodyText = '';
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
        imgElements = await page.locator('img').count();
        bodyText = (await page.locator('body').textContent()) ?? '';
      });
      expect(seen.consoleErrors).toEqual([]);
      expect(seen.dialogs).toEqual([]);
      expect(seen.requests.every((u) => u.startsWith('file://'))).toBe(true);
      expect(figures).toBeGreaterThanOrEqual(8);
      expect(chartsWithMarks).toBe(figures);
      expect(headline).toMatch(/days to production/);
      expect(imgElements).toBe(0);
      expect(bodyText).toContain(HOSTILE);
      expect(bodyText).toContain(HOSTILE_2);
      expect(readFileSync(screenshot).subarray(1, 4).toString()).toBe('PNG');
    } finally {
      await browser.close();
    }
  });
});
