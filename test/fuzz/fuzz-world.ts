import { adminQuery, ApiResponse, GatewayClient } from '@app/testing';
import { createUser, RunningSuite } from '../e2e/suite-fixture';
import { ticketRoleBody, ticketsSetup } from '../e2e/tickets-fixture';
import { Persona } from './request-plans';
import { PASSWORD } from './valid-values';

/** At most this many records per pool: enough variety, and a create answer does not grow it for ever. */
const POOL_CAP = 40;

/**
 * What the fuzzer works on: the callers (personas) and pools of real records for path parameters and
 * body references. The personas' own records (their users, roles, the administrator's portal access)
 * are in no pool, so a fuzzed write cannot take their rights away in the middle of the run; the
 * records in the pools were made for the run, and records the run creates join them.
 */
export class FuzzWorld {
  readonly pools = new Map<string, string[]>();
  private readonly tokens = new Map<Persona, string>();
  private apiKey = '';
  private readonly logins = new Map<Persona, { username: string; password: string }>();
  /** Logins again after the fuzzer ended a persona's session (logout, a lock of its own...). */
  relogins = 0;

  private constructor(private readonly run: RunningSuite) {}

  static async build(run: RunningSuite): Promise<FuzzWorld> {
    const world = new FuzzWorld(run);
    await world.setUp();
    return world;
  }

  add(pool: string, value: string): void {
    const list = this.pools.get(pool) ?? [];
    if (list.length < POOL_CAP && !list.includes(value)) list.push(value);
    this.pools.set(pool, list);
  }

  headersOf(persona: Persona): Record<string, string> {
    switch (persona) {
      case 'admin':
      case 'low-privilege':
        return { authorization: `Bearer ${this.tokens.get(persona)}` };
      case 'api-key':
        return { 'x-api-key': this.apiKey };
      case 'bad-bearer':
        // A token signed with another secret, for the administrator's session shape.
        return { authorization: `Bearer ${badToken(this.tokens.get('admin')!)}` };
      case 'bad-api-key':
        return { 'x-api-key': `${this.apiKey.slice(0, -4)}AAAA` };
      default:
        return {};
    }
  }

  /** A persona whose session the fuzz ended signs in again; answers whether it had to. */
  async keepSignedIn(persona: Persona): Promise<boolean> {
    const login = this.logins.get(persona);
    if (!login) return false;
    const me = await new GatewayClient(this.run.environment.gatewayUrl, this.tokens.get(persona)!).get('/api/me');
    if (me.status === 200) return false;
    const client = await this.run.api.login(login.username, login.password);
    this.tokens.set(persona, client.token!);
    this.relogins++;
    return true;
  }

