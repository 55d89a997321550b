import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CreateBusinessUnitDto, DirectoryPatterns, IdPayloadDto, ListBusinessUnitsDto, MoveBusinessUnitPayloadDto, RenamePayloadDto, RpcRequest } from '@app/contracts';
import { parsePayload } from '@app/service-kit';
import { scopeOf } from '../access/scope-checks';
import { BusinessUnitsService } from './business-units.service';

@Controller()
export class BusinessUnitsMessageController {
  constructor(private readonly units: BusinessUnitsService) {}

  @MessagePattern(DirectoryPatterns.businessUnitsList)
  async list(@Payload() request: RpcRequest) {
    return this.units.list(await parsePayload(ListBusinessUnitsDto, request), scopeOf(request));
  }

  @MessagePattern(DirectoryPatterns.businessUnitsGet)
  async get(@Payload() request: RpcRequest) {
    return this.units.get((await parsePayload(IdPayloadDto, request)).id, scopeOf(request));
  }

  @MessagePattern(DirectoryPatterns.businessUnitsCreate)
  async create(@Payload() request: RpcRequest) {
    return this.units.create(await parsePayload(CreateBusinessUnitDto, request), scopeOf(request), request.requestId);
  }

  @MessagePattern(DirectoryPatterns.businessUnitsRename)
  async rename(@Payload() request: RpcRequest) {
    const dto = await parsePayload(RenamePayloadDto, request);
    return this.units.rename(dto.id, dto.name, scopeOf(request), request.requestId);
  }

  @MessagePattern(DirectoryPatterns.businessUnitsMove)
  async move(@Payload() request: RpcRequest) {
    const dto = await parsePayload(MoveBusinessUnitPayloadDto, request);
    return this.units.move(dto.id, dto.parentId, scopeOf(request), request.requestId);
  }
}
