import type { Page } from 'playwright-core';
import { CONFIGURATION_KEYS, DATE_FORMATS, TIME_FORMATS, WEEK_DAYS } from '../../libs/contracts/src/dto/configuration/configuration-rules';
import { SETTINGS } from '../../apps/web/src/configuration/setting-definitions';
import { createUser, RunningSuite, startWholeSuite } from '../e2e/suite-fixture';
import { launchBrowser, screenshot, seriousAxeViolations, WebBrowser } from './browser';
import { logIn } from './web-fixture';

/** The value and the layer My settings shows for one setting. */
const shown = async (page: Page, key: string): Promise<string[]> =>
  (await page.getByTestId(`resolved-${key}`).locator('td').allTextContents()).map((text) => text.trim());

describe('web: configuration by role', () => {
  let run: RunningSuite;
  let web: WebBrowser;

  beforeAll(async () => {
    run = await startWholeSuite();
    web = await launchBrowser(run.environment.gatewayUrl);
  });

  afterAll(async () => {
    await web?.close();
    await run?.suite.stop();
    await run?.environment.dispose();
  });

  it('offers the settings and choices the API knows', () => {
    // The web app keeps its own copy (it does not import libs/): held equal here.
    const offered = Object.fromEntries(SETTINGS.map((s) => [s.key, s.input.kind === 'choice' ? s.input.options : s.input.kind]));
    expect(Object.keys(offered).sort()).toEqual([...CONFIGURATION_KEYS].sort());
    expect(offered).toEqual({ locale: 'text', timeZone: 'text', dateFormat: DATE_FORMATS, timeFormat: TIME_FORMATS, firstDayOfWeek: WEEK_DAYS, currency: 'text', itemsPerPage: 'number' });
  });

  it('an organization value and a role value set in the pages reach a user, under the user own value', async () => {
    const created = await run.admin.post('/api/roles', { name: 'WEB_SALES', permissions: [], capabilities: [] });
    expect(created.status).toBe(201);
    const roleId: string = created.body.id;
    const user = await createUser(run, { roles: [{ roleId, default: true }] });

    // The administrator sets the organization's currency.
    const { page: admin } = await web.newPage();
    await logIn(admin, 'admin', run.environment.env.ADMIN_PASSWORD);
    await admin.waitForURL('**/portal');
    await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Organization settings' }).click();
    await admin.getByRole('textbox', { name: 'Currency' }).fill('EUR');
    await admin.getByRole('button', { name: 'Save organization settings' }).click();
    await admin.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    expect((await run.admin.get(`/api/organizations/${run.ids.organizationId}/configuration`)).body.values).toEqual({ currency: 'EUR' });
    await screenshot(admin, 'organization-settings');
    expect(await seriousAxeViolations(admin)).toEqual([]);

    // ...and the role's locale, in the role editor.
    await admin.goto(`/roles/${roleId}`);
    const section = admin.getByTestId('role-configuration');
    await section.getByRole('textbox', { name: 'Locale' }).fill('de-DE');
    await section.getByRole('button', { name: 'Save configuration' }).click();
    await section.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    expect((await run.admin.get(`/api/roles/${roleId}/configuration`)).body).toMatchObject({ configured: true, values: { locale: 'de-DE' } });
    await screenshot(admin, 'role-configuration');
    expect(await seriousAxeViolations(admin)).toEqual([]);

    // The user sees each value with where it came from.
    const { page } = await web.newPage();
    await logIn(page, user.username, user.password);
    await page.waitForURL('**/portal');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My settings' }).click();
    await page.getByTestId('resolved-settings').waitFor();
    expect(await shown(page, 'locale')).toEqual(['de-DE', 'Role WEB_SALES']);
    expect(await shown(page, 'currency')).toEqual(['EUR', 'Organization']);
    expect(await shown(page, 'timeZone')).toEqual(['UTC', 'System default']);
    await screenshot(page, 'my-settings');
    expect(await seriousAxeViolations(page)).toEqual([]);

    // A value the API refuses: its message beside the field, nothing saved.
    await page.getByRole('textbox', { name: 'Locale' }).fill('fr-FR');
    await page.getByRole('textbox', { name: 'Items per page' }).fill('5');
    await page.getByRole('button', { name: 'Save my settings' }).click();
    await page.getByTestId('setting-field-itemsPerPage').getByText(/itemsPerPage/).waitFor();
    await screenshot(page, 'my-settings-refused');
    expect(await shown(page, 'locale')).toEqual(['de-DE', 'Role WEB_SALES']);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The user's own value wins; cleared, the role's applies again.
    await page.getByRole('button', { name: 'Clear Items per page' }).click();
    await page.getByRole('button', { name: 'Save my settings' }).click();
    await page.getByTestId('resolved-locale').getByText('Your value').waitFor();
    expect(await shown(page, 'locale')).toEqual(['fr-FR', 'Your value']);
    await page.getByRole('button', { name: 'Clear Locale' }).click();
    await page.getByRole('button', { name: 'Save my settings' }).click();
    await page.getByTestId('resolved-locale').getByText('Role WEB_SALES').waitFor();
    expect(await shown(page, 'locale')).toEqual(['de-DE', 'Role WEB_SALES']);
    expect((await run.api.login(user.username, user.password).then((s) => s.get('/api/me/configuration'))).body.customized).toEqual([]);

    // The role's configuration removed in the editor: the role adds no layer any more.
    await section.getByRole('button', { name: 'Remove configuration' }).click();
    await section.getByText('This role carries no configuration').waitFor();
    expect(await section.getByRole('textbox', { name: 'Locale' }).inputValue()).toBe('');
    await page.reload();
    await page.getByTestId('resolved-locale').getByText('System default').waitFor();
    expect(await shown(page, 'locale')).toEqual(['en-US', 'System default']);
  });
});