  private async setUp(): Promise<void> {
    const { admin, ids } = this.run;
    const created = async (response: Promise<ApiResponse>, pool: string | null, name?: string): Promise<string> => {
      const answer = await response;
      if (answer.status < 200 || answer.status > 202) throw new Error(`fuzz set-up: ${answer.status} ${JSON.stringify(answer.body)}`);
      if (pool) this.add(pool, answer.body.id);
      if (pool && name) this.add(`${pool}:name`, name);
      return answer.body.id;
    };
    // The portal answers 403 to a caller without its features: the administrator gets them all, outside the pools.
    const features = ['HELP_GUIDE', 'BLOG', 'LIVE_CHAT', 'SERVICE_TICKETS', 'PAYMENTS', 'MODULES'];
    await created(admin.post('/api/portal/access-profiles', { name: 'FUZZ_EVERYTHING', description: 'Every portal feature.', features }), null);
    const [adminUser] = await adminQuery<{ id: string }>(this.run.environment.databases.identity, `SELECT id FROM users WHERE username = 'admin'`);
    await created(admin.put(`/api/portal/users/${adminUser.id}/access`, { profile: 'FUZZ_EVERYTHING' }), null);

    this.add('organizations', ids.organizationId);
    await created(admin.post('/api/organizations', { name: 'Fuzz Org' }), 'organizations');
    this.add('business-units', ids.businessUnitId);
    await created(admin.post('/api/business-units', { organizationId: ids.organizationId, parentId: ids.businessUnitId, name: 'Fuzz Unit' }), 'business-units');
    const role = await created(admin.post('/api/roles', { name: 'Fuzz Role', permissions: [], capabilities: [] }), 'roles');
    const viewer = await created(admin.post('/api/roles', { name: 'Fuzz Viewer', permissions: [{ entity: 'User', action: 'VIEW', level: 'BUSINESS_UNIT' }], capabilities: [] }), null);
    await created(admin.post('/api/groups', { organizationId: ids.organizationId, name: 'Fuzz Group' }), 'groups');
    await created(admin.post('/api/security-profiles', { name: 'FuzzProfile' }), 'security-profiles', 'FuzzProfile');
    const ticketRole = await created(admin.post('/api/tickets/roles', ticketRoleBody('Fuzz Ticket Role', 'BUSINESS_UNIT')), 'tickets/roles');
    const readerRole = await created(admin.post('/api/tickets/roles', ticketRoleBody('Fuzz Ticket Reader', 'USER')), null);
    await created(admin.post('/api/tickets/security-profiles', { name: 'Fuzz Tickets Profile', roleIds: [ticketRole] }), 'tickets/security-profiles');
    await created(admin.post('/api/portal/access-profiles', { name: 'FUZZ_BLOG', description: 'Blog only.', features: ['BLOG'] }), 'portal/access-profiles', 'FUZZ_BLOG');

    // Personas: a low-privilege user (views users of its unit, its own tickets), an API key owner with the administrator role.
    const tickets = ticketsSetup(this.run);
    const low = await createUser(this.run, { roles: [{ roleId: viewer, default: true }] });
    await tickets.mirrored(low.id);
    await tickets.assignRoles(low.id, [readerRole]);
    this.logins.set('low-privilege', { username: low.username, password: low.password });
    this.tokens.set('low-privilege', (await this.run.api.login(low.username, low.password)).token!);
    this.logins.set('admin', { username: 'admin', password: this.run.environment.env.ADMIN_PASSWORD });
    this.tokens.set('admin', admin.token!);
    const keyOwner = await createUser(this.run);
    await tickets.mirrored(keyOwner.id);
    const [ticketsAdministrator] = await adminQuery<{ id: string }>(this.run.environment.databases.tickets, `SELECT id FROM ticket_roles WHERE name = 'TICKETS_ADMINISTRATOR'`);
    await tickets.assignRoles(keyOwner.id, [ticketsAdministrator.id]);
    await created(admin.put(`/api/portal/users/${keyOwner.id}/access`, { profile: 'FUZZ_EVERYTHING' }), null);
    this.apiKey = (await admin.post(`/api/users/${keyOwner.id}/api-key`, {})).body.apiKey;
    if (!this.apiKey) throw new Error('fuzz set-up: no API key');

    for (const person of [adminUser.id, low.id, keyOwner.id]) this.add('tickets:people', person);
    for (let i = 0; i < 3; i++) {
      const victim = await createUser(this.run, { roles: [{ roleId: role, default: true }], password: PASSWORD, passwordConfirm: PASSWORD });
      this.add('users', victim.id);
      this.add('users:username', victim.username);
      await tickets.mirrored(victim.id);
    }
    for (let i = 0; i < 3; i++) await created(admin.post('/api/tickets', { type: 'TASK', subject: `Fuzz ticket ${i}` }), 'tickets');
    const [firstTicket] = this.pools.get('tickets')!;
    for (let i = 0; i < 2; i++) await created(admin.post(`/api/tickets/${firstTicket}/comments`, { body: `Fuzz comment ${i}` }), 'tickets/comments');
    await created(admin.post('/api/portal/tickets', { subject: 'Fuzz request' }), 'portal/tickets');
    await created(admin.post('/api/exports', { entity: 'User' }), 'exports');
    const modules = await admin.get('/api/portal/modules');
    for (const module of modules.body.items as { key: string }[]) this.add('portal/modules', module.key);
  }
}

/** The same claims as `token`, signed with another key. */
function badToken(token: string): string {
  const [header, claims] = token.split('.');
  return `${header}.${claims}.${Buffer.from('not the signature').toString('base64url')}`;
}
