import { adminQuery } from '@app/testing';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { createUser, RunningSuite, startWholeSuite } from '../e2e/suite-fixture';
import { launchBrowser, screenshot, seriousAxeViolations, WebBrowser } from './browser';
import { insertRole, logIn } from './web-fixture';

/** Picks an option of a Mantine Select or MultiSelect by the input's label. */
async function pick(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label, exact: true }).or(page.getByRole('textbox', { name: label, exact: true })).first().click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await page.keyboard.press('Escape');
}

describe('web: the administrator\'s users', () => {
  let run: RunningSuite;
  let web: WebBrowser;
  let page: Page;
  const username = `web.ada.${Math.random().toString(36).slice(2, 7)}`;
  let userId: string;

  beforeAll(async () => {
    run = await startWholeSuite();
    web = await launchBrowser(run.environment.gatewayUrl);
    await insertRole(run, 'WEB_CLERK');
    ({ page } = await web.newPage());
    await logIn(page, 'admin', run.environment.env.ADMIN_PASSWORD);
    await page.waitForURL('**/portal');
  });

  afterAll(async () => {
    await web?.close();
    await run?.suite.stop();
    await run?.environment.dispose();
  });

  it('the header is usable by keyboard with all eleven areas: skip link, then every menu entry in order; Enter opens one', async () => {
    const menu = page.getByRole('navigation', { name: 'Main' }).getByRole('link');
    expect(await menu.allTextContents()).toEqual(['Client portal', 'Tickets', 'Users', 'Business units', 'Roles', 'User Security', 'Portal access', 'Organization settings', 'LDAP directory', 'My access', 'My settings']);
    const focused = () => page.evaluate('document.activeElement.textContent') as Promise<string>;
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Skip to content');
    const reached: string[] = [];
    for (let i = 0; i < 11; i += 1) {
      await page.keyboard.press('Tab');
      reached.push(await focused());
    }
    expect(reached).toEqual(await menu.allTextContents());
    // Back to "Roles" and opened with Enter.
    for (let i = 0; i < 6; i += 1) await page.keyboard.press('Shift+Tab');
    expect(await focused()).toBe('Roles');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/roles');
    await screenshot(page, 'header-keyboard');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('lists the users', async () => {
    await page.getByRole('link', { name: 'Users', exact: true }).click();
    await page.waitForURL('**/users');
    await page.getByTestId('users').locator('tr[data-username="admin"]').waitFor();
    await screenshot(page, 'admin-users-list');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('creates a user through the form, showing the API\'s refusal beside the field it names', async () => {
    await page.getByRole('link', { name: 'New user' }).click();
    await page.waitForURL('**/users/new');
    await page.getByRole('textbox', { name: 'Username', exact: true }).fill(username);
    await page.getByRole('textbox', { name: 'Primary email' }).fill(`${username}@example.com`);
    await page.locator('input[name="password"]').fill('Str0ng-Password');
    await page.locator('input[name="passwordConfirm"]').fill('Str0ng-Passw0rd');
    await page.getByRole('textbox', { name: 'First name' }).fill('Ada');
    await page.getByRole('textbox', { name: 'Last name' }).fill('Lovelace');
    await pick(page, 'Owner business unit', 'Main');
    await pick(page, 'Business units', 'Main');
    await pick(page, 'Roles', 'WEB_CLERK');
    await page.getByLabel('Fixed: WEB_CLERK').check();
    await screenshot(page, 'admin-user-new');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Create user' }).click();
    await page.getByText('passwordConfirm must match password').waitFor();
    const confirm = page.locator('input[name="passwordConfirm"]');
    expect(await confirm.getAttribute('aria-invalid')).toBe('true');
    // The message is the field's own description (beside it), not only somewhere on the page.
    expect(await page.locator(`#${await confirm.getAttribute('aria-describedby')}`).textContent()).toContain('passwordConfirm must match password');
    await screenshot(page, 'admin-user-new-refused');

    await page.locator('input[name="passwordConfirm"]').fill('Str0ng-Password');
    await page.getByRole('button', { name: 'Create user' }).click();
    await page.getByText('User created.').waitFor();
    userId = /\/users\/([0-9a-f-]{36})$/.exec(page.url())![1];
    const created = (await run.admin.get(`/api/users/${userId}`)).body;
    expect({ username: created.username, roles: created.roles.map((r: { name: string; fixed: boolean }) => [r.name, r.fixed]) }).toEqual({ username, roles: [['WEB_CLERK', true]] });
    await screenshot(page, 'admin-user-view');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('edits the user (PATCH with what changed)', async () => {
    await page.getByRole('link', { name: 'Edit' }).click();
    await page.waitForURL('**/edit');
    await page.getByRole('textbox', { name: 'Middle name' }).fill('King');
    await screenshot(page, 'admin-user-edit');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('user-details').getByText('Ada King Lovelace').waitFor();
    expect((await run.admin.get(`/api/users/${userId}`)).body.middleName).toBe('King');
  });

  it('finds the user with a filter, disables and enables it', async () => {
    await page.goto('/users');
    await page.getByRole('textbox', { name: 'Search' }).fill(username);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByTestId('page-status').filter({ hasText: '(1 user)' }).waitFor();
    await page.getByRole('link', { name: username }).click();
    await page.getByRole('button', { name: 'Disable' }).click();
    await page.getByText('Disabled: its sessions were ended.').waitFor();
    await page.getByTestId('user-enabled').filter({ hasText: 'Disabled' }).waitFor();

    await page.goto('/users');
    const adminRow = page.getByTestId('users').locator('tr[data-username="admin"]');
    // The unfiltered list first: were the filter clicked before it, the admin's row would be "gone" at once.
    await adminRow.waitFor();
    await page.getByRole('search').locator('label').filter({ hasText: /^Disabled$/ }).click();
    // The enabled admin leaves the list once the filtered answer is in; the disabled user stays.
    await adminRow.waitFor({ state: 'detached' });
    expect(await page.getByTestId('users').locator(`tr[data-username="${username}"]`).count()).toBe(1);
    await screenshot(page, 'admin-users-disabled-filter');

    await page.getByRole('link', { name: username }).click();
    await page.getByRole('button', { name: 'Enable' }).click();
    await page.getByText('Enabled.', { exact: true }).waitFor();
    expect((await run.admin.get(`/api/users/${userId}`)).body.enabled).toBe(true);
  });

  it('generates an API key shown once, which works', async () => {
    await page.getByRole('button', { name: 'Generate API key' }).click();
    const panel = page.getByTestId('api-key');
    await panel.getByText('you will not see it again').waitFor();
    const key = (await panel.getByLabel('API key').textContent())!.trim();
    expect(key).toMatch(/^crm_/);
    await page.getByRole('button', { name: 'Copy the key' }).waitFor();
    await screenshot(page, 'admin-user-api-key');
    expect(await seriousAxeViolations(page)).toEqual([]);
    // The key is the user's: a request made with it is that user's.
    expect((await run.api.request('GET', '/api/me', undefined, { 'x-api-key': key })).body.username).toBe(username);

    await page.reload();
    await page.getByRole('button', { name: 'Generate API key' }).waitFor();
    expect(await page.getByText(key).count()).toBe(0);
  });

  it("resets the user's password", async () => {
    await page.getByRole('button', { name: 'Reset password', exact: true }).click();
    await page.getByText(/Password reset: a one-time link was mailed/).waitFor();
    await page.getByTestId('user-auth-status').filter({ hasText: 'Password reset' }).waitFor();
    expect((await run.admin.get(`/api/users/${userId}`)).body.authStatus).toBe('PASSWORD_RESET');
  });

  it('resets the passwords of several checked users at once', async () => {
    const other = await createUser(run);
    await page.goto('/users');
    await page.getByLabel(`Select ${username}`).check();
    await page.getByLabel(`Select ${other.username}`).check();
    await page.getByRole('button', { name: 'Reset passwords of 2 selected' }).click();
    await page.getByText('Reset 2 passwords').waitFor();
    expect((await run.admin.get(`/api/users/${other.id}`)).body.authStatus).toBe('PASSWORD_RESET');
  });

  it('exports the users, shows the progress and downloads a CSV with the user in it', async () => {
    await page.goto('/users');
    await page.getByRole('button', { name: 'Export users' }).click();
    const downloadButton = page.getByRole('button', { name: 'Download CSV' });
    await downloadButton.waitFor({ timeout: 30_000 });
    await page.getByText(/Export ready: \d+ users/).waitFor();
    await screenshot(page, 'admin-users-export');
    const [download] = await Promise.all([page.waitForEvent('download'), downloadButton.click()]);
    expect(download.suggestedFilename()).toMatch(/^users-.*\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain(username);
    expect(csv.split('\n')[0]).toContain('username');
  });

  it("lists on the user's page who can see the user: those whose roles reach it, with their level and roles", async () => {
    const [viewerRole] = await adminQuery<{ id: string }>(
      run.environment.databases.identity,
      `INSERT INTO roles (name, read_only, permissions, capabilities, field_permissions) VALUES ('WEB_WHO_VIEWER', false, '[{"entity":"User","action":"VIEW","level":"ORGANIZATION"}]', '[]', '[]') RETURNING id`,
    );
    const viewer = await createUser(run, { roles: [{ roleId: viewerRole.id, fixed: false, default: true }] });
    await page.goto(`/users/${userId}`);
    const panel = page.getByRole('region', { name: 'Who can see this' });
    const rows = panel.getByTestId('who-can-see-users');
    await rows.locator(`tr[data-username="${viewer.username}"]`).waitFor();
    const row = async (name: string) => (await rows.locator(`tr[data-username="${name}"]`).allTextContents()).join('');
    expect(await row(viewer.username)).toBe(`${viewer.username}ORGANIZATIONWEB_WHO_VIEWER`);
    expect(await row('admin')).toMatch(/^admin\w+ADMINISTRATOR/);
    // The user's own role grants nothing on User: the user is not among those who see it.
    expect(await rows.locator(`tr[data-username="${username}"]`).count()).toBe(0);
    await screenshot(page, 'admin-user-who-can-see');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('shows a user without User EDIT no create, select or edit controls', async () => {
    const [viewer] = await adminQuery<{ id: string }>(
      run.environment.databases.identity,
      `INSERT INTO roles (name, read_only, permissions, capabilities, field_permissions) VALUES ('WEB_USER_VIEWER', false, '[{"entity":"User","action":"VIEW","level":"ORGANIZATION"}]', '[]', '[]') RETURNING id`,
    );
    const reader = await createUser(run, { roles: [{ roleId: viewer.id, fixed: false, default: true }] });
    const second = await web.newPage();
    await logIn(second.page, reader.username, reader.password);
    await second.page.waitForURL('**/portal');
    await second.page.goto('/users');
    await second.page.getByTestId('users').locator('tr[data-username="admin"]').waitFor();
    expect(await second.page.getByRole('link', { name: 'New user' }).count()).toBe(0);
    expect(await second.page.getByRole('button', { name: /Reset passwords/ }).count()).toBe(0);
    expect(await second.page.getByRole('checkbox', { name: /^Select / }).count()).toBe(0);
    expect(await second.page.getByRole('button', { name: 'Export users' }).count()).toBe(0);
    await second.page.getByRole('link', { name: username }).click();
    await second.page.getByTestId('user-details').waitFor();
    // Who can see this needs user_management besides User VIEW: not offered to this reader.
    expect(await second.page.getByRole('region', { name: 'Who can see this' }).count()).toBe(0);
    for (const name of ['Edit', 'Disable', 'Reset password', 'Generate API key']) {
      expect({ name, count: await second.page.getByRole(name === 'Edit' ? 'link' : 'button', { name }).count() }).toEqual({ name, count: 0 });
    }
    await screenshot(second.page, 'admin-users-read-only');
    expect(await seriousAxeViolations(second.page)).toEqual([]);
    await second.context.close();
  });
});
