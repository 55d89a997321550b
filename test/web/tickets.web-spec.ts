import { eventually } from '@app/testing';
import type { Page } from 'playwright-core';
import { TICKET_TRANSITIONS } from '../../apps/tickets/src/tickets/ticket-transitions';
import { TICKET_TRANSITIONS as WEB_TRANSITIONS } from '../../apps/web/src/pages/tickets/ticket-transitions';
import { RunningSuite, startWholeSuite } from '../e2e/suite-fixture';
import { ticketRoleBody, TicketsSetup, ticketsSetup } from '../e2e/tickets-fixture';
import { launchBrowser, screenshot, seriousAxeViolations, WebBrowser } from './browser';
import { insertRole, logIn, pick } from './web-fixture';

type User = { id: string; username: string; password: string };

const label = (status: string) => status.charAt(0) + status.slice(1).toLowerCase().replace(/_/g, ' ');

/** The subjects the list shows, in its order. */
async function listed(page: Page): Promise<string[]> {
  await page.getByTestId('page-status').waitFor();
  const table = page.getByTestId('tickets');
  if (!(await table.count())) return [];
  return table.locator('tbody tr td:first-child').allTextContents();
}

/** The status moves the ticket page offers. */
async function offeredMoves(page: Page): Promise<string[]> {
  const group = page.getByRole('group', { name: 'Change status' });
  await group.waitFor();
  return (await group.getByRole('button').allTextContents()).map((text) => text.replace(/^Move to /, ''));
}

