import { Inject, Injectable } from '@nestjs/common';
import { buildOwnerTree, compileSubject, Subject } from '@app/acl';
import { TICKETS_ACL, TicketsAccessView, TicketsRpc } from '@app/contracts';
import { SETTINGS, Settings } from '@app/service-kit';
import { Principal } from '../auth/principal';
import { ShortLivedCache } from '../cache/short-lived-cache';
import { RpcClient } from '../rpc/rpc.client';

/** A user's standing in tickets in one organization; `subject` only when it may use tickets at all. */
export interface TicketsAccess {
  status: TicketsAccessView['status'];
  enabled: boolean;
  member: boolean;
  subject: Subject | null;
}

/**
 * The caller's tickets subject (DESIGN.md section 6): compiled with libs/acl from what tickets
 * answers to `tickets.access.get` (status, tickets roles, units, the organization's unit tree), cached
 * per user and organization like identity's sessions (SESSION_CACHE_MS) and dropped on tickets'
 * events (SessionEvents).
 */
@Injectable()
export class TicketsSubjects {
  private readonly entries: ShortLivedCache<TicketsAccess>;

  constructor(
    private readonly rpc: RpcClient,
    @Inject(SETTINGS) settings: Settings,
  ) {
    this.entries = new ShortLivedCache(settings.sessionCacheMs);
  }

  of(principal: Principal, organizationId: string, requestId: string): Promise<TicketsAccess> {
    return this.entries.get(`${principal.userId}|${organizationId}`, async () => {
      const view = await this.rpc.call(TicketsRpc.accessGet, { userId: principal.userId, organizationId }, { requestId, actor: null });
      const usable = view.status === 'ACTIVE' && view.enabled && view.member;
      const subject = usable ? compileSubject(TICKETS_ACL, view.roles, { userId: principal.userId, organizationId, businessUnitIds: view.businessUnitIds }, buildOwnerTree(view.organizationUnits)) : null;
      return { status: view.status, enabled: view.enabled, member: view.member, subject };
    });
  }

  /** The user's roles, status, units or enabled flag changed in tickets. */
  dropUser(userId: string): void {
    this.entries.deleteWhere((key) => key.startsWith(`${userId}|`));
  }

  /** A tickets role definition or the unit tree changed: any subject may be stale. */
  dropAll(): void {
    this.entries.clear();
  }
}
