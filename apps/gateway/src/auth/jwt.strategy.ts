import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { FastifyRequest } from 'fastify';
import { createSecretKey } from 'node:crypto';
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
    // A KeyObject made once, from the same UTF-8 bytes the signer (JwtModule) uses: given the string,
    // jsonwebtoken would try it as a public key on every request (a throw, then createSecretKey).
    // passport-jwt hands it to jsonwebtoken.verify as it is; only its typings stop at string | Buffer.
    const key = createSecretKey(Buffer.from(secret, 'utf8')) as unknown as Buffer;
    super({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: key, algorithms: ['HS256'], passReqToCallback: true });
  }

  async validate(request: FastifyRequest, claims: TokenClaims): Promise<Principal> {
    const session = await this.sessions.get(claims.sid, String(request.id));
    return session;
  }
}
