import { adminQuery, LdapServer, startLdapServer } from '@app/testing';
import type { Page } from 'playwright-core';
import { containers, group, person, personDn } from '../e2e/ldap-fixture';
import { RunningSuite, startWholeSuite } from '../e2e/suite-fixture';
import { launchBrowser, screenshot, seriousAxeViolations, WebBrowser } from './browser';
import { insertRole, logIn } from './web-fixture';

const SUPPORT_GROUP = 'cn=support,ou=groups,dc=example,dc=org';

/** Picks an option of a Mantine Select or MultiSelect by the input's label. */
async function pick(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label, exact: true }).or(page.getByRole('textbox', { name: label, exact: true })).first().click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await page.keyboard.press('Escape');
}

/** The administrator configures the organization's LDAP directory in its page, tests it, imports its users. */
describe('web: the LDAP directory', () => {
  let run: RunningSuite;
  let ldap: LdapServer;
  let web: WebBrowser;

  beforeAll(async () => {
    ldap = await startLdapServer({ entries: [...containers, person('ann'), person('bob'), group('support', [personDn('ann')])] });
    run = await startWholeSuite();
    web = await launchBrowser(run.environment.gatewayUrl);
    await insertRole(run, 'WEB_LDAP_MEMBER');
    await insertRole(run, 'WEB_LDAP_SUPPORT');
  });

  afterAll(async () => {
    await web?.close();
    await run?.suite.stop();
    await run?.environment.dispose();
    await ldap?.stop();
  });

  it('is configured, tested and imported in the page; an imported user shows its DN and no password reset', async () => {
    const { page } = await web.newPage();
    await logIn(page, 'admin', run.environment.env.ADMIN_PASSWORD);
    await page.waitForURL('**/portal');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'LDAP directory' }).click();
    await page.getByText('No directory is configured').waitFor();

    const form = page.getByRole('form', { name: 'LDAP directory' });
    await form.getByRole('textbox', { name: 'URL' }).fill('http://127.0.0.1:389');
    await form.getByRole('textbox', { name: 'Bind DN' }).fill(ldap.bindDn);
    await form.locator('input[name="bindPassword"]').fill(ldap.password);
    await form.getByRole('textbox', { name: 'Base DN' }).fill('ou=people,dc=example,dc=org');
    await pick(page, 'Owner business unit', 'Main');
    await pick(page, 'Default roles', 'WEB_LDAP_MEMBER');
    await form.getByRole('button', { name: 'Add group mapping' }).click();
    await form.getByRole('textbox', { name: 'Group DN 1' }).fill(SUPPORT_GROUP);
    await pick(page, 'Role 1', 'WEB_LDAP_SUPPORT');

    // The API's 400 beside the field it names; nothing saved.
    await form.getByRole('button', { name: 'Save' }).click();
    const url = form.getByRole('textbox', { name: 'URL' });
    await form.getByText('url must be ldap://host[:port] or ldaps://host[:port]').waitFor();
    expect(await url.getAttribute('aria-invalid')).toBe('true');
    expect((await run.admin.get(`/api/organizations/${run.ids.organizationId}/ldap`)).status).toBe(404);

    await url.fill(ldap.url);
    await form.getByRole('button', { name: 'Test connection' }).click();
    const tested = page.getByTestId('ldap-test-result');
    await tested.getByText('2 users found.').waitFor();
    expect(await tested.textContent()).toContain('Connection OK');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await form.getByText('Stored: leave empty to keep it.').waitFor();
    expect(await form.locator('input[name="bindPassword"]').inputValue()).toBe('');
    const saved = (await run.admin.get(`/api/organizations/${run.ids.organizationId}/ldap`)).body;
    expect(saved).toMatchObject({ url: ldap.url, hasBindPassword: true, roleMapping: [{ groupDn: SUPPORT_GROUP }], ownerBusinessUnitId: run.ids.businessUnitId });
    expect(saved.defaultRoleIds).toHaveLength(1);

    await page.getByRole('button', { name: 'Import now' }).click();
    const job = page.getByTestId('ldap-import');
    await job.getByText('Import DONE').waitFor({ timeout: 20_000 });
    expect(await job.textContent()).toContain('created 2, updated 0, disabled 0');
    await screenshot(page, 'ldap-directory');
    expect(await seriousAxeViolations(page)).toEqual([]);

    const [ann] = await adminQuery<{ id: string }>(run.environment.databases.identity, "SELECT id FROM users WHERE username = 'ann'");
    await page.goto(`/users/${ann.id}`);
    const details = page.getByTestId('user-details');
    await details.getByText(personDn('ann')).waitFor();
    expect(await details.locator('tr', { hasText: 'LDAP DN' }).locator('td').textContent()).toBe(personDn('ann'));
    await page.getByText('Password managed by the LDAP directory').waitFor();
    expect(await page.getByRole('button', { name: 'Reset password' }).count()).toBe(0);
    await screenshot(page, 'ldap-user');
  });
});
