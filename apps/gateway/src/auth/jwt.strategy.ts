import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { FastifyRequest } from 'fastify';
import { Principal } from './principal';
import { SessionCache } from './session-cache';
import { SIGNING_SECRET } from './signing-secret';

interface TokenClaims {
  sub: string;
  sid: string;
}

/** Bearer JWT: a valid signature is not enough, the session it names must still be open. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(SIGNING_SECRET) secret: string,
    private readonly sessions: SessionCache,
  ) {
    super({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: secret, algorithms: ['HS256'], passReqToCallback: true });
  }

  async validate(request: FastifyRequest, claims: TokenClaims): Promise<Principal> {
    const session = await this.sessions.get(claims.sid, String(request.id));
    return session;
  }
}
