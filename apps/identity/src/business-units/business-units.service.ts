import { Injectable } from '@nestjs/common';
import { AclScope } from '@app/acl';
import { recordMatchesScope, ScopeColumns, withScope } from '@app/acl/typeorm';
import { BusinessUnitView, CreateBusinessUnitDto, ListBusinessUnitsDto } from '@app/contracts';
import { Outbox } from '@app/bus';
import { Page, pageOf, rethrowUnique, ServiceError } from '@app/service-kit';
import { idempotentValue, KeyedRequest } from '@app/service-kit/database';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { assertInScope, outOfScope } from '../access/scope-checks';
import { BusinessUnit } from '../business-units/business-unit.entity';
import { publishUnitChanged } from '../business-units/business-unit-changed.event';
import { Organization } from '../organizations/organization.entity';
import { moveProblem, treeOrder } from './tree-rules';

const UNIQUE = { business_units_sibling_name_ci: 'name' };

/** Any fixed number: moves run one at a time, so two crossing moves cannot build a cycle together. */
const TREE_LOCK = 7_310_003;

/** BusinessUnit is BUSINESS_UNIT-owned: a unit owns itself. */
const UNIT_SCOPE_COLUMNS: ScopeColumns = { organizationId: 'organizationId', ownerBusinessUnitId: 'id' };

