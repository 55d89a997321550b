import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AclScope } from '@app/acl';
import type { ScopeColumns } from '@app/acl/typeorm';
import { effectiveConfiguration, OrganizationConfigurationView, StoredConfiguration, UserConfigurationDto } from '@app/contracts';
import { Outbox } from '@app/bus';
import { DataSource } from 'typeorm';
import { assertInScope } from '../access/scope-checks';
import { Organization } from '../organizations/organization.entity';
import { layerValues, setKeys } from './layer-values';
import { OrganizationConfiguration } from './organization-configuration.entity';

/** An organization is its own organization (as organization routes scope it). */
const ORGANIZATION_SCOPE_COLUMNS: ScopeColumns = { organizationId: 'id' };

/** The organization's layer of the configuration tree: over the system defaults, under roles and users. */
@Injectable()
export class OrganizationConfigurationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  /** 404 for an unknown organization, 403 for one outside the Organization VIEW scope. */
  async get(id: string, scope: AclScope): Promise<OrganizationConfigurationView> {
    const organization = await this.dataSource.getRepository(Organization).findOneBy({ id });
    assertInScope(scope, ORGANIZATION_SCOPE_COLUMNS, organization, `organization ${id}`);
    const stored = await this.dataSource.getRepository(OrganizationConfiguration).findOneBy({ organizationId: id });
    return view(id, stored?.settings ?? {});
  }

  /** Replaces the organization's values; keys left out fall back to the system defaults. Needs the Organization EDIT scope. */
  async put(id: string, input: UserConfigurationDto, scope: AclScope, correlationId: string | null): Promise<OrganizationConfigurationView> {
    const values = layerValues(input);
    return this.outbox.transaction(correlationId, async (manager) => {
      // Shared lock: the organization stays as checked until the values are stored.
      const organization = await manager.findOne(Organization, { where: { id }, lock: { mode: 'pessimistic_read' } });
      assertInScope(scope, ORGANIZATION_SCOPE_COLUMNS, organization, `organization ${id}`);
      await manager.upsert(OrganizationConfiguration, { organizationId: id, settings: values }, ['organizationId']);
      return view(id, values);
    });
  }
}

const view = (organizationId: string, values: StoredConfiguration): OrganizationConfigurationView => ({
  organizationId,
  values,
  settings: effectiveConfiguration(values),
  customized: setKeys(values),
});
