import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`; .ci/run installs it when missing): nothing is downloaded. */
const EXECUTABLE = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = resolve(__dirname, '../../test-results');
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface WebBrowser {
  browser: Browser;
  /** A fresh context (its own sessionStorage) with a page on the suite's gateway. */
  newPage(): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

/**
 * Headless Chromium with everything that could reach the network on its own off: the pages talk
 * only to the suite on 127.0.0.1. Playwright gives each launch a fresh temporary --user-data-dir
 * (it refuses one passed in `args`) and deletes it on close.
 */
export async function launchBrowser(baseURL: string): Promise<WebBrowser> {
  const browser = await chromium.launch({
    executablePath: EXECUTABLE,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
  return {
    browser,
    async newPage() {
      const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 } });
      return { context, page: await context.newPage() };
    },
    async close() {
      await browser.close();
    },
  };
}

/** A full-page screenshot under test-results/ (ignored by git), named by the test. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's serious and critical violations of the page as it is now (empty: none). */
export async function seriousAxeViolations(page: Page): Promise<{ id: string; impact: string | null; help: string; targets: string[] }[]> {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern (a <script> would be refused).
  await page.evaluate(AXE_SOURCE);
  // Runs in the page, where axe-core put `axe` on the global object (the root tsconfig has no DOM types).
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
}
