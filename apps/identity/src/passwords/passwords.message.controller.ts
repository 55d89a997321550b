import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { IdentityCredentialsPatterns, PasswordChanged, PasswordSuggestion, RpcRequest, UserPasswordChangeDto } from '@app/contracts';
import { parsePayload } from '@app/service-kit';
import { PasswordsService } from './passwords.service';

@Controller()
export class PasswordsMessageController {
  constructor(private readonly passwords: PasswordsService) {}

  @MessagePattern(IdentityCredentialsPatterns.passwordsChange)
  async change(@Payload() request: RpcRequest): Promise<PasswordChanged> {
    return this.passwords.change(await parsePayload(UserPasswordChangeDto, request), request.scope);
  }

  @MessagePattern(IdentityCredentialsPatterns.passwordsSuggest)
  suggest(): PasswordSuggestion {
    return this.passwords.suggest();
  }
}