describe('web: tickets', () => {
  let run: RunningSuite;
  let web: WebBrowser;
  let setup: TicketsSetup;
  let page: Page;
  const users: Record<'agent' | 'colleague' | 'reader', User> = {} as never;
  let ticketId: string;

  const ticket = async () => (await run.admin.get(`/api/tickets/${ticketId}`)).body;

  beforeAll(async () => {
    run = await startWholeSuite();
    web = await launchBrowser(run.environment.gatewayUrl);
    setup = ticketsSetup(run);
    const agents = await setup.createRole('Agents', 'ORGANIZATION', ['ticket_internal_comments']);
    const readers = await run.admin.post('/api/tickets/roles', {
      ...ticketRoleBody('Readers', 'ORGANIZATION'),
      permissions: ['Ticket', 'TicketComment'].map((entity) => ({ entity, action: 'VIEW', level: 'ORGANIZATION' })),
    });
    expect(readers.status).toBe(201);
    // Identity roles grant nothing here: what the pages show comes from the tickets roles alone.
    const plain = await insertRole(run, 'TICKETS_WEB');
    for (const [key, roleId] of [['agent', agents], ['colleague', agents], ['reader', readers.body.id]] as const) {
      const user = await setup.createUser({ roles: [{ roleId: plain, fixed: false, default: true }] });
      await setup.mirrored(user.id);
      expect((await setup.assignRoles(user.id, [roleId])).body.status).toBe('ACTIVE');
      users[key] = user;
    }
    expect((await run.admin.post('/api/tickets', { type: 'TASK', subject: 'Paper jam on floor 2', priority: 'LOW' })).status).toBe(201);
    ({ page } = await web.newPage());
    await logIn(page, users.agent.username, users.agent.password);
    await page.waitForURL('**/portal');
  });

  afterAll(async () => {
    await web?.close();
    await run?.suite.stop();
    await run?.environment.dispose();
  });

  it("the page's status moves are tickets' state machine", () => {
    expect(WEB_TRANSITIONS).toEqual(TICKET_TRANSITIONS);
  });

  it('creates a ticket with an assignee, and filters the list by priority and by text', async () => {
    await page.getByRole('link', { name: 'Tickets', exact: true }).click();
    await page.waitForURL('**/tickets');
    const form = page.getByRole('form', { name: 'New ticket' });
    await pick(page, 'Type', 'Customer issue', form);
    await pick(page, 'Priority', 'High', form);
    await pick(page, 'Assignee', new RegExp(`^${users.colleague.username}`), form);
    await form.getByLabel('Subject').fill('Printer on fire');
    await form.getByLabel('Description').fill('Smoke from tray 3.');
    await form.getByRole('button', { name: 'Create ticket' }).click();
    await page.getByRole('status').filter({ hasText: 'Created: Printer on fire' }).waitFor();
    const created = (await run.admin.get('/api/tickets?q=Printer')).body.items;
    expect(created).toEqual([expect.objectContaining({ subject: 'Printer on fire', type: 'CUSTOMER_ISSUE', priority: 'HIGH', status: 'NEW', assigneeId: users.colleague.id, ownerId: users.agent.id })]);
    ticketId = created[0].id;
    await eventually(async () => ((await listed(page)).includes('Printer on fire') ? true : undefined), 5000);
    expect((await listed(page)).sort()).toEqual(['Paper jam on floor 2', 'Printer on fire']);
    await screenshot(page, 'tickets-list');
    expect(await seriousAxeViolations(page)).toEqual([]);

    const filters = page.getByRole('search');
    await pick(page, 'Priority', 'Low', filters);
    await eventually(async () => ((await listed(page)).join() === 'Paper jam on floor 2' ? true : undefined), 5000);
    await pick(page, 'Priority', 'High', filters);
    await eventually(async () => ((await listed(page)).join() === 'Printer on fire' ? true : undefined), 5000);
    await filters.getByLabel('Text').fill('jam');
    await eventually(async () => ((await listed(page)).length === 0 ? true : undefined), 5000);
  });

  it('opens the ticket, shows its fields and moves its status only along the state machine', async () => {
    await page.goto('/tickets');
    await page.getByRole('link', { name: 'Printer on fire' }).click();
    await page.getByRole('heading', { name: 'Printer on fire' }).waitFor();
    // The description, not the history's row of the creation that shows it too once history has loaded.
    await page.getByRole('paragraph').filter({ hasText: 'Smoke from tray 3.' }).waitFor();
    expect(await page.locator('[data-field="Assignee"]').textContent()).toBe(users.colleague.username);
    expect(await offeredMoves(page)).toEqual(TICKET_TRANSITIONS.NEW.map(label));
    await screenshot(page, 'ticket-new');
    expect(await seriousAxeViolations(page)).toEqual([]);

    for (const to of ['OPEN', 'IN_PROGRESS'] as const) {
      await page.getByRole('button', { name: `Move to ${label(to)}` }).click();
      await page.getByTestId('ticket-status').filter({ hasText: label(to) }).waitFor();
      expect(await offeredMoves(page)).toEqual(TICKET_TRANSITIONS[to].map(label));
    }
    expect((await ticket()).status).toBe('IN_PROGRESS');
  });

  it('assigns the ticket to another assignee and gives it to another owner', async () => {
    await pick(page, 'Assignee', new RegExp(`^${users.agent.username}`));
    await page.getByRole('button', { name: 'Save assignee' }).click();
    await eventually(async () => ((await ticket()).assigneeId === users.agent.id ? true : undefined), 5000);
    await pick(page, 'Owner', new RegExp(`^${users.colleague.username}`));
    await page.getByRole('button', { name: 'Give to owner' }).click();
    await eventually(async () => ((await ticket()).ownerId === users.colleague.id ? true : undefined), 5000);
    await page.locator('[data-field="Owner"]').filter({ hasText: users.colleague.username }).waitFor();
  });

  it('adds a public and an internal comment, and shows the history', async () => {
    await page.getByRole('textbox', { name: /^Comment( \*)?$/ }).fill('Fire brigade called.');
    await page.getByRole('button', { name: 'Add comment' }).click();
    await page.getByTestId('comments').getByText('Fire brigade called.').waitFor();
    await page.getByRole('textbox', { name: /^Comment( \*)?$/ }).fill('Tray 3 was the cheap one.');
    await page.getByLabel(/^Internal/).check();
    await page.getByRole('button', { name: 'Add comment' }).click();
    const internal = page.getByTestId('comments').locator('[data-comment]').filter({ hasText: 'Tray 3 was the cheap one.' });
    await internal.getByText('Internal').waitFor();
    const comments = (await run.admin.get(`/api/tickets/${ticketId}/comments`)).body.items;
    expect(comments.map((c: { body: string; internal: boolean }) => [c.body, c.internal])).toEqual([
      ['Fire brigade called.', false],
      ['Tray 3 was the cheap one.', true],
    ]);

    await page.reload();
    const history = page.getByTestId('history');
    await history.waitFor();
    const fields = await Promise.all((await history.locator('tbody tr').all()).map((row) => row.getAttribute('data-field')));
    const api = (await run.admin.get(`/api/tickets/${ticketId}/history`)).body.items.map((entry: { field: string }) => entry.field);
    expect(fields).toEqual(api);
    expect(fields).toEqual(expect.arrayContaining(['status', 'assigneeId', 'ownerId']));
    await screenshot(page, 'ticket-worked');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('a user with a view-only tickets role sees the tickets but no control to change them', async () => {
    const { context, page: reader } = await web.newPage();
    await logIn(reader, users.reader.username, users.reader.password);
    await reader.waitForURL('**/portal');
    await reader.goto('/tickets');
    await reader.getByRole('link', { name: 'Printer on fire' }).waitFor();
    await reader.getByRole('button', { name: "Why can't I create tickets?" }).waitFor();
    expect(await reader.getByRole('button', { name: 'Create ticket', exact: true }).count()).toBe(0);
    await screenshot(reader, 'tickets-list-reader');
    expect(await seriousAxeViolations(reader)).toEqual([]);

    await reader.getByRole('link', { name: 'Printer on fire' }).click();
    await reader.getByRole('button', { name: "Why can't I edit?" }).waitFor();
    await reader.getByTestId('comments').getByText('Fire brigade called.').waitFor();
    for (const name of [/^Move to/, /Save assignee/, /Give to owner/, /Add comment/]) {
      expect({ name: String(name), count: await reader.getByRole('button', { name }).count() }).toEqual({ name: String(name), count: 0 });
    }
    expect(await reader.getByRole('textbox', { name: /^Comment( \*)?$/ }).count()).toBe(0);
    // Without ticket_internal_comments the internal comment is not even listed.
    expect(await reader.getByText('Tray 3 was the cheap one.').count()).toBe(0);
    await screenshot(reader, 'ticket-reader');
    expect(await seriousAxeViolations(reader)).toEqual([]);
    await context.close();
  });
});
