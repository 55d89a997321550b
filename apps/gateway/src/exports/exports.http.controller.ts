import { Body, Controller, Get, HttpCode, Param, Post, Req, StreamableFile } from '@nestjs/common';
import { CreateExportDto, ExportJobView, IdentityCredentialsPatterns } from '@app/contracts';
import { Authenticated, RequireCapability } from '../access/access-requirement';
import { AccessPolicy } from '../access/access-policy';
import { AuthenticatedRequest, callContext } from '../auth/principal';
import { uuidParam } from '../errors/uuid-param.pipe';
import { RpcClient } from '../rpc/rpc.client';
import { openExportDownload } from './export-download';

const EXPORT_CAPABILITY = 'export_users';

/**
 * OroCRM's "Export" of all users. Starting one needs `export_users`; a job and its file are for
 * its requester or anyone holding `export_users` (identity checks which, from `readAny`).
 */
@Controller('exports')
export class ExportsHttpController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly policy: AccessPolicy,
  ) {}

  @Post()
  @HttpCode(202)
  @RequireCapability(EXPORT_CAPABILITY)
  create(@Body() body: CreateExportDto, @Req() request: AuthenticatedRequest): Promise<ExportJobView> {
    return this.rpc.call('identity', IdentityCredentialsPatterns.exportsCreate, body, callContext(request));
  }

  @Get(':id')
  @Authenticated()
  get(@Param('id', uuidParam('id')) exportId: string, @Req() request: AuthenticatedRequest): Promise<ExportJobView> {
    return this.rpc.call('identity', IdentityCredentialsPatterns.exportsGet, { exportId, readAny: this.readAny(request) }, callContext(request));
  }

  @Get(':id/file')
  @Authenticated()
  async file(@Param('id', uuidParam('id')) exportId: string, @Req() request: AuthenticatedRequest): Promise<StreamableFile> {
    const download = await openExportDownload(this.rpc, exportId, this.readAny(request), callContext(request));
    return new StreamableFile(download.body, {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="users-${exportId}.csv"`,
      length: download.sizeBytes,
    });
  }

  private readAny(request: AuthenticatedRequest): boolean {
    return this.policy.subjectOf(request.user).hasCapability(EXPORT_CAPABILITY);
  }
}
