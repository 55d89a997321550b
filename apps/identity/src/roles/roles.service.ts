import { Injectable } from '@nestjs/common';
import { ADMINISTRATOR_ROLE, EventTypes, ListRolesDto, RoleBodyDto, RoleChangedData, roleProblems, SUITE_ACL } from '@app/contracts';
import { Outbox, PublishInTransaction } from '@app/bus';
import { ServiceError } from '@app/service-kit';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { containsPattern, Page, pageOf, rethrowUnique } from '../directory-kit/directory-kit';
import { Role } from './role.entity';

export interface RoleView {
  id: string;
  name: string;
  label: string | null;
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

  async list(query: ListRolesDto): Promise<Page<RoleView>> {
    const { limit, offset } = pageOf(query);
    const qb = this.dataSource.getRepository(Role).createQueryBuilder('r');
    if (query.q) qb.where("(r.name ILIKE :q ESCAPE '\\' OR r.label ILIKE :q ESCAPE '\\')", { q: containsPattern(query.q) });
    const [roles, total] = await qb.orderBy('r.name').limit(limit).offset(offset).getManyAndCount();
    return { items: await this.views(this.dataSource.manager, roles), total };
  }

  async get(id: string): Promise<RoleView> {
    const role = await this.dataSource.getRepository(Role).findOneBy({ id });
    if (!role) throw ServiceError.notFound(`role ${id}`);
    return (await this.views(this.dataSource.manager, [role]))[0];
  }

  async create(body: RoleBodyDto, correlationId: string | null): Promise<RoleView> {
    this.assertValid(body);
    try {
      return await this.outbox.transaction(correlationId, async (manager, publish) => {
        await this.assertNameFree(manager, body.name, null);
        const role = await manager.save(manager.create(Role, stored(body)));
        await changed(publish, role.id);
        return (await this.views(manager, [role]))[0];
      });
    } catch (error) {
      rethrowUnique(error, UNIQUE);
    }
  }

  /** Replaces the role's definition; sessions pick it up through identity.role.changed. */
  async update(id: string, body: RoleBodyDto, correlationId: string | null): Promise<RoleView> {
    this.assertValid(body);
    try {
      return await this.outbox.transaction(correlationId, async (manager, publish) => {
        const role = await manager.findOne(Role, { where: { id }, lock: { mode: 'pessimistic_write' } });
        if (!role) throw ServiceError.notFound(`role ${id}`);
        assertNotProtected(role);
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
  async delete(id: string, correlationId: string | null): Promise<{ id: string; deleted: true }> {
    return this.outbox.transaction(correlationId, async (manager, publish) => {
      const role = await manager.findOne(Role, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!role) throw ServiceError.notFound(`role ${id}`);
      assertNotProtected(role);
      // Locks the holders' rows too, so that no assignment slips in before the delete.
      const holders: unknown[] = await manager.query('SELECT user_id FROM user_roles WHERE role_id = $1 FOR UPDATE', [id]);
      if (holders.length) throw new ServiceError(409, `The role ${role.name} is held by ${holders.length} user(s); remove it from them first.`, 'ROLE_IN_USE');
      await manager.delete(Role, { id });
      await changed(publish, id);
      return { id, deleted: true as const };
    });
  }

  private assertValid(body: RoleBodyDto): void {
    const problems = roleProblems(SUITE_ACL, body);
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

/** The first administrator's role keeps every grant: changing it could lock everybody out. */
function assertNotProtected(role: Role): void {
  if (role.name === ADMINISTRATOR_ROLE) throw new ServiceError(409, `The role ${ADMINISTRATOR_ROLE} is built in and cannot be changed or deleted.`, 'ROLE_PROTECTED');
}

const changed = (publish: PublishInTransaction, roleId: string) => publish<RoleChangedData>(EventTypes.RoleChanged, { roleId });
