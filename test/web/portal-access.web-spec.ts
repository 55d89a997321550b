import { eventually } from '@app/testing';
import type { Page } from 'playwright-core';
import { createUser, RunningSuite, startWholeSuite } from '../e2e/suite-fixture';
import { launchBrowser, screenshot, seriousAxeViolations, WebBrowser } from './browser';
import { insertRole, logIn } from './web-fixture';

/** The labels of the portal home's enabled buttons. */
async function enabledButtons(page: Page): Promise<string[]> {
  const buttons = page.getByTestId('portal-buttons').locator('[data-feature]');
  await buttons.first().waitFor();
  const enabled: string[] = [];
  for (const button of await buttons.all()) {
    if ((await button.getAttribute('disabled')) === null && (await button.getAttribute('data-disabled')) === null) enabled.push((await button.textContent())!.trim());
  }
  return enabled;
}

describe('web: portal access administration', () => {
  let run: RunningSuite;
  let web: WebBrowser;
  let admin: Page;
  let userPage: Page;
  let user: { id: string; username: string; password: string };

  beforeAll(async () => {
    run = await startWholeSuite();
    web = await launchBrowser(run.environment.gatewayUrl);
    user = await createUser(run, { roles: [{ roleId: await insertRole(run, 'PORTAL_ONLY'), fixed: false, default: true }] });
    // The portal learns of the user from identity's event: its home answers once the mirror exists.
    const session = await run.api.login(user.username, user.password);
    await eventually(async () => ((await session.get('/api/portal/home')).status === 200 ? true : undefined), 10_000);
    ({ page: userPage } = await web.newPage());
    await logIn(userPage, user.username, user.password);
    await userPage.waitForURL('**/portal');
    ({ page: admin } = await web.newPage());
    await logIn(admin, 'admin', run.environment.env.ADMIN_PASSWORD);
    await admin.waitForURL('**/portal');
  });

  afterAll(async () => {
    await web?.close();
    await run?.suite.stop();
    await run?.environment.dispose();
  });

  it('lists the profiles with the built-in MINIMUM read-only, and adds one', async () => {
    await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Portal access' }).click();
    await admin.waitForURL('**/portal-access');
    const minimum = admin.getByTestId('access-profiles').locator('[data-profile="MINIMUM"]');
    await expect(minimum.textContent()).resolves.toContain('Help Guide, Blog, Live Chat');
    expect(await minimum.getByRole('button').count()).toBe(0);

    await admin.getByRole('button', { name: 'Add profile' }).click();
    const form = admin.getByRole('form', { name: 'Add an access profile' });
    await form.getByRole('textbox', { name: /^Profile name/ }).fill('Gold');
    await form.getByRole('textbox', { name: /^Description/ }).fill('Everything the portal has.');
    for (const feature of ['Help Guide', 'Blog', 'Live Chat', 'Service Tickets', 'Payments', 'Modules']) await form.getByRole('checkbox', { name: feature }).check();
    await form.getByRole('button', { name: 'Add profile' }).click();
    await form.waitFor({ state: 'detached' });
    const gold = admin.getByTestId('access-profiles').locator('[data-profile="Gold"]');
    await expect(gold.textContent()).resolves.toContain('Everything the portal has.');
    await screenshot(admin, 'portal-access-profiles');
    expect(await seriousAxeViolations(admin)).toEqual([]);
  });

  it("grants a profile to a user on the page: the user's portal home shows the new buttons after a reload", async () => {
    expect(await enabledButtons(userPage)).toEqual(['Help Guide', 'Blog', 'Live Chat']);

    await admin.getByRole('textbox', { name: /^Find a user/ }).fill(user.username);
    const picker = admin.getByRole('combobox', { name: 'User' });
    await picker.locator('option', { hasText: user.username }).waitFor({ state: 'attached' });
    await picker.selectOption({ label: `${user.username} (Ada Lovelace)` });
    await expect(admin.getByTestId('current-access').textContent()).resolves.toContain('Now: MINIMUM');
    await admin.getByRole('combobox', { name: 'Profile' }).selectOption('Gold');
    await expect(admin.getByTestId('profile-description').textContent()).resolves.toContain('Everything the portal has.');
    await admin.getByRole('button', { name: 'Save access' }).click();
    await admin.getByRole('status').filter({ hasText: 'Saved: Gold.' }).waitFor();
    await screenshot(admin, 'portal-access-user');
    expect(await seriousAxeViolations(admin)).toEqual([]);

    await userPage.reload();
    expect(await enabledButtons(userPage)).toEqual(['Help Guide', 'Blog', 'Live Chat', 'Service Tickets', 'Payments', 'Modules']);
    await expect(userPage.getByTestId('portal-access').textContent()).resolves.toContain('Gold');
  });

  it('refuses to remove a profile users hold, beside it; removing the access restores the minimum; then the profile goes', async () => {
    const gold = admin.getByTestId('access-profiles').locator('[data-profile="Gold"]');
    await gold.getByRole('button', { name: 'Remove Gold' }).click();
    await gold.getByRole('alert').filter({ hasText: 'held by users' }).waitFor();

    await admin.getByRole('button', { name: 'Update Gold' }).click();
    const update = admin.getByRole('form', { name: 'Update Gold' });
    await update.getByRole('textbox', { name: /^Description/ }).fill('   ');
    await update.getByRole('button', { name: 'Save profile' }).click();
    await update.getByText('description must not be blank').waitFor();
    await update.getByRole('textbox', { name: /^Description/ }).fill('All six features.');
    await update.getByRole('button', { name: 'Save profile' }).click();
    await update.waitFor({ state: 'detached' });
    await gold.getByText('All six features.').waitFor();

    await admin.getByRole('button', { name: 'Remove access (back to the minimum)' }).click();
    await admin.getByRole('status').filter({ hasText: 'Saved: MINIMUM.' }).waitFor();
    await expect(admin.getByTestId('current-access').textContent()).resolves.toContain('Now: MINIMUM');
    await userPage.reload();
    expect(await enabledButtons(userPage)).toEqual(['Help Guide', 'Blog', 'Live Chat']);

    await gold.getByRole('button', { name: 'Remove Gold' }).click();
    await gold.waitFor({ state: 'detached' });
  });
});
