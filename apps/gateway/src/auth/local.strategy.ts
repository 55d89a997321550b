import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { IdentityRpc, LoginDto, SessionView } from '@app/contracts';
import { Strategy } from 'passport-local';
import type { FastifyRequest } from 'fastify';
import { RpcClient } from '../rpc/rpc.client';
import { SessionCache } from './session-cache';

/** Username and password, checked by identity (the only credential store), with the login roles. */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(
    private readonly rpc: RpcClient,
    private readonly sessions: SessionCache,
  ) {
    super({ usernameField: 'username', passwordField: 'password', passReqToCallback: true });
  }

  async validate(request: FastifyRequest & { loginInput: LoginDto }): Promise<SessionView> {
    const since = this.sessions.mark();
    const session = await this.rpc.call(IdentityRpc.authLogin, request.loginInput, { requestId: String(request.id), actor: null });
    this.sessions.remember(session, since);
    return session;
  }
}
