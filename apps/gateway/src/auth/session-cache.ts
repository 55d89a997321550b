import { Inject, Injectable } from '@nestjs/common';
import { IdentityRpc, SessionView } from '@app/contracts';
import { SETTINGS, Settings } from '@app/service-kit';
import { RpcClient } from '../rpc/rpc.client';

/**
 * Sessions belong to identity; the gateway keeps each briefly so a burst of requests costs one
 * RPC. Logout drops the entry at once; identity's user and role events drop them too (SessionEvents).
 */
@Injectable()
export class SessionCache {
  private readonly entries = new Map<string, { session: SessionView; until: number }>();

  constructor(
    private readonly rpc: RpcClient,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  async get(sessionId: string, requestId: string): Promise<SessionView> {
    const cached = this.entries.get(sessionId);
    if (cached && cached.until > Date.now()) return cached.session;
    const session = await this.rpc.call(IdentityRpc.sessionsGet, { sessionId }, { requestId, actor: null });
    this.entries.set(sessionId, { session, until: Date.now() + this.settings.sessionCacheMs });
    return session;
  }

  drop(sessionId: string): void {
    this.entries.delete(sessionId);
  }

  dropUser(userId: string): void {
    for (const [sessionId, entry] of this.entries) if (entry.session.userId === userId) this.entries.delete(sessionId);
  }

  /** A role changed: every compiled subject may be stale. */
  dropAll(): void {
    this.entries.clear();
  }
}
