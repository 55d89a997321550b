import type { Page } from 'playwright-core';
import { RunningSuite, startWholeSuite } from '../e2e/suite-fixture';
import { ticketRoleBody, TicketsSetup, ticketsSetup } from '../e2e/tickets-fixture';
import { launchBrowser, screenshot, seriousAxeViolations, WebBrowser } from './browser';
import { insertRole, logIn, pick } from './web-fixture';

type User = { id: string; username: string; password: string };

/** The rows of the explanation's roles table: role, level, reason. */
async function explainedRoles(page: Page): Promise<string[][]> {
  const rows = page.getByTestId('explanation-roles').locator('tbody tr');
  await rows.first().waitFor();
  return Promise.all((await rows.all()).map((row) => row.locator('td').allTextContents()));
}

describe('web: why? and who can see this', () => {
  let run: RunningSuite;
  let web: WebBrowser;
  let setup: TicketsSetup;
  const users: Record<'author' | 'reader' | 'newbie', User> = {} as never;
  let ticketId: string;

  beforeAll(async () => {
    run = await startWholeSuite();
    web = await launchBrowser(run.environment.gatewayUrl);
    setup = ticketsSetup(run);
    const own = await setup.createRole('Own tickets', 'USER');
    const readers = await run.admin.post('/api/tickets/roles', {
      ...ticketRoleBody('Readers', 'ORGANIZATION'),
      permissions: ['Ticket', 'TicketComment'].map((entity) => ({ entity, action: 'VIEW', level: 'ORGANIZATION' })),
    });
    expect(readers.status).toBe(201);
    const plain = await insertRole(run, 'PLAIN_CLERK');
    for (const [key, roleIds] of [['author', [own]], ['reader', [readers.body.id]], ['newbie', []]] as const) {
      const user = await setup.createUser({ roles: [{ roleId: plain, fixed: false, default: true }] });
      await setup.mirrored(user.id);
      if (roleIds.length) expect((await setup.assignRoles(user.id, [...roleIds])).body.status).toBe('ACTIVE');
      users[key] = user;
    }
    const created = await (await setup.login(users.author)).post('/api/tickets', { type: 'TASK', subject: 'Broken badge reader' });
    expect(created.status).toBe(201);
    ticketId = created.body.id;
  });

  afterAll(async () => {
    await web?.close();
    await run?.suite.stop();
    await run?.environment.dispose();
  });

  it("'why' explains a denial: a reader's Why can't I edit? shows its roles, their levels and the reasons", async () => {
    const { context, page } = await web.newPage();
    await logIn(page, users.reader.username, users.reader.password);
    await page.waitForURL('**/portal');
    await page.goto(`/tickets/${ticketId}`);
    await page.getByRole('button', { name: "Why can't I edit?" }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('explanation').waitFor();

    const api = (await (await setup.login(users.reader)).get(`/api/acl/explain?entity=Ticket&action=EDIT&recordId=${ticketId}`)).body;
    expect(api).toMatchObject({ allowed: false, level: 'NONE', roleSource: 'tickets' });
    const rows = await explainedRoles(page);
    expect(rows).toEqual(api.roles.map((role: { role: string; level: string; message: string }) => [role.role, role.level, role.message]));
    expect(rows).toEqual([['Readers', 'NONE', expect.stringContaining('Readers')]]);
    expect(await dialog.getByTestId('verdict').textContent()).toBe('Not allowed');
    expect(await dialog.getByTestId('winning-roles').textContent()).toBe('Winning roles: none');
    const reasons = await dialog.getByTestId('record-reasons').locator('li').allTextContents();
    expect(reasons).toEqual(api.record.reasons.map((reason: { message: string }, index: number, all: unknown[]) => (index === all.length - 1 ? `${reason.message} (deciding)` : reason.message)));
    await screenshot(page, 'explain-why-cannot-edit');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await context.close();
  });

  it('the My access page answers "can I do ACTION on ENTITY?" and "do I have a capability?"', async () => {
    const { context, page } = await web.newPage();
    await logIn(page, users.reader.username, users.reader.password);
    await page.waitForURL('**/portal');
    await page.getByRole('link', { name: 'My access' }).click();
    await page.waitForURL('**/access');
    const entityForm = page.getByRole('form', { name: 'Can I do an action on an entity?' });
    await pick(page, 'Entity', 'User', entityForm);
    await pick(page, 'Action', 'EDIT', entityForm);
    await entityForm.getByRole('button', { name: 'Explain' }).click();
    expect(await explainedRoles(page)).toEqual([['PLAIN_CLERK', 'NONE', expect.stringContaining('PLAIN_CLERK')]]);
    expect(await entityForm.getByTestId('verdict').textContent()).toBe('Not allowed');

    const capabilityForm = page.getByRole('form', { name: 'Do I have a capability?' });
    await pick(page, 'Capability', 'user_management', capabilityForm);
    await capabilityForm.getByRole('button', { name: 'Explain capability' }).click();
    await capabilityForm.getByTestId('explanation').waitFor();
    expect(await capabilityForm.getByTestId('verdict').textContent()).toBe('Not allowed');
    expect(await capabilityForm.locator('tbody tr td').allTextContents()).toEqual(['PLAIN_CLERK', 'NONE', expect.stringContaining('does not grant user_management')]);
    await screenshot(page, 'access-page');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await context.close();
  });

  it('who can see this, on a ticket, lists exactly the users whose tickets roles reach it, for an administrator', async () => {
    const { context, page } = await web.newPage();
    await logIn(page, 'admin', run.environment.env.ADMIN_PASSWORD);
    await page.waitForURL('**/portal');
    await page.goto(`/tickets/${ticketId}`);
    const panel = page.getByTestId('who-can-see-users');
    await panel.waitFor();
    const rows = await Promise.all((await panel.locator('tbody tr').all()).map((row) => row.locator('td').allTextContents()));
    // The author owns it (USER level), the reader reads the whole organization, the administrator holds
    // TICKETS_ADMINISTRATOR; the NEW user holds no tickets role.
    expect(rows.map(([username, level]) => [username, level])).toEqual(
      [
        ['admin', expect.any(String)],
        [users.author.username, 'USER'],
        [users.reader.username, 'ORGANIZATION'],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    expect(rows.map(([username]) => username)).not.toContain(users.newbie.username);
    const winning = Object.fromEntries(rows.map(([username, , roles]) => [username, roles]));
    expect({ author: winning[users.author.username], reader: winning[users.reader.username], admin: winning.admin }).toEqual({ author: 'Own tickets', reader: 'Readers', admin: 'TICKETS_ADMINISTRATOR' });
    await screenshot(page, 'ticket-who-can-see');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await context.close();
  });
});
