/**
 * The leadership report: written from a small experiment whose scenario names are hostile,
 * then opened in headless Chromium (Debian's, driven by playwright-core): no console errors,
 * no network, every chart drawn, the headline present, the hostile names shown as text and
 * never run. A screenshot is saved in test/.output/.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
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
  { name: HOSTILE, spec: { ...validateScenario(poolingScenario('pooled', 1)).spec, name: HOSTILE, description: HOSTILE_2 } },
  { name: HOSTILE_2, spec: { ...validateScenario(poolingScenario('fragmented', 1)).spec, name: HOSTILE_2 } },
];

beforeAll(async () => {
  experiment = await runExperiment(scenarios, { replications: 4, workers: 1, seed: 2 });
  dir = mkdtempSync(join(tmpdir(), 'orgflow-report-'));
  files = await writeReport(dir, { experiment, scenarios, command: 'orgflow compare a.yaml b.yaml' });
}, 120_000);

describe('the report files', () => {
  it('holds report.html, each chart as SVG and PNG, and the tables as CSV, JSON and Arrow', () => {
    expect(existsSync(files.report)).toBe(true);
    const charts = readdirSync(join(dir, 'charts'));
    for (const stem of ['time-to-production', 'comparison', 'where-the-time-goes', 'cumulative-flow', 'utilisation', 'throughput', 'abandonment', 'journey']) {
      expect(charts).toContain(`${stem}.svg`);
      expect(charts).toContain(`${stem}.png`);
    }
    expect(readdirSync(join(dir, 'tables'))).toEqual(expect.arrayContaining(['summary.csv', 'summary.json', 'summary.arrow', 'items.csv', 'manifest.json']));
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

  it('is replaced whole or not at all: a failed run leaves the previous report untouched', async () => {
    const previous = join(mkdtempSync(join(tmpdir(), 'orgflow-report-')), 'out');
    mkdirSync(previous);
    writeFileSync(join(previous, 'report.html'), 'previous report');
    const broken = { ...experiment, scenarios: [] };
    await expect(writeReport(previous, { experiment: broken, scenarios: [] })).rejects.toThrow();
    expect(readFileSync(join(previous, 'report.html'), 'utf8')).toBe('previous report');
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
        chartsWithMarks = await page.locator('figure svg').evaluateAll((svgs) => svgs.filter((s) => s.querySelectorAll('path, rect, line').length > 5 && s.getBoundingClientRect().width > 100).length);
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
