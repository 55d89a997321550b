import { Controller, HttpCode, Logger, Post, Req, UseGuards } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ApiBody } from '@nestjs/swagger';
import { assignLogFields } from '@app/bus';
import { IdentityRpc, LoginDto } from '@app/contracts';
import { Public } from '@app/service-kit';
import { Authenticated } from '../access/access-requirement';
import { RpcClient } from '../rpc/rpc.client';
import { LocalLoginGuard } from './local-login.guard';
import { LoginRateLimitGuard } from './login-rate-limit.guard';
import { AuthenticatedRequest, callContext } from './principal';
import { SessionCache } from './session-cache';

export interface LoginResponse {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  activeRoles: string[];
  organizationId: string | null;
}

@Controller('auth')
export class AuthHttpController {
  private readonly logger = new Logger('Sessions');

  constructor(
    private readonly jwt: JwtService,
    private readonly rpc: RpcClient,
    private readonly sessions: SessionCache,
  ) {}

  @Post('login')
  @Public()
  @ApiBody({ type: LoginDto, description: 'Login roles may also come as ?roles=A,B (URL-encoded names).' })
  @HttpCode(200)
  @UseGuards(LoginRateLimitGuard, LocalLoginGuard)
  async login(@Req() request: AuthenticatedRequest): Promise<LoginResponse> {
    const session = request.user;
    const expiresIn = Math.max(1, Math.floor((Date.parse(session.expiresAt) - Date.now()) / 1000));
    const accessToken = await this.jwt.signAsync({ sub: session.userId, sid: session.sessionId }, { expiresIn });
    // Aurea logs the roles every session starts with; so do we, one structured line (request id and trace id come with it).
    assignLogFields({ userId: session.userId });
    this.logger.log({ msg: 'session.started', event: 'session.started', username: session.username, roles: session.activeRoles, rolesSelected: session.rolesSelected });
    return { accessToken, tokenType: 'Bearer', expiresIn, activeRoles: session.activeRoles, organizationId: session.organizationId };
  }

  @Post('logout')
  @Authenticated()
  @HttpCode(204)
  async logout(@Req() request: AuthenticatedRequest): Promise<void> {
    await this.rpc.call(IdentityRpc.sessionsEnd, { sessionId: request.user.sessionId }, callContext(request));
    this.sessions.drop(request.user.sessionId);
  }
}
