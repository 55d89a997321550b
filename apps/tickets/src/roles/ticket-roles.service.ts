import { Injectable } from '@nestjs/common';
import { RoleDefinition } from '@app/acl';
import { fieldProblem, ListRolesDto, Page, RoleBodyDto, roleProblems, RpcRequest, TicketRoleView, TICKETS_ACL, TICKETS_ADMINISTRATOR_ROLE } from '@app/contracts';
import { Outbox } from '@app/bus';
import { containsPattern, pageOf, rethrowUnique, ServiceError } from '@app/service-kit';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { aclChanged } from '../access/access-versions';
import { TicketsEscalation } from '../access/tickets-escalation';
import { TicketRole } from './ticket-role.entity';

const UNIQUE = { ticket_roles_name_ci: 'name' };


/** Tickets security roles: `/api/tickets/roles`, the same shape as identity's `/api/roles`. */
@Injectable()
export class TicketRolesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly escalation: TicketsEscalation,
  ) {}

  async list(query: ListRolesDto): Promise<Page<TicketRoleView>> {
    const { limit, offset } = pageOf(query);
    const qb = this.dataSource.getRepository(TicketRole).createQueryBuilder('r');
    if (query.q) qb.where("(r.name ILIKE :q ESCAPE '\\' OR r.label ILIKE :q ESCAPE '\\')", { q: containsPattern(query.q) });
    const [roles, total] = await qb.orderBy('r.name').limit(limit).offset(offset).getManyAndCount();
    return { items: await this.views(this.dataSource.manager, roles), total };
  }

  async get(id: string): Promise<TicketRoleView> {
    const role = await this.dataSource.getRepository(TicketRole).findOneBy({ id });
    if (!role) throw ServiceError.notFound(`tickets role ${id}`);
    return (await this.views(this.dataSource.manager, [role]))[0];
  }

  /** A role that grants nothing the caller's tickets roles lack (unless it holds role_escalate). */
  async create(body: RoleBodyDto, request: RpcRequest): Promise<TicketRoleView> {
    assertValid(body);
    await this.escalation.assertCovered(request, [definitionOf(body)], 'the tickets role');
    try {
      return await this.outbox.transaction(request.requestId, async (manager) => {
        await assertNameFree(manager, body.name, null);
        const role = await manager.save(manager.create(TicketRole, stored(body)));
        return (await this.views(manager, [role]))[0];
      });
    } catch (error) {
      rethrowUnique(error, UNIQUE);
    }
  }

  /**
   * Replaces the definition whole; every holder's cached subject is dropped (tickets.acl.changed). The
   * caller must cover the role as it is and as it will be.
   */
  async update(id: string, body: RoleBodyDto, request: RpcRequest): Promise<TicketRoleView> {
    assertValid(body);
    try {
      return await this.outbox.transaction(request.requestId, async (manager, publish) => {
        const role = await this.lock(manager, id);
        await this.escalation.assertCovered(request, [role as unknown as RoleDefinition, definitionOf(body)], 'the tickets role');
        await assertNameFree(manager, body.name, id);
        Object.assign(role, stored(body));
        await manager.save(role);
        await aclChanged(manager, publish, { kind: 'role', id });
        return (await this.views(manager, [role]))[0];
      });
    } catch (error) {
      rethrowUnique(error, UNIQUE);
    }
  }

  /** Deletes a role that no user and no profile holds; a held one is a 409. */
  async delete(id: string, request: RpcRequest): Promise<{ id: string; deleted: true }> {
    return this.outbox.transaction(request.requestId, async (manager, publish) => {
      const role = await this.lock(manager, id);
      await this.escalation.assertCovered(request, [role as unknown as RoleDefinition], 'the tickets role');
      const [{ users, profiles }] = await manager.query(
        `SELECT (SELECT count(*)::int FROM ticket_user_roles WHERE role_id = $1) AS users,
                (SELECT count(*)::int FROM ticket_security_profile_roles WHERE role_id = $1) AS profiles`,
        [id],
      );
      if (users || profiles) {
        throw new ServiceError(409, `The tickets role ${role.name} is held by ${users} user(s) and ${profiles} security profile(s); remove it from them first.`, 'ROLE_IN_USE');
      }
      await manager.delete(TicketRole, { id });
      await aclChanged(manager, publish, { kind: 'role', id });
      return { id, deleted: true as const };
    });
  }

  private async lock(manager: EntityManager, id: string): Promise<TicketRole> {
    const role = await manager.findOne(TicketRole, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!role) throw ServiceError.notFound(`tickets role ${id}`);
    // The seeded role keeps every grant, so that tickets can always be administered from within.
    if (role.name === TICKETS_ADMINISTRATOR_ROLE) throw new ServiceError(409, `The tickets role ${TICKETS_ADMINISTRATOR_ROLE} is built in and cannot be changed or deleted.`, 'ROLE_PROTECTED');
    return role;
  }

  private async views(manager: EntityManager, roles: TicketRole[]): Promise<TicketRoleView[]> {
    const counts: { roleId: string; count: number }[] = roles.length
      ? await manager.query('SELECT role_id AS "roleId", count(*)::int AS count FROM ticket_user_roles WHERE role_id = ANY($1::uuid[]) GROUP BY role_id', [roles.map((r) => r.id)])
      : [];
    const countOf = new Map(counts.map((c) => [c.roleId, c.count]));
    return roles.map((r) => ({
      id: r.id,
      name: r.name,
      label: r.label,
      readOnly: r.readOnly,
      permissions: r.permissions,
      capabilities: r.capabilities,
      fieldPermissions: [],
      userCount: countOf.get(r.id) ?? 0,
      createdAt: r.createdAt.toISOString(),
    }));
  }
}

function assertValid(body: RoleBodyDto): void {
  const problems = roleProblems(TICKETS_ACL, body);
  if (problems.length) throw ServiceError.badInput(problems);
}

async function assertNameFree(manager: EntityManager, name: string, except: string | null): Promise<void> {
  const [row] = await manager.query('SELECT 1 FROM ticket_roles WHERE lower(name) = lower($1) AND id IS DISTINCT FROM $2 LIMIT 1', [name.trim(), except]);
  if (row) throw ServiceError.badInput([fieldProblem('name', `a tickets role named ${name.trim()} exists already`)]);
}

const stored = (body: RoleBodyDto): Partial<TicketRole> => ({
  name: body.name.trim(),
  label: body.label ?? null,
  readOnly: body.readOnly ?? false,
  permissions: (body.permissions as TicketRole['permissions']).map(({ entity, action, level }) => ({ entity, action, level })),
  capabilities: body.capabilities as string[],
});

/** What libs/acl compiles of a role body. */
const definitionOf = (body: RoleBodyDto): RoleDefinition => stored(body) as RoleDefinition;
