import { adminQuery, createTestEnvironment, eventually, LdapServer, startLdapServer, startSuite, SuiteProcess, TestEnvironment } from '@app/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { LdapSecretBox } from '../../apps/identity/src/ldap/ldap-secret-box';
import { containers, person, PEOPLE } from './ldap-fixture';

/**
 * LDAP import jobs a stopped identity left QUEUED or RUNNING run again from scratch when identity
 * starts (as export jobs do), with the grants stored in the job, unless a live session holds the
 * job's lock (another instance running it). The bind password decrypts with LDAP_SECRET_KEY.
 */
describe('LDAP imports: jobs left over by a stop', () => {
  let environment: TestEnvironment;
  let identity: SuiteProcess | undefined;
  let lockHolder: Client | undefined;
  let ldap: LdapServer;
  const key = randomBytes(32);

  beforeAll(async () => {
    ldap = await startLdapServer({ entries: [...containers, person('dora'), person('emil')] });
    environment = await createTestEnvironment({ LDAP_SECRET_KEY: key.toString('base64') });
  });

  afterAll(async () => {
    await identity?.stop();
    await lockHolder?.end();
    await environment?.dispose();
    await ldap?.stop();
  });

  it('runs the orphaned ones to DONE in order and leaves a job locked elsewhere alone', async () => {
    identity = await startSuite(environment, ['identity']);
    await identity.stop();
    identity = undefined;

    const db = environment.databases.identity;
    const [seed] = await adminQuery<{ adminId: string; organizationId: string; unitId: string; roleId: string; businessUnitIds: string[] }>(
      db,
      `SELECT u.id AS "adminId", o.id AS "organizationId", b.id AS "unitId", r.id AS "roleId", u.business_unit_ids AS "businessUnitIds"
         FROM users u, organizations o JOIN business_units b ON b.organization_id = o.id AND b.parent_id IS NULL, roles r
        WHERE u.username = 'admin' AND o.name = 'Main' AND r.name = 'ADMINISTRATOR'`,
    );
    const directoryId = randomUUID();
    await adminQuery(
      db,
      `INSERT INTO ldap_directories (id, organization_id, url, bind_dn, bind_password_encrypted, base_dn, user_filter, attribute_mapping, owner_business_unit_id, default_role_ids)
       VALUES ($1, $2, $3, $4, $5, $6, '(objectClass=inetOrgPerson)', $7, $8, $9)`,
      [
        directoryId,
        seed.organizationId,
        ldap.url,
        ldap.bindDn,
        new LdapSecretBox(key).encrypt(ldap.password, directoryId),
        PEOPLE,
        JSON.stringify({ username: 'uid', primaryEmail: 'mail', firstName: 'givenName', lastName: 'sn' }),
        seed.unitId,
        [seed.roleId],
      ],
    );
    const roles = await adminQuery(db, `SELECT name, read_only AS "readOnly", permissions, capabilities, field_permissions AS "fieldPermissions" FROM roles WHERE id = $1`, [seed.roleId]);
    const grants = JSON.stringify({ roles, context: { userId: seed.adminId, organizationId: seed.organizationId, businessUnitIds: seed.businessUnitIds } });
    const insertJob = async (status: string) =>
      (
        await adminQuery<{ id: string }>(
          db,
          `INSERT INTO ldap_import_jobs (organization_id, requested_by, actor, status, started_at, created_at)
           VALUES ($1, $2, $3, $4, CASE WHEN $4 = 'RUNNING' THEN now() END, clock_timestamp()) RETURNING id`,
          [seed.organizationId, seed.adminId, grants, status],
        )
      )[0].id;
    const running = await insertJob('RUNNING');
    const queued = await insertJob('QUEUED');
    const elsewhere = await insertJob('RUNNING');

    const url = new URL(environment.databaseUrl);
    url.pathname = `/${db}`;
    lockHolder = new Client({ connectionString: url.toString() });
    await lockHolder.connect();
    await lockHolder.query('SELECT pg_advisory_lock(1279541328, hashtext($1::text))', [elsewhere]);

    identity = await startSuite(environment, ['identity']);
    const jobOf = async (id: string) => (await adminQuery<{ status: string; created: number; updated: number; errors: unknown[] }>(db, 'SELECT * FROM ldap_import_jobs WHERE id = $1', [id]))[0];
    await eventually(async () => ((await jobOf(running)).status === 'DONE' && (await jobOf(queued)).status === 'DONE') || undefined, 30_000);
    expect(await jobOf(running)).toMatchObject({ created: 2, updated: 0, errors: [] });
    expect(await jobOf(queued)).toMatchObject({ created: 0, updated: 0, errors: [] });
    expect((await jobOf(elsewhere)).status).toBe('RUNNING');
    const imported = await adminQuery<{ username: string; ldap_dn: string }>(db, 'SELECT username, ldap_dn FROM users WHERE ldap_directory_id = $1 ORDER BY username', [directoryId]);
    expect(imported).toEqual([
      { username: 'dora', ldap_dn: `uid=dora,${PEOPLE}` },
      { username: 'emil', ldap_dn: `uid=emil,${PEOPLE}` },
    ]);
    expect(identity.logs()).toContain('running again 2 LDAP import job(s)');
    expect(identity.logs()).not.toContain('LDAP_SECRET_KEY not set');
  });
});
