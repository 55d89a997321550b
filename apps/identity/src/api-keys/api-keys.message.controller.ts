import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ApiKeyIssued, IdentityCredentialsPatterns, RpcRequest, SessionView, UserApiKeyGenerateDto, VerifyApiKeyDto } from '@app/contracts';
import { parsePayload } from '@app/service-kit';
import { ApiKeysService } from './api-keys.service';

@Controller()
export class ApiKeysMessageController {
  constructor(private readonly keys: ApiKeysService) {}

  @MessagePattern(IdentityCredentialsPatterns.apiKeysGenerate)
  async generate(@Payload() request: RpcRequest): Promise<ApiKeyIssued> {
    return this.keys.generate(await parsePayload(UserApiKeyGenerateDto, request), request.actor, request.scope);
  }

  @MessagePattern(IdentityCredentialsPatterns.apiKeysVerify)
  async verify(@Payload() request: RpcRequest): Promise<SessionView> {
    return this.keys.verify((await parsePayload(VerifyApiKeyDto, request)).key);
  }
}
