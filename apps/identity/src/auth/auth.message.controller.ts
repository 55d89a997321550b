import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { IdentityRpc, LoginDto, RpcRequest, SessionChoicesView, SessionRefDto, SessionView } from '@app/contracts';
import { parsePayload, RpcHandler, ServiceError } from '@app/service-kit';
import { AuthService } from './auth.service';

@Controller()
export class AuthMessageController {
  constructor(private readonly auth: AuthService) {}

  @RpcHandler(IdentityRpc.authLogin)
  async login(@Payload() request: RpcRequest): Promise<SessionView> {
    return this.auth.login(await parsePayload(LoginDto, request), request.requestId);
  }

  @RpcHandler(IdentityRpc.sessionsGet)
  async getSession(@Payload() request: RpcRequest): Promise<SessionView> {
    return this.auth.getSession((await parsePayload(SessionRefDto, request)).sessionId);
  }

  /** The gateway vouches for the actor; its session's organization decides which roles count. */
  @RpcHandler(IdentityRpc.sessionChoicesGet)
  async sessionChoices(@Payload() request: RpcRequest): Promise<SessionChoicesView> {
    if (!request?.actor?.userId) throw new ServiceError(401, 'This needs a logged-in user.', 'NOT_AUTHENTICATED');
    return this.auth.sessionChoices(request.actor);
  }

  @RpcHandler(IdentityRpc.sessionsEnd)
  async endSession(@Payload() request: RpcRequest): Promise<{ ended: true }> {
    await this.auth.endSession((await parsePayload(SessionRefDto, request)).sessionId, request.requestId);
    return { ended: true };
  }
}
