import { eventually } from '@app/testing';
import type { Page } from 'playwright-core';
import { RunningSuite, startWholeSuite } from '../e2e/suite-fixture';
import { TicketsSetup, ticketsSetup } from '../e2e/tickets-fixture';
import { launchBrowser, screenshot, seriousAxeViolations, WebBrowser } from './browser';
import { insertRole, logIn } from './web-fixture';

/**
 * GET /api/tickets as the page's own session (its token from sessionStorage): the API's answer, whose
 * refusal code says why, beside what the pages show.
 */
async function ticketsAnswer(page: Page): Promise<{ status: number; code?: string }> {
  return (await page.evaluate(`(async () => {
    const response = await fetch('/api/tickets', { headers: { authorization: 'Bearer ' + sessionStorage.getItem('crm.session') } });
    const body = await response.json();
    return { status: response.status, code: body.code };
  })()`)) as { status: number; code?: string };
}

/** The Tickets entry of the main menu, if the page's session has one. */
const ticketsMenuEntry = (page: Page) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tickets', exact: true });

/** Opens the tickets list from the menu: its heading, and its table or its "none" line. */
async function openTicketsFromMenu(page: Page): Promise<void> {
  await ticketsMenuEntry(page).click();
  await page.waitForURL('**/tickets');
  await page.getByRole('heading', { level: 2, name: 'Tickets' }).waitFor();
  await page.getByTestId('tickets').or(page.getByText('No tickets match.')).waitFor();
}

/** No Tickets entry in the menu, and the route itself says so. */
async function expectNoTickets(page: Page): Promise<void> {
  expect(await ticketsMenuEntry(page).count()).toBe(0);
  await page.goto('/tickets');
  await page.getByText('Your roles do not open Tickets.').waitFor();
  expect(await page.getByTestId('tickets').count()).toBe(0);
}

