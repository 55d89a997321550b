import { Injectable } from '@nestjs/common';
import { RpcPatterns, SessionView } from '@app/contracts';
import { RpcClient } from '../rpc/rpc.client';

/** How long a looked-up session is trusted before identity is asked again. */
const SESSION_CACHE_MS = Number(process.env.SESSION_CACHE_MS ?? 5000);

/**
 * Sessions belong to identity; the gateway keeps each briefly so a burst of requests costs one
 * RPC. Logout drops the entry at once; identity's user and role events drop them too (SessionEvents).
 */
@Injectable()
export class SessionCache {
  private readonly entries = new Map<string, { session: SessionView; until: number }>();

  constructor(private readonly rpc: RpcClient) {}

  async get(sessionId: string, requestId: string): Promise<SessionView> {
    const cached = this.entries.get(sessionId);
    if (cached && cached.until > Date.now()) return cached.session;
    const session = await this.rpc.call<SessionView>('identity', RpcPatterns.identity.sessionsGet, { sessionId }, { requestId, actor: null });
    this.entries.set(sessionId, { session, until: Date.now() + SESSION_CACHE_MS });
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
