import { createUser, RunningSuite, startWholeSuite } from '../e2e/suite-fixture';
import { launchBrowser, screenshot, seriousAxeViolations, WebBrowser } from './browser';
import { headerRoles, insertRole, logIn } from './web-fixture';

describe('web: the gateway serves the app; login with role selection; the header', () => {
  let run: RunningSuite;
  let web: WebBrowser;
  let user: { username: string; password: string };

  beforeAll(async () => {
    run = await startWholeSuite();
    web = await launchBrowser(run.environment.gatewayUrl);
    const fixed = await insertRole(run, 'WEB_FIXED');
    const byDefault = await insertRole(run, 'WEB_DEFAULT');
    const optional = await insertRole(run, 'WEB_OPTIONAL');
    user = await createUser(run, {
      roles: [
        { roleId: fixed, fixed: true, default: false },
        { roleId: byDefault, fixed: false, default: true },
        { roleId: optional, fixed: false, default: false },
      ],
    });
  });

  afterAll(async () => {
    await web?.close();
    await run?.suite.stop();
    await run?.environment.dispose();
  });

  it('serves the page at / and at any app path, with the security headers, and leaves /api and /health alone', async () => {
    for (const path of ['/', '/portal/payments']) {
      const page = await run.api.get(path);
      expect({ path, status: page.status, type: page.headers.get('content-type') }).toEqual({ path, status: 200, type: 'text/html; charset=utf-8' });
      expect(page.body).toContain('<div id="root"></div>');
      expect(page.headers.get('cache-control')).toBe('no-cache');
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(page.headers.get('x-frame-options')).toBe('DENY');
    }
    const html = (await run.api.get('/')).body as string;
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // an inline script would be blocked by the CSP
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1];
    const asset = await run.api.get(script);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await run.api.get('/assets/missing.js')).status).toBe(404);
    expect((await run.api.get('/../package.json')).status).not.toBe(200);

    const unknownApi = await run.api.get('/api/no-such-route');
    expect(unknownApi.status).toBe(404);
    expect(unknownApi.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
    expect((await run.api.get('/api/users')).status).toBe(401);
    expect((await run.api.get('/health')).status).toBe(200);
  });

  it('logs in with the fixed and default roles, shows them and the organization in the header, and logs out', async () => {
    const { context, page } = await web.newPage();
    const refusedByCsp: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) refusedByCsp.push(message.text());
    });
    await page.goto('/portal');
    await page.waitForURL('**/login');
    await screenshot(page, 'login');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await logIn(page, user.username, user.password);
    await page.waitForURL('**/portal');
    expect(await headerRoles(page)).toEqual(['WEB_DEFAULT', 'WEB_FIXED']);
    await expect(page.getByTestId('organization').textContent()).resolves.toContain('Main');
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL('**/login');
    expect(refusedByCsp).toEqual([]);
    await context.close();
  });

  it('takes the roles of ?roles= in the page URL, and shows a refusal beside them', async () => {
    const { context, page } = await web.newPage();
    await logIn(page, user.username, user.password, { query: '?roles=WEB_OPTIONAL' });
    await page.waitForURL('**/portal');
    expect(await headerRoles(page)).toEqual(['WEB_FIXED', 'WEB_OPTIONAL']);
    await context.close();

    const second = await web.newPage();
    await logIn(second.page, user.username, user.password, { query: '?roles=NOT_HELD' });
    await second.page.getByText('the user does not hold the role NOT_HELD').waitFor();
    expect(second.page.url()).toContain('/login');
    await screenshot(second.page, 'login-url-roles-refused');
    await second.context.close();
  });

  it('"Select roles" lists the roles: fixed checked and locked, default checked; the choice becomes the session', async () => {
    const { context, page } = await web.newPage();
    await logIn(page, user.username, user.password, { selectRoles: true });
    const fixed = page.getByLabel('WEB_FIXED');
    await fixed.waitFor();
    expect(await fixed.isChecked()).toBe(true);
    expect(await fixed.isDisabled()).toBe(true);
    expect(await page.getByLabel('WEB_DEFAULT').isChecked()).toBe(true);
    expect(await page.getByLabel('WEB_OPTIONAL').isChecked()).toBe(false);
    await screenshot(page, 'login-select-roles');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByLabel('WEB_DEFAULT').uncheck();
    await page.getByLabel('WEB_OPTIONAL').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL('**/portal');
    expect(await headerRoles(page)).toEqual(['WEB_FIXED', 'WEB_OPTIONAL']);
    await screenshot(page, 'portal-after-role-selection');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await context.close();
  });
});
