import { eventually } from '@app/testing';
import type { Page } from 'playwright-core';
import { createUser, RunningSuite, startWholeSuite } from '../e2e/suite-fixture';
import { launchBrowser, screenshot, seriousAxeViolations, WebBrowser } from './browser';
import { insertRole, logIn } from './web-fixture';

const ALL = ['HELP_GUIDE', 'BLOG', 'LIVE_CHAT', 'SERVICE_TICKETS', 'PAYMENTS', 'MODULES'];

/** The portal's six buttons as the page shows them: which are enabled. */
async function portalButtons(page: Page): Promise<{ label: string; enabled: boolean }[]> {
  const buttons = page.getByTestId('portal-buttons').locator('[data-feature]');
  await buttons.first().waitFor();
  return Promise.all(
    (await buttons.all()).map(async (button) => ({
      label: (await button.textContent())!.trim(),
      enabled: (await button.getAttribute('disabled')) === null && (await button.getAttribute('data-disabled')) === null,
    })),
  );
}

describe('web: the client portal', () => {
  let run: RunningSuite;
  let web: WebBrowser;
  let page: Page;
  let user: { id: string; username: string; password: string };

  beforeAll(async () => {
    run = await startWholeSuite();
    web = await launchBrowser(run.environment.gatewayUrl);
    // A CRM user whose one role grants nothing: what it sees comes from its portal access alone.
    user = await createUser(run, { roles: [{ roleId: await insertRole(run, 'PORTAL_ONLY'), fixed: false, default: true }] });
    ({ page } = await web.newPage());
  });

  afterAll(async () => {
    await web?.close();
    await run?.suite.stop();
    await run?.environment.dispose();
  });

  it("a new user's portal shows exactly three enabled buttons, the other three greyed out", async () => {
    // The portal learns of the user from identity's event: its home answers once the mirror exists.
    const session = await run.api.login(user.username, user.password);
    await eventually(async () => ((await session.get('/api/portal/home')).status === 200 ? true : undefined), 10_000);
    await logIn(page, user.username, user.password);
    await page.waitForURL('**/portal');
    const buttons = await portalButtons(page);
    expect(buttons).toEqual([
      { label: 'Help Guide', enabled: true },
      { label: 'Blog', enabled: true },
      { label: 'Live Chat', enabled: true },
      { label: 'Service Tickets', enabled: false },
      { label: 'Payments', enabled: false },
      { label: 'Modules', enabled: false },
    ]);
    await screenshot(page, 'portal-home-minimum');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('shows the new buttons after a reload once an administrator grants a portal access profile', async () => {
    const profile = await run.admin.post('/api/portal/access-profiles', { name: 'Gold', description: 'Everything the portal has.', features: ALL });
    expect(profile.status).toBe(201);
    expect((await run.admin.put(`/api/portal/users/${user.id}/access`, { profile: 'Gold' })).status).toBe(200);
    await page.reload();
    expect((await portalButtons(page)).every((b) => b.enabled)).toBe(true);
    await expect(page.getByTestId('portal-access').textContent()).resolves.toContain('Gold');
    await screenshot(page, 'portal-home-gold');
  });

  it('submits a service request, lists it and opens it', async () => {
    await page.getByRole('link', { name: 'Service Tickets' }).click();
    await page.waitForURL('**/portal/service-requests');
    await page.getByLabel('Subject').fill('The export is slow');
    await page.getByLabel('Description').fill('It takes minutes.');
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.getByRole('link', { name: 'The export is slow' }).waitFor();
    await screenshot(page, 'portal-service-requests');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'The export is slow' }).click();
    await page.getByRole('heading', { name: 'The export is slow' }).waitFor();
    await page.getByText('It takes minutes.').waitFor();
    await screenshot(page, 'portal-service-request');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('shows a refusal beside the field it names', async () => {
    await page.goto('/portal/service-requests');
    await page.getByLabel('Subject').fill('   ');
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.getByText('subject must not be blank').waitFor();
    const subject = page.getByLabel('Subject');
    expect(await subject.getAttribute('aria-invalid')).toBe('true');
  });

  it('makes a payment and shows it in the list and the balance', async () => {
    await page.goto('/portal');
    await page.getByRole('link', { name: 'Payments' }).click();
    await page.waitForURL('**/portal/payments');
    await page.getByLabel(/^Amount/).fill('12.50');
    await page.getByRole('button', { name: 'Pay' }).click();
    await page.getByRole('status').filter({ hasText: 'Payment recorded' }).waitFor();
    await page.getByTestId('payments').getByText('Card').waitFor();
    const account = (await (await run.api.login(user.username, user.password)).get('/api/portal/account')).body;
    expect(account.payments).toBe(1250);
    await screenshot(page, 'portal-payments');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('adds a module and removes it again', async () => {
    await page.goto('/portal');
    await page.getByRole('link', { name: 'Modules' }).click();
    await page.waitForURL('**/portal/modules');
    const add = page.getByRole('button', { name: /^Add / }).first();
    const name = (await add.getAttribute('aria-label'))!.replace(/^Add /, '');
    await add.click();
    await page.getByRole('button', { name: `Remove ${name}` }).waitFor();
    const session = await run.api.login(user.username, user.password);
    expect((await session.get('/api/portal/modules')).body.items.filter((m: { added: boolean }) => m.added).map((m: { name: string }) => m.name)).toEqual([name]);
    await screenshot(page, 'portal-modules');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: `Remove ${name}` }).click();
    await page.getByRole('button', { name: `Add ${name}` }).waitFor();
  });
});
