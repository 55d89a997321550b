import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { IdentityRpc, SessionView } from '@app/contracts';
import { HeaderAPIKeyStrategy } from 'passport-headerapikey';
import { randomUUID } from 'node:crypto';
import { RpcClient } from '../rpc/rpc.client';

/**
 * `X-API-Key`: identity checks the key's hash and answers with a session bound to the key's one
 * organization (OroCRM: one key per user per organization), so every check and scope of the request
 * is confined to that organization.
 */
@Injectable()
export class ApiKeyStrategy extends PassportStrategy(HeaderAPIKeyStrategy, 'api-key') {
  constructor(private readonly rpc: RpcClient) {
    super({ header: 'X-API-Key', prefix: '' }, false);
  }

  validate(key: string): Promise<SessionView> {
    return this.rpc.call(IdentityRpc.apiKeysVerify, { key }, { requestId: randomUUID(), actor: null });
  }
}
