import { Injectable } from '@nestjs/common';
import { ADMINISTRATOR_ROLE, EventTypes, IdentityRoleBodyDto, identityRoleProblems, ListRolesDto, RoleView } from '@app/contracts';
import { Outbox } from '@app/bus';
import { Page, ServiceError } from '@app/service-kit';
import { KeyedRequest } from '@app/service-kit/database';
import { RoleStore, RoleWriteChecks } from '@app/role-store';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager } from 'typeorm';
import { AclScope, Subject } from '@app/acl';
import { assertGrantsHeld } from '../access/write-checks';
import { Organization } from '../organizations/organization.entity';
import { Role } from './role.entity';
import { assertRoleInScope, assertRoleReachable } from './role-scope';

/** Identity's roles over the suite catalogue; the steps of storing one are libs/role-store's. */
@Injectable()
export class RolesService {
  private readonly store: RoleStore<Role, RoleView>;

  constructor(@InjectDataSource() dataSource: DataSource, outbox: Outbox) {
    this.store = new RoleStore(dataSource, outbox, {
      entity: Role,
      table: 'roles',
      noun: 'role',
      uniqueConstraint: 'roles_name_ci',
      problems: identityRoleProblems,
      fieldPermissions: true,
      // The first administrator's role keeps every grant: changing it could lock everybody out.
      builtIn: ADMINISTRATOR_ROLE,
      holders: [{ table: 'user_roles', column: 'role_id', label: 'user(s)' }],
      changed: (_manager, publish, roleId) => publish(EventTypes.RoleChanged, { roleId }),
      view: viewOf,
    });
  }

  /** Roles the VIEW scope reaches: its organization's and the system-wide ones; GLOBAL sees all. */
  list(query: ListRolesDto, scope: AclScope): Promise<Page<RoleView>> {
    return this.store.list(query, visibleRoles(scope));
  }

  /** A role of another organization is a 404 to a viewer there, as if it did not exist. */
  get(id: string, scope: AclScope): Promise<RoleView> {
    return this.store.get(id, visibleRoles(scope));
  }

  /** A role inside the actor's CREATE scope (in the organization named, else the actor's own) that grants nothing the actor lacks. */
  create(body: IdentityRoleBodyDto, actor: Subject, request: KeyedRequest): Promise<RoleView> {
    const organizationId = body.organizationId !== undefined ? body.organizationId : actor.level('Role', 'CREATE') === 'GLOBAL' ? null : actor.organizationId;
    return this.store.create(body, request, {
      ...checksFor(actor),
      creating: async (manager) => {
        await assertOrganizationExists(manager, organizationId);
        assertRoleInScope(actor, 'CREATE', organizationId);
        return { organizationId, priority: body.priority ?? 0 };
      },
    });
  }

  /**
   * Replaces the role's definition; sessions pick it up through identity.role.changed. The actor must
   * cover the role as it is and as it will be, so nobody weakens or strengthens a role beyond themselves.
   */
  update(id: string, body: IdentityRoleBodyDto, actor: Subject, correlationId: string | null): Promise<RoleView> {
    return this.store.update(id, body, correlationId, {
      ...checksFor(actor),
      updating: (role) => {
        if (body.organizationId !== undefined && body.organizationId !== role.organizationId) {
          throw ServiceError.badInput([{ field: 'organizationId', messages: ["a role's organization cannot change; create a role in the other organization"] }]);
        }
        // The store writes the definition's columns; the priority is identity's own, kept when left out.
        if (body.priority !== undefined && body.priority !== null) role.priority = body.priority;
      },
    });
  }

  /** Deletes a role no user holds; a held role is a 409 (take it away from the users first). */
  delete(id: string, actor: Subject, correlationId: string | null): Promise<{ id: string; deleted: true }> {
    return this.store.delete(id, correlationId, checksFor(actor));
  }
}

/** 404 when the actor's VIEW scope does not show the role, 403 when the action's scope does not reach it; the actor covers what it grants. */
const checksFor = (actor: Subject): RoleWriteChecks<Role> => ({
  reach: (role, action) => assertRoleReachable(actor, role, action),
  covers: (_manager, roles, what) => assertGrantsHeld(actor, roles, what),
});

async function assertOrganizationExists(manager: EntityManager, organizationId: string | null): Promise<void> {
  if (organizationId && !(await manager.existsBy(Organization, { id: organizationId }))) {
    throw ServiceError.badInput([{ field: 'organizationId', messages: [`unknown organization ${organizationId}`] }]);
  }
}

const viewOf = (r: Role, userCount: number): RoleView => ({
  id: r.id,
  name: r.name,
  label: r.label,
  organizationId: r.organizationId,
  readOnly: r.readOnly,
  priority: r.priority,
  permissions: r.permissions,
  capabilities: r.capabilities,
  fieldPermissions: r.fieldPermissions,
  userCount,
  createdAt: r.createdAt.toISOString(),
});

/** VIEW: system-wide roles and those of the scope's organization; GLOBAL: every role. */
function visibleRoles(scope: AclScope): Brackets {
  return new Brackets((qb) => {
    if (scope.level === 'GLOBAL') qb.where('true');
    else if (scope.level === 'NONE') qb.where('false');
    else qb.where('(r.organization_id IS NULL OR r.organization_id = :scopeOrganization)', { scopeOrganization: scope.organizationId });
  });
}
