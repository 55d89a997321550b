import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CreateUserDto, RpcPatterns, RpcRequest } from '@app/contracts';
import { parsePayload } from '@app/service-kit';
import { ActorAccess } from '../access/actor-access.service';
import { UserView } from './user-view';
import { UsersService } from './users.service';

@Controller()
export class UsersMessageController {
  constructor(
    private readonly users: UsersService,
    private readonly access: ActorAccess,
  ) {}

  @MessagePattern(RpcPatterns.identity.usersCreate)
  async create(@Payload() request: RpcRequest): Promise<UserView> {
    const dto = await parsePayload(CreateUserDto, request);
    return this.users.create(dto, await this.access.subjectOf(request.actor), request.requestId);
  }
}
