import { Inject, Injectable } from '@nestjs/common';
import { IdentityRpc, SessionView } from '@app/contracts';
import { SETTINGS, Settings } from '@app/service-kit';
import { ShortLivedCache } from '../cache/short-lived-cache';
import { RpcClient } from '../rpc/rpc.client';

/**
 * Sessions belong to identity; the gateway keeps each briefly so a burst of requests costs one
 * RPC. Logout drops the entry at once; identity's user and role events drop them too (SessionEvents).
 */
@Injectable()
export class SessionCache {
  private readonly entries: ShortLivedCache<SessionView>;

  constructor(
    private readonly rpc: RpcClient,
    @Inject(SETTINGS) settings: Settings,
  ) {
    this.entries = new ShortLivedCache(settings.sessionCacheMs);
  }

  get(sessionId: string, requestId: string): Promise<SessionView> {
    return this.entries.get(sessionId, () => this.rpc.call(IdentityRpc.sessionsGet, { sessionId }, { requestId, actor: null }));
  }

  /** Where the drops stand before a login is sent: see remember(). */
  mark(): number {
    return this.entries.mark();
  }

  /**
   * The session a login just opened: identity answered it as `sessions.get` would, so the session's
   * first request need not ask again. Not kept if an event dropped sessions since `mark()`.
   */
  remember(session: SessionView, since: number): void {
    this.entries.offer(session.sessionId, session, since);
  }

  drop(sessionId: string): void {
    this.entries.delete(sessionId);
  }

  dropUser(userId: string): void {
    this.entries.deleteWhere((_sessionId, session) => session.userId === userId);
  }

  /** A role changed: every compiled subject may be stale. */
  dropAll(): void {
    this.entries.clear();
  }
}
