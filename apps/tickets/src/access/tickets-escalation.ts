import { Injectable } from '@nestjs/common';
import { describeGrantGaps, grantsBeyond, RoleDefinition } from '@app/acl';
import { RpcRequest } from '@app/contracts';
import { ServiceError } from '@app/service-kit';
import { EntityManager } from 'typeorm';
import { TicketAccessService } from './ticket-access.service';

/**
 * "No one grants more than they hold" inside tickets (DESIGN.md section 3): creating, changing or
 * deleting a tickets role, and giving or taking one (to a user or a profile), needs the caller's own
 * tickets grants to cover it. Identity's `role_escalate` (the gateway says whether the caller holds
 * it) exempts, as it does for identity's roles.
 */
@Injectable()
export class TicketsEscalation {
  constructor(private readonly access: TicketAccessService) {}

  async assertCovered(request: RpcRequest, roles: RoleDefinition[], what: string): Promise<void> {
    if (request.roleEscalate === true || roles.length === 0) return;
    const gaps = grantsBeyond(await this.access.grantsOf(request), roles);
    if (gaps.length) {
      throw new ServiceError(403, `Access denied: ${what} grants more than your tickets roles hold: ${describeGrantGaps(gaps)}.`, 'ESCALATION_DENIED', { missing: gaps });
    }
  }
}

/** The stored definitions of the given tickets roles (unknown ids are left out; callers check them). */
export function roleDefinitions(manager: EntityManager, roleIds: string[]): Promise<RoleDefinition[]> {
  if (!roleIds.length) return Promise.resolve([]);
  return manager.query('SELECT name, read_only AS "readOnly", permissions, capabilities FROM ticket_roles WHERE id = ANY($1::uuid[])', [roleIds]);
}
