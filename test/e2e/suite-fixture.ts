import { adminQueryOn, createTestEnvironment, GatewayClient, startSuite, SuiteProcess, TestEnvironment } from '@app/testing';

/** The ids first start created, read from identity's database. */
export interface SeededIds {
  organizationId: string;
  businessUnitId: string;
  administratorRoleId: string;
}

export async function seededIds(environment: TestEnvironment): Promise<SeededIds> {
  const [row] = await adminQueryOn<SeededIds>(
    environment.databaseUrl,
    environment.databases.identity,
    `SELECT o.id AS "organizationId", b.id AS "businessUnitId", r.id AS "administratorRoleId"
       FROM organizations o JOIN business_units b ON b.organization_id = o.id AND b.parent_id IS NULL, roles r
      WHERE o.name = 'Main' AND r.name = 'ADMINISTRATOR'`,
  );
  return row;
}

/** A valid `POST /api/users` body; `overrides` replaces fields. */
export function newUserBody(ids: SeededIds, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const tag = Math.random().toString(36).slice(2, 8);
  return {
    username: `user.${tag}`,
    password: 'Str0ng-Password',
    passwordConfirm: 'Str0ng-Password',
    primaryEmail: `user.${tag}@example.com`,
    firstName: 'Ada',
    lastName: 'Lovelace',
    enabled: true,
    ownerBusinessUnitId: ids.businessUnitId,
    organizationIds: [ids.organizationId],
    businessUnitIds: [ids.businessUnitId],
    roles: [{ roleId: ids.administratorRoleId, fixed: false, default: true }],
    // Security profile names must exist (POST /api/security-profiles first); none by default.
    securityProfiles: [],
    ...overrides,
  };
}

/** Prints a measured figure where jest's reporter leaves it readable. */
export const report = (line: string): void => {
  process.stdout.write(`FIGURE ${line}\n`);
};

export interface RunningSuite {
  environment: TestEnvironment;
  suite: SuiteProcess;
  api: GatewayClient;
  admin: GatewayClient;
  ids: SeededIds;
}

/** `beforeStart` runs once the run's vhost and settings exist and before any service starts (e.g. to tap the bus). */
export async function startWholeSuite(overrides: Record<string, string> = {}, beforeStart?: (environment: TestEnvironment) => Promise<void>): Promise<RunningSuite> {
  const environment = await createTestEnvironment(overrides);
  await beforeStart?.(environment);
  const suite = await startSuite(environment);
  const api = new GatewayClient(environment.gatewayUrl);
  const admin = await api.login('admin', environment.env.ADMIN_PASSWORD);
  return { environment, suite, api, admin, ids: await seededIds(environment) };
}

/** A user created through the gateway by the administrator: its view, with the credentials it was given. */
export async function createUser(run: RunningSuite, overrides: Record<string, unknown> = {}) {
  const body = newUserBody(run.ids, overrides);
  const response = await run.admin.post('/api/users', body);
  expect({ status: response.status, body: response.status === 201 ? null : response.body }).toEqual({ status: 201, body: null });
  return { ...response.body, id: response.body.id as string, username: body.username as string, email: body.primaryEmail as string, password: body.password as string };
}
