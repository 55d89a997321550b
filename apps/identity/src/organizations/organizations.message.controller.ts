import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CreateOrganizationDto, DirectoryPatterns, IdPayloadDto, ListOrganizationsDto, RenamePayloadDto, RpcRequest } from '@app/contracts';
import { parsePayload } from '@app/service-kit';
import { scopeOf } from '../access/scope-checks';
import { OrganizationsService } from './organizations.service';

@Controller()
export class OrganizationsMessageController {
  constructor(private readonly organizations: OrganizationsService) {}

  @MessagePattern(DirectoryPatterns.organizationsList)
  async list(@Payload() request: RpcRequest) {
    return this.organizations.list(await parsePayload(ListOrganizationsDto, request), scopeOf(request));
  }

  @MessagePattern(DirectoryPatterns.organizationsGet)
  async get(@Payload() request: RpcRequest) {
    return this.organizations.get((await parsePayload(IdPayloadDto, request)).id, scopeOf(request));
  }

  @MessagePattern(DirectoryPatterns.organizationsCreate)
  async create(@Payload() request: RpcRequest) {
    return this.organizations.create(await parsePayload(CreateOrganizationDto, request), scopeOf(request), request.requestId);
  }

  @MessagePattern(DirectoryPatterns.organizationsRename)
  async rename(@Payload() request: RpcRequest) {
    const dto = await parsePayload(RenamePayloadDto, request);
    return this.organizations.rename(dto.id, dto.name, scopeOf(request), request.requestId);
  }
}
