import { Body, Controller, Param, Post, Req } from '@nestjs/common';
import { ApiKeyIssued, GenerateApiKeyDto, IdentityRpc } from '@app/contracts';
import { RequirePermission } from '../access/access-requirement';
import { AuthenticatedRequest, callContext } from '../auth/principal';
import { uuidParam } from '../errors/uuid-param.pipe';
import { RpcClient } from '../rpc/rpc.client';

@Controller('users')
export class ApiKeysHttpController {
  constructor(private readonly rpc: RpcClient) {}

  /** OroCRM "Generate Key": the key is in this answer only; generating again replaces it. */
  @Post(':id/api-key')
  @RequirePermission('User', 'EDIT')
  generate(@Param('id', uuidParam('id')) userId: string, @Body() body: GenerateApiKeyDto, @Req() request: AuthenticatedRequest): Promise<ApiKeyIssued> {
    return this.rpc.call(IdentityRpc.apiKeysGenerate, { ...body, userId }, callContext(request));
  }
}
