import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ExportChunk, ExportJobView, ExportRefDto, IdentityCredentialsPatterns, ReadExportDto, RpcRequest, StartExportDto } from '@app/contracts';
import { parsePayload } from '@app/service-kit';
import { ExportsService } from './exports.service';

@Controller()
export class ExportsMessageController {
  constructor(private readonly exports: ExportsService) {}

  @MessagePattern(IdentityCredentialsPatterns.exportsCreate)
  async create(@Payload() request: RpcRequest): Promise<ExportJobView> {
    return this.exports.create(await parsePayload(StartExportDto, request), request.actor, request.scope);
  }

  @MessagePattern(IdentityCredentialsPatterns.exportsGet)
  async get(@Payload() request: RpcRequest): Promise<ExportJobView> {
    return this.exports.get(await parsePayload(ExportRefDto, request), request.actor);
  }

  @MessagePattern(IdentityCredentialsPatterns.exportsRead)
  async read(@Payload() request: RpcRequest): Promise<ExportChunk> {
    return this.exports.read(await parsePayload(ReadExportDto, request), request.actor);
  }
}
