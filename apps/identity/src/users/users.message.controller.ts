import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CreateUserDto, RpcPatterns, RpcRequest } from '@app/contracts';
import { parsePayload } from '@app/service-kit';
import { UserView } from './user-view';
import { UsersService } from './users.service';

@Controller()
export class UsersMessageController {
  constructor(private readonly users: UsersService) {}

  @MessagePattern(RpcPatterns.identity.usersCreate)
  async create(@Payload() request: RpcRequest): Promise<UserView> {
    return this.users.create(await parsePayload(CreateUserDto, request), request.requestId);
  }
}