describe('web: tickets User Security', () => {
  let run: RunningSuite;
  let setup: TicketsSetup;
  let web: WebBrowser;
  let plainRole: string;
  let admin: Page;

  /** A user logged in in a fresh browser context (its own sessionStorage), on its start page. */
  async function loggedIn(user: { username: string; password: string }): Promise<Page> {
    const { page } = await web.newPage();
    await logIn(page, user.username, user.password);
    await page.waitForURL('**/portal');
    return page;
  }

  beforeAll(async () => {
    run = await startWholeSuite();
    setup = ticketsSetup(run);
    web = await launchBrowser(run.environment.gatewayUrl);
    // A CRM role granting nothing: whether these users open tickets is tickets' own business.
    plainRole = await insertRole(run, 'WEB_PLAIN');
    const agent = await setup.createRole('Agent', 'USER');
    await setup.createTicketsProfile('Support Agents', [agent]);
    await setup.createCrmProfile('Support Agents');
    await setup.createCrmProfile('Visitors');
    admin = await loggedIn({ username: 'admin', password: run.environment.env.ADMIN_PASSWORD });
  });

  afterAll(async () => {
    await web?.close();
    await run?.suite.stop();
    await run?.environment.dispose();
  });

  const newUser = (securityProfiles: string[]) => setup.createUser({ securityProfiles, roles: [{ roleId: plainRole, fixed: false, default: true }] });

  it('a user created with a matching tickets security profile can open tickets at once', async () => {
    const user = await newUser(['Support Agents']);
    await eventually(async () => ((await setup.statusOf(user.id)) === 'ACTIVE' ? true : undefined), 5000);
    const page = await loggedIn(user);
    await openTicketsFromMenu(page);
    await screenshot(page, 'user-security-matching-user-tickets');
    expect(await ticketsAnswer(page)).toEqual({ status: 200, code: undefined });
  });

  it('one without cannot until an administrator assigns roles on the User Security page; after a new login it can', async () => {
    const user = await newUser(['Visitors']);
    await setup.mirrored(user.id);
    const before = await loggedIn(user);
    expect(await ticketsAnswer(before)).toEqual({ status: 403, code: 'TICKETS_ACCESS_NOT_ACTIVE' });
    await expectNoTickets(before);
    await screenshot(before, 'user-security-new-user-no-tickets');
    // The User Security area is not in this user's menu (no ticket_user_security), and its route says so.
    expect(await before.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'User Security' }).count()).toBe(0);
    await before.goto('/user-security');
    await before.getByText('Your roles do not open User Security.').waitFor();

    await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'User Security' }).click();
    await admin.waitForURL('**/user-security');
    const row = admin.getByTestId('user-security').locator(`[data-user="${user.username}"]`);
    await expect(row.textContent()).resolves.toContain('NEW');
    await admin.getByRole('button', { name: `Assign roles to ${user.username}` }).click();
    const panel = admin.getByRole('form', { name: `Tickets roles of ${user.username}` });
    await panel.getByRole('checkbox', { name: 'Agent', exact: true }).check();
    await screenshot(admin, 'user-security-assign');
    expect(await seriousAxeViolations(admin)).toEqual([]);
    await panel.getByRole('button', { name: 'Save roles' }).click();
    await panel.getByRole('status').filter({ hasText: `${user.username} is ACTIVE with Agent.` }).waitFor();
    // Gone from the NEW list, listed as ACTIVE with its role.
    await row.waitFor({ state: 'detached' });
    await admin.locator('label', { hasText: /^Active$/ }).click();
    const active = admin.getByTestId('user-security').locator(`[data-user="${user.username}"]`);
    await expect(active.textContent()).resolves.toMatch(/ACTIVE.*Agent/);
    expect(await setup.statusOf(user.id)).toBe('ACTIVE');

    // The session the user still has was started with no tickets roles; a new login has them.
    const after = await loggedIn(user);
    await openTicketsFromMenu(after);
    await screenshot(after, 'user-security-assigned-user-tickets');
    expect(await seriousAxeViolations(after)).toEqual([]);
    expect(await ticketsAnswer(after)).toEqual({ status: 200, code: undefined });
  });

  it('creates and edits a tickets security profile with its roles', async () => {
    await admin.goto('/user-security');
    await admin.getByRole('button', { name: 'New profile' }).click();
    const form = admin.getByRole('form', { name: 'New tickets security profile' });
    await form.getByRole('textbox', { name: /^Profile name/ }).fill('Night Shift');
    await form.getByRole('textbox', { name: /^Profile description/ }).fill('Agents after hours');
    await form.getByRole('checkbox', { name: 'Agent', exact: true }).check();
    await form.getByRole('button', { name: 'Create profile' }).click();
    await form.waitFor({ state: 'detached' });
    const profiles = admin.getByTestId('ticket-profiles');
    await profiles.getByRole('cell', { name: 'Night Shift', exact: true }).waitFor();
    const stored = (await run.admin.get('/api/tickets/security-profiles?limit=100')).body.items.find((p: { name: string }) => p.name === 'Night Shift');
    expect(stored).toMatchObject({ description: 'Agents after hours', roles: ['Agent'] });

    // A name another profile has is refused beside the name.
    await admin.getByRole('button', { name: 'Edit profile Night Shift' }).click();
    const edit = admin.getByRole('form', { name: 'Edit profile Night Shift' });
    await edit.getByRole('textbox', { name: /^Profile name/ }).fill('support agents');
    await edit.getByRole('button', { name: 'Save profile' }).click();
    await edit.locator('input[aria-invalid="true"]').waitFor();
    await expect(edit.getByRole('textbox', { name: /^Profile name/ }).getAttribute('aria-invalid')).resolves.toBe('true');
    await edit.getByRole('textbox', { name: /^Profile name/ }).fill('Night Shift');
    await edit.getByRole('checkbox', { name: 'Agent', exact: true }).uncheck();
    await edit.getByRole('button', { name: 'Save profile' }).click();
    await edit.waitFor({ state: 'detached' });
    await eventually(async () => {
      const items = (await run.admin.get('/api/tickets/security-profiles?limit=100')).body.items;
      return items.find((p: { name: string; roles: string[] }) => p.name === 'Night Shift' && p.roles.length === 0) ? true : undefined;
    }, 5000);
    await screenshot(admin, 'user-security-profiles');
    expect(await seriousAxeViolations(admin)).toEqual([]);
  });
});
