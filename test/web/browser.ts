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

/** The menu entry of the page shown (NavLink marks it `aria-current="page"`). */
const ACTIVE_MENU_ENTRY = 'nav[aria-label="Main"] a[aria-current="page"]';

type SeriousViolation = { id: string; impact: string | null; help: string; targets: string[] };

/** axe-core's serious and critical violations in `selector` (the whole page without one). */
async function axeViolations(page: Page, selector?: string): Promise<SeriousViolation[]> {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern (a <script> would be refused).
  await page.evaluate(AXE_SOURCE);
  // Runs in the page, where axe-core put `axe` on the global object (the root tsconfig has no DOM types).
  const violations = await page.evaluate(async (context) => {
    const axe = (globalThis as unknown as { axe: { run(context?: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await (context ? axe.run(context) : axe.run())).violations;
  }, selector);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
}

/**
 * axe-core's serious and critical violations of the page as it is now (empty: none), then of the
 * menu with the pointer on the active entry: its hover colours are checked too, not avoided.
 */
export async function seriousAxeViolations(page: Page): Promise<SeriousViolation[]> {
  const violations = await axeViolations(page);
  const active = page.locator(ACTIVE_MENU_ENTRY);
  if ((await active.count()) === 0) return violations;
  // Under an open dialog the menu cannot be pointed at (the overlay takes the pointer): nothing to hover.
  const reachable = await active.hover({ trial: true, timeout: 2000 }).then(() => true, () => false);
  if (!reachable) return violations;
  await active.hover();
  const hovered = await axeViolations(page, ACTIVE_MENU_ENTRY);
  return [...violations, ...hovered.map((v) => ({ ...v, help: `${v.help} (active menu entry hovered)` }))];
}
