import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { administratorRole } from '@app/acl';
import { TICKETS_ACL, TICKETS_ADMINISTRATOR_ROLE } from '@app/contracts';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** Any fixed number: the advisory lock that keeps two first starts from seeding twice. */
const FIRST_START_LOCK = 7_320_001;

/**
 * First start of tickets: role TICKETS_ADMINISTRATOR (every grant of TICKETS_ACL) and a tickets
 * security profile of the same name holding it. An identity administrator (who has identity's
 * `ticket_user_security`) assigns the role through User Security, or gives CRM users the profile
 * named TICKETS_ADMINISTRATOR so that they are activated with it on creation.
 */
@Injectable()
export class TicketsFirstStartService implements OnModuleInit {
  private readonly logger = new Logger('FirstStart');

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  // onModuleInit: before the event consumer starts (onApplicationBootstrap), so the first administrator's
  // identity.user.created finds the profile TICKETS_ADMINISTRATOR to match.
  async onModuleInit(): Promise<void> {
    const seeded = await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [FIRST_START_LOCK]);
      const [existing] = await manager.query('SELECT 1 FROM ticket_roles WHERE name = $1', [TICKETS_ADMINISTRATOR_ROLE]);
      if (existing) return false;
      const role = administratorRole(TICKETS_ACL, TICKETS_ADMINISTRATOR_ROLE);
      const [{ id: roleId }] = await manager.query(
        'INSERT INTO ticket_roles (name, label, read_only, permissions, capabilities) VALUES ($1, $2, false, $3, $4) RETURNING id',
        [role.name, 'Tickets administrator', JSON.stringify(role.permissions), JSON.stringify(role.capabilities)],
      );
      const [{ id: profileId }] = await manager.query('INSERT INTO ticket_security_profiles (name, description) VALUES ($1, $2) RETURNING id', [
        TICKETS_ADMINISTRATOR_ROLE,
        'Everything in tickets',
      ]);
      await manager.query('INSERT INTO ticket_security_profile_roles (profile_id, role_id) VALUES ($1, $2)', [profileId, roleId]);
      return true;
    });
    if (seeded) this.logger.log(`first start: created tickets role and security profile ${TICKETS_ADMINISTRATOR_ROLE}`);
  }
}
