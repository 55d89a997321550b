import { Inject, Injectable } from '@nestjs/common';
import { buildOwnerTree, compileSubject, Subject } from '@app/acl';
import { TICKETS_ACL, TicketsAccessView, TicketsRpc } from '@app/contracts';
import { SETTINGS, Settings } from '@app/service-kit';
import { Principal } from '../auth/principal';
import { RpcClient } from '../rpc/rpc.client';

/** A user's standing in tickets in one organization; `subject` only when it may use tickets at all. */
export interface TicketsAccess {
  status: TicketsAccessView['status'];
  enabled: boolean;
  member: boolean;
  subject: Subject | null;
}

const MAX_ENTRIES = 10_000;

/**
 * The caller's tickets subject (DESIGN.md section 6): compiled with libs/acl from what tickets
 * answers to `tickets.access.get` (status, tickets roles, units, the organization's unit tree), cached
 * per user and organization like identity's sessions (SESSION_CACHE_MS) and dropped on tickets'
 * events (SessionEvents). An answer that was on its way while a drop happened is used once and not
 * cached, so a drop is never undone by a late answer.
 */
@Injectable()
export class TicketsSubjects {
  private readonly entries = new Map<string, { access: TicketsAccess; until: number }>();
  private generation = 0;

  constructor(
    private readonly rpc: RpcClient,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  async of(principal: Principal, organizationId: string, requestId: string): Promise<TicketsAccess> {
    const key = `${principal.userId}|${organizationId}`;
    const cached = this.entries.get(key);
    if (cached && cached.until > Date.now()) return cached.access;
    const generation = this.generation;
    const view = await this.rpc.call(TicketsRpc.accessGet, { userId: principal.userId, organizationId }, { requestId, actor: null });
    const usable = view.status === 'ACTIVE' && view.enabled && view.member;
    const subject = usable ? compileSubject(TICKETS_ACL, view.roles, { userId: principal.userId, organizationId, businessUnitIds: view.businessUnitIds }, buildOwnerTree(view.organizationUnits)) : null;
    const access: TicketsAccess = { status: view.status, enabled: view.enabled, member: view.member, subject };
    if (generation === this.generation) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      this.entries.set(key, { access, until: Date.now() + this.settings.sessionCacheMs });
    }
    return access;
  }

  /** The user's roles, status, units or enabled flag changed in tickets. */
  dropUser(userId: string): void {
    this.generation++;
    for (const key of this.entries.keys()) if (key.startsWith(`${userId}|`)) this.entries.delete(key);
  }

  /** A tickets role definition or the unit tree changed: any subject may be stale. */
  dropAll(): void {
    this.generation++;
    this.entries.clear();
  }
}
