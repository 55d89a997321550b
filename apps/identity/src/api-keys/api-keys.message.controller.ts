import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { ApiKeyIssued, IdentityRpc, RpcRequest, SessionView, UserApiKeyGenerateDto, VerifyApiKeyDto } from '@app/contracts';
import { parsePayload, RpcHandler } from '@app/service-kit';
import { ActorAccess } from '../access/actor-access.service';
import { ApiKeysService } from './api-keys.service';

@Controller()
export class ApiKeysMessageController {
  constructor(
    private readonly keys: ApiKeysService,
    private readonly access: ActorAccess,
  ) {}

  @RpcHandler(IdentityRpc.apiKeysGenerate)
  async generate(@Payload() request: RpcRequest): Promise<ApiKeyIssued> {
    return this.keys.generate(await parsePayload(UserApiKeyGenerateDto, request), await this.access.subjectOf(request.actor));
  }

  @RpcHandler(IdentityRpc.apiKeysVerify)
  async verify(@Payload() request: RpcRequest): Promise<SessionView> {
    return this.keys.verify((await parsePayload(VerifyApiKeyDto, request)).key);
  }
}
