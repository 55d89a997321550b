import type { Page } from 'playwright-core';
import { createUser, RunningSuite, startWholeSuite } from '../e2e/suite-fixture';
import { launchBrowser, screenshot, seriousAxeViolations, WebBrowser } from './browser';
import { logIn } from './web-fixture';

interface CatalogueEntity {
  name: string;
  actions: string[];
  levels: string[];
}

/** The options a grid cell's level picker offers. */
const optionsOf = (page: Page, entity: string, action: string) => page.getByLabel(`${entity} ${action}`, { exact: true }).locator('option').allTextContents();

describe('web: roles as the permission grid', () => {
  let run: RunningSuite;
  let web: WebBrowser;
  let admin: Page;

  beforeAll(async () => {
    run = await startWholeSuite();
    web = await launchBrowser(run.environment.gatewayUrl);
    ({ page: admin } = await web.newPage());
    await logIn(admin, 'admin', run.environment.env.ADMIN_PASSWORD);
    await admin.waitForURL('**/portal');
  });

  afterAll(async () => {
    await web?.close();
    await run?.suite.stop();
    await run?.environment.dispose();
  });

  it('lists CRM and tickets roles', async () => {
    await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Roles' }).click();
    await admin.waitForURL('**/roles');
    await admin.getByTestId('crm-roles').getByRole('link', { name: 'ADMINISTRATOR', exact: true }).waitFor();
    await admin.getByTestId('tickets-roles').getByRole('link', { name: 'TICKETS_ADMINISTRATOR', exact: true }).waitFor();
    await screenshot(admin, 'roles-list');
    expect(await seriousAxeViolations(admin)).toEqual([]);

    // The built-in role is shown, not offered for change: the API would refuse (409 ROLE_PROTECTED).
    await admin.getByTestId('crm-roles').getByRole('link', { name: 'ADMINISTRATOR', exact: true }).click();
    await admin.getByText('ADMINISTRATOR is built in').waitFor();
    expect(await admin.getByRole('button', { name: /Save role|Delete role/ }).count()).toBe(0);
    expect(await admin.getByTestId('permission-grid').getByRole('combobox').count()).toBe(0);
  });

  it('offers in each cell only the levels the entity’s ownership allows', async () => {
    await admin.goto('/roles/new');
    await admin.getByTestId('permission-grid').waitFor();
    const catalogue: { entities: CatalogueEntity[] } = (await run.admin.get('/api/roles/catalogue')).body;
    // Organization is organization-owned: no USER, BUSINESS_UNIT or DIVISION; User is owned by a unit: no USER.
    expect(await optionsOf(admin, 'Organization', 'VIEW')).toEqual(['NONE', 'ORGANIZATION', 'GLOBAL']);
    expect(await optionsOf(admin, 'User', 'VIEW')).toEqual(['NONE', 'BUSINESS_UNIT', 'DIVISION', 'ORGANIZATION', 'GLOBAL']);
    expect(await optionsOf(admin, 'SecurityProfile', 'EDIT')).toEqual(['NONE', 'GLOBAL']);
    // Every cell, against the catalogue; an action the entity lacks has no picker at all.
    for (const entity of catalogue.entities) {
      for (const action of entity.actions) expect({ cell: `${entity.name} ${action}`, options: await optionsOf(admin, entity.name, action) }).toEqual({ cell: `${entity.name} ${action}`, options: entity.levels });
    }
    expect(await admin.getByLabel('Organization CONFIGURE', { exact: true }).count()).toBe(0);
    expect(await admin.getByLabel('User CONFIGURE', { exact: true }).count()).toBe(1);
    await screenshot(admin, 'role-editor-new');
    expect(await seriousAxeViolations(admin)).toEqual([]);

    // Tickets' entities are user-owned: their rows do offer USER.
    await admin.goto('/roles/tickets/new');
    await admin.getByTestId('permission-grid').waitFor();
    expect(await optionsOf(admin, 'Ticket', 'VIEW')).toEqual(['NONE', 'USER', 'BUSINESS_UNIT', 'DIVISION', 'ORGANIZATION', 'GLOBAL']);
    expect(await optionsOf(admin, 'TicketRole', 'VIEW')).toEqual(['NONE', 'GLOBAL']);
    expect(await admin.getByTestId('field-grid-User').count()).toBe(0);
    await screenshot(admin, 'tickets-role-editor-new');
    expect(await seriousAxeViolations(admin)).toEqual([]);
  });

  it('creates a role through the grid, capabilities and field permissions included, and edits it whole', async () => {
    await admin.goto('/roles');
    await admin.getByRole('link', { name: 'New CRM role' }).click();
    await admin.getByRole('textbox', { name: /^Name/ }).fill('WEB_AUDITOR');
    await admin.getByRole('textbox', { name: /^Label/ }).fill('Reads users');
    await admin.getByLabel('User VIEW', { exact: true }).selectOption('ORGANIZATION');
    await admin.getByLabel('BusinessUnit VIEW', { exact: true }).selectOption('DIVISION');
    await admin.getByRole('checkbox', { name: 'export_users' }).check();
    await admin.getByLabel('User.birthday VIEW', { exact: true }).selectOption('NONE');
    await admin.getByRole('button', { name: 'Create role' }).click();
    await admin.waitForURL(/\/roles\/[0-9a-f-]{36}$/);
    const id = admin.url().split('/').pop()!;
    const stored = (await run.admin.get(`/api/roles/${id}`)).body;
    expect(stored).toMatchObject({ name: 'WEB_AUDITOR', label: 'Reads users', readOnly: false, organizationId: null, priority: 0, capabilities: ['export_users'] });
    expect(stored.permissions).toEqual([
      { entity: 'User', action: 'VIEW', level: 'ORGANIZATION' },
      { entity: 'BusinessUnit', action: 'VIEW', level: 'DIVISION' },
    ]);
    expect(stored.fieldPermissions).toEqual([{ entity: 'User', field: 'birthday', action: 'VIEW', level: 'NONE' }]);

    // Opened again, the grid shows what is stored; a change is saved whole.
    await admin.reload();
    await expect(admin.getByLabel('User VIEW', { exact: true }).inputValue()).resolves.toBe('ORGANIZATION');
    await admin.getByLabel('User VIEW', { exact: true }).selectOption('NONE');
    await admin.getByLabel('Read-only role (only its VIEW grants count)').check();
    await admin.getByRole('textbox', { name: /^Priority/ }).fill('40');
    await admin.getByRole('button', { name: 'Save role' }).click();
    await admin.getByRole('status').filter({ hasText: 'Saved WEB_AUDITOR' }).waitFor();
    const saved = (await run.admin.get(`/api/roles/${id}`)).body;
    expect(saved).toMatchObject({ readOnly: true, priority: 40, permissions: [{ entity: 'BusinessUnit', action: 'VIEW', level: 'DIVISION' }], capabilities: ['export_users'] });
    await screenshot(admin, 'role-editor-saved');
    expect(await seriousAxeViolations(admin)).toEqual([]);
  });

  it('places the API’s refusal of a level the ownership does not allow beside its cell', async () => {
    await admin.goto('/roles/new');
    await admin.getByRole('textbox', { name: /^Name/ }).fill('WEB_FORGED');
    // The page never offers USER on Organization: a forged option shows that the API refuses it too.
    const cell = admin.getByLabel('Organization VIEW', { exact: true });
    await admin.evaluate(`(() => {
      const select = document.querySelector('[data-cell="Organization|VIEW"]');
      const option = document.createElement('option');
      option.value = 'USER';
      option.textContent = 'USER';
      select.appendChild(option);
    })()`);
    await cell.selectOption('USER');
    await admin.getByRole('button', { name: 'Create role' }).click();
    await admin.getByText('level USER is not allowed for ORGANIZATION-owned entity Organization (allowed: NONE, ORGANIZATION, GLOBAL)').waitFor();
    expect(await cell.getAttribute('aria-invalid')).toBe('true');
    expect((await run.admin.get('/api/roles?q=WEB_FORGED')).body.total).toBe(0);
  });

  it('shows an escalation refusal beside the grid to a limited administrator, and a held role’s delete refused', async () => {
    const limited = await run.admin.post('/api/roles', {
      name: 'WEB_ROLE_EDITOR',
      permissions: [
        ...['VIEW', 'CREATE', 'EDIT', 'DELETE'].map((action) => ({ entity: 'Role', action, level: 'ORGANIZATION' })),
        { entity: 'User', action: 'VIEW', level: 'BUSINESS_UNIT' },
      ],
      capabilities: [],
    });
    expect(limited.status).toBe(201);
    const user = await createUser(run, { roles: [{ roleId: limited.body.id, fixed: false, default: true }] });
    const { page } = await web.newPage();
    await logIn(page, user.username, user.password);
    await page.waitForURL('**/portal');
    await page.goto('/roles');
    // No tickets roles for this session: it lacks ticket_user_security.
    await page.getByTestId('crm-roles').waitFor();
    expect(await page.getByTestId('tickets-roles').count()).toBe(0);
    await page.getByRole('link', { name: 'New CRM role' }).click();
    await page.getByRole('textbox', { name: /^Name/ }).fill('WEB_TOO_STRONG');
    await page.getByLabel('User VIEW', { exact: true }).selectOption('BUSINESS_UNIT');
    await page.getByLabel('User DELETE', { exact: true }).selectOption('GLOBAL');
    await page.getByRole('checkbox', { name: 'role_escalate' }).check();
    await page.getByRole('button', { name: 'Create role' }).click();
    const refusal = page.getByTestId('escalation-refusal');
    await refusal.waitFor();
    const text = await refusal.textContent();
    expect(text).toContain('grants more than you hold');
    expect(text).toContain('DELETE on User at GLOBAL (you hold NONE)');
    expect(text).toContain('capability role_escalate');
    expect(text).not.toContain('VIEW on User');
    expect((await run.admin.get('/api/roles?q=WEB_TOO_STRONG')).body.total).toBe(0);
    await screenshot(page, 'role-editor-escalation-refused');
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The administrator may delete roles, but not one a user holds.
    await admin.goto(`/roles/${limited.body.id}`);
    await admin.getByRole('button', { name: 'Delete role' }).click();
    await admin.getByRole('button', { name: 'Yes, delete' }).click();
    await admin.getByRole('alert').filter({ hasText: 'is held by 1 user(s)' }).waitFor();
    await expect(admin.getByRole('alert').filter({ hasText: 'is held by' }).textContent()).resolves.toContain('ROLE_IN_USE');
    expect((await run.admin.get(`/api/roles/${limited.body.id}`)).status).toBe(200);
  });
});
