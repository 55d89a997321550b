import { Injectable } from '@nestjs/common';
import { ListRolesDto, Page, RoleBodyDto, roleProblems, RpcRequest, TicketRoleView, TICKETS_ACL, TICKETS_ADMINISTRATOR_ROLE } from '@app/contracts';
import { Outbox } from '@app/bus';
import { RoleStore, RoleWriteChecks } from '@app/role-store';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { aclChanged } from '../access/access-versions';
import { TicketsEscalation } from '../access/tickets-escalation';
import { TicketRole } from './ticket-role.entity';

/** Tickets security roles: `/api/tickets/roles`, the same shape and steps (libs/role-store) as identity's `/api/roles`. */
@Injectable()
export class TicketRolesService {
  private readonly store: RoleStore<TicketRole, TicketRoleView>;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    outbox: Outbox,
    private readonly escalation: TicketsEscalation,
  ) {
    this.store = new RoleStore(dataSource, outbox, {
      entity: TicketRole,
      table: 'ticket_roles',
      noun: 'tickets role',
      uniqueConstraint: 'ticket_roles_name_ci',
      problems: (body) => roleProblems(TICKETS_ACL, body),
      fieldPermissions: false,
      // The seeded role keeps every grant, so that tickets can always be administered from within.
      builtIn: TICKETS_ADMINISTRATOR_ROLE,
      holders: [
        { table: 'ticket_user_roles', column: 'role_id', label: 'user(s)' },
        { table: 'ticket_security_profile_roles', column: 'role_id', label: 'security profile(s)' },
      ],
      // A new role is held by nobody yet: no compiled subject depends on it.
      changed: (manager, publish, id, change) => (change === 'created' ? Promise.resolve() : aclChanged(manager, publish, { kind: 'role', id })),
      view: viewOf,
    });
  }

  list(query: ListRolesDto): Promise<Page<TicketRoleView>> {
    return this.store.list(query);
  }

  get(id: string): Promise<TicketRoleView> {
    return this.store.get(id);
  }

  /** A role that grants nothing the caller's tickets roles lack (unless it holds role_escalate). */
  create(body: RoleBodyDto, request: RpcRequest): Promise<TicketRoleView> {
    return this.store.create(body, request, this.checksFor(request));
  }

  /**
   * Replaces the definition whole; every holder's cached subject is dropped (tickets.acl.changed). The
   * caller must cover the role as it is and as it will be.
   */
  update(id: string, body: RoleBodyDto, request: RpcRequest): Promise<TicketRoleView> {
    return this.store.update(id, body, request.requestId, this.checksFor(request));
  }

  /** Deletes a role that no user and no profile holds; a held one is a 409. */
  delete(id: string, request: RpcRequest): Promise<{ id: string; deleted: true }> {
    return this.store.delete(id, request.requestId, this.checksFor(request));
  }

  private checksFor(request: RpcRequest): RoleWriteChecks<TicketRole> {
    return { covers: (_manager, roles, what) => this.escalation.assertCovered(request, roles, what) };
  }
}

const viewOf = (r: TicketRole, userCount: number): TicketRoleView => ({
  id: r.id,
  name: r.name,
  label: r.label,
  readOnly: r.readOnly,
  permissions: r.permissions,
  capabilities: r.capabilities,
  fieldPermissions: [],
  userCount,
  createdAt: r.createdAt.toISOString(),
});
