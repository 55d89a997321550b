import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { IdentityRpc, LoginDto, RpcRequest, SessionRefDto, SessionView } from '@app/contracts';
import { parsePayload, RpcHandler } from '@app/service-kit';
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

  @RpcHandler(IdentityRpc.sessionsEnd)
  async endSession(@Payload() request: RpcRequest): Promise<{ ended: true }> {
    await this.auth.endSession((await parsePayload(SessionRefDto, request)).sessionId, 'LOGOUT');
    return { ended: true };
  }
}
