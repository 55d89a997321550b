import { adminQuery, eventually, GatewayClient } from '@app/testing';
import { createUser as createSuiteUser, RunningSuite } from './suite-fixture';

/** Tickets roles as the tests use them: one level on Ticket and TicketComment for every action. */
export function ticketRoleBody(name: string, level: string, capabilities: string[] = []): Record<string, unknown> {
  const permissions = ['Ticket', 'TicketComment'].flatMap((entity) => ['VIEW', 'CREATE', 'EDIT', 'DELETE', 'ASSIGN'].map((action) => ({ entity, action, level })));
  return { name, permissions, capabilities };
}

/** What tickets tests set up through the gateway: roles, profiles, users, and their mirrored state. */
export interface TicketsSetup {
  createRole(name: string, level: string, capabilities?: string[]): Promise<string>;
  createTicketsProfile(name: string, roleIds: string[]): Promise<string>;
  createCrmProfile(name: string): Promise<void>;
  createUser(overrides?: Record<string, unknown>): Promise<{ id: string; username: string; password: string }>;
  /** Waits until tickets has mirrored the user and returns its User Security row. */
  mirrored(userId: string): Promise<{ id: string; status: string; roles: string[] }>;
  statusOf(userId: string): Promise<string | undefined>;
  login(user: { username: string; password: string }): Promise<GatewayClient>;
  assignRoles(userId: string, roleIds: string[]): Promise<{ status: number; body: any }>;
}

export function ticketsSetup(run: RunningSuite): TicketsSetup {
  const expectStatus = (response: { status: number; body: unknown }, status: number) =>
    expect({ status: response.status, body: response.status === status ? null : response.body }).toEqual({ status, body: null });
  const statusOf = async (userId: string) => {
    const [row] = await adminQuery<{ status: string }>(run.environment.databases.tickets, 'SELECT status FROM ticket_users WHERE id = $1', [userId]);
    return row?.status;
  };
  return {
    async createRole(name, level, capabilities = []) {
      const response = await run.admin.post('/api/tickets/roles', ticketRoleBody(name, level, capabilities));
      expectStatus(response, 201);
      return response.body.id;
    },
    async createTicketsProfile(name, roleIds) {
      const response = await run.admin.post('/api/tickets/security-profiles', { name, roleIds });
      expectStatus(response, 201);
      return response.body.id;
    },
    async createCrmProfile(name) {
      expectStatus(await run.admin.post('/api/security-profiles', { name }), 201);
    },
    createUser: (overrides = {}) => createSuiteUser(run, overrides),
    async mirrored(userId) {
      await eventually(async () => ((await statusOf(userId)) ? true : undefined), 5000);
      const list = await run.admin.get('/api/tickets/user-security?limit=500');
      return list.body.items.find((u: { id: string }) => u.id === userId);
    },
    statusOf,
    login: (user) => run.api.login(user.username, user.password),
    assignRoles: (userId, roleIds) => run.admin.put(`/api/tickets/user-security/${userId}/roles`, { roleIds }),
  };
}
