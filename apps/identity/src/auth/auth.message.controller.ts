import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { LoginDto, RpcPatterns, RpcRequest, SessionRefDto, SessionView } from '@app/contracts';
import { parsePayload } from '@app/service-kit';
import { AuthService } from './auth.service';

@Controller()
export class AuthMessageController {
  constructor(private readonly auth: AuthService) {}

  @MessagePattern(RpcPatterns.identity.authLogin)
  async login(@Payload() request: RpcRequest): Promise<SessionView> {
    return this.auth.login(await parsePayload(LoginDto, request), request.requestId);
  }

  @MessagePattern(RpcPatterns.identity.sessionsGet)
  async getSession(@Payload() request: RpcRequest): Promise<SessionView> {
    return this.auth.getSession((await parsePayload(SessionRefDto, request)).sessionId);
  }

  @MessagePattern(RpcPatterns.identity.sessionsEnd)
  async endSession(@Payload() request: RpcRequest): Promise<{ ended: true }> {
    await this.auth.endSession((await parsePayload(SessionRefDto, request)).sessionId, 'LOGOUT');
    return { ended: true };
  }
}
