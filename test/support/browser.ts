/**
 * Headless Debian Chromium driven by playwright-core, with the flags this environment needs
 * (no sandbox as root, no background networking: the machine has no network).
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

export async function launchChromium(): Promise<Browser> {
  if (!CHROMIUM) throw new Error('Chromium is not installed: run .ci/run, or apt-get install chromium');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface PageVisit {
  consoleErrors: string[];
  dialogs: string[];
  requests: string[];
}

/** Opens a local file in a window `width` pixels wide, records console errors, dialogs (alert...) and every request, takes a screenshot of the whole page. */
export async function visit(
  browser: Browser,
  file: string,
  screenshot: string,
  inspect: (page: import('playwright-core').Page) => Promise<void>,
  width = 1280,
): Promise<PageVisit> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const result: PageVisit = { consoleErrors: [], dialogs: [], requests: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') result.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => result.consoleErrors.push(e.message));
  page.on('dialog', async (d) => {
    result.dialogs.push(d.message());
    await d.dismiss();
  });
  page.on('request', (r) => result.requests.push(r.url()));
  await page.goto(`file://${file}`);
  await page.waitForLoadState('load');
  await inspect(page);
  await page.screenshot({ path: screenshot, fullPage: true });
  await page.close();
  return result;
}
