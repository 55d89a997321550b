import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { IdentityRpc, PasswordChanged, PasswordSuggestion, RpcRequest, UserPasswordChangeDto, UserRefDto } from '@app/contracts';
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

  /** A suggestion for one user: 404 out of reach, 409 for a user of an LDAP directory. */
  @RpcHandler(IdentityRpc.passwordsSuggestFor)
  async suggestFor(@Payload() request: RpcRequest): Promise<PasswordSuggestion> {
    return this.passwords.suggestFor((await parsePayload(UserRefDto, request)).userId, await this.access.subjectOf(request.actor));
  }
}
