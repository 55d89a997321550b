import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AclScope, AudienceCandidate, explainAccess, ExplainedRecord, whoCanSee } from '@app/acl';
import { recordMatchesScope } from '@app/acl/typeorm';
import { ExplainQueryDto, ExplainView, RpcRequest, TICKETS_ACL, WhoCanSeeQueryDto, WhoCanSeeView } from '@app/contracts';
import { ServiceError } from '@app/service-kit';
import { DataSource, IsNull } from 'typeorm';
import { TicketAccessService } from '../access/ticket-access.service';
import { Ticket } from '../tickets/ticket.entity';
import { ticketRecord } from '../tickets/ticket-scope';

/** How the mirrored users keep their ownership: the same as identity's users (DESIGN.md section 3). */
const USER_SCOPE_COLUMNS = { organizationIds: 'organizationIds', ownerBusinessUnitId: 'ownerBusinessUnitId' };

/**
 * DESIGN.md section 3 "Explain" for ticket entities, decided by tickets' own security roles: the
 * caller's access explained, and the tickets users whose roles reach a ticket. A ticket the caller
 * may not view (or that is deleted) is a 404, like one that does not exist.
 */
@Injectable()
export class TicketExplainService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: TicketAccessService,
  ) {}

  async explain(request: RpcRequest, query: ExplainQueryDto): Promise<ExplainView> {
    const { subject, status } = await this.access.explainSubjectOf(request);
    const { entity, action, recordId } = query;
    if (recordId === undefined) return { ...explainAccess(subject, entity, action), roleSource: 'tickets', recordId: null, ticketsStatus: status };
    if (entity !== 'Ticket') throw ServiceError.badInput([{ field: 'recordId', messages: [`records of ${entity} cannot be explained here; leave recordId out to explain the entity`] }]);
    const record = await this.ticketRecordOf(recordId);
    if (!record || !explainAccess(subject, 'Ticket', 'VIEW', record).allowed) throw ServiceError.notFound(`ticket ${recordId}`);
    return { ...explainAccess(subject, entity, action, record), roleSource: 'tickets', recordId, ticketsStatus: status };
  }

  /**
   * The ACTIVE, enabled tickets users inside `request.scope` (the caller's User VIEW scope, which the
   * gateway computed from identity's roles) whose tickets roles reach the ticket, once per organization.
   */
  async whoCanSee(request: RpcRequest, query: WhoCanSeeQueryDto): Promise<WhoCanSeeView> {
    const userScope: AclScope = request.scope ?? { level: 'NONE' };
    if (userScope.level === 'NONE') throw new ServiceError(403, 'Access denied: this needs VIEW on User.', 'ACCESS_DENIED', { missing: { entity: 'User', action: 'VIEW' } });
    const actor = await this.access.actorOf(request);
    const record = await this.ticketRecordOf(query.recordId);
    if (!record || !actor.subject.canOnRecord('Ticket', 'VIEW', record)) throw ServiceError.notFound(`ticket ${query.recordId}`);

    const users: { id: string; username: string; organizationIds: string[]; businessUnitIds: string[]; ownerBusinessUnitId: string }[] = await this.dataSource.query(
      `SELECT id, username, organization_ids AS "organizationIds", business_unit_ids AS "businessUnitIds", owner_business_unit_id AS "ownerBusinessUnitId"
         FROM ticket_users WHERE enabled AND status = 'ACTIVE' ORDER BY lower(username)`,
    );
    const visibleUsers = users.filter((user) => recordMatchesScope(userScope, USER_SCOPE_COLUMNS, user));
    const roles = await this.access.rolesOfUsers(visibleUsers.map((user) => user.id));
    const candidates: AudienceCandidate[] = visibleUsers.flatMap((user) =>
      user.organizationIds.map((organizationId) => ({
        catalogue: TICKETS_ACL,
        roles: roles.get(user.id) ?? [],
        context: { userId: user.id, organizationId, businessUnitIds: user.businessUnitIds },
        tree: actor.tree,
      })),
    );
    const usernames = new Map(visibleUsers.map((user) => [user.id, user.username]));
    const items = whoCanSee(candidates, 'Ticket', record).map((member) => ({ ...member, username: usernames.get(member.userId)! }));
    return { entity: 'Ticket', recordId: query.recordId, action: 'VIEW', roleSource: 'tickets', items, total: items.length };
  }

  private async ticketRecordOf(id: string): Promise<ExplainedRecord | null> {
    const ticket = await this.dataSource.manager.findOne(Ticket, { where: { id, deletedAt: IsNull() } });
    return ticket ? ticketRecord(ticket) : null;
  }
}
