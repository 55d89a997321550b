import { adminQuery, eventually, firstLink, MailCatcher } from '@app/testing';
import { createUser as createSuiteUser, RunningSuite, startWholeSuite } from './suite-fixture';

/** The user export: a background job, a mailed link, a CSV served by the gateway to its requester only. */
describe('exports', () => {
  let run: RunningSuite;
  let mail: MailCatcher;

  beforeAll(async () => {
    mail = await MailCatcher.start();
    run = await startWholeSuite({ SMTP_URL: mail.url, LOGIN_RATE_PER_ADDRESS: '1000' });
  });

  afterAll(async () => {
    await run?.suite.stop();
    await run?.environment.dispose();
    await mail?.stop();
  });

  const createUser = (overrides: Record<string, unknown> = {}) => createSuiteUser(run, overrides);

  it('runs to DONE in the background, mails the requester a link, and the gateway serves a correct CSV', async () => {
    await createUser({ lastName: 'Lovelace, Countess', firstName: 'Ada "the first"' });
    const groups = [];
    for (const name of ['Exporters', 'Analysts']) groups.push((await run.admin.post('/api/groups', { name, organizationId: run.ids.organizationId })).body);
    const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
    const full = await createUser({
      birthday: '1915-12-10',
      phone: '+44 20 7946 0000',
      emails: ['ada.work@example.com', 'ada.home@example.com'],
      customFields: { jobTitle: 'Analyst, senior', level: 3, remote: true },
      groups: groups.map((g) => g.id),
      avatar: { contentType: 'image/png', dataBase64: PNG.toString('base64') },
    });
    const started = await run.admin.post('/api/exports', { entity: 'User' });
    expect(started.status).toBe(202);
    expect(['QUEUED', 'RUNNING', 'DONE']).toContain(started.body.status);
    const { value: job } = await eventually(async () => {
      const current = await run.admin.get(`/api/exports/${started.body.id}`);
      return ['DONE', 'FAILED'].includes(current.body.status) ? current.body : undefined;
    }, 30_000);
    expect(job).toMatchObject({ id: started.body.id, status: 'DONE', entity: 'User', error: null });

    const ready = await mail.waitFor('admin@example.invalid', 'export of users is ready');
    const link = firstLink(ready);
    expect(link.pathname).toBe(`/api/exports/${job.id}/file`);

    const download = await fetch(`${run.environment.gatewayUrl}${link.pathname}`, { headers: { authorization: `Bearer ${run.admin.token}` } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toContain('text/csv');
    const csv = await download.text();
    expect(Buffer.byteLength(csv)).toBe(job.sizeBytes);
    expect(csv.endsWith('\r\n')).toBe(true);
    const lines = csv.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe(
      'id,username,enabled,authStatus,namePrefix,firstName,middleName,lastName,nameSuffix,birthday,primaryEmail,emails,phone,passwordHash,' +
        'ownerBusinessUnit,businessUnits,organizations,roles,groups,securityProfiles,customFields,createdAt,updatedAt',
    );
    const [{ n }] = await adminQuery(run.environment.databases.identity, 'SELECT count(*)::int AS n FROM users');
    expect(lines.length - 1).toBe(n);
    expect(job.rowCount).toBe(n);
    expect(csv).toContain(',"Ada ""the first""",,"Lovelace, Countess",');
    const adminLine = lines.find((l) => l.includes(',admin,'))!;
    const [{ password_hash }] = await adminQuery(run.environment.databases.identity, `SELECT password_hash FROM users WHERE username = 'admin'`);
    expect(adminLine).toContain(`"${password_hash}"`);
    expect(adminLine).toContain(',Main,Main,Main,ADMINISTRATOR,');

    const fullLine = lines.find((l) => l.startsWith(`${full.id},`))!;
    // A phone number starting with `+` is a cell a spreadsheet would read as a formula: it gets a `'` (OWASP).
    expect(fullLine).toContain(`,1915-12-10,${full.email},ada.work@example.com;ada.home@example.com,'+44 20 7946 0000,"$argon2id$`);
    expect(fullLine).toContain(',ADMINISTRATOR,Analysts;Exporters,,"{""level"": 3, ""remote"": true, ""jobTitle"": ""Analyst, senior""}",');
    // No avatar bytes: neither the PNG's base64 nor its hex appear anywhere.
    expect(csv).not.toContain(PNG.toString('base64').slice(0, 24));
    expect(csv.toLowerCase()).not.toContain('89504e47');
  });

  it('shows a job and its file only to its requester', async () => {
    const started = await run.admin.post('/api/exports', { entity: 'User' });
    const [role] = await adminQuery<{ id: string }>(
      run.environment.databases.identity,
      `INSERT INTO roles (name, permissions, capabilities) VALUES ('VIEWER_' || substr(md5(random()::text), 1, 6), '[{"entity":"User","action":"VIEW","level":"ORGANIZATION"}]', '[]') RETURNING id`,
    );
    const viewer = await createUser({ roles: [{ roleId: role.id, fixed: true }] });
    const client = await run.api.login(viewer.username, viewer.password);
    expect((await client.get(`/api/exports/${started.body.id}`)).status).toBe(404);
    expect((await client.get(`/api/exports/${started.body.id}/file`)).status).toBe(404);
    expect((await client.post('/api/exports', { entity: 'User' })).status).toBe(403);
    expect((await client.post(`/api/users/${viewer.id}/api-key`, {})).status).toBe(403);
  });
});
