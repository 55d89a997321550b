import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CreateUserDto, IdentityRpc, IdPayloadDto, ListUsersDto, RpcRequest, UpdateUserPayloadDto, UserView } from '@app/contracts';
import { parsePayload, RpcHandler } from '@app/service-kit';
import { ActorAccess } from '../access/actor-access.service';
import { scopeOf } from '../access/scope-checks';
import { UserAccountsService } from './user-accounts.service';
import { UsersService } from './users.service';

/** Every `identity.users.*` message: reads scoped by the gateway's scope, writes by the actor's subject. */
@Controller()
export class UsersMessageController {
  constructor(
    private readonly users: UsersService,
    private readonly accounts: UserAccountsService,
    private readonly access: ActorAccess,
  ) {}

  @RpcHandler(IdentityRpc.usersCreate)
  async create(@Payload() request: RpcRequest): Promise<UserView> {
    const dto = await parsePayload(CreateUserDto, request);
    return this.users.create(dto, await this.access.subjectOf(request.actor), request);
  }

  @RpcHandler(IdentityRpc.usersList)
  async list(@Payload() request: RpcRequest) {
    return this.accounts.list(await parsePayload(ListUsersDto, request), scopeOf(request));
  }

  @RpcHandler(IdentityRpc.usersView)
  async view(@Payload() request: RpcRequest) {
    return this.accounts.view((await parsePayload(IdPayloadDto, request)).id, scopeOf(request));
  }

  @RpcHandler(IdentityRpc.usersAvatarGet)
  async avatar(@Payload() request: RpcRequest) {
    return this.accounts.avatar((await parsePayload(IdPayloadDto, request)).id, scopeOf(request));
  }

  @RpcHandler(IdentityRpc.usersUpdate)
  async update(@Payload() request: RpcRequest) {
    const { id, ...changes } = await parsePayload(UpdateUserPayloadDto, request);
    return this.accounts.update(id, changes, await this.access.subjectOf(request.actor), request.requestId);
  }

  @RpcHandler(IdentityRpc.usersEnable)
  async enable(@Payload() request: RpcRequest) {
    return this.accounts.setEnabled((await parsePayload(IdPayloadDto, request)).id, true, await this.access.subjectOf(request.actor), request.requestId);
  }

  @RpcHandler(IdentityRpc.usersDisable)
  async disable(@Payload() request: RpcRequest) {
    return this.accounts.setEnabled((await parsePayload(IdPayloadDto, request)).id, false, await this.access.subjectOf(request.actor), request.requestId);
  }

  @RpcHandler(IdentityRpc.usersActivate)
  async activate(@Payload() request: RpcRequest) {
    return this.accounts.activate((await parsePayload(IdPayloadDto, request)).id, await this.access.subjectOf(request.actor), request.requestId);
  }
}
