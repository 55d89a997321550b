import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CreateBusinessUnitDto, IdentityRpc, IdPayloadDto, ListBusinessUnitsDto, MoveBusinessUnitPayloadDto, RenamePayloadDto, RpcRequest } from '@app/contracts';
import { parsePayload, RpcHandler } from '@app/service-kit';
import { scopeOf } from '../access/scope-checks';
import { BusinessUnitsService } from './business-units.service';

@Controller()
export class BusinessUnitsMessageController {
  constructor(private readonly units: BusinessUnitsService) {}

  @RpcHandler(IdentityRpc.businessUnitsList)
  async list(@Payload() request: RpcRequest) {
    return this.units.list(await parsePayload(ListBusinessUnitsDto, request), scopeOf(request));
  }

  @RpcHandler(IdentityRpc.businessUnitsGet)
  async get(@Payload() request: RpcRequest) {
    return this.units.get((await parsePayload(IdPayloadDto, request)).id, scopeOf(request));
  }

  @RpcHandler(IdentityRpc.businessUnitsCreate)
  async create(@Payload() request: RpcRequest) {
    return this.units.create(await parsePayload(CreateBusinessUnitDto, request), scopeOf(request), request);
  }

  @RpcHandler(IdentityRpc.businessUnitsRename)
  async rename(@Payload() request: RpcRequest) {
    const dto = await parsePayload(RenamePayloadDto, request);
    return this.units.rename(dto.id, dto.name, scopeOf(request), request.requestId);
  }

  @RpcHandler(IdentityRpc.businessUnitsMove)
  async move(@Payload() request: RpcRequest) {
    const dto = await parsePayload(MoveBusinessUnitPayloadDto, request);
    return this.units.move(dto.id, dto.parentId, scopeOf(request), request.requestId);
  }
}
