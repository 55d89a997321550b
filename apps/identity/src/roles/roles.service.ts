import { Injectable } from '@nestjs/common';
import { ADMINISTRATOR_ROLE, EventTypes, identityRoleProblems, ListRolesDto, RoleBodyDto, RoleChangedData } from '@app/contracts';
import { Outbox, PublishInTransaction } from '@app/bus';
import { containsPattern, Page, pageOf, rethrowUnique, ServiceError } from '@app/service-kit';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager } from 'typeorm';
import { AclScope, placementInScope, RoleDefinition, Subject } from '@app/acl';
import { assertGrantsHeld } from '../access/write-checks';
import { Organization } from '../organizations/organization.entity';
import { Role } from './role.entity';

export interface RoleView {
  id: string;
  name: string;
  label: string | null;
  organizationId: string | null;
  readOnly: boolean;
  permissions: Role['permissions'];
  capabilities: string[];
  fieldPermissions: Role['fieldPermissions'];
  userCount: number;
  createdAt: string;
}

const UNIQUE = { roles_name_key: 'name' };


@Injectable()
export class RolesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  /** Roles the VIEW scope reaches: its organization's and the system-wide ones; GLOBAL sees all. */
  async list(query: ListRolesDto, scope: AclScope): Promise<Page<RoleView>> {
    const { limit, offset } = pageOf(query);
    const qb = this.dataSource.getRepository(Role).createQueryBuilder('r').where(visibleRoles(scope));
    if (query.q) qb.andWhere("(r.name ILIKE :q ESCAPE '\\' OR r.label ILIKE :q ESCAPE '\\')", { q: containsPattern(query.q) });
    const [roles, total] = await qb.orderBy('r.name').limit(limit).offset(offset).getManyAndCount();
    return { items: await this.views(this.dataSource.manager, roles), total };
  }

  /** A role of another organization is a 404 to a viewer there, as if it did not exist. */
  async get(id: string, scope: AclScope): Promise<RoleView> {
    const role = await this.dataSource.getRepository(Role).createQueryBuilder('r').where('r.id = :id', { id }).andWhere(visibleRoles(scope)).getOne();
    if (!role) throw ServiceError.notFound(`role ${id}`);
    return (await this.views(this.dataSource.manager, [role]))[0];
  }

  /** A role inside the actor's CREATE scope that grants nothing the actor lacks. */
  async create(body: RoleBodyDto, actor: Subject, correlationId: string | null): Promise<RoleView> {
    this.assertValid(body);
    const organizationId = body.organizationId !== undefined ? body.organizationId : actor.level('Role', 'CREATE') === 'GLOBAL' ? null : actor.organizationId;
    try {
      return await this.outbox.transaction(correlationId, async (manager, publish) => {
        await this.assertOrganizationExists(manager, organizationId);
        assertRoleInScope(actor, 'CREATE', organizationId);
        assertGrantsHeld(actor, [definitionOf(body)], 'the role');
        await this.assertNameFree(manager, body.name, null);
        const role = await manager.save(manager.create(Role, { ...stored(body), organizationId }));
        await changed(publish, role.id);
        return (await this.views(manager, [role]))[0];
      });
    } catch (error) {
      rethrowUnique(error, UNIQUE);
    }
  }

  /**
   * Replaces the role's definition; sessions pick it up through identity.role.changed. The actor must
   * cover the role as it is and as it will be, so nobody weakens or strengthens a role beyond themselves.
   */
  async update(id: string, body: RoleBodyDto, actor: Subject, correlationId: string | null): Promise<RoleView> {
    this.assertValid(body);
    try {
      return await this.outbox.transaction(correlationId, async (manager, publish) => {
        const role = await this.lockInScope(manager, id, actor, 'EDIT');
        assertNotProtected(role);
        if (body.organizationId !== undefined && body.organizationId !== role.organizationId) {
          throw ServiceError.badInput([{ field: 'organizationId', messages: ["a role's organization cannot change; create a role in the other organization"] }]);
        }
        assertGrantsHeld(actor, [storedDefinition(role), definitionOf(body)], 'the role');
        await this.assertNameFree(manager, body.name, id);
        Object.assign(role, stored(body));
        await manager.save(role);
        await changed(publish, role.id);
        return (await this.views(manager, [role]))[0];
      });
    } catch (error) {
      rethrowUnique(error, UNIQUE);
    }
  }

  /** Deletes a role no user holds; a held role is a 409 (take it away from the users first). */
  async delete(id: string, actor: Subject, correlationId: string | null): Promise<{ id: string; deleted: true }> {
    return this.outbox.transaction(correlationId, async (manager, publish) => {
      const role = await this.lockInScope(manager, id, actor, 'DELETE');
      assertNotProtected(role);
      assertGrantsHeld(actor, [storedDefinition(role)], 'the role');
      // Locks the holders' rows too, so that no assignment slips in before the delete.
      const holders: unknown[] = await manager.query('SELECT user_id FROM user_roles WHERE role_id = $1 FOR UPDATE', [id]);
      if (holders.length) throw new ServiceError(409, `The role ${role.name} is held by ${holders.length} user(s); remove it from them first.`, 'ROLE_IN_USE');
      await manager.delete(Role, { id });
      await changed(publish, id);
      return { id, deleted: true as const };
    });
  }

  /** The role, locked; 404 when the actor's VIEW scope does not show it, 403 when the action's scope does not reach it. */
  private async lockInScope(manager: EntityManager, id: string, actor: Subject, action: 'EDIT' | 'DELETE'): Promise<Role> {
    const role = await manager.findOne(Role, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!role || !roleVisible(actor.scope('Role', 'VIEW'), role)) throw ServiceError.notFound(`role ${id}`);
    assertRoleInScope(actor, action, role.organizationId);
    return role;
  }

  private async assertOrganizationExists(manager: EntityManager, organizationId: string | null): Promise<void> {
    if (organizationId && !(await manager.existsBy(Organization, { id: organizationId }))) {
      throw ServiceError.badInput([{ field: 'organizationId', messages: [`unknown organization ${organizationId}`] }]);
    }
  }

  private assertValid(body: RoleBodyDto): void {
    const problems = identityRoleProblems(body);
    if (problems.length) throw ServiceError.badInput(problems);
  }

  private async assertNameFree(manager: EntityManager, name: string, except: string | null): Promise<void> {
    const [row] = await manager.query('SELECT 1 FROM roles WHERE lower(name) = lower($1) AND id IS DISTINCT FROM $2 LIMIT 1', [name.trim(), except]);
    if (row) throw ServiceError.badInput([{ field: 'name', messages: [`a role named ${name.trim()} exists already`] }]);
  }

  private async views(manager: EntityManager, roles: Role[]): Promise<RoleView[]> {
    const counts: { roleId: string; count: number }[] = roles.length
      ? await manager.query('SELECT role_id AS "roleId", count(*)::int AS count FROM user_roles WHERE role_id = ANY($1::uuid[]) GROUP BY role_id', [roles.map((r) => r.id)])
      : [];
    const countOf = new Map(counts.map((c) => [c.roleId, c.count]));
    return roles.map((r) => ({
      id: r.id,
      name: r.name,
      label: r.label,
      organizationId: r.organizationId,
      readOnly: r.readOnly,
      permissions: r.permissions,
      capabilities: r.capabilities,
      fieldPermissions: r.fieldPermissions,
      userCount: countOf.get(r.id) ?? 0,
      createdAt: r.createdAt.toISOString(),
    }));
  }
}

