import { adminQuery, eventually } from '@app/testing';
import { execFileSync, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { newUserBody, report, RunningSuite, startWholeSuite } from './suite-fixture';

describe('foundation: four services on real PostgreSQL and RabbitMQ', () => {
  let run: RunningSuite;

  beforeAll(async () => {
    run = await startWholeSuite();
    report(`start command to all four services healthy: ${run.suite.readyMs} ms`);
  });

  afterAll(async () => {
    await run?.suite.stop();
    await run?.environment.dispose();
  });

  it('every service answers /health with its database and broker up', async () => {
    const { env } = run.environment;
    for (const port of [env.IDENTITY_PORT, env.TICKETS_PORT, env.PORTAL_PORT]) {
      const response = await fetch(`http://127.0.0.1:${port}/health`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok', checks: { broker: 'up', database: 'up' } });
    }
    const gateway = await run.api.get('/health');
    expect(gateway.body).toEqual({ status: 'ok', checks: { broker: 'up' } });
  });

  it('first start created Main, its root unit, ADMINISTRATOR and the administrator holding it as a fixed role', async () => {
    const me = await run.admin.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ username: 'admin', activeRoles: ['ADMINISTRATOR'], organizationId: run.ids.organizationId });
    const [assignment] = await adminQuery(
      run.environment.databases.identity,
      `SELECT ur.fixed FROM user_roles ur JOIN users u ON u.id = ur.user_id WHERE u.username = 'admin'`,
    );
    expect(assignment).toEqual({ fixed: true });
  });

  it('a user created through the gateway is mirrored by tickets as NEW and given minimum portal access within 2 s', async () => {
    expect((await run.admin.post('/api/security-profiles', { name: 'Support' })).status).toBe(201);
    const body = newUserBody(run.ids, { securityProfiles: ['Support'] });
    const started = Date.now();
    const created = await run.admin.post('/api/users', body);
    const createdMs = Date.now() - started;
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ username: body.username, enabled: true, securityProfiles: ['Support'] });
    expect(created.body).not.toHaveProperty('passwordHash');
    const userId: string = created.body.id;

    const mirrored = await eventually(async () => {
      const list = await run.admin.get(`/api/tickets/user-security?status=NEW&limit=500`);
      return list.body.items.find((item: { id: string }) => item.id === userId);
    }, 2000);
    expect(mirrored.value).toEqual({ id: userId, username: body.username, status: 'NEW', roles: [] });
    const portal = await eventually(async () => {
      const access = await run.admin.get(`/api/portal/users/${userId}/access`);
      return access.status === 200 ? access.body : undefined;
    }, 2000);
    expect(portal.value.profile).toBe('MINIMUM');
    report(`POST /api/users answered 201 in ${createdMs} ms; tickets mirror seen ${mirrored.elapsedMs} ms after the 201 (${createdMs + mirrored.elapsedMs} ms from the request)`);

    // The person logs in with the same username and password, and sees the minimum portal.
    const user = await run.api.login(body.username as string, body.password as string);
    const home = await user.get('/api/portal/home');
    expect(home.status).toBe(200);
    const enabled = home.body.features.filter((f: { enabled: boolean }) => f.enabled).map((f: { key: string }) => f.key);
    expect(enabled).toEqual(['HELP_GUIDE', 'BLOG', 'LIVE_CHAT']);
    expect(home.body.features).toHaveLength(6);

    // Tickets got no password or hash over the bus.
    const columns = await adminQuery<{ column_name: string }>(run.environment.databases.tickets, `SELECT column_name FROM information_schema.columns WHERE table_name = 'ticket_users'`);
    expect(columns.map((c) => c.column_name).some((name) => /pass|hash/.test(name))).toBe(false);
  });

  it('serves OpenAPI at /api/docs with request schemas generated from the DTOs', async () => {
    expect((await run.api.get('/api/docs')).status).toBe(200);
    const { body: document } = await run.api.get('/api/docs-json');
    expect(document.paths['/api/users'].post.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/CreateUserDto' });
    expect(document.paths['/api/auth/login'].post.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/LoginDto' });
    const createUser = document.components.schemas.CreateUserDto;
    expect(createUser.properties.username).toMatchObject({ type: 'string', maxLength: 100 });
    expect(createUser.required).toEqual(expect.arrayContaining(['username', 'password', 'roles']));
  });

  it('echoes a sane X-Request-Id and creates one otherwise', async () => {
    const given = await run.admin.get('/api/me', { 'x-request-id': 'trace-123' });
    expect(given.headers.get('x-request-id')).toBe('trace-123');
    const created = await run.admin.get('/api/me');
    expect(created.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('a user without the capability gets 403 naming it, before any service is asked', async () => {
    const readOnly = await adminQuery<{ id: string }>(
      run.environment.databases.identity,
      `INSERT INTO roles (name, read_only, permissions, capabilities) VALUES ('VIEWER', true, '[{"entity":"User","action":"VIEW","level":"ORGANIZATION"}]', '[]') RETURNING id`,
    );
    const body = newUserBody(run.ids, { roles: [{ roleId: readOnly[0].id, default: true }] });
    expect((await run.admin.post('/api/users', body)).status).toBe(201);
    const viewer = await run.api.login(body.username as string, body.password as string);
    const denied = await viewer.get('/api/tickets/user-security');
    expect(denied.status).toBe(403);
    expect(denied.body).toMatchObject({ code: 'ACCESS_DENIED', details: { missing: { capability: 'ticket_user_security' } } });
    const createDenied = await viewer.post('/api/users', newUserBody(run.ids));
    expect(createDenied.body).toMatchObject({ statusCode: 403, details: { missing: { entity: 'User', action: 'CREATE' } } });
  });

  it('deny by default: each route the running gateway mapped is public or declares a permission, capability or login', () => {
    const mapped = [...run.suite.logs().matchAll(/\[gateway\].*Mapped \{([^,]+), (\w+)\} route/g)].map(([, path, method]) => `${method} ${path}`);
    expect(mapped.length).toBeGreaterThan(5);
    const declarations = JSON.parse(execFileSync(process.execPath, ['-e', DECLARATIONS_SCRIPT], { cwd: ROOT, encoding: 'utf8' })) as { route: string; access: unknown }[];
    const declared = new Map(declarations.map((d) => [d.route, d.access]));
    for (const route of mapped) {
      expect({ route, declared: declared.has(route) }).toEqual({ route, declared: true });
      expect({ route, access: declared.get(route) }).not.toEqual({ route, access: null });
    }
  });

  it('every entity route runs the field-level ACL, and the start-up check names one that would not', () => {
    const declarations = JSON.parse(execFileSync(process.execPath, ['-e', DECLARATIONS_SCRIPT], { cwd: ROOT, encoding: 'utf8' })) as { route: string; access: { kind?: string } | string | null; fieldAccess: boolean }[];
    const entityRoutes = declarations.filter((d) => typeof d.access === 'object' && d.access?.kind === 'entity');
    expect(entityRoutes.length).toBeGreaterThan(10);
    expect(entityRoutes.filter((d) => !d.fieldAccess).map((d) => d.route)).toEqual([]);
    // Ticket routes (tickets' own roles) have no identity entity fields to judge, so no interceptor.
    expect(declarations.find((d) => d.route === 'GET /api/tickets/:id')).toMatchObject({ access: { kind: 'tickets' }, fieldAccess: false });
    const result = spawnSync(process.execPath, ['-e', UNJUDGED_SCRIPT], { cwd: ROOT, encoding: 'utf8' });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('entity routes without the field-level ACL (use RequirePermission): GET /api/things (ThingsController.list)');
  });

  it('deny by default: the start-up check names a route that declares nothing', () => {
    const result = spawnSync(process.execPath, ['-e', UNDECLARED_SCRIPT], { cwd: ROOT, encoding: 'utf8' });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('routes without a declared permission or @Public(): GET /api/open (OpenController.leak)');
  });
});

const ROOT = resolve(__dirname, '../..');

// Run on the built gateway under plain node, which loads Nest 12's ES modules (jest cannot).
const DECLARATIONS_SCRIPT = `
  const { listRouteDeclarations } = require('./dist/apps/gateway/src/access/route-declarations');
  const { GATEWAY_CONTROLLERS } = require('./dist/apps/gateway/src/gateway.controllers');
  const { HealthController } = require('./dist/libs/service-kit/src/health/health.controller');
  const { HealthProbesController } = require('./dist/libs/service-kit/src/health/health-probes.controller');
  const { MetricsController } = require('./dist/libs/service-kit/src/metrics/metrics.controller');
  process.stdout.write(JSON.stringify(listRouteDeclarations([...GATEWAY_CONTROLLERS, HealthController, HealthProbesController, MetricsController])));
`;
const UNJUDGED_SCRIPT = `
  const { Controller, Get, SetMetadata } = require('@nestjs/common');
  const { assertEveryRouteDeclares } = require('./dist/apps/gateway/src/access/route-declarations');
  class ThingsController { list() {} }
  const descriptor = Object.getOwnPropertyDescriptor(ThingsController.prototype, 'list');
  Get()(ThingsController.prototype, 'list', descriptor);
  SetMetadata('access:requirement', { kind: 'entity', entity: 'User', action: 'VIEW' })(ThingsController.prototype, 'list', descriptor);
  Controller('things')(ThingsController);
  assertEveryRouteDeclares([ThingsController]);
`;
const UNDECLARED_SCRIPT = `
  const { Controller, Get } = require('@nestjs/common');
  const { assertEveryRouteDeclares } = require('./dist/apps/gateway/src/access/route-declarations');
  class OpenController { leak() {} }
  Get()(OpenController.prototype, 'leak', Object.getOwnPropertyDescriptor(OpenController.prototype, 'leak'));
  Controller('open')(OpenController);
  assertEveryRouteDeclares([OpenController]);
`;
