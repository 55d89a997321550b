import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { ExplainCapabilityQueryDto, ExplainQueryDto, IdentityRpc, RpcRequest, WhoCanSeeQueryDto } from '@app/contracts';
import { parsePayload, RpcHandler } from '@app/service-kit';
import { ExplainService } from './explain.service';

@Controller()
export class ExplainMessageController {
  constructor(private readonly explanations: ExplainService) {}

  @RpcHandler(IdentityRpc.aclExplain)
  async explain(@Payload() request: RpcRequest) {
    return this.explanations.explain(request.actor, await parsePayload(ExplainQueryDto, request));
  }

  @RpcHandler(IdentityRpc.aclExplainCapability)
  async explainCapability(@Payload() request: RpcRequest) {
    return this.explanations.explainCapability(request.actor, await parsePayload(ExplainCapabilityQueryDto, request));
  }

  @RpcHandler(IdentityRpc.aclWhoCanSee)
  async whoCanSee(@Payload() request: RpcRequest) {
    return this.explanations.whoCanSee(request.actor, await parsePayload(WhoCanSeeQueryDto, request));
  }
}
