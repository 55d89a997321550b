import { Injectable } from '@nestjs/common';
import { ListUserSecurityDto, Page, RpcRequest, UserRolesView, UserSecurityItem } from '@app/contracts';
import { Outbox } from '@app/bus';
import { pageOf, ServiceError } from '@app/service-kit';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { roleDefinitions, TicketsEscalation } from '../access/tickets-escalation';
import { changedIds } from '../roles/role-set-change';
import { assertRolesExist } from '../roles/role-references';
import { TicketUser } from '../users/ticket-user.entity';
import { setUserRoles } from '../users/user-roles';

/** OrangeTask's User Security: users by status, and their tickets roles set by hand. */
@Injectable()
export class UserSecurityService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly escalation: TicketsEscalation,
  ) {}

  /** NEW lists the users without roles, ACTIVE those with; no status lists both. */
  async list(query: ListUserSecurityDto): Promise<Page<UserSecurityItem>> {
    const { limit, offset } = pageOf(query);
    const [users, total] = await this.dataSource.getRepository(TicketUser).findAndCount({
      where: query.status ? { status: query.status } : {},
      order: { username: 'ASC', id: 'ASC' },
      take: limit,
      skip: offset,
    });
    const roles: { userId: string; name: string }[] = users.length
      ? await this.dataSource.query(
          'SELECT ur.user_id AS "userId", r.name FROM ticket_user_roles ur JOIN ticket_roles r ON r.id = ur.role_id WHERE ur.user_id = ANY($1::uuid[]) ORDER BY r.name',
          [users.map((u) => u.id)],
        )
      : [];
    const items = users.map((u) => ({
      id: u.id,
      username: u.username,
      status: u.status,
      roles: roles.filter((r) => r.userId === u.id).map((r) => r.name),
    }));
    return { items, total };
  }

  /**
   * Sets the user's whole set of roles: some make it ACTIVE, none make it NEW again. Every role given
   * or taken must be covered by the caller's tickets roles (unless it holds role_escalate).
   */
  async assignRoles(userId: string, roleIds: string[], request: RpcRequest): Promise<UserRolesView> {
    return this.outbox.transaction(request.requestId, async (manager, publish) => {
      const user = await manager.findOne(TicketUser, { where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw ServiceError.notFound(`tickets user ${userId}`);
      await assertRolesExist(manager, roleIds);
      const held: { id: string }[] = await manager.query('SELECT role_id AS id FROM ticket_user_roles WHERE user_id = $1', [userId]);
      const changed = changedIds(held.map((r) => r.id), roleIds);
      await this.escalation.assertCovered(request, await roleDefinitions(manager, changed), 'the change of the user\'s tickets roles');
      return setUserRoles(manager, publish, userId, user.status, roleIds);
    });
  }
}
