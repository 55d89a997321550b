import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { DirectoryPatterns, IdPayloadDto, ListUsersDto, RpcRequest, UpdateProfileDto, UpdateUserPayloadDto } from '@app/contracts';
import { parsePayload, ServiceError } from '@app/service-kit';
import { ActorAccess } from '../access/actor-access.service';
import { scopeOf } from '../directory-kit/directory-kit';
import { UserDirectoryService } from './user-directory.service';

@Controller()
export class UserDirectoryMessageController {
  constructor(
    private readonly users: UserDirectoryService,
    private readonly access: ActorAccess,
  ) {}

  @MessagePattern(DirectoryPatterns.usersList)
  async list(@Payload() request: RpcRequest) {
    return this.users.list(await parsePayload(ListUsersDto, request), scopeOf(request));
  }

  @MessagePattern(DirectoryPatterns.usersView)
  async view(@Payload() request: RpcRequest) {
    return this.users.view((await parsePayload(IdPayloadDto, request)).id, scopeOf(request));
  }

  @MessagePattern(DirectoryPatterns.usersAvatarGet)
  async avatar(@Payload() request: RpcRequest) {
    return this.users.avatar((await parsePayload(IdPayloadDto, request)).id, scopeOf(request));
  }

  @MessagePattern(DirectoryPatterns.usersUpdate)
  async update(@Payload() request: RpcRequest) {
    const { id, ...changes } = await parsePayload(UpdateUserPayloadDto, request);
    return this.users.update(id, changes, await this.access.subjectOf(request.actor), request.requestId);
  }

  @MessagePattern(DirectoryPatterns.usersEnable)
  async enable(@Payload() request: RpcRequest) {
    return this.users.setEnabled((await parsePayload(IdPayloadDto, request)).id, true, await this.access.subjectOf(request.actor), request.requestId);
  }

  @MessagePattern(DirectoryPatterns.usersDisable)
  async disable(@Payload() request: RpcRequest) {
    return this.users.setEnabled((await parsePayload(IdPayloadDto, request)).id, false, await this.access.subjectOf(request.actor), request.requestId);
  }

  @MessagePattern(DirectoryPatterns.usersActivate)
  async activate(@Payload() request: RpcRequest) {
    return this.users.activate((await parsePayload(IdPayloadDto, request)).id, await this.access.subjectOf(request.actor), request.requestId);
  }

  /** The caller's own profile: the actor the gateway vouches for, never an id from the body. */
  @MessagePattern(DirectoryPatterns.profileGet)
  async profile(@Payload() request: RpcRequest) {
    return this.users.profile(actorOf(request));
  }

  @MessagePattern(DirectoryPatterns.profileUpdate)
  async updateProfile(@Payload() request: RpcRequest) {
    return this.users.updateProfile(actorOf(request), await parsePayload(UpdateProfileDto, request), request.requestId);
  }
}

const actorOf = (request: RpcRequest): string => {
  if (!request?.actor?.userId) throw new ServiceError(401, 'This needs a logged-in user.', 'NOT_AUTHENTICATED');
  return request.actor.userId;
};
