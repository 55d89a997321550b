import { Injectable } from '@nestjs/common';
import type { AclScope } from '@app/acl';
import { applyScope, ScopeColumns } from '@app/acl/typeorm';
import { CreateOrganizationDto, ListOrganizationsDto, OrganizationView } from '@app/contracts';
import { Outbox } from '@app/bus';
import { containsPattern, Page, pageOf, rethrowUnique, ServiceError } from '@app/service-kit';
import { idempotentValue, KeyedRequest } from '@app/service-kit/database';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { assertInScope } from '../access/scope-checks';
import { BusinessUnit } from '../business-units/business-unit.entity';
import { publishUnitChanged } from '../business-units/business-unit-changed.event';
import { Organization } from './organization.entity';

const UNIQUE = { organizations_name_key: 'name' };

/** An organization is its own organization. */
const ORGANIZATION_SCOPE_COLUMNS: ScopeColumns = { organizationId: 'id' };

@Injectable()
export class OrganizationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  async list(query: ListOrganizationsDto, scope: AclScope): Promise<Page<OrganizationView>> {
    const { limit, offset } = pageOf(query);
    const qb = applyScope(this.dataSource.getRepository(Organization).createQueryBuilder('o'), scope, ORGANIZATION_SCOPE_COLUMNS);
    if (query.q) qb.andWhere("o.name ILIKE :q ESCAPE '\\'", { q: containsPattern(query.q) });
    const [rows, total] = await qb.orderBy('lower(o.name)').addOrderBy('o.id').limit(limit).offset(offset).getManyAndCount();
    return { items: await this.views(this.dataSource.manager, rows), total };
  }

  async get(id: string, scope: AclScope): Promise<OrganizationView> {
    const organization = await this.dataSource.getRepository(Organization).findOneBy({ id });
    assertInScope(scope, ORGANIZATION_SCOPE_COLUMNS, organization, `organization ${id}`);
    return (await this.views(this.dataSource.manager, [organization]))[0];
  }

  /** A new organization with its root business unit of the same name: every organization has a tree. */
  async create(dto: CreateOrganizationDto, scope: AclScope, request: KeyedRequest): Promise<OrganizationView> {
    // A new organization lies outside any one organization: only a GLOBAL CREATE reaches it.
    if (scope.level !== 'GLOBAL') throw new ServiceError(403, 'Access denied: creating an organization needs CREATE on Organization at GLOBAL level.', 'ACCESS_DENIED');
    const name = dto.name.trim();
    try {
      return await this.outbox.transaction(request.requestId, (manager, publish) => idempotentValue(manager, request, async () => {
        if (await this.nameTaken(manager, name, null)) throw ServiceError.badInput([{ field: 'name', messages: [`an organization named ${name} exists already`] }]);
        const organization = await manager.save(manager.create(Organization, { name }));
        await publishUnitChanged(publish, await manager.save(manager.create(BusinessUnit, { organizationId: organization.id, parentId: null, name })));
        return (await this.views(manager, [organization]))[0];
      }));
    } catch (error) {
      rethrowUnique(error, UNIQUE);
    }
  }

  async rename(id: string, newName: string, scope: AclScope, correlationId: string | null): Promise<OrganizationView> {
    const name = newName.trim();
    try {
      return await this.outbox.transaction(correlationId, async (manager) => {
        const organization = await manager.findOne(Organization, { where: { id }, lock: { mode: 'pessimistic_write' } });
        assertInScope(scope, ORGANIZATION_SCOPE_COLUMNS, organization, `organization ${id}`);
        if (await this.nameTaken(manager, name, id)) throw ServiceError.badInput([{ field: 'name', messages: [`an organization named ${name} exists already`] }]);
        organization.name = name;
        await manager.save(organization);
        return (await this.views(manager, [organization]))[0];
      });
    } catch (error) {
      rethrowUnique(error, UNIQUE);
    }
  }

  private async nameTaken(manager: EntityManager, name: string, except: string | null): Promise<boolean> {
    const [row] = await manager.query('SELECT 1 FROM organizations WHERE lower(name) = lower($1) AND id IS DISTINCT FROM $2 LIMIT 1', [name, except]);
    return Boolean(row);
  }

  private async views(manager: EntityManager, organizations: Organization[]): Promise<OrganizationView[]> {
    const roots: { organizationId: string; id: string }[] = organizations.length
      ? await manager.query(
          'SELECT DISTINCT ON (organization_id) organization_id AS "organizationId", id FROM business_units WHERE parent_id IS NULL AND organization_id = ANY($1::uuid[]) ORDER BY organization_id, created_at',
          [organizations.map((o) => o.id)],
        )
      : [];
    const rootOf = new Map(roots.map((r) => [r.organizationId, r.id]));
    return organizations.map((o) => ({ id: o.id, name: o.name, rootBusinessUnitId: rootOf.get(o.id) ?? null, createdAt: o.createdAt.toISOString() }));
  }
}