/** Only what libs/acl reads is kept from each entry; extra keys in a permission are dropped. */
const stored = (body: RoleBodyDto): Partial<Role> => ({
  name: body.name.trim(),
  label: body.label ?? null,
  readOnly: body.readOnly ?? false,
  permissions: (body.permissions as Role['permissions']).map(({ entity, action, level }) => ({ entity, action, level })),
  capabilities: body.capabilities as string[],
  fieldPermissions: ((body.fieldPermissions ?? []) as Role['fieldPermissions']).map(({ entity, field, action, level }) => ({ entity, field, action, level })),
});

/** What libs/acl compiles of a role body. */
const definitionOf = (body: RoleBodyDto): RoleDefinition => ({ ...(stored(body) as RoleDefinition), readOnly: body.readOnly ?? false });

/** A stored role as libs/acl reads it (stored roles passed validateRole, so their names are the catalogue's). */
const storedDefinition = (role: Role): RoleDefinition => role as unknown as RoleDefinition;

/** VIEW: system-wide roles and those of the scope's organization; GLOBAL: every role. */
function visibleRoles(scope: AclScope): Brackets {
  return new Brackets((qb) => {
    if (scope.level === 'GLOBAL') qb.where('true');
    else if (scope.level === 'NONE') qb.where('false');
    else qb.where('(r.organization_id IS NULL OR r.organization_id = :scopeOrganization)', { scopeOrganization: scope.organizationId });
  });
}

const roleVisible = (scope: AclScope, role: Role): boolean =>
  scope.level === 'GLOBAL' || (scope.level !== 'NONE' && (role.organizationId === null || role.organizationId === scope.organizationId));

/** A system-wide role is managed only at GLOBAL level; an organization's role within that organization. */
function assertRoleInScope(actor: Subject, action: 'CREATE' | 'EDIT' | 'DELETE', organizationId: string | null): void {
  const scope = actor.scope('Role', action);
  if (organizationId === null ? scope.level === 'GLOBAL' : placementInScope(scope, { organizationId })) return;
  const where = organizationId === null ? 'a system-wide role, which needs GLOBAL' : `a role of organization ${organizationId}`;
  throw new ServiceError(403, `Access denied: ${action} on ${where} is beyond your level on Role (${scope.level}).`, 'ACCESS_DENIED', {
    missing: { entity: 'Role', action, level: organizationId === null ? 'GLOBAL' : 'ORGANIZATION' },
  });
}

/** The first administrator's role keeps every grant: changing it could lock everybody out. */
function assertNotProtected(role: Role): void {
  if (role.name === ADMINISTRATOR_ROLE) throw new ServiceError(409, `The role ${ADMINISTRATOR_ROLE} is built in and cannot be changed or deleted.`, 'ROLE_PROTECTED');
}

const changed = (publish: PublishInTransaction, roleId: string) => publish<RoleChangedData>(EventTypes.RoleChanged, { roleId });
