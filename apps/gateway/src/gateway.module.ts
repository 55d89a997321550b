import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { HealthModule, MetricsModule, serviceBusModule, SettingsModule, TracingModule } from '@app/service-kit';
import { AccessGuard } from './access/access.guard';
import { AccessPolicy } from './access/access-policy';
import { PortalFeatures } from './access/portal-features';
import { TicketsSubjects } from './access/tickets-subjects';
import { ApiKeyStrategy } from './auth/api-key.strategy';
import { JwtStrategy } from './auth/jwt.strategy';
import { LocalStrategy } from './auth/local.strategy';
import { SessionCache } from './auth/session-cache';
import { SessionEvents } from './auth/session-events';
import { SIGNING_SECRET, SigningSecretModule } from './auth/signing-secret';
import { GATEWAY_CONTROLLERS } from './gateway.controllers';
import { RpcModule } from './rpc/rpc.module';
import { createSecretKey } from 'node:crypto';

@Module({
  imports: [
    SettingsModule,
    SigningSecretModule,
    serviceBusModule('gateway', false),
    HealthModule.forRoot({ database: false }),
    MetricsModule.forRoot({ database: false }),
    TracingModule,
    RpcModule,
    PassportModule,
    JwtModule.registerAsync({
      inject: [SIGNING_SECRET],
      // A KeyObject made once: given the string, jsonwebtoken tries it as a private key on every
      // sign (crypto.createPrivateKey, which throws) before making a secret key of it.
      useFactory: (secret: string) => ({ secret: createSecretKey(Buffer.from(secret, 'utf8')), signOptions: { algorithm: 'HS256' } }),
    }),
  ],
  controllers: GATEWAY_CONTROLLERS,
  providers: [SessionCache, SessionEvents, TicketsSubjects, PortalFeatures, AccessPolicy, JwtStrategy, LocalStrategy, ApiKeyStrategy, { provide: APP_GUARD, useClass: AccessGuard }],
})
export class GatewayModule {}
