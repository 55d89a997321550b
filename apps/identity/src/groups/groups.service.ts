import { Injectable } from '@nestjs/common';
import { AclScope } from '@app/acl';
import { applyScope, recordMatchesScope, ScopeColumns } from '@app/acl/typeorm';
import { CreateGroupDto, GroupView, ListGroupsDto } from '@app/contracts';
import { Outbox } from '@app/bus';
import { Page, pageOf, rethrowUnique, ServiceError } from '@app/service-kit';
import { idempotentValue, KeyedRequest } from '@app/service-kit/database';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { assertInScope, outOfScope } from '../access/scope-checks';
import { Organization } from '../organizations/organization.entity';
import { Group } from './group.entity';

const UNIQUE = { groups_organization_name_ci: 'name' };

/** Group is ORGANIZATION-owned: its organization decides. */
const GROUP_SCOPE_COLUMNS: ScopeColumns = { organizationId: 'organizationId' };

@Injectable()
export class GroupsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  async list(query: ListGroupsDto, scope: AclScope): Promise<Page<GroupView>> {
    const { limit, offset } = pageOf(query);
    const qb = applyScope(this.dataSource.getRepository(Group).createQueryBuilder('g'), scope, GROUP_SCOPE_COLUMNS);
    if (query.organizationId) qb.andWhere('g.organization_id = :org', { org: query.organizationId });
    const [groups, total] = await qb.orderBy('g.name').addOrderBy('g.id').limit(limit).offset(offset).getManyAndCount();
    return { items: await this.views(this.dataSource.manager, groups), total };
  }

  async get(id: string, scope: AclScope): Promise<GroupView> {
    const group = await this.dataSource.getRepository(Group).findOneBy({ id });
    assertInScope(scope, GROUP_SCOPE_COLUMNS, group, `group ${id}`);
    return (await this.views(this.dataSource.manager, [group]))[0];
  }

  async create(dto: CreateGroupDto, scope: AclScope, request: KeyedRequest): Promise<GroupView> {
    try {
      return await this.outbox.transaction(request.requestId, (manager) => idempotentValue(manager, request, async () => {
        if (!(await manager.existsBy(Organization, { id: dto.organizationId }))) {
          throw ServiceError.badInput([{ field: 'organizationId', messages: [`unknown organization ${dto.organizationId}`] }]);
        }
        if (!recordMatchesScope(scope, GROUP_SCOPE_COLUMNS, { organizationId: dto.organizationId })) throw outOfScope(`organization ${dto.organizationId}`);
        await this.assertNameFree(manager, dto.organizationId, dto.name.trim(), null);
        const group = await manager.save(manager.create(Group, { organizationId: dto.organizationId, name: dto.name.trim() }));
        return (await this.views(manager, [group]))[0];
      }));
    } catch (error) {
      rethrowUnique(error, UNIQUE);
    }
  }

  async rename(id: string, name: string, scope: AclScope, correlationId: string | null): Promise<GroupView> {
    try {
      return await this.outbox.transaction(correlationId, async (manager) => {
        const group = await manager.findOne(Group, { where: { id }, lock: { mode: 'pessimistic_write' } });
        assertInScope(scope, GROUP_SCOPE_COLUMNS, group, `group ${id}`);
        await this.assertNameFree(manager, group.organizationId, name.trim(), id);
        group.name = name.trim();
        await manager.save(group);
        return (await this.views(manager, [group]))[0];
      });
    } catch (error) {
      rethrowUnique(error, UNIQUE);
    }
  }

  /** Deleting a group takes it away from its members (membership rows cascade). */
  async delete(id: string, scope: AclScope, correlationId: string | null): Promise<{ id: string; deleted: true }> {
    return this.outbox.transaction(correlationId, async (manager) => {
      const group = await manager.findOneBy(Group, { id });
      assertInScope(scope, GROUP_SCOPE_COLUMNS, group, `group ${id}`);
      await manager.delete(Group, { id });
      return { id, deleted: true as const };
    });
  }

  private async assertNameFree(manager: EntityManager, organizationId: string, name: string, except: string | null): Promise<void> {
    const [row] = await manager.query('SELECT 1 FROM groups WHERE organization_id = $1 AND lower(name) = lower($2) AND id IS DISTINCT FROM $3 LIMIT 1', [
      organizationId,
      name,
      except,
    ]);
    if (row) throw ServiceError.badInput([{ field: 'name', messages: [`a group named ${name} exists already in this organization`] }]);
  }

  private async views(manager: EntityManager, groups: Group[]): Promise<GroupView[]> {
    const counts: { groupId: string; count: number }[] = groups.length
      ? await manager.query('SELECT group_id AS "groupId", count(*)::int AS count FROM user_groups WHERE group_id = ANY($1::uuid[]) GROUP BY group_id', [groups.map((g) => g.id)])
      : [];
    const countOf = new Map(counts.map((c) => [c.groupId, c.count]));
    return groups.map((g) => ({ id: g.id, organizationId: g.organizationId, name: g.name, userCount: countOf.get(g.id) ?? 0, createdAt: g.createdAt.toISOString() }));
  }
}
