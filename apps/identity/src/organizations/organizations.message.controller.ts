import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CreateOrganizationDto, IdentityRpc, IdPayloadDto, ListOrganizationsDto, RenamePayloadDto, RpcRequest } from '@app/contracts';
import { parsePayload, RpcHandler } from '@app/service-kit';
import { scopeOf } from '../access/scope-checks';
import { OrganizationsService } from './organizations.service';

@Controller()
export class OrganizationsMessageController {
  constructor(private readonly organizations: OrganizationsService) {}

  @RpcHandler(IdentityRpc.organizationsList)
  async list(@Payload() request: RpcRequest) {
    return this.organizations.list(await parsePayload(ListOrganizationsDto, request), scopeOf(request));
  }

  @RpcHandler(IdentityRpc.organizationsGet)
  async get(@Payload() request: RpcRequest) {
    return this.organizations.get((await parsePayload(IdPayloadDto, request)).id, scopeOf(request));
  }

  @RpcHandler(IdentityRpc.organizationsCreate)
  async create(@Payload() request: RpcRequest) {
    return this.organizations.create(await parsePayload(CreateOrganizationDto, request), scopeOf(request), request);
  }

  @RpcHandler(IdentityRpc.organizationsRename)
  async rename(@Payload() request: RpcRequest) {
    const dto = await parsePayload(RenamePayloadDto, request);
    return this.organizations.rename(dto.id, dto.name, scopeOf(request), request.requestId);
  }
}
