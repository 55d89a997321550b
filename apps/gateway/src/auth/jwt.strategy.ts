import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { FastifyRequest } from 'fastify';
import { createSecretKey } from 'node:crypto';
import { Principal } from './principal';
import { SessionCache } from './session-cache';
import { SIGNING_SECRET } from './signing-secret';
import { VerifiedClaims, VerifiedTokens } from './verified-tokens';

const tokenOf = ExtractJwt.fromAuthHeaderAsBearerToken();

/** What passport gives a strategy for one request (it copies the strategy and adds these). */
interface PassportActions {
  success(user: Principal): void;
  error(error: unknown): void;
}

/** Bearer JWT: a valid signature is not enough, the session it names must still be open. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  private readonly verified = new VerifiedTokens();

  constructor(
    @Inject(SIGNING_SECRET) secret: string,
    private readonly sessions: SessionCache,
  ) {
    // A KeyObject made once, from the same UTF-8 bytes the signer (JwtModule) uses: given the string,
    // jsonwebtoken would try it as a public key on every request (a throw, then createSecretKey).
    // passport-jwt hands it to jsonwebtoken.verify as it is; only its typings stop at string | Buffer.
    const key = createSecretKey(Buffer.from(secret, 'utf8')) as unknown as Buffer;
    super({ jwtFromRequest: tokenOf, secretOrKey: key, algorithms: ['HS256'], passReqToCallback: true });
  }

  /** A token verified before (verified-tokens.ts) skips passport-jwt's verification, not the session check. */
  override authenticate(request: Parameters<Strategy['authenticate']>[0], options?: unknown): void {
    const token = tokenOf(request);
    const claims = token ? this.verified.get(token) : undefined;
    if (!claims) return super.authenticate(request, options);
    const actions = this as unknown as PassportActions;
    this.validate(request as unknown as FastifyRequest, claims).then(
      (principal) => actions.success(principal),
      (error: unknown) => actions.error(error),
    );
  }

  async validate(request: FastifyRequest, claims: VerifiedClaims): Promise<Principal> {
    const session = await this.sessions.get(claims.sid, String(request.id));
    const token = tokenOf(request as never);
    if (token) this.verified.remember(token, claims);
    return session;
  }
}
