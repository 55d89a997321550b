import { adminQuery, eventually } from '@app/testing';
import { firstLink, MailCatcher } from './identity-credentials.mail-catcher';
import { callRpc } from './identity-credentials.rpc-caller';
import { createUser as createSuiteUser, RunningSuite, startWholeSuite } from './suite-fixture';

/** API keys and their verify RPC, the invitation mail, and the user export through the gateway. */
describe('identity credentials: API keys, invitations, export', () => {
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

  const verify = (key: string) => callRpc(run.environment.amqpUrl, 'identity', 'identity.api-keys.verify', { key });

  describe('API keys', () => {
    it('are shown once, stored as a SHA-256 hash, and verify to the user in the key organization', async () => {
      const user = await createUser();
      const issued = await run.admin.post(`/api/users/${user.id}/api-key`, {});
      expect(issued.status).toBe(201);
      expect(issued.body).toMatchObject({ userId: user.id, organizationId: run.ids.organizationId });
      expect(issued.body.apiKey).toMatch(/^crm_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/);

      const rows = await adminQuery(run.environment.databases.identity, 'SELECT id, key_hash FROM api_keys WHERE user_id = $1', [user.id]);
      expect(rows).toHaveLength(1);
      expect(rows[0].id).toBe(issued.body.keyId);
      expect(rows[0].key_hash).toMatch(/^[0-9a-f]{64}$/);
      const [{ digest }] = await adminQuery(run.environment.databases.identity, `SELECT encode(sha256(convert_to($1, 'UTF8')), 'hex') AS digest`, [issued.body.apiKey]);
      expect(rows[0].key_hash).toBe(digest);
      const anywhere = await adminQuery(run.environment.databases.identity, `SELECT count(*)::int AS n FROM api_keys WHERE key_hash LIKE '%' || $1 || '%'`, [issued.body.apiKey.slice(-43)]);
      expect(anywhere[0].n).toBe(0);

      const session = await verify(issued.body.apiKey);
      expect(session).toMatchObject({
        sessionId: `apikey:${issued.body.keyId}`,
        userId: user.id,
        username: user.username,
        organizationId: run.ids.organizationId,
        activeRoles: ['ADMINISTRATOR'],
        rolesSelected: false,
      });
      expect(session.access.roles.map((r: { name: string }) => r.name)).toEqual(['ADMINISTRATOR']);
      expect(session.access.organizationUnits.map((u: { id: string }) => u.id)).toContain(run.ids.businessUnitId);
    });

    it('generating again replaces the key: the old one stops working', async () => {
      const user = await createUser();
      const first = await run.admin.post(`/api/users/${user.id}/api-key`, { organizationId: run.ids.organizationId });
      const second = await run.admin.post(`/api/users/${user.id}/api-key`, {});
      expect(second.status).toBe(201);
      expect(second.body.apiKey).not.toBe(first.body.apiKey);
      expect(second.body.keyId).not.toBe(first.body.keyId);
      expect(await adminQuery(run.environment.databases.identity, 'SELECT id FROM api_keys WHERE user_id = $1', [user.id])).toEqual([{ id: second.body.keyId }]);
      await expect(verify(first.body.apiKey)).rejects.toMatchObject({ statusCode: 401, code: 'INVALID_API_KEY' });
      await expect(verify(second.body.apiKey)).resolves.toMatchObject({ userId: user.id });
    });

    it('refuses unknown, malformed and tampered keys, and keys of users who may not log in', async () => {
      const user = await createUser();
      const { apiKey } = (await run.admin.post(`/api/users/${user.id}/api-key`, {})).body;
      const tampered = apiKey.slice(0, -2) + (apiKey.endsWith('AA') ? 'BB' : 'AA');
      for (const key of ['nope', `crm_${'0'.repeat(32)}_${'a'.repeat(43)}`, tampered]) {
        await expect(verify(key)).rejects.toMatchObject({ statusCode: 401, code: 'INVALID_API_KEY' });
      }
      expect((await run.admin.post(`/api/users/${user.id}/password-reset`)).status).toBe(200);
      await expect(verify(apiKey)).rejects.toMatchObject({ statusCode: 401 });
    });
  });

  describe('invitations', () => {
    it('mails the username and the login URL to the primary email when asked, and only then', async () => {
      const silent = await createUser();
      const invited = await createUser({ sendInvitation: true });
      const invitation = await mail.waitFor(invited.email, 'invited');
      expect(invitation.text).toContain(`Username: ${invited.username}`);
      expect(firstLink(invitation).pathname).toBe('/api/auth/login');
      expect(invitation.text).not.toContain(invited.password);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(mail.mailsTo(silent.email)).toEqual([]);
    });
  });

  describe('export', () => {
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
});
