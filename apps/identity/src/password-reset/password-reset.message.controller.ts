import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { ConfirmPasswordResetDto, IdentityRpc, PasswordChanged, PasswordResetsDone, ResetPasswordsDto, RpcRequest, UserRefDto } from '@app/contracts';
import { parsePayload, RpcHandler, ServiceError } from '@app/service-kit';
import { ActorAccess } from '../access/actor-access.service';
import { PasswordResetService } from './password-reset.service';

@Controller()
export class PasswordResetMessageController {
  constructor(
    private readonly resets: PasswordResetService,
    private readonly access: ActorAccess,
  ) {}

  /** Many users (the list's mass action): an unknown id is bad input naming `userIds`; directory users are skipped, each said. */
  @RpcHandler(IdentityRpc.passwordResetsCreate)
  async resetMany(@Payload() request: RpcRequest): Promise<PasswordResetsDone> {
    const { userIds } = await parsePayload(ResetPasswordsDto, request);
    const missing = (ids: string[]) => ServiceError.badInput([{ field: 'userIds', messages: [`unknown user ${ids.join(', ')}`] }]);
    return this.resets.reset(userIds, await this.access.subjectOf(request.actor), missing, request.requestId, 'skip');
  }

  /** One user, named in the path: an unknown id is a 404, a directory user a 409. */
  @RpcHandler(IdentityRpc.passwordResetsCreateOne)
  async resetOne(@Payload() request: RpcRequest): Promise<PasswordResetsDone> {
    const { userId } = await parsePayload(UserRefDto, request);
    return this.resets.reset([userId], await this.access.subjectOf(request.actor), () => ServiceError.notFound(`user ${userId}`), request.requestId, 'refuse');
  }

  @RpcHandler(IdentityRpc.passwordResetsConfirm)
  async confirm(@Payload() request: RpcRequest): Promise<PasswordChanged> {
    return this.resets.confirm(await parsePayload(ConfirmPasswordResetDto, request));
  }
}
