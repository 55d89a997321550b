import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  Deleted,
  IdentityRpc,
  LdapConnectionTestView,
  LdapDirectoryRefDto,
  LdapDirectoryView,
  LdapImportJobView,
  LdapImportRefDto,
  PutLdapDirectoryPayloadDto,
  RpcRequest,
  TestLdapDirectoryPayloadDto,
} from '@app/contracts';
import { parsePayload, RpcHandler } from '@app/service-kit';
import { ActorAccess } from '../access/actor-access.service';
import { LdapDirectoriesService } from './ldap-directories.service';
import { LdapImportsService } from './ldap-imports.service';

/** Every `identity.ldap.*` message: each checks the actor's own subject (capability, organization, grants). */
@Controller()
export class LdapMessageController {
  constructor(
    private readonly directories: LdapDirectoriesService,
    private readonly imports: LdapImportsService,
    private readonly access: ActorAccess,
  ) {}

  @RpcHandler(IdentityRpc.ldapGet)
  async get(@Payload() request: RpcRequest): Promise<LdapDirectoryView> {
    const { organizationId } = await parsePayload(LdapDirectoryRefDto, request);
    return this.directories.get(organizationId, await this.access.subjectOf(request.actor));
  }

  @RpcHandler(IdentityRpc.ldapPut)
  async put(@Payload() request: RpcRequest): Promise<LdapDirectoryView> {
    const { organizationId, ...dto } = await parsePayload(PutLdapDirectoryPayloadDto, request);
    return this.directories.put(organizationId, dto, await this.access.subjectOf(request.actor), request.requestId);
  }

  @RpcHandler(IdentityRpc.ldapDelete)
  async delete(@Payload() request: RpcRequest): Promise<Deleted> {
    const { organizationId } = await parsePayload(LdapDirectoryRefDto, request);
    return this.directories.delete(organizationId, await this.access.subjectOf(request.actor), request.requestId);
  }

  @RpcHandler(IdentityRpc.ldapTest)
  async test(@Payload() request: RpcRequest): Promise<LdapConnectionTestView> {
    const { organizationId, directory } = await parsePayload(TestLdapDirectoryPayloadDto, request);
    return this.directories.test(organizationId, directory, await this.access.subjectOf(request.actor));
  }

  @RpcHandler(IdentityRpc.ldapImportsCreate)
  async createImport(@Payload() request: RpcRequest): Promise<LdapImportJobView> {
    const { organizationId } = await parsePayload(LdapDirectoryRefDto, request);
    return this.imports.create(organizationId, await this.access.explainSubjectOf(request.actor), request);
  }

  @RpcHandler(IdentityRpc.ldapImportsGet)
  async getImport(@Payload() request: RpcRequest): Promise<LdapImportJobView> {
    const { organizationId, importId } = await parsePayload(LdapImportRefDto, request);
    return this.imports.get(organizationId, importId, await this.access.explainSubjectOf(request.actor));
  }
}
