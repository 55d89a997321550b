import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { adminQuery, ApiResponse, callRpc, GatewayClient } from '@app/testing';
import { report, RunningSuite, SeededIds, startWholeSuite } from '../e2e/suite-fixture';

/**
 * Odd input on every route (issue 9, DESIGN.md section 8): NUL and lone surrogates in every string a
 * route takes, bodies nested 10,000 deep, offsets and limits out of range, bodies that are not JSON.
 * The routes, their bodies and their query parameters come from the running gateway's OpenAPI
 * document, so a new route is covered without a change here. Every answer is tallied per route: no
 * 5xx anywhere, and each refusal is a 400 (or 415) in the error shape naming what was wrong.
 */

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  minimum?: number;
}

interface Route {
  method: string;
  path: string;
  body: Schema | null;
  query: string[];
  params: string[];
}

const BAD_UNITS: [string, string][] = [
  ['NUL', '\u0000'],
  ['a lone surrogate', '\ud800'],
];
const DEEP_BODY = `{"a":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;

/** The routes of the document, `{id}` filled with a random UUID where a route needs one. */
function routesOf(document: { paths: Record<string, Record<string, { parameters?: { name: string; in: string }[]; requestBody?: any }>> }): Route[] {
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path,
      body: operation.requestBody?.content?.['application/json']?.schema ?? null,
      query: (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
      params: (operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
    })),
  );
}

const urlOf = (route: Route, params: Record<string, string> = {}): string =>
  route.path.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? randomUUID());

const tag = () => Math.random().toString(36).slice(2, 8);

/**
 * Values the schema cannot tell: formats checked by custom rules, and references that must exist. With
 * them a sample body is valid, so a spoiled string would reach the service and its database if the
 * gateway let it through. A field not named here gets a plain value from its schema.
 */
const HINTS: Record<string, (ids: SeededIds) => unknown> = {
  username: () => `user.${tag()}`,
  password: () => 'Str0ng-Password',
  passwordConfirm: () => 'Str0ng-Password',
  primaryEmail: () => `${tag()}@example.com`,
  emails: () => [`${tag()}@example.com`],
  birthday: () => '1990-05-17',
  phone: () => '+1 555 0100',
  avatar: () => undefined,
  customFields: () => ({ x: 'text' }),
  locale: () => 'en-US',
  timeZone: () => 'UTC',
  currency: () => 'EUR',
  dueDate: () => '2030-01-31',
  sendInvitation: () => false,
  organizationId: (ids) => ids.organizationId,
  organizationIds: (ids) => [ids.organizationId],
  ownerBusinessUnitId: (ids) => ids.businessUnitId,
  businessUnitIds: (ids) => [ids.businessUnitId],
  parentId: (ids) => ids.businessUnitId,
  roleId: (ids) => ids.administratorRoleId,
  requesterId: () => undefined,
  assigneeId: () => undefined,
  groups: () => undefined,
};

/** A body of the schema's shape: every property present (unless a hint leaves it out). */
function sampleOf(schema: Schema, schemas: Record<string, Schema>, ids: SeededIds, name = ''): unknown {
  if (HINTS[name]) return HINTS[name](ids);
  if (schema.$ref) {
    const target = schemas[schema.$ref.split('/').pop()!];
    // Rules the schema generator cannot describe come out as a bare Object: a small object then.
    return target?.properties ? sampleOf({ type: 'object', ...target }, schemas, ids) : { x: 'text' };
  }
  if (schema.enum) return schema.enum[0];
  switch (schema.type) {
    case 'object':
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, property]) => [key, sampleOf(property, schemas, ids, key)]));
    case 'array':
      return [sampleOf(schema.items?.type || schema.items?.$ref || schema.items?.enum ? schema.items : { type: 'string' }, schemas, ids)];
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    default:
      return schema.format === 'uuid' ? randomUUID() : schema.format === 'email' ? `${tag()}@example.com` : `text ${tag()}`;
  }
}

/** The dotted paths of the strings in a sample, as the error details name fields. */
const stringPaths = (value: unknown, path = ''): string[] =>
  typeof value === 'string'
    ? [path]
    : typeof value === 'object' && value !== null
      ? Object.entries(value).flatMap(([key, item]) => stringPaths(item, path ? `${path}.${key}` : key))
      : [];

/** A deep copy of `value` with the string at `path` spoiled by `unit`. */
function spoiled(value: unknown, path: string, unit: string): unknown {
  const copy = JSON.parse(JSON.stringify(value));
  const keys = path.split('.');
  let holder = copy;
  for (const key of keys.slice(0, -1)) holder = holder[key];
  holder[keys[keys.length - 1]] = `${holder[keys[keys.length - 1]]}${unit}x`;
  return copy;
}

const fieldsOf = (response: ApiResponse): string[] => (Array.isArray(response.body?.details) ? response.body.details.map((d: { field: string }) => d.field) : []);
const inErrorShape = (response: ApiResponse): boolean =>
  typeof response.body === 'object' && response.body !== null && response.body.statusCode === response.status && typeof response.body.error === 'string' && typeof response.body.message === 'string';

/** A raw HTTP request, for headers fetch refuses to send; answers the status (0 if the server hung up). */
function rawRequest(gatewayUrl: string, head: Buffer): Promise<number> {
  const { hostname, port } = new URL(gatewayUrl);
  return new Promise((resolve, reject) => {
    // Written, not ended: a client that half-closes first would see the server drop the socket.
    const socket = connect(Number(port), hostname, () => socket.write(head));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    socket.on('error', reject);
    socket.on('close', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0)));
  });
}

/** Everything a refused request could have written, in both databases. */
/** The portal's gate answers 403 before any input is read: the administrator gets every feature, so its routes' input is reached. */
async function openEveryPortalFeature(run: RunningSuite): Promise<void> {
  const features = ['HELP_GUIDE', 'BLOG', 'LIVE_CHAT', 'SERVICE_TICKETS', 'PAYMENTS', 'MODULES'];
  expect((await run.admin.post('/api/portal/access-profiles', { name: 'EVERYTHING', description: 'Every portal feature.', features })).status).toBe(201);
  const [admin] = await adminQuery<{ id: string }>(run.environment.databases.identity, `SELECT id FROM users WHERE username = 'admin'`);
  const granted = await run.admin.put(`/api/portal/users/${admin.id}/access`, { profile: 'EVERYTHING' });
  expect(granted.status).toBe(200);
}

async function rowCounts(run: RunningSuite) {
  const count = (tables: string[]) => tables.map((t) => `(SELECT count(*) FROM ${t}) AS ${t}`).join(', ');
  const [identity] = await adminQuery(
    run.environment.databases.identity,
    `SELECT ${count(['users', 'user_roles', 'roles', 'organizations', 'business_units', 'groups', 'security_profiles', 'api_keys', 'export_jobs', 'password_reset_tokens', 'user_configurations', 'organization_configurations', 'role_configurations', 'ldap_directories', 'ldap_import_jobs', 'user_avatars', 'outbox'])}`,
  );
  const [tickets] = await adminQuery(run.environment.databases.tickets, `SELECT ${count(['tickets', 'ticket_comments', 'ticket_roles', 'ticket_security_profiles', 'ticket_user_roles'])}`);
  return { identity, tickets };
}

describe('odd input on every route of the gateway', () => {
  let run: RunningSuite;
  let routes: Route[];
  let schemas: Record<string, Schema>;
  let countsBefore: Awaited<ReturnType<typeof rowCounts>>;
  const tally = new Map<string, { attempts: number; statuses: number[] }>();
  /** The administrator's second session, for logout: a logout that got through must not end the sweep's. */
  let spare: GatewayClient;

  /** Sends one request and tallies its answer under its route. */
  async function send(client: GatewayClient, route: Route, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse> {
    const actor = client === run.admin && route.path === '/api/auth/logout' ? spare : client;
    const response = await actor.request(route.method, url, body, headers);
    const key = `${route.method} ${route.path}`;
    const entry = tally.get(key) ?? { attempts: 0, statuses: [] };
    entry.attempts++;
    if (response.status >= 500) entry.statuses.push(response.status);
    tally.set(key, entry);
    return response;
  }

  const withBody = () => routes.filter((r) => ['POST', 'PUT', 'PATCH'].includes(r.method));
  const route = (method: string, path: string) => routes.find((r) => r.method === method && r.path === path)!;

  beforeAll(async () => {
    run = await startWholeSuite();
    const document = await run.api.get('/api/docs-json');
    routes = routesOf(document.body).filter((r) => r.path.startsWith('/api/'));
    schemas = document.body.components.schemas;
    spare = await run.api.login('admin', run.environment.env.ADMIN_PASSWORD);
    await openEveryPortalFeature(run);
    countsBefore = await rowCounts(run);
  });

  afterAll(async () => {
    await run?.suite.stop();
    await run?.environment.dispose();
  });

  it('finds the routes, their bodies and their query parameters in the OpenAPI document', () => {
    expect(routes.length).toBeGreaterThan(50);
    expect(route('POST', '/api/users').body).toBeTruthy();
    expect(stringPaths(sampleOf(route('POST', '/api/users').body!, schemas, run.ids))).toEqual(expect.arrayContaining(['firstName', 'roles.0.roleId', 'organizationIds.0', 'customFields.x']));
    expect(route('GET', '/api/users').query).toEqual(expect.arrayContaining(['q', 'limit', 'offset']));
    expect(route('GET', '/api/tickets').query).toEqual(expect.arrayContaining(['q', 'limit', 'offset']));
  });

  it('NUL or a lone surrogate in any string of any JSON body is a 400 naming that field', async () => {
    const wrong: string[] = [];
    for (const r of routes.filter((x) => x.body)) {
      const sample = sampleOf(r.body!, schemas, run.ids);
      for (const path of stringPaths(sample)) {
        for (const [what, unit] of BAD_UNITS) {
          const response = await send(run.admin, r, urlOf(r), spoiled(sample, path, unit));
          if (response.status !== 400 || response.body?.code !== 'VALIDATION_FAILED' || !fieldsOf(response).includes(path) || !response.body.message.includes(path)) {
            wrong.push(`${r.method} ${r.path} ${what} in ${path}: ${response.status} ${JSON.stringify(response.body)}`);
          }
        }
      }
      const badKey = await send(run.admin, r, urlOf(r), { ...(sample as object), 'x\u0000': 1 });
      if (badKey.status !== 400 || !fieldsOf(badKey).includes('x\\u0000')) wrong.push(`${r.method} ${r.path} NUL in a key: ${badKey.status} ${JSON.stringify(badKey.body)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('the same bodies from an anonymous caller are refused too, never a 5xx', async () => {
    const wrong: string[] = [];
    for (const r of routes.filter((x) => x.body)) {
      const sample = sampleOf(r.body!, schemas, run.ids);
      for (const path of stringPaths(sample)) {
        const response = await send(run.api, r, urlOf(r), spoiled(sample, path, '\u0000'));
        if (![400, 401].includes(response.status) || !inErrorShape(response)) wrong.push(`${r.method} ${r.path} ${path}: ${response.status}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('a body nested 10,000 deep is a 400 naming (body) on every route that takes a body, signed in or not', async () => {
    const wrong: string[] = [];
    for (const r of withBody()) {
      for (const client of [run.admin, run.api]) {
        const response = await send(client, r, urlOf(r), DEEP_BODY);
        if (response.status !== 400 || !fieldsOf(response).includes('(body)')) wrong.push(`${r.method} ${r.path}: ${response.status} ${JSON.stringify(response.body)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('a form, text or multipart body is a 415 in the error shape on every route that takes a body', async () => {
    const bodies: [string, string][] = [
      ['application/x-www-form-urlencoded', 'name=x'],
      ['text/plain', '{"name":"x"}'],
      ['multipart/form-data; boundary=b', '--b\r\nContent-Disposition: form-data; name="name"\r\n\r\nx\r\n--b--\r\n'],
    ];
    const wrong: string[] = [];
    for (const r of withBody()) {
      for (const [type, text] of bodies) {
        const response = await send(run.admin, r, urlOf(r), text, { 'content-type': type });
        if (response.status !== 415 || response.body?.code !== 'UNSUPPORTED_MEDIA_TYPE' || !inErrorShape(response)) wrong.push(`${r.method} ${r.path} ${type}: ${response.status}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('offsets and limits out of range are a 400 naming the parameter on every list', async () => {
    const lists = routes.filter((r) => r.method === 'GET' && r.query.includes('offset'));
    expect(lists.length).toBeGreaterThan(10);
    const wrong: string[] = [];
    const refused: [string, string[]][] = [
      ['offset', ['1e20', '-1', '1.5', 'abc', '9999999999999999999', '10000001']],
      ['limit', ['1e20', '-1', '0', '1.5', 'abc', '501']],
    ];
    for (const r of lists) {
      for (const [name, values] of refused) {
        for (const value of values) {
          const response = await send(run.admin, r, `${urlOf(r)}?${name}=${value}`);
          if (response.status !== 400 || !fieldsOf(response).includes(name)) wrong.push(`${r.path}?${name}=${value}: ${response.status} ${JSON.stringify(response.body)}`);
        }
      }
      // The largest offset allowed passes validation: a page past the end, or the route's own refusal
      // (a random parent id is not found).
      const furthest = await send(run.admin, r, `${urlOf(r)}?offset=10000000`);
      if (![200, 403, 404].includes(furthest.status)) wrong.push(`${r.path}?offset=10000000: ${furthest.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it('NUL in any query parameter (q among them) or path parameter is a 400 naming it', async () => {
    const wrong: string[] = [];
    for (const r of routes) {
      // An undeclared parameter too: it is refused for its NUL before being refused as unknown.
      const stray = await send(run.admin, r, `${urlOf(r)}?stray=a%00b`, r.body ? sampleOf(r.body, schemas, run.ids) : undefined);
      if (stray.status !== 400 || !fieldsOf(stray).includes('stray')) wrong.push(`${r.method} ${r.path}?stray: ${stray.status}`);
      for (const name of r.query) {
        const response = await send(run.admin, r, `${urlOf(r)}?${name}=a%00b`);
        if (response.status !== 400 || !fieldsOf(response).includes(name)) wrong.push(`${r.method} ${r.path}?${name}: ${response.status}`);
      }
      for (const name of r.params) {
        const response = await send(run.admin, r, urlOf(r, { [name]: 'a%00b' }), r.body ? sampleOf(r.body, schemas, run.ids) : undefined);
        if (response.status !== 400 || !fieldsOf(response).includes(name)) wrong.push(`${r.method} ${r.path} {${name}}: ${response.status}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('anonymous login and password-reset confirmation refuse NUL, lone surrogates, deep bodies and forms', async () => {
    const login = route('POST', '/api/auth/login');
    const confirm = route('POST', '/api/auth/password-reset/confirm');
    const password = run.environment.env.ADMIN_PASSWORD;
    const nulName = await send(run.api, login, login.path, { username: 'admin\u0000', password });
    expect([nulName.status, fieldsOf(nulName)]).toEqual([400, ['username']]);
    const loneSurrogate = await send(run.api, login, login.path, { username: 'admin', password: `${password}\udfff` });
    expect([loneSurrogate.status, fieldsOf(loneSurrogate)]).toEqual([400, ['password']]);
    const nulRole = await send(run.api, login, `${login.path}?roles=a%00`, { username: 'admin', password });
    expect([nulRole.status, fieldsOf(nulRole)]).toEqual([400, ['roles']]);
    for (const r of [login, confirm]) {
      const deep = await send(run.api, r, r.path, DEEP_BODY);
      expect([deep.status, fieldsOf(deep)]).toEqual([400, ['(body)']]);
    }
    // With the right password: a cross-site form must not sign anyone in.
    const form = await send(run.api, login, login.path, `username=admin&password=${encodeURIComponent(password)}`, { 'content-type': 'application/x-www-form-urlencoded' });
    const text = await send(run.api, login, login.path, JSON.stringify({ username: 'admin', password }), { 'content-type': 'text/plain' });
    for (const refused of [form, text]) {
      expect(refused.status).toBe(415);
      expect(refused.body).toMatchObject({ statusCode: 415, error: 'Unsupported Media Type', code: 'UNSUPPORTED_MEDIA_TYPE' });
      expect(refused.body.accessToken).toBeUndefined();
    }
    // JSON with a charset parameter is still JSON.
    const charset = await send(run.api, login, login.path, JSON.stringify({ username: 'admin', password }), { 'content-type': 'application/json; charset=utf-8' });
    expect(charset.status).toBe(200);
  });

  it('an X-API-Key with NUL or bytes that are not UTF-8 is refused, never a 5xx', async () => {
    const ask = (key: Buffer) =>
      rawRequest(run.environment.gatewayUrl, Buffer.concat([Buffer.from('GET /api/me HTTP/1.1\r\nHost: gateway\r\nX-API-Key: '), key, Buffer.from('\r\nConnection: close\r\n\r\n')]));
    expect(await ask(Buffer.from('key\u0000key'))).toBe(400); // Node's HTTP parser refuses it first
    expect(await ask(Buffer.from([0xed, 0xa0, 0x80, 0x41]))).toBe(401);
    const long = await run.api.get('/api/me', { 'x-api-key': 'k'.repeat(10_000) });
    expect(long.status).toBeLessThan(500);
    expect(inErrorShape(long)).toBe(true);
  });

  it('the services refuse the same input when it bypasses the gateway (RPC payloads)', async () => {
    const amqp = run.environment.amqpUrl;
    // 100 levels: past the services' limit of 32, and within what the caller's JSON.stringify can write.
    const deep = JSON.parse(`{"a":${'['.repeat(100)}${']'.repeat(100)}}`);
    const calls: [string, string, unknown, string][] = [
      ['identity', 'identity.security-profiles.create', { name: 'a\u0000b' }, 'name'],
      ['identity', 'identity.security-profiles.create', { name: 'ok', description: '\udc00' }, 'description'],
      ['identity', 'identity.security-profiles.create', deep, '(body)'],
      ['tickets', 'tickets.security-profiles.create', { name: 'a\u0000b', roleIds: [] }, 'name'],
      ['tickets', 'tickets.security-profiles.create', deep, '(body)'],
    ];
    for (const [service, pattern, payload, field] of calls) {
      const refused = await callRpc(amqp, service, pattern, payload).then(
        (answer) => ({ statusCode: 200, answer }),
        (error) => error,
      );
      expect({ pattern, field, statusCode: refused.statusCode, code: refused.code, fields: (refused.details ?? []).map((d: { field: string }) => d.field) }).toEqual({ pattern, field, statusCode: 400, code: 'VALIDATION_FAILED', fields: [field] });
    }
  });

  it('nothing was written by any refused request', async () => {
    expect(await rowCounts(run)).toEqual(countsBefore);
  });

  it('a POST without a body still reaches its route', async () => {
    const enable = await run.admin.request('POST', `/api/users/${randomUUID()}/enable`);
    expect([enable.status, enable.body?.code]).toEqual([404, 'NOT_FOUND']);
    const session = await run.api.login('admin', run.environment.env.ADMIN_PASSWORD);
    expect((await session.request('POST', '/api/auth/logout')).status).toBe(204);
  });

  it('answers carry the security headers, no-store where authenticated, and no CORS by default', async () => {
    const me = await run.admin.get('/api/me');
    const login = await run.api.post('/api/auth/login', { username: 'admin', password: run.environment.env.ADMIN_PASSWORD });
    const refused = await run.api.get('/api/me');
    for (const response of [me, login, refused]) {
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
    expect([me.status, login.status, refused.status]).toEqual([200, 200, 401]);

    const fromElsewhere = await run.admin.get('/api/me', { origin: 'https://elsewhere.example' });
    expect(fromElsewhere.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await run.api.request('OPTIONS', '/api/auth/login', undefined, { origin: 'https://elsewhere.example', 'access-control-request-method': 'POST' });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('the docs page works under its CSP: its scripts and styles are its own files, served', async () => {
    const docs = await run.api.get('/api/docs');
    expect(docs.status).toBe(200);
    const csp = docs.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self' https: 'unsafe-inline'");
    const html = String(docs.body);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // an inline script would be blocked
    const assets = [...html.matchAll(/(?:src|href)="(\.\/docs\/[^"]+)"/g)].map((m) => m[1]);
    expect(assets.length).toBeGreaterThanOrEqual(4);
    for (const asset of assets) {
      const served = await run.api.get(new URL(asset, `${run.environment.gatewayUrl}/api/docs`).pathname);
      expect([asset, served.status]).toEqual([asset, 200]);
    }
  });

  it('no answer on any route was a 5xx', () => {
    const covered = [...tally.entries()].sort(([a], [b]) => a.localeCompare(b));
    for (const [key, { attempts, statuses }] of covered) report(`input ${key} attempts=${attempts} 5xx=${statuses.length}`);
    report(`input routes=${covered.length} attempts=${covered.reduce((n, [, e]) => n + e.attempts, 0)}`);
    expect(covered.length).toBe(routes.length);
    expect(covered.filter(([, e]) => e.statuses.length > 0).map(([key, e]) => `${key}: ${e.statuses.join(', ')}`)).toEqual([]);
  });
});
