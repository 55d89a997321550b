import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Subject } from '@app/acl';
import { Deleted, LdapConnectionTestView, LdapDirectoryView, PutLdapDirectoryDto } from '@app/contracts';
import { Outbox } from '@app/bus';
import { ServiceError } from '@app/service-kit';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { assertTargetsCovered } from '../access/write-checks';
import { Organization } from '../organizations/organization.entity';
import { disableDirectoryUsers } from './disable-directory-users';
import { assertDirectoryGrantable, assertMayAdministerDirectory } from './ldap-directory-access';
import { LdapDirectory } from './ldap-directory.entity';
import { toDirectoryView } from './ldap-directory-view';
import { filterProblem, groupMembers, LdapFailure, LdapSearchSettings, searchEntries, withDirectory } from './ldap-connection';
import { LdapSecrets } from './ldap-secrets';

/**
 * An organization's LDAP directory (OroCRM EE): read, configure, remove and "Test connection". The
 * bind password is stored encrypted (ldap-secret-box.ts) and never answered; a PUT without one keeps it.
 */
@Injectable()
export class LdapDirectoriesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly secrets: LdapSecrets,
  ) {}

  async get(organizationId: string, subject: Subject): Promise<LdapDirectoryView> {
    assertMayAdministerDirectory(subject, organizationId);
    return toDirectoryView(await this.existing(this.dataSource.manager, organizationId));
  }

  async put(organizationId: string, dto: PutLdapDirectoryDto, subject: Subject, correlationId: string | null): Promise<LdapDirectoryView> {
    assertMayAdministerDirectory(subject, organizationId);
    const problem = filterProblem(dto.userFilter);
    if (problem) throw ServiceError.badInput([{ field: 'userFilter', messages: [problem] }]);
    const box = this.secrets.box();
    return this.outbox.transaction(correlationId, async (manager) => {
      await this.assertOrganization(manager, organizationId);
      const found = await manager.findOne(LdapDirectory, { where: { organizationId }, lock: { mode: 'pessimistic_write' } });
      if (!found && dto.bindPassword === undefined) {
        throw ServiceError.badInput([{ field: 'bindPassword', messages: ['bindPassword is required when the directory is configured the first time'] }]);
      }
      await assertDirectoryGrantable(manager, subject, organizationId, dto);
      // Where and as whom the directory binds decides how its users log in: reconfiguring it acts on
      // their credentials, so none of them may hold a grant the caller lacks (DESIGN.md section 3).
      if (found) await assertTargetsCovered(manager, subject, await directoryUserIds(manager, found.id));
      const id = found?.id ?? randomUUID();
      const directory = manager.create(LdapDirectory, {
        ...(found ?? {}),
        id,
        organizationId,
        url: dto.url,
        bindDn: dto.bindDn,
        bindPasswordEncrypted: dto.bindPassword !== undefined ? box.encrypt(dto.bindPassword, id) : found!.bindPasswordEncrypted,
        baseDn: dto.baseDn,
        userFilter: dto.userFilter,
        attributeMapping: { ...dto.attributeMapping },
        roleMapping: dto.roleMapping.map(({ groupDn, roleId }) => ({ groupDn, roleId })),
        ownerBusinessUnitId: dto.ownerBusinessUnitId,
        defaultRoleIds: dto.defaultRoleIds,
      });
      return toDirectoryView(await manager.save(directory));
    });
  }

  /**
   * Removes the directory. Its users stay (never deleted), keep their DN, and are disabled with their
   * sessions ended: with no directory to bind to and no password, they could not log in anyway.
   */
  async delete(organizationId: string, subject: Subject, correlationId: string | null): Promise<Deleted> {
    assertMayAdministerDirectory(subject, organizationId);
    return this.outbox.transaction(correlationId, async (manager, publish) => {
      const directory = await this.existing(manager, organizationId, true);
      const userIds = await directoryUserIds(manager, directory.id);
      await assertTargetsCovered(manager, subject, userIds);
      await disableDirectoryUsers(manager, publish, userIds);
      await manager.delete(LdapDirectory, { id: directory.id });
      return { id: directory.id, deleted: true as const };
    });
  }

  /** "Test connection" of the stored configuration, or of an unsaved one (its password defaulting to the stored one). */
  async test(organizationId: string, unsaved: PutLdapDirectoryDto | undefined, subject: Subject): Promise<LdapConnectionTestView> {
    assertMayAdministerDirectory(subject, organizationId);
    const stored = await this.dataSource.manager.findOneBy(LdapDirectory, { organizationId });
    let settings: LdapSearchSettings;
    let groupDns: string[];
    if (unsaved) {
      const password = unsaved.bindPassword ?? (stored ? this.secrets.bindPassword(stored.id, stored.bindPasswordEncrypted) : undefined);
      if (password === undefined) throw ServiceError.badInput([{ field: 'directory.bindPassword', messages: ['bindPassword is required: no directory is stored yet'] }]);
      settings = { url: unsaved.url, bindDn: unsaved.bindDn, bindPassword: password, baseDn: unsaved.baseDn, userFilter: unsaved.userFilter };
      groupDns = unsaved.roleMapping.map((m) => m.groupDn);
    } else {
      if (!stored) throw ServiceError.notFound(`the LDAP directory of organization ${organizationId}`, 'LDAP_DIRECTORY_NOT_FOUND');
      settings = { ...stored, bindPassword: this.secrets.bindPassword(stored.id, stored.bindPasswordEncrypted) };
      groupDns = stored.roleMapping.map((m) => m.groupDn);
    }
    try {
      const entries = await withDirectory(settings, async (client) => {
        const found = await searchEntries(client, settings, ['1.1']);
        // A group of the role mapping that is not there would fail every import: say so now.
        for (const groupDn of new Set(groupDns)) await groupMembers(client, groupDn, settings.url);
        return found;
      });
      return { ok: true, usersFound: entries.length };
    } catch (error) {
      if (error instanceof LdapFailure) return { ok: false, failure: error.failure, message: error.message };
      throw new ServiceError(502, `The directory answered with an error: ${(error as Error).message}`, 'LDAP_ERROR');
    }
  }

  private async existing(manager: EntityManager, organizationId: string, lock = false): Promise<LdapDirectory> {
    await this.assertOrganization(manager, organizationId);
    const directory = await manager.findOne(LdapDirectory, { where: { organizationId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!directory) throw ServiceError.notFound(`the LDAP directory of organization ${organizationId}`, 'LDAP_DIRECTORY_NOT_FOUND');
    return directory;
  }

  private async assertOrganization(manager: EntityManager, organizationId: string): Promise<void> {
    if (!(await manager.existsBy(Organization, { id: organizationId }))) throw ServiceError.notFound(`organization ${organizationId}`);
  }
}

/** The users a directory made, locked for the rest of the transaction. */
async function directoryUserIds(manager: EntityManager, directoryId: string): Promise<string[]> {
  const rows: { id: string }[] = await manager.query('SELECT id FROM users WHERE ldap_directory_id = $1 FOR UPDATE', [directoryId]);
  return rows.map((row) => row.id);
}
