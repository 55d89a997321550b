import { Body, Controller, Get, HttpCode, Param, Post, Req, StreamableFile } from '@nestjs/common';
import { CreateExportDto, ExportJobView, IdentityRpc, StartExportDto } from '@app/contracts';
import { Authenticated, RequireCapability } from '../access/access-requirement';
import { AccessPolicy } from '../access/access-policy';
import { AuthenticatedRequest, callContext } from '../auth/principal';
import { uuidParam } from '../errors/uuid-param.pipe';
import { keyedCallContext } from '../http/idempotency-key-header';
import { RpcClient } from '../rpc/rpc.client';
import { openExportDownload } from './export-download';

/**
 * OroCRM's "Export" of all users. Starting one needs `export_users` and VIEW on User: the file holds
 * the users of the requester's User VIEW scope at request time, and their password hashes only for a
 * holder of `role_escalate` (anyone else could crack the hashes of users whose credentials they may
 * not touch). A job and its file are for their requester only (identity answers 404 to anyone else).
 */
@Controller('exports')
export class ExportsHttpController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly policy: AccessPolicy,
  ) {}

  @Post()
  @HttpCode(202)
  @RequireCapability('export_users')
  async create(@Body() body: CreateExportDto, @Req() request: AuthenticatedRequest): Promise<ExportJobView> {
    const scope = await this.policy.enforce(request.user, { kind: 'entity', entity: 'User', action: 'VIEW' }, String(request.id));
    const payload: StartExportDto = { ...body, includePasswordHashes: this.policy.subjectOf(request.user).hasCapability('role_escalate') };
    return this.rpc.call(IdentityRpc.exportsCreate, payload, { ...keyedCallContext(request), scope });
  }

  @Get(':id')
  @Authenticated()
  get(@Param('id', uuidParam('id')) exportId: string, @Req() request: AuthenticatedRequest): Promise<ExportJobView> {
    return this.rpc.call(IdentityRpc.exportsGet, { exportId }, callContext(request));
  }

  @Get(':id/file')
  @Authenticated()
  async file(@Param('id', uuidParam('id')) exportId: string, @Req() request: AuthenticatedRequest): Promise<StreamableFile> {
    const download = await openExportDownload(this.rpc, exportId, callContext(request));
    return new StreamableFile(download.body, {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="users-${exportId}.csv"`,
      length: download.sizeBytes,
    });
  }
}
