import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Req } from '@nestjs/common';
import { Deleted, IdentityRpc, LdapConnectionTestView, LdapDirectoryView, LdapImportJobView, PutLdapDirectoryDto, TestLdapDirectoryDto } from '@app/contracts';
import { RequireCapability } from '../access/access-requirement';
import { AuthenticatedRequest, callContext } from '../auth/principal';
import { uuidParam } from '../errors/uuid-param.pipe';
import { keyedCallContext } from '../http/idempotency-key-header';
import { RpcClient } from '../rpc/rpc.client';

/**
 * An organization's LDAP directory (OroCRM EE) and its imports. Every route needs the capability
 * `ldap_directories`; identity checks the rest against the caller's own subject: the organization
 * within reach (User CREATE and EDIT at ORGANIZATION level there, or GLOBAL), the mapped and default
 * roles no more than the caller could give, the owner unit in its User CREATE scope.
 */
@Controller('organizations/:organizationId/ldap')
export class LdapDirectoriesHttpController {
  constructor(private readonly rpc: RpcClient) {}

  /** The configuration; the bind password only as `hasBindPassword: true`. */
  @Get()
  @RequireCapability('ldap_directories')
  get(@Param('organizationId', uuidParam('organizationId')) organizationId: string, @Req() request: AuthenticatedRequest): Promise<LdapDirectoryView> {
    return this.rpc.call(IdentityRpc.ldapGet, { organizationId }, callContext(request));
  }

  /** Configures (or replaces) the directory; without `bindPassword` the stored one stays. */
  @Put()
  @RequireCapability('ldap_directories')
  put(
    @Param('organizationId', uuidParam('organizationId')) organizationId: string,
    @Body() body: PutLdapDirectoryDto,
    @Req() request: AuthenticatedRequest,
  ): Promise<LdapDirectoryView> {
    return this.rpc.call(IdentityRpc.ldapPut, { ...body, organizationId }, callContext(request));
  }

  /** Removes the directory; its users stay, disabled (see identity's LdapDirectoriesService.delete). */
  @Delete()
  @RequireCapability('ldap_directories')
  delete(@Param('organizationId', uuidParam('organizationId')) organizationId: string, @Req() request: AuthenticatedRequest): Promise<Deleted> {
    return this.rpc.call(IdentityRpc.ldapDelete, { organizationId }, callContext(request));
  }

  /** "Test connection": 200 `{ ok: true, usersFound }` or `{ ok: false, failure, message }`. */
  @Post('test')
  @HttpCode(200)
  @RequireCapability('ldap_directories')
  test(
    @Param('organizationId', uuidParam('organizationId')) organizationId: string,
    @Body() body: TestLdapDirectoryDto,
    @Req() request: AuthenticatedRequest,
  ): Promise<LdapConnectionTestView> {
    return this.rpc.call(IdentityRpc.ldapTest, { ...body, organizationId }, callContext(request));
  }

  /** Queues an import of the directory's users (202); its progress at GET imports/:id. */
  @Post('imports')
  @HttpCode(202)
  @RequireCapability('ldap_directories')
  createImport(@Param('organizationId', uuidParam('organizationId')) organizationId: string, @Req() request: AuthenticatedRequest): Promise<LdapImportJobView> {
    return this.rpc.call(IdentityRpc.ldapImportsCreate, { organizationId }, keyedCallContext(request));
  }

  @Get('imports/:id')
  @RequireCapability('ldap_directories')
  getImport(
    @Param('organizationId', uuidParam('organizationId')) organizationId: string,
    @Param('id', uuidParam('id')) importId: string,
    @Req() request: AuthenticatedRequest,
  ): Promise<LdapImportJobView> {
    return this.rpc.call(IdentityRpc.ldapImportsGet, { organizationId, importId }, callContext(request));
  }
}
