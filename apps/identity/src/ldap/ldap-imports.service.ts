import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { compileSubject, ExplainSubject } from '@app/acl';
import { LdapImportJobView } from '@app/contracts';
import { ServiceError } from '@app/service-kit';
import { idempotentCreate, KeyedRequest } from '@app/service-kit/database';
import { DataSource } from 'typeorm';
import { assertDirectoryGrantable, assertMayAdministerDirectory } from './ldap-directory-access';
import { LdapDirectory } from './ldap-directory.entity';
import { LdapImportJobsRepository, toImportView } from './ldap-import-jobs.repository';
import { LdapImportRunner } from './ldap-import-runner';
import { LdapSecrets } from './ldap-secrets';

/**
 * `POST /api/organizations/:organizationId/ldap/imports` queues an import (202), checked at once
 * against the requester's grants (capability, organization, the configuration's roles and owner
 * unit); the job keeps those grants for its run. Anyone who administers the organization's directory
 * sees its jobs.
 */
@Injectable()
export class LdapImportsService {
  private readonly jobs: LdapImportJobsRepository;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly runner: LdapImportRunner,
    private readonly secrets: LdapSecrets,
  ) {
    this.jobs = new LdapImportJobsRepository(dataSource);
  }

  async create(organizationId: string, explained: ExplainSubject, request: KeyedRequest): Promise<LdapImportJobView> {
    const subject = compileSubject(explained.catalogue, explained.roles, explained.context, explained.tree);
    assertMayAdministerDirectory(subject, organizationId);
    const directory = await this.dataSource.manager.findOneBy(LdapDirectory, { organizationId });
    if (!directory) throw ServiceError.notFound(`the LDAP directory of organization ${organizationId}`, 'LDAP_DIRECTORY_NOT_FOUND');
    this.secrets.box();
    await assertDirectoryGrantable(this.dataSource.manager, subject, organizationId, directory);
    const grants = { roles: [...explained.roles], context: explained.context };
    const { value: job, replayed } = await this.dataSource.transaction((manager) =>
      idempotentCreate(manager, request, async () => toImportView(await new LdapImportJobsRepository(manager).insert(organizationId, subject.userId, grants))),
    );
    if (!replayed) this.runner.enqueue(job.id);
    return job;
  }

  async get(organizationId: string, importId: string, explained: ExplainSubject): Promise<LdapImportJobView> {
    const subject = compileSubject(explained.catalogue, explained.roles, explained.context, explained.tree);
    assertMayAdministerDirectory(subject, organizationId);
    const job = await this.jobs.find(importId);
    if (!job || job.organizationId !== organizationId) throw ServiceError.notFound(`LDAP import ${importId}`);
    return toImportView(job);
  }
}
