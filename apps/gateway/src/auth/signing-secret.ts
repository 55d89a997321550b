import { Global, Logger, Module } from '@nestjs/common';
import { SETTINGS, Settings } from '@app/service-kit';
import { randomBytes } from 'node:crypto';

export const SIGNING_SECRET = Symbol('SIGNING_SECRET');

/** JWT_SECRET, or in development a random one per start (tokens then die with the process). */
const signingSecretFrom = (settings: Settings): string => {
  if (settings.jwtSecret) return settings.jwtSecret;
  new Logger('Auth').warn('JWT_SECRET is unset: using a random secret for this start only (development)');
  return randomBytes(32).toString('hex');
};

/** One secret per process, shared by the signer (JwtModule) and the verifier (JwtStrategy). */
@Global()
@Module({
  providers: [{ provide: SIGNING_SECRET, inject: [SETTINGS], useFactory: signingSecretFrom }],
  exports: [SIGNING_SECRET],
})
export class SigningSecretModule {}
