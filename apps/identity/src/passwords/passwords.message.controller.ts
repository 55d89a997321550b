import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { IdentityRpc, PasswordChanged, PasswordSuggestion, RpcRequest, UserPasswordChangeDto } from '@app/contracts';
import { parsePayload, RpcHandler } from '@app/service-kit';
import { ActorAccess } from '../access/actor-access.service';
import { PasswordsService } from './passwords.service';

@Controller()
export class PasswordsMessageController {
  constructor(
    private readonly passwords: PasswordsService,
    private readonly access: ActorAccess,
  ) {}

  @RpcHandler(IdentityRpc.passwordsChange)
  async change(@Payload() request: RpcRequest): Promise<PasswordChanged> {
    return this.passwords.change(await parsePayload(UserPasswordChangeDto, request), await this.access.subjectOf(request.actor), request.requestId);
  }

  @RpcHandler(IdentityRpc.passwordsSuggest)
  suggest(): PasswordSuggestion {
    return this.passwords.suggest();
  }
}
