import { Injectable } from '@nestjs/common';
import { CreateTicketSecurityProfileDto, Page, PageQueryDto, RpcRequest, TicketSecurityProfileView, UpdateTicketSecurityProfileDto } from '@app/contracts';
import { Outbox } from '@app/bus';
import { pageOf, rethrowUnique, ServiceError } from '@app/service-kit';
import { idempotentValue } from '@app/service-kit/database';
import { assertNameFree, lockedOr404 } from '@app/role-store';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { roleDefinitions, TicketsEscalation } from '../access/tickets-escalation';
import { changedIds } from '../roles/role-set-change';
import { assertRolesExist } from '../roles/role-references';
import { TicketSecurityProfile } from './ticket-security-profile.entity';

const UNIQUE = { ticket_security_profiles_name_ci: 'name' };

/**
 * Tickets security profiles. The name is stored as given (spaces included) because matching against
 * CRM profile names is exact; two names that differ only in case are refused, so none looks like a
 * duplicate of another in the list.
 */
@Injectable()
export class TicketSecurityProfilesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly escalation: TicketsEscalation,
  ) {}

  async list(query: PageQueryDto): Promise<Page<TicketSecurityProfileView>> {
    const { limit, offset } = pageOf(query);
    const [profiles, total] = await this.dataSource.getRepository(TicketSecurityProfile).findAndCount({ order: { name: 'ASC', id: 'ASC' }, take: limit, skip: offset });
    return { items: await views(this.dataSource.manager, profiles), total };
  }

  async get(id: string): Promise<TicketSecurityProfileView> {
    const profile = await this.dataSource.getRepository(TicketSecurityProfile).findOneBy({ id });
    if (!profile) throw ServiceError.notFound(`tickets security profile ${id}`);
    return (await views(this.dataSource.manager, [profile]))[0];
  }

  /** A profile gives its roles to every user it matches: its roles must be covered like an assignment. */
  async create(dto: CreateTicketSecurityProfileDto, request: RpcRequest): Promise<TicketSecurityProfileView> {
    try {
      return await this.outbox.transaction(request.requestId, (manager) => idempotentValue(manager, request, async () => {
        await nameFree(manager, dto.name, null);
        await assertRolesExist(manager, dto.roleIds);
        await this.escalation.assertCovered(request, await roleDefinitions(manager, dto.roleIds), 'the profile');
        const profile = await manager.save(manager.create(TicketSecurityProfile, { name: dto.name, description: dto.description ?? null }));
        await setRoles(manager, profile.id, dto.roleIds);
        return (await views(manager, [profile]))[0];
      }));
    } catch (error) {
      rethrowUnique(error, UNIQUE);
    }
  }

  /** Changes name, description or roles; users already activated keep the roles they were given. */
  async update(id: string, dto: UpdateTicketSecurityProfileDto, request: RpcRequest): Promise<TicketSecurityProfileView> {
    try {
      return await this.outbox.transaction(request.requestId, async (manager) => {
        const profile = await lockedOr404(manager, TicketSecurityProfile, id, 'tickets security profile');
        if (dto.name !== undefined) {
          await nameFree(manager, dto.name, id);
          profile.name = dto.name;
        }
        if (dto.description !== undefined) profile.description = dto.description;
        await manager.save(profile);
        if (dto.roleIds) {
          await assertRolesExist(manager, dto.roleIds);
          const before = (await views(manager, [profile]))[0].roleIds;
          await this.escalation.assertCovered(request, await roleDefinitions(manager, changedIds(before, dto.roleIds)), 'the change of the profile\'s roles');
          await setRoles(manager, id, dto.roleIds);
        }
        return (await views(manager, [profile]))[0];
      });
    } catch (error) {
      rethrowUnique(error, UNIQUE);
    }
  }

  async delete(id: string, correlationId: string | null): Promise<{ id: string; deleted: true }> {
    return this.outbox.transaction(correlationId, async (manager) => {
      const result = await manager.delete(TicketSecurityProfile, { id });
      if (!result.affected) throw ServiceError.notFound(`tickets security profile ${id}`);
      return { id, deleted: true as const };
    });
  }
}

/** Names the profile already stored: the two differ at most in case. */
const nameFree = (manager: EntityManager, name: string, except: string | null) =>
  assertNameFree(manager, 'ticket_security_profiles', name, except, (existing) => `a tickets security profile named ${existing} exists already`);

async function setRoles(manager: EntityManager, profileId: string, roleIds: string[]): Promise<void> {
  await manager.query('DELETE FROM ticket_security_profile_roles WHERE profile_id = $1', [profileId]);
  if (roleIds.length) await manager.query('INSERT INTO ticket_security_profile_roles (profile_id, role_id) SELECT $1, unnest($2::uuid[])', [profileId, roleIds]);
}

async function views(manager: EntityManager, profiles: TicketSecurityProfile[]): Promise<TicketSecurityProfileView[]> {
  const rows: { profileId: string; id: string; name: string }[] = profiles.length
    ? await manager.query(
        `SELECT pr.profile_id AS "profileId", r.id, r.name FROM ticket_security_profile_roles pr JOIN ticket_roles r ON r.id = pr.role_id
          WHERE pr.profile_id = ANY($1::uuid[]) ORDER BY r.name`,
        [profiles.map((p) => p.id)],
      )
    : [];
  return profiles.map((p) => {
    const roles = rows.filter((r) => r.profileId === p.id);
    return { id: p.id, name: p.name, description: p.description, roleIds: roles.map((r) => r.id), roles: roles.map((r) => r.name), createdAt: p.createdAt.toISOString() };
  });
}
