import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AclScope, Subject } from '@app/acl';
import { RoleConfigurationView, StoredConfiguration, UserConfigurationDto } from '@app/contracts';
import { Outbox } from '@app/bus';
import { asDefinition, lockedOr404 } from '@app/role-store';
import { ServiceError } from '@app/service-kit';
import { DataSource, EntityManager } from 'typeorm';
import { assertGrantsHeld } from '../access/write-checks';
import { Role } from '../roles/role.entity';
import { assertRoleReachable, roleVisible } from '../roles/role-scope';
import { layerValues } from './layer-values';
import { RoleConfiguration } from './role-configuration.entity';

/**
 * The configuration attached to a role (Aurea's role-assigned designer configuration). It grants
 * nothing, yet who may change it follows editing the role itself: the role visible (404), the Role
 * EDIT scope reaching it (a system-wide role only at GLOBAL level, 403), and the actor holding every
 * grant of the role (so nobody reshapes the sessions of people above them).
 */
@Injectable()
export class RoleConfigurationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  /** A role outside the Role VIEW scope is a 404, as on GET /api/roles/:id. */
  async get(id: string, scope: AclScope): Promise<RoleConfigurationView> {
    const role = await this.dataSource.getRepository(Role).findOneBy({ id });
    if (!role || !roleVisible(scope, role)) throw ServiceError.notFound(`role ${id}`);
    const stored = await this.dataSource.getRepository(RoleConfiguration).findOneBy({ roleId: id });
    return view(role, stored?.settings ?? null);
  }

  /** Attaches a configuration to the role, replacing the one attached before. */
  async put(id: string, input: UserConfigurationDto, actor: Subject, correlationId: string | null): Promise<RoleConfigurationView> {
    const values = layerValues(input);
    return this.outbox.transaction(correlationId, async (manager) => {
      const role = await this.reach(manager, id, actor);
      await manager.upsert(RoleConfiguration, { roleId: id, settings: values }, ['roleId']);
      return view(role, values);
    });
  }

  /** Takes the role's configuration away: its sessions fall back to the organization and the defaults. */
  async delete(id: string, actor: Subject, correlationId: string | null): Promise<RoleConfigurationView> {
    return this.outbox.transaction(correlationId, async (manager) => {
      const role = await this.reach(manager, id, actor);
      await manager.delete(RoleConfiguration, { roleId: id });
      return view(role, null);
    });
  }

  /** The role, locked against a concurrent delete, if the actor may edit it. */
  private async reach(manager: EntityManager, id: string, actor: Subject): Promise<Role> {
    const role = await lockedOr404(manager, Role, id, 'role');
    assertRoleReachable(actor, role, 'EDIT');
    assertGrantsHeld(actor, [asDefinition(role)], `the role ${role.name}`);
    return role;
  }
}

const view = (role: Role, values: StoredConfiguration | null): RoleConfigurationView => ({
  roleId: role.id,
  name: role.name,
  organizationId: role.organizationId,
  priority: role.priority,
  configured: values !== null,
  values: values ?? {},
});
