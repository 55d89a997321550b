import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { ExportChunk, ExportJobView, ExportRefDto, IdentityRpc, ReadExportDto, RpcRequest, StartExportDto } from '@app/contracts';
import { parsePayload, RpcHandler } from '@app/service-kit';
import { ExportsService } from './exports.service';

@Controller()
export class ExportsMessageController {
  constructor(private readonly exports: ExportsService) {}

  @RpcHandler(IdentityRpc.exportsCreate)
  async create(@Payload() request: RpcRequest): Promise<ExportJobView> {
    return this.exports.create(await parsePayload(StartExportDto, request), request.actor, request.scope, request);
  }

  @RpcHandler(IdentityRpc.exportsGet)
  async get(@Payload() request: RpcRequest): Promise<ExportJobView> {
    return this.exports.get(await parsePayload(ExportRefDto, request), request.actor);
  }

  @RpcHandler(IdentityRpc.exportsRead)
  async read(@Payload() request: RpcRequest): Promise<ExportChunk> {
    return this.exports.read(await parsePayload(ReadExportDto, request), request.actor);
  }
}