@Injectable()
export class BusinessUnitsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  /** The units in scope, in tree order per organization (parents before children), paged. */
  async list(query: ListBusinessUnitsDto, scope: AclScope): Promise<Page<BusinessUnitView>> {
    const { limit, offset } = pageOf(query);
    const where = withScope<BusinessUnit>(query.organizationId ? { organizationId: query.organizationId } : {}, scope, UNIT_SCOPE_COLUMNS);
    const units = await this.dataSource.getRepository(BusinessUnit).findBy(where);
    const byOrganization = new Map<string, BusinessUnit[]>();
    for (const unit of units) byOrganization.set(unit.organizationId, [...(byOrganization.get(unit.organizationId) ?? []), unit]);
    const ordered = [...byOrganization.keys()].sort().flatMap((org) => treeOrder(byOrganization.get(org)!));
    return { items: ordered.slice(offset, offset + limit).map((u) => view(u, u.depth)), total: ordered.length };
  }

  async get(id: string, scope: AclScope): Promise<BusinessUnitView> {
    const unit = await this.dataSource.getRepository(BusinessUnit).findOneBy({ id });
    assertInScope(scope, UNIT_SCOPE_COLUMNS, unit, `business unit ${id}`);
    return view(unit, await this.depthOf(this.dataSource.manager, unit));
  }

  async create(dto: CreateBusinessUnitDto, scope: AclScope, request: KeyedRequest): Promise<BusinessUnitView> {
    try {
      return await this.outbox.transaction(request.requestId, (manager, publish) => idempotentValue(manager, request, async () => {
        await manager.query('SELECT pg_advisory_xact_lock($1)', [TREE_LOCK]);
        const organization = await manager.findOneBy(Organization, { id: dto.organizationId });
        if (!organization) throw ServiceError.badInput([{ field: 'organizationId', messages: [`unknown organization ${dto.organizationId}`] }]);
        const parent = await manager.findOneBy(BusinessUnit, { id: dto.parentId });
        if (!parent) throw ServiceError.badInput([{ field: 'parentId', messages: [`unknown business unit ${dto.parentId}`] }]);
        if (parent.organizationId !== dto.organizationId) throw ServiceError.badInput([{ field: 'parentId', messages: ['parentId belongs to another organization'] }]);
        // The new unit hangs below the parent, so the parent must be within the caller's reach.
        if (!recordMatchesScope(scope, UNIT_SCOPE_COLUMNS, parent)) throw outOfScope(`business unit ${parent.id}`);
        await this.assertNameFree(manager, dto.organizationId, parent.id, dto.name.trim(), null);
        const unit = await manager.save(manager.create(BusinessUnit, { organizationId: dto.organizationId, parentId: parent.id, name: dto.name.trim() }));
        await publishUnitChanged(publish, unit);
        return view(unit, await this.depthOf(manager, unit));
      }));
    } catch (error) {
      rethrowUnique(error, UNIQUE);
    }
  }

  async rename(id: string, name: string, scope: AclScope, correlationId: string | null): Promise<BusinessUnitView> {
    try {
      return await this.outbox.transaction(correlationId, async (manager) => {
        const unit = await manager.findOne(BusinessUnit, { where: { id }, lock: { mode: 'pessimistic_write' } });
        assertInScope(scope, UNIT_SCOPE_COLUMNS, unit, `business unit ${id}`);
        await this.assertNameFree(manager, unit.organizationId, unit.parentId, name.trim(), id);
        unit.name = name.trim();
        await manager.save(unit);
        return view(unit, await this.depthOf(manager, unit));
      });
    } catch (error) {
      rethrowUnique(error, UNIQUE);
    }
  }

  /** Moves a unit (with its branch) below another unit of the same organization. */
  async move(id: string, parentId: string, scope: AclScope, correlationId: string | null): Promise<BusinessUnitView> {
    try {
      return await this.outbox.transaction(correlationId, async (manager, publish) => {
        await manager.query('SELECT pg_advisory_xact_lock($1)', [TREE_LOCK]);
        const unit = await manager.findOneBy(BusinessUnit, { id });
        assertInScope(scope, UNIT_SCOPE_COLUMNS, unit, `business unit ${id}`);
        const units = await manager.findBy(BusinessUnit, { organizationId: unit.organizationId });
        const parent = units.find((u) => u.id === parentId) ?? (await manager.findOneBy(BusinessUnit, { id: parentId }));
        const problem = moveProblem(parent && !units.includes(parent) ? [...units, parent] : units, id, parentId);
        if (problem) throw ServiceError.badInput([{ field: 'parentId', messages: [problem] }]);
        if (!recordMatchesScope(scope, UNIT_SCOPE_COLUMNS, parent!)) throw outOfScope(`business unit ${parentId}`);
        await this.assertNameFree(manager, unit.organizationId, parentId, unit.name, id);
        unit.parentId = parentId;
        await manager.save(unit);
        await publishUnitChanged(publish, unit);
        return view(unit, await this.depthOf(manager, unit));
      });
    } catch (error) {
      rethrowUnique(error, UNIQUE);
    }
  }

  private async assertNameFree(manager: EntityManager, organizationId: string, parentId: string | null, name: string, except: string | null): Promise<void> {
    const [row] = await manager.query(
      `SELECT 1 FROM business_units WHERE organization_id = $1 AND parent_id IS NOT DISTINCT FROM $2 AND lower(name) = lower($3) AND id IS DISTINCT FROM $4 LIMIT 1`,
      [organizationId, parentId, name, except],
    );
    if (row) throw ServiceError.badInput([{ field: 'name', messages: [`a sibling unit is named ${name} already`] }]);
  }

  private async depthOf(manager: EntityManager, unit: BusinessUnit): Promise<number> {
    const [row] = await manager.query(
      `WITH RECURSIVE up(id, parent_id, depth) AS (
         SELECT id, parent_id, 0 FROM business_units WHERE id = $1
         UNION ALL SELECT b.id, b.parent_id, up.depth + 1 FROM business_units b JOIN up ON b.id = up.parent_id WHERE up.depth < 1000)
       SELECT max(depth) AS depth FROM up`,
      [unit.id],
    );
    return Number(row?.depth ?? 0);
  }
}

const view = (unit: BusinessUnit, depth: number): BusinessUnitView => ({
  id: unit.id,
  name: unit.name,
  organizationId: unit.organizationId,
  parentId: unit.parentId,
  depth,
  createdAt: unit.createdAt.toISOString(),
});
